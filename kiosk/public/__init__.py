"""Pages for visitors at the stand."""

from __future__ import annotations

from flask import Flask

from kiosk.hours import HolidayCalendar
from kiosk.public import (  # noqa: F401 - importing a view module registers its routes
    accessibility,
    announcements,
    appeals,
    assets,
    assistance,
    contacts,
    entry,
    feedback,
    home,
    hours,
    live,
    static_assets,
)
from kiosk.public.blueprint import bp
from kiosk.public.response_cache import ResponseCache
from kiosk.public.template_helpers import register_helpers
from kiosk.store import store
from kiosk.store.stands import StandRegister


def init_app(app: Flask) -> None:
    app.extensions["kiosk.calendar"] = HolidayCalendar()
    app.extensions["kiosk.stands"] = StandRegister(store(app))
    assistance.init_app(app)
    feedback.init_app(app)
    register_helpers(app)
    static_assets.init_app(app)
    app.register_blueprint(bp)
    cache = ResponseCache(app.wsgi_app, store(app), app.config["RENDER_CACHE_SIZE"])
    app.extensions["kiosk.response_cache"] = cache
    app.wsgi_app = cache  # type: ignore[method-assign]
