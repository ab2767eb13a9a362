"""Stand credentials: the secret each registered stand proves itself with.

A stand's id is in its address for anyone to read, so an id alone proves nothing: anyone
could make a stand that never ran look alive, or have calls appear to come from it. A
stand registered in the admin area gets a random secret, shown once; the server keeps
its SHA-256 only. Registering again replaces the secret; revoking ends it at once for
this process, and within CACHE_SECONDS for the others (each stand's poll asks for it,
so the answer is kept a little while rather than read from the database every time)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy import Update, select, update

from kiosk.store.database import Database, changed_rows
from kiosk.store.tables import StandCredential

CACHE_SECONDS = 10.0
# 32 random bytes, written in URL-safe base64 (43 characters).
SECRET_BYTES = 32


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Credential:
    location_id: str
    stand_id: str
    issued_at: dt.datetime
    issued_by: str


class StandCredentials:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[tuple[str, str], tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    def register(self, location_id: str, stand_id: str, by: str, now: dt.datetime) -> str:
        """A new secret for the stand (any earlier one is revoked); returned once, never
        kept."""
        secret = secrets.token_urlsafe(SECRET_BYTES)
        with self.db.sessions.begin() as session:
            session.execute(_active(location_id, stand_id)
                            .values(revoked_at=now, revoked_by=by))
            session.add(StandCredential(location_id=location_id, stand_id=stand_id,
                                        secret_hash=secret_hash(secret), issued_at=now,
                                        issued_by=by))
        self._forget(location_id, stand_id)
        return secret

    def revoke(self, location_id: str, stand_id: str, by: str, now: dt.datetime) -> bool:
        """End the stand's credential; False if it had none."""
        with self.db.sessions.begin() as session:
            done = changed_rows(session, _active(location_id, stand_id)
                                .values(revoked_at=now, revoked_by=by))
        self._forget(location_id, stand_id)
        return bool(done)

    def active(self) -> dict[tuple[str, str], Credential]:
        """Every stand's credential in force, by (location, stand)."""
        with self.db.sessions() as session:
            rows = session.scalars(select(StandCredential)
                                   .where(StandCredential.revoked_at.is_(None)))
            return {(row.location_id, row.stand_id): Credential(
                row.location_id, row.stand_id, row.issued_at, row.issued_by) for row in rows}

    def verify(self, location_id: str, stand_id: str, secret: str) -> bool:
        """True if ``secret`` is the stand's credential in force."""
        if not secret or not stand_id:
            return False
        expected = self._hash_in_force(location_id, stand_id)
        return expected is not None and hmac.compare_digest(expected, secret_hash(secret))

    def _hash_in_force(self, location_id: str, stand_id: str) -> str | None:
        key = (location_id, stand_id)
        with self._lock:
            cached = self._cache.get(key)
            if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
                return cached[1]
        with self.db.sessions() as session:
            found = session.scalar(select(StandCredential.secret_hash).where(
                StandCredential.location_id == location_id,
                StandCredential.stand_id == stand_id, StandCredential.revoked_at.is_(None))
                .order_by(StandCredential.id.desc()).limit(1))
        with self._lock:
            self._cache[key] = (time.monotonic(), found)
        return found

    def _forget(self, location_id: str, stand_id: str) -> None:
        with self._lock:
            self._cache.pop((location_id, stand_id), None)


def _active(location_id: str, stand_id: str) -> Update:
    """The stand's credential in force (at most one), to be revoked."""
    return update(StandCredential).where(
        StandCredential.location_id == location_id, StandCredential.stand_id == stand_id,
        StandCredential.revoked_at.is_(None))
