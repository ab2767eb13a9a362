"""A stand server in a process of its own, which a test can stop and start again.

A server thread inside the test process cannot be stopped the way a real server stops:
its open connections live on. A process that is killed closes them all, as a crashed or
stopped server does, and a new process on the same port and database is the server
coming back (tests/browser/test_offline.py).

Run as ``python -m tests.browser.server_process INSTANCE PORT SETTINGS_JSON``, on a
database the test process made (:meth:`ServerProcess.start` does both).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    def __init__(self, instance: Path, settings: dict[str, object]) -> None:
        self.instance = instance
        self.settings = settings
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.made = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self, timeout: float = 120.0) -> None:
        """Start serving; the first start makes the database, with the demo published."""
        if not self.made:
            from kiosk.content import load_file
            from tests.conftest import DEMO, make_app

            make_app(self.instance, load_file(DEMO), **self.settings)
            self.made = True
        command = [sys.executable, "-m", "tests.browser.server_process", str(self.instance),
                   str(self.port), json.dumps(self.settings)]
        with (self.instance / "server.log").open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log,
                                            env={**os.environ, "PYTHONPATH": str(ROOT)})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped at start: see {self.instance}/server.log")
            try:
                with urllib.request.urlopen(self.url("/stand/main/kk/live.json"), timeout=5):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the server did not answer within {timeout} s")

    def stop(self) -> None:
        """Kill the server: every connection it had is cut, as when it crashes."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None


def main(argv: list[str]) -> None:
    from waitress import serve

    from tests.conftest import make_app

    instance, port, settings = Path(argv[0]), int(argv[1]), json.loads(argv[2])
    serve(make_app(instance, None, **settings), host="127.0.0.1", port=port, threads=4)


if __name__ == "__main__":
    main(sys.argv[1:])
