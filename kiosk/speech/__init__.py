"""Speech for the stand: every text and control spoken by espeak-ng, in its own language."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from kiosk.speech.service import SpeechService, Utterance
from kiosk.speech.views import bp

__all__ = ["SpeechService", "Utterance", "init_app"]


def init_app(app: Flask) -> None:
    root = Path(app.config["SPEECH_CACHE_DIR"] or Path(app.instance_path) / "speech")
    max_bytes = app.config["SPEECH_CACHE_MB"] * 1024 * 1024
    app.extensions["kiosk.speech"] = SpeechService(root, max_bytes,
                                                   app.config.get("SPEECH_VOICES"))
    app.register_blueprint(bp)


def start_warming(app: Flask) -> None:
    from kiosk.speech.warm import start_background_warming

    start_background_warming(app)
