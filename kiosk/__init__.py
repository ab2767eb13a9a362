"""The information stand: a Flask application, built by :func:`create_app`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

__version__ = "0.1.0"


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the kiosk application; ``test_config`` overrides settings (tests, benchmarks)."""
    from kiosk import admin, audit, config, errors, i18n, public, security, speech, store

    app = Flask(__name__, instance_relative_config=True)
    app.config.update(config.load())
    if test_config:
        app.config.update(test_config)
        config.check(app.config)
    security.init_app(app)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # a stand never receives large requests
    store.init_app(app)
    speech.init_app(app)
    i18n.init_app(app)
    public.init_app(app)
    admin.init_app(app)
    audit.init_app(app)
    errors.init_app(app)
    return app
