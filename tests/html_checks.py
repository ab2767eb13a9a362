"""What every rendered page must be, read with the standard library's HTML parser.

:func:`page_problems` is applied to every HTML response the tests render (see
``tests/rendered_pages.py``); :func:`page_facts` gives tests the facts to assert on."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from babel import Locale
from markupsafe import escape


@dataclass
class PageFacts:
    html_lang: str | None = None
    title: str = ""
    h1_count: int = 0
    ids: Counter = field(default_factory=Counter)
    urls: list[str] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)
    lang_spans: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    # Attribute values, outside <script> and <style>: (tag, attribute, value).
    attributes: list[tuple[str, str, str]] = field(default_factory=list)


# Their content is code, not text: braces and the word None are at home there.
_CODE_TAGS = {"script", "style"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()
        self._in_title = False
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.facts.html_lang = values.get("lang")
        if tag == "title":
            self._in_title = True
        if tag in _CODE_TAGS:
            self._in_code += 1
        if tag == "h1":
            self.facts.h1_count += 1
        if values.get("id"):
            self.facts.ids[values["id"]] += 1
        if values.get("lang") and tag != "html":
            self.facts.lang_spans.append(values["lang"] or "")
        self.facts.attributes.extend((tag, name, value) for name, value in attrs if value)
        for name in ("href", "src", "action"):
            if values.get(name):
                self.facts.urls.append(values[name] or "")
                if tag == "a" and (values[name] or "").startswith(("http:", "https:", "//")):
                    self.facts.external_links.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _CODE_TAGS and self._in_code:
            self._in_code -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.facts.title += data
        if not self._in_code:
            self.facts.text.append(data)


def page_facts(html: str) -> PageFacts:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.facts


# RFC 5646 section 2.1, without the grandfathered tags (none of them is ours to use).
_LANGTAG = re.compile(
    r"(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",
    re.IGNORECASE)


@cache
def _registered() -> tuple[set[str], set[str], set[str]]:
    """Languages, scripts and regions CLDR knows (Babel ships CLDR): the subtags a
    screen reader can do something with."""
    english = Locale("en")
    return ({code.lower() for code in english.languages},
            {code.lower() for code in english.scripts},
            {code.lower() for code in english.territories})


def lang_problem(tag: str | None) -> str | None:
    """Why ``tag`` is not a valid BCP 47 language tag for ``html[lang]``, or None."""
    if not tag:
        return "<html> has no lang attribute"
    match = _LANGTAG.fullmatch(tag)
    if not match:
        return f'html lang="{tag}" is not a well-formed BCP 47 tag'
    languages, scripts, regions = _registered()
    language = match["language"].lower().split("-")[0]
    if language not in languages:
        return f'html lang="{tag}": "{language}" is not a registered language'
    if match["script"] and match["script"].lower() not in scripts:
        return f'html lang="{tag}": "{match["script"]}" is not a registered script'
    if match["region"] and match["region"].lower() not in regions:
        return f'html lang="{tag}": "{match["region"]}" is not a registered region'
    return None


_TEMPLATE_LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}|\{#|#\}")
# An entity escaped twice shows its own source (&lt;) to the reader.
_DOUBLE_ESCAPED = re.compile(r"&amp;(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-f]+);", re.IGNORECASE)
# Python's None (or Jinja's Undefined) printed where a value was meant: alone in its
# element ("<dd>None</dd>"), or after other words ("opens at None", "Room: None"). "None"
# opening an English sentence ("None.", "None in the next four months.") is a word.
_LONE_VALUE = re.compile(r"\s*(?:None|Undefined)\s*")
_VALUE_IN_SENTENCE = re.compile(r"[^\s.!?]\s*\b(?:None|Undefined)\b")


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _without(text: str, typed: tuple[str, ...]) -> str:
    """``text`` less what the test typed: all of it when it is a piece of a typed text
    (rich text splits what was typed into several elements), else each whole typed text."""
    piece = " ".join(text.split())
    if piece and any(piece in " ".join(words.split()) for words in typed):
        return ""
    for words in typed:
        text = text.replace(words, " ")
    return text


def page_problems(html: str, typed: tuple[str, ...] = ()) -> list[str]:
    """Everything wrong with ``html`` as a page, each problem once, saying what and where.

    ``typed`` is text the test itself put into the content (a template injection attempt,
    a literal "&lt;"): the page shows it as it is, which is right, not a leftover."""
    facts = page_facts(html)
    problems: dict[str, int] = {}

    def problem(text: str) -> None:
        problems[text] = problems.get(text, 0) + 1

    if facts.h1_count != 1:
        problem(f"expected exactly one <h1>, found {facts.h1_count}")
    if not facts.title.strip():
        problem("the <title> is missing or empty")
    if found := lang_problem(facts.html_lang):
        problem(found)
    duplicates = sorted(i for i, n in facts.ids.items() if n > 1)
    if duplicates:
        problem(f"duplicate ids: {', '.join(duplicates)}")
    for text in facts.text:
        text = _without(text, typed)
        if _TEMPLATE_LEFTOVER.search(text):
            problem(f"template syntax left in the text: “{_shown(text)}”")
        if _LONE_VALUE.fullmatch(text) or _VALUE_IN_SENTENCE.search(text):
            problem(f"None or Undefined printed in the text: “{_shown(text)}”")
    for tag, name, value in facts.attributes:
        value = _without(value, typed)
        if _TEMPLATE_LEFTOVER.search(value):
            problem(f"template syntax left in <{tag} {name}>: “{_shown(value)}”")
        if _LONE_VALUE.fullmatch(value):
            problem(f'<{tag} {name}="{value.strip()}">: a value that was never set')
    source = _without(html, tuple(str(escape(words)) for words in typed))
    for match in _DOUBLE_ESCAPED.finditer(source):
        context = source[max(0, match.start() - 30):match.end() + 30]
        problem(f"escaped twice, {match[0]}, in “{_shown(context, 80)}”")
    return [text if count == 1 else f"{text} (×{count})" for text, count in problems.items()]


def assert_stand_page(html: str, lang: str) -> PageFacts:
    """A stand page is in the language asked for and loads nothing from outside (the
    checks of every page are applied to every response by ``tests/rendered_pages.py``)."""
    facts = page_facts(html)
    assert facts.html_lang == lang, f"expected lang={lang}, found {facts.html_lang}"
    outside = [u for u in facts.urls if u.startswith(("http:", "https:", "//"))]
    assert not outside, f"the stand must not load or link outside: {outside}"
    return facts
