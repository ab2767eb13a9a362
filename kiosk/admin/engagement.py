"""The disability-engagement register: meetings of each organisation with
representatives of people with disabilities, their follow-ups, and when the next
meeting falls due.

Administrators and the editors of an organisation's locations record meetings;
auditors and everyone else who may see the organisation read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.admin.accounts import Account, Role
from kiosk.admin.blueprint import bp, current_account, login_required
from kiosk.admin.duties import EngagementDue, engagement_due
from kiosk.admin.meeting_form import MeetingForm
from kiosk.public.stand import now_utc
from kiosk.store import store
from kiosk.store.db import Published
from kiosk.store.engagement import EngagementRegister, FollowUp, Meeting


def register() -> EngagementRegister:
    return current_app.extensions["kiosk.engagement"]


@dataclass(frozen=True)
class Holder:
    """An organisation as the register shows it to one account."""

    id: str
    name: str
    locations: dict[str, str]  # id: name, in the admin area's language
    published: Published
    may_record: bool

    @property
    def today(self) -> dt.date:
        return now_utc().astimezone(self.published.content.zone).date()


def holders(account: Account, lang: str) -> Iterator[Holder]:
    """The organisations the account may see: an editor those of their locations."""
    content_store = store(current_app)
    for org_id in content_store.organisation_ids():
        published = content_store.current(org_id)
        if published is None:
            continue
        locations = {location_id: location.name.get(lang)[0]
                     for location_id, location in published.content.locations.items()}
        own = [location_id for location_id in locations if location_id in account.locations]
        if account.role is Role.EDITOR and not own:
            continue
        yield Holder(org_id, published.content.organisation.name.get(lang)[0], locations,
                     published, account.role is Role.ADMINISTRATOR
                     or (account.role is Role.EDITOR and bool(own)))


def holder_or_404(org_id: str, record: bool = False) -> Holder:
    found = next((h for h in holders(current_account(), str(get_locale())) if h.id == org_id),
                 None)
    if found is None:
        abort(404)
    if record and not found.may_record:
        abort(403)
    return found


@dataclass(frozen=True)
class HolderDue:
    holder: Holder
    due: EngagementDue


def dues(account: Account, lang: str) -> list[HolderDue]:
    """Every organisation the account sees, with when its next meeting falls due."""
    return [HolderDue(holder, engagement_due(register().last_meeting_on(holder.id),
                                             holder.today))
            for holder in holders(account, lang)]


def overdue_follow_ups(meetings: list[Meeting], today: dt.date
                       ) -> list[tuple[Meeting, FollowUp]]:
    return [(meeting, item) for meeting in meetings for item in meeting.record.follow_ups
            if item.overdue(today)]


@bp.get("/engagement")
@login_required()
def engagement() -> ResponseReturnValue:
    account = current_account()
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
    return render_template(
        "admin/engagement.html", account=current_account(), holder=holder, due=due,
        meetings=meetings, today=today, overdue=overdue_follow_ups(meetings, today))


def _meeting_form(holder: Holder, form: MeetingForm, meeting: Meeting | None,
                  focus: str | None = None, status: int = 200) -> ResponseReturnValue:
    return render_template("admin/meeting_form.html", account=current_account(),
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
    who = current_account().username
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
        return render_template("admin/meeting.html", account=current_account(),
                               holder=holder, meeting=found, today=holder.today)
    return _meeting_form(holder, MeetingForm.of(found.record), found)
