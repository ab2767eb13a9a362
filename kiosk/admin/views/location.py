"""A location's page in the admin area: its sections with their duties, the editor's
draft, and the way to preview, publish or discard it; discarding the draft and
confirming that a section is still true."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import workspace
from kiosk.admin.field_labels import section_title
from kiosk.admin.location_page import render_location
from kiosk.auth import Role, login_required, required_account
from kiosk.content.sections import SECTIONS
from kiosk.store import drafts, publisher


@bp.get("/locations/<location>/")
@login_required()
def location(location: str) -> ResponseReturnValue:
    return render_location(workspace(location, required_account()))


@bp.post("/locations/<location>/discard")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def discard(location: str) -> ResponseReturnValue:
    space = workspace(location, required_account(), edit=True)
    drafts(current_app).discard(location, space.account.username)
    flash(_("Your draft was discarded. The form shows what the stands show."))
    return redirect(url_for("admin.location", location=location))


@bp.post("/locations/<location>/reviewed/<section>")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def reviewed(location: str, section: str) -> ResponseReturnValue:
    if section not in SECTIONS:
        abort(404)
    space = workspace(location, required_account(), edit=True)
    publisher(current_app).stamps.mark_reviewed(location, section, space.account.display_name)
    flash(_("Recorded: %(section)s checked and still true.", section=section_title(section)))
    return redirect(url_for("admin.location", location=location))
