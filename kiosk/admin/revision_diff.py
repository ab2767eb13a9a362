"""A readable difference between two versions of a location: which field of which
section changed, from what to what."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.content.sections import section_for_path


@dataclass(frozen=True)
class Change:
    section: str
    path: str
    before: str
    after: str

    @property
    def kind(self) -> str:
        if not self.before:
            return "added"
        if not self.after:
            return "removed"
        return "changed"


def _flatten(node: Any, path: str, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(value, f"{path}.{key}" if path else key, out)
    elif isinstance(node, list):
        keyed = all(isinstance(item, dict) and "id" in item for item in node)
        for index, item in enumerate(node):
            # Items with an id (announcements, stands) are matched by id, so adding one
            # at the top does not show every later one as changed.
            _flatten(item, f"{path}.{item['id'] if keyed else index}", out)
    elif node is not None and node != "":
        out[path] = "✓" if node is True else "✗" if node is False else str(node)


def flatten(document: dict[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    _flatten(document or {}, "", out)
    return out


def diff_locations(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[Change]:
    old, new = flatten(before), flatten(after)
    changes = []
    for path in sorted(old.keys() | new.keys(), key=_order_key(old, new)):
        if old.get(path) != new.get(path):
            changes.append(Change(section_for_path(path), path, old.get(path, ""),
                                  new.get(path, "")))
    return changes


def _order_key(old: dict[str, str], new: dict[str, str]) -> Callable[[str], int]:
    # Document order: the order fields appear in the newer version, then the older one.
    order = {path: index for index, path in enumerate([*new, *[p for p in old if p not in new]])}
    return lambda path: order[path]


def changed_section_ids(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    seen: list[str] = []
    for change in diff_locations(before, after):
        if change.section not in seen:
            seen.append(change.section)
    return seen
