"""Auditors' decisions on axe's "needs review" findings, and the list still open.

A decision is kept with who made it, when, and why; a later one replaces it in the
figures but not in the history. It holds for later scans of the same element, since
finding ids are stable from scan to scan."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from accessibility_audit import DECISIONS
from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.finding_rows import finding_or_404, site_findings
from kiosk.audit.reading import audit_data, monitored_or_404
from kiosk.auth import required_account

NOTE_MAX = 2000  # characters


@bp.post("/sites/<key>/findings/<finding_id>/review")
@auditor_required
def review(key: str, finding_id: str) -> ResponseReturnValue:
    data = audit_data()
    monitored = monitored_or_404(key)
    row = finding_or_404(data, monitored, finding_id)
    decision = request.form.get("decision", "")
    note = request.form.get("note", "").strip()
    errors = {}
    if row.finding.outcome != "incomplete":
        errors["decision"] = _("axe-core decided this finding itself: only findings that "
                               "need review take an auditor's decision.")
    elif decision not in DECISIONS:
        errors["decision"] = _("Choose whether the element passes or fails.")
    if len(note) > NOTE_MAX:
        errors["note"] = _("The note is %(length)d characters long; shorten it to %(most)d "
                           "at most.", length=len(note), most=NOTE_MAX)
    if decision == "fail" and not note and "decision" not in errors:
        errors["note"] = _("Say what fails, so the agency knows what to fix.")
    if errors:
        return render_template("audit/finding.html", account=required_account(),
                               monitored=monitored, row=row,
                               history=data.store.review_history(finding_id), errors=errors,
                               form={"decision": decision, "note": note}), 400
    account = required_account()
    data.store.add_review(finding_id, row.finding.rule, decision, note, account.username,
                          account.display_name)
    flash(_("Decision recorded: the element passes.") if decision == "pass"
          else _("Decision recorded: the element fails, and counts as a violation."))
    return redirect(url_for("audit.finding", key=key, finding_id=finding_id))


@bp.get("/reviews")
@auditor_required
def open_reviews() -> ResponseReturnValue:
    data = audit_data()
    groups = []
    for monitored in data.monitored():
        rows = [r for r in site_findings(data, monitored, gone=False).needs_review
                if r.review is None]
        if rows:
            groups.append((monitored, rows))
    return render_template("audit/reviews.html", account=required_account(), groups=groups,
                           scans=len(data.headers))
