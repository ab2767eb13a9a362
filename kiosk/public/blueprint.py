"""The visitors' blueprint: every page of the stand lives under /stand/<location>/<lang>/."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("public", __name__)

# The path of every stand page after /stand/<location>/<lang>/, home first.
STAND_PAGES: tuple[str, ...] = ("", "hours", "appeals", "contacts", "accessibility",
                                "announcements", "assistance", "feedback")
