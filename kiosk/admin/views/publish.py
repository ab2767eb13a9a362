"""Publishing a draft: a new immutable revision, or, when someone else published this
location in the meantime, both versions side by side and nothing overwritten.

The editor says when the information changed or reached them, so that the Standard's
three business days can be counted; without that date nothing is published."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import workspace
from kiosk.admin.field_errors import location_errors
from kiosk.admin.information_date import FIELD, FIELD_ID, read_information_date
from kiosk.admin.location_page import render_location
from kiosk.admin.revision_diff import diff_locations
from kiosk.auth import Role, login_required, required_account
from kiosk.content import ContentError
from kiosk.store import drafts, publisher
from kiosk.store.publishing import PublishConflict


@bp.post("/locations/<location>/publish")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def publish(location: str) -> ResponseReturnValue:
    space = workspace(location, required_account(), edit=True)
    back = redirect(url_for("admin.location", location=location))
    if not space.has_changes:
        flash(_("There is nothing to publish: your draft is the same as what the stands show."))
        return back
    errors = location_errors(space.document)
    if errors:
        flash(ngettext("Not published: %(num)d field must be corrected first.",
                       "Not published: %(num)d fields must be corrected first.", len(errors)))
        return back
    typed = request.form.get(FIELD, "")
    information_on, problem = read_information_date(typed, space.today)
    if problem is not None:
        return render_location(space, publish_errors={FIELD_ID: problem},
                               information_on=typed), 400
    base = space.base_number
    confirmed = request.form.get("over", "")
    if confirmed.isdigit():
        # The editor has seen the other version and chose to publish theirs over it.
        base = int(confirmed)
    try:
        revision, _new = publisher(current_app).publish_location(
            space.org_id, location, space.document, base, space.account.display_name,
            information_on=information_on)
    except PublishConflict as conflict:
        return render_template(
            "admin/conflict.html", account=space.account, space=space, conflict=conflict,
            theirs=diff_locations(conflict.base, conflict.theirs),
            mine=diff_locations(conflict.base, space.document),
            information_on=typed,
            latest=publisher(current_app).revision(space.org_id, conflict.latest_number)), 409
    except ContentError as error:
        return render_template("admin/publish_refused.html", account=space.account,
                               space=space, problems=error.problems), 422
    drafts(current_app).discard(location, space.account.username)
    flash(_("Published as revision %(number)d. The stands show it within a minute.",
            number=revision.number))
    return back
