"""What a stand keeps so it goes on working when the server cannot be reached.

A service worker (``static/js/sw.js``), served from each location's own address so its
scope covers that location's pages, keeps a copy of the published revision: every page
a visitor can open (each language and display mode), the styles, fonts, icons and
scripts, and the audio of what the pages say. This module says what that copy is: the
worker's settings, and the manifest it installs from.

Some of a page changes with the time of day. The manifest therefore carries, for the
days ahead, the open/closed line and the date as they will read at each moment they
change, with their speech keys, so that the worker can answer the page's own
``live.json`` poll while the server is away and the clock, the date and the
open/closed line stay true (see ``docs/stand.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk.clock import now_utc
from kiosk.content.model import Location, ServiceKind
from kiosk.content.scheduled import effective_location, later_hours
from kiosk.formatting import full_date, phone_text
from kiosk.hours import HolidayCalendar, Status, status_at
from kiosk.i18n import CODES
from kiosk.public.blueprint import STAND_PAGES
from kiosk.public.modes import ALL_MODES
from kiosk.public.speech_markup import speech_key
from kiosk.public.stand_forms import FORMS
from kiosk.public.status_text import status_sentence
from kiosk.store.reading import Published

# A stand offline for longer than this knows no more about its hours than its copy shows.
TIMELINE_DAYS = 14
# The pages a stand shows instead of a form while offline (after /stand/<location>/<lang>/).
OFFLINE_PAGES = tuple(f"offline/{form}" for form in FORMS)
# Pages kept whole. A form page is not: its signed token would be stale, and offline
# nobody could receive what it sends, so the worker answers with the offline page.
KEPT_PAGES = tuple(page for page in STAND_PAGES if page not in FORMS)
WORKER_SOURCE = Path(__file__).resolve().parent.parent / "static" / "js" / "sw.js"


def endpoint_of(page: str) -> str:
    """The endpoint of a path in STAND_PAGES ("" is home, "offline/x" is offline_x)."""
    return page.replace("/", "_") or "home"


def enabled() -> bool:
    mode: str = current_app.config["OFFLINE"]
    return mode != "off"


def help_phone(location: Location) -> str:
    """The number a visitor can call when the stand cannot call staff: the location's
    help-on-call line if it has one, else its first phone."""
    for service in location.accessibility:
        if service.kind == ServiceKind.HELP_ON_CALL and service.available and service.phone:
            return phone_text(service.phone)
    return phone_text(location.contacts.phones[0])


def page_urls(location_id: str) -> list[dict[str, Any]]:
    """Every page the copy keeps: each kept page and each offline answer, in every
    language and mode. ``interface`` marks the pages whose speech is kept even with
    OFFLINE=interface: the offline answers, which hold every control, speech-mode word
    and message, and the start page, whose tiles lead everywhere."""
    urls = []
    for lang in CODES:
        for mode in ALL_MODES:
            for page in KEPT_PAGES + OFFLINE_PAGES:
                url = url_for(f"public.{endpoint_of(page)}", location=location_id,
                              lang=lang, mode=mode.param)
                urls.append({"url": url, "interface": page in ("", *OFFLINE_PAGES)})
    return urls


def _next_midnight(moment: dt.datetime) -> dt.datetime:
    day = moment.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(), tzinfo=moment.tzinfo)


def status_moments(location: Location, start: dt.datetime, end: dt.datetime,
                   calendar: HolidayCalendar) -> list[Status]:
    """The status at each moment from ``start`` (local, aware) to ``end`` at which the
    open/closed line may read differently.

    The sentence changes only when a period starts or ends, at midnight ("opens
    tomorrow" becomes "opens today"), or when scheduled new hours take effect, so those
    are the only moments looked at. Worked out once for every language."""
    statuses: list[Status] = []
    # The content's zone: manifest() gives ``start`` in it.
    zone = cast(ZoneInfo, start.tzinfo)
    moment = start
    switches = [change.starts.replace(tzinfo=start.tzinfo) for change in location.scheduled]
    while moment < end:
        current = effective_location(location, moment.replace(tzinfo=None))
        status = status_at(current.hours, moment, zone, calendar, later_hours(current))
        statuses.append(status)
        changes = [when for when in (status.closes_at, status.opens_at,
                                     status.reopens_at, _next_midnight(moment), *switches)
                   if when is not None and when > moment]
        moment = min(changes)
    return statuses


def status_timeline(statuses: list[Status], lang: str) -> list[list[Any]]:
    """The open/closed line in ``lang``: one entry ``[from, key, text, is_open]`` each time
    it reads differently."""
    entries: list[list[Any]] = []
    with force_locale(lang):
        for status in statuses:
            text = status_sentence(status, lang)
            if not entries or entries[-1][2] != text:
                entries.append([status.now.isoformat(), speech_key(text, lang), text,
                                status.is_open])
    return entries


def date_timeline(start: dt.datetime, days: int, lang: str) -> list[list[str]]:
    """The masthead's date for each day from ``start``'s: ``[from, key, text]``."""
    entries = []
    for offset in range(days + 1):
        day = start.date() + dt.timedelta(days=offset)
        midnight = dt.datetime.combine(day, dt.time(), tzinfo=start.tzinfo)
        text = full_date(day, lang)
        entries.append([midnight.isoformat(), speech_key(text, lang), text])
    return entries


def unsaid(lang: str) -> list[str]:
    """What the stand says offline for a text whose speech it did not keep: better than
    the silence (and the loss of speech for the rest of the page) of a missing sound."""
    with force_locale(lang):
        text = _("This cannot be read aloud without a connection to the server.")
    return [speech_key(text, lang), text]


def manifest(published: Published, location_id: str) -> dict[str, Any]:
    """What the service worker installs for one location's stands."""
    zone = published.content.zone
    now = now_utc().astimezone(zone)
    end = now + dt.timedelta(days=TIMELINE_DAYS)
    # The copy's pages show the location as it is now; the open/closed line follows
    # scheduled new hours (the pages switch when the stand next reaches the server).
    location = published.content.locations[location_id]
    calendar = current_app.extensions["kiosk.calendar"]
    statuses = status_moments(location, now, end, calendar)
    live = {lang: {"status": status_timeline(statuses, lang),
                   "date": date_timeline(now, TIMELINE_DAYS, lang)}
            for lang in CODES}
    return {
        "revision": published.version(location_id, now),
        "location": location_id,
        "now": now.isoformat(),
        # The end of the timeline below: after it the worker no longer knows the day.
        "until": end.isoformat(),
        "timeZone": published.content.organisation.time_zone,
        "defaultLanguage": current_app.config["DEFAULT_LANGUAGE"],
        "languages": list(CODES),
        "speech": current_app.config["OFFLINE"],
        "pages": page_urls(location_id),
        "forms": list(FORMS),
        # Where the styles, scripts, fonts and icons the pages name are served from.
        "assetPrefixes": [url_for("static", filename=""), url_for("public.panel")],
        "live": live,
        "unsaid": {lang: unsaid(lang) for lang in CODES},
    }


@cache
def _worker_source() -> str:
    # Read once per process, like the hashes of the other static files (static_assets):
    # every page a stand opens asks whether its service worker changed.
    return WORKER_SOURCE.read_text(encoding="utf-8")


def worker_script(published: Published | None, location_id: str) -> str:
    """The service worker for one location: its settings, then ``static/js/sw.js``.

    The settings carry the revision, so a newly published revision is a changed
    script, which the browser installs in place of the old one."""
    settings: dict[str, Any] = {
        "location": location_id,
        "off": not enabled() or published is None,
    }
    if published is not None:
        scope = url_for("public.start", location=location_id)
        settings.update(
            revision=published.version(location_id, now_utc()),
            scope=scope,
            manifest=url_for("public.offline_manifest", location=location_id),
            speechPrefix=url_for("speech.audio", rate="RATE", key="KEY"),
        )
    return ("/* Settings of this location's stands, written by the server. */\n"
            f"self.KIOSK_OFFLINE = {json.dumps(settings, sort_keys=True)};\n"
            + _worker_source())


def etag(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:20]
