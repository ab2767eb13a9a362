"""Editing one section of a location: the form, its "Add" and "Remove" buttons, and
saving into the editor's draft.

Every submission is saved, errors or not, so nothing typed is lost; the editor leaves
the form only when the section is valid."""

from __future__ import annotations

import typing
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.copy_hours import choice_name, copy_hours
from kiosk.admin.editing import workspace
from kiosk.admin.field_errors import section_errors
from kiosk.admin.field_labels import field_label, item_label, section_title
from kiosk.admin.form_data import FormShapeError, section_values
from kiosk.admin.form_tree import annotation_at, blank_value, error_target, section_nodes
from kiosk.admin.notices import draft_notices
from kiosk.auth import Role, current_account, login_required
from kiosk.content.sections import SECTIONS, section_keys, with_section
from kiosk.hours import holiday_calendar


def _container(values: dict[str, Any], path: str) -> tuple[Any, str]:
    """The list or dict holding the last part of ``path``, and that part."""
    parts = path.split(".")
    node: Any = values
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, parts[-1]


def apply_operation(operation: str, values: dict[str, Any], keys: tuple[str, ...]
                    ) -> tuple[str | None, str | None]:
    """Carry out an "add:<list path>" or "remove:<item path>" button in ``values``.

    Returns the id of the field to focus next and a message saying what happened."""
    action, _sep, path = operation.partition(":")
    if action not in {"add", "remove"} or path.split(".", 1)[0] not in keys:
        abort(400)
    try:
        if action == "add":
            annotation = annotation_at(path)
            if typing.get_origin(annotation) is not list:
                abort(400)
            holder, last = _container(values, path)
            items = holder[int(last)] if isinstance(holder, list) else holder.get(last)
            if items is None:
                items = holder[last] = []
            items.append(blank_value(typing.get_args(annotation)[0]))
            name = [p for p in path.split(".") if not p.isdigit()][-1]
            label = item_label(name)
            new_path = f"{path}.{len(items) - 1}"
            return (f"f-{new_path.replace('.', '-')}",
                    _("Added %(item)s %(n)d.", item=label, n=len(items)))
        holder, last = _container(values, path)
        if not isinstance(holder, list) or not last.isdigit() or int(last) >= len(holder):
            abort(400)
        del holder[int(last)]
        list_path = path.rsplit(".", 1)[0]
        name = [p for p in list_path.split(".") if not p.isdigit()][-1]
        return (f"f-{list_path.replace('.', '-')}-add",
                _("Removed %(item)s %(n)d.", item=item_label(name), n=int(last) + 1))
    except (KeyError, IndexError, TypeError, ValueError):
        abort(400)


@bp.route("/locations/<location>/edit/<section>", methods=["GET", "POST"])
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def edit_section(location: str, section: str) -> ResponseReturnValue:
    if section not in SECTIONS:
        abort(404)
    space = workspace(location, current_account(), edit=True)
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
        document = with_section(document, section, values)
        space.save(document)
        errors = section_errors(document, keys)
        if operation == "save" and not errors:
            flash(_("Saved to your draft: %(section)s. Visitors see it after you publish.",
                    section=section_title(section)))
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
