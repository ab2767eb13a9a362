"""The duties record as a CSV file an auditor can attach to a report: one row per
publication of each location over the last six months, judged against the update duty,
in the admin area's language."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from flask import Response, current_app
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.csv_cells import cell
from kiosk.admin.duty_board import LocationDuties, location_duties, timeliness_text
from kiosk.admin.update_duty import Timeliness
from kiosk.auth import login_required, required_account
from kiosk.clock import now_utc


def duties_csv(rows: list[LocationDuties]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Location identifier"), _("Name"), _("Organisation"), _("Revision"),
                     _("Published"), _("Published by"), _("Sections changed"),
                     _("Information changed on"), _("Business days taken"),
                     _("Business days late"), _("Result")])
    for row in rows:
        for item in row.publications:
            judgement = item.judgement
            judged = judgement.timeliness in (Timeliness.ON_TIME, Timeliness.LATE)
            writer.writerow([cell(value) for value in (
                row.id, row.name, row.organisation, item.revision_number,
                item.published_at.isoformat(timespec="minutes"), item.published_by,
                item.sections,
                item.information_day.isoformat() if item.information_day else "",
                judgement.business_days if judged else "",
                judgement.days_late if judged else "", timeliness_text(judgement))])
    return out.getvalue()


@bp.get("/duties.csv")
@login_required()
def duties_export() -> ResponseReturnValue:
    now = now_utc()
    rows = location_duties(required_account(), str(get_locale()), now)
    # A byte-order mark, so spreadsheet programs read Kazakh and Russian letters right.
    response = Response("\ufeff" + duties_csv(rows), mimetype="text/csv")
    today = now.astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
    response.headers["Content-Disposition"] = (
        f'attachment; filename="duties-{today.isoformat()}.csv"')
    return response
