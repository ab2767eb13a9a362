"""Validation errors a facility manager can act on: the field path, then what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pydantic import ValidationError

from accessibility_audit import excerpt

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


# A file with thousands of faults lists the first ones: the rest are usually the same.
MAX_PROBLEMS = 50


def _given(error: dict) -> str:
    """The value the editor wrote, as a short excerpt: a message never repeats a whole
    group or a long text."""
    return excerpt(error.get("input"))


_DATE_HELP = "use YYYY-MM-DD, e.g. 2026-12-31"
_DATETIME_HELP = "use YYYY-MM-DDTHH:MM, e.g. 2026-12-22T10:00"
# Pydantic's own wording for common faults, in words a facility manager can act on.
_PLAIN: dict[str, Callable[[dict, dict], str]] = {
    "missing": lambda e, c: "is required but missing",
    "extra_forbidden": lambda e, c: "is not a known field here (check its spelling and its "
    "indentation; content/schema.json lists every field)",
    "list_type": lambda e, c: "expected a list: write each item on its own line starting "
    'with "- "',
    "dict_type": lambda e, c: "expected a group of fields (name: value lines, indented)",
    "model_type": lambda e, c: "expected a group of fields (name: value lines, indented)",
    "too_short": lambda e, c: f"needs at least {c.get('min_length', 1)} item(s)",
    "string_type": lambda e, c: f"expected text, found {excerpt(repr(e.get('input')))}",
    "int_parsing": lambda e, c: f'"{_given(e)}" is not a whole number',
    "int_type": lambda e, c: f'"{_given(e)}" is not a whole number',
    "bool_parsing": lambda e, c: f'"{_given(e)}" is not true or false',
    "less_than_equal": lambda e, c: f"{_given(e)} is too large: at most {c.get('le')}",
    "greater_than_equal": lambda e, c: f"{_given(e)} is too small: at least {c.get('ge')}",
    "date_parsing": lambda e, c: f'"{_given(e)}" is not a date ({_DATE_HELP})',
    "date_from_datetime_parsing": lambda e, c: f'"{_given(e)}" is not a date ({_DATE_HELP})',
    "date_type": lambda e, c: f'"{_given(e)}" is not a date ({_DATE_HELP})',
    "datetime_parsing": lambda e, c: f'"{_given(e)}" is not a date and time '
    f"({_DATETIME_HELP})",
    "datetime_from_date_parsing": lambda e, c: f'"{_given(e)}" is not a date and time '
    f"({_DATETIME_HELP})",
    "datetime_type": lambda e, c: f'"{_given(e)}" is not a date and time ({_DATETIME_HELP})',
    "enum": lambda e, c: f'"{_given(e)}" is not allowed; expected {c.get("expected", "")}',
    "literal_error": lambda e, c: f'"{_given(e)}" is not allowed; expected '
    f'{c.get("expected", "")}',
}


def _message(error: dict) -> str:
    plain = _PLAIN.get(error["type"])
    if plain:
        return plain(error, error.get("ctx", {}))
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def describe_validation(error: ValidationError,
                        locate: Callable[[tuple], int | None] | None = None) -> list[str]:
    """One line per fault: ``line N: field.path: what is wrong``."""
    lines = []
    errors = error.errors(include_url=False)
    for item in errors[:MAX_PROBLEMS]:
        path = field_path(item["loc"])
        line = locate(item["loc"]) if locate else None
        where = f"line {line}: " if line else ""
        lines.append(f"{where}{path}: {excerpt(_message(item), 300)}")
    if len(errors) > MAX_PROBLEMS:
        lines.append(f"… and {len(errors) - MAX_PROBLEMS} more problems of the same kinds")
    return lines


def language_name(code: str) -> str:
    return _LANG_NAMES.get(code, code)
