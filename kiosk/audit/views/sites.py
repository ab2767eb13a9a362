"""One site or stand: its latest scan, its trend, its findings, and its agency's name."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.figures import Monitored
from kiosk.audit.finding_rows import site_findings
from kiosk.audit.reading import audit_data, monitored_or_404
from kiosk.audit.trend_figures import MOST_SCANS, site_chart
from kiosk.auth import required_account

AGENCY_MAX = 200  # characters: the longest official names of agencies fit


def _page(monitored: Monitored, errors: dict[str, str], agency: str,
          status: int = 200) -> ResponseReturnValue:
    data = audit_data()
    return render_template(
        "audit/site.html", account=required_account(), monitored=monitored,
        chart=site_chart(monitored), rows=monitored.scans[-MOST_SCANS:], most=MOST_SCANS,
        findings=site_findings(data, monitored), errors=errors, agency=agency), status


@bp.get("/sites/<key>")
@auditor_required
def site(key: str) -> ResponseReturnValue:
    monitored = monitored_or_404(key)
    return _page(monitored, {}, monitored.agency or "")


@bp.post("/sites/<key>/agency")
@auditor_required
def agency(key: str) -> ResponseReturnValue:
    monitored = monitored_or_404(key)
    name = " ".join(request.form.get("agency", "").split())
    if len(name) > AGENCY_MAX:
        return _page(monitored, {"agency": _(
            "The name is %(length)d characters long; shorten it to %(most)d at most.",
            length=len(name), most=AGENCY_MAX)}, name, 400)
    audit_data().store.set_agency(monitored.subject.address, name,
                                  required_account().username)
    flash(_("Agency name saved.") if name else
          _("Agency name removed: the host name is shown instead."))
    return redirect(url_for("audit.site", key=key))
