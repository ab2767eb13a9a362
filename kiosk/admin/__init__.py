"""The facility managers' area (``/admin/``): the overview of every location, editing
and publishing content, calls for assistance and the engagement register.

Laid out like every area of the app (see :mod:`kiosk.public`): ``blueprint.py``, one
view module per task in ``views/``, and beside them the helpers the views share —
``editing.py`` (a location as one editor sees it), ``form_tree.py``, ``form_data.py``,
``field_labels.py`` and ``field_errors.py`` (the editing forms, drawn from the content
model), ``notices.py`` and ``duties.py`` (the Standard's duties), ``revision_diff.py``,
``calls.py``, ``escalation.py`` and ``call_mail.py`` (calls nobody acknowledged in
time, shown to administrators and mailed to them), ``holders.py``, ``meeting_form.py``
and ``overview.py``.

Signing in, roles and CSRF come from :mod:`kiosk.auth`; the preview renders drafts
with the stand's own :mod:`kiosk.public.stand` and labels. Nothing imports this package
but the application factory.
"""

from __future__ import annotations

from flask import Flask

from kiosk.admin import views
from kiosk.admin.blueprint import bp
from kiosk.admin.escalation import start_watch as start_escalation_watch
from kiosk.admin.field_labels import language_label, path_label
from kiosk.admin.overview import stand_state_text
from kiosk.content.sections import section_for_path

__all__ = ["init_app", "start_escalation_watch", "views"]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["stand_state_text"] = stand_state_text
    app.jinja_env.globals["field_path_label"] = path_label
    app.jinja_env.globals["language_label"] = language_label
    app.jinja_env.globals["section_for_path"] = section_for_path
    app.register_blueprint(bp)
