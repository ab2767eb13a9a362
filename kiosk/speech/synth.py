"""Speech synthesis: a queue of texts and the one thread that hands them to espeak-ng.

espeak-ng runs in a child process (:mod:`kiosk.speech.engine`), one text at a time.
Callers get a :class:`concurrent.futures.Future` of the encoded audio; a fault of the
engine fails the futures it concerns with :class:`SpeechUnavailable` and nothing else.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass

from kiosk.speech.engine import EngineProcess, SpeechUnavailable

__all__ = ["RATES", "VOICES", "SpeechUnavailable", "Synthesizer"]

log = logging.getLogger(__name__)

# espeak-ng voice identifiers (espeak-ng --voices) for each language of the stand.
VOICES = {"kk": "trk/kk", "ru": "zle/ru", "en": "gmw/en"}
# Words per minute: espeak-ng's default is 175; visitors can choose slower or faster.
RATES = {"slower": 120, "normal": 160, "faster": 215}


@dataclass(frozen=True)
class Job:
    lang: str
    text: str
    rate: str
    result: Future[bytes]


class Synthesizer:
    """A queue and the one thread that takes texts from it to the engine."""

    def __init__(self, voices: dict[str, str] | None = None,
                 engine: EngineProcess | None = None) -> None:
        self.voices = voices or VOICES
        self.engine = engine or EngineProcess.shared()
        self._jobs: queue.Queue[Job] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.count = 0  # syntheses performed, for tests and benchmarks

    def submit(self, lang: str, text: str, rate: str) -> Future[bytes]:
        self._ensure_thread()
        job = Job(lang, text, rate, Future())
        self._jobs.put(job)
        return job.result

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="speech-synthesis",
                                                daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job.result.set_running_or_notify_cancel():
                self._synthesise(job)

    def _synthesise(self, job: Job) -> None:
        try:
            audio = self.engine.speak(job.text, self.voices[job.lang], RATES[job.rate])
        except Exception as exc:  # noqa: BLE001 - reported to the waiting caller
            job.result.set_exception(exc if isinstance(exc, SpeechUnavailable)
                                     else SpeechUnavailable(str(exc)))
            return
        self.count += 1
        job.result.set_result(audio)
