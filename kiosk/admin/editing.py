"""Who may edit which location, and the state of an editor's work on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import abort, current_app

from kiosk.auth import Account, Role
from kiosk.clock import now_utc
from kiosk.content.model import Content, Location
from kiosk.content.scheduled import effective_document
from kiosk.store import drafts, reader
from kiosk.store.drafts import DraftRecord
from kiosk.store.reading import Published


def may_see(account: Account, location_id: str) -> bool:
    return account.role is not Role.EDITOR or location_id in account.locations


def may_edit(account: Account, location_id: str) -> bool:
    if account.role is Role.ADMINISTRATOR:
        return True
    return account.role is Role.EDITOR and location_id in account.locations


@dataclass(frozen=True)
class Workspace:
    """One location as one editor sees it: what is published and what they have drafted,
    both as they stand at ``now``: a scheduled change that has taken effect is part of
    the current version, not a change still to come."""

    location_id: str
    account: Account
    published: Published
    draft: DraftRecord | None
    now: dt.datetime  # local time of the organisation

    @property
    def content(self) -> Content:
        return self.published.content

    @property
    def org_id(self) -> str:
        return self.published.organisation_id

    @property
    def published_location(self) -> Location:
        return self.published.location_at(self.location_id, self.now)

    @property
    def published_document(self) -> dict[str, Any]:
        return self.published_location.model_dump(mode="json")

    @property
    def document(self) -> dict[str, Any]:
        """The location as this editor is shaping it: the draft, else what is published."""
        if self.draft is None:
            return self.published_document
        return effective_document(self.draft.document, self.now.replace(tzinfo=None))

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def base_number(self) -> int:
        return self.draft.base_number if self.draft else self.published.number

    @property
    def editable(self) -> bool:
        return may_edit(self.account, self.location_id)

    @property
    def has_changes(self) -> bool:
        return self.draft is not None and self.document != self.published_document

    def save(self, document: dict[str, Any]) -> None:
        drafts(current_app).save(self.org_id, self.location_id, self.account.username,
                                 self.base_number, document)


def workspace(location_id: str, account: Account, *, edit: bool = False) -> Workspace:
    """The location ``location_id`` for ``account``; 404 when it does not exist, 403 when
    the account may not see it (or, with ``edit``, may not change it)."""
    content = reader(current_app)
    org_id = content.organisation_of(location_id)
    published = content.current(org_id) if org_id else None
    if published is None or location_id not in published.content.locations:
        abort(404)
    if not may_see(account, location_id) or (edit and not may_edit(account, location_id)):
        abort(403)
    draft = drafts(current_app).get(location_id, account.username)
    return Workspace(location_id, account, published, draft,
                     now_utc().astimezone(published.content.zone))
