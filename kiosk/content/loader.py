"""Read and write content files (YAML), turning every fault into a :class:`ContentError`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from flask_babel import gettext as _
from pydantic import ValidationError

from accessibility_audit import (
    BoundedYamlLoader,
    YamlLimits,
    YamlRefused,
    decode_yaml,
    load_yaml,
    read_bounded,
)
from kiosk.content.errors import (
    ContentError,
    Loc,
    Locate,
    validation_error,
)
from kiosk.content.file_problems import describe
from kiosk.content.model import Content

# A content file of 2 MB holds some 80 buildings like the demo's (about 60 000 values);
# the limits refuse larger or stranger files before they are built (the scanner's
# accessibility_audit/safe_yaml.py, which reads its checklist files the same way).
LIMITS = YamlLimits(max_bytes=2 * 1024 * 1024, max_depth=20, max_nodes=100_000)


class _Loader(BoundedYamlLoader):
    """The bounded safe loader, keeping times such as 09:00 as text instead of base-60
    integers."""


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
    try:
        loaded = load_yaml(text, LIMITS, _Loader)
    except YamlRefused as refused:
        raise ContentError(source, [describe(refused)]) from None
    return validate(loaded.data, source, _line_finder(loaded.root))


def parse_bytes(data: bytes, source: str = "<content>") -> Content:
    """Content from the bytes of an uploaded file: size and encoding checked first."""
    try:
        text = decode_yaml(data, LIMITS)
    except YamlRefused as refused:
        raise ContentError(source, [describe(refused)]) from None
    return parse_yaml(text, source)


def validate(data: Any, source: str = "<content>",
             locate: Locate | None = None) -> Content:
    if not isinstance(data, dict):
        raise ContentError(
            source, [_("(top level): expected a mapping with organisation and locations")])
    try:
        return Content.model_validate(data)
    except ValidationError as exc:
        raise validation_error(source, exc, locate) from None


def load_file(path: str | Path) -> Content:
    path = Path(path)
    try:
        data = read_bounded(path, LIMITS)
    except FileNotFoundError:
        raise ContentError(str(path), ["file not found"]) from None
    except IsADirectoryError:
        raise ContentError(str(path), ["this is a folder: give the path of a YAML file"]
                           ) from None
    except PermissionError:
        raise ContentError(str(path), ["the file may not be read (permission denied)"]
                           ) from None
    except YamlRefused as refused:
        raise ContentError(str(path), [describe(refused)]) from None
    return parse_bytes(data, str(path))


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
