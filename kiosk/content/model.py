"""The content a stand shows, as typed, validated data.

Every text a visitor reads is a :class:`Text` with Kazakh and Russian required and
English optional. Field names are the YAML keys, so a validation error's location is
the path a facility manager sees in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

SCHEMA_VERSION: Final = 1
LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
REQUIRED_LANGUAGES: tuple[str, ...] = ("kk", "ru")
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{3,24}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _time_of_day(value: object) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, float):
        raise PydanticCustomError(
            "time_of_day", '{value} is not a time of day: write times with a colon, e.g. "09:00"',
            {"value": value})
    text = str(value).strip()
    match = _TIME.match(text)
    if not match:
        raise PydanticCustomError(
            "time_of_day", '"{value}" is not a time of day (use HH:MM, 00:00 to 23:59)',
            {"value": text},
        )
    return dt.time(int(match[1]), int(match[2]))


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError(
            "slug",
            '"{value}" is not a valid id (lower-case latin letters, digits and hyphens, '
            "at most 40 characters)",
            {"value": value},
        )
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError(
            "phone", '"{value}" is not a phone number (digits, spaces, +, -, brackets)',
            {"value": value},
        )
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("email", '"{value}" is not an e-mail address', {"value": value})
    return value


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError(
            "url", '"{value}" is not a web address (it must start with https:// or http://)',
            {"value": value},
        )
    return value


def _as_text(value: object) -> object:
    # An unquoted 104 or 1414 in YAML is a number; for rooms and phones it means the text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


TimeOfDay = Annotated[
    dt.time,
    BeforeValidator(_time_of_day),
    PlainSerializer(lambda value: value.strftime("%H:%M"), return_type=str),
]
Slug = Annotated[str, AfterValidator(_slug)]
def _phone_as_text(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) > 6:
        # YAML has already dropped the "+" and the spaces: refuse rather than show a
        # number nobody can dial.
        raise PydanticCustomError(
            "phone_number_type",
            "{value} was read as a number, which loses the + and the spacing: write the phone "
            'number in quotes, e.g. "+7 727 000 12 34"', {"value": value})
    return _as_text(value)


Phone = Annotated[str, BeforeValidator(_phone_as_text), AfterValidator(_phone)]
Room = Annotated[str, BeforeValidator(_as_text), Field(min_length=1, max_length=40)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]


class Text(Strict):
    """A text in Kazakh and Russian (required) and English (optional).

    ``en_outdated`` marks an English version written for earlier Kazakh and Russian
    texts: English readers then read Russian, as they do when there is no English."""

    kk: str = Field(min_length=1, description="Kazakh")
    ru: str = Field(min_length=1, description="Russian")
    en: str | None = Field(default=None, description="English (optional)")
    # Left out of the serialised text when false, so content without outdated English
    # reads, hashes and exports exactly as it did before the flag existed.
    en_outdated: bool = Field(
        default=False, exclude_if=lambda value: not value,
        description="The English text was written for an earlier Kazakh or Russian text: "
        "stands show Russian to English readers until the English is updated")

    @model_validator(mode="before")
    @classmethod
    def _require_state_languages(cls, data: object) -> object:
        if isinstance(data, str):
            raise PydanticCustomError(
                "text_languages",
                "a visitor text needs a Kazakh (kk) and a Russian (ru) version, "
                "not a single string",
            )
        if isinstance(data, dict):
            for lang, name in (("kk", "Kazakh"), ("ru", "Russian")):
                value = data.get(lang)
                if not isinstance(value, str) or not value.strip():
                    raise PydanticCustomError(
                        "text_missing_language",
                        "{name} text ({lang}) is required",
                        {"name": name, "lang": lang},
                    )
            if data.get("en_outdated") and not data.get("en"):
                # Nothing English to be outdated: the flag says nothing, so it is dropped.
                data = {key: value for key, value in data.items() if key != "en_outdated"}
        return data

    @property
    def english(self) -> str | None:
        """The English text visitors may read: none when missing or outdated."""
        return self.en if self.en and not self.en_outdated else None

    def get(self, lang: str) -> tuple[str, str]:
        """Return the text for ``lang`` and the language it is actually in."""
        if lang == "en" and self.english:
            return self.english, "en"
        if lang == "kk":
            return self.kk, "kk"
        # English visitors without a current English version read Russian, the
        # language of inter-ethnic communication, marked as such.
        return self.ru, "ru"


class Period(Strict):
    start: TimeOfDay
    end: TimeOfDay

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end <= self.start:
            raise PydanticCustomError(
                "period_order",
                "ends at {end} but starts at {start}: the end must be later than the start",
                {"end": self.end.strftime("%H:%M"), "start": self.start.strftime("%H:%M")},
            )
        return self


def _ordered_periods(periods: list[Period]) -> list[Period]:
    for earlier, later in zip(periods, periods[1:], strict=False):
        if later.start < earlier.end:
            raise PydanticCustomError(
                "periods_overlap",
                "periods overlap or are out of order: {a} and {b}",
                {
                    "a": f"{earlier.start:%H:%M}-{earlier.end:%H:%M}",
                    "b": f"{later.start:%H:%M}-{later.end:%H:%M}",
                },
            )
    return periods


Periods = Annotated[list[Period], AfterValidator(_ordered_periods)]


class DateException(Strict):
    """A date with hours other than the weekly schedule (closed when ``periods`` is empty)."""

    date: dt.date
    periods: Periods = Field(default_factory=list)
    reason: Text | None = None


class Hours(Strict):
    """Business hours: a weekly schedule where gaps between periods are breaks."""

    monday: Periods = Field(default_factory=list)
    tuesday: Periods = Field(default_factory=list)
    wednesday: Periods = Field(default_factory=list)
    thursday: Periods = Field(default_factory=list)
    friday: Periods = Field(default_factory=list)
    saturday: Periods = Field(default_factory=list)
    sunday: Periods = Field(default_factory=list)
    public_holidays: bool = Field(
        default=True, description="Closed on public holidays of Kazakhstan"
    )
    pre_holiday_shortening_minutes: int = Field(
        default=60, ge=0, le=240,
        description="Working day before a public holiday ends this much earlier "
        "(Labour Code of the Republic of Kazakhstan: one hour)",
    )
    transferred_workday_as: Literal[
        "monday", "tuesday", "wednesday", "thursday", "friday"
    ] = Field(
        default="monday",
        description="Whose hours a weekend day made a working day by government decree follows",
    )
    exceptions: list[DateException] = Field(default_factory=list)

    def weekly(self, weekday: int) -> list[Period]:
        return list(getattr(self, WEEKDAYS[weekday]))

    @field_validator("exceptions")
    @classmethod
    def _unique_dates(cls, exceptions: list[DateException]) -> list[DateException]:
        seen: set[dt.date] = set()
        for item in exceptions:
            if item.date in seen:
                raise PydanticCustomError(
                    "duplicate_date", "{date} is listed twice", {"date": item.date.isoformat()}
                )
            seen.add(item.date)
        return exceptions


class ChannelKind(StrEnum):
    IN_PERSON = "in_person"
    EOTINISH = "eotinish"
    MAIL = "mail"
    PHONE_1414 = "phone_1414"
    EMAIL = "email"


class Channel(Strict):
    kind: ChannelKind
    title: Text
    description: Text
    address: Text | None = None
    url: Url | None = None
    phone: Phone | None = None
    email: Email | None = None


class Deadline(Strict):
    """A legal time limit, in working days, calendar days or months (exactly one)."""

    title: Text
    working_days: int | None = Field(default=None, ge=1, le=365)
    calendar_days: int | None = Field(default=None, ge=1, le=365)
    months: int | None = Field(default=None, ge=1, le=24)
    note: Text | None = None

    @model_validator(mode="after")
    def _one_unit(self) -> Deadline:
        given = [n for n in (self.working_days, self.calendar_days, self.months) if n is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "deadline_unit",
                "give exactly one of working_days, calendar_days or months",
            )
        return self


class ReceptionSlot(Strict):
    weekday: Literal[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    ]
    start: TimeOfDay
    end: TimeOfDay
    weeks: list[Annotated[int, Field(ge=1, le=5)]] = Field(
        default_factory=list,
        description="Weeks of the month (1-5) when the reception is held; empty for every week",
    )

    @model_validator(mode="after")
    def _ordered(self) -> ReceptionSlot:
        Period(start=self.start, end=self.end)
        return self


class Official(Strict):
    name: Text
    position: Text
    room: Room | None = None
    schedule: list[ReceptionSlot] = Field(min_length=1)


class Appeals(Strict):
    intro: Text
    channels: list[Channel] = Field(min_length=1)
    deadlines: list[Deadline] = Field(default_factory=list)
    how_to_book: Text
    booking_phone: Phone | None = None
    officials: list[Official] = Field(default_factory=list)


class Department(Strict):
    name: Text
    room: Room | None = None
    phones: list[Phone] = Field(default_factory=list)
    email: Email | None = None


class Contacts(Strict):
    address: Text
    phones: list[Phone] = Field(min_length=1)
    email: Email | None = None
    website: Url | None = None
    departments: list[Department] = Field(default_factory=list)


class ServiceKind(StrEnum):
    ACCESSIBLE_ENTRANCE = "accessible_entrance"
    ELEVATOR = "elevator"
    SIGN_LANGUAGE = "sign_language"
    HELP_ON_CALL = "help_on_call"
    ACCESSIBLE_TOILET = "accessible_toilet"
    PARKING = "parking"
    HEARING_LOOP = "hearing_loop"
    TACTILE_GUIDANCE = "tactile_guidance"


class Service(Strict):
    kind: ServiceKind
    available: bool = True
    description: Text
    phone: Phone | None = None


class Announcement(Strict):
    id: Slug
    title: Text
    body: Text
    event_at: dt.datetime | None = Field(
        default=None, description="Start of the event, local time of the organisation"
    )
    open_session: bool = Field(
        default=False, exclude_if=lambda value: not value,
        description="An open session of the body, which the public may attend: the "
        "Standard asks that it be shown with its agenda in Kazakh and Russian at least "
        "three business days before it starts")
    place: Text | None = None
    agenda: list[Text] = Field(default_factory=list)
    livestream_url: Url | None = None
    display_from: dt.date
    display_until: dt.date
    urgent: bool = Field(
        default=False,
        description="Offered at once to a visitor already at a stand, by a banner they may "
        "follow or ignore; other news waits until the visitor is done",
    )

    @field_validator("event_at")
    @classmethod
    def _local_time(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            raise PydanticCustomError(
                "event_zone",
                "give the local time of the organisation without a time zone, "
                'e.g. "2026-12-22T10:00"',
            )
        return value

    @model_validator(mode="after")
    def _window(self) -> Announcement:
        if self.open_session and self.event_at is None:
            raise PydanticCustomError(
                "open_session_start",
                "an open session needs the date and time it starts (event_at)")
        if self.display_until < self.display_from:
            raise PydanticCustomError(
                "display_window",
                "display_until {until} is before display_from {start}",
                {"until": self.display_until.isoformat(), "start": self.display_from.isoformat()},
            )
        return self

    def shown_on(self, day: dt.date) -> bool:
        return self.display_from <= day <= self.display_until


class Stand(Strict):
    id: Slug
    name: Text


def _unique_announcements(items: list[Announcement]) -> list[Announcement]:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise PydanticCustomError(
                "duplicate_announcement", 'announcement id "{value}" is used twice; give each '
                "announcement its own id", {"value": item.id})
        seen.add(item.id)
    return items


# What a scheduled change may change: every section but the stands themselves and the
# announcements, which have their own display window.
SCHEDULABLE: tuple[str, ...] = ("name", "address", "hours", "appeals", "contacts",
                                "accessibility")


class ScheduledChange(Strict):
    """New versions of some sections of a location that stands show from a given moment
    (local time of the organisation), with no publication needed then."""

    effective_from: dt.date = Field(description="The first day the new versions apply")
    effective_time: TimeOfDay | None = Field(
        default=None, description='The time they apply from on that day (default "00:00")')
    note: Text | None = Field(
        default=None, description="Why things change, shown to visitors beside the new "
        "business hours")
    name: Text | None = None
    address: Text | None = None
    hours: Hours | None = None
    appeals: Appeals | None = None
    contacts: Contacts | None = None
    accessibility: list[Service] | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> ScheduledChange:
        if not self.sections():
            raise PydanticCustomError(
                "scheduled_empty",
                "a scheduled change must give the new version of at least one of: "
                "{keys}", {"keys": ", ".join(SCHEDULABLE)})
        return self

    def sections(self) -> tuple[str, ...]:
        """The keys of the location this change replaces."""
        return tuple(key for key in SCHEDULABLE if getattr(self, key) is not None)

    @property
    def starts(self) -> dt.datetime:
        """The local moment the change applies from (naive, the organisation's time)."""
        return dt.datetime.combine(self.effective_from, self.effective_time or dt.time())


def _distinct_moments(items: list[ScheduledChange]) -> list[ScheduledChange]:
    seen: set[dt.datetime] = set()
    for item in items:
        if item.starts in seen:
            raise PydanticCustomError(
                "scheduled_same_moment",
                "two scheduled changes take effect at {moment}: put their sections in one "
                "change", {"moment": item.starts.isoformat(timespec="minutes")})
        seen.add(item.starts)
    return items


class Location(Strict):
    name: Text
    address: Text
    stands: list[Stand] = Field(default_factory=list)
    hours: Hours
    appeals: Appeals
    contacts: Contacts
    accessibility: list[Service] = Field(default_factory=list)
    announcements: Annotated[list[Announcement], AfterValidator(_unique_announcements)] = Field(
        default_factory=list)
    scheduled: Annotated[list[ScheduledChange], AfterValidator(_distinct_moments)] = Field(
        default_factory=list, exclude_if=lambda value: not value,
        description="Changes that take effect later, each from its own date (and time)")


class Organisation(Strict):
    id: Slug
    name: Text
    short_name: Text | None = None
    time_zone: str = "Asia/Almaty"
    website: Url | None = None

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError(
                "time_zone", '"{value}" is not a known time zone (e.g. Asia/Almaty)',
                {"value": value},
            ) from None
        return value


class Content(Strict):
    """One organisation's whole stand content: the unit that is validated and published."""

    schema_version: Literal[1] = SCHEMA_VERSION
    organisation: Organisation
    default_location: Slug | None = None
    locations: dict[Slug, Location] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        if self.default_location and self.default_location not in self.locations:
            raise PydanticCustomError(
                "unknown_location",
                'default_location "{value}" is not one of the locations ({known})',
                {"value": self.default_location, "known": ", ".join(self.locations)},
            )
        stand_ids: set[str] = set()
        for location in self.locations.values():
            for stand in location.stands:
                if stand.id in stand_ids:
                    raise PydanticCustomError(
                        "duplicate_stand", 'stand id "{value}" is used twice', {"value": stand.id}
                    )
                stand_ids.add(stand.id)
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.organisation.time_zone)
