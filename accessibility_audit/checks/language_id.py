"""Which language a passage is written in, for any language: is its declared language
(its lang attribute) one it can be in?

The identifier is langid.py's model (py3langid: character n-grams, naive Bayes, 97
languages, shipped inside the package and read offline). It is deterministic, but it
is a statistical guess, and weak on short text and on close relatives, so a verdict
is given only when the text leaves no doubt:

- *sure*: at least ``MIN_WORDS`` words, the identifier gives its language at least
  even odds, and the declared language at least ``SURE_ODDS`` times less;
- *likely*: at least two words, and the identifier prefers another language at least
  ``LIKELY_ODDS`` times over the declared one: worth a human look, not a failure.

Kazakh and Russian are told apart by the letters and words of each
(``language.weigh``), not by the identifier, which confuses them on short text.
Languages the identifier does not know, tags that are not language subtags (``eng``,
``i-lux``), and languages it cannot tell from their close relatives (Danish and
Norwegian, Serbian and Croatian, Malay and Indonesian...) get no verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from babel import Locale

from accessibility_audit.checks.language import MIN_WORDS, primary, weigh

SURE_ODDS = 100.0
LIKELY_ODDS = 2.5
# Below this probability the identifier has no real favourite (one word, a name).
SURE_TOP, LIKELY_TOP = 0.5, 0.3
WORD = re.compile(r"[^\W\d_]+")
# Addresses are in no language; their parts would count as words.
ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+")
KAZAKH_RUSSIAN = frozenset({"kk", "ru"})
# The identifier's labels that are members of a macrolanguage, or its other codes for
# one language, as the language subtag a lang attribute would carry.
SAME = {"nb": "no", "nn": "no", "sh": "sr", "id": "ms", "zsm": "ms", "yue": "zh",
        "wuu": "zh", "cmn": "zh", "arz": "ar", "ary": "ar", "arb": "ar", "uzs": "uz",
        "uzn": "uz", "ltg": "lv", "lvs": "lv", "gug": "gn", "sdh": "ku", "ckb": "ku",
        "kmr": "ku", "fuv": "ff", "gom": "kok", "hbo": "he", "grc": "el", "pes": "fa",
        "prs": "fa", "swh": "sw", "khk": "mn", "ekk": "et", "npi": "ne", "ory": "or",
        "als": "sq", "tl": "fil"}
# Close relatives the identifier cannot reliably tell apart: a text in one marked as
# another is not failed on its word.
RELATIVES = (frozenset({"da", "no"}), frozenset({"sr", "hr", "bs", "me"}),
             frozenset({"cs", "sk"}), frozenset({"nl", "af", "fy"}),
             frozenset({"gl", "pt"}), frozenset({"ca", "oc"}), frozenset({"bg", "mk"}),
             # Turkic: also Kazakh written in the Latin alphabet, which the model has
             # never seen and takes for Turkish, Turkmen or Uzbek.
             frozenset({"kk", "ky", "tt", "ba", "tr", "tk", "uz", "az", "crh", "ug"}),
             frozenset({"es", "gl", "ast", "an"}),
             frozenset({"it", "vec", "lij"}), frozenset({"fr", "wa"}))


@dataclass(frozen=True)
class Guess:
    """The language a passage is in (a language subtag), and whether that is sure
    enough for a failure or only for a review."""

    language: str
    sure: bool


@cache
def _identifier() -> Any:
    # Read once per process (about 2 s: the model is stored compressed).
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def known() -> frozenset[str]:
    """The language subtags the identifier can name."""
    return frozenset(SAME.get(label, label) for label in _identifier().labels) - {"zxx"}


def subtag(lang: str) -> str:
    """A lang attribute's language subtag, with the identifier's codes for the same
    language (nb, nn -> no; id -> ms ...) taken as one."""
    code = primary(lang)
    return SAME.get(code, code)


def words(text: str) -> int:
    return len(WORD.findall(text))


def related(first: str, second: str) -> bool:
    return any(first in group and second in group for group in RELATIVES)


# The page rule and the parts rule ask about the same passages.
@lru_cache(maxsize=4096)
def guess(text: str, declared: str) -> Guess | None:
    """The language of ``text`` as set against ``declared`` (a language subtag the
    identifier knows): the declared one when the text can be in it, another when the
    text shows it is not, ``None`` when it cannot tell."""
    text = ADDRESS.sub(" ", text)
    count = words(text)
    if count == 0:
        return None
    scores: dict[str, float] = {}
    for label, probability in _identifier().rank(text):
        code = SAME.get(label, label)
        scores[code] = scores.get(code, 0.0) + probability
    top = max(scores, key=scores.__getitem__)
    if top != declared and related(top, declared):
        return None
    weighing = weigh(text)
    if weighing.words * 2 > count and (declared in KAZAKH_RUSSIAN or top in KAZAKH_RUSSIAN):
        # Cyrillic text where Kazakh or Russian is in play: the weighing is the judge.
        return Guess(weighing.language, True) if weighing.language else None
    if top == "zxx":
        return None
    sure = count >= MIN_WORDS and scores[top] >= SURE_TOP
    if top == declared:
        return Guess(declared, sure)
    odds = scores[top] / max(scores.get(declared, 0.0), 1e-12)
    if sure and odds >= SURE_ODDS:
        return Guess(top, True)
    if count >= 2 and scores[top] >= LIKELY_TOP and odds >= LIKELY_ODDS:
        return Guess(top, False)
    return None


def name(code: str) -> str:
    """The English name of a language subtag ("nl" -> "Dutch")."""
    return str(Locale("en").languages.get(code, code))
