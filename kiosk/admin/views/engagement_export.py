"""The engagement register as a CSV file an auditor can attach to a report: one row per
follow-up (a meeting without any has one row), in the admin area's language."""

from __future__ import annotations

import csv
import datetime as dt
import io

from flask import Response
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.csv_cells import cell
from kiosk.admin.holders import holder_or_404, register
from kiosk.auth import login_required
from kiosk.store.engagement import FollowUp, Meeting


def _state(item: FollowUp | None, today: dt.date) -> str:
    if item is None:
        return ""
    if item.done:
        return _("done")
    return _("overdue") if item.overdue(today) else _("in progress")


def register_csv(meetings: list[Meeting], today: dt.date) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Date"), _("Organisations represented"), _("People"),
                     _("Information needs raised"), _("Decisions"),
                     _("Visitors' feedback considered"), _("Follow-up"), _("Who"),
                     _("Due date"), _("State")])
    for meeting in meetings:
        record = meeting.record
        for item in record.follow_ups or (None,):
            writer.writerow([cell(v) for v in (
                record.held_on.isoformat(), record.organisations, record.attendees,
                record.needs, record.decisions, meeting.feedback_considered,
                item.action if item else "", item.owner if item else "",
                item.due_on.isoformat() if item else "", _state(item, today))])
    return out.getvalue()


@bp.get("/engagement/<org_id>/register.csv")
@login_required()
def engagement_export(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id)
    # A byte-order mark, so spreadsheet programs read Kazakh and Russian letters right.
    body = "\ufeff" + register_csv(register().meetings(holder.id), holder.today)
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="engagement-{holder.id}-{holder.today.isoformat()}.csv"')
    return response
