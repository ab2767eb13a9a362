"""Offline stands: what a stand's copy of its pages costs (issue 13, item 1).

Starts the real server (`kiosk serve`, after `kiosk speech warm`, as on a server that has
been running a while) with each KIOSK_OFFLINE setting, opens the demo stand in headless
Chromium in incognito mode as the launcher does (deploy/kiosk-stand.service), and
prints for each: how many addresses the copy holds, its bytes as stored and as sent
(pages compressed, as Chromium asks for them), the time from the stand's first page to
a complete copy, the time the server takes to make the manifest, and the browser's
own count of the storage used.

    make bench-offline     # or: .venv/bin/python bench/offline.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import fetch, free_port, wait_until_up  # noqa: E402

# The worker's answer to "how far is the copy?" (see the message handler in sw.js).
STATE = """
const done = arguments[arguments.length - 1];
const worker = navigator.serviceWorker.controller;
if (!worker) { done(null); return; }
navigator.serviceWorker.addEventListener("message", (event) => {
  if (event.data && event.data.type === "kiosk-state") { done(event.data); }
}, { once: true });
worker.postMessage({ type: "kiosk-state" });
"""

# What the copy holds, cache by cache: addresses and stored bytes.
STORED = """
const done = arguments[arguments.length - 1];
(async () => {
  const result = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const rows = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      rows.push([new URL(request.url).pathname + new URL(request.url).search,
                 (await response.blob()).size]);
    }
    result[name] = rows;
  }
  const estimate = await navigator.storage.estimate();
  done({ caches: result, usage: estimate.usage, quota: estimate.quota });
})();
"""


def ask(driver) -> dict | None:
    return driver.execute_async_script(STATE)


def wait(condition, seconds: float, what: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if condition():
            return time.perf_counter() - started
        time.sleep(0.5)
    raise SystemExit(f"{what} took longer than {seconds:.0f} s")


def sent_bytes(base: str, path: str) -> int:
    """What one address costs on the wire: pages and styles compressed, as sent."""
    return len(fetch(base + path, gzip=True))


def measure(env: dict[str, str], setting: str) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from accessibility_audit.browser import chromium_options, find_executable

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "serve", "--port", str(port)],
                              env={**env, "KIOSK_OFFLINE": setting},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = chromium_options(1920, 1080)
    options.add_argument("--incognito")
    driver = None
    try:
        wait_until_up(base + "/stand/main/kk/")
        manifest_ms = []
        for _ in range(5):
            started = time.perf_counter()
            with urllib.request.urlopen(base + "/stand/main/offline.json") as response:
                manifest = json.load(response)
            manifest_ms.append((time.perf_counter() - started) * 1000)
        driver = webdriver.Chrome(service=Service(find_executable("CHROMEDRIVER", "chromedriver")),
                                  options=options)
        driver.set_script_timeout(120)
        started = time.perf_counter()
        driver.get(base + "/stand/main/?stand=main-hall")
        wait(lambda: (ask(driver) or {}).get("ready"), 900, "the copy")
        copied_s = time.perf_counter() - started
        audio_s = 0.0
        if setting == "full":
            driver.execute_script(
                "navigator.serviceWorker.controller.postMessage({type: 'kiosk-fill'})")
            audio_s = wait(lambda: (ask(driver) or {}).get("pageAudioDone"), 900,
                           "the speech of the pages")
        stored = driver.execute_async_script(STORED)
        rows = {"pages": [], "assets": [], "audio": []}
        for name, entries in stored["caches"].items():
            for path, size in entries:
                if "-speech-" in name:
                    rows["audio"].append((path, size, size))  # Ogg: sent as stored
                elif path.endswith("offline.json"):
                    continue
                else:
                    kind = "pages" if path.startswith("/stand/") else "assets"
                    rows[kind].append((path, size, sent_bytes(base, path)))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(10)
    print(f"\nKIOSK_OFFLINE={setting}")
    print(f"  {'':<36} {'addresses':>9} {'stored MB':>10} {'sent MB':>8}")
    labels = {"pages": "pages (3 languages x 4 modes)", "assets": "styles, scripts, fonts, icons",
              "audio": "speech (Ogg Vorbis, normal rate)"}
    everything = []
    for kind, label in labels.items():
        everything += rows[kind]
        print(f"  {label:<36} {len(rows[kind]):>9} {sum(r[1] for r in rows[kind]) / 1e6:>10.2f}"
              f" {sum(r[2] for r in rows[kind]) / 1e6:>8.2f}")
    print(f"  {'total':<36} {len(everything):>9} {sum(r[1] for r in everything) / 1e6:>10.2f}"
          f" {sum(r[2] for r in everything) / 1e6:>8.2f}")
    print(f"  browser's own count: {stored['usage'] / 1e6:.1f} MB used of a "
          f"{stored['quota'] / 1e6:.0f} MB quota (incognito, as on a stand)")
    print(f"  from the stand's first page to a complete copy: {copied_s:.1f} s")
    if setting == "full":
        print(f"  then the speech of the pages' texts: {audio_s:.1f} s more")
    print(f"  the manifest ({len(manifest['pages'])} pages, the open/closed line and date of "
          f"14 days in 3 languages): median {statistics.median(manifest_ms):.0f} ms to make")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KIOSK_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "KIOSK_SECRET_KEY": "bench", "KIOSK_SPEECH_CACHE_DIR": f"{tmp}/speech",
               "KIOSK_SPEECH_WARM": "0", "KIOSK_OFFLINE": "full"}
        kiosk = [sys.executable, "-m", "kiosk.cli"]
        subprocess.run([*kiosk, "setup"], env=env, check=True, capture_output=True)
        started = time.perf_counter()
        subprocess.run([*kiosk, "speech", "warm"], env=env, check=True, capture_output=True)
        print(f"Speech warm-up of the demo content, offline answers included: "
              f"{time.perf_counter() - started:.0f} s")
        for setting in ("interface", "full"):
            measure(env, setting)
    return 0


if __name__ == "__main__":
    sys.exit(main())
