"""A location's page in the admin area: its sections with their duties, the editor's
draft, and the way to preview, publish or discard it; discarding the draft and
confirming that a section is still true."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.duties import retired, review_overdue
from kiosk.admin.editing import Workspace, workspace
from kiosk.admin.field_errors import location_errors
from kiosk.admin.field_labels import section_title
from kiosk.admin.notices import draft_notices, missing_translations
from kiosk.auth import Role, current_account, login_required
from kiosk.clock import now_utc
from kiosk.content.sections import SECTIONS, changed_sections, section_for_path
from kiosk.formatting import long_date, moment_text
from kiosk.hours import day_schedule, holiday_calendar
from kiosk.public.labels import day_hours
from kiosk.store import drafts, publisher

HOLIDAY_DAYS_AHEAD = 120


@dataclass(frozen=True)
class SectionRow:
    id: str
    title: str
    changed_in_draft: bool
    error_count: int
    updated: str
    updated_by: str
    reviewed: str
    reviewed_by: str
    review_overdue: bool


@dataclass(frozen=True)
class HolidayRow:
    day: str
    name: str
    hours: str
    overridden: bool


def _holidays(space: Workspace, lang: str) -> list[HolidayRow]:
    calendar = holiday_calendar(current_app)
    hours = space.published_location.hours
    today = now_utc().astimezone(space.content.zone).date()
    exceptions = {item.date for item in hours.exceptions}
    rows = []
    for offset in range(HOLIDAY_DAYS_AHEAD):
        day = today + dt.timedelta(days=offset)
        if calendar.is_holiday(day) or calendar.is_transferred_workday(day):
            name = calendar.holiday_name(day, lang) or _("Working day moved by government "
                                                        "decree")
            rows.append(HolidayRow(long_date(day, lang), name,
                                   day_hours(day_schedule(hours, day, calendar), lang),
                                   day in exceptions))
    return rows


@bp.get("/locations/<location>/")
@login_required()
def location(location: str) -> ResponseReturnValue:
    account = current_account()
    space = workspace(location, account)
    lang = str(get_locale())
    zone = space.content.zone
    now = now_utc()
    document = space.document
    errors = location_errors(document) if space.draft else {}
    changed = set(changed_sections(space.published_document, document)) if space.draft else set()
    stamps = publisher(current_app).stamps.section_stamps(location)
    review_days = current_app.config["REVIEW_DAYS"]
    rows = []
    for section in SECTIONS:
        stamp = stamps.get(section)
        rows.append(SectionRow(
            section, section_title(section), section in changed,
            sum(1 for path in errors if section_for_path(path) == section),
            moment_text(stamp.updated_at, zone, lang) if stamp else "",
            stamp.updated_by if stamp else "",
            moment_text(stamp.reviewed_at, zone, lang) if stamp else "",
            stamp.reviewed_by if stamp else "",
            review_overdue(stamp.reviewed_at if stamp else None, now, review_days)))
    today = now.astimezone(zone).date()
    calendar = holiday_calendar(current_app)
    published_announcements = space.published_document.get("announcements", [])
    return render_template(
        "admin/location.html", account=account, space=space, rows=rows, errors=errors,
        missing=missing_translations(document) if space.draft else [],
        notices=draft_notices(space, document, calendar),
        retired=retired(published_announcements, today),
        others=[(d.username, moment_text(d.updated_at, zone, lang))
                for d in drafts(current_app).others(location, account.username)],
        draft_saved=moment_text(space.draft.updated_at, zone, lang) if space.draft else "",
        published_when=moment_text(space.published.published_at, zone, lang),
        holidays=_holidays(space, lang), review_days=review_days,
        preview_pages=("home", "hours", "appeals", "contacts", "accessibility",
                       "announcements"))


@bp.post("/locations/<location>/discard")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def discard(location: str) -> ResponseReturnValue:
    space = workspace(location, current_account(), edit=True)
    drafts(current_app).discard(location, space.account.username)
    flash(_("Your draft was discarded. The form shows what the stands show."))
    return redirect(url_for("admin.location", location=location))


@bp.post("/locations/<location>/reviewed/<section>")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def reviewed(location: str, section: str) -> ResponseReturnValue:
    if section not in SECTIONS:
        abort(404)
    space = workspace(location, current_account(), edit=True)
    publisher(current_app).stamps.mark_reviewed(location, section, space.account.display_name)
    flash(_("Recorded: %(section)s checked and still true.", section=section_title(section)))
    return redirect(url_for("admin.location", location=location))
