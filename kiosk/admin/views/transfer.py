"""A whole organisation's content as one YAML file: exported for safekeeping or review,
imported all or nothing (a file with any fault changes nothing, and says where)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from kiosk.admin.blueprint import bp
from kiosk.admin.import_problems import ImportProblem, import_problems, plain_problems
from kiosk.admin.information_date import FIELD, FIELD_ID, read_information_date
from kiosk.auth import Role, current_account, login_required, required_account
from kiosk.clock import now_utc
from kiosk.content import Content, ContentError, dump_yaml
from kiosk.content.file_problems import file_too_large
from kiosk.content.loader import LIMITS, parse_bytes
from kiosk.request_limits import when_too_large
from kiosk.store import publisher, reader


def _organisations() -> list[tuple[str, str]]:
    content = reader(current_app)
    rows = []
    for org_id in content.organisation_ids():
        published = content.current(org_id)
        if published is not None:
            rows.append((org_id, published.content.organisation.name.get(str(get_locale()))[0]))
    return rows


def _today() -> dt.date:
    # Before the file is read its organisation's zone is unknown: the admin area's is used.
    return now_utc().astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


@bp.get("/content")
@login_required(Role.ADMINISTRATOR)
def transfer() -> ResponseReturnValue:
    return render_template("admin/transfer.html", account=current_account(),
                           organisations=_organisations(), problems=[], date_errors={},
                           information_on="")


@bp.get("/content/<org_id>.yaml")
@login_required(Role.ADMINISTRATOR)
def export(org_id: str) -> ResponseReturnValue:
    published = reader(current_app).current(org_id)
    if published is None:
        abort(404)
    header = (f"# {org_id}: revision {published.number}, published "
              f"{published.published_at:%Y-%m-%d %H:%M} UTC by {published.published_by}\n")
    response = Response(header + dump_yaml(published.content),
                        mimetype="application/yaml; charset=utf-8")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{org_id}-revision-{published.number}.yaml"')
    return response


@bp.post("/content")
@login_required(Role.ADMINISTRATOR)
def import_content() -> ResponseReturnValue:
    upload = request.files.get("file")
    typed = request.form.get(FIELD, "")
    information_on, date_problem = read_information_date(typed, _today())
    date_errors = {FIELD_ID: date_problem} if date_problem else {}
    content, problems = _read_upload(upload)
    if content is not None and information_on is not None:
        try:
            revision, new = publisher(current_app).publish(
                content, required_account().display_name, information_on=information_on)
        except ContentError as error:
            problems = import_problems(error)
    if problems or date_errors:
        filename = (upload.filename or "") if upload else ""
        return _refused(problems, filename, date_errors, typed), 422
    if new and content is not None:
        flash(_("Imported and published as revision %(number)d of “%(org)s”. The stands show "
                "it within a minute.", number=revision.number, org=content.organisation.id))
    else:
        flash(_("Nothing changed: the file is the same as the published content."))
    return redirect(url_for("admin.transfer"))


def _read_upload(upload: FileStorage | None) -> tuple[Content | None, list[ImportProblem]]:
    """The content of the uploaded file, or every problem with it."""
    if upload is None or not upload.filename:
        return None, plain_problems([_("Choose a YAML file to import.")])
    try:
        # Never more than the limit is read: a larger file is refused, not parsed.
        return parse_bytes(upload.read(LIMITS.max_bytes + 1), upload.filename), []
    except ContentError as error:
        return None, import_problems(error)


def _refused(problems: list[ImportProblem], filename: str,
             date_errors: dict[str, str] | None = None, information_on: str = "") -> str:
    return render_template("admin/transfer.html", account=current_account(),
                           organisations=_organisations(), problems=problems,
                           date_errors=date_errors or {}, information_on=information_on,
                           filename=filename)


@when_too_large("admin.import_content")
@login_required(Role.ADMINISTRATOR)
def _import_too_large() -> ResponseReturnValue:
    return _refused(plain_problems([file_too_large(LIMITS.max_bytes)]), ""), 413
