"""A Babel extractor for ``checklist.yaml``: its groups' titles and its items' questions
and how-to texts go to the scanner's catalogs with the other messages
(``accessibility_audit/babel.cfg``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

TRANSLATED_KEYS = ("title", "question", "how")


def extract_checklist(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                      options: Any) -> Iterator[tuple[int, None, str, list[str]]]:
    root = yaml.compose(fileobj.read().decode("utf-8"))
    yield from _strings(root)


def _strings(node: yaml.Node | None) -> Iterator[tuple[int, None, str, list[str]]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in TRANSLATED_KEYS and isinstance(value, yaml.ScalarNode):
                yield value.start_mark.line + 1, None, value.value, [
                    f"Physical stand checklist: {key.value}"]
            else:
                yield from _strings(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _strings(child)
