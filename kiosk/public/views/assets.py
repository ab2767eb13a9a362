"""Style that depends on settings: the large-type size computed for the real panel."""

from __future__ import annotations

import hashlib

from flask import Response, current_app, request

from kiosk.config import large_type_px
from kiosk.public.blueprint import bp

STANDARD_PX = 22


def panel_css() -> str:
    # Large type is at least twice the standard size (WCAG 1.4.4) and at least what
    # EN 301 549 5.1.4 needs on this panel at this viewing distance.
    large = max(large_type_px(current_app.config), 2 * STANDARD_PX)
    return (f":root{{--text-standard:{STANDARD_PX}px;--text-large:{large:.1f}px}}\n")


@bp.get("/assets/panel.css")
def panel() -> Response:
    css = panel_css()
    etag = hashlib.sha256(css.encode()).hexdigest()[:16]
    response = Response(css, mimetype="text/css")
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = 300
    response.make_conditional(request)  # changes the response itself (304 when unchanged)
    return response
