"""Every setting of the kiosk server, declared once with its default and its meaning.

This is the only module that reads the environment. A setting ``IDLE_SECONDS`` is read
from ``KIOSK_IDLE_SECONDS``; ``kiosk settings`` prints the table, and the table in
docs/settings.md is checked against it by the tests.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

ENV_PREFIX = "KIOSK_"


class SettingError(ValueError):
    """A setting has a value the server cannot run with."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError("must be a whole number above zero")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise ValueError("must be a number above zero")
    return value


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.1 <= value <= 1.0:
        raise ValueError("must be between 0.1 and 1.0")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError("must be zero or a whole number above zero")
    return value


SPEECH_ACTIONS = ("up", "down", "action", "back", "next", "help", "volume_down", "volume_up",
                  "toggle")
DEFAULT_SPEECH_KEYS = ("up=ArrowUp;down=ArrowDown;action=Enter,NumpadEnter;back=Backspace;"
                       "next=PageDown;help=F1,h,H;volume_down=-,NumpadSubtract;"
                       "volume_up=+,=,NumpadAdd;toggle=F2")


def parse_speech_keys(text: str) -> dict[str, list[str]]:
    """``up=ArrowUp;help=F1,h`` -> {"up": ["ArrowUp"], "help": ["F1", "h"]} (KeyboardEvent
    key or code values), every EZ Access action given."""
    keys: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        action, _, values = part.partition("=")
        if action not in SPEECH_ACTIONS:
            raise ValueError(f"unknown action {action!r}; actions: {', '.join(SPEECH_ACTIONS)}")
        keys[action] = [v for v in values.split(",") if v] or [","]
    missing = [a for a in SPEECH_ACTIONS if a not in keys]
    if missing:
        raise ValueError(f"no key for {', '.join(missing)}")
    return keys


OFFLINE_CHOICES = ("full", "interface", "off")


def _offline(text: str) -> str:
    if text not in OFFLINE_CHOICES:
        raise ValueError(f"must be one of {', '.join(OFFLINE_CHOICES)}")
    return text


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("give the time zone too, for example 2026-11-27T11:00+05:00")
    return moment


