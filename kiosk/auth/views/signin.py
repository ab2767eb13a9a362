"""Signing in to the staff areas, and out of them."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.auth.blueprint import bp, safe_next
from kiosk.auth.credentials import LoginRefused, authenticate
from kiosk.auth.sessions import begin_session, end_session
from kiosk.clock import now_utc
from kiosk.store import store


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    error = None
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        with store(current_app).sessions.begin() as db:
            try:
                account = authenticate(db, username, password, now_utc())
            except LoginRefused as refused:
                error = _refusal(refused)
                account = None
        if account is not None:
            begin_session(account)
            return redirect(safe_next(request.args.get("next")))
    status = 401 if error else 200
    return render_template("admin/login.html", error=error), status


def _refusal(refused: LoginRefused) -> str:
    if refused.locked_until is not None:
        minutes = max(1, round((refused.locked_until - now_utc()).total_seconds() / 60))
        return _("Too many wrong passwords. Try again in %(minutes)d min.", minutes=minutes)
    return _("The user name or the password is wrong.")


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    end_session()
    return redirect(url_for("auth.login"))
