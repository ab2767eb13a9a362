"""Accounts, for administrators: who may sign in, with which role, whether they are
locked out or disabled, and "Sign out everywhere", which ends every session of an
account at once (a lost laptop, a copied cookie, someone leaving).

Accounts are created and changed on the server with ``kiosk user``; the same
``kiosk user sign-out NAME`` signs an account out everywhere from there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.auth import Role, current_account, login_required, required_account
from kiosk.auth.accounts import AccountError, AccountState, account_states, end_sessions
from kiosk.auth.roles import role_name
from kiosk.auth.sessions import end_session
from kiosk.clock import now_utc
from kiosk.formatting import moment_text
from kiosk.store import store


@dataclass(frozen=True)
class AccountRow:
    username: str
    name: str
    role: str
    locations: str
    state: str
    last_signed_in: str


def _state(item: AccountState, now: dt.datetime, zone: dt.tzinfo, lang: str) -> str:
    if item.disabled:
        return _("Disabled")
    if item.locked_until is not None and item.locked_until > now:
        return _("Locked after wrong passwords until %(time)s",
                 time=moment_text(item.locked_until, zone, lang))
    return _("Active")


def account_row(item: AccountState, now: dt.datetime, zone: dt.tzinfo, lang: str
                ) -> AccountRow:
    account = item.account
    return AccountRow(
        account.username, account.display_name, role_name(account.role),
        ", ".join(account.locations) if account.role is Role.EDITOR else _("all"),
        _state(item, now, zone, lang),
        moment_text(item.last_login_at, zone, lang) if item.last_login_at else _("never"))


@bp.get("/accounts")
@login_required(Role.ADMINISTRATOR)
def accounts() -> ResponseReturnValue:
    # Accounts belong to no location: their moments are told in Kazakhstan's time.
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    lang, now = str(get_locale()), now_utc()
    with store(current_app).sessions() as db:
        rows = [account_row(item, now, zone, lang) for item in account_states(db)]
    return render_template("admin/accounts.html", account=current_account(), rows=rows)


@bp.post("/accounts/<username>/sign-out")
@login_required(Role.ADMINISTRATOR)
def sign_out_everywhere(username: str) -> ResponseReturnValue:
    try:
        with store(current_app).sessions.begin() as db:
            end_sessions(db, username)
    except AccountError:
        abort(404)
    if username == required_account().username:
        end_session()  # this browser too: the administrator signed themselves out
        return redirect(url_for("auth.login"), 303)
    flash(_("%(name)s is signed out everywhere: every browser must sign in again.",
            name=username))
    return redirect(url_for("admin.accounts"), 303)
