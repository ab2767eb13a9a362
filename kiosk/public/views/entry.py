"""Ways into the stand: the server root and a location without a language."""

from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from werkzeug.wrappers import Response

from kiosk.public.blueprint import bp
from kiosk.store import reader


def default_location() -> str | None:
    configured: str | None = current_app.config["DEFAULT_LOCATION"]
    if configured:
        return configured
    content = reader(current_app)
    for org_id in content.organisation_ids():
        published = content.current(org_id)
        if published:
            found = published.content
            return found.default_location or next(iter(found.locations))
    return None


@bp.get("/")
def root() -> Response:
    location = default_location()
    if location is None:
        abort(404)
    return redirect(url_for("public.start", location=location))


@bp.get("/stand/<location>/")
def start(location: str) -> Response:
    # ?stand=<id> is handed on, so the page script can learn which stand it runs on.
    return redirect(url_for("public.home", location=location,
                            lang=current_app.config["DEFAULT_LANGUAGE"],
                            stand=request.args.get("stand") or None))
