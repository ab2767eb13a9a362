"""Take the README's screenshots: the demo stand in real headless Chromium.

    .venv/bin/python tools/screenshots.py     (or: make screenshots)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import threading
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from waitress.server import create_server

from accessibility_audit.browser import set_viewport, start_chromium
from kiosk import create_app
from kiosk.admin.accounts import Role, add_user
from kiosk.content import load_file
from kiosk.store import store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
# A Friday morning with announcements on show, so every screenshot has something to say.
MOMENT = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)
SHOTS = (
    ("home-kk-standard", "/stand/main/kk/", (1080, 1920)),
    ("home-kk-large", "/stand/main/kk/?mode=large", (1080, 1920)),
    ("home-kk-contrast", "/stand/main/kk/?mode=contrast", (1080, 1920)),
    ("hours-kk-large-contrast", "/stand/main/kk/hours?mode=large-contrast", (1920, 1080)),
)
ADMIN_SIZE = (1280, 900)
ADMIN_PASSWORD = "screenshots only 2026"


def admin_shots(driver: WebDriver, base: str) -> None:
    """The admin area as an editor meets it: a form with an error, then the location page."""
    set_viewport(driver, *ADMIN_SIZE)
    driver.get(f"{base}/admin/language/kk")
    driver.find_element(By.ID, "username").send_keys("aigerim")
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/admin/"))
    driver.get(f"{base}/admin/locations/main/edit/hours")
    driver.execute_script("document.getElementById('f-hours-tuesday-0-end').value = '08:30'")
    driver.find_element(By.CSS_SELECTOR, "button[name='op'][value='save']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
    _save(driver, "admin-edit-hours-error-kk")
    driver.get(f"{base}/admin/language/ru?next=/admin/locations/main/")
    _save(driver, "admin-location-ru")


def _save(driver: WebDriver, name: str) -> None:
    driver.execute_async_script("document.fonts.ready.then(arguments[arguments.length - 1])")
    driver.save_screenshot(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/shots.sqlite3", "SECRET_KEY": "x",
                          "NOW": MOMENT})
        store(app).upgrade()
        store(app).publish(load_file(ROOT / "content" / "demo.yaml"), author="screenshots")
        with store(app).sessions.begin() as db:
            add_user(db, "aigerim", ADMIN_PASSWORD, Role.EDITOR, "Айгерім Сейітқызы", ("main",))
        server = create_server(app, host="127.0.0.1", port=0, threads=4)
        threading.Thread(target=server.run, daemon=True).start()
        driver = start_chromium()
        try:
            OUT.mkdir(parents=True, exist_ok=True)
            for name, path, size in SHOTS:
                set_viewport(driver, *size)
                driver.get(f"http://127.0.0.1:{server.effective_port}{path}")
                _save(driver, name)
            admin_shots(driver, f"http://127.0.0.1:{server.effective_port}")
        finally:
            driver.quit()
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
