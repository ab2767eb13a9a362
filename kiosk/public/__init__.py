"""The stand: the pages visitors use, under ``/stand/<location>/<lang>/``.

How this package (and every area of the app: ``admin``, ``auth``) is laid out:

- ``blueprint.py`` — the blueprint, and the list of its pages;
- ``views/`` — one module per page or user task: its routes and what only it uses.
  Only modules in a ``views`` package define routes, and nothing imports them but the
  package that registers them;
- every other module beside ``views/`` is a helper the views share: ``stand.py`` (what
  every stand page needs, :class:`~kiosk.public.stand.StandPage`), ``labels.py`` and
  ``status_text.py`` (sentences built from data), ``speech_markup.py`` and
  ``speech_words.py`` (what the stand says), ``form_tokens.py``, ``stand_forms.py`` and
  ``rate_limit.py`` (the stand's own forms), ``keyboard.py``, ``modes.py``,
  ``response_cache.py``, ``static_assets.py`` and ``template_helpers.py``.

Helpers use the services and storage below them (``kiosk.store``, ``kiosk.speech``,
``kiosk.hours``, ``kiosk.clock``), never a view, and nothing below imports this package.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask

from kiosk import speech
from kiosk.i18n import CODES
from kiosk.public import stand_forms, static_assets, views
from kiosk.public.blueprint import STAND_PAGES, bp
from kiosk.public.offline import OFFLINE_PAGES
from kiosk.public.response_cache import ResponseCache
from kiosk.public.template_helpers import register_helpers
from kiosk.store import reader

__all__ = ["init_app", "stand_paths", "views"]


def stand_paths(app: Flask) -> Iterator[str]:
    """The path of every page of every published location in every language, and of the
    pages stands show offline when they keep a copy (their speech goes with the copy)."""
    pages = STAND_PAGES + (OFFLINE_PAGES if app.config["OFFLINE"] != "off" else ())
    content = reader(app)
    for org_id in content.organisation_ids():
        published = content.current(org_id)
        if published is None:
            continue
        for location in published.content.locations:
            for lang in CODES:
                for page in pages:
                    yield f"/stand/{location}/{lang}/{page}"


def init_app(app: Flask) -> None:
    stand_forms.init_app(app)
    register_helpers(app)
    static_assets.init_app(app)
    app.register_blueprint(bp)
    # The stand hands the speech warm-up its pages, so speech needs to know nothing of it.
    speech.warm_pages(app, lambda: stand_paths(app))
    cache = ResponseCache(app.wsgi_app, reader(app), app.config["RENDER_CACHE_SIZE"])
    app.extensions["kiosk.response_cache"] = cache
    # Flask's documented way to put WSGI middleware around the app; mypy sees it as
    # replacing a method.
    app.wsgi_app = cache  # type: ignore[method-assign]
