"""YAML that people write, read within bounds: every file a user uploads or imports.

The checklist files of :mod:`accessibility_audit.physical.yaml_file` and the kiosk's
content files are both read through this module (the kiosk imports it; the scanner
never imports the kiosk). Before anything is built it refuses what could exhaust the
memory or the stack of the server, or hide a fault:

- a file over a size limit, checked on the bytes before they are decoded or parsed;
- bytes that are not UTF-8, and control characters such as NUL;
- anchors and aliases (``&name``, ``*name``): an alias repeats a value, nested ones
  multiply it (ten levels of ten make ten billion, the "billion laughs"), and no file
  of ours needs them;
- collections nested deeper than a limit, and more nodes than a limit (each node costs
  about 600 bytes to keep);
- scalars that cannot be built (an integer of 5 000 digits, the 13th month).

Every refusal is a :class:`Refused` carrying a code, its facts and the line, never
the file's text (at most an :func:`excerpt`), so that each caller says it in its
user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Where yaml.cyaml takes it from (its stubs do not re-export it).
from yaml._yaml import CParser
from yaml._yaml import Mark as CMark
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

EXCERPT_CHARACTERS = 60
# PyYAML's own definition of what a YAML stream may hold (yaml.reader.Reader).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                            "\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Limits:
    """How large a file may be: bytes, depth of nested collections, and nodes."""

    max_bytes: int
    max_depth: int = 20
    max_nodes: int = 100_000


class Refused(Exception):
    """A file that is not read. ``code`` is one of:

    ``too-large`` (``limit``: bytes), ``not-utf8`` (``byte``: e.g. ``0xFF``),
    ``control-character`` (``character``: e.g. ``U+0000``), ``alias``, ``too-deep``
    (``limit``), ``too-many-nodes`` (``limit``), ``bad-value`` (``value``: an excerpt),
    ``not-yaml`` (``reason``: PyYAML's English words for the syntax fault).
    """

    def __init__(self, code: str, line: int | None = None, column: int | None = None,
                 **values: str | int) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.values: dict[str, str | int] = values

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.code} {self.values}" if self.values else f"{where}{self.code}"


def excerpt(value: object, characters: int = EXCERPT_CHARACTERS) -> str:
    """``value`` as at most ``characters`` characters on one line, for a message."""
    text = " ".join(str(value).split())
    return text if len(text) <= characters else text[:characters - 1].rstrip() + "…"


def read_bounded(path: str | Path, limits: Limits) -> bytes:
    """The bytes of ``path``; never more than ``limits.max_bytes`` are read, so a huge
    file (or a device such as /dev/zero) is refused without filling the memory."""
    with open(path, "rb") as file:
        data = file.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise Refused("too-large", limit=limits.max_bytes)
    return data


def decode(data: bytes, limits: Limits) -> str:
    """UTF-8 text of ``data`` (a byte-order mark is dropped), or :class:`Refused`."""
    if len(data) > limits.max_bytes:
        raise Refused("too-large", limit=limits.max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        raise Refused("not-utf8", data.count(b"\n", 0, error.start) + 1, column,
                      byte=f"0x{data[error.start]:02X}") from None
    check_text(text, limits)
    return text


def check_text(text: str, limits: Limits) -> None:
    """Refuse text longer than the limit or holding a character YAML cannot hold."""
    if len(text) > limits.max_bytes:
        raise Refused("too-large", limit=limits.max_bytes)
    found = _NOT_PRINTABLE.search(text)
    if found is not None:
        start = found.start()
        raise Refused("control-character", text.count("\n", 0, start) + 1,
                      start - (text.rfind("\n", 0, start) + 1) + 1,
                      character=f"U+{ord(found.group()):04X}")


def _where(mark: yaml.Mark | CMark | None) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


class BoundedLoader(Composer, CParser, SafeConstructor, Resolver):
    """PyYAML's safe loader, counting while it composes: an alias or an anchor, a
    collection too deep or a node too many stops it before it is built.

    The events come from libyaml (ten times faster than PyYAML's own parser: 0.6 s for
    100 000 nodes), the nodes from PyYAML's composer, whose ``compose_node`` counts."""

    def __init__(self, stream: str, limits: Limits) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.limits = limits
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if event is None:  # never: the composer asks for a node only where an event is
            return super().compose_node(parent, index)
        line, column = _where(event.start_mark)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Refused("alias", line, column)
        self._nodes += 1
        if self._nodes > self.limits.max_nodes:
            raise Refused("too-many-nodes", line, column, limit=self.limits.max_nodes)
        if not isinstance(event, yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        # The composer recurses once per level: the limit comes long before Python's.
        if self._depth >= self.limits.max_depth:
            raise Refused("too-deep", line, column, limit=self.limits.max_depth)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError):
            line, column = _where(node.start_mark)
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            raise Refused("bad-value", line, column, value=excerpt(value)) from None


@dataclass
class Loaded:
    """A document's node tree (for line numbers) and the data built from it."""

    root: yaml.Node | None
    data: Any = field(default=None)


def compose(text: str, limits: Limits, loader: type[BoundedLoader] = BoundedLoader
            ) -> yaml.Node | None:
    """The node tree of one YAML document, with its line numbers, or :class:`Refused`."""
    return _run(text, limits, loader, construct=False).root


def load(text: str, limits: Limits, loader: type[BoundedLoader] = BoundedLoader) -> Loaded:
    """The node tree and the data of one YAML document, or :class:`Refused`."""
    return _run(text, limits, loader, construct=True)


def _run(text: str, limits: Limits, loader: type[BoundedLoader], construct: bool) -> Loaded:
    check_text(text, limits)
    instance = None
    try:
        instance = loader(text, limits)
        root = instance.get_single_node()
        data = instance.construct_document(root) if construct and root is not None else None
    except yaml.YAMLError as error:
        raise _not_yaml(error, limits) from None
    finally:
        if instance is not None:
            instance.dispose()
    return Loaded(root, data)


def _not_yaml(error: yaml.YAMLError, limits: Limits) -> Refused:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if "maximum nesting depth" in problem:
        # libyaml refuses 1 000 levels while it scans ahead, before our count is reached.
        return Refused("too-deep", *_where(mark), limit=limits.max_depth)
    context = getattr(error, "context", None)
    reason = f"{context}, {problem}" if context and problem.startswith("but ") else problem
    return Refused("not-yaml", *_where(mark), reason=excerpt(reason, 160))
