"""What the editing forms call each field of a location, in the language of the admin.

Keyed by the model's field name (the YAML key), so one table serves the forms, the
error summaries and the readable diff of two revisions."""

from __future__ import annotations

from flask_babel import gettext as _

from kiosk.content.model import WEEKDAYS, ChannelKind, ServiceKind
from kiosk.formatting import weekday_name
from kiosk.public.labels import service_name


def section_title(section: str) -> str:
    return {
        "general": _("Name, address and stands"),
        "hours": _("Business hours"),
        "appeals": _("Appeals and reception of citizens"),
        "contacts": _("Contacts"),
        "accessibility": _("Accessibility services"),
        "announcements": _("Announcements"),
        "scheduled": _("Scheduled changes"),
    }[section]


def _labels() -> dict[str, str]:
    return {
        "name": _("Name"),
        "address": _("Address"),
        "stands": _("Stands in this building"),
        "id": _("Identifier"),
        "hours": _("Business hours"),
        "public_holidays": _("Closed on public holidays of Kazakhstan"),
        "pre_holiday_shortening_minutes": _("Minutes the day before a public holiday is shorter"),
        "transferred_workday_as": _("A weekend day made a working day by decree follows the "
                                    "hours of"),
        "exceptions": _("Dates with other hours"),
        "date": _("Date"),
        "periods": _("Open periods (leave none for a closed day)"),
        "reason": _("Reason shown to visitors"),
        "start": _("From"),
        "end": _("Until"),
        "appeals": _("Appeals and reception of citizens"),
        "intro": _("Introduction"),
        "channels": _("Ways to submit an appeal"),
        "kind": _("Kind"),
        "title": _("Title"),
        "description": _("Description"),
        "url": _("Web address"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "deadlines": _("Time limits for answers"),
        "working_days": _("Working days"),
        "calendar_days": _("Calendar days"),
        "months": _("Months"),
        "note": _("Note"),
        "how_to_book": _("How to book a reception"),
        "booking_phone": _("Phone for booking"),
        "officials": _("Officials who receive citizens"),
        "position": _("Position"),
        "room": _("Room"),
        "schedule": _("Reception times"),
        "weekday": _("Day of the week"),
        "weeks": _("Weeks of the month (leave empty for every week)"),
        "contacts": _("Contacts"),
        "phones": _("Phone numbers"),
        "website": _("Website"),
        "departments": _("Departments"),
        "accessibility": _("Accessibility services"),
        "available": _("Available"),
        "announcements": _("Announcements"),
        "body": _("Text"),
        "event_at": _("Date and time of the event (leave empty if there is none)"),
        "place": _("Place"),
        "agenda": _("Agenda items"),
        "livestream_url": _("Live stream address"),
        "display_from": _("Shown from"),
        "display_until": _("Shown until"),
        "open_session": _("Open session of the body, which the public may attend"),
        "scheduled": _("Scheduled changes"),
        "effective_from": _("Takes effect on"),
        "effective_time": _("At"),
        "en_outdated": _("English outdated"),
        "urgent": _("Urgent: offer it to visitors already at a stand"),
        **{day: _capitalised(weekday_name(index, _lang())) for index, day in enumerate(WEEKDAYS)},
    }


def _capitalised(word: str) -> str:
    # CLDR writes Russian and Kazakh weekdays in lower case, as inside a sentence.
    return word[:1].upper() + word[1:]


def _lang() -> str:
    from flask_babel import get_locale

    return str(get_locale())


def field_label(name: str) -> str:
    return _labels().get(name, name)


def item_label(list_name: str) -> str:
    """What one item of a list is called, for "Add …" and "Remove …" buttons."""
    return {
        "stands": _("stand"),
        "exceptions": _("date"),
        "periods": _("period"),
        "monday": _("period"), "tuesday": _("period"), "wednesday": _("period"),
        "thursday": _("period"), "friday": _("period"), "saturday": _("period"),
        "sunday": _("period"),
        "channels": _("way to submit an appeal"),
        "deadlines": _("time limit"),
        "officials": _("official"),
        "schedule": _("reception time"),
        "weeks": _("week"),
        "phones": _("phone number"),
        "departments": _("department"),
        "accessibility": _("service"),
        "announcements": _("announcement"),
        "agenda": _("agenda item"),
        "scheduled": _("scheduled change"),
    }.get(list_name, _("item"))


def field_hint(name: str) -> str:
    return {
        "id": _("Latin lower-case letters, digits and hyphens; it is used in addresses and "
                "cannot contain spaces."),
        "phone": _("For example +7 727 000 12 34"),
        "phones": _("For example +7 727 000 12 34"),
        "booking_phone": _("For example +7 727 000 12 34"),
        "url": _("Starts with https://"),
        "website": _("Starts with https://"),
        "livestream_url": _("Starts with https://"),
        "display_until": _("The announcement leaves the stands after this day."),
        "open_session": _("The Standard asks that an open session be shown with its agenda "
                          "in Kazakh and Russian at least three business days before it "
                          "starts (weekends and holidays do not count)."),
        "effective_from": _("The stands switch by themselves on this day; nobody needs to "
                            "publish then."),
        "effective_time": _("Leave empty to switch at the start of the day (00:00, local "
                            "time)."),
        "urgent": _("A stand in use shows a banner offering the announcement at once. "
                    "Without this, new information waits until the visitor is done."),
    }.get(name, "")


def choice_label(name: str, value: str) -> str:
    """A translated name for the options of ``kind``, ``weekday`` and similar fields."""
    if name in {"weekday", "transferred_workday_as"} and value in WEEKDAYS:
        return weekday_name(WEEKDAYS.index(value), _lang())
    if value in ServiceKind._value2member_map_:
        return service_name(ServiceKind(value))
    channels = {
        ChannelKind.IN_PERSON: _("In person"),
        ChannelKind.EOTINISH: _("eOtinish portal"),
        ChannelKind.MAIL: _("By post"),
        ChannelKind.PHONE_1414: _("Phone 1414"),
        ChannelKind.EMAIL: _("By e-mail"),
    }
    if value in ChannelKind._value2member_map_:
        return channels[ChannelKind(value)]
    return value


def language_label(code: str) -> str:
    return {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English (optional)")}[code]


def path_label(path: str) -> str:
    """``hours.monday.0.start`` as "Business hours › Monday › Period 1 › From"."""
    parts = path.split(".")
    words = []
    for index, part in enumerate(parts):
        if part.isdigit():
            owner = next((p for p in reversed(parts[:index]) if not p.isdigit()), "")
            words.append(f"{item_label(owner).capitalize()} {int(part) + 1}")
        elif part in {"kk", "ru", "en"} and index == len(parts) - 1:
            words.append(language_label(part))
        else:
            words.append(field_label(part))
    return " › ".join(words)
