"""Who a signed-in person is and what their role lets them do: value types any layer
above the store may import."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from flask_babel import gettext as _


class Role(StrEnum):
    ADMINISTRATOR = "administrator"  # everything, accounts included
    EDITOR = "editor"  # the content of the locations given
    AUDITOR = "auditor"  # reads everything, changes nothing


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role
    locations: tuple[str, ...]


def role_name(role: Role) -> str:
    """The role as the admin area names it, in its language."""
    return {Role.ADMINISTRATOR: _("administrator"), Role.EDITOR: _("editor"),
            Role.AUDITOR: _("auditor")}[role]
