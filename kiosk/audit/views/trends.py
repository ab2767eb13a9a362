"""Violations over time, for every site and stand together."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.reading import audit_data, scan_command
from kiosk.audit.trend_figures import MOST_SCANS, all_sites_chart, all_sites_rows
from kiosk.auth import current_account


@bp.get("/trends")
@auditor_required
def trends() -> ResponseReturnValue:
    rows = all_sites_rows(audit_data().monitored())
    return render_template("audit/trends.html", account=current_account(), rows=rows,
                           chart=all_sites_chart(rows), most=MOST_SCANS,
                           command=scan_command())
