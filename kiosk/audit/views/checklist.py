"""Filling in a stand's physical checklist in the browser, or uploading it as YAML.
Each submission is kept; the stand report shows the latest."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from accessibility_audit import (
    PHOTO_MAX_BYTES,
    ChecklistFileProblems,
    ChecklistProblem,
    Submission,
    checklist,
    checklist_template,
    checklist_vocabulary,
    labelled_stands,
    latest_checklist,
    problem_with_line,
    read_checklist_file,
    save_checklist,
    stand_by_key,
)
from kiosk.audit import checklist_fields
from kiosk.audit.blueprint import UPLOAD_BYTES, auditor_required, bp
from kiosk.audit.storage import audit_store
from kiosk.auth import current_account
from kiosk.clock import now_utc

# A photo for every item at most, and the form itself.
UPLOAD_BYTES["audit.stand_checklist_save"] = 8 * PHOTO_MAX_BYTES
YAML_BYTES = 256 * 1024
ALMATY = ZoneInfo("Asia/Almaty")


@bp.get("/stands/<key>/checklist")
@auditor_required
def stand_checklist(key: str) -> ResponseReturnValue:
    url = _stand(key)
    return _page(key, url, _fresh_form(url))


def _fresh_form(url: str) -> checklist_fields.ChecklistForm:
    """The form for a new visit: the latest answers, the signed-in auditor, today."""
    account = current_account()
    store = audit_store()
    return checklist_fields.from_latest(checklist(), latest_checklist(store, url),
                                        account.display_name or account.username, _today(),
                                        labelled_stands(store).get(url, ""))


@bp.post("/stands/<key>/checklist")
@auditor_required
def stand_checklist_save(key: str) -> ResponseReturnValue:
    url = _stand(key)
    store = audit_store()
    form, answers, photos = checklist_fields.from_request(
        checklist(), request.form, request.files, store, _lang(), _today(), now_utc())
    if form.summary():
        return _page(key, url, form), 400
    save_checklist(store, checklist_fields.submission(form, url, answers, photos, _today()),
                 now_utc())
    flash(_("The checklist was saved. The stand report below shows it."))
    return redirect(url_for("audit.stand", key=key))


@bp.post("/stands/<key>/checklist/yaml")
@auditor_required
def stand_checklist_import(key: str) -> ResponseReturnValue:
    url = _stand(key)
    upload = request.files.get("checklist_file")
    data = upload.read(YAML_BYTES + 1) if upload and upload.filename else b""
    try:
        if not data:
            raise ChecklistFileProblems([ChecklistProblem("file-empty")])
        if len(data) > YAML_BYTES:
            raise ChecklistFileProblems([ChecklistProblem("file-too-large",
                                                          {"kb": str(YAML_BYTES // 1024)})])
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ChecklistFileProblems([ChecklistProblem("not-utf8")]) from None
        filled = read_checklist_file(text, checklist(), _today())
    except ChecklistFileProblems as error:
        return _page(key, url, _fresh_form(url), file_problems=[
            problem_with_line(p, _lang()) for p in error.problems]), 400
    save_checklist(audit_store(), Submission(
        url, filled.label, filled.auditor, filled.checked_on, "yaml", filled.notes,
        filled.answers), now_utc())
    flash(_("The checklist file was imported. The stand report below shows it."))
    return redirect(url_for("audit.stand", key=key))


@bp.get("/stands/<key>/checklist.yaml")
@auditor_required
def stand_checklist_template(key: str) -> ResponseReturnValue:
    url = _stand(key)
    account = current_account()
    text = checklist_template(checklist(), _lang(), _today(),
                    labelled_stands(audit_store()).get(url, ""),
                    account.display_name or account.username)
    return text, 200, {"Content-Type": "application/yaml; charset=utf-8",
                       "Content-Disposition": f'attachment; filename="checklist-{key}.yaml"'}


def _page(key: str, url: str, form: checklist_fields.ChecklistForm,
          file_problems: list[str] | None = None) -> str:
    return render_template("audit/checklist_form.html", key=key, url=url, form=form,
                           checklist=checklist(), file_problems=file_problems or [],
                           max_photo_mb=PHOTO_MAX_BYTES // 1024 // 1024, account=current_account(),
                           **checklist_vocabulary(_lang()))


def _stand(key: str) -> str:
    url = stand_by_key(audit_store(), key)
    if url is None:
        abort(404)
    return url


def _today() -> dt.date:
    """Today where the auditors work: a visit's date is a local date."""
    return now_utc().astimezone(ALMATY).date()


def _lang() -> str:
    return str(get_locale())

