"""Speech for the stand: every text and control spoken by espeak-ng, in its own language.

A service with one view module of its own (``views.py``, the audio endpoint). The
pages whose texts the warm-up speaks ahead of time are handed over by the areas that
own them (:func:`warm_pages`), so nothing here imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

from flask import Flask

from kiosk.speech.service import SpeechService, Utterance
from kiosk.speech.views import bp

__all__ = ["SpeechService", "Utterance", "init_app", "speech_service", "start_warming",
           "warm_pages"]

PageList = Callable[[], Iterable[str]]


def init_app(app: Flask) -> None:
    root = Path(app.config["SPEECH_CACHE_DIR"] or Path(app.instance_path) / "speech")
    max_bytes = app.config["SPEECH_CACHE_MB"] * 1024 * 1024
    app.extensions["kiosk.speech"] = SpeechService(root, max_bytes,
                                                   app.config.get("SPEECH_VOICES"))
    app.extensions["kiosk.speech.pages"] = []
    app.register_blueprint(bp)


def speech_service(app: Flask) -> SpeechService:
    return cast(SpeechService, app.extensions["kiosk.speech"])


def warm_pages(app: Flask, pages: PageList) -> None:
    """Add ``pages`` (a function giving URL paths, asked afresh at every warm-up) to what
    the warm-up renders."""
    app.extensions["kiosk.speech.pages"].append(pages)


def start_warming(app: Flask) -> None:
    from kiosk.speech.warm import start_background_warming

    start_background_warming(app)
