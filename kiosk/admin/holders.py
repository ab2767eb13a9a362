"""Organisations as the engagement register shows them to one account: which it sees,
whether it may record meetings, and when each one's next meeting falls due.

Administrators and the editors of an organisation's locations record meetings;
auditors and everyone else who may see the organisation read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from flask import abort, current_app
from flask_babel import get_locale

from kiosk.admin.duties import EngagementDue, engagement_due
from kiosk.auth import Account, Role, required_account
from kiosk.clock import now_utc
from kiosk.store import engagement_register, reader
from kiosk.store.engagement import EngagementRegister, FollowUp, Meeting
from kiosk.store.reading import Published


def register() -> EngagementRegister:
    return engagement_register(current_app)


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
    content = reader(current_app)
    for org_id in content.organisation_ids():
        published = content.current(org_id)
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
    found = next((h for h in holders(required_account(), str(get_locale())) if h.id == org_id),
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
