"""The Standard's update duty: information is published within three business days of
changing or reaching the information holder.

Each location's part of a publication is judged from the date its editor recorded and
the day it was published, on Kazakhstan's working calendar; the duties dashboard sums
the judgements of the last six months. Pure rules: every day is a parameter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.hours import HolidayCalendar, business_days_after

UPDATE_BUSINESS_DAYS = 3
RECORD_MONTHS = 6


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NOT_RECORDED = "not_recorded"  # published without the date the information changed
    NOT_AN_UPDATE = "not_an_update"  # a first publication or a restore: nothing new


@dataclass(frozen=True)
class Judgement:
    timeliness: Timeliness
    business_days: int | None = None  # business days from the information to publication

    @property
    def days_late(self) -> int:
        if self.business_days is None:
            return 0
        return max(0, self.business_days - UPDATE_BUSINESS_DAYS)


def judge(kind: str, information_on: dt.date | None, published_on: dt.date,
          calendar: HolidayCalendar) -> Judgement:
    """How one publication met the update duty.

    The days are counted from the day after the information changed up to the day of
    publication, business days only: information of Monday published on Thursday took
    three and is on time; on Friday it took four and is a day late."""
    if kind in ("initial", "restore"):
        return Judgement(Timeliness.NOT_AN_UPDATE)
    if information_on is None:
        return Judgement(Timeliness.NOT_RECORDED)
    days = business_days_after(information_on, published_on, calendar)
    late = days > UPDATE_BUSINESS_DAYS
    return Judgement(Timeliness.LATE if late else Timeliness.ON_TIME, days)


@dataclass(frozen=True)
class UpdateRecord:
    """A location's record over a period: how many publications were on time, late, or
    without a date, and by how much the late ones were late."""

    on_time: int = 0
    late: int = 0
    not_recorded: int = 0
    most_days_late: int = 0
    total_days_late: int = 0

    @property
    def judged(self) -> int:
        return self.on_time + self.late

    @property
    def clean(self) -> bool:
        return self.late == 0 and self.not_recorded == 0


def summarise(judgements: Iterable[Judgement]) -> UpdateRecord:
    on_time = late = not_recorded = most = total = 0
    for item in judgements:
        if item.timeliness is Timeliness.ON_TIME:
            on_time += 1
        elif item.timeliness is Timeliness.LATE:
            late += 1
            most = max(most, item.days_late)
            total += item.days_late
        elif item.timeliness is Timeliness.NOT_RECORDED:
            not_recorded += 1
    return UpdateRecord(on_time, late, not_recorded, most, total)

