"""Load benchmark: a stand page against a static file of the same size, on one waitress.

Starts the real server (`kiosk serve`) on 127.0.0.1 with the demo content, loads it with
wrk from a second process, and prints requests/s, p50 and p99 latency for both URLs,
the server's peak memory, and the bytes each stand page transfers.

    make bench            # or: .venv/bin/python bench/load.py --connections 50 --seconds 10
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.public.blueprint import STAND_PAGES  # noqa: E402

STATIC_DIR = ROOT / "kiosk" / "static" / "_bench"
ASSETS = ("/static/css/kiosk.css", "/assets/panel.css", "/static/js/kiosk.js",
          "/static/icons.svg")
FONTS = ("/static/fonts/NotoSans-Regular.woff2", "/static/fonts/NotoSans-Bold.woff2")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, gzip: bool = False) -> bytes:
    """The bytes as transferred: compressed when asked for, as Chromium always asks."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:  # loopback
        return response.read()


def wait_until_up(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


def wrk(url: str, connections: int, seconds: int, script: Path | None = None,
        threads: int = 1) -> dict[str, float]:
    options = ["-s", str(script)] if script else []
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", *options,
         url], capture_output=True, text=True, check=True).stdout
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}

    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if found is None:
            raise SystemExit(f"wrk reported no latencies:\n{output}")
        value, unit = found.groups()
        return float(value) * units[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def page_weights(base: str) -> None:
    assets = sum(len(fetch(base + path)) for path in ASSETS)
    fonts = sum(len(fetch(base + path)) for path in FONTS)
    print(f"\nShared assets (CSS, JS, icons), cached after the first page: {assets / 1024:.1f} KB;"
          f" font subsets, first load only: {fonts / 1024:.1f} KB")
    print(f"{'page (as transferred to Chromium)':<48} {'HTML KB':>8} {'+assets KB':>11}")
    heaviest = 0
    for lang in ("kk", "ru", "en"):
        for mode in ("", "?mode=large-contrast"):
            for page in STAND_PAGES:
                path = f"/stand/main/{lang}/{page}{mode}"
                html = len(fetch(base + path, gzip=True))
                heaviest = max(heaviest, html + assets)
                print(f"{path:<48} {html / 1024:>8.1f} {(html + assets) / 1024:>11.1f}")
    print(f"Heaviest page with its assets: {heaviest / 1024:.1f} KB (target: at most 40 KB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each run")
    parser.add_argument("--threads", type=int, default=16, help="waitress threads")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: run 'make system' (Debian package wrk)")

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KIOSK_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "KIOSK_SECRET_KEY": "bench", "KIOSK_SPEECH_CACHE_DIR": f"{tmp}/speech"}
        kiosk = [sys.executable, "-m", "kiosk.cli"]
        subprocess.run([*kiosk, "setup"], env=env, check=True, capture_output=True)
        # Speech is prepared first, as on a stand that has been running for a while:
        # the server's own background warm-up then finds everything cached.
        subprocess.run([*kiosk, "speech", "warm"], env=env, check=True, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*kiosk, "serve", "--port", str(port), "--threads",
                                   str(args.threads)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base + "/stand/main/kk/")
            time.sleep(5)  # the server's own speech warm-up pass, over before we measure
            page_url = base + "/stand/main/kk/hours"
            page = fetch(page_url)
            STATIC_DIR.mkdir(exist_ok=True)
            (STATIC_DIR / "page.html").write_bytes(page)
            static_url = base + "/static/_bench/page.html"
            print(f"waitress, {args.threads} threads; wrk, {args.connections} connections, "
                  f"{args.seconds} s per run; both {len(page)} bytes")
            print(f"{'URL':<32} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
            results = {}
            for name, url in (("stand page /stand/main/kk/hours", page_url),
                              ("static file, same size", static_url)):
                results[name] = result = wrk(url, args.connections, args.seconds)
                print(f"{name:<32} {result['rps']:>9.0f} {result['p50']:>8.2f} "
                      f"{result['p99']:>8.2f} {result['errors']:>7}")
            stand, static = results.values()
            print(f"Stand page reaches {stand['rps'] / static['rps']:.0%} of the static file's "
                  f"requests/s (target: at least 50%); p99 {stand['p99']:.1f} ms "
                  "(target: under 25 ms)")
            page_weights(base)
            print(f"\nServer peak memory (VmHWM): {peak_rss_mb(server.pid):.0f} MB "
                  "(target: under 120 MB)")
        finally:
            server.terminate()
            server.wait(10)
            shutil.rmtree(STATIC_DIR, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
