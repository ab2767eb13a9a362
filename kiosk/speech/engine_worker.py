"""The child process that owns espeak-ng: it speaks texts into Ogg Vorbis, one at a time.

espeak-ng may end its whole process from C: with its data missing it prints "Error
processing file …/phontab" and calls exit(), and a bad voice file or a bug can abort
it. Running it here, in a process of its own, means such a fault costs the request
being spoken, never the server (see :mod:`kiosk.speech.engine`).

This file is run as a program (``python -P engine_worker.py``) and imports nothing of
the kiosk, so the child starts quickly and small; the server imports it only for the
framing below.

Frames are a kind byte and a length (4 bytes, little-endian), then the payload. The
child first sends ``R`` (ready: JSON with the sample rate and the voices installed) or
``E`` (an error it could report itself). Each job is a ``J`` frame (JSON: text, voice,
words per minute) and is answered by ``A`` (the audio) or ``E`` (why not). The child
ends when its input closes.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import struct
import sys
from typing import BinaryIO

READY, JOB, AUDIO, ERROR = b"R", b"J", b"A", b"E"
HEADER = struct.Struct("<cI")
# Ogg Vorbis at its smallest setting: about 32 kbit/s, clear for speech, and ten times
# faster to encode than Opus through libsndfile (15 ms against 150 ms for 6 s of
# speech), which keeps the warm-up of a whole stand under a minute.
VORBIS_COMPRESSION = 1.0
MAX_FRAME = 64 * 1024 * 1024


def frame(kind: bytes, payload: bytes) -> bytes:
    return HEADER.pack(kind, len(payload)) + payload


def read_frame(stream: BinaryIO) -> tuple[bytes, bytes] | None:
    """The next frame, or None at the end of the stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    kind, length = HEADER.unpack(header)
    if length > MAX_FRAME:
        raise ValueError(f"a frame of {length} bytes")
    payload = stream.read(length)
    return None if len(payload) < length else (kind, payload)


class Espeak:
    """espeak-ng through pyttsx3's binding of it, in espeak-ng's synchronous mode.

    pyttsx3's own espeak driver runs espeak-ng asynchronously: a voice or rate set
    just before a synthesis is now and then applied after it (a Kazakh text read by
    the Russian voice, a "slower" text read fast), and ``runAndWait`` sometimes
    returns before the audio arrives. In synchronous mode every call has taken
    effect when it returns, so this process gets exactly what it asked for."""

    def __init__(self) -> None:
        from pyttsx3.drivers import _espeak

        self._espeak = _espeak
        self.sample_rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000)
        if self.sample_rate <= 0:
            raise RuntimeError("espeak-ng could not be initialised")
        self.installed = sorted({v.identifier.decode().lower()
                                 for v in _espeak.ListVoices(None)})
        self._chunks: list[bytes] = []
        _espeak.SetSynthCallback(self._collect)

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int, _events: object) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # 0: go on synthesising

    def speak(self, text: str, voice: str, rate: int) -> bytes:
        espeak = self._espeak
        if espeak.SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError(f"espeak-ng could not select the voice {voice!r}")
        espeak.SetParameter(espeak.RATE, rate, 0)
        self._chunks = []
        status = espeak.Synth(text, flags=espeak.CHARS_UTF8 | espeak.ENDPAUSE)
        if status != 0:
            raise RuntimeError(f"espeak-ng failed to synthesise (error {status})")
        return b"".join(self._chunks)


def encode_ogg(pcm: bytes, sample_rate: int) -> bytes:
    """16-bit mono samples -> Ogg Vorbis bytes, which Chromium plays natively."""
    import numpy as np
    import soundfile

    samples = np.frombuffer(pcm, dtype="<i2")
    if samples.size == 0:
        raise RuntimeError("espeak-ng produced no audio")
    buffer = io.BytesIO()
    soundfile.write(buffer, samples.astype(np.float32) / 32768.0, sample_rate, format="OGG",
                    subtype="VORBIS", compression_level=VORBIS_COMPRESSION)
    return buffer.getvalue()


def serve(jobs: BinaryIO, answers: BinaryIO) -> None:
    def send(kind: bytes, payload: bytes) -> None:
        answers.write(frame(kind, payload))
        answers.flush()

    # The encoder's libraries load before the child says it is ready, so that the first
    # text does not wait for them (numpy alone takes 0.2 to 0.5 s).
    import numpy  # noqa: F401
    import soundfile  # noqa: F401

    try:
        engine = Espeak()
    except Exception as error:  # noqa: BLE001 - told to the server, which decides
        send(ERROR, f"espeak-ng could not start: {error}".encode())
        return
    send(READY, json.dumps({"sample_rate": engine.sample_rate,
                            "voices": engine.installed}).encode())
    while (received := read_frame(jobs)) is not None:
        job = json.loads(received[1])
        try:
            audio = encode_ogg(engine.speak(job["text"], job["voice"], job["rate"]),
                               engine.sample_rate)
        except Exception as error:  # noqa: BLE001 - this job fails, the next may not
            send(ERROR, str(error).encode())
        else:
            send(AUDIO, audio)


def main() -> None:
    # The frames go out on a copy of standard output; whatever C code prints to standard
    # output goes to standard error instead, where the server reads it as diagnostics.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
