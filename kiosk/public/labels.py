"""Sentences the stand builds from data: a day's hours, a reception schedule, service names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.content.model import WEEKDAYS, Deadline, ReceptionSlot, ServiceKind
from kiosk.formatting import span_text, weekday_name
from kiosk.hours import DayKind, DaySchedule
from kiosk.store.assistance import Need, State
from kiosk.store.engagement import Difficulty


def _service_names() -> dict[ServiceKind, str]:
    return {
        ServiceKind.ACCESSIBLE_ENTRANCE: _("Accessible entrance"),
        ServiceKind.ELEVATOR: _("Elevator"),
        ServiceKind.SIGN_LANGUAGE: _("Sign language interpreter"),
        ServiceKind.HELP_ON_CALL: _("Help on call"),
        ServiceKind.ACCESSIBLE_TOILET: _("Accessible toilet"),
        ServiceKind.PARKING: _("Parking for disabled people"),
        ServiceKind.HEARING_LOOP: _("Hearing loop"),
        ServiceKind.TACTILE_GUIDANCE: _("Tactile guidance"),
    }


def service_name(kind: ServiceKind) -> str:
    return _service_names()[kind]


def _reason(day: DaySchedule, lang: str) -> str | None:
    if day.reason is not None:
        return day.reason.get(lang)[0]
    if day.kind is DayKind.HOLIDAY:
        return day.holiday_name(lang)
    return None


def day_hours(day: DaySchedule, lang: str) -> str:
    """``09:00–18:30, break 13:00–14:30`` or ``Closed — Independence Day``."""
    periods = list(day.periods)
    reason = _reason(day, lang)
    if not periods:
        return _("Closed — %(reason)s", reason=reason) if reason else _("Closed")
    text = span_text(periods[0].start, periods[-1].end)
    breaks = [span_text(a.end, b.start) for a, b in zip(periods, periods[1:], strict=False)]
    if breaks:
        text += ", " + ngettext("break %(spans)s", "breaks %(spans)s", len(breaks),
                                spans=", ".join(breaks))
    notes = {
        DayKind.PRE_HOLIDAY: _("shortened pre-holiday day"),
        DayKind.TRANSFERRED_WORKDAY: _("working day moved by government decree"),
    }
    note = notes.get(day.kind) or reason
    return f"{text} ({note})" if note else text


def deadline_text(deadline: Deadline) -> str:
    if deadline.working_days is not None:
        return ngettext("%(num)d working day", "%(num)d working days", deadline.working_days)
    if deadline.calendar_days is not None:
        return ngettext("%(num)d day", "%(num)d days", deadline.calendar_days)
    return ngettext("%(num)d month", "%(num)d months", deadline.months or 0)


@dataclass(frozen=True)
class Section:
    endpoint: str
    icon: str
    title: str
    hint: str


def sections() -> list[Section]:
    """The stand's sections in the order of the home tiles, titled in the page's language."""
    return [
        Section("hours", "clock", _("Business hours"), _("Today, this week, holidays")),
        Section("appeals", "appeal", _("Appeals and reception of citizens"),
                _("How to apply, deadlines, officials' reception")),
        Section("contacts", "phone", _("Contacts"), _("Address, phones, departments")),
        Section("accessibility", "access", _("Accessibility services"),
                _("Entrance, elevator, sign language, help")),
        Section("announcements", "megaphone", _("Announcements"), ""),
    ]


def _weeks_text(weeks: Sequence[int]) -> str:
    ordinals = ", ".join(str(week) for week in weeks)
    return ngettext("week %(weeks)s of the month", "weeks %(weeks)s of the month",
                    len(weeks), weeks=ordinals)


def reception_text(slots: Sequence[ReceptionSlot], lang: str) -> str:
    parts = []
    for slot in slots:
        day = weekday_name(WEEKDAYS.index(slot.weekday), lang)
        text = f"{day} {span_text(slot.start, slot.end)}"
        if slot.weeks:
            text += f" ({_weeks_text(slot.weeks)})"
        parts.append(text)
    return "; ".join(parts)


def _needs() -> dict[Need, tuple[str, str, str]]:
    return {
        Need.ENTRANCE: ("access", _("Help at the entrance"),
                        _("Opening the ramp or the accessible entrance, help with the door")),
        Need.INTERPRETER: ("sign-language", _("Sign language interpreter"),
                           _("For deaf and hard of hearing visitors")),
        Need.FORM: ("form", _("Help with a form"), _("Reading or filling in a form or an appeal")),
        Need.OTHER: ("assist", _("Other help"), _("A member of staff will come and ask")),
    }


def need_icon(need: Need) -> str:
    return _needs()[need][0]


def need_name(need: Need) -> str:
    return _needs()[need][1]


def need_hint(need: Need) -> str:
    return _needs()[need][2]


def _difficulties() -> dict[Difficulty, tuple[str, str, str]]:
    return {
        Difficulty.READING: ("text-size", _("Reading the text"),
                             _("The letters were too small or too pale, or there was too much "
                               "text")),
        Difficulty.HEARING: ("listen", _("Hearing or understanding speech"),
                             _("The voice was too quiet, too fast or unclear")),
        Difficulty.REACHING: ("access", _("Reaching or touching the screen"),
                              _("The screen or its buttons were too high, too low or too "
                                "small")),
        Difficulty.FINDING: ("home", _("Finding the information"),
                             _("What I needed was missing or hard to find")),
        Difficulty.LANGUAGE: ("speech", _("The language"),
                              _("The text was not in my language or was hard to understand")),
        Difficulty.OTHER: ("assist", _("Something else"),
                           _("Anything else that made the stand hard to use")),
    }


def difficulty_icon(difficulty: Difficulty) -> str:
    return _difficulties()[difficulty][0]


def difficulty_name(difficulty: Difficulty) -> str:
    return _difficulties()[difficulty][1]


def difficulty_hint(difficulty: Difficulty) -> str:
    return _difficulties()[difficulty][2]


def assistance_message(state: State) -> str:
    """What the stand tells the visitor about their call, in each state."""
    return {
        State.WAITING: _("Your request has been sent. Staff on duty have been told and will "
                         "come to you. Please wait here."),
        State.ACKNOWLEDGED: _("A member of staff is on the way to you. Please wait here."),
        State.DONE: _("Your request has been dealt with. If you still need help, call for "
                      "assistance again."),
        State.WITHDRAWN: _("You have withdrawn your request. Staff will not come."),
    }[state]


def error_title(code: int, reason: str | None = None) -> str:
    if reason == "assistance" and code == 400:
        return _("The request could not be sent")
    if reason == "feedback" and code == 400:
        return _("Your feedback could not be sent")
    if code == 429:
        return _("Too many requests")
    if code == 413:
        return _("Too much was sent")
    if code == 404:
        return _("Page not found")
    if code == 400:
        return _("The form has expired")
    if code == 403:
        return _("You may not open this page")
    if code == 503:
        return _("The stand is being updated")
    return _("Something went wrong")


def error_text(code: int, reason: str | None = None) -> str:
    if reason == "assistance" and code == 400:
        return _("The page was too old or was not made for this stand. Please press Call for "
                 "assistance again, or ask the staff at the entrance.")
    if reason == "feedback" and code == 400:
        return _("The page was too old or was not made for this stand. Please open Tell us "
                 "what was hard again.")
    if code == 429:
        return _("Please wait a minute and try again, or ask the staff at the entrance.")
    if code == 400:
        return _("For your safety the form could not be sent. Open the page again and send "
                 "the form once more.")
    if code == 403:
        return _("Your account does not give access to this page. Ask an administrator.")
    if code == 404:
        return _("This page does not exist. The start page has all the information.")
    if code == 503:
        return _("The information is not available right now. Please ask the staff for help "
                 "or call 1414.")
    return _("The stand could not show this page. Please try again or ask the staff for help.")
