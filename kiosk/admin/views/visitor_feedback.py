"""Visitors' feedback from the stands, as the engagement register shows it: a list with
filters, counts per kind of difficulty, and marking items as considered at a meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.holders import Holder, holder_or_404, register
from kiosk.admin.meeting_form import parse_date
from kiosk.auth import Role, current_account, login_required
from kiosk.formatting import long_date, time_text
from kiosk.i18n import LANGUAGES
from kiosk.public.labels import difficulty_name
from kiosk.store.engagement import Difficulty, Feedback, FeedbackFilter

LIST_LIMIT = 500


@dataclass(frozen=True)
class Filters:
    """The list's filters as typed, what they mean, and what is wrong with them."""

    location: str
    category: str
    since: str
    until: str
    errors: dict[str, str]
    where: FeedbackFilter

    @property
    def query(self) -> dict[str, str]:
        return {name: value for name, value in (
            ("location", self.location), ("category", self.category),
            ("from", self.since), ("to", self.until)) if value}


def read_filters(holder: Holder) -> Filters:
    args = request.args
    location = args.get("location", "")
    category = args.get("category", "")
    since, until = args.get("from", "").strip(), args.get("to", "").strip()
    errors = {}
    if location and location not in holder.locations:
        errors["filter-location"] = _("Choose one of the locations in the list.")
    if category and category not in {kind.value for kind in Difficulty}:
        errors["filter-category"] = _("Choose one of the options.")
    zone = holder.published.content.zone
    first = parse_date(since) if since else None
    last = parse_date(until) if until else None
    if since and first is None:
        errors["filter-from"] = _('"%(value)s" is not a date: enter one, for example '
                                  '31.12.2026.', value=since)
    if until and last is None:
        errors["filter-to"] = _('"%(value)s" is not a date: enter one, for example '
                                '31.12.2026.', value=until)
    if first and last and last < first:
        errors["filter-to"] = _("The end of the period is before its start.")
    locations = ([location] if location and "filter-location" not in errors
                 else list(holder.locations))
    where = FeedbackFilter(
        locations=locations,
        category=Difficulty(category) if category and "filter-category" not in errors else None,
        since=dt.datetime.combine(first, dt.time(), zone) if first else None,
        before=(dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
                if last and "filter-to" not in errors else None))
    return Filters(location, category, since, until, errors, where)


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    when: str
    location: str
    stand: str
    lang: str
    language: str
    category: str
    text: str
    considered_at: str  # the date of the meeting that considered it, or ""


def feedback_row(item: Feedback, holder: Holder, meetings: dict[int, dt.date],
                 lang: str) -> FeedbackRow:
    local = item.created_at.astimezone(holder.published.content.zone)
    names = {language.code: language.native_name for language in LANGUAGES}
    considered = meetings.get(item.meeting_id) if item.meeting_id else None
    return FeedbackRow(
        item.id, f"{long_date(local.date(), lang)}, {time_text(local)}",
        holder.locations.get(item.location_id, item.location_id),
        item.stand_id or _("not identified"),
        item.lang, names.get(item.lang, item.lang), difficulty_name(item.category), item.text,
        long_date(considered, lang) if considered else "")


@bp.get("/engagement/<org_id>/feedback")
@login_required()
def visitor_feedback(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id)
    lang = str(get_locale())
    filters = read_filters(holder)
    meetings = register().meetings(holder.id)
    dates = {meeting.id: meeting.held_on for meeting in meetings}
    items = register().feedback_list(filters.where, LIST_LIMIT)
    counts = register().feedback_counts(filters.where)
    return render_template(
        "admin/visitor_feedback.html", account=current_account(), holder=holder,
        filters=filters, rows=[feedback_row(item, holder, dates, lang) for item in items],
        counts=[(difficulty_name(kind), kind.value, count) for kind, count in counts.items()],
        total=sum(counts.values()), limit=LIST_LIMIT, difficulties=list(Difficulty),
        difficulty_name=difficulty_name, meetings=meetings,
        may_mark=holder.may_record and bool(meetings))


@bp.post("/engagement/<org_id>/feedback/considered")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def mark_feedback_considered(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id, record=True)
    back = request.form.get("back", "")
    list_url = url_for("admin.visitor_feedback", org_id=holder.id)
    # Only back to this very list (with its filters), never elsewhere.
    if not back.startswith(list_url + "?") and back != list_url:
        back = list_url
    ids = [int(value) for value in request.form.getlist("item") if value.isdigit()]
    meeting_id = request.form.get("meeting", "")
    meeting = register().meeting(int(meeting_id)) if meeting_id.isdigit() else None
    if meeting is None or meeting.organisation_id != holder.id:
        flash(_("Nothing was marked: choose the meeting at which the feedback was "
                "considered."))
    elif not ids:
        flash(_("Nothing was marked: tick the feedback that was considered first."))
    else:
        # The meeting's day ends at midnight where the organisation is.
        ended = dt.datetime.combine(meeting.held_on + dt.timedelta(days=1), dt.time(),
                                    tzinfo=holder.published.content.zone)
        count = register().mark_considered(ids, meeting.id, list(holder.locations), ended)
        when = long_date(meeting.held_on, str(get_locale()))
        flash(ngettext("%(num)d item marked as considered at the meeting of %(date)s.",
                       "%(num)d items marked as considered at the meeting of %(date)s.",
                       count, date=when))
        if count < len(ids):
            flash(ngettext("%(num)d item was left as it was: it was given after the meeting "
                           "of %(date)s, so that meeting cannot have considered it.",
                           "%(num)d items were left as they were: they were given after the "
                           "meeting of %(date)s, so that meeting cannot have considered them.",
                           len(ids) - count, date=when))
    return redirect(back, 303)
