"""Designed, translated error pages that render even when the content store is broken.

They need no content: the stand shows them in its own words and offers the way back."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request, session
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from kiosk.database_errors import database_page
from kiosk.formatting import file_size
from kiosk.i18n import CODES
from kiosk.public.modes import Mode
from kiosk.request_limits import too_large_page

log = logging.getLogger(__name__)


def _page_lang() -> str:
    lang = (request.view_args or {}).get("lang")
    if lang in CODES:
        return str(lang)
    if request.path.startswith(("/admin", "/audit")):
        staff_lang = session.get("admin_lang")
        return str(staff_lang) if staff_lang in CODES else "kk"
    # The language segment of an unknown URL still tells us what the visitor reads.
    parts = request.path.strip("/").split("/")
    return parts[2] if len(parts) > 2 and parts[0] == "stand" and parts[2] in CODES else "kk"


def _home_url(lang: str, mode: Mode) -> str:
    """The start page of the stand the visitor was on, in their language and mode."""
    parts = request.path.strip("/").split("/")
    if parts[0] in ("admin", "audit"):
        return f"/{parts[0]}/"
    if len(parts) > 1 and parts[0] == "stand":
        return f"/stand/{parts[1]}/{lang}/" + (f"?mode={mode.param}" if mode.param else "")
    return "/"


def _render(code: int, reason: str | None = None, limit: int | None = None
            ) -> tuple[str, int]:
    lang = _page_lang()
    mode = Mode.parse(request.args.get("mode"))
    with force_locale(lang):
        text = _("More was sent than this page accepts (at most %(size)s), so nothing was "
                 "saved. Go back and send less, or smaller files.",
                 size=file_size(limit, lang)) if limit else None
        return render_template("error.html", code=code, reason=reason, lang=lang, mode=mode,
                               home_url=_home_url(lang, mode), text=text), code


# Views that need their own words for an error say so in the error's description.
REASONS = ("assistance", "feedback")


def _http_error(error: HTTPException) -> tuple[str, int]:
    reason = error.description if error.description in REASONS else None
    return _render(error.code or 500, reason)


def _too_large(error: RequestEntityTooLarge) -> ResponseReturnValue:
    """A form that takes files says so beside its field; any other page in general."""
    try:
        page = too_large_page()
    except HTTPException as refused:  # not signed in, not allowed, no such stand
        return _http_error(refused)
    return page if page is not None else _render(413, limit=request.max_content_length)


def _store_error(error: SQLAlchemyError) -> tuple[str, int]:
    log.error("content store unavailable: %s", error)
    if request.path.startswith(("/admin", "/audit")):
        return database_page(error)
    return _render(503)


def _unexpected(error: InternalServerError) -> tuple[str, int]:
    return _render(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(SQLAlchemyError, _store_error)
    app.register_error_handler(InternalServerError, _unexpected)
