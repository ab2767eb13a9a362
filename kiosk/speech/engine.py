"""espeak-ng in a child process of its own, started when first needed and again after
it ends.

A fault of espeak-ng (its data missing, a crash, an ``exit()`` from C) ends the child,
never the server: the text being spoken fails with :class:`SpeechUnavailable`, which
says why (the child's last words on its standard error, or the signal that ended it),
and the next text starts a new child. A child that cannot even start is not started
again for a minute, so a stand without espeak-ng costs one attempt a minute. A child
that stops answering is ended after ``JOB_SECONDS``.

The child costs about 25 MB and 0.2 s to start; a text travels to it and its audio back
through pipes in well under a millisecond, next to 10–40 ms of synthesis and encoding,
which now run beside the server's threads instead of among them.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path
from typing import ClassVar

from kiosk.speech import engine_worker as worker

START_SECONDS = 15.0
JOB_SECONDS = 20.0
RETRY_START_SECONDS = 60.0
WORKER = Path(worker.__file__)


class SpeechUnavailable(RuntimeError):
    """espeak-ng, a voice or the synthesis itself failed."""


class EngineCrashed(SpeechUnavailable):
    """The engine ended (or hung) while it was saying a text."""


class _Ended(Exception):
    """The child ended, or stopped answering, before its answer was complete."""


class EngineProcess:
    """One espeak-ng child; its methods may be called from any thread, one at a time."""

    _shared: ClassVar[EngineProcess | None] = None
    _shared_lock = threading.Lock()

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr_reader: threading.Thread | None = None
        self._stderr: deque[str] = deque(maxlen=20)
        self._voices: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        self._start_failed: tuple[float, SpeechUnavailable] | None = None
        self._owner = os.getpid()
        self.starts = 0  # children started, for tests and benchmarks

    @classmethod
    def shared(cls) -> EngineProcess:
        """The process's one engine (a forked process gets its own, not its parent's)."""
        with cls._shared_lock:
            if cls._shared is None or cls._shared._owner != os.getpid():
                cls._shared = cls()
            return cls._shared

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> frozenset[str]:
        """Start the child now rather than at the first text; the voices installed
        (:class:`SpeechUnavailable` if it cannot start)."""
        with self._lock:
            self._running()
            return self._voices

    def speak(self, text: str, voice: str, rate: int) -> bytes:
        """Ogg Vorbis audio of ``text`` said by ``voice`` at ``rate`` words a minute."""
        with self._lock:
            process = self._running()
            if voice not in self._voices:
                # A missing voice must not fall back to another language's voice.
                raise SpeechUnavailable(f"espeak-ng has no voice {voice!r}")
            job = json.dumps({"text": text, "voice": voice, "rate": rate}).encode()
            try:
                self._send(process, worker.frame(worker.JOB, job))
                kind, payload = self._receive(process, JOB_SECONDS)
            except _Ended as ended:
                raise EngineCrashed(f"espeak-ng stopped while speaking ({ended}){self._why()}"
                                    ) from None
        if kind != worker.AUDIO:
            raise SpeechUnavailable(payload.decode(errors="replace"))
        return payload

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                self._end(self._process)

    # -- the child ----------------------------------------------------------------------
    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None:
            if self._process.poll() is None:
                return self._process
            self._end(self._process)  # it ended between texts
        if self._start_failed is not None:
            failed_at, error = self._start_failed
            if time.monotonic() - failed_at < RETRY_START_SECONDS:
                raise SpeechUnavailable(str(error))
        try:
            self._process = self._start()
        except SpeechUnavailable as error:
            self._start_failed = (time.monotonic(), error)
            raise
        self._start_failed = None
        return self._process

    def _start(self) -> subprocess.Popen[bytes]:
        self._stderr.clear()
        # -P: the worker's folder is not put on sys.path (its numbers.py would hide the
        # standard library's).
        process = subprocess.Popen([sys.executable, "-P", str(WORKER)], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.starts += 1
        self._stderr_reader = threading.Thread(target=self._drain, args=(process,),
                                               name="speech-engine-stderr", daemon=True)
        self._stderr_reader.start()
        try:
            kind, payload = self._receive(process, START_SECONDS)
        except _Ended as ended:
            raise SpeechUnavailable(f"espeak-ng could not start ({ended}){self._why()}"
                                    ) from None
        if kind != worker.READY:
            self._end(process)
            raise SpeechUnavailable(payload.decode(errors="replace") + self._why())
        self._voices = frozenset(json.loads(payload)["voices"])
        return process

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stderr is not None
        with process.stderr:
            for line in process.stderr:
                text = line.decode(errors="replace").strip()
                if text:
                    self._stderr.append(text)

    def _why(self) -> str:
        """The child's last words on standard error, if it said any."""
        if self._stderr_reader is not None:
            self._stderr_reader.join(timeout=1.0)  # its end of the pipe closes as it ends
        words = " ".join(self._stderr)
        return f": {words[-300:]}" if words else ""

    def _send(self, process: subprocess.Popen[bytes], data: bytes) -> None:
        assert process.stdin is not None
        try:
            process.stdin.write(data)
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _Ended(self._end(process)) from None

    def _receive(self, process: subprocess.Popen[bytes], seconds: float
                 ) -> tuple[bytes, bytes]:
        deadline = time.monotonic() + seconds
        kind, length = worker.HEADER.unpack(
            self._read(process, worker.HEADER.size, deadline, seconds))
        return kind, self._read(process, length, deadline, seconds)

    def _read(self, process: subprocess.Popen[bytes], size: int, deadline: float,
              seconds: float) -> bytes:
        assert process.stdout is not None
        descriptor = process.stdout.fileno()
        chunks: list[bytes] = []
        missing = size
        while missing:
            left = deadline - time.monotonic()
            ready = select.select([descriptor], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                self._end(process)
                raise _Ended(f"no answer within {seconds:.0f} s")
            chunk = os.read(descriptor, min(missing, 1 << 20))
            if not chunk:
                raise _Ended(self._end(process))
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def _end(self, process: subprocess.Popen[bytes]) -> str:
        """End the child (if it has not ended) and say how it ended."""
        if process.poll() is None:
            try:
                if process.stdin is not None:  # always: the child is started with pipes
                    process.stdin.close()
                process.wait(timeout=2.0)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self._process is process:
            self._process = None
        code = process.returncode
        if code is not None and code < 0:
            return f"ended by {signal.Signals(-code).name}"
        return f"exit status {code}"
