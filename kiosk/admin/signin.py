"""Signing in and out of the admin area."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.admin.accounts import LoginRefused, authenticate
from kiosk.admin.blueprint import bp, current_account
from kiosk.admin.csrf import csrf_token
from kiosk.i18n import CODES
from kiosk.public.stand import now_utc
from kiosk.store import store


def _safe_next(target: str | None) -> str:
    # Only a path of this site: never an address an attacker put in the link.
    if target and target.startswith(("/admin", "/audit")) and not target.startswith("//"):
        return target
    return url_for("admin.dashboard")


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
            lang = session.get("admin_lang")
            session.clear()  # a new session on sign-in: nothing carried over from before
            session.permanent = True
            session.update(user_id=account.id, admin_lang=lang)
            csrf_token()
            return redirect(_safe_next(request.args.get("next")))
    status = 401 if error else 200
    return render_template("admin/login.html", error=error), status


def _refusal(refused: LoginRefused) -> str:
    if refused.locked_until is not None:
        minutes = max(1, round((refused.locked_until - now_utc()).total_seconds() / 60))
        return _("Too many wrong passwords. Try again in %(minutes)d min.", minutes=minutes)
    return _("The user name or the password is wrong.")


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    lang = session.get("admin_lang")
    session.clear()
    session["admin_lang"] = lang
    return redirect(url_for("admin.login"))


@bp.get("/language/<lang>")
def language(lang: str) -> ResponseReturnValue:
    if lang in CODES:
        session["admin_lang"] = lang
    target = request.args.get("next")
    if current_account() is None:
        return redirect(url_for("admin.login"))
    return redirect(_safe_next(target))
