"""The stand checks' page scripts, each with the shared selector helpers in front."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def script(name: str) -> str:
    folder = files("accessibility_audit.stand")
    return folder.joinpath("selector.js").read_text() + folder.joinpath(f"{name}.js").read_text()
