"""Kazakh or Russian? The judge between the two state languages, which generic
language identifiers confuse (``language_id.py`` asks it whenever either is in play).

Both languages are written in Cyrillic, and Kazakh uses every Russian letter, so
the text itself is weighed: a word is Kazakh when it has one of the nine letters
Russian lacks (ә ғ қ ң ө ұ ү һ і) or is a frequent Kazakh word; Russian when it is
a frequent Russian word or has a Russian ending. A passage is given a language
only when it has enough words and one side clearly wins, so names (Өскемен in a
Russian sentence), numbers and one-word labels decide nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def primary(lang: str) -> str:
    """The language subtag of a lang attribute, with common mistakes (kz) mapped."""
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(code, code)