def _resolution(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return _positive_int(width), _positive_int(height)


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "", "SQLAlchemy URL of the content store; empty means a SQLite "
            "file kiosk.sqlite3 in the instance folder. Use "
            "postgresql+psycopg://user:password@host/database for a central server."),
    Setting("DEFAULT_LOCATION", "", "Location id that / redirects to; empty means the "
            "default_location of the first organisation's content."),
    Setting("DEFAULT_LANGUAGE", "kk", "Language a stand starts in and returns to after "
            "the idle reset (kk, ru or en)."),
    Setting("PUBLIC_URL", "", "Public address of this server (e.g. https://info.example.kz); "
            "QR codes on the stand point there so a visitor can take a page away on a phone. "
            "Empty means the organisation's website from the content."),
    Setting("IDLE_SECONDS", 90, "Seconds without input before the stand asks whether the "
            "visitor needs more time.", _positive_int),
    Setting("IDLE_COUNTDOWN_SECONDS", 30, "Seconds the 'Do you need more time?' dialog "
            "counts down before the stand resets (at least 20, WCAG 2.2.1).", _positive_int),
    Setting("CONTENT_POLL_SECONDS", 30, "How often a stand asks whether newly published "
            "content is available (at most 60).", _positive_int),
    Setting("LIVE_UPDATE_QUIET_SECONDS", 30, "Seconds without any touch or key on the start "
            "page after which a stand that a visitor has used shows newly published content "
            "(elsewhere it waits for the idle reset).", _positive_int),
    Setting("PANEL_DIAGONAL_INCHES", 21.5, "Visible diagonal of the stand's screen, used "
            "to size large type.", _positive_float),
    Setting("PANEL_RESOLUTION", (1920, 1080), "Native resolution of the stand's screen, "
            "WIDTHxHEIGHT in device pixels.", _resolution),
    Setting("DEVICE_PIXEL_RATIO", 1.0, "Device pixels per CSS pixel on the stand "
            "(Chromium's --force-device-scale-factor).", _positive_float),
    Setting("VIEWING_DISTANCE_MM", 600, "Distance from the visitor's eyes to the screen "
            "that large type is designed for (EN 301 549 5.1.4).", _positive_int),
    Setting("RENDER_CACHE_SIZE", 512, "How many rendered stand pages (whole responses) the "
            "server keeps in memory; each is kept until its minute is over or new content "
            "is published.",
            _positive_int),
    Setting("SPEECH_CACHE_DIR", "", "Folder for synthesised speech; empty means 'speech' in "
            "the instance folder. Several server processes may share it."),
    Setting("SPEECH_CACHE_MB", 200, "Largest size of the speech cache; the least recently "
            "used audio is removed first.", _positive_int),
    Setting("SPEECH_WARM", 1, "1: 'kiosk serve' synthesises every text of every page in the "
            "background at start and after each publication; 0: only on demand.",
            _non_negative_int),
    Setting("SPEECH_KEYS", parse_speech_keys(DEFAULT_SPEECH_KEYS), "Keys of the keypad for "
            "speech mode: action=key,key;… for up, down, action, back, next, help, "
            "volume_down, volume_up and toggle (KeyboardEvent key or code values).",
            parse_speech_keys),
    Setting("SPEECH_VOLUME", 0.8, "Speech volume a visitor starts with and returns to at "
            "the idle reset (0.1 to 1.0 of the stand's system volume).", _fraction),
    Setting("SPEECH_IDLE_PROMPT_SECONDS", 0, "How often the idle start page says that the "
            "stand can speak; 0 turns it off. Use it only where the stand's sound goes to a "
            "headset, never on loudspeakers.", _non_negative_int),
    Setting("OFFLINE", "full", "What a stand keeps for when the server cannot be reached: "
            "'full' (its pages in every language and mode, and the speech of every text on "
            "them), 'interface' (the pages, but speech only for the controls, the speech-mode "
            "words and the offline messages) or 'off' (nothing: the stand goes dark with the "
            "server). Only browsers started with a stand id (?stand=) keep a copy.", _offline),
    Setting("ADMIN_SESSION_MINUTES", 30, "Minutes without activity after which a manager is "
            "signed out of the admin area.", _positive_int),
    Setting("ADMIN_SESSION_MAX_HOURS", 24, "Hours after signing in after which a manager "
            "must sign in again however active the session was, so a copied cookie cannot "
            "be kept alive for ever. Longer than 20 hours by default, so nobody is cut off "
            "within a working day (WCAG 2.2.1).", _positive_int),
    Setting("CALL_ESCALATE_MINUTES", 3, "Minutes a call for assistance may wait without "
            "being acknowledged before it escalates: administrators' admin pages show it and "
            "it is mailed to every administrator with an e-mail address (KIOSK_SMTP_*); "
            "0 means never.", _non_negative_int),
    Setting("CALL_ESCALATION_CHECK_SECONDS", 15, "How often 'kiosk serve' looks for calls to "
            "escalate and e-mails to send (or send again after a failure), whether or not "
            "any staff page is open.", _positive_int),
    Setting("SMTP_HOST", "", "Mail server that e-mails about escalated calls go through; "
            "empty means no e-mail (the admin pages still show the escalation)."),
    Setting("SMTP_PORT", 587, "Port of the mail server (587 for submission with STARTTLS).",
            _positive_int),
    Setting("SMTP_STARTTLS", 1, "1: switch the connection to TLS with STARTTLS before "
            "anything else (required with a user name unless the mail server is on this "
            "machine); 0: plain SMTP, for a relay on this machine only.", _non_negative_int),
    Setting("SMTP_USER", "", "User name at the mail server; empty means no login."),
    Setting("SMTP_PASSWORD", "", "Password at the mail server: give it in the environment "
            "(a systemd EnvironmentFile readable by the service only), never in a file of "
            "the repository."),
    Setting("SMTP_FROM", "", "Sender address of the e-mails (e.g. stands@example.kz); "
            "required with KIOSK_SMTP_HOST."),
    Setting("SMTP_TIMEOUT_SECONDS", 20, "Seconds to wait for the mail server before the "
            "attempt counts as failed (it is tried again later).", _positive_int),
    Setting("REVIEW_DAYS", 30, "Days after which a section nobody has changed or confirmed "
            "is flagged for review on the admin dashboard.", _positive_int),
    Setting("AUDIT_DB", "", "SQLite file or SQLAlchemy URL of the a11y-audit store that the "
            "auditors' area (/audit) shows; empty means the kiosk's own database (the "
            "scanner's tables are prefixed audit_). Give a11y-audit the same --db."),
    Setting("SECRET_KEY", "", "Key that signs sessions; empty means a random key kept in "
            "the instance folder. Set the same key for every process of a central server."),
    Setting("TRUSTED_PROXY", "", "Address of the reverse proxy in front of 'kiosk serve' "
            "(127.0.0.1 for nginx on the same machine): its X-Forwarded-For and "
            "X-Forwarded-Proto headers are believed, so addresses the server builds itself "
            "carry https. Empty: no such header is believed, as when stands connect directly."),
    Setting("NOW", None, "A fixed moment every page, form and record takes as now (ISO 8601 "
            "with its zone, e.g. 2026-11-27T11:00+05:00), for demonstrations, screenshots and "
            "tests only; empty means the real clock. Never set it on a stand in service.",
            _moment),
)


