"""The visitors' blueprint: every page of the stand lives under /stand/<location>/<lang>/."""

from flask import Blueprint

bp = Blueprint("public", __name__)

