"""Preview: a draft rendered by the stand's own templates, in any language and mode,
before any visitor can see it; with ``at``, as the stands will show it at a later
moment (a scheduled change in effect)."""

from __future__ import annotations

import datetime as dt

from flask import abort, make_response, render_template, request
from flask.typing import ResponseReturnValue
from pydantic import ValidationError

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import workspace
from kiosk.admin.field_errors import location_errors
from kiosk.auth import login_required, required_account
from kiosk.clock import now_utc
from kiosk.content.model import Content
from kiosk.i18n import CODES
from kiosk.public.modes import Mode
from kiosk.public.stand import PAGE_VIEWS, StandPage, render_page
from kiosk.store.reading import Published


@bp.get("/locations/<location>/preview/<lang>/<page>")
@login_required()
def preview(location: str, lang: str, page: str) -> ResponseReturnValue:
    if lang not in CODES or page not in PAGE_VIEWS:
        abort(404)
    space = workspace(location, required_account())
    document = space.document
    merged = space.content.model_dump(mode="json")
    merged["locations"][location] = document
    try:
        content = Content.model_validate(merged)
    except ValidationError:
        errors = location_errors(document)
        return render_template("admin/preview_errors.html", account=space.account, space=space,
                               errors=errors), 409
    now = now_utc()
    moment = now.astimezone(content.zone)
    at = request.args.get("at", "")
    if at:
        try:
            moment = dt.datetime.fromisoformat(at).replace(tzinfo=content.zone)
        except ValueError:
            abort(400)
    published = Published(content, revision_id=0, number=space.published.number,
                          organisation_id=space.org_id, published_at=now,
                          published_by=space.account.display_name)
    stand = StandPage(location, lang, Mode.parse(request.args.get("mode")), published,
                      moment, preview=True, preview_at=at)
    response = make_response(render_page(stand, page))
    response.headers["Cache-Control"] = "no-store"
    return response
