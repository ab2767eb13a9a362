"""The small markup facility managers may use in longer visitor texts.

A blank line starts a paragraph; lines starting with "- " (or "• ") make a bulleted list
and "1. " a numbered one; ``*text*`` is emphasis, ``**text**`` strong emphasis and
``[text](https://…)`` a link. Nothing else is markup: any HTML typed is shown as the
characters typed, so no text can carry a script or a style onto a stand. Links other
than http(s) stay plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-•]\s+")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+")
_INLINE = re.compile(
    r"\*\*(?P<strong>[^*\n]+?)\*\*"
    r"|\*(?P<em>[^*\n]+?)\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^\s()<>\"]+)\)"
)
_SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class Run:
    text: str
    style: str = ""  # "", "em" or "strong"
    link: str | None = None


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "bullets" or "numbers"
    items: tuple[tuple[Run, ...], ...]


def inline(text: str) -> tuple[Run, ...]:
    text = _SPACES.sub(" ", text).strip()
    runs: list[Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position:match.start()]))
        if match["strong"]:
            runs.append(Run(match["strong"], "strong"))
        elif match["em"]:
            runs.append(Run(match["em"], "em"))
        else:
            runs.append(Run(match["label"], link=match["url"]))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""

    def close() -> None:
        nonlocal kind
        if paragraph:
            blocks.append(Block("paragraph", (inline(" ".join(paragraph)),)))
            paragraph.clear()
        if items:
            blocks.append(Block(kind, tuple(inline(item) for item in items)))
            items.clear()
        kind = ""

    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            close()
            continue
        marker = "bullets" if _BULLET.match(line) else "numbers" if _NUMBER.match(line) else ""
        if marker:
            if paragraph or (kind and kind != marker):
                close()
            kind = marker
            items.append((_BULLET if marker == "bullets" else _NUMBER).sub("", line, count=1))
        elif items:
            items[-1] += " " + line.strip()  # a wrapped list item continues
        else:
            paragraph.append(line.strip())
    close()
    return blocks


def links(text: str) -> list[str]:
    """Every link address in ``text``, once each, in order."""
    found: list[str] = []
    for block in parse(text):
        for item in block.items:
            for run in item:
                if run.link and run.link not in found:
                    found.append(run.link)
    return found


def plain(text: str) -> str:
    """The words of ``text`` without markup, as one line per block."""
    return "\n".join(" ".join("".join(run.text for run in item) for item in block.items)
                     for block in parse(text))
