"""Russian names of Kazakhstan's public holidays.

The holidays package names KZ holidays in Kazakh and English only, so Russian names are
derived from the English ones: the base name, the "(observed)"-style suffix and the
"Day off (substituted from …)" label are translated separately, so new years' variants
of a known holiday need no new entry.
"""

from __future__ import annotations

import re

# Official Russian names, as in the Law "On holidays in the Republic of Kazakhstan".
RUSSIAN_NAMES: dict[str, str] = {
    "New Year's Day": "Новый год",
    "Orthodox Christmas": "Православное Рождество",
    "International Women's Day": "Международный женский день",
    "Nowruz Holiday": "Наурыз мейрамы",
    "Kazakhstan's People Solidarity Holiday": "Праздник единства народа Казахстана",
    "Defender of the Fatherland Day": "День защитника Отечества",
    "Victory Day": "День Победы",
    "Capital Day": "День столицы",
    "Constitution Day": "День Конституции Республики Казахстан",
    "Republic Day": "День Республики",
    "First President Day": "День Первого Президента Республики Казахстан",
    "Independence Day": "День Независимости",
    "Eid al-Adha": "Курбан айт",
}

# The package keeps one English name where the Kazakh (and so the Russian) name changed:
# from 2026 Republic Day is "Қазақстан Республикасы күні" / "День Республики Казахстан".
_RENAMED_SINCE: dict[str, tuple[int, str]] = {
    "Republic Day": (2026, "День Республики Казахстан"),
}

# "ё" rather than "е" so that the kiosk's speech output pronounces the words correctly.
RUSSIAN_SUFFIXES: dict[str, str] = {
    "observed": "перенесённый выходной",
    "estimated": "предварительная дата",
}

_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d{2})/(\d{2})/(\d{4})\)$")
_SUFFIXED = re.compile(r"^(?P<base>.+?)(?: \((?P<suffix>[^()]+)\))?$")


def russian_name(english: str, year: int) -> str | None:
    """Translate a package (en_US) holiday name; None if any part of it is unknown.

    ``year`` is the holiday's year, for holidays renamed in law under one English name.
    """
    # The package joins the names of holidays falling on the same date with "; ".
    parts = [_russian_single(part, year) for part in english.split("; ")]
    if any(part is None for part in parts):
        return None
    return "; ".join(part for part in parts if part is not None)


def _russian_single(english: str, year: int) -> str | None:
    substituted = _SUBSTITUTED.match(english)
    if substituted:
        # The package writes the source date the US way (MM/DD/YYYY).
        month, day, in_year = substituted.groups()
        return f"Выходной день (перенесён с {day}.{month}.{in_year})"
    match = _SUFFIXED.match(english)
    if match is None:
        return None
    base = _russian_base(match["base"], year)
    if base is None or match["suffix"] is None:
        return base
    labels = [RUSSIAN_SUFFIXES.get(label.strip()) for label in match["suffix"].split(",")]
    if any(label is None for label in labels):
        return None
    return f"{base} ({', '.join(label for label in labels if label)})"


def _russian_base(english: str, year: int) -> str | None:
    renamed = _RENAMED_SINCE.get(english)
    if renamed is not None and year >= renamed[0]:
        return renamed[1]
    return RUSSIAN_NAMES.get(english)
