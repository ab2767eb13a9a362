"""Requests larger than their form accepts (HTTP 413), answered in the form's own words.

Werkzeug refuses a request over ``request.max_content_length`` before the view reads
it. A view module that takes files registers here the page that says so beside its
file field (with the limit); :mod:`kiosk.errors` shows it instead of the general page.
The registered page checks who may see it, as its view does: the refusal comes before
the view's own checks."""

from __future__ import annotations

from collections.abc import Callable

from flask import request
from flask.typing import ResponseReturnValue

TooLargePage = Callable[..., ResponseReturnValue]
_PAGES: dict[str, TooLargePage] = {}


def when_too_large(endpoint: str) -> Callable[[TooLargePage], TooLargePage]:
    """Register the page that answers ``endpoint``'s requests over its size limit; it is
    called with the URL's arguments, like the view."""

    def register(page: TooLargePage) -> TooLargePage:
        _PAGES[endpoint] = page
        return page

    return register


def page_for_request() -> ResponseReturnValue | None:
    """The registered page for this request's endpoint, or None."""
    page = _PAGES.get(request.endpoint or "")
    return None if page is None else page(**(request.view_args or {}))
