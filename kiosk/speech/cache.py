"""Synthesised audio on disk: bounded in size, least recently used entries go first.

Entries are written to a temporary file and renamed into place, so two processes
writing the same entry both leave a whole file and a reader never sees half of one.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path


class AudioCache:
    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._size = sum(path.stat().st_size for path in self._entries())

    def path(self, name: str) -> Path:
        return self.root / name[:2] / name

    def get(self, name: str) -> Path | None:
        path = self.path(name)
        try:
            os.utime(path)  # remember the use, for least-recently-used eviction
        except FileNotFoundError:
            return None
        return path

    def put(self, name: str, data: bytes) -> Path:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
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
