"""The auditors' overview: every site and stand monitored, with its latest scan."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.reading import audit_data, scan_command
from kiosk.auth import current_account


@bp.get("/")
@auditor_required
def overview() -> ResponseReturnValue:
    data = audit_data()
    monitored = data.monitored()
    return render_template(
        "audit/overview.html", account=current_account(),
        sites=[m for m in monitored if m.subject.kind == "site"],
        stands=[m for m in monitored if m.subject.kind == "stand"],
        scans=len(data.headers), command=scan_command())
