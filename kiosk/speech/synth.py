"""Speech synthesis with pyttsx3 over espeak-ng, owned by one worker thread.

pyttsx3 engines are not thread-safe and espeak-ng initialises once per process, so a
single thread creates the engine and performs every synthesis, taking jobs from a
queue. Callers get a :class:`concurrent.futures.Future` of the encoded audio.
"""

from __future__ import annotations

import contextlib
import io
import logging
import queue
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

log = logging.getLogger(__name__)

# espeak-ng voice identifiers (espeak-ng --voices) for each language of the stand.
VOICES = {"kk": "trk/kk", "ru": "zle/ru", "en": "gmw/en"}
# Words per minute: espeak-ng's default is 175; visitors can choose slower or faster.
RATES = {"slower": 120, "normal": 160, "faster": 215}
ESPEAK_SAMPLE_RATE = 22050
# Ogg Vorbis at its smallest setting: about 32 kbit/s, clear for speech, and ten times
# faster to encode than Opus through libsndfile (15 ms against 150 ms for 6 s of
# speech), which keeps the warm-up of a whole stand under a minute.
VORBIS_COMPRESSION = 1.0
ATTEMPTS = 3


class SpeechUnavailable(RuntimeError):
    """espeak-ng, a voice or the synthesis itself failed."""


@dataclass(frozen=True)
class Job:
    lang: str
    text: str
    rate: str
    result: Future[bytes]


def encode_ogg(samples: np.ndarray, sample_rate: int) -> bytes:
    """Mono float samples -> Ogg Vorbis bytes, which Chromium plays natively."""
    if samples.size == 0:
        raise SpeechUnavailable("the synthesiser produced no audio")
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, sample_rate, format="OGG", subtype="VORBIS",
                    compression_level=VORBIS_COMPRESSION)
    return buffer.getvalue()


class Synthesizer:
    """A queue and the one thread that talks to espeak-ng through pyttsx3."""

    def __init__(self, voices: dict[str, str] | None = None) -> None:
        self.voices = voices or VOICES
        self._jobs: queue.Queue[Job | None] = queue.Queue()
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

    def close(self) -> None:
        self._jobs.put(None)

    def _run(self) -> None:
        try:
            engine = _make_engine()
        except Exception as exc:  # noqa: BLE001 - any failure means no speech at all
            self._fail_all(SpeechUnavailable(f"espeak-ng could not start: {exc}"))
            return
        installed = {voice.id for voice in engine.getProperty("voices")}  # type: ignore[attr-defined]
        errors: list[Exception] = []
        engine.connect("error", lambda name=None, exception=None: errors.append(exception))  # type: ignore[attr-defined]
        with tempfile.TemporaryDirectory(prefix="kiosk-speech-") as tmp:
            wav = Path(tmp) / "utterance.wav"
            while (job := self._jobs.get()) is not None:
                if job.result.set_running_or_notify_cancel():
                    self._synthesise(engine, installed, errors, job, wav)

    def _synthesise(self, engine: object, installed: set[str], errors: list[Exception],
                    job: Job, wav: Path) -> None:
        voice = self.voices[job.lang]
        errors.clear()
        try:
            if voice not in installed:
                # pyttsx3 would quietly keep the previous voice: a Kazakh text read in Russian.
                raise SpeechUnavailable(f"espeak-ng has no voice {voice!r} for {job.lang}")
            samples = _speak_to_file(engine, voice, job, wav)
            if errors:
                raise SpeechUnavailable(f"espeak-ng failed: {errors[0]}")
            audio = encode_ogg(samples, ESPEAK_SAMPLE_RATE)
        except Exception as exc:  # noqa: BLE001 - reported to the waiting caller
            job.result.set_exception(SpeechUnavailable(str(exc)))
            return
        self.count += 1
        job.result.set_result(audio)

    def _fail_all(self, error: Exception) -> None:
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None and job.result.set_running_or_notify_cancel():
                job.result.set_exception(error)


def _make_engine() -> object:
    import pyttsx3

    return pyttsx3.init("espeak")


def _speak_to_file(engine: object, voice: str, job: Job, wav: Path) -> np.ndarray:
    engine.setProperty("voice", voice)  # type: ignore[attr-defined]
    engine.setProperty("rate", RATES[job.rate])  # type: ignore[attr-defined]
    for _attempt in range(ATTEMPTS):
        wav.unlink(missing_ok=True)
        # The espeak driver announces every saved file on standard output.
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(job.text, str(wav))  # type: ignore[attr-defined]
            engine.runAndWait()  # type: ignore[attr-defined]
        if wav.exists():
            samples, _rate = soundfile.read(str(wav), dtype="float32")
            if samples.size:
                return samples
        # pyttsx3's espeak loop now and then ends before espeak-ng delivers the audio
        # (about one utterance in 150 when they follow each other quickly): ask again.
    raise SpeechUnavailable(f"espeak-ng gave no audio after {ATTEMPTS} attempts")
