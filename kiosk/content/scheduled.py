"""Scheduled changes: what a location shows at a given moment, and the moments at which
that changes without anyone publishing.

A published revision may carry new versions of some sections, each from its own local
date and time (:class:`~kiosk.content.model.ScheduledChange`). Stands show the location
as it stands at their moment; the admin area edits it as it stands now, so a change that
has taken effect is simply the current version. Every function takes the moment as a
parameter: nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from kiosk.content.model import SCHEDULABLE, Hours, Location, ScheduledChange


def effective_location(location: Location, at: dt.datetime) -> Location:
    """``location`` as its stands show it at the local (naive) moment ``at``: the changes
    due by then applied in their order, and only the later ones still scheduled."""
    due = sorted((change for change in location.scheduled if change.starts <= at),
                 key=lambda change: change.starts)
    if not due:
        return location
    update: dict[str, Any] = {}
    for change in due:
        for key in change.sections():
            update[key] = getattr(change, key)
    update["scheduled"] = [change for change in location.scheduled if change.starts > at]
    return location.model_copy(update=update)


def entry_start(entry: Any) -> dt.datetime | None:
    """When a scheduled change as typed (a dict of a draft) applies; None when its date or
    time cannot be read."""
    if not isinstance(entry, dict):
        return None
    try:
        day = dt.date.fromisoformat(str(entry.get("effective_from")))
        time = entry.get("effective_time")
        clock = dt.time.fromisoformat(str(time)) if time else dt.time()
    except ValueError:
        return None
    return dt.datetime.combine(day, clock)


def effective_document(location: dict[str, Any], at: dt.datetime) -> dict[str, Any]:
    """The same as :func:`effective_location` for a location as typed, which may not be
    valid yet: only changes that are valid in themselves are applied; the others stay
    scheduled, where their errors are shown."""
    entries = location.get("scheduled")
    if not isinstance(entries, list) or not entries:
        return location
    due: list[tuple[dt.datetime, dict[str, Any]]] = []
    remaining = []
    for entry in entries:
        start = entry_start(entry)
        if start is not None and start <= at and _valid(entry):
            due.append((start, entry))
        else:
            remaining.append(entry)
    if not due:
        return location
    result = dict(location)
    for _start, entry in sorted(due, key=lambda item: item[0]):
        for key in SCHEDULABLE:
            if entry.get(key) is not None:
                result[key] = entry[key]
    if remaining:
        result["scheduled"] = remaining
    else:
        result.pop("scheduled", None)
    return result


def _valid(entry: dict[str, Any]) -> bool:
    try:
        ScheduledChange.model_validate(entry)
    except ValidationError:
        return False
    return True


def later_hours(location: Location) -> list[tuple[dt.date, Hours]]:
    """Business hours scheduled to apply later, by the first whole day they apply to.

    A change at 14:00 applies to the rest of its day only from 14:00, when the stands
    switch; the days after it are wholly under the new hours."""
    found = []
    for change in location.scheduled:
        if change.hours is not None:
            first = change.effective_from
            if change.effective_time not in (None, dt.time()):
                first += dt.timedelta(days=1)
            found.append((first, change.hours))
    return sorted(found, key=lambda item: item[0])


def change_moments(location: Location, zone: ZoneInfo) -> tuple[dt.datetime, ...]:
    """Every moment at which what the location's stands show changes by itself: a
    scheduled change taking effect, an announcement appearing or leaving, in order."""
    moments = {change.starts.replace(tzinfo=zone) for change in location.scheduled}
    for item in location.announcements:
        moments.add(dt.datetime.combine(item.display_from, dt.time(), tzinfo=zone))
        moments.add(dt.datetime.combine(item.display_until + dt.timedelta(days=1), dt.time(),
                                        tzinfo=zone))
    return tuple(sorted(moments))
