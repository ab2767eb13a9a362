"""Text as it should be spoken: times, time ranges, dates and phone numbers in words.

The stand displays "09:00–18:30" and "+7 727 000 12 34"; espeak-ng alone says
"nine zero zero" and reads 1414 as one thousand four hundred and fourteen. These
rewrites give each language what a listener expects. They only ever change the
spoken form; what the screen shows is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kiosk.speech import numbers as n

_DASH = r"\s*\u2060?[–—-]\u2060?\s*"
_CLOCK = r"([01]?\d|2[0-3]):([0-5]\d)"
_KK_SUFFIX = r"(?:-(ге|ға|ке|қа|ден|дан|тен|тан|нен|нан|де|да|те|та))?"

KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан")
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


# -- Kazakh ----------------------------------------------------------------------------
def _kk_time(hour: int, minute: int) -> str:
    words = n.kk_cardinal(hour)
    if minute:
        words += " " + (f"нөл {n.kk_cardinal(minute)}" if minute < 10 else n.kk_cardinal(minute))
    return words


def _kk_case(written: str | None) -> str | None:
    if not written:
        return None
    return {"г": "dat", "ғ": "dat", "к": "dat", "қ": "dat"}.get(written[0]) or (
        "abl" if written.endswith("н") else "loc")


def _kk_with_case(words: str, case: str | None) -> str:
    if case in ("dat", "abl"):
        return n.kk_suffix(words, case)
    if case == "loc":
        ablative = n.kk_suffix(words, "abl")  # -дан/-тан/-нан -> -да/-та/-да
        stem, ending = ablative[: -3], ablative[-3:]
        return stem + ("д" if ending[0] == "н" else ending[0]) + ending[1]
    return words


def _kk_range(match: re.Match[str]) -> str:
    start = _kk_time(int(match[1]), int(match[2]))
    end = _kk_time(int(match[3]), int(match[4]))
    return f"{n.kk_suffix(start, 'abl')} {n.kk_suffix(end, 'dat')} дейін"


def _kk_single(match: re.Match[str]) -> str:
    words = _kk_time(int(match[2]), int(match[3]))
    case = _kk_case(match[4])
    if case:
        return (match[1] or "") + _kk_with_case(words, case)
    return f"сағат {words}"  # whether or not the text already said "сағат"


def _kk_date(match: re.Match[str]) -> str:
    year, day, month = match[1], int(match[2]), match[3]
    spoken = f"{n.kk_ordinal(day)} {month}"
    return f"{n.kk_ordinal(int(year))} жылғы {spoken}" if year else spoken


KK_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"\b{_CLOCK}{_DASH}{_CLOCK}\b"), _kk_range),
    (re.compile(rf"(сағат\s+)?\b{_CLOCK}{_KK_SUFFIX}"), _kk_single),
    (re.compile(rf"(?:(\d{{4}}) ж\.\s+)?\b(\d{{1,2}}) ({'|'.join(KK_MONTHS)})"), _kk_date),
    # Years and numbered things are ordinals: "2026 жылғы", "2027–2029 жылдарға",
    # "1-қабат", "2, 4-апталары".
    (re.compile(r"\b(\d{4})[–-](\d{4})(?= жыл)"),
     lambda m: f"{n.kk_ordinal(int(m[1]))}–{n.kk_ordinal(int(m[2]))}"),
    (re.compile(r"\b(\d{4})(?= жыл)"), lambda m: n.kk_ordinal(int(m[1]))),
    (re.compile(r"\b(\d{1,4}(?:, \d{1,4})*)-(?=[а-яәғқңөұүһі])"),
     lambda m: ", ".join(n.kk_ordinal(int(x)) for x in m[1].split(", ")) + " "),
)


# -- Russian ---------------------------------------------------------------------------
def _ru_time(hour: int, minute: int) -> str:
    if minute == 0:
        return f"{hour} ноль-ноль"
    return f"{hour} ноль {minute}" if minute < 10 else f"{hour} {minute}"


def _ru_genitive_time(hour: int, minute: int) -> str:
    words = n.ru_genitive(hour)
    if minute:
        words += " " + (f"ноль {n.ru_genitive(minute)}" if minute < 10 else n.ru_genitive(minute))
    return words


def _ru_range(match: re.Match[str]) -> str:
    return (f"с {_ru_genitive_time(int(match[1]), int(match[2]))} "
            f"до {_ru_genitive_time(int(match[3]), int(match[4]))}")


def _ru_after_preposition(match: re.Match[str]) -> str:
    return f"{match[1]} {_ru_genitive_time(int(match[2]), int(match[3]))}"


def _ru_single(match: re.Match[str]) -> str:
    return _ru_time(int(match[1]), int(match[2]))


_RU_WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
                "воскресенье")


def _ru_date_case(before: str) -> str:
    """A date said alone or after a weekday is nominative ("двадцать седьмое ноября"),
    after "по" accusative (the same words), and everywhere else genitive ("до двадцать
    седьмого ноября", "опубликована двадцать седьмого ноября")."""
    words = before.rstrip(" ,").split()
    if not words or words[-1].lower() in (*_RU_WEEKDAYS, "по") or before.rstrip().endswith(
            (".", ":", "—", "(")):
        return "n"
    return "g"


def _ru_date(match: re.Match[str]) -> str:
    case = _ru_date_case(match.string[:match.start()])
    spoken = f"{n.ru_day_ordinal(int(match[1]), case)} {match[2]}"
    return f"{spoken} {n.ru_year_genitive(int(match[3]))} года" if match[3] else spoken


_RU_NOUN_CASE = {"этаж": "m", "этажа": "g", "этаже": "p", "год": "m", "года": "g",
                 "году": "p"}


def _ru_numbered(match: re.Match[str]) -> str:
    number, noun = int(match[1]), match[2]
    case = _RU_NOUN_CASE[noun]
    words = n.ru_year_genitive(number, case) if number >= 1000 else n.ru_ordinal(number, case)
    return f"{words} {noun}"


RU_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"(?:\bс\s+)?\b{_CLOCK}{_DASH}(?:до\s+)?{_CLOCK}\b"), _ru_range),
    (re.compile(rf"\b(с|до|после)\s+{_CLOCK}\b"), _ru_after_preposition),
    (re.compile(rf"\b{_CLOCK}\b"), _ru_single),
    (re.compile(r"\bс (\d{1,2}) до (\d{1,2})\b"),
     lambda m: f"с {n.ru_genitive(int(m[1]))} до {n.ru_genitive(int(m[2]))}"),
    (re.compile(rf"\bс (\d{{1,2}}) по (?=\d{{1,2}} (?:{'|'.join(RU_MONTHS)}))"),
     lambda m: f"с {n.ru_day_ordinal(int(m[1]), 'g')} по "),
    (re.compile(rf"\b(\d{{1,2}}) ({'|'.join(RU_MONTHS)})(?: (\d{{4}}) (?:г\.|года\b))?"),
     _ru_date),
    (re.compile(r"\b(\d{1,4}) (этажа|этаже|этаж|года|году|год)\b"), _ru_numbered),
)


