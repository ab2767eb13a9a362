"""What an editor should know before publishing: events announced at short notice and
visitor texts that lack a translation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flask import current_app

from kiosk.admin.duties import ShortNotice, short_notices
from kiosk.clock import now_utc
from kiosk.hours import HolidayCalendar
from kiosk.store import publisher
from kiosk.store.stamps import announcement_key

if TYPE_CHECKING:
    from kiosk.admin.editing import Workspace


def draft_notices(space: Workspace, document: dict, calendar: HolidayCalendar
                  ) -> list[ShortNotice]:
    zone = space.content.zone
    today = now_utc().astimezone(zone).date()
    first = publisher(current_app).stamps.announcement_first_published(space.location_id)
    announcements = document.get("announcements") or []
    published_on = {item.get("id", ""): first[key].astimezone(zone).date()
                    for item in announcements if (key := announcement_key(item)) in first}
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
