"""The information stand: a Flask application, built by :func:`create_app`.

The code is layered; each layer imports only from the layers above it in this list
(``tests/test_layout.py`` checks it):

1. foundations — ``config``, ``clock``, ``i18n``, ``security``, ``request_limits``,
   ``formatting``, ``qr``, ``content/`` (the model), ``hours/`` (pure logic);
2. storage — ``store/`` (and ``migrations/``);
3. services — ``auth/`` (accounts, sessions, CSRF), ``speech/`` and
   ``database_errors`` (the staff areas' page for a database that cannot be written);
4. areas, one blueprint per audience — ``public/`` (the stand), ``admin/`` (managers),
   ``audit/`` (auditors); each is ``blueprint.py`` + ``views/`` + helpers;
5. the application — this factory, ``errors``, ``cli``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

__version__ = "0.1.0"


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the kiosk application; ``test_config`` overrides settings (tests, benchmarks)."""
    from kiosk import (
        admin,
        audit,
        auth,
        clock,
        config,
        errors,
        hours,
        i18n,
        public,
        request_limits,
        security,
        speech,
        store,
    )

    app = Flask(__name__, instance_relative_config=True)
    app.config.update(config.load())
    if test_config:
        app.config.update(test_config)
        config.check(app.config)
    clock.init_app(app)
    security.init_app(app)
    request_limits.init_app(app)
    hours.init_app(app)
    store.init_app(app)
    speech.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    public.init_app(app)
    admin.init_app(app)
    audit.init_app(app)
    errors.init_app(app)
    return app
