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
    CHECKLIST_FILE_LIMITS,
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
    read_checklist_bytes,
    save_checklist,
    stand_by_key,
)
from kiosk.audit import checklist_fields
from kiosk.audit.blueprint import UPLOAD_BYTES, auditor_required, bp
from kiosk.audit.storage import audit_store
from kiosk.auth import current_account, required_account
from kiosk.clock import now_utc
from kiosk.formatting import file_size
from kiosk.request_limits import when_too_large

# A photo for every item at most, and the form itself.
UPLOAD_BYTES["audit.stand_checklist_save"] = 8 * PHOTO_MAX_BYTES
ALMATY = ZoneInfo("Asia/Almaty")


@bp.get("/stands/<key>/checklist")
@auditor_required
def stand_checklist(key: str) -> ResponseReturnValue:
    url = _stand(key)
    return _page(key, url, _fresh_form(url))


def _fresh_form(url: str) -> checklist_fields.ChecklistForm:
    """The form for a new visit: the latest answers, the signed-in auditor, today."""
    account = required_account()
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
    data = upload.read(CHECKLIST_FILE_LIMITS.max_bytes + 1) if upload and upload.filename else b""
    try:
        filled = read_checklist_bytes(data, checklist(), _today())
    except ChecklistFileProblems as error:
        return _page(key, url, _fresh_form(url), file_problems=[
            problem_with_line(p, _lang()) for p in error.problems]), 400
    save_checklist(audit_store(), Submission(
        url, filled.label, filled.auditor, filled.checked_on, "yaml", filled.notes,
        filled.answers), now_utc())
    flash(_("The checklist file was imported. The stand report below shows it."))
    return redirect(url_for("audit.stand", key=key))


@when_too_large("audit.stand_checklist_import")
@auditor_required
def _file_too_large(key: str) -> ResponseReturnValue:
    url = _stand(key)
    too_large = ChecklistProblem("file-too-large",
                                 {"kb": str(CHECKLIST_FILE_LIMITS.max_bytes // 1024)})
    return _page(key, url, _fresh_form(url),
                 file_problems=[problem_with_line(too_large, _lang())]), 413


@when_too_large("audit.stand_checklist_save")
@auditor_required
def _form_too_large(key: str) -> ResponseReturnValue:
    url = _stand(key)
    language = _lang()
    problem = _("The form and its photos came to more than %(size)s, the most one saving "
                "takes, so nothing was saved. Send the photos a few at a time (each at most "
                "%(photo)s): save the form with some of them, then add the others.",
                size=file_size(UPLOAD_BYTES["audit.stand_checklist_save"], language),
                photo=file_size(PHOTO_MAX_BYTES, language))
    return _page(key, url, _fresh_form(url), form_problem=problem), 413


@bp.get("/stands/<key>/checklist.yaml")
@auditor_required
def stand_checklist_template(key: str) -> ResponseReturnValue:
    url = _stand(key)
    account = required_account()
    text = checklist_template(checklist(), _lang(), _today(),
                    labelled_stands(audit_store()).get(url, ""),
                    account.display_name or account.username)
    return text, 200, {"Content-Type": "application/yaml; charset=utf-8",
                       "Content-Disposition": f'attachment; filename="checklist-{key}.yaml"'}


def _page(key: str, url: str, form: checklist_fields.ChecklistForm,
          file_problems: list[str] | None = None, form_problem: str = "") -> str:
    return render_template("audit/checklist_form.html", key=key, url=url, form=form,
                           checklist=checklist(), file_problems=file_problems or [],
                           form_problem=form_problem,
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