# -- English ---------------------------------------------------------------------------
def _en_time(hour: int, minute: int) -> str:
    # English listeners expect the 12-hour clock even where the screen shows 24 hours.
    half = "a m" if hour < 12 else "p m"
    hour = hour % 12 or 12
    if minute == 0:
        return f"{hour} {half}"
    return f"{hour} oh {minute} {half}" if minute < 10 else f"{hour} {minute} {half}"


def _en_range(match: re.Match[str]) -> str:
    start = _en_time(int(match[1]), int(match[2]))
    return f"from {start} to {_en_time(int(match[3]), int(match[4]))}"


def _en_ordinal(day: int) -> str:
    suffix = "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _en_date(match: re.Match[str]) -> str:
    spoken = f"{match[1]} {_en_ordinal(int(match[2]))}"
    return f"{spoken}, {match[3]}" if match[3] else spoken


EN_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"\b{_CLOCK}{_DASH}{_CLOCK}\b"), _en_range),
    (re.compile(rf"\b{_CLOCK}\b"), lambda m: _en_time(int(m[1]), int(m[2]))),
    (re.compile(rf"\b({'|'.join(EN_MONTHS)}) (\d{{1,2}})(?:, (\d{{4}}))?\b"), _en_date),
)


# -- Abbreviations, Latin names and addresses, per language -----------------------------
_WORDS = {
    "kk": ((r"\bкөш\.", "көшесі"), (r"\bдаңғ\.", "даңғылы"), (r"\bт\.б\.", "тағы басқа"),
           (r"№\s*", "нөмір "), (r"\beOtinish\b", "е-Өтініш"), (r"\bSMS\b", "эс-эм-эс"),
           (r"\bWhatsApp\b", "Уатсап"), (r"\+(?=\d)", "плюс ")),
    "ru": ((r"\bг\.\s*(?=[А-ЯЁ])", "город "), (r"\bул\.", "улица"), (r"\bпр\.", "проспект"),
           (r"\bкаб\.", "кабинет"), (r"\bтел\.", "телефон"), (r"\bд\.\s*(?=\d)", "дом "),
           (r"\bобл\.", "область"), (r"\bр-н\b", "район"), (r"\bт\.\s?е\.", "то есть"),
           (r"\bт\.\s?д\.", "так далее"), (r"№\s*", "номер "), (r"\beOtinish\b", "е-Отиниш"),
           (r"\bSMS\b", "эс-эм-эс"), (r"\bWhatsApp\b", "Уотсап"), (r"\+(?=\d)", "плюс ")),
    "en": ((r"№\s*", "number "), (r"\beOtinish\b", "e-Otinish"), (r"\+(?=\d)", "plus ")),
}
_AT = {"kk": "айқұлақ", "ru": "собака", "en": "at"}
_DOT = {"kk": "нүкте", "ru": "точка", "en": "dot"}
_EMAIL = re.compile(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b")
_DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[\w/-]*)?", re.IGNORECASE)


