"""The facility managers' area: sign-in, accounts and the overview of every location."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from kiosk.admin import (  # noqa: F401 - importing a view module registers it
    assistance,
    dashboard,
    edit_section,
    engagement,
    engagement_export,
    history,
    location_page,
    preview,
    publish,
    signin,
    transfer,
    visitor_feedback,
)
from kiosk.admin.accounts import Role
from kiosk.admin.blueprint import bp
from kiosk.admin.csrf import csrf_token
from kiosk.admin.field_labels import language_label, path_label
from kiosk.content.sections import section_for_path


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
    app.jinja_env.globals["field_path_label"] = path_label
    app.jinja_env.globals["language_label"] = language_label
    app.jinja_env.globals["section_for_path"] = section_for_path
    app.register_blueprint(bp)
