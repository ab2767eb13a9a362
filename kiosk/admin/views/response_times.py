"""Time to acknowledge calls for assistance, per stand and month, as a CSV file an
auditor can attach to a report (the register's page shows the same table; rules in
:mod:`kiosk.admin.response_times`)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from flask import Response
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.csv_cells import cell
from kiosk.admin.holders import holder_or_404
from kiosk.admin.response_times import stand_months, stand_name, stand_names
from kiosk.auth import login_required


@bp.get("/engagement/<org_id>/response-times.csv")
@login_required()
def response_times_export(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id)
    lang = str(get_locale())
    names = stand_names(holder, lang)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Month"), _("Location"), _("Stand"), _("Calls"),
                     _("Acknowledged"), _("Unanswered"), _("Escalated"),
                     _("Median time to acknowledge (seconds)"),
                     _("Longest time to acknowledge (seconds)")])
    for row in stand_months(holder):
        writer.writerow([cell(value) for value in (
            row.month.strftime("%Y-%m"), holder.locations.get(row.location_id, row.location_id),
            stand_name(row, names), row.calls, row.answered, row.unanswered,
            row.escalated, _seconds(row.median), _seconds(row.longest))])
    response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="response-times-{holder.id}-{holder.today.isoformat()}.csv"')
    return response


def _seconds(wait: dt.timedelta | None) -> str:
    return "" if wait is None else str(round(wait.total_seconds()))
