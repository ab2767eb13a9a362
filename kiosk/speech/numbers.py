"""Numbers as words in Kazakh and Russian, with the grammatical forms speech needs.

espeak-ng reads digits as cardinals in the nominative: fine for "15 working days",
wrong for "from 9 to 18:30" or "27 November". These small tables give the forms the
stand actually says: Kazakh case suffixes by vowel harmony, Kazakh and Russian
ordinals, and the Russian genitive for time ranges.
"""

from __future__ import annotations

KK_UNITS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
KK_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")

# The ordinal of the last word of a Kazakh number, e.g. жеті -> жетінші.
KK_ORDINAL = {
    "нөл": "нөлінші", "бір": "бірінші", "екі": "екінші", "үш": "үшінші", "төрт": "төртінші",
    "бес": "бесінші",
    "алты": "алтыншы", "жеті": "жетінші", "сегіз": "сегізінші", "тоғыз": "тоғызыншы",
    "он": "оныншы", "жиырма": "жиырмасыншы", "отыз": "отызыншы", "қырық": "қырқыншы",
    "елу": "елуінші", "алпыс": "алпысыншы", "жетпіс": "жетпісінші", "сексен": "сексенінші",
    "тоқсан": "тоқсаныншы", "жүз": "жүзінші", "мың": "мыңыншы",
}

_KK_BACK_VOWELS = set("аоұыуя")
_KK_FRONT_VOWELS = set("әеөүіиэю")
_KK_VOICELESS = set("кқпстфхцчшщ")


def kk_cardinal(number: int) -> str:
    if number < 10:
        return KK_UNITS[number]
    if number < 100:
        tens, units = divmod(number, 10)
        return KK_TENS[tens] + (f" {KK_UNITS[units]}" if units else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = "жүз" if hundreds == 1 else f"{KK_UNITS[hundreds]} жүз"
        return head + (f" {kk_cardinal(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    head = "мың" if thousands == 1 else f"{kk_cardinal(thousands)} мың"
    return head + (f" {kk_cardinal(rest)}" if rest else "")


def _is_back(word: str) -> bool:
    for letter in reversed(word):
        if letter in _KK_BACK_VOWELS:
            return True
        if letter in _KK_FRONT_VOWELS:
            return False
    return True


def kk_suffix(words: str, case: str) -> str:
    """``words`` with the dative ("dat") or ablative ("abl") ending vowel harmony asks for."""
    last = words.split()[-1]
    back, final = _is_back(last), last[-1]
    if case == "dat":
        first = "қ" if final in _KK_VOICELESS else "ғ"
        if not back:
            first = "к" if first == "қ" else "г"
        return words + first + ("а" if back else "е")
    if final in "мнң":
        first = "н"
    elif final in _KK_VOICELESS or final in "бвгд":
        first = "т"
    else:
        first = "д"
    return words + first + ("ан" if back else "ен")


def kk_ordinal(number: int) -> str:
    words = kk_cardinal(number).split()
    words[-1] = KK_ORDINAL[words[-1]]
    return " ".join(words)


RU_GENITIVE = {
    0: "ноля", 1: "одного", 2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести",
    7: "семи", 8: "восьми", 9: "девяти", 10: "десяти", 11: "одиннадцати", 12: "двенадцати",
    13: "тринадцати", 14: "четырнадцати", 15: "пятнадцати", 16: "шестнадцати",
    17: "семнадцати", 18: "восемнадцати", 19: "девятнадцати", 20: "двадцати", 30: "тридцати",
    40: "сорока", 50: "пятидесяти",
}

_RU_ORDINAL_UNITS = ("", "перв", "втор", "трет", "четвёрт", "пят", "шест", "седьм", "восьм",
                     "девят")
_RU_ORDINAL_TEENS = ("десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат",
                     "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат")
_RU_ORDINAL_TENS = {2: "двадцат", 3: "тридцат", 4: "сороков", 5: "пятидесят", 6: "шестидесят",
                    7: "семидесят", 8: "восьмидесят", 9: "девяност"}
_RU_CARDINAL_TENS = {2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят",
                     6: "шестьдесят", 7: "семьдесят", 8: "восемьдесят", 9: "девяносто"}


def ru_genitive(number: int) -> str:
    """Genitive of 0-59, as in "с девяти до восемнадцати тридцати"."""
    if number in RU_GENITIVE:
        return RU_GENITIVE[number]
    tens, units = divmod(number, 10)
    return f"{RU_GENITIVE[tens * 10]} {RU_GENITIVE[units]}"


def _ru_ordinal_stem(number: int) -> tuple[str, str]:
    """Cardinal words before the last one, and the stem of the last one (1-99)."""
    if number < 10:
        return "", _RU_ORDINAL_UNITS[number]
    if number < 20:
        return "", _RU_ORDINAL_TEENS[number - 10]
    tens, units = divmod(number, 10)
    if units == 0:
        return "", _RU_ORDINAL_TENS[tens]
    return _RU_CARDINAL_TENS[tens] + " ", _RU_ORDINAL_UNITS[units]


_RU_STRESSED_ENDING = ("втор", "шест", "седьм", "восьм", "сороков")
# Case endings of an ordinal: neuter nominative (the date said alone), genitive,
# masculine nominative and prepositional.
_RU_ENDINGS = {"n": ("ое", "ье"), "g": ("ого", "ьего"), "m": ("ый", "ий"), "p": ("ом", "ьем")}


def _ru_ending(stem: str, neuter_nominative: bool, case: str | None = None) -> str:
    case = case or ("n" if neuter_nominative else "g")
    if stem == "трет":  # the one soft-stem ordinal
        return "трет" + _RU_ENDINGS[case][1]
    if case == "m" and stem in _RU_STRESSED_ENDING:
        return stem + "ой"
    return stem + _RU_ENDINGS[case][0]


def ru_ordinal(number: int, case: str) -> str:
    """1-99 as an ordinal in ``case``: "n" (первое), "g" (первого), "m" (первый),
    "p" (первом)."""
    head, stem = _ru_ordinal_stem(number)
    return head + _ru_ending(stem, False, case)


def ru_day_ordinal(day: int, case: str = "n") -> str:
    """"27" of "27 ноября" -> "двадцать седьмое", or "двадцать седьмого" after "до"."""
    return ru_ordinal(day, case)


def ru_year_genitive(year: int, case: str = "g") -> str:
    """2026 -> "две тысячи двадцать шестого" (as in "… года"); other cases as ru_ordinal."""
    thousands, rest = divmod(year, 1000)
    head = {1: "тысяча", 2: "две тысячи"}.get(thousands, f"{thousands} тысяч")
    if rest == 0:
        return {1: "тысячн", 2: "двухтысячн"}.get(thousands, head) + _RU_ENDINGS[case][0]
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        head += " " + ("сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
                       "семьсот", "восемьсот", "девятьсот")[hundreds - 1]
    if rest == 0:
        return head
    words, stem = _ru_ordinal_stem(rest)
    return f"{head} {words}{_ru_ending(stem, False, case)}"
