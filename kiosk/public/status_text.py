"""The one-line answer to "are you open?", as a sentence in the page's language."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from flask_babel import gettext as _

from kiosk.formatting import day_month, time_text

if TYPE_CHECKING:
    from kiosk.hours.status import Status

_ON_WEEKDAY = (
    # Translators: the day a place opens, as it stands in "Closed — opens on Monday at 09:00".
    lambda: _("on Monday"), lambda: _("on Tuesday"), lambda: _("on Wednesday"),
    lambda: _("on Thursday"), lambda: _("on Friday"), lambda: _("on Saturday"),
    lambda: _("on Sunday"),
)


def _opens(when: dt.datetime, now: dt.datetime, lang: str) -> str:
    time = time_text(when)
    days = (when.date() - now.date()).days
    if days == 0:
        return _("Closed — opens today at %(time)s", time=time)
    if days == 1:
        return _("Closed — opens tomorrow at %(time)s", time=time)
    if days < 7:
        return _("Closed — opens %(day)s at %(time)s", day=_ON_WEEKDAY[when.weekday()](),
                 time=time)
    return _("Closed — opens on %(date)s at %(time)s", date=day_month(when.date(), lang),
             time=time)


def status_sentence(status: Status, lang: str) -> str:
    """The sentence for ``status``, the place's status at the page's moment."""
    now = status.now
    closes = status.closes_at
    if status.is_open and closes is not None:  # an open place always has a closing time
        reopens = status.reopens_at
        day_closes = status.today.closes
        if reopens is not None and reopens.date() == closes.date() and day_closes:
            return _("Open now — break %(start)s–%(end)s, closes at %(close)s",
                     start=time_text(closes), end=time_text(reopens),
                     close=time_text(day_closes))
        return _("Open now — closes at %(time)s", time=time_text(closes))
    opens = status.opens_at
    if status.on_break and opens is not None:
        return _("Break — opens again at %(time)s", time=time_text(opens))
    if opens is None:
        return _("Closed")
    return _opens(opens, now, lang)
