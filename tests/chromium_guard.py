"""Tests that start Chromium must say so with the ``browser`` marker.

``make test-fast`` leaves out the ``browser`` tests; a test that drives Chromium without the
marker would make it slow and need a browser. Outside ``browser`` tests, the CHROMIUM and
CHROMEDRIVER variables (which ``accessibility_audit.browser.find_executable`` reads first,
in this process and in every a11y-audit command a test runs) name a stand-in that notes
who called it and fails; the hooks in ``tests/conftest.py`` then fail the test with a
message that says which marker is missing."""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

VARIABLES = ("CHROMIUM", "CHROMEDRIVER")
_SCRIPT = """#!/bin/sh
printf '%s\\n' "$0 $*" >> {log}
echo "this test started Chromium but is not marked @pytest.mark.browser" >&2
exit 1
"""


class ChromiumGuard:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.log = folder / "chromium-starts.log"
        self.stand_in = folder / "chromium-not-allowed"
        self.stand_in.write_text(_SCRIPT.format(log=shlex.quote(str(self.log))))
        self.stand_in.chmod(self.stand_in.stat().st_mode | stat.S_IXUSR)
        self._real = {name: os.environ.get(name) for name in VARIABLES}

    def forbid(self) -> None:
        """From now on, starting Chromium fails and is noted."""
        self.log.unlink(missing_ok=True)
        for name in VARIABLES:
            os.environ[name] = str(self.stand_in)

    def allow(self) -> None:
        """Chromium as the machine has it (or as the caller's environment named it)."""
        self.log.unlink(missing_ok=True)
        for name, value in self._real.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def attempts(self) -> list[str]:
        """The Chromium starts the stand-in refused since :meth:`forbid`."""
        if not self.log.exists():
            return []
        return self.log.read_text().splitlines()
