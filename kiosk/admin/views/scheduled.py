"""Scheduling changes: starting one (what changes, from when) and editing it in the
editor's draft. Once published, the stands switch on the date by themselves."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.editing import Workspace, workspace
from kiosk.admin.field_errors import location_errors
from kiosk.admin.field_labels import field_label, section_title
from kiosk.admin.form_buttons import apply_operation
from kiosk.admin.form_data import FormShapeError, scheduled_values
from kiosk.admin.form_tree import model_nodes
from kiosk.admin.location_page import entry_marker, moment_words
from kiosk.admin.notices import flash_outdated
from kiosk.admin.schedule_form import NewChangeForm, add_change, entry_sections, find_change
from kiosk.auth import Role, login_required, required_account
from kiosk.content.model import SCHEDULABLE, ScheduledChange
from kiosk.content.outdated_english import mark_outdated_english
from kiosk.content.scheduled import entry_start
from kiosk.content.sections import SCHEDULABLE_SECTIONS, SCHEDULE, scheduled_keys

HEADER = ("effective_from", "effective_time", "note")


@bp.route("/locations/<location>/scheduled/new", methods=["GET", "POST"])
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def new_scheduled(location: str) -> ResponseReturnValue:
    space = workspace(location, required_account(), edit=True)
    form = NewChangeForm(section=request.args.get("section", ""))
    if request.method == "POST":
        form = NewChangeForm.read(request.form)
        moment = form.moment(space.now)
        if moment is not None:
            document, index = add_change(space.document, form.section, moment)
            space.save(document)
            return redirect(url_for("admin.edit_scheduled", location=location, index=index))
    return render_template("admin/scheduled_new.html", account=space.account, space=space,
                           form=form, sections=[(s, section_title(s))
                                                for s in SCHEDULABLE_SECTIONS]), \
        400 if form.errors else 200


def _entry_errors(document: dict[str, Any], index: int) -> dict[str, list[str]]:
    """The errors of scheduled change ``index``; that two changes share a moment is said
    beside its date."""
    prefix = f"{SCHEDULE}.{index}"
    found: dict[str, list[str]] = {}
    for path, messages in location_errors(document).items():
        if path == SCHEDULE:
            found.setdefault(f"{prefix}.effective_from", []).extend(messages)
        elif path == prefix or path.startswith(prefix + "."):
            found.setdefault(path, []).extend(messages)
    return found


def _render(space: Workspace, document: dict[str, Any], index: int, errors: dict[str, list[str]],
            focus: str | None = None, message: str | None = None, status: int = 200
            ) -> ResponseReturnValue:
    entry = document[SCHEDULE][index]
    prefix = f"{SCHEDULE}.{index}"
    lang = str(get_locale())
    sections = [(section, section_title(section),
                 model_nodes(ScheduledChange, entry, prefix, errors,
                             only=scheduled_keys(section)))
                for section in entry_sections(entry)]
    starts = entry_start(entry)
    return render_template(
        "admin/scheduled_edit.html", account=space.account, space=space, index=index,
        marker=entry_marker(entry), when=moment_words(starts, lang) if starts else "",
        header=model_nodes(ScheduledChange, entry, prefix, errors, only=HEADER),
        sections=sections, keys=[key for key in SCHEDULABLE if entry.get(key) is not None],
        errors=errors, entry_errors=errors.get(prefix, []), focus=focus, message=message,
        field_label=field_label), status


@bp.route("/locations/<location>/scheduled/<int:index>", methods=["GET", "POST"])
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def edit_scheduled(location: str, index: int) -> ResponseReturnValue:
    space = workspace(location, required_account(), edit=True)
    document = space.document
    entries = document.get(SCHEDULE) or []
    if request.method == "GET":
        if not 0 <= index < len(entries) or not isinstance(entries[index], dict):
            abort(404)
        return _render(space, document, index,
                       _entry_errors(document, index) if space.draft else {})
    keys = tuple(key for key in request.form.getlist("keys") if key in SCHEDULABLE)
    try:
        values = scheduled_values(request.form, index, HEADER + keys)
    except FormShapeError:
        abort(400)
    entry = {key: value for key, value in values.items() if value is not None or key in keys}
    entries = list(entries)
    found = find_change(document, index, request.form.get("was", ""))
    if found is None:
        # It took effect while the form was open: what was typed is now the current
        # version of those sections, and is kept as such.
        entries.append(entry)
        found = len(entries) - 1
    operation = request.form.get("op", "save")
    focus = message = None
    if operation in ("delete", *(f"drop:{s}" for s in SCHEDULABLE_SECTIONS)):
        if operation.startswith("drop:"):
            entry = {key: value for key, value in entry.items()
                     if key not in scheduled_keys(operation[5:])}
        if operation == "delete" or not any(entry.get(key) is not None for key in SCHEDULABLE):
            del entries[found]
            space.save(_with_entries(document, entries))
            flash(_("The scheduled change was removed from your draft."))
            return redirect(url_for("admin.location", location=location))
        entries[found] = entry
    else:
        entries[found] = entry
        if operation != "save" and found == index:
            values = {SCHEDULE: entries}
            focus, message = apply_operation(operation, values, (SCHEDULE,))
    after = mark_outdated_english(document, _with_entries(document, entries))
    space.save(after)
    errors = _entry_errors(after, found)
    if operation == "save" and not errors:
        starts = entry_start(after[SCHEDULE][found])
        flash(_("Saved to your draft: the change of %(when)s. Once you publish it, the "
                "stands switch by themselves.",
                when=moment_words(starts, str(get_locale())) if starts else ""))
        flash_outdated(document, after)
        return redirect(url_for("admin.location", location=location))
    if found != index:
        return redirect(url_for("admin.edit_scheduled", location=location, index=found))
    return _render(space, after, found, errors, focus, message,
                   400 if errors and operation == "save" else 200)


def _with_entries(document: dict[str, Any], entries: list[Any]) -> dict[str, Any]:
    if entries:
        return {**document, SCHEDULE: entries}
    return {key: value for key, value in document.items() if key != SCHEDULE}
