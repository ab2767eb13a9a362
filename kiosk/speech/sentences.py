"""Splitting a text into the sentences "Listen" reads and highlights one at a time."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = ("г", "ж", "гг", "жж", "т.б", "т.е", "т.д", "т.п", "им", "ул", "пр", "каб",
                  "д", "обл", "р-н", "e.g", "i.e", "St", "No", "тел", "көш", "даңғ")
_END = re.compile(r"(?<=[.!?…])[»\")]*\s+(?=[«\"(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")


_SPACES = re.compile(r"[ \t\r\n]+")


def split_sentences(text: str) -> list[str]:
    # Only ordinary white space is folded: no-break spaces keep "27 қараша" together.
    text = _SPACES.sub(" ", text).strip()
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        candidate = text[start:match.start()].strip()
        # split(), not split(" "): "2026 ж." has a narrow no-break space before "ж.".
        last_word = candidate.split()[-1].rstrip(".")
        if last_word in _ABBREVIATIONS:
            continue
        sentences.append(candidate)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
