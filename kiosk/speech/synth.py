"""Speech synthesis with espeak-ng through pyttsx3, owned by one worker thread.

espeak-ng is not thread-safe and initialises once per process, so a single thread
creates the engine and performs every synthesis, taking jobs from a queue. Callers
get a :class:`concurrent.futures.Future` of the encoded audio.
"""

from __future__ import annotations

import ctypes
import io
import logging
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np
import soundfile

log = logging.getLogger(__name__)

# espeak-ng voice identifiers (espeak-ng --voices) for each language of the stand.
VOICES = {"kk": "trk/kk", "ru": "zle/ru", "en": "gmw/en"}
# Words per minute: espeak-ng's default is 175; visitors can choose slower or faster.
RATES = {"slower": 120, "normal": 160, "faster": 215}
# Ogg Vorbis at its smallest setting: about 32 kbit/s, clear for speech, and ten times
# faster to encode than Opus through libsndfile (15 ms against 150 ms for 6 s of
# speech), which keeps the warm-up of a whole stand under a minute.
VORBIS_COMPRESSION = 1.0


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
    """A queue and the one thread that talks to espeak-ng."""

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

    def _run(self) -> None:
        try:
            engine = EspeakEngine.get()
        except Exception as exc:  # noqa: BLE001 - any failure means no speech at all
            self._fail_all(SpeechUnavailable(f"espeak-ng could not start: {exc}"))
            return
        while (job := self._jobs.get()) is not None:
            if job.result.set_running_or_notify_cancel():
                self._synthesise(engine, job)

    def _synthesise(self, engine: EspeakEngine, job: Job) -> None:
        try:
            samples = engine.speak(job.text, self.voices[job.lang], RATES[job.rate])
            audio = encode_ogg(samples, engine.sample_rate)
        except Exception as exc:  # noqa: BLE001 - reported to the waiting caller
            job.result.set_exception(exc if isinstance(exc, SpeechUnavailable)
                                     else SpeechUnavailable(str(exc)))
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


class EspeakEngine:
    """espeak-ng through pyttsx3's binding of it, in espeak-ng's synchronous mode.

    pyttsx3's own espeak driver runs espeak-ng asynchronously: a voice or rate set
    just before a synthesis is now and then applied after it (a Kazakh text read by
    the Russian voice, a "slower" text read fast), and ``runAndWait`` sometimes
    returns before the audio arrives. In synchronous mode every call has taken
    effect when it returns, so one worker thread gets exactly what it asked for.
    Only one engine exists per process, as espeak-ng initialises once.
    """

    _instance: EspeakEngine | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        from pyttsx3.drivers import _espeak

        self._espeak = _espeak
        self.sample_rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000)
        if self.sample_rate <= 0:
            raise SpeechUnavailable("espeak-ng could not be initialised")
        self.installed = {v.identifier.decode().lower() for v in _espeak.ListVoices(None)}
        self._chunks: list[bytes] = []
        _espeak.SetSynthCallback(self._collect)

    @classmethod
    def get(cls) -> EspeakEngine:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _collect(self, wav: object, count: int, _events: object) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # 0: go on synthesising

    def speak(self, text: str, voice: str, rate: int) -> np.ndarray:
        espeak = self._espeak
        if voice not in self.installed:
            # A missing voice must not fall back to another language's voice.
            raise SpeechUnavailable(f"espeak-ng has no voice {voice!r}")
        if espeak.SetVoiceByName(voice.encode()) != 0:
            raise SpeechUnavailable(f"espeak-ng could not select the voice {voice!r}")
        espeak.SetParameter(espeak.RATE, rate, 0)
        self._chunks = []
        status = espeak.Synth(text, flags=espeak.CHARS_UTF8 | espeak.ENDPAUSE)
        if status != 0:
            raise SpeechUnavailable(f"espeak-ng failed to synthesise (error {status})")
        samples = np.frombuffer(b"".join(self._chunks), dtype="<i2")
        if samples.size == 0:
            raise SpeechUnavailable("espeak-ng produced no audio")
        return samples.astype(np.float32) / 32768.0
