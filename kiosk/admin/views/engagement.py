"""The disability-engagement register: meetings of each organisation with
representatives of people with disabilities, their follow-ups, and when the next
meeting falls due (who may record them: :mod:`kiosk.admin.holders`)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.blueprint import bp
from kiosk.admin.duties import engagement_due
from kiosk.admin.holders import Holder, dues, holder_or_404, overdue_follow_ups, register
from kiosk.admin.meeting_form import MeetingForm
from kiosk.admin.response_times import (
    duration_text,
    first_month,
    month_text,
    stand_months,
    stand_name,
    stand_names,
)
from kiosk.auth import Role, login_required, required_account
from kiosk.clock import now_utc
from kiosk.store.engagement import Meeting


@bp.get("/engagement")
@login_required()
def engagement() -> ResponseReturnValue:
    account = required_account()
    found = dues(account, str(get_locale()))
    if len(found) == 1:
        return redirect(url_for("admin.engagement_register", org_id=found[0].holder.id))
    return render_template("admin/engagement_list.html", account=account, dues=found)


@bp.get("/engagement/<org_id>")
@login_required()
def engagement_register(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id)
    meetings = register().meetings(holder.id)
    today = holder.today
    due = engagement_due(meetings[0].held_on if meetings else None, today)
    lang = str(get_locale())
    return render_template(
        "admin/engagement.html", account=required_account(), holder=holder, due=due,
        meetings=meetings, today=today, overdue=overdue_follow_ups(meetings, today),
        response_rows=stand_months(holder), stand_names=stand_names(holder, lang),
        stand_name=stand_name, duration_text=duration_text, month_text=month_text,
        response_since=first_month(today))


def _meeting_form(holder: Holder, form: MeetingForm, meeting: Meeting | None,
                  focus: str | None = None, status: int = 200) -> ResponseReturnValue:
    return render_template("admin/meeting_form.html", account=required_account(),
                           holder=holder, form=form, meeting=meeting, focus=focus,
                           labels=field_labels(form)), status


def field_labels(form: MeetingForm) -> dict[str, str]:
    """The name of every field, for the error summary."""
    labels = {"f-held_on": _("Date of the meeting"),
              "f-organisations": _("Organisations of people with disabilities represented"),
              "f-attendees": _("Number of people who took part"),
              "f-needs": _("Information needs raised"),
              "f-decisions": _("Decisions")}
    for index in range(len(form.follow_ups)):
        number = index + 1
        labels[f"f-follow_ups-{index}-action"] = _("Follow-up %(n)d: what", n=number)
        labels[f"f-follow_ups-{index}-owner"] = _("Follow-up %(n)d: who", n=number)
        labels[f"f-follow_ups-{index}-due_on"] = _("Follow-up %(n)d: due date", n=number)
    return labels


def _submitted(holder: Holder, meeting: Meeting | None) -> ResponseReturnValue:
    form = MeetingForm.read(request.form)
    operation = request.form.get("op", "save")
    if operation == "add":
        return _meeting_form(holder, form, meeting, form.add_follow_up())
    if operation.startswith("remove:"):
        index = operation.partition(":")[2]
        focus = form.remove_follow_up(int(index)) if index.isdigit() else None
        if focus is None:
            abort(400)
        return _meeting_form(holder, form, meeting, focus)
    if operation != "save":
        abort(400)
    record = form.record(holder.today)
    if record is None:
        return _meeting_form(holder, form, meeting, status=400)
    who = required_account().username
    if meeting is None:
        register().add_meeting(holder.id, record, who, now_utc())
        flash(_("The meeting has been recorded."))
    else:
        register().change_meeting(meeting.id, record, who, now_utc())
        flash(_("The changes to the meeting have been saved."))
    return redirect(url_for("admin.engagement_register", org_id=holder.id), 303)


@bp.route("/engagement/<org_id>/meetings/new", methods=["GET", "POST"])
@login_required(Role.ADMINISTRATOR, Role.EDITOR)
def new_meeting(org_id: str) -> ResponseReturnValue:
    holder = holder_or_404(org_id, record=True)
    if request.method == "POST":
        return _submitted(holder, None)
    return _meeting_form(holder, MeetingForm.blank(), None)


@bp.route("/engagement/<org_id>/meetings/<int:meeting_id>", methods=["GET", "POST"])
@login_required()
def meeting(org_id: str, meeting_id: int) -> ResponseReturnValue:
    holder = holder_or_404(org_id, record=request.method == "POST")
    found = register().meeting(meeting_id)
    if found is None or found.organisation_id != holder.id:
        abort(404)
    if request.method == "POST":
        return _submitted(holder, found)
    if not holder.may_record:
        return render_template("admin/meeting.html", account=required_account(),
                               holder=holder, meeting=found, today=holder.today)
    return _meeting_form(holder, MeetingForm.of(found.record), found)
