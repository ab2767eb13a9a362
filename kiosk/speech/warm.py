"""Warm-up: speak every text of every stand page ahead of time.

Rendering a page registers its utterances, so warming renders every page handed over
with :func:`kiosk.speech.warm_pages` (the stand hands over every page of every location
in every language), then synthesises whatever is not cached yet."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

from flask import Flask

from kiosk.speech.service import SpeechService
from kiosk.speech.synth import SpeechUnavailable
from kiosk.store import reader

log = logging.getLogger(__name__)


def page_paths(app: Flask) -> Iterator[str]:
    for pages in app.extensions["kiosk.speech.pages"]:
        yield from pages()


def revisions(app: Flask) -> tuple[int, ...]:
    content = reader(app)
    current = (content.current(org) for org in content.organisation_ids())
    return tuple(p.revision_id for p in current if p is not None)


def register_all(app: Flask) -> None:
    client = app.test_client()
    for path in page_paths(app):
        client.get(path).close()


def warm(app: Flask, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Synthesise every known utterance at normal rate; returns (utterances, newly made)."""
    speech: SpeechService = app.extensions["kiosk.speech"]
    register_all(app)
    utterances = speech.known()
    made = 0
    for done, utterance in enumerate(utterances, start=1):
        name = f"{utterance.key}.normal.ogg"
        if speech.audio.get(name) is None:
            try:
                speech.audio_path(utterance.key, "normal")
                made += 1
            except SpeechUnavailable:
                pass  # logged once by the service; the next round retries
        if progress:
            progress(done, len(utterances))
    return len(utterances), made


def start_background_warming(app: Flask, interval: float = 15.0) -> threading.Thread:
    """Warm at start, then again whenever a new revision is published."""

    def run() -> None:
        seen: tuple[int, ...] | None = None
        while True:
            try:
                current = revisions(app)
                if current != seen:
                    total, made = warm(app)
                    log.info("speech warm: %d utterances, %d synthesised", total, made)
                    seen = current
            except Exception:  # warming must never stop the stand
                log.exception("speech warm-up failed; retrying")
            time.sleep(interval)

    thread = threading.Thread(target=run, name="speech-warm", daemon=True)
    thread.start()
    return thread
