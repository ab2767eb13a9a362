"""A real `kiosk serve` process on 127.0.0.1 and a free port, for tests that need the
server as stands and managers reach it: its own process, its log, its exit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.postgresql import free_port

KIOSK = [sys.executable, "-m", "kiosk.cli"]


def kiosk_env(folder: Path, **settings: str) -> dict[str, str]:
    """The environment of a server whose database and speech live in ``folder``."""
    return {**os.environ, "KIOSK_DATABASE_URL": f"sqlite:///{folder / 'kiosk.sqlite3'}",
            "KIOSK_SECRET_KEY": "test", "KIOSK_SPEECH_CACHE_DIR": str(folder / "speech"),
            **settings}


def set_up(env: dict[str, str]) -> None:
    subprocess.run([*KIOSK, "setup"], env=env, check=True, capture_output=True, timeout=120)


class Served:
    """``with Served(env) as server:`` — started, answering, then stopped."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log_path = log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Served:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [*KIOSK, "serve", "--port", str(self.port), "--threads", "4"], env=self.env,
                stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90  # the machine may be busy
        while self.get("/stand/main/kk/live.json")[0] != 200:
            assert self.process.poll() is None, self.log()
            assert time.monotonic() < deadline, f"the server did not start:\n{self.log()}"
            time.sleep(0.2)
        return self

    def __exit__(self, *_exc: object) -> None:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def get(self, path: str) -> tuple[int, bytes]:
        """Status and body; 0 when nothing answers."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, ConnectionError):
            return 0, b""

    def alive(self) -> bool:
        assert self.process is not None
        return self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
