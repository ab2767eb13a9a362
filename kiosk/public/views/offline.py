"""A stand that keeps working without the server: its service worker, the manifest the
worker installs from, and the pages it shows instead of a form while offline.

See :mod:`kiosk.public.offline` for what the copy holds and ``static/js/sw.js`` for how
the worker uses it."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from kiosk.public.blueprint import bp
from kiosk.public.offline import enabled, etag, help_phone, manifest, worker_script
from kiosk.public.stand import StandPage, page_data, render_stand, stand_page
from kiosk.store import reader


@bp.get("/stand/<location>/sw.js")
def offline_worker(location: str) -> ResponseReturnValue:
    # A location no longer published, or a server with the copy turned off, gets a
    # worker that removes itself and its copy, so no stand keeps a stale one forever.
    body = worker_script(reader(current_app).for_location(location), location)
    response = Response(body, mimetype="text/javascript")
    response.set_etag(etag(body))
    # Asked again at every page a stand opens: a new revision must reach it at once.
    response.cache_control.no_cache = True
    return response.make_conditional(request)


@bp.get("/stand/<location>/offline.json")
def offline_manifest(location: str) -> ResponseReturnValue:
    published = reader(current_app).for_location(location)
    if published is None or not enabled():
        abort(404)
    response = jsonify(manifest(published, location))
    response.headers["Cache-Control"] = "no-store"
    return response


def _offline_data(page: StandPage, form: str) -> dict[str, Any]:
    return {"form": form, "phone": help_phone(page.location)}


@page_data("offline_assistance", "offline.html")
def offline_assistance_data(page: StandPage) -> dict[str, Any]:
    return _offline_data(page, "assistance")


@page_data("offline_feedback", "offline.html")
def offline_feedback_data(page: StandPage) -> dict[str, Any]:
    return _offline_data(page, "feedback")


@bp.get("/stand/<location>/<lang>/offline/assistance")
def offline_assistance(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "offline_assistance")


@bp.get("/stand/<location>/<lang>/offline/feedback")
def offline_feedback(location: str, lang: str) -> Response:
    return render_stand(stand_page(location, lang), "offline_feedback")
