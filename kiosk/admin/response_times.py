"""How long visitors' calls for assistance waited for staff, per stand and month: the
evidence the engagement register gives the six-monthly meetings.

A call is *answered* when staff acknowledged it, or closed it without acknowledging
first (they went straight there); its time to acknowledge runs from the call to that
moment. A call withdrawn at the stand before anyone answered, or still waiting, is
*unanswered*. Months are the organisation's local calendar months. The counting
(:func:`per_stand_month`) is pure: the calls and the zone come in, the rows come out;
:func:`stand_months` reads an organisation's calls for it."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from babel.dates import format_skeleton
from babel.units import format_unit
from flask_babel import gettext as _

from kiosk.admin.calls import desk
from kiosk.admin.holders import Holder
from kiosk.store.assistance import Call

MONTHS_SHOWN = 12  # two six-month periods: since the meeting before last


@dataclass(frozen=True)
class StandMonth:
    month: dt.date  # its first day
    location_id: str
    stand_id: str  # empty: calls from a page not opened on a known stand
    calls: int
    answered: int
    unanswered: int
    escalated: int
    median: dt.timedelta | None  # of the answered calls
    longest: dt.timedelta | None


def answered_at(call: Call) -> dt.datetime | None:
    if call.acknowledged_at is not None:
        return call.acknowledged_at
    if call.closed_at is not None and call.closed_by:
        return call.closed_at
    return None


def first_month(today: dt.date, months: int = MONTHS_SHOWN) -> dt.date:
    """The first day of the earliest month shown, ``months`` months back with this one."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def per_stand_month(calls: Iterable[Call], zone: dt.tzinfo) -> list[StandMonth]:
    """One row per stand and month that had calls: the latest month first, then by stand."""
    groups: dict[tuple[dt.date, str, str], list[Call]] = {}
    for call in calls:
        local = call.created_at.astimezone(zone).date()
        groups.setdefault((local.replace(day=1), call.location_id, call.stand_id),
                          []).append(call)
    rows = []
    for (month, location_id, stand_id), group in groups.items():
        waits = [moment - call.created_at for call in group
                 if (moment := answered_at(call)) is not None]
        rows.append(StandMonth(
            month, location_id, stand_id, len(group), len(waits), len(group) - len(waits),
            sum(1 for call in group if call.escalated_at is not None),
            _median(waits), max(waits) if waits else None))
    return sorted(rows, key=lambda row: (-row.month.toordinal(), row.location_id,
                                         row.stand_id))


def _median(waits: list[dt.timedelta]) -> dt.timedelta | None:
    if not waits:
        return None
    return dt.timedelta(seconds=round(statistics.median(w.total_seconds() for w in waits)))


def duration_text(wait: dt.timedelta | None, lang: str) -> str:
    """"2 мин 30 с": minutes and seconds, CLDR's short units."""
    if wait is None:
        return "—"
    seconds = max(0, round(wait.total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    second_text = format_unit(seconds, "duration-second", "short", locale=lang)
    if not minutes:
        return second_text
    minute_text = format_unit(minutes, "duration-minute", "short", locale=lang)
    return f"{minute_text} {second_text}" if seconds else minute_text


def month_text(month: dt.date, lang: str) -> str:
    return format_skeleton("yMMMM", month, locale=lang)


def stand_months(holder: Holder) -> list[StandMonth]:
    zone = holder.published.content.zone
    start = dt.datetime.combine(first_month(holder.today), dt.time(), zone)
    end = dt.datetime.combine(holder.today + dt.timedelta(days=1), dt.time(), zone)
    return per_stand_month(desk().created_between(start, end, list(holder.locations)), zone)


def stand_names(holder: Holder, lang: str) -> dict[tuple[str, str], str]:
    names = {}
    for location_id, location in holder.published.content.locations.items():
        for stand in location.stands:
            names[location_id, stand.id] = f"{stand.name.get(lang)[0]} ({stand.id})"
    return names


def stand_name(row: StandMonth, names: dict[tuple[str, str], str]) -> str:
    return names.get((row.location_id, row.stand_id)) or row.stand_id or _("Stand not known")
