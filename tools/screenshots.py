"""Take the README's screenshots: the demo stand in real headless Chromium.

    .venv/bin/python tools/screenshots.py     (or: make screenshots)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import threading
from pathlib import Path

from waitress.server import create_server

from accessibility_audit.browser import set_viewport, start_chromium
from kiosk import create_app
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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/shots.sqlite3", "SECRET_KEY": "x",
                          "NOW": MOMENT})
        store(app).upgrade()
        store(app).publish(load_file(ROOT / "content" / "demo.yaml"), author="screenshots")
        server = create_server(app, host="127.0.0.1", port=0, threads=4)
        threading.Thread(target=server.run, daemon=True).start()
        driver = start_chromium()
        try:
            OUT.mkdir(parents=True, exist_ok=True)
            for name, path, size in SHOTS:
                set_viewport(driver, *size)
                driver.get(f"http://127.0.0.1:{server.effective_port}{path}")
                driver.execute_async_script(
                    "document.fonts.ready.then(arguments[arguments.length - 1])")
                driver.save_screenshot(str(OUT / f"{name}.png"))
                print(OUT / f"{name}.png")
        finally:
            driver.quit()
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
