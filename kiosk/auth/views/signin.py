"""Signing in to the staff areas, and out of them."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.auth.accounts import end_sessions_of, session_version
from kiosk.auth.blueprint import bp, safe_next
from kiosk.auth.credentials import LOCK_MINUTES, MAX_FAILURES, LoginRefused, authenticate
from kiosk.auth.sessions import begin_session, current_account, end_session
from kiosk.clock import now_utc
from kiosk.store import store


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("admin/login.html")
    with store(current_app).sessions.begin() as db:
        try:
            account = authenticate(db, request.form.get("username", ""),
                                   request.form.get("password", ""), now_utc())
        except LoginRefused:
            account = None  # caught inside the transaction: the count of failures is kept
        version = session_version(db, account.id) if account else 0
    if account is None:
        # One answer for every refusal: it names the rule, never the account's state.
        return render_template(
            "admin/login.html", error=_("The user name or the password is wrong."),
            rule=ngettext("After %(num)d wrong password in a row, signing in is blocked "
                          "for %(minutes)d min.",
                          "After %(num)d wrong passwords in a row, signing in is blocked "
                          "for %(minutes)d min.", MAX_FAILURES, minutes=LOCK_MINUTES)), 401
    begin_session(account, version)
    return redirect(safe_next(request.args.get("next")))


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    account = current_account()
    if account is not None:
        # Every session of the account ends, a copied cookie's included.
        with store(current_app).sessions.begin() as db:
            end_sessions_of(db, account.id)
    end_session()
    return redirect(url_for("auth.login"))
