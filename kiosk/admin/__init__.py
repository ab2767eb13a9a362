"""The facility managers' area: sign-in, accounts and the overview of every location."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from kiosk.admin import assistance, dashboard, signin  # noqa: F401 - importing a view module registers it
from kiosk.admin.accounts import Role
from kiosk.admin.blueprint import bp
from kiosk.admin.csrf import csrf_token


def stand_state_text(state: str) -> str:
    from flask_babel import gettext as _

    return {"ok": _("Shows the current information"),
            "outdated": _("Shows older information: it has not picked up the last publication"),
            "silent": _("Out of contact for more than 5 minutes: check the stand"),
            "never": _("Has never made contact")}[state]


def role_name(role: Role) -> str:
    from flask_babel import gettext as _

    return {Role.ADMINISTRATOR: _("administrator"), Role.EDITOR: _("editor"),
            Role.AUDITOR: _("auditor")}[role]


def init_app(app: Flask) -> None:
    # The session cookie travels only with this site's own requests, never to scripts.
    app.config["SESSION_COOKIE_SAMESITE"] = "Strict"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(
        minutes=app.config["ADMIN_SESSION_MINUTES"])
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["role_name"] = role_name
    app.jinja_env.globals["stand_state_text"] = stand_state_text
    app.register_blueprint(bp)
