"""How large a request each area of the server takes.

Stands send tiny requests, so the whole server refuses bodies over STAND_MAX_BYTES;
the staff areas, whose section forms of a large building and content files are
bigger, raise the limit for their own blueprints only. ``deploy/nginx-kiosk.conf``
mirrors these figures route by route."""

from __future__ import annotations

from flask import Blueprint, Flask, request

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
