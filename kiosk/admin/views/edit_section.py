"""Editing one section of a location: the form, its "Add" and "Remove" buttons, and
saving into the editor's draft.

Every submission is saved, errors or not, so nothing typed is lost; the editor leaves
the form only when the section is valid."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.copy_hours import choice_name, copy_hours
from kiosk.admin.editing import workspace
from kiosk.admin.field_errors import section_errors
from kiosk.admin.field_labels import field_label, section_title
from kiosk.admin.form_buttons import apply_operation
from kiosk.admin.form_data import FormShapeError, section_values
from kiosk.admin.form_tree import error_target, section_nodes
from kiosk.admin.notices import draft_notices, flash_outdated
from kiosk.auth import Role, login_required, required_account
from kiosk.content.outdated_english import mark_outdated_english
from kiosk.content.sections import SECTIONS, section_keys, with_section
from kiosk.hours import holiday_calendar


@bp.route("/locations/<location>/edit/<section>", methods=["GET", "POST"])
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def edit_section(location: str, section: str) -> ResponseReturnValue:
    if section not in SECTIONS:
        abort(404)
    space = workspace(location, required_account(), edit=True)
    keys = section_keys(section)
    document = space.document
    focus = message = None
    if request.method == "POST":
        try:
            values = section_values(request.form, keys)
        except FormShapeError:
            abort(400)
        operation = request.form.get("op", "save")
        if operation.startswith("copy:"):
            path = operation.partition(":")[2]
            focus, message = copy_hours(operation, values,
                                        request.form.getlist(choice_name(path)))
        elif operation != "save":
            focus, message = apply_operation(operation, values, keys)
        before = document
        document = mark_outdated_english(before, with_section(before, section, values))
        space.save(document)
        errors = section_errors(document, keys)
        if operation == "save" and not errors:
            flash(_("Saved to your draft: %(section)s. Visitors see it after you publish.",
                    section=section_title(section)))
            flash_outdated(before, document)
            return redirect(url_for("admin.location", location=location))
    else:
        errors = section_errors(document, keys) if space.draft else {}
    calendar = holiday_calendar(current_app)
    notices = draft_notices(space, document, calendar) if section == "announcements" else []
    status = 400 if errors and request.method == "POST" and not focus else 200
    return render_template(
        "admin/edit_section.html", account=space.account, space=space, section=section,
        title=section_title(section), nodes=section_nodes(document, keys, errors),
        errors=errors, focus=focus, message=message, notices=notices,
        field_label=field_label, error_target=error_target), status
