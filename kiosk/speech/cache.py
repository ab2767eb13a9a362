"""Synthesised audio on disk: bounded in size, least recently used entries go first.

Entries are written to a temporary file and renamed into place, so two processes
writing the same entry both leave a whole file and a reader never sees half of one.

A folder that cannot be used (a file in its place, no permission, a full or read-only
disk) is a fault of speech, never of the server: :attr:`AudioCache.fault` says what is
wrong, :meth:`AudioCache.put` raises :class:`SpeechUnavailable`, and the folder is
tried again a minute later.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
import time
from pathlib import Path

from kiosk.speech.engine import SpeechUnavailable

RETRY_SECONDS = 60.0


def folder_fault(root: Path, error: OSError) -> str:
    """One sentence a person running the server can act on."""
    if error.errno in (errno.EEXIST, errno.ENOTDIR):
        reason = "a file is in the way of the folder"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "the server may not write there"
    elif error.errno == errno.ENOSPC:
        reason = "the disk is full"
    else:
        reason = error.strerror or str(error)
    return (f"the speech cache folder {root} cannot be used ({reason}); set "
            "KIOSK_SPEECH_CACHE_DIR to a folder the server may write")


class AudioCache:
    def __init__(self, root: Path, max_bytes: int, folder: Path | None = None) -> None:
        self.root = root
        self.folder = folder or root  # the folder a person set, named in messages
        self.max_bytes = max_bytes
        self.fault: str | None = None
        self._lock = threading.Lock()
        self._size = 0
        self._tried = 0.0
        self._open()

    def _open(self) -> bool:
        self._tried = time.monotonic()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._size = sum(path.stat().st_size for path in self._entries())
        except OSError as error:
            self.fault = folder_fault(self.folder, error)
            return False
        self.fault = None
        return True

    def usable(self) -> bool:
        """Whether the folder can be used; a faulty one is tried again after a minute."""
        if self.fault is None:
            return True
        return time.monotonic() - self._tried >= RETRY_SECONDS and self._open()

    def path(self, name: str) -> Path:
        return self.root / name[:2] / name

    def get(self, name: str) -> Path | None:
        path = self.path(name)
        try:
            os.utime(path)  # remember the use, for least-recently-used eviction
        except OSError:  # not there (or the folder is unusable): synthesise it
            return None
        return path

    def put(self, name: str, data: bytes) -> Path:
        if not self.usable():
            raise SpeechUnavailable(self.fault)
        path = self.path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError as error:
            self.fault = folder_fault(self.folder, error)
            self._tried = time.monotonic()
            raise SpeechUnavailable(self.fault) from None
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise SpeechUnavailable(folder_fault(self.folder, error)) from None
            raise
        with self._lock:
            self._size += len(data)
            if self._size > self.max_bytes:
                self._evict()
        return path

    @property
    def size(self) -> int:
        return self._size

    def _entries(self) -> list[Path]:
        return [p for p in self.root.glob("*/*") if p.is_file() and not p.name.startswith(".")]

    def _evict(self) -> None:
        entries = []
        for path in self._entries():
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        entries.sort()
        total = sum(size for _, size, _ in entries)
        target = self.max_bytes * 0.9
        for _, size, path in entries:
            if total <= target:
                break
            path.unlink(missing_ok=True)
            total -= size
        self._size = total
