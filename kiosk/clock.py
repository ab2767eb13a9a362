"""The one source of "now" for the whole server.

Pages, forms, accounts and the store all ask this clock, never ``datetime.now``: the
``NOW`` setting pins it for tests, demonstrations and screenshots, and everything then
agrees on the same moment. Pure logic (opening hours, duties) takes the moment as a
parameter instead and reads no clock at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, cast

from flask import Flask, current_app

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The real moment, in UTC: for code run without the app's settings."""
    return dt.datetime.now(dt.UTC)


def settings_clock(config: Mapping[str, Any]) -> Clock:
    """A clock that honours ``config["NOW"]``, read at every call: a test that moves
    ``app.config["NOW"]`` moves the pages and the store together."""

    def now() -> dt.datetime:
        fixed = config.get("NOW")
        return fixed if fixed is not None else dt.datetime.now(dt.UTC)

    return now


def init_app(app: Flask) -> None:
    app.extensions["kiosk.clock"] = settings_clock(app.config)


def clock_of(app: Flask) -> Clock:
    return cast(Clock, app.extensions["kiosk.clock"])


def now_utc() -> dt.datetime:
    """The moment the current request describes (aware, UTC unless pinned otherwise)."""
    return clock_of(current_app)()
