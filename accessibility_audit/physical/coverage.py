"""How much of a stand a stand audit covered: the matrix the stand says it shows (its
manifest: pages, languages, display modes, orientations, at one content revision) against
the page views the audit audited. Pure functions, so a stored scan re-judges the same way.

A verdict may only come from the whole matrix: an audit of the Kazakh home page in
standard mode says nothing about the Russian contacts page in large type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# One page view: page, language, mode, orientation.
View = tuple[str, str, str, str]


class BadManifest(ValueError):
    """What a stand said it shows cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class Matrix:
    """Everything a stand shows at one content revision, and the stands of its location."""

    revision: int
    pages: tuple[str, ...]
    languages: tuple[str, ...]
    modes: tuple[str, ...]
    orientations: tuple[str, ...]
    stands: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Any) -> Matrix:
        if not isinstance(data, Mapping):
            raise BadManifest("the manifest is not a JSON object")
        revision = data.get("revision")
        if not isinstance(revision, int) or isinstance(revision, bool):
            raise BadManifest("the manifest has no whole-number \"revision\"")
        lists = {}
        for name in ("pages", "languages", "modes", "orientations"):
            value = data.get(name)
            if not isinstance(value, list) or not value \
                    or not all(isinstance(v, str) and v for v in value):
                raise BadManifest(f"the manifest's \"{name}\" is not a list of names")
            lists[name] = tuple(value)
        stands = data.get("stands", [])
        if not isinstance(stands, list):
            raise BadManifest("the manifest's \"stands\" is not a list")
        ids = tuple(s["id"] if isinstance(s, Mapping) else s for s in stands)
        if not all(isinstance(i, str) and i for i in ids):
            raise BadManifest("a stand in the manifest has no id")
        return cls(revision, stands=ids, **lists)

    def to_json(self) -> dict[str, Any]:
        return {"revision": self.revision, "pages": list(self.pages),
                "languages": list(self.languages), "modes": list(self.modes),
                "orientations": list(self.orientations), "stands": list(self.stands)}

    def views(self) -> set[View]:
        return {(p, lang, m, o) for p in self.pages for lang in self.languages
                for m in self.modes for o in self.orientations}


@dataclass(frozen=True)
class Coverage:
    expected: int
    covered: int
    # The page views not audited, in the matrix's order (for "… and 180 more").
    missing: tuple[View, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def coverage(matrix: Matrix, audited: Iterable[View]) -> Coverage:
    """Which of the matrix's page views were audited (audited views outside it, a page
    the stand no longer has, count for nothing)."""
    done = set(audited)
    order = [(p, lang, m, o) for p in matrix.pages for lang in matrix.languages
             for m in matrix.modes for o in matrix.orientations]
    missing = tuple(view for view in order if view not in done)
    return Coverage(len(order), len(order) - len(missing), missing)
