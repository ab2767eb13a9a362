"""What went wrong with the database, as one of the few kinds a person can act on.

SQLite and PostgreSQL word their faults differently; the admin area and ``kiosk serve``
say what happened and what to do from the kind alone."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# PostgreSQL's SQLSTATE codes (Appendix A of its manual).
_READ_ONLY_STATES = {"25006", "42501"}  # read-only transaction, insufficient privilege
_FULL_STATES = {"53100", "53200"}  # disk full, out of memory
_NOT_SET_UP_STATES = {"42P01"}  # undefined table
_UNREACHABLE_STATES = {"3D000", "57P01", "57P02", "57P03", "28000", "28P01"}


class Fault(StrEnum):
    READ_ONLY = "read-only"  # it can be read, not written: nothing can be saved
    FULL = "full"  # the disk (or the server's memory) is full
    NOT_SET_UP = "not-set-up"  # the tables are missing: kiosk setup
    UNREACHABLE = "unreachable"  # it cannot be opened or connected to at all
    BUSY = "busy"  # it did not answer in time


def fault(error: BaseException) -> Fault:
    """The kind of ``error``, a SQLAlchemy error (or the driver's own)."""
    original = getattr(error, "orig", None) or error
    name = getattr(original, "sqlite_errorname", None) or ""
    state = getattr(original, "sqlstate", None) or ""
    message = str(original).lower()
    if name.startswith("SQLITE_READONLY") or state in _READ_ONLY_STATES:
        return Fault.READ_ONLY
    if name == "SQLITE_FULL" or state in _FULL_STATES:
        return Fault.FULL
    if "no such table" in message or state in _NOT_SET_UP_STATES:
        return Fault.NOT_SET_UP
    if name.startswith("SQLITE_BUSY") or isinstance(error, PoolTimeout):
        return Fault.BUSY
    if (name.startswith(("SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_IOERR", "SQLITE_CORRUPT"))
            or state.startswith("08") or state in _UNREACHABLE_STATES
            or isinstance(error, DisconnectionError)
            or (isinstance(error, OperationalError) and not state and not name)):
        return Fault.UNREACHABLE
    return Fault.BUSY


def missing_sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL when it does not exist (opening it would create it
    empty), else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    database = parsed.database
    if database == ":memory:" or "mode=memory" in str(parsed):
        return None
    path = Path(database.removeprefix("file:").split("?")[0])
    return None if path.exists() else path
