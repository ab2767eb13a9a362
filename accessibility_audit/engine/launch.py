"""Starting a browser for auditing: Debian's Chromium locally, or a Selenium Grid node.

Each browser gets its own profile folder under the scan's run folder; that folder
name marks every process of the browser, so none survives the scan."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import psutil
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chromium.remote_connection import ChromiumRemoteConnection
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.browser import (
    MEDIA_PATTERNS,
    chromium_options,
    find_executable,
    performance_log,
)
from accessibility_audit.engine import processes
from accessibility_audit.engine.world import WORLD_GUARD_SCRIPT, WORLD_NAME
from accessibility_audit.model import Viewport
from accessibility_audit.politeness import user_agent

PROFILE_PREFIX = "a11y-audit-browser-"
# Sound and video need not be fetched to audit a page: the elements are in the DOM
# either way. Fonts and images stay, as they change layout and contrast.
# Memory: each page starts clean anyway, so no back-forward cache and no spare
# renderer waiting; one renderer and the GPU thread inside the browser process;
# V8 tuned for size with a small young generation (axe makes many short-lived
# objects). Together they save about a third of a browser's own memory (USS) for
# a few per cent of speed (bench/audit_throughput.py).
#
# Sites are not isolated in processes of their own: every frame of a page, of any
# origin, lives in the page's renderer, where the scanner can give each frame its own
# isolated world through the page's DevTools session (engine/world.py); a frame in
# another process would be out of its reach. The browser holds no secret worth
# Spectre's while it audits (each page starts clean, cookies only for the scanned
# site), and one renderer is also less memory.
LEAN_FLAGS = ("--disable-features=BackForwardCache,SpareRendererForSitePerProcess,"
              "IsolateOrigins,site-per-process", "--disable-site-isolation-trials",
              "--renderer-process-limit=1", "--in-process-gpu",
              "--js-flags=--optimize-for-size --max-semi-space-size=2")
STORAGE = ("cookies,local_storage,indexeddb,websql,cache_storage,service_workers,"
           "file_systems")
GUARD_SCRIPT = files("accessibility_audit.engine").joinpath("guard.js").read_text()


class BrowserFailed(RuntimeError):
    """The browser could not be started (not installed, Grid unreachable …)."""


@dataclass(frozen=True)
class BrowserSettings:
    contact: str | None = None
    grid_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    page_timeout: float = 30.0
    block_media: bool = True
    # Keep Chromium's performance log (every network request), for audits that must
    # know each address a page asked for (a stand's: nothing outside its server).
    network_log: bool = False
    run_folder: Path = field(default_factory=lambda: Path(tempfile.gettempdir()))


class Browser:
    """One WebDriver session and, when local, the processes behind it."""

    def __init__(self, settings: BrowserSettings) -> None:
        self.settings = settings
        self.viewport: Viewport | None = None
        self.profile = Path(tempfile.mkdtemp(prefix=PROFILE_PREFIX, dir=settings.run_folder))
        self.pages = 0
        # What preload registered, by name.
        self._preloaded: set[str] = set()
        self.driver: WebDriver = self._start()
        try:
            self._prepare()
        except WebDriverException as error:
            self.close()
            raise BrowserFailed(f"Chromium started but did not answer: {error.msg}") from error

    @property
    def local(self) -> bool:
        return self.settings.grid_url is None

    def cdp(self, command: str, params: dict[str, Any] | None = None) -> Any:
        """A DevTools command; through chromedriver locally, through the Grid remotely."""
        return self.driver.execute("executeCdpCommand",
                                   {"cmd": command, "params": params or {}})["value"]

    def set_viewport(self, viewport: Viewport) -> None:
        if viewport == self.viewport:
            return
        self.viewport = viewport
        self.cdp("Emulation.setDeviceMetricsOverride", {
            "width": viewport.width, "height": viewport.height, "deviceScaleFactor": 1,
            "mobile": viewport.mobile})
        self.cdp("Emulation.setTouchEmulationEnabled", {"enabled": viewport.mobile})

    def preload(self, name: str, source: str) -> None:
        """Have the browser run ``source`` in the scanner's world (world.py) at the
        start of every document and frame from now on; once per browser and ``name``.

        For what every audited page needs and is large (axe-core, 650 KB): sent over
        the wire once per browser instead of once per page and frame, where the
        sending cost as much as axe's own run."""
        if name in self._preloaded:
            return
        self.cdp("Page.addScriptToEvaluateOnNewDocument",
                 {"source": source, "worldName": WORLD_NAME})
        self._preloaded.add(name)

    def clean(self, site: str) -> None:
        """Forget what earlier pages stored, so each page starts as a first visit.

        Done just before the next page rather than by a detour through
        about:blank, which would cost a navigation per page. The network log, where
        kept, is emptied too: it hands out each entry once, and what the next page
        requests must be told apart from what earlier pages did."""
        self.cdp("Network.clearBrowserCookies")
        self.cdp("Storage.clearDataForOrigin", {"origin": site, "storageTypes": STORAGE})
        if self.settings.network_log:
            performance_log(self.driver)

    def memory_mb(self) -> float | None:
        """Memory this browser alone holds (what closing it would free), locally."""
        return processes.memory_mb(self._processes()) if self.local else None

    def close(self) -> None:
        """Quit politely, then make sure: no process of this browser may outlive it."""
        survivors = self._processes()
        with contextlib.suppress(Exception):
            self.driver.quit()
        processes.kill(survivors + processes.with_marker(str(self.profile)))
        shutil.rmtree(self.profile, ignore_errors=True)

    def kill(self) -> None:
        """End a hung browser at once; the call waiting on it then fails."""
        processes.kill(self._processes() + processes.with_marker(str(self.profile)))

    def _processes(self) -> list[psutil.Process]:
        service = getattr(self.driver, "service", None) if hasattr(self, "driver") else None
        process = getattr(service, "process", None)
        return processes.tree(process.pid) if process is not None else []

    def _options(self) -> webdriver.ChromeOptions:
        options = chromium_options(1280, 800)
        if self.local:
            options.add_argument(f"--user-data-dir={self.profile}")
        else:
            # The Grid node knows where its own Chromium is, and makes its own profile.
            options.binary_location = ""
        for flag in ("--disable-quic", "--mute-audio", "--disable-notifications",
                     "--disable-popup-blocking", "--deny-permission-prompts", *LEAN_FLAGS):
            options.add_argument(flag)
        # "eager": hand over at DOMContentLoaded; our own settle wait takes it from
        # there, so one never-ending image does not cost the whole page.
        options.page_load_strategy = "eager"
        if self.settings.network_log:
            options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        options.unhandled_prompt_behavior = "dismiss and notify"
        return options

    def _start(self) -> WebDriver:
        grid_url = self.settings.grid_url
        try:
            if grid_url is None:
                service = webdriver.ChromeService(
                    executable_path=find_executable("CHROMEDRIVER", "chromedriver"))
                driver: WebDriver = webdriver.Chrome(service=service, options=self._options())
            else:
                connection = ChromiumRemoteConnection(
                    grid_url, vendor_prefix="goog", browser_name="chrome",
                    ignore_proxy=True)
                driver = webdriver.Remote(command_executor=connection, options=self._options())
        except WebDriverException as error:
            shutil.rmtree(self.profile, ignore_errors=True)
            where = grid_url or "this machine"
            raise BrowserFailed(f"could not start Chromium on {where}: {error.msg}") from error
        return driver

    def _prepare(self) -> None:
        version = self.driver.capabilities.get("browserVersion")
        self.cdp("Network.enable")
        self.cdp("Network.setUserAgentOverride",
                 {"userAgent": user_agent(self.settings.contact, version)})
        if self.settings.headers:
            self.cdp("Network.setExtraHTTPHeaders", {"headers": dict(self.settings.headers)})
        if self.settings.block_media:
            self.cdp("Network.setBlockedURLs", {"urls": list(MEDIA_PATTERNS)})
        self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": GUARD_SCRIPT})
        self.cdp("Page.addScriptToEvaluateOnNewDocument",
                 {"source": WORLD_GUARD_SCRIPT, "worldName": WORLD_NAME})
        with contextlib.suppress(WebDriverException):
            self.cdp("Browser.setDownloadBehavior", {"behavior": "deny"})
        # The page limits last: set first, they would also bound the set-up above,
        # which on a busy machine can take longer than a page may.
        self.driver.set_page_load_timeout(self.settings.page_timeout)
        self.driver.set_script_timeout(self.settings.page_timeout)
