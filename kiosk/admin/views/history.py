"""A location's history: who published what and when, the difference between any two
revisions, and restoring an earlier one (which is itself a new revision)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import workspace
from kiosk.admin.field_labels import section_title
from kiosk.admin.revision_diff import changed_section_ids, diff_locations
from kiosk.auth import Role, login_required, required_account
from kiosk.formatting import moment_text
from kiosk.store import publisher
from kiosk.store.publishing import PublishConflict


@dataclass(frozen=True)
class HistoryRow:
    number: int
    when: str
    who: str
    sections: list[str]
    previous: int | None


def location_versions(org_id: str, location_id: str
                      ) -> list[tuple[int, dt.datetime, str, dict[str, Any] | None]]:
    """(number, published at, by, the location then) for every revision, oldest first."""
    return [(r.number, r.created_at, r.created_by,
             json.loads(r.content)["locations"].get(location_id))
            for r in reversed(publisher(current_app).revisions(org_id))]


@bp.get("/locations/<location>/history")
@login_required()
def history(location: str) -> ResponseReturnValue:
    space = workspace(location, required_account())
    lang = str(get_locale())
    rows: list[HistoryRow] = []
    previous: tuple[int, dict[str, Any] | None] | None = None
    for number, when, who, document in location_versions(space.org_id, location):
        before = previous[1] if previous else None
        if document is not None and (previous is None or document != before):
            rows.append(HistoryRow(number, moment_text(when, space.content.zone, lang), who,
                                   [section_title(s) for s in changed_section_ids(before,
                                                                                  document)],
                                   previous[0] if previous else None))
        previous = (number, document)
    rows.reverse()
    return render_template("admin/history.html", account=space.account, space=space, rows=rows,
                           may_restore=space.editable)


@bp.get("/locations/<location>/changes")
@login_required()
def changes(location: str) -> ResponseReturnValue:
    space = workspace(location, required_account())
    versions = {number: document
                for number, _when, _who, document in location_versions(space.org_id, location)}
    try:
        old, new = int(request.args.get("from", "")), int(request.args.get("to", ""))
    except ValueError:
        abort(400)
    if old not in versions or new not in versions:
        abort(404)
    return render_template("admin/changes.html", account=space.account, space=space,
                           old=old, new=new, numbers=sorted(versions, reverse=True),
                           changes=diff_locations(versions[old], versions[new]))


@bp.post("/locations/<location>/restore/<int:number>")
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def restore(location: str, number: int) -> ResponseReturnValue:
    space = workspace(location, required_account(), edit=True)
    old = publisher(current_app).revision(space.org_id, number)
    if old is None or location not in old.content.locations:
        abort(404)
    document = old.content.locations[location].model_dump(mode="json")
    latest = space.published.number
    try:
        revision, new = publisher(current_app).publish_location(
            space.org_id, location, document, latest, space.account.display_name,
            kind="restore")
    except PublishConflict:
        flash(_("Someone published a newer revision a moment ago. Check the history, then "
                "restore again if you still want to."))
        return redirect(url_for("admin.history", location=location))
    if new:
        flash(_("Revision %(old)d restored as the new revision %(number)d. The stands show it "
                "within a minute.", old=number, number=revision.number))
    else:
        flash(_("The stands already show this version."))
    return redirect(url_for("admin.history", location=location))
