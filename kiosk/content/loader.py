"""Read and write content files (YAML), turning every fault into a :class:`ContentError`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kiosk.content.errors import ContentError, describe_validation
from kiosk.content.model import Content


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps times such as 09:00 as text instead of base-60 integers."""


# YAML 1.1 resolves 09:00 to 540 (sexagesimal); drop that resolver so times stay strings.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0|[-+]?[1-9][0-9_]*)$"),
    list("-+0123456789"),
)


def parse_yaml(text: str, source: str = "<content>") -> Content:
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(source, [f"{where}: not valid YAML: {problem}"]) from None
    return validate(data, source)


def validate(data: Any, source: str = "<content>") -> Content:
    if not isinstance(data, dict):
        raise ContentError(
            source, ["(top level): expected a mapping with organisation and locations"])
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        raise ContentError(source, describe_validation(exc)) from None


def load_file(path: str | Path) -> Content:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(str(path), ["file not found"]) from None
    except UnicodeDecodeError as exc:
        raise ContentError(str(path), [f"byte {exc.start}: the file is not UTF-8 text"]) from None
    return parse_yaml(text, str(path))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        return str(value)  # plain str, not a StrEnum, for the safe dumper
    return value


def dump_yaml(content: Content) -> str:
    data = _plain(content.model_dump(mode="python"))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
