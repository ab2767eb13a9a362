"""Checks every rendered page must pass, read with the standard library's HTML parser."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser


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


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.facts.html_lang = values.get("lang")
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self.facts.h1_count += 1
        if values.get("id"):
            self.facts.ids[values["id"]] += 1
        if values.get("lang") and tag != "html":
            self.facts.lang_spans.append(values["lang"] or "")
        for name in ("href", "src", "action"):
            if values.get(name):
                self.facts.urls.append(values[name] or "")
                if tag == "a" and (values[name] or "").startswith(("http:", "https:", "//")):
                    self.facts.external_links.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.facts.title += data
        self.facts.text.append(data)


def page_facts(html: str) -> PageFacts:
    collector = _Collector()
    collector.feed(html)
    return collector.facts


def assert_well_formed_page(html: str, lang: str) -> PageFacts:
    facts = page_facts(html)
    assert facts.html_lang == lang
    assert facts.title.strip(), "every page needs a title"
    assert facts.h1_count == 1, f"expected one h1, found {facts.h1_count}"
    duplicates = [i for i, n in facts.ids.items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    outside = [u for u in facts.urls if u.startswith(("http:", "https:", "//"))]
    assert not outside, f"the stand must not load or link outside: {outside}"
    return facts
