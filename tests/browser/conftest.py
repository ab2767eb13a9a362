"""A real waitress server on 127.0.0.1 and real headless Chromium driving it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.browser import set_viewport, start_chromium
from kiosk.content import Content
from kiosk.threaded_server import serving
from tests.conftest import make_app

PORTRAIT = (1080, 1920)
LANDSCAPE = (1920, 1080)


@dataclass
class LiveServer:
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path


def serve(app, tmp_path: Path) -> Iterator[LiveServer]:
    with serving(app) as port:
        yield LiveServer(f"http://127.0.0.1:{port}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory,
                demo_content: Content) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("live")
    yield from serve(make_app(tmp_path, demo_content), tmp_path)


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    driver = start_chromium(*LANDSCAPE)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def landscape(browser: WebDriver) -> WebDriver:
    set_viewport(browser, *LANDSCAPE)
    return browser
