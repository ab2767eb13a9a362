"""The visitors' blueprint: every page of the stand lives under /stand/<location>/<lang>/."""

from flask import Blueprint

bp = Blueprint("public", __name__)

# (endpoint, path segment) of each section, in the order of the home tiles.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("hours", "hours"),
    ("appeals", "appeals"),
    ("contacts", "contacts"),
    ("accessibility", "accessibility"),
    ("announcements", "announcements"),
)
