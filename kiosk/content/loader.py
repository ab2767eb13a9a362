"""Read and write content files (YAML), turning every fault into a :class:`ContentError`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kiosk.content.errors import ContentError, Loc, Locate, describe_validation
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


_YAML_HINTS = {
    "mapping values are not allowed here": " (a text that contains \": \" must be put in "
    "quotes)",
    "expected <block end>, but found": " (check the indentation: items of one group must "
    "start in the same column)",
    "found character '\\t' that cannot start any token": " (use spaces, not tabs, to indent)",
}


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
    problem = getattr(exc, "problem", None) or str(exc)
    hint = next((h for start, h in _YAML_HINTS.items() if problem.startswith(start)), "")
    return f"{where}: not valid YAML: {problem}{hint}"


def _line_finder(root: yaml.Node | None) -> Locate:
    """Maps a field path to the line of the YAML file it was read from."""

    def locate(loc: Loc) -> int | None:
        node, line = root, None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
                if match is None:
                    break
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line

    return locate


def parse_yaml(text: str, source: str = "<content>") -> Content:
    # One parse: the node tree gives line numbers for errors, and the data is built from it.
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        raise ContentError(source, [_yaml_problem(exc)]) from None
    finally:
        loader.dispose()
    return validate(data, source, _line_finder(root))


def validate(data: Any, source: str = "<content>",
             locate: Locate | None = None) -> Content:
    if not isinstance(data, dict):
        raise ContentError(
            source, ["(top level): expected a mapping with organisation and locations"])
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        raise ContentError(source, describe_validation(exc, locate)) from None


def load_file(path: str | Path) -> Content:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(str(path), ["file not found"]) from None
    except UnicodeDecodeError as exc:
        raise ContentError(str(path), [f"byte {exc.start}: the file is not UTF-8 text"]) from None
    return parse_yaml(text, str(path))


class _Time(str):
    """A time of day, always written in quotes so YAML never reads it as a number."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Time, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value),
                                                         style='"'))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.time):
        return _Time(value.strftime("%H:%M"))
    if isinstance(value, str):
        return str(value)  # plain str, not a StrEnum, for the safe dumper
    return value


def dump_yaml(content: Content) -> str:
    data = _plain(content.model_dump(mode="python"))
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
