"""Signing in to the staff areas (``/admin``, ``/audit``): accounts, passwords, sessions,
CSRF and roles.

Laid out like every area of the app (see :mod:`kiosk.public`): ``blueprint.py`` and
``views/`` (the sign-in page, signing out, the staff areas' language) beside the
helpers they and the other areas use:

- :mod:`~kiosk.auth.roles` — :class:`Role` and :class:`Account`, the value types;
- :mod:`~kiosk.auth.accounts` — accounts in the database (the ``kiosk user`` commands);
- :mod:`~kiosk.auth.passwords` and :mod:`~kiosk.auth.credentials` — argon2, and checking
  a name and password with the lock-out of guessers;
- :mod:`~kiosk.auth.sessions` — the session cookie, its lifetimes and how it ends;
  :func:`current_account` and :func:`login_required`;
- :mod:`~kiosk.auth.csrf` — the token every staff form carries.

The admin and auditors' areas import what they need from here; this package imports
nothing of theirs.
"""

from __future__ import annotations

from flask import Flask

from kiosk.auth import sessions, views
from kiosk.auth.accounts import (
    AccountError,
    AlertRecipient,
    add_user,
    alert_recipients,
    end_sessions,
    list_users,
    set_alert_contact,
    set_disabled,
    set_password,
    set_sound_alerts,
    sound_alerts_on,
)
from kiosk.auth.blueprint import bp
from kiosk.auth.credentials import MAX_FAILURES
from kiosk.auth.csrf import csrf_token, require_csrf
from kiosk.auth.roles import Account, Role, role_name
from kiosk.auth.sessions import current_account, login_required, required_account

__all__ = ["MAX_FAILURES", "Account", "AccountError", "AlertRecipient", "Role", "add_user",
           "alert_recipients", "csrf_token", "current_account", "end_sessions", "init_app",
           "list_users", "login_required", "require_csrf", "required_account",
           "set_alert_contact", "set_disabled", "set_password", "set_sound_alerts",
           "sound_alerts_on", "views"]


def init_app(app: Flask) -> None:
    sessions.init_app(app)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["role_name"] = role_name
    app.register_blueprint(bp)
