"""Cross-site request forgery protection: every form of the admin area carries a token
that only this browser's session knows, and every POST without it is refused."""

from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    token: str = session["csrf"]
    return token


def require_csrf() -> None:
    if request.method != "POST":
        return
    expected = session.get("csrf")
    given = request.form.get("csrf_token", "")
    if not expected or not hmac.compare_digest(expected, given):
        abort(400, description="csrf")
