"""The database the whole server shares: its engines, its sessions, its schema and its
clock.

Every write in this code base is a ``with db.sessions.begin()`` block and every read a
``with db.sessions()`` block, so the two kinds go to engines tuned for each. Every
session carries the store's clock (:func:`session_now`), so code handed a session
stamps rows with the same "now" as the pages, the ``NOW`` setting included.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Connection,
    CursorResult,
    Engine,
    Update,
    create_engine,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from kiosk.clock import Clock, system_clock
from kiosk.store import migrate
from kiosk.store.tables import Revision


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # WAL lets stands read while a manager publishes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
    else:
        # A server database is shared by several processes of 16 waitress threads each,
        # plus the speech warm-up: up to 20 connections per process, 5 kept open between
        # requests, and a connection the server dropped (a restart, an idle timeout) is
        # noticed and replaced before use rather than failing a visitor's request.
        engine = create_engine(url, pool_size=5, max_overflow=15, pool_timeout=10,
                               pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_writer(engine: Engine) -> Engine:
    """A second engine on the same SQLite file whose transactions take the write lock
    when they begin.

    A deferred transaction that reads and then writes fails at once with "database is
    locked" when another writer committed in between; one that begins IMMEDIATE waits
    its turn instead (up to the busy timeout), so concurrent editors queue, not fail."""
    writer = create_engine(engine.url, future=True, connect_args={"timeout": 30})
    event.listen(writer, "connect", _sqlite_pragmas)

    @event.listens_for(writer, "connect")
    def _manual_transactions(dbapi_connection: sqlite3.Connection,
                             _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # pysqlite must not BEGIN on its own

    @event.listens_for(writer, "begin")
    def _begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return writer


class Sessions(sessionmaker[Session]):
    """Sessions for reading; ``begin()`` opens a writing transaction."""

    def __init__(self, engine: Engine, writer: Engine, clock: Clock) -> None:
        super().__init__(engine, expire_on_commit=False, info={"clock": clock})
        self._writes = sessionmaker(writer, expire_on_commit=False, info={"clock": clock})

    def begin(self) -> AbstractContextManager[Session]:
        return self._writes.begin()


def session_now(session: Session) -> dt.datetime:
    """Now, by the clock of the store that opened ``session``."""
    clock: Clock = session.info.get("clock", system_clock)
    return clock()


def changed_rows(session: Session, statement: Update) -> int:
    """How many rows an UPDATE changed. Its result is a CursorResult, which counts them;
    ``Session.execute`` is typed for every kind of statement, so it says only Result."""
    return int(cast(CursorResult[Any], session.execute(statement)).rowcount)


class Database:
    def __init__(self, url: str, clock: Clock = system_clock) -> None:
        self.clock = clock
        self.engine = make_engine(url)
        self.writer = _sqlite_writer(self.engine) if self.engine.dialect.name == "sqlite" \
            else self.engine
        self.sessions = Sessions(self.engine, self.writer, clock)

    def dispose(self) -> None:
        """Close every pooled connection (both engines on SQLite)."""
        self.engine.dispose()
        if self.writer is not self.engine:
            self.writer.dispose()

    def upgrade(self) -> None:
        migrate.upgrade(self.engine)

    def is_ready(self) -> bool:
        return inspect(self.engine).has_table("revisions")

    def is_empty(self) -> bool:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(Revision)) == 0


def default_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'kiosk.sqlite3'}"