def _address(text: str, lang: str) -> str:
    """Say "info@koktal.kz" as info, at, koktal, dot, kz: every dot counts in an address."""
    def domain(match: re.Match[str]) -> str:
        if not re.search(r"[a-z]", match[0], re.IGNORECASE):
            return match[0]  # a number such as 3.5, not an address
        return f" {_DOT[lang]} ".join(match[0].rstrip("/").replace("/", ".").split("."))

    text = _EMAIL.sub(lambda m: f"{m[1]} {_AT[lang]} {m[2]}", text)
    return _DOMAIN.sub(domain, text)


def _words(text: str, lang: str) -> str:
    for pattern, said in _WORDS[lang]:
        text = re.sub(pattern, said, text)
    return text


# -- Phone numbers, in every language --------------------------------------------------
def _digit_groups(match: re.Match[str]) -> str:
    groups = match[0].split()
    # Groups that start with 0 are said digit by digit; the others as numbers.
    said = [" ".join(g) if g.startswith("0") else g for g in groups]
    return ", ".join(said)


_PHONE = re.compile(r"\+7 \d{3} \d{3} \d{2} \d{2}\b")
_SHORT_NUMBER = re.compile(r"\b(1\d)(\d\d)\b(?!\s*(?:ж\.|г\.|год|жыл|year))")

RULES = {"kk": KK_RULES, "ru": RU_RULES, "en": EN_RULES}


def spoken_form(text: str, lang: str) -> str:
    """``text`` rewritten so that espeak-ng's ``lang`` voice says it as a person would."""
    text = text.replace("\u2060", "").replace("\u00a0", " ").replace("\u2011", "-")
    text = _PHONE.sub(_digit_groups, text)
    for pattern, rewrite in RULES[lang]:
        text = pattern.sub(rewrite, text)
    text = _SHORT_NUMBER.sub(lambda m: f"{m[1]} {m[2]}" if m[0] == "1414" else m[0], text)
    return _words(_address(text, lang), lang)
