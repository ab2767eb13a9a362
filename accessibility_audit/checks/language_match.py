"""Language of page and of parts (WCAG 3.1.1, 3.1.2): does the language a lang
attribute names match the text that takes its language from it?

The text is what the gatherer hands over in pieces (``gather/language.js``): the
visible or exposed text nodes of one block whose nearest lang attribute is on one
element, the accessible names of images and labelled elements (in the language of
the element named, wherever the name's text comes from), and the page's title. Each
piece is guessed with ``language_id.guess``; what the guess does not make sure asks
for review, what it cannot tell decides nothing.

- Page (ACT rule ucwvc8): the default language of the page is the one most words of
  the text inheriting the html element's language are in; the html element fails
  when that is another language than its lang attribute names.
- Parts (ACT rule off6ek, and 3.1.2's unmarked passages): an element's own lang
  attribute fails when the text inheriting it is in another language; a block with no
  lang of its own fails when it is surely in another language than the page's (not
  when the page itself is marked wrong: that is the page's failure)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from accessibility_audit.checks import language_id
from accessibility_audit.checks.language_id import Guess
from accessibility_audit.checks.results import Node, Outcomes


def evaluate(gathered: dict[str, Any]) -> tuple[Outcomes, Outcomes]:
    """Outcomes of the page rule (3.1.1) and of the parts rule (3.1.2)."""
    page_lang = language_id.subtag(gathered["lang"])
    known = language_id.known()
    page, page_wrong = Outcomes(), False
    if page_lang in known:
        page_wrong = _judge_page(gathered, page_lang, page)
    parts = Outcomes()
    for piece in gathered["pieces"]:
        declared = language_id.subtag(piece["lang"])
        if declared not in known or (piece["inherited"] and page_wrong):
            continue
        found = language_id.guess(piece["text"], declared)
        if found is None:
            continue
        node = Node(piece["target"], piece["html"])
        if found.language == declared:
            parts.passed.append(node)
        elif found.sure:
            parts.failed.append(Node(node.target, node.html, _message(found, piece["lang"])))
        elif not piece["inherited"]:
            # A passage with no lang of its own fails only on sure evidence: short
            # labels, names and quotations in a page are too common to ask about.
            parts.review.append(Node(node.target, node.html, _message(found, piece["lang"])))
    return page, parts


def _judge_page(gathered: dict[str, Any], declared: str, page: Outcomes) -> bool:
    """Judge the html element into ``page``; True when it fails."""
    texts = [p["text"] for p in gathered["pieces"] if p["inherited"]]
    if gathered.get("title"):
        texts.append(gathered["title"])
    sure: Counter[str] = Counter()
    likely: Counter[str] = Counter()
    for text in texts:
        found = language_id.guess(text, declared)
        if found is not None:
            (sure if found.sure else likely)[found.language] += language_id.words(text)
    root = Node("html", gathered["html"])
    if sure:
        default = _most(sure)
        if default is None or default == declared:
            if default:
                page.passed.append(root)
            return False
        page.failed.append(Node(root.target, root.html,
                                _message(Guess(default, True), gathered["lang"])))
        return True
    default = _most(likely)
    if default == declared:
        page.passed.append(root)
    elif default is not None:
        page.review.append(Node(root.target, root.html,
                                _message(Guess(default, False), gathered["lang"])))
    return False


def _most(words: Counter[str]) -> str | None:
    """The language with most words; None on a tie or none."""
    ranked = words.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _message(found: Guess, marked: str) -> str:
    language = f"{language_id.name(found.language)} ({found.language})"
    if found.sure:
        return (f"The text is in {language}, but its language is given as {marked!r}: "
                f"mark it lang=\"{found.language}\"")
    return (f"The text seems to be in {language} rather than in the language given, "
            f"{marked!r}, but it is too short to be sure: check it, and mark it "
            f"lang=\"{found.language}\" if so")
