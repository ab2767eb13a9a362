"""Static files with their content hash in the URL, so stands may keep them for a year
and still get a changed file at once after an upgrade."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, url_for

ONE_YEAR = 365 * 24 * 3600


@lru_cache(maxsize=64)
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    from flask import current_app

    static_folder = Path(current_app.static_folder or "")
    return url_for("static", filename=filename, v=_digest(static_folder / filename))


def init_app(app: Flask) -> None:
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = ONE_YEAR
    app.jinja_env.globals["asset_url"] = asset_url
