"""One finding in detail: the element, where it was found, and its reviews."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.finding_rows import finding_or_404
from kiosk.audit.reading import audit_data, monitored_or_404
from kiosk.auth import current_account


@bp.get("/sites/<key>/findings/<finding_id>")
@auditor_required
def finding(key: str, finding_id: str) -> ResponseReturnValue:
    data = audit_data()
    monitored = monitored_or_404(key)
    row = finding_or_404(data, monitored, finding_id)
    return render_template("audit/finding.html", account=current_account(),
                           monitored=monitored, row=row,
                           history=data.store.review_history(finding_id), errors={},
                           form={})