def load(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``KIOSK_*`` variables, each parsed and checked."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(ENV_PREFIX + setting.name)
        if raw is None or raw == "":
            values[setting.name] = setting.default
            continue
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as exc:
            raise SettingError(
                f"{ENV_PREFIX}{setting.name}={raw!r}: {exc}. {setting.help}"
            ) from None
    check(values)
    return values


DATABASE_SCHEMES = ("sqlite:", "sqlite+pysqlite:", "postgresql+psycopg:")


def check(values: Mapping[str, Any]) -> None:
    now = values.get("NOW")
    if now is not None and (not isinstance(now, dt.datetime) or now.tzinfo is None):
        raise SettingError("NOW must be a moment with its time zone, e.g. "
                           "2026-11-27T11:00+05:00: a moment without one means something "
                           "else in every zone.")
    if values["IDLE_COUNTDOWN_SECONDS"] < 20:
        raise SettingError(
            "KIOSK_IDLE_COUNTDOWN_SECONDS must be at least 20: visitors need that long to "
            "answer the 'more time?' question (WCAG 2.2.1)."
        )
    if values["CONTENT_POLL_SECONDS"] > 60:
        raise SettingError("KIOSK_CONTENT_POLL_SECONDS must be at most 60 so stands show "
                           "published content within a minute.")
    if values["DEFAULT_LANGUAGE"] not in ("kk", "ru", "en"):
        raise SettingError("KIOSK_DEFAULT_LANGUAGE must be kk, ru or en.")
    _check_smtp(values)
    if values["DATABASE_URL"] and not values["DATABASE_URL"].startswith(DATABASE_SCHEMES):
        # postgresql:// alone would ask SQLAlchemy for psycopg2, which is not installed.
        raise SettingError("KIOSK_DATABASE_URL must be sqlite:///path/to/file.sqlite3 or "
                           "postgresql+psycopg://user:password@host/database: the content "
                           "store is tested on SQLite and PostgreSQL only.")


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _check_smtp(values: Mapping[str, Any]) -> None:
    if not values.get("SMTP_HOST"):
        return
    if not values.get("SMTP_FROM") or "@" not in values["SMTP_FROM"]:
        raise SettingError("KIOSK_SMTP_FROM must be the sender's e-mail address (e.g. "
                           "stands@example.kz) when KIOSK_SMTP_HOST is set.")
    if values["SMTP_STARTTLS"] not in (0, 1):
        raise SettingError("KIOSK_SMTP_STARTTLS must be 1 (STARTTLS) or 0 (plain SMTP).")
    if (values.get("SMTP_USER") and not values["SMTP_STARTTLS"]
            and values["SMTP_HOST"] not in LOOPBACK_HOSTS):
        raise SettingError("KIOSK_SMTP_USER is set but KIOSK_SMTP_STARTTLS=0: the password "
                           "would cross the network in clear text. Set KIOSK_SMTP_STARTTLS=1.")


# Cap height of Noto Sans as a fraction of the font size (unitsPerEm 1000, capHeight 714).
NOTO_CAP_HEIGHT = 0.714
# EN 301 549 5.1.4: a capital H must subtend at least 0.7 degrees at the viewing distance.
MIN_CAP_ANGLE_DEGREES = 0.7


def large_type_px(values: Mapping[str, Any]) -> float:
    """Smallest CSS font size whose capital H meets EN 301 549 5.1.4 on the configured panel."""
    width, height = values["PANEL_RESOLUTION"]
    pitch_mm = values["PANEL_DIAGONAL_INCHES"] * 25.4 / math.hypot(width, height)
    cap_mm = 2 * values["VIEWING_DISTANCE_MM"] * math.tan(math.radians(MIN_CAP_ANGLE_DEGREES / 2))
    css_px_mm = pitch_mm * values["DEVICE_PIXEL_RATIO"]
    return float(cap_mm / css_px_mm / NOTO_CAP_HEIGHT)
