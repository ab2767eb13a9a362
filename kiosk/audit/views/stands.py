"""The stands auditors certify: every stand known from a stand audit or from a
checklist, one joined report per stand, and the photos of its checklist."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from accessibility_audit import (
    BadStandUrl,
    Publication,
    StandReport,
    checklist,
    checklist_history,
    checklist_vocabulary,
    known_stands,
    photo_data,
    recorded_stands,
    remember_stand,
    split_stand,
    stand_by_key,
    stand_key,
    stand_report,
    stand_url,
)
from kiosk.audit.blueprint import auditor_required, bp
from kiosk.audit.storage import audit_store
from kiosk.auth import current_account
from kiosk.clock import now_utc
from kiosk.store import reader


@bp.get("/stands")
@auditor_required
def stands() -> ResponseReturnValue:
    return _stands_page()


@bp.post("/stands")
@auditor_required
def add_stand() -> ResponseReturnValue:
    """Add a stand to the list before it has a stand audit, to fill in its checklist."""
    url, label = request.form.get("url", "").strip(), request.form.get("label", "").strip()
    try:
        url = stand_url(url)
    except BadStandUrl:
        error = _("Give the stand's address with its id from the content, for example "
                  "http://127.0.0.1:8080/stand/main/?stand=main-hall .")
        return _stands_page(error=error, url=url, label=label), 400
    error = _unknown_stand(url)
    if error:
        return _stands_page(error=error, url=url, label=label), 400
    remember_stand(audit_store(), url, label[:200], now_utc())
    flash(_("The stand was added. Fill in its checklist on site."))
    return redirect(url_for("audit.stand_checklist", key=stand_key(url)))


def _location_stands(location: str) -> list[str] | None:
    """The stand ids of a location in this server's content (None: no such location)."""
    published = reader(current_app).for_location(location)
    if published is None:
        return None
    return [stand.id for stand in published.content.locations[location].stands]


def _unknown_stand(url: str) -> str:
    """Why ``url`` names no stand, with the stands there are; empty when it names one.

    The content says which stands a location has (or, for another server's stand, the
    latest stand audit of it); anything else would be a phantom stand."""
    base, stand_id = split_stand(url)
    location = base.rstrip("/").rsplit("/", 1)[1]
    known = _location_stands(location)
    if known is None:
        recorded = recorded_stands(audit_store(), base)
        known = list(recorded) if recorded is not None else None
    if known is None:
        return _("There is no location “%(location)s” on this server, and no stand audit "
                 "of %(address)s. Check the location in the address.",
                 location=location, address=base)
    if stand_id in known or (not stand_id and not known):
        return ""
    listed = ", ".join(known) or _("none")
    if not stand_id:
        return _("This location has several stands: add “?stand=” and the stand's id to the "
                 "address. Its stands: %(stands)s.", stands=listed)
    return _("The location has no stand “%(stand)s”. Its stands: %(stands)s.",
             stand=stand_id, stands=listed)


def current_revision(url: str) -> dict[str, Any]:
    """The content the stand at ``url`` shows now, as ``stand_report`` takes it: its
    fingerprint and its publication, if it is one of this server's locations (empty
    otherwise: then staleness cannot be told)."""
    location = split_stand(url)[0].rstrip("/").rsplit("/", 1)[1]
    published = reader(current_app).for_location(location)
    if published is None:
        return {}
    # The published revision, as the manifest gives it (kiosk/public/views/manifest.py).
    return {"current_revision": published.base_version(location),
            "current_publication": Publication(published.number, published.published_at)}


def _stands_page(error: str | None = None, url: str = "", label: str = "") -> str:
    store = audit_store()
    reports = [stand_report(store, found, **current_revision(found))
               for found in known_stands(store)]
    return render_template("audit/stands.html", reports=reports, error=error, url=url,
                           label=label, account=current_account(), **checklist_vocabulary(_lang()))


@bp.get("/stands/<key>")
@auditor_required
def stand(key: str) -> ResponseReturnValue:
    report = _report(key)
    history = checklist_history(audit_store(), report.url)
    return render_template("audit/stand_report.html", report=report, history=history,
                           checklist=checklist(), account=current_account(),
                           **checklist_vocabulary(_lang()))


@bp.get("/stands/photos/<int:photo_id>")
@auditor_required
def stand_photo(photo_id: int) -> ResponseReturnValue:
    found = photo_data(audit_store(), photo_id)
    if found is None:
        abort(404)
    media_type, data = found
    response = Response(data, mimetype=media_type)
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _report(key: str) -> StandReport:
    store = audit_store()
    url = stand_by_key(store, key)
    if url is None:
        abort(404)
    return stand_report(store, url, **current_revision(url))


def _lang() -> str:
    return str(get_locale())
