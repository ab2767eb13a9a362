"""Finds English left in what Kazakh and Russian readers are shown.

A heuristic: words of Latin letters that are English words are flagged — the common ones
listed below, and every word of the product's own English messages (the msgids of the
kiosk's and the scanner's catalogs) that no Kazakh or Russian translation keeps (so
names and codes the translations use, such as WCAG or STAND_URL, are not flagged). Names,
codes, addresses and anything marked as English (``lang="en"``) or as code (``<code>``,
``<kbd>``, ``<samp>``) are not read. Each finding says the word and the text it stood
in, so a failure points at the string to translate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = (ROOT / "kiosk" / "translations", ROOT / "accessibility_audit" / "translations")

# Common English words, and the words of this product's own messages: a Kazakh or
# Russian text never contains them, a forgotten English one nearly always does.
ENGLISH = frozenset([
    "a", "about", "above", "acknowledge", "acknowledged", "add", "after", "again", "all",
    "allowed", "already", "also", "an", "and", "answer", "any", "are", "as", "at", "be", "been",
    "before", "below", "but", "by", "call", "calls", "can", "cannot", "change", "changed", "check",
    "choose", "close", "closed", "could", "date", "day", "days", "does", "done", "down", "e-mail",
    "each", "edit", "empty", "enter", "error", "escalated", "expected", "field", "file", "fill",
    "find", "for", "found", "from", "give", "has", "have", "here", "how", "if", "import",
    "imported", "in", "into", "invalid", "is", "it", "its", "last", "line", "list", "location",
    "made", "may", "minute", "minutes", "missing", "more", "must", "name", "need", "new", "no",
    "none", "not", "nothing", "notification", "notifications", "number", "of", "off", "on", "once",
    "one", "only", "open", "or", "other", "page", "please", "problem", "problems", "published",
    "read", "request", "requests", "required", "save", "saved", "see", "send", "sent", "should",
    "since", "sound", "stand", "stands", "still", "than", "that", "the", "their", "them", "then",
    "there", "these", "this", "time", "to", "too", "try", "turn", "under", "up", "use", "value",
    "was", "waiting", "were", "what", "when", "where", "which", "while", "who", "will", "with",
    "without", "would", "wrong", "yes", "you", "your"
])
# Latin-script words that are right in any language here: names, standards, formats.
ALLOWED = frozenset([
    "wcag", "eotinish", "yaml", "csv", "json", "html", "pdf", "smtp", "url", "https", "http",
    "utc", "asia", "almaty", "axe-core"
])
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
# What a message holds besides its words: placeholders, markup, entities.
_NOT_WORDS = re.compile(r"%\([a-z_]+\)[sdfr]|%[sdf]|\{[a-z_]*\}|<[^>]+>|&\w+;")
# Addresses (with or without their scheme), e-mail addresses, file names, ids, commands
# and their options are codes, whatever letters they use.
_CODES = re.compile(r"[a-z][a-z+.-]*://\S+|\S+@\S+|\b[\w-]+\.(?:ya?ml|csv|json|html|pdf)\b"
                    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?"
                    r"|\b\d+(?:\.\d+){3}(?::\d+)?(?:/\S*)?"
                    r"|\bn/a\b|\ba11y-audit(?: [a-z]+){0,2}|\bkiosk(?: [a-z]+){1,2}\b"
                    r"|(?<!\w)--[a-z][\w-]*"
                    r"|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[a-z]+_[a-z_]+\b")
_SKIPPED_TAGS = {"script", "style", "code", "kbd", "samp", "pre"}
# Attributes whose values a person reads or hears.
_READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")


@dataclass(frozen=True)
class English:
    word: str
    text: str
    where: str

    def describe(self) -> str:
        return f"{self.where}: English word {self.word!r} in {self.text.strip()[:160]!r}"


def _words(message: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(_NOT_WORDS.sub(" ", message))}


def _texts(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@cache
def catalog_english() -> frozenset[str]:
    """The words of the English messages that no Kazakh or Russian translation keeps."""
    english: set[str] = set()
    kept: set[str] = set()
    for catalogs in CATALOGS:
        for lang in ("en", "kk", "ru"):
            with (catalogs / lang / "LC_MESSAGES" / "messages.po").open("rb") as file:
                catalog = read_po(file)
            for message in catalog:
                if not message.id:
                    continue
                if lang == "en":
                    english.update(*map(_words, _texts(message.id)))
                else:
                    kept.update(*map(_words, _texts(message.string)))
    return frozenset(english - kept)


def vocabulary() -> frozenset[str]:
    return (ENGLISH | catalog_english()) - ALLOWED


def english_words(text: str, where: str, allowed: frozenset[str] = frozenset()
                  ) -> list[English]:
    found = []
    words = vocabulary()
    for word in _WORD.findall(_CODES.sub(" ", text)):
        lower = word.lower()
        # A capital letter alone names something (A-weighting), it is not the article.
        if len(word) == 1 and word.isupper():
            continue
        if lower in words and lower not in allowed:
            found.append(English(word, text, where))
    return found


class _Texts(HTMLParser):
    """The texts of a page a reader meets, without code and without English marked so."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    def _skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = tag in _SKIPPED_TAGS or values.get("lang") == "en"
        void = tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}
        if not (skipped or self._skipping()):
            self.texts += [value for name, value in attrs if value and (
                name in _READ_ATTRIBUTES or name.startswith("data-text-"))]
            if tag == "input" and values.get("type") in {"submit", "button"}:
                self.texts.append(values.get("value") or "")
        if not void:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _skipped = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._skipping():
            self.texts.append(data)


def english_in_page(html: str, where: str, allowed: frozenset[str] = frozenset()
                    ) -> list[English]:
    """``allowed``: words that are the test's own data (names of accounts, say)."""
    parser = _Texts()
    parser.feed(html)
    return [hit for text in parser.texts for hit in english_words(text, where, allowed)]


def english_in_text(text: str, where: str, allowed: frozenset[str] = frozenset()
                    ) -> list[English]:
    return [hit for line in text.splitlines() for hit in english_words(line, where, allowed)]
