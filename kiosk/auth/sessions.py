"""Who is signed in: the session cookie of the admin and auditors' areas, and the guard
every staff view wears.

The session is Flask's signed cookie. Signing in starts a new one (nothing carried over
from before but the chosen language); signing out clears it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import abort, current_app, g, redirect, request, session, url_for

from kiosk.auth.accounts import account_by_id
from kiosk.auth.csrf import csrf_token
from kiosk.auth.roles import Account, Role
from kiosk.store import store

# The language of the staff areas outlives signing in and out.
LANGUAGE_KEY = "admin_lang"


def current_account() -> Account | None:
    if "account" not in g:
        user_id = session.get("user_id")
        account = None
        if user_id is not None:
            with store(current_app).sessions() as db:
                account = account_by_id(db, user_id)
        g.account = account
    return g.account


def begin_session(account: Account) -> None:
    lang = session.get(LANGUAGE_KEY)
    session.clear()  # a new session on sign-in: nothing carried over from before
    session.permanent = True
    session.update(user_id=account.id, **{LANGUAGE_KEY: lang})
    csrf_token()


def end_session() -> None:
    lang = session.get(LANGUAGE_KEY)
    session.clear()
    session[LANGUAGE_KEY] = lang


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
