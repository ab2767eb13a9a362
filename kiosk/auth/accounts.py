"""Accounts in the database: creating them, listing them, disabling them, changing
their passwords and ending their sessions (the ``kiosk user`` commands and the admin
area's accounts page).

A new password and disabling an account end its sessions too: whoever had it open, or
a copy of its cookie, must sign in again."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.auth.passwords import hash_password
from kiosk.auth.roles import Account, Role
from kiosk.store.database import session_now
from kiosk.store.tables import User

MIN_PASSWORD = 12
# The length of users.display_name: SQLite would keep a longer name, PostgreSQL refuses it.
MAX_NAME = 120
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$")


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


def to_account(user: User) -> Account:
    return Account(user.id, user.username, user.display_name, Role(user.role),
                   tuple(filter(None, user.locations.split(","))))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def add_user(session: Session, username: str, password: str, role: Role,
             display_name: str = "", locations: tuple[str, ...] = ()) -> Account:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AccountError(f'"{username}" is not a valid user name (3-40 lower-case latin '
                           "letters, digits, dots, hyphens or underscores)")
    if find_user(session, username) is not None:
        raise AccountError(f'a user "{username}" already exists')
    if role is Role.EDITOR and not locations:
        raise AccountError("an editor needs at least one location (--location)")
    if len(display_name) > MAX_NAME:
        raise AccountError(f"the name must have at most {MAX_NAME} characters")
    check_password_strength(password)
    user = User(username=username, display_name=display_name or username,
                password_hash=hash_password(password), role=role.value,
                locations=",".join(locations), disabled=False, failed_logins=0,
                created_at=session_now(session))
    session.add(user)
    session.flush()
    return to_account(user)


def list_users(session: Session) -> list[tuple[Account, bool]]:
    users = session.scalars(select(User).order_by(User.username))
    return [(to_account(user), user.disabled) for user in users]


def _existing(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise AccountError(f'there is no user "{username}"')
    return user


def set_disabled(session: Session, username: str, disabled: bool = True) -> None:
    user = _existing(session, username)
    user.disabled = disabled
    if disabled:
        _advance_version(user)  # enabled again later, the old sessions stay ended


def set_password(session: Session, username: str, password: str) -> None:
    check_password_strength(password)
    user = _existing(session, username)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    _advance_version(user)


def end_sessions(session: Session, username: str) -> None:
    """End every session of the account at once, in every browser and server process:
    the sessions carry the account's old version (see :mod:`kiosk.auth.sessions`)."""
    _advance_version(_existing(session, username))


def end_sessions_of(session: Session, user_id: int) -> None:
    user = session.get(User, user_id)
    if user is not None:
        _advance_version(user)


def _advance_version(user: User) -> None:
    # Computed by the database, so two changes at once both count.
    user.session_version = User.session_version + 1


def session_version(session: Session, user_id: int) -> int:
    """The version a session started now carries."""
    return session.scalar(select(User.session_version).where(User.id == user_id)) or 0


def signed_in_account(session: Session, user_id: object, version: object) -> Account | None:
    """The account a session of version ``version`` belongs to, while that session holds:
    the account exists, is enabled, and none of its sessions has been ended since."""
    if not isinstance(user_id, int) or not isinstance(version, int):
        return None
    user = session.get(User, user_id)
    if user is None or user.disabled or user.session_version != version:
        return None
    return to_account(user)


@dataclass(frozen=True)
class AccountState:
    """An account as the administrators' accounts page lists it."""

    account: Account
    disabled: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None


def account_states(session: Session) -> list[AccountState]:
    return [AccountState(to_account(user), user.disabled, user.locked_until,
                         user.last_login_at)
            for user in session.scalars(select(User).order_by(User.username))]


# Enough to catch a typo (no @, a space, two addresses in one); the SMTP server is the
# judge of the rest, and a refusal is recorded with the call.
_EMAIL = re.compile(r"^[^@\s<>,;\"]{1,64}@[^@\s<>,;\"]+\.[^@\s<>,;\".]{2,}$")
MAX_EMAIL = 254
ALERT_LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class AlertRecipient:
    """An administrator to whom escalated calls for assistance are mailed."""

    username: str
    display_name: str
    email: str
    language: str  # kk, ru or en: the language the e-mail is written in


def set_alert_contact(session: Session, username: str, email: str,
                      language: str | None = None) -> None:
    """Give an account the address escalations are mailed to (empty: none), and the
    language they are written in (None: leave it as it is)."""
    user = _existing(session, username)
    email = email.strip()
    if email and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        raise AccountError(f'"{email}" is not an e-mail address (name@example.kz)')
    if language is not None and language not in ALERT_LANGUAGES:
        raise AccountError(f'"{language}" is not a language of the stands '
                           f"({', '.join(ALERT_LANGUAGES)})")
    user.email = email or None
    if language is not None:
        user.language = language


def remember_language(session: Session, user_id: int, language: str) -> None:
    """The account's language is the one its holder last chose in the staff areas."""
    user = session.get(User, user_id)
    if user is not None and language in ALERT_LANGUAGES and user.language != language:
        user.language = language


def alert_recipients(session: Session, default_language: str) -> list[AlertRecipient]:
    """Enabled administrators with an e-mail address, each with their language."""
    users = session.scalars(select(User).where(
        User.role == Role.ADMINISTRATOR.value, User.disabled.is_(False),
        User.email.is_not(None)).order_by(User.username))
    return [AlertRecipient(user.username, user.display_name, user.email or "",
                           user.language or default_language) for user in users]


def sound_alerts_on(session: Session, user_id: int) -> bool:
    return bool(session.scalar(select(User.sound_alerts).where(User.id == user_id)))


def set_sound_alerts(session: Session, user_id: int, on: bool) -> None:
    user = session.get(User, user_id)
    if user is not None:
        user.sound_alerts = on
