"""Accounts: creating them, checking passwords with argon2, and slowing down guessers.

After MAX_FAILURES wrong passwords in a row an account is locked for LOCK_MINUTES;
the answer to a wrong name and a wrong password is the same, so nobody learns which
accounts exist."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from kiosk.store.tables import User

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 12
# The length of users.display_name: SQLite would keep a longer name, PostgreSQL refuses it.
MAX_NAME = 120
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$")
_hasher = PasswordHasher()
# Verifying against this when the name is unknown takes as long as a real check.
_DUMMY_HASH = _hasher.hash("not a password of anybody")


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    EDITOR = "editor"
    AUDITOR = "auditor"


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


class LoginRefused(Exception):
    def __init__(self, locked_until: dt.datetime | None = None) -> None:
        super().__init__("login refused")
        self.locked_until = locked_until


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role
    locations: tuple[str, ...]


def _account(user: User) -> Account:
    return Account(user.id, user.username, user.display_name, Role(user.role),
                   tuple(filter(None, user.locations.split(","))))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def _find(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def add_user(session: Session, username: str, password: str, role: Role,
             display_name: str = "", locations: tuple[str, ...] = ()) -> Account:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AccountError(f'"{username}" is not a valid user name (3-40 lower-case latin '
                           "letters, digits, dots, hyphens or underscores)")
    if _find(session, username) is not None:
        raise AccountError(f'a user "{username}" already exists')
    if role is Role.EDITOR and not locations:
        raise AccountError("an editor needs at least one location (--location)")
    if len(display_name) > MAX_NAME:
        raise AccountError(f"the name must have at most {MAX_NAME} characters")
    check_password_strength(password)
    user = User(username=username, display_name=display_name or username,
                password_hash=_hasher.hash(password), role=role.value,
                locations=",".join(locations), disabled=False, failed_logins=0)
    session.add(user)
    session.flush()
    return _account(user)


def list_users(session: Session) -> list[tuple[Account, bool]]:
    users = session.scalars(select(User).order_by(User.username))
    return [(_account(user), user.disabled) for user in users]


def _existing(session: Session, username: str) -> User:
    user = _find(session, username)
    if user is None:
        raise AccountError(f'there is no user "{username}"')
    return user


def set_disabled(session: Session, username: str, disabled: bool = True) -> None:
    _existing(session, username).disabled = disabled


def set_password(session: Session, username: str, password: str) -> None:
    check_password_strength(password)
    user = _existing(session, username)
    user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None


def authenticate(session: Session, username: str, password: str,
                 now: dt.datetime) -> Account:
    """The account for a correct name and password, or :class:`LoginRefused`."""
    user = _find(session, username)
    if user is None or user.disabled:
        _check(_DUMMY_HASH, password)  # as slow as a real check: no name is revealed
        raise LoginRefused()
    attempt = _count_attempt(session, user.id, now)
    if not _check(user.password_hash, password):
        if attempt >= MAX_FAILURES:
            raise LoginRefused(_lock(session, user.id, now))
        raise LoginRefused()
    _write(session, user.id, failed_logins=0, locked_until=None, last_login_at=now)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return _account(user)


def _count_attempt(session: Session, user_id: int, now: dt.datetime) -> int:
    """Count this attempt as wrong until the password proves right; how many in a row.

    One UPDATE checks the lock and counts, and holds the user's row (PostgreSQL) or the
    database (SQLite) until the sign-in ends: guesses sent at once, to one server process
    or to several, take turns, each sees those before it, and none is checked once the
    account is locked. Reading and then writing the count would lose some of them."""
    attempt = session.scalar(
        update(User)
        .where(User.id == user_id, or_(User.locked_until.is_(None), User.locked_until <= now))
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins),
        execution_options={"synchronize_session": False})
    if attempt is None:
        raise LoginRefused(session.scalar(select(User.locked_until).where(User.id == user_id)))
    return attempt


def _lock(session: Session, user_id: int, now: dt.datetime) -> dt.datetime:
    locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
    _write(session, user_id, failed_logins=0, locked_until=locked_until)
    return locked_until


def _write(session: Session, user_id: int, **values: object) -> None:
    session.execute(update(User).where(User.id == user_id).values(**values),
                    execution_options={"synchronize_session": False})


def _check(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def account_by_id(session: Session, user_id: int) -> Account | None:
    user = session.get(User, user_id)
    return None if user is None or user.disabled else _account(user)
