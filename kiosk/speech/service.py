"""The stand's speech: which utterances exist, and their audio, made once and kept.

An utterance is a text in one language, rewritten into its spoken form and named by
a hash of voice and spoken text. Only utterances the server itself registered while
rendering its pages can be turned into audio: the audio endpoint is no
text-to-speech service for anyone on the network.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from kiosk.speech.cache import AudioCache, folder_fault
from kiosk.speech.engine import EngineCrashed
from kiosk.speech.spoken import spoken_form
from kiosk.speech.synth import RATES, VOICES, SpeechUnavailable, Synthesizer

log = logging.getLogger(__name__)

KEY_LENGTH = 24
MAX_TEXT = 1000  # characters in one utterance; longer texts are split into sentences first
RETRY_SECONDS = 60.0
WAIT_SECONDS = 30.0


class UnknownUtterance(LookupError):
    """No page of this server ever produced that utterance."""


@dataclass(frozen=True)
class Utterance:
    key: str
    lang: str
    spoken: str


class SpeechService:
    """Speech never stops the stand: a fault of espeak-ng, a voice or the cache folder
    makes :meth:`available` false for a minute (the stand then says so and uses the
    browser's voice), is logged once, and is tried again after that minute."""

    def __init__(self, root: Path, max_bytes: int, voices: dict[str, str] | None = None) -> None:
        self.audio = AudioCache(root / "audio", max_bytes, folder=root)
        self.texts = root / "texts"
        self.voices = {**VOICES, **(voices or {})}
        self.synth = Synthesizer(self.voices)
        self._known: dict[str, Utterance] = {}
        self._by_text: dict[tuple[str, str], Utterance] = {}
        self._inflight: dict[str, Future[Path]] = {}
        self._lock = threading.Lock()
        self._failed: dict[str, float] = {}  # language -> time of the last failure
        self._failed_texts: dict[str, float] = {}  # audio name -> time its engine crashed
        self._logged: set[str] = set()  # faults logged since speech last worked
        if self.audio.fault is not None:
            for lang in self.voices:
                self._note_failure(lang, SpeechUnavailable(self.audio.fault))

    # -- utterances ---------------------------------------------------------------------
    def utterance(self, text: str, lang: str) -> Utterance:
        # Rendering asks for the same texts again and again: the spoken form and its
        # hash are worked out once per text.
        found = self._by_text.get((lang, text))
        if found is not None:
            return found
        spoken = spoken_form(" ".join(text.split()), lang)[:MAX_TEXT]
        digest = hashlib.sha256(f"{self.voices[lang]}\n{spoken}".encode()).hexdigest()
        key = digest[:KEY_LENGTH]
        if key not in self._known:
            self._known[key] = Utterance(key, lang, spoken)
            self._remember(self._known[key])
        self._by_text[(lang, text)] = self._known[key]
        return self._known[key]

    def _remember(self, utterance: Utterance) -> None:
        # Other server processes sharing the cache folder learn the utterance from here;
        # this one knows it already, so a folder that cannot be written costs only speech.
        path = self.texts / utterance.key[:2] / f"{utterance.key}.json"
        try:
            if path.exists():
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"lang": utterance.lang, "spoken": utterance.spoken}, file,
                          ensure_ascii=False)
            os.replace(temporary, path)
        except OSError as error:
            self._note_failure(utterance.lang,
                               SpeechUnavailable(folder_fault(self.texts.parent, error)))

    def lookup(self, key: str) -> Utterance:
        if key in self._known:
            return self._known[key]
        path = self.texts / key[:2] / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            raise UnknownUtterance(key) from None
        utterance = Utterance(key, data["lang"], data["spoken"])
        self._known[key] = utterance
        return utterance

    def known(self) -> list[Utterance]:
        return list(self._known.values())

    # -- audio --------------------------------------------------------------------------
    def audio_path(self, key: str, rate: str = "normal") -> Path:
        """The audio file of ``key`` at ``rate``, synthesised now if it is not cached."""
        name = f"{key}.{rate}.ogg"
        cached = self.audio.get(name)
        if cached is not None:
            return cached
        utterance = self.lookup(key)
        self._refuse_while_failing(utterance.lang, name)
        return self._synthesise(name, utterance, rate).result(timeout=WAIT_SECONDS)

    def _synthesise(self, name: str, utterance: Utterance, rate: str) -> Future[Path]:
        with self._lock:
            pending = self._inflight.get(name)
            if pending is not None:
                return pending
            done: Future[Path] = Future()
            self._inflight[name] = done
        audio = self.synth.submit(utterance.lang, utterance.spoken, rate)
        audio.add_done_callback(lambda result: self._store(name, utterance.lang, result, done))
        return done

    def _store(self, name: str, lang: str, audio: Future[bytes], done: Future[Path]) -> None:
        try:
            path = self.audio.put(name, audio.result())
        except EngineCrashed as exc:
            # The engine ended while saying this text: the next text gets a new engine,
            # and this one waits a minute, in case it is what ends the engine.
            self._failed_texts[name] = time.monotonic()
            self._log_once(f"speech of one text failed (retrying in {RETRY_SECONDS:.0f} s): "
                           f"{exc}")
            done.set_exception(exc)
        except Exception as exc:  # noqa: BLE001 - handed to every waiting request
            self._note_failure(lang, exc)
            done.set_exception(exc if isinstance(exc, SpeechUnavailable)
                               else SpeechUnavailable(str(exc)))
        else:
            self._failed.pop(lang, None)
            self._failed_texts.pop(name, None)
            self._logged.clear()
            done.set_result(path)
        finally:
            with self._lock:
                self._inflight.pop(name, None)

    def _note_failure(self, lang: str, error: Exception) -> None:
        self._failed[lang] = time.monotonic()
        self._log_once(f"speech is unavailable (retrying in {RETRY_SECONDS:.0f} s; pages "
                       f"work without it): {error}")

    def _log_once(self, message: str) -> None:
        # One fault is one line in the log, however many texts and languages it stops.
        if message not in self._logged:
            self._logged.add(message)
            log.error("%s", message)

    def _refuse_while_failing(self, lang: str, name: str) -> None:
        if not self.available(lang):
            raise SpeechUnavailable(f"speech in {lang} failed recently; retrying later")
        crashed = self._failed_texts.get(name)
        if crashed is not None and time.monotonic() - crashed < RETRY_SECONDS:
            raise SpeechUnavailable("this text stopped the engine recently; retrying later")

    def available(self, lang: str) -> bool:
        """False for a minute after speech in ``lang`` failed; then the stand tries again."""
        failed = self._failed.get(lang)
        return failed is None or time.monotonic() - failed >= RETRY_SECONDS

    def prepare(self) -> None:
        """Start the engine now: the first text is then quick, and a fault of the engine
        or of a voice is logged at start rather than at the first visitor."""
        try:
            installed = self.synth.engine.start()
        except SpeechUnavailable as error:
            for lang in self.voices:
                self._note_failure(lang, error)
            return
        for lang, voice in self.voices.items():
            if voice not in installed:
                self._note_failure(lang, SpeechUnavailable(f"espeak-ng has no voice {voice!r}"))


def is_rate(value: str) -> bool:
    return value in RATES
