"""Headless Chromium under Selenium, using the machine's own browser and driver, and
how to tell a browser that is gone from a page that misbehaves.

Selenium Manager would try to download a driver; a path to Debian's chromedriver
means it never does, which matters on machines with no internet access."""

from __future__ import annotations

import os
import shutil
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver

# Browser errors that mean the browser itself is gone, not the page.
# Audio and video a scan does not fetch unless asked (--load-media): the browser blocks
# these addresses, and a check that must hear a clip lifts the block for it.
MEDIA_PATTERNS = ("*.mp4", "*.webm", "*.ogv", "*.mov", "*.avi", "*.mkv", "*.m4v",
                  "*.mp3", "*.ogg", "*.oga", "*.wav", "*.m4a", "*.flac", "*.aac")
BROWSER_GONE = ("invalid session id", "session deleted", "disconnected", "tab crashed",
                "chrome not reachable", "no such window", "target window already closed",
                "Connection refused", "Max retries exceeded", "RemoteDisconnected",
                "target frame detached",
                # A renderer that does not answer a command outside a page load.
                "Timed out receiving message from renderer")


def browser_gone(error: WebDriverException) -> bool:
    """Whether ``error`` says the browser crashed, hung or lost its session."""
    text = f"{type(error).__name__} {error.msg or ''} {error}"
    return any(marker in text for marker in BROWSER_GONE)


def performance_log(driver: WebDriver) -> list[dict[str, Any]]:
    """The entries of Chromium's performance log (DevTools events, each a JSON text)
    since the last call, which empties it.

    Selenium gives ``get_log`` to its local Chromium driver only; a browser on a
    Selenium Grid answers the same command, so it is sent as it is to either."""
    entries: list[dict[str, Any]] = driver.execute(Command.GET_LOG,
                                                   {"type": "performance"})["value"]
    return entries


class BrowserNotFound(RuntimeError):
    """Chromium or chromedriver is not installed where we look."""


def find_executable(env: str, *names: str) -> str:
    """The program named by environment variable ``env``, else the first of ``names`` on PATH."""
    configured = os.environ.get(env)
    if configured:
        return configured
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(
        f"none of {', '.join(names)} is on PATH; install Debian's chromium and "
        f"chromium-driver (make system does it) or set {env}"
    )


def chromium_options(width: int, height: int) -> Options:
    options = Options()
    options.binary_location = find_executable("CHROMIUM", "chromium", "chromium-browser")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--hide-scrollbars",
        "--force-device-scale-factor=1", f"--window-size={width},{height}",
        "--autoplay-policy=no-user-gesture-required",
    ):
        options.add_argument(flag)
    return options


def start_chromium(width: int = 1920, height: int = 1080, *,
                   javascript: bool = True) -> webdriver.Chrome:
    options = chromium_options(width, height)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    service = Service(executable_path=find_executable("CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver: webdriver.Chrome, width: int, height: int) -> None:
    """Make the page's viewport (not the window) exactly ``width`` x ``height`` CSS px."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
