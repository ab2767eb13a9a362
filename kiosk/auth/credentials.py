"""Checking a name and a password, and slowing down guessers.

After MAX_FAILURES wrong passwords in a row an account is locked for LOCK_MINUTES. A
refusal never says why: an unknown name, a wrong password, a disabled account and a
locked one get the same answer, and each costs one argon2 check, so neither the words
nor the time of the answer tell which accounts exist (``make bench-signin`` prints the
times)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from kiosk.auth.accounts import find_user, to_account
from kiosk.auth.passwords import DUMMY_HASH, hash_password, needs_rehash, password_matches
from kiosk.auth.roles import Account
from kiosk.store.tables import User

MAX_FAILURES = 5
LOCK_MINUTES = 15


class LoginRefused(Exception):
    """The name and password open no account; deliberately without a reason."""


def authenticate(session: Session, username: str, password: str,
                 now: dt.datetime) -> Account:
    """The account for a correct name and password, or :class:`LoginRefused`."""
    user = find_user(session, username)
    attempt = None if user is None or user.disabled else _count_attempt(session, user.id, now)
    if user is None or attempt is None:
        # Unknown, disabled or locked: as slow as a real check, and the same answer.
        password_matches(DUMMY_HASH, password)
        raise LoginRefused
    if not password_matches(user.password_hash, password):
        if attempt >= MAX_FAILURES:
            _write(session, user.id, failed_logins=0,
                   locked_until=now + dt.timedelta(minutes=LOCK_MINUTES))
        raise LoginRefused
    _write(session, user.id, failed_logins=0, locked_until=None, last_login_at=now)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return to_account(user)


def _count_attempt(session: Session, user_id: int, now: dt.datetime) -> int | None:
    """Count this attempt as wrong until the password proves right; how many in a row,
    or None while the account is locked.

    One UPDATE checks the lock and counts, and holds the user's row (PostgreSQL) or the
    database (SQLite) until the sign-in ends: guesses sent at once, to one server process
    or to several, take turns, each sees those before it, and none is checked once the
    account is locked. Reading and then writing the count would lose some of them."""
    return session.scalar(
        update(User)
        .where(User.id == user_id, or_(User.locked_until.is_(None), User.locked_until <= now))
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins),
        execution_options={"synchronize_session": False})


def _write(session: Session, user_id: int, **values: object) -> None:
    session.execute(update(User).where(User.id == user_id).values(**values),
                    execution_options={"synchronize_session": False})
