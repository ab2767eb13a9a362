"""Language of page and of parts (WCAG 3.1.1, 3.1.2): is Kazakh text marked as
Russian, or Russian text as Kazakh?

Both languages are written in Cyrillic, and Kazakh uses every Russian letter, so
the text itself is weighed: a word is Kazakh when it has one of the nine letters
Russian lacks (ә ғ қ ң ө ұ ү һ і) or is a frequent Kazakh word; Russian when it is
a frequent Russian word or has a Russian ending. A passage is given a language
only when it has enough words and one side clearly wins, so names (Өскемен in a
Russian sentence), numbers and one-word labels decide nothing."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# Frequent Kazakh words spelt without those letters (Russian has none of them).
_KAZAKH_WORDS = """
мен бен пен бойынша туралы немесе осы ол сол олар оны оған онда бар болып болады
табылады деп жылы дейін кейін сияқты емес керек сіз біз бір екі жаңа жалпы арнайы
тек ал яғни бірақ сондай ретінде арасында мына барлық жеке алу беру сондықтан
"""
KAZAKH_WORDS = frozenset(_KAZAKH_WORDS.split())
# Frequent Russian words (Kazakh uses none of them as words of its own).
_RUSSIAN_WORDS = """
и в во не на с со что как по для это от из к ко о об у за при или но а же бы так
если его ее её их все всё также только уже был была были было будет может этот
эта эти этого который которая которые которых где когда после без над под между
через чтобы то он она они мы вы я нет есть более очень можно нужно вам вас нам
"""
RUSSIAN_WORDS = frozenset(_RUSSIAN_WORDS.split())
RUSSIAN_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ость", "ости", "ться", "тся",
                   "ение", "ения", "ании", "ание", "ский", "ская", "ское", "ские", "ной",
                   "ный", "ная", "ное", "ные", "ных", "ным", "ции", "ствие", "ются", "ать",
                   "ить", "ять", "еть", "ства", "ство", "ству", "ами", "ями", "ях", "ыть",
                   "ешь", "ишь")
WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)
# Below these a passage decides nothing: labels, names, dates.
MIN_WORDS = 5
MIN_SHARE = 0.3
# Russian words are told by endings and short words, fewer than Kazakh's letters.
MIN_SHARE_RUSSIAN = 0.25
ALIASES = {"kz": "kk", "kaz": "kk", "rus": "ru"}
NAMES = {"kk": "Kazakh", "ru": "Russian"}


@dataclass(frozen=True)
class Weighing:
    words: int
    kazakh: int
    russian: int

    @property
    def language(self) -> str | None:
        """"kk", "ru", or None when the text is too short or too mixed to tell."""
        if self.words < MIN_WORDS:
            return None
        kazakh, russian = self.kazakh / self.words, self.russian / self.words
        if kazakh >= MIN_SHARE and kazakh >= 2 * russian:
            return "kk"
        if russian >= MIN_SHARE_RUSSIAN and kazakh <= 0.1:
            return "ru"
        return None


def weigh(text: str) -> Weighing:
    """Count the Cyrillic words of ``text`` that only Kazakh or only Russian has."""
    kazakh = russian = 0
    words = WORD.findall(text.lower())
    for word in words:
        if KAZAKH_LETTERS.intersection(word) or word in KAZAKH_WORDS:
            kazakh += 1
        elif word in RUSSIAN_WORDS or word.endswith(RUSSIAN_ENDINGS):
            russian += 1
    return Weighing(len(words), kazakh, russian)


def page_language(texts: list[str]) -> str | None:
    """The language most of the passages that tell one are written in, by words: a
    Russian page with a Kazakh passage is still a Russian page."""
    words: Counter[str] = Counter()
    for text in texts:
        weighing = weigh(text)
        if weighing.language:
            words[weighing.language] += weighing.words
    if not words:
        return None
    (first, count), *rest = words.most_common()
    return None if rest and rest[0][1] == count else first


def primary(lang: str) -> str:
    """The language subtag of a lang attribute, with common mistakes (kz) mapped."""
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(code, code)


def evaluate(gathered: dict[str, Any]) -> tuple[Outcomes, Outcomes]:
    """Outcomes of the page rule (3.1.1) and of the parts rule (3.1.2)."""
    page, parts = Outcomes(), Outcomes()
    page_lang = primary(gathered["lang"])
    found = page_language([p["text"] for p in gathered["pieces"] if p["inherited"]])
    root = Node("html", gathered["html"])
    page_wrong = False
    if page_lang and found:
        page_wrong = found != page_lang
        if page_wrong:
            page.failed.append(Node("html", gathered["html"], _message(found, gathered["lang"])))
        else:
            page.passed.append(root)
    for piece in gathered["pieces"]:
        marked = primary(piece["lang"])
        language = weigh(piece["text"]).language
        if not marked or not language or (page_wrong and piece["inherited"]):
            continue
        node = Node(piece["target"], piece["html"])
        if language == marked:
            parts.passed.append(node)
        else:
            parts.failed.append(Node(node.target, node.html, _message(language, piece["lang"])))
    return page, parts


def _message(found: str, marked: str) -> str:
    return (f"The text is in {NAMES[found]} ({found}), but its language is given as "
            f"{marked!r}: mark it lang=\"{found}\"")
