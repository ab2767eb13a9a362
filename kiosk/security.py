"""Response headers that keep the stand closed: nothing loads from outside, nothing frames it."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    # The stand's service worker (kiosk/static/js/sw.js), which keeps it working offline.
    "worker-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _secret_key(app: Flask) -> str:
    configured: str | None = app.config.get("SECRET_KEY")
    if configured:
        return configured
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        _create_once(path, secrets.token_hex(32))
    return path.read_text().strip()


def _create_once(path: Path, text: str) -> None:
    """Write ``path`` unless it exists, atomically. Several server processes may start at
    once: the first key linked into place wins and every process reads that one, so a
    session signed by one process is good in all of them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
    try:
        with os.fdopen(handle, "w") as file:
            file.write(text)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.config["SECRET_KEY"] = _secret_key(app)
    app.after_request(_add_headers)
