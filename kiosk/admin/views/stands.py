"""Stand registration: each stand of the content gets a credential to prove it is that
stand (shown once, for the stand's configuration) and may have it revoked. Until it has
one, the stand's check-ins are not recorded as its own, and calls and feedback from it
count for its location only.

Administrators manage every stand, editors those of their locations; auditors and
other editors are refused (403): a credential is the key to a stand's name."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import may_edit
from kiosk.admin.stand_registration import ContentStand, content_stands, stand_start_url
from kiosk.auth import Role, login_required, required_account
from kiosk.clock import now_utc
from kiosk.formatting import moment_text
from kiosk.store import stand_credentials


@dataclass(frozen=True)
class StandRow:
    stand: ContentStand
    name: str
    location: str
    registered: str  # when and by whom, or "" for a stand without a credential


def _rows(lang: str) -> list[StandRow]:
    account = required_account()
    active = stand_credentials(current_app).active()
    rows = []
    for found in content_stands(current_app):
        if not may_edit(account, found.location_id):
            continue
        credential = active.get((found.location_id, found.stand_id))
        registered = _("Registered %(when)s by %(who)s",
                       when=moment_text(credential.issued_at, found.zone, lang),
                       who=credential.issued_by) if credential else ""
        rows.append(StandRow(found, found.stand.name.get(lang)[0],
                             found.location.name.get(lang)[0], registered))
    return rows


@bp.get("/stands")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def stands() -> ResponseReturnValue:
    return render_template("admin/stands.html", account=required_account(),
                           rows=_rows(str(get_locale())))


def _stand_or_404(location: str, stand: str) -> ContentStand:
    found = next((s for s in content_stands(current_app)
                  if (s.location_id, s.stand_id) == (location, stand)), None)
    if found is None:
        abort(404)
    if not may_edit(required_account(), location):
        abort(403)
    return found


@bp.post("/stands/<location>/<stand>/register")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def register_stand(location: str, stand: str) -> ResponseReturnValue:
    found = _stand_or_404(location, stand)
    account = required_account()
    secret = stand_credentials(current_app).register(
        location, stand, account.username, now_utc())
    lang = str(get_locale())
    # Shown here once, never again: the page is not kept by the browser or a proxy.
    html = render_template(
        "admin/stand_registered.html", account=account,
        name=found.stand.name.get(lang)[0], stand=found,
        start_url=stand_start_url(request.host_url, location, stand, secret))
    return html, 200, {"Cache-Control": "no-store"}


@bp.post("/stands/<location>/<stand>/revoke")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def revoke_stand(location: str, stand: str) -> ResponseReturnValue:
    _stand_or_404(location, stand)
    if stand_credentials(current_app).revoke(location, stand, required_account().username,
                                             now_utc()):
        flash(_("The credential of stand %(stand)s is revoked: its check-ins are no longer "
                "recorded until it is registered again.", stand=stand))
    else:
        flash(_("Stand %(stand)s had no credential to revoke.", stand=stand))
    return redirect(url_for("admin.stands"), 303)
