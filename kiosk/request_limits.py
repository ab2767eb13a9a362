"""How large a request each area of the server takes, and what a form says when a
request is larger.

Stands send tiny requests, so the whole server refuses bodies over STAND_MAX_BYTES;
the staff areas, whose section forms of a large building and content files are
bigger, raise the limit for their own blueprints only. ``deploy/nginx-kiosk.conf``
mirrors these figures route by route, a little higher, so that the server answers.

Werkzeug refuses a request over its limit (HTTP 413) before the view reads it. A view
module that takes files registers the page that says so beside its file field, with
the limit (:func:`when_too_large`); ``kiosk.errors`` shows it instead of the general
page. The registered page checks who may see it, as its view does: the refusal comes
before the view's own checks."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Flask, request
from flask.typing import ResponseReturnValue

STAND_MAX_BYTES = 64 * 1024
ADMIN_MAX_BYTES = 4 * 1024 * 1024
ADMIN_MAX_FORM_PARTS = 20_000


def init_app(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = STAND_MAX_BYTES


def allow_larger_requests(bp: Blueprint, max_bytes: int, max_form_parts: int) -> None:
    """Let the requests of ``bp`` carry up to ``max_bytes`` in ``max_form_parts`` parts."""

    @bp.before_request
    def _allow() -> None:
        request.max_content_length = max_bytes
        request.max_form_parts = max_form_parts


TooLargePage = Callable[..., ResponseReturnValue]
_TOO_LARGE_PAGES: dict[str, TooLargePage] = {}


def when_too_large(endpoint: str) -> Callable[[TooLargePage], TooLargePage]:
    """Register the page that answers ``endpoint``'s requests over its size limit; it is
    called with the URL's arguments, like the view."""

    def register(page: TooLargePage) -> TooLargePage:
        _TOO_LARGE_PAGES[endpoint] = page
        return page

    return register


def too_large_page() -> ResponseReturnValue | None:
    """The registered page for this request's endpoint, or None."""
    page = _TOO_LARGE_PAGES.get(request.endpoint or "")
    return None if page is None else page(**(request.view_args or {}))
