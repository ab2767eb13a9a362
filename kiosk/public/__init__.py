"""Pages for visitors at the stand."""

from __future__ import annotations

from flask import Flask

from kiosk.hours import HolidayCalendar
from kiosk.public import (  # noqa: F401 - importing a view module registers its routes
    accessibility,
    announcements,
    appeals,
    assets,
    contacts,
    entry,
    home,
    hours,
    live,
)
from kiosk.public.blueprint import bp
from kiosk.public.render_cache import RenderCache
from kiosk.public.template_helpers import register_helpers


def init_app(app: Flask) -> None:
    app.extensions["kiosk.render_cache"] = RenderCache(app.config["RENDER_CACHE_SIZE"])
    app.extensions["kiosk.calendar"] = HolidayCalendar()
    register_helpers(app)
    app.register_blueprint(bp)
