"""Validation errors a facility manager can act on: the field path, then what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import ValidationError

_LANG_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}


class ContentError(Exception):
    """Content that cannot be published; ``problems`` lists one line per fault."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''}, nothing was changed"
        return "\n".join([head, *(f"  {line}" for line in self.problems)])


def field_path(loc: Iterable[int | str]) -> str:
    """A pydantic location as the path an editor reads.

    ``("locations", "main", "hours", "tuesday", 1, "end")`` becomes
    ``locations.main.hours.tuesday[1].end``.
    """
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith(("function-", "tagged-union")):
            continue  # pydantic's internal validator names mean nothing to an editor
        else:
            path += f".{part}" if path else part
    return path or "(top level)"


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check its spelling; content/schema.json lists every field)"
    if kind == "enum" or kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f'"{error.get("input")}" is not allowed; expected {expected}'
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def describe_validation(error: ValidationError) -> list[str]:
    lines = []
    for item in error.errors(include_url=False):
        path = field_path(item["loc"])
        lines.append(f"{path}: {_message(item)}")
    return lines


def language_name(code: str) -> str:
    return _LANG_NAMES.get(code, code)
