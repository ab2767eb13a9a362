"""Ways into the stand: the server root and a location without a language."""

from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from werkzeug.wrappers import Response

from kiosk.public.blueprint import bp
from kiosk.store import store


def default_location() -> str | None:
    configured = current_app.config["DEFAULT_LOCATION"]
    if configured:
        return configured
    content_store = store(current_app)
    for org_id in content_store.organisation_ids():
        published = content_store.current(org_id)
        if published:
            content = published.content
            return content.default_location or next(iter(content.locations))
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
