"""Who is signed in: the session cookie of the admin and auditors' areas, and the guard
every staff view wears.

The session is Flask's signed cookie, holding the account's id, its session version and
the moment of signing in. It is good only while all three hold:

- the version is the account's current one: signing out, a new password, disabling the
  account and an administrator's "sign out everywhere" advance it (in the database), so
  every cookie issued before, copies included, stops working at once;
- it has been used within ``ADMIN_SESSION_MINUTES`` (idle lifetime): each request renews
  the cookie's signed timestamp, so a manager at work stays signed in;
- it was signed in at most ``ADMIN_SESSION_MAX_HOURS`` ago (absolute lifetime): renewing
  never takes it past that, so a cookie kept busy cannot live for ever.

The cookie is ``Secure`` whenever the request came over https, directly or through the
trusted proxy (``TRUSTED_PROXY``), and never leaves this site (``SameSite=Strict``,
``HttpOnly``)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface

from kiosk.auth.accounts import signed_in_account
from kiosk.auth.csrf import csrf_token
from kiosk.auth.roles import Account, Role
from kiosk.clock import now_utc
from kiosk.store import store

# The language of the staff areas outlives signing in and out.
LANGUAGE_KEY = "admin_lang"
_USER = "user_id"
_VERSION = "session_version"
_SINCE = "signed_in_at"  # seconds since the epoch, by the server's clock


class StaffSessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, marked ``Secure`` when the request came over https.

    Behind nginx the scheme is what the proxy's ``X-Forwarded-Proto`` says, and waitress
    believes that header only from ``TRUSTED_PROXY`` (see ``kiosk serve``)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def init_app(app: Flask) -> None:
    app.session_interface = StaffSessionInterface()
    # The session cookie travels only with this site's own requests, never to scripts.
    app.config["SESSION_COOKIE_SAMESITE"] = "Strict"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_REFRESH_EACH_REQUEST"] = True  # the idle lifetime restarts
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(
        minutes=app.config["ADMIN_SESSION_MINUTES"])


def current_account() -> Account | None:
    if "account" not in g:
        g.account = _account_of_session()
    found: Account | None = g.account
    return found


def required_account() -> Account:
    """The account of a view behind :func:`login_required`, which has made sure there is
    one before the view runs."""
    account = current_account()
    if account is None:
        raise RuntimeError("required_account() is for views behind login_required")
    return account


def _account_of_session() -> Account | None:
    user_id = session.get(_USER)
    if user_id is None:
        return None
    account = None
    if not _outlived(session.get(_SINCE)):
        with store(current_app).sessions() as db:
            account = signed_in_account(db, user_id, session.get(_VERSION))
    if account is None:
        end_session()  # the browser is told to forget the cookie
    return account


def _outlived(since: object) -> bool:
    if not isinstance(since, int):
        return True
    limit = dt.timedelta(hours=current_app.config["ADMIN_SESSION_MAX_HOURS"])
    return now_utc() - dt.datetime.fromtimestamp(since, dt.UTC) > limit


def begin_session(account: Account, version: int) -> None:
    lang = session.get(LANGUAGE_KEY)
    session.clear()  # a new session on sign-in: nothing carried over from before
    session.permanent = True
    session.update({_USER: account.id, _VERSION: version,
                    _SINCE: int(now_utc().timestamp()), LANGUAGE_KEY: lang})
    csrf_token()


def end_session() -> None:
    """Forget the session in this browser (the account's other sessions are ended by
    advancing its version: :func:`kiosk.auth.accounts.end_sessions`)."""
    lang = session.get(LANGUAGE_KEY)
    session.clear()
    session[LANGUAGE_KEY] = lang
    g.pop("account", None)


def login_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Anonymous visitors go to the sign-in page; a signed-in account whose role is not
    among ``roles`` (when given) is refused with 403."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            account = current_account()
            if account is None:
                return redirect(url_for("auth.login", next=request.path))
            if roles and account.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate
