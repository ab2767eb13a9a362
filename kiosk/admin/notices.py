"""What an editor should know before publishing: open sessions that miss the notice
duty, and visitor texts whose translation is missing or outdated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flask import current_app, flash
from flask_babel import ngettext

from kiosk.admin.duties import NoticeProblem, notice_problems
from kiosk.clock import now_utc
from kiosk.content.outdated_english import FLAG, outdated_paths
from kiosk.hours import HolidayCalendar
from kiosk.store import publisher
from kiosk.store.stamps import announcement_key

if TYPE_CHECKING:
    from kiosk.admin.editing import Workspace


def draft_notices(space: Workspace, document: dict[str, Any], calendar: HolidayCalendar
                  ) -> list[NoticeProblem]:
    """The notice problems of ``document``'s open sessions if it were published now."""
    today = now_utc().astimezone(space.content.zone).date()
    records = publisher(current_app).stamps.notices(space.location_id)
    shown = {key: day for key, record in records.items()
             if (day := record.shown_with_agenda(today)) is not None}
    return notice_problems(document.get("announcements") or [], shown, today, calendar,
                           key=announcement_key)


@dataclass(frozen=True)
class MissingText:
    path: str
    # "english" (none, flagged), "outdated" (written for earlier Kazakh or Russian
    # texts) or "same" (Kazakh equals Russian)
    problem: str


def _texts(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "kk" in node and "ru" in node:
            yield path, node
            return
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}.{index}")


def missing_translations(document: dict[str, Any]) -> list[MissingText]:
    """Texts with no English version or an outdated one, and texts whose Kazakh and
    Russian are the same words (usually one language pasted into both)."""
    found = []
    for path, text in _texts(document, ""):
        kk, ru = str(text.get("kk") or ""), str(text.get("ru") or "")
        # Four words or more: names of people are rightly the same in both languages.
        if kk and kk == ru and any(ch.isalpha() for ch in kk) and len(kk.split()) >= 4:
            found.append(MissingText(path, "same"))
        elif not text.get("en"):
            found.append(MissingText(path, "english"))
        elif text.get(FLAG) is True:
            found.append(MissingText(path, "outdated"))
    return found


def flash_outdated(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Warn of English texts that a save left behind their Kazakh or Russian."""
    newly = set(outdated_paths(after)) - set(outdated_paths(before))
    if newly:
        flash(ngettext("%(num)d English text no longer matches its Kazakh or Russian text. "
                       "English readers see the Russian text until you update the English "
                       "or confirm it.",
                       "%(num)d English texts no longer match their Kazakh or Russian texts. "
                       "English readers see the Russian texts until you update the English "
                       "or confirm them.", len(newly)))
