"""What an editor should know before publishing: events announced at short notice and
visitor texts that lack a translation."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flask import current_app

from kiosk.admin.duties import ShortNotice, short_notices
from kiosk.hours import HolidayCalendar
from kiosk.public.stand import now_utc
from kiosk.store import store

if TYPE_CHECKING:
    from kiosk.admin.editing import Workspace


def announcement_first_days(org_id: str, location_id: str, zone: Any) -> dict[str, dt.date]:
    """The day each announcement (by id and event time) first reached the stands."""
    first: dict[str, dt.date] = {}
    for revision in reversed(store(current_app).revisions(org_id)):
        location = json.loads(revision.content)["locations"].get(location_id) or {}
        day = revision.created_at.astimezone(zone).date()
        for item in location.get("announcements", []):
            first.setdefault(f"{item['id']}@{item.get('event_at')}", day)
    return first


def draft_notices(space: Workspace, document: dict, calendar: HolidayCalendar
                  ) -> list[ShortNotice]:
    zone = space.content.zone
    today = now_utc().astimezone(zone).date()
    first = announcement_first_days(space.org_id, space.location_id, zone)
    announcements = document.get("announcements") or []
    published_on = {item.get("id", ""): first[key] for item in announcements
                    if (key := f"{item.get('id')}@{item.get('event_at')}") in first}
    return short_notices(announcements, published_on, today, calendar)


@dataclass(frozen=True)
class MissingText:
    path: str
    problem: str  # "english" (optional, flagged) or "same" (Kazakh equals Russian)


def _texts(node: Any, path: str) -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        if "kk" in node and "ru" in node:
            yield path, node
            return
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}.{index}")


def missing_translations(document: dict) -> list[MissingText]:
    """Texts with no English version, and texts whose Kazakh and Russian are the same
    words (usually one language pasted into both)."""
    found = []
    for path, text in _texts(document, ""):
        kk, ru = str(text.get("kk") or ""), str(text.get("ru") or "")
        # Four words or more: names of people are rightly the same in both languages.
        if kk and kk == ru and any(ch.isalpha() for ch in kk) and len(kk.split()) >= 4:
            found.append(MissingText(path, "same"))
        elif not text.get("en"):
            found.append(MissingText(path, "english"))
    return found
