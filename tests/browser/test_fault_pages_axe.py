"""The pages that say something went wrong pass axe-core too: the sign-in form and the
admin page of a database that cannot be written (kk, ru, en), and the checklist form
sent back because its photos were too large."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.physical.stands import stand_key
from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.store import store
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app
from tests.hostile_files import huge
from tests.read_only import read_only_app

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"
# The demo location has two stands: a stand is named by its id.
STAND = "http://127.0.0.1:8080/stand/main/?stand=main-hall"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory, demo_content: Content
            ) -> Iterator[tuple[LiveServer, LiveServer]]:
    """The same database served twice: as it is, and as a server may only read it."""
    folder = tmp_path_factory.mktemp("faults")
    writable = make_app(folder, demo_content)
    with store(writable).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Ерлан Сәрсенов")
    read_only = read_only_app(folder)
    served = serve(writable, folder)
    served_read_only = serve(read_only, folder)
    yield next(served), next(served_read_only)
    for generator in (served, served_read_only):
        generator.close()  # stops its server


def sign_in(browser: WebDriver, server: LiveServer, lang: str) -> None:
    browser.delete_all_cookies()
    browser.get(server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys("admin")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_pages_of_a_read_only_database_have_no_axe_violations(
        landscape: WebDriver, servers: tuple[LiveServer, LiveServer], lang: str) -> None:
    browser = landscape
    writable, read_only = servers
    sign_in(browser, read_only, lang)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.ID, "login-error"))
    found = violations(browser)
    # Signed in where the database may be written; cookies ignore the port, so the same
    # session then reads the location on the read-only server and tries to save.
    sign_in(browser, writable, lang)
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/admin/"))
    browser.get(read_only.url("/admin/locations/main/"))
    browser.find_element(By.CSS_SELECTOR, "form[action$='/reviewed/hours'] button").click()
    WebDriverWait(browser, 10).until(lambda b: "/reviewed/" in b.current_url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    found += violations(browser)
    browser.delete_all_cookies()
    assert not found, "\n".join(f.describe() for f in found)


def test_a_checklist_too_large_to_save_has_no_axe_violations(
        landscape: WebDriver, servers: tuple[LiveServer, LiveServer], tmp_path: Path) -> None:
    browser = landscape
    writable, _ = servers
    sign_in(browser, writable, "kk")
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/admin/"))
    browser.get(writable.url("/audit/stands"))
    browser.find_element(By.ID, "stand-url").send_keys(STAND)
    browser.find_element(By.CSS_SELECTOR, "form[action$='/audit/stands'] button").click()
    key = stand_key(STAND)
    WebDriverWait(browser, 10).until(lambda b: f"/audit/stands/{key}/checklist" in b.current_url)
    photo = huge(tmp_path / "photo.jpg", 100 * 1024 * 1024)
    browser.find_element(By.ID, "item-glare-photo").send_keys(str(photo))
    browser.find_element(By.CSS_SELECTOR, "form.checklist-form button.primary").click()
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.ID, "form-problem"))
    found = violations(browser)
    browser.delete_all_cookies()
    assert not found, "\n".join(f.describe() for f in found)
