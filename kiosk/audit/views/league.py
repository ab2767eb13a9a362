"""The league table of agencies, best first."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.ranking import league
from kiosk.audit.reading import audit_data, scan_command
from kiosk.auth import current_account


@bp.get("/league")
@auditor_required
def league_table() -> ResponseReturnValue:
    rows, unranked = league(audit_data().monitored())
    return render_template("audit/league.html", account=current_account(), rows=rows,
                           unranked=unranked, command=scan_command())
