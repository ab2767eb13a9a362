"""Storage: everything the server keeps, in SQL (SQLite, or PostgreSQL for a central server).

- :mod:`~kiosk.store.database` — engines, sessions, schema and the store's clock;
- :mod:`~kiosk.store.reading` — published content as stands and readers see it;
- :mod:`~kiosk.store.publishing` — publications and their history, with the editors'
  :mod:`~kiosk.store.drafts` before them and the duty :mod:`~kiosk.store.stamps` after;
- :mod:`~kiosk.store.assistance`, :mod:`~kiosk.store.engagement`,
  :mod:`~kiosk.store.stands`, :mod:`~kiosk.store.credentials` — calls for assistance,
  the engagement register with visitors' feedback, stand heartbeats and the credentials
  stands prove themselves with;
- :mod:`~kiosk.store.tables` and ``kiosk/migrations/`` — the schema.

Nothing here knows about requests or templates; views reach the store through the
accessors below (``reader(current_app)``), never through ``app.extensions`` directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kiosk.clock import Clock, clock_of, system_clock
from kiosk.store.assistance import AssistanceDesk
from kiosk.store.credentials import StandCredentials
from kiosk.store.database import Database, default_url
from kiosk.store.drafts import DraftStore
from kiosk.store.engagement import EngagementRegister
from kiosk.store.publishing import ContentPublisher
from kiosk.store.reading import ContentReader
from kiosk.store.stands import StandRegister
from kiosk.store.tables import Base

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["Base", "ContentStore", "init_app", "publisher", "reader", "store"]


class ContentStore(Database):
    """The database with the two sides of its content: ``reader`` for what is published,
    ``publisher`` for publishing it (with drafts, history and duty stamps)."""

    def __init__(self, url: str, clock: Clock = system_clock) -> None:
        super().__init__(url, clock)
        self.reader = ContentReader(self)
        self.publisher = ContentPublisher(self, self.reader)


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"] or default_url(app.instance_path)
    content_store = ContentStore(url, clock_of(app))
    app.extensions["kiosk.store"] = content_store
    app.extensions["kiosk.assistance"] = AssistanceDesk(content_store)
    app.extensions["kiosk.engagement"] = EngagementRegister(content_store)
    app.extensions["kiosk.stands"] = StandRegister(content_store)
    app.extensions["kiosk.stand_credentials"] = StandCredentials(content_store)


def store(app: Flask) -> ContentStore:
    return cast(ContentStore, app.extensions["kiosk.store"])


def reader(app: Flask) -> ContentReader:
    return store(app).reader


def publisher(app: Flask) -> ContentPublisher:
    return store(app).publisher


def drafts(app: Flask) -> DraftStore:
    return store(app).publisher.drafts


def assistance_desk(app: Flask) -> AssistanceDesk:
    return cast(AssistanceDesk, app.extensions["kiosk.assistance"])


def engagement_register(app: Flask) -> EngagementRegister:
    return cast(EngagementRegister, app.extensions["kiosk.engagement"])


def stand_register(app: Flask) -> StandRegister:
    return cast(StandRegister, app.extensions["kiosk.stands"])


def stand_credentials(app: Flask) -> StandCredentials:
    return cast(StandCredentials, app.extensions["kiosk.stand_credentials"])
