"""Throughput of a11y-audit against @axe-core/cli on a generated local site.

Generates a site of --pages pages (a shared header and footer, forms, tables,
images, frames and a spread of known barriers), serves it on 127.0.0.1 from a
separate process, and audits every page with:

- @axe-core/cli (npm, installed into .tools/axe-cli/ without its driver download),
  given the same axe-core file as a11y-audit (the one `make install` fetched, else
  axe-selenium-python's bundled build), so both run the same axe-core version, the
  machine's Chromium and chromedriver, and the same WCAG 2.2 AA tags;
- a11y-audit with 1, 2 and 4 workers, running axe only (the scanner's own checks
  skipped, so both tools do the same work), and once more with 2 workers as a scan
  runs by default, own checks included, to show what they cost.

It prints pages per minute, the ratio to @axe-core/cli, the peak memory of each
a11y-audit worker (its Chromium included), and whether both tools found exactly
the same violations (page, rule and element).

    make bench-audit      # or: .venv/bin/python bench/audit_throughput.py --pages 120
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accessibility_audit import wcag  # noqa: E402
from accessibility_audit.checks.rules import RULES  # noqa: E402
from accessibility_audit.checks.selection import own_rules  # noqa: E402
from accessibility_audit.engine.audit import selector_text  # noqa: E402
from accessibility_audit.engine.frames import AxeScript  # noqa: E402
from accessibility_audit.store import Store  # noqa: E402

# The newest @axe-core/cli; it is given a11y-audit's axe-core file (--axe-source),
# whatever axe-core its own dependency range would bring.
AXE_CLI_VERSION = "4.13.0"
# A prefix of its own: `npm install --no-save` removes whatever else a prefix holds
# (the Grid jar and axe-core the Makefile installs).
AXE_CLI_PREFIX = ROOT / ".tools" / "axe-cli"
AXE_CLI = AXE_CLI_PREFIX / "node_modules" / ".bin" / "axe"
AXE = AxeScript()
RESULTS = ROOT / "bench" / "results"
TARGET_RATIO = 2.0
TARGET_MB = 350
VIEWPORT = (1280, 800)


# The generated site

HEADER = """<header><a href="/" class="logo"><img src="/logo.png" alt="{logo_alt}"></a>
<nav aria-label="Main"><ul>{links}</ul></nav></header>"""
PAGE = """<!doctype html>
<html{lang}><head><meta charset="utf-8"><title>Agency page {n}</title>
<style>body {{ font: 16px/1.5 sans-serif; margin: 1rem; }} nav li {{ display: inline-block;
margin: 0 1rem 0 0; padding: .5rem 0; }} .faint {{ color: #aaa; }}</style></head>
<body>{header}<main><h1>Agency page {n}</h1>
<p>Page {n} of the generated agency site: services, hours and contacts.</p>
{content}</main><footer><p>Footer of the agency, <a href="/page-0.html">home</a>.</p></footer>
</body></html>
"""


def page_html(n: int, pages: int) -> str:
    links = "".join(f'<li><a href="/page-{(n + k) % pages}.html">Section {k}</a></li>'
                    for k in range(1, 8))
    # The logo's empty alt is a template barrier on every third page.
    header = HEADER.format(logo_alt="" if n % 3 == 0 else "Agency logo", links=links)
    parts = [f"<p>Paragraph {i} about public services, with enough words to wrap.</p>"
             for i in range(12)]
    if n % 2 == 0:
        parts.append(f'<img src="/photo-{n}.png">')                       # image-alt
    if n % 5 == 0:
        parts.append('<p class="faint">Low-contrast notice.</p>')         # color-contrast
    if n % 4 == 0:
        parts.append('<form><input type="text" name="q"></form>')         # label
    else:
        parts.append('<form><label>Search <input type="text" name="q"></label></form>')
    if n % 7 == 0:
        parts.append('<a href="/page-0.html"></a>')                       # link-name
    if n % 10 == 0:
        parts.append(f'<iframe title="Embedded form" src="/frame-{n}.html" width="300" '
                     'height="120"></iframe>')
    parts.append("<table><caption>Hours</caption><tr><th scope='col'>Day</th>"
                 "<th scope='col'>Hours</th></tr>"
                 + "".join(f"<tr><td>Day {d}</td><td>09:00–18:00</td></tr>" for d in range(5))
                 + "</table>")
    lang = "" if n % 11 == 0 else ' lang="en"'                           # html-has-lang
    return PAGE.format(lang=lang, n=n, header=header, content="\n".join(parts))


FRAME = """<!doctype html><html lang="en"><head><title>Form {n}</title></head>
<body><form><input type="email" name="e"></form></body></html>"""
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def generate(folder: Path, pages: int) -> None:
    for n in range(pages):
        (folder / f"page-{n}.html").write_text(page_html(n, pages))
        (folder / f"photo-{n}.png").write_bytes(PIXEL)
        if n % 10 == 0:
            (folder / f"frame-{n}.html").write_text(FRAME.format(n=n))
    (folder / "logo.png").write_bytes(PIXEL)
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The runs

def ensure_axe_cli() -> None:
    package = AXE_CLI_PREFIX / "node_modules" / "@axe-core" / "cli" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == AXE_CLI_VERSION:
        return
    # --ignore-scripts: the CLI's chromedriver dependency would download a driver;
    # it is given Debian's instead.
    subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts",
                    "--prefix", str(AXE_CLI_PREFIX), f"@axe-core/cli@{AXE_CLI_VERSION}"],
                   check=True)


def run_axe_cli(urls: list[str], out: Path) -> tuple[float, set[tuple[str, str, str]]]:
    tags = ",".join(wcag.tags_for("wcag22aa"))
    options = ("headless=new,no-sandbox,disable-gpu,disable-dev-shm-usage,"
               f"window-size={VIEWPORT[0]},{VIEWPORT[1]}")
    started = time.monotonic()
    subprocess.run([str(AXE_CLI), *urls, "--tags", tags, "--axe-source", str(AXE.path),
                    "--chromedriver-path", shutil.which("chromedriver"),
                    "--chrome-path", shutil.which("chromium"), "--chrome-options", options,
                    "--save", "axe-cli.json", "--dir", str(out), "--no-reporter"],
                   check=True, capture_output=True)
    elapsed = time.monotonic() - started
    results = json.loads((out / "axe-cli.json").read_text())
    found = {(r["url"], v["id"], selector_text(node["target"]))
             for r in results for v in r["violations"] for node in v["nodes"]}
    return elapsed, found


# The own checks a scan runs by default (WCAG 2.2 AA): skipped to compare like with like.
OWN_DEFAULT = tuple(rule.id for rule in own_rules(wcag.tags_for("wcag22aa")))


def run_a11y_audit(url_file: Path, workers: int, db: Path, own_checks: bool = False,
                   extra: tuple[str, ...] = ()) -> tuple[float, PeakMemory, set]:
    skips = [] if own_checks else [arg for rule in OWN_DEFAULT for arg in ("--skip-rule", rule)]
    skips += extra
    command = [str(ROOT / ".venv" / "bin" / "a11y-audit"), "scan", "--urls-file", str(url_file),
               "--workers", str(workers), "--delay", "0", "--quiet", "--allow-page-errors",
               # The same tags as @axe-core/cli's run: a scan's default adds best practice.
               "--db", str(db), "--no-best-practice", *skips]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = PeakMemory(process.pid)
    peak.start()
    process.wait()
    elapsed = time.monotonic() - started
    peak.stop()
    if process.returncode != 0:
        raise SystemExit(f"a11y-audit exited with {process.returncode}")
    scan = Store(str(db)).load(1)
    found = {(page.url, issue.rule, issue.selector) for page in scan.pages
             for _fid, issue in page.issues
             if issue.outcome == "violation" and issue.rule not in RULES}
    return elapsed, peak, found


class PeakMemory(threading.Thread):
    """Highest memory of any one worker: its chromedriver, Chromium and helpers (USS,
    what ending them would free) plus its share of the scanner's own process."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.scanner = psutil.Process(pid)
        self.per_worker_mb = 0.0
        self.browser_mb = 0.0
        self.scanner_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.25):
            try:
                drivers = [p for p in self.scanner.children() if p.name() == "chromedriver"]
                own = self.scanner.memory_full_info().uss
            except psutil.Error:
                continue
            self.scanner_mb = max(self.scanner_mb, own / 2**20)
            for driver in drivers:
                browser = 0
                try:
                    for process in [driver, *driver.children(recursive=True)]:
                        browser += process.memory_full_info().uss
                except psutil.Error:
                    continue
                self.browser_mb = max(self.browser_mb, browser / 2**20)
                total = browser + own / len(drivers)
                self.per_worker_mb = max(self.per_worker_mb, total / 2**20)

    def stop(self) -> None:
        self._done.set()
        self.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    ensure_axe_cli()
    with tempfile.TemporaryDirectory(prefix="a11y-bench-") as temp:
        folder = Path(temp)
        site = folder / "site"
        site.mkdir()
        generate(site, args.pages)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                                   str(port), "--directory", str(site)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1)
            urls = [f"http://127.0.0.1:{port}/page-{n}.html" for n in range(args.pages)]
            url_file = folder / "urls.txt"
            url_file.write_text("\n".join(urls) + "\n")
            report = measure(urls, url_file, folder, args.workers)
        finally:
            server.terminate()
            server.wait()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "audit-throughput.json").write_text(json.dumps(report, indent=2))
    return 0 if report["targets_met"] else 1


def measure(urls: list[str], url_file: Path, folder: Path, workers: list[int]) -> dict:
    pages = len(urls)
    cli_seconds, cli_found = run_axe_cli(urls, folder)
    cli_rate = pages / cli_seconds * 60
    print(f"{pages} pages, axe-core {AXE.version} in both tools ({AXE.path}), "
          f"{os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start\n")
    print("MB/worker: peak of one browser's processes (USS) plus the scanner process's "
          "USS shared out among the workers.\n")
    print(f"{'tool':<26}{'pages/min':>10}{'ratio':>8}{'MB/worker':>11}{'browser':>9}"
          f"{'scanner':>9}  same violations")
    print(f"{'@axe-core/cli ' + AXE_CLI_VERSION:<26}{cli_rate:>10.1f}{1.0:>8.2f}{'-':>11}"
          f"{'-':>9}{'-':>9}  "
          f"(reference: {len(cli_found)} violating elements)")
    runs = {}
    for count in workers:
        seconds, peak, found = run_a11y_audit(url_file, count, folder / f"w{count}.sqlite3")
        memory = peak.per_worker_mb
        rate = pages / seconds * 60
        same = found == cli_found
        runs[count] = {"seconds": round(seconds, 2), "pages_per_minute": round(rate, 1),
                       "ratio": round(rate / cli_rate, 2), "peak_mb_per_worker": round(memory),
                       "peak_mb_one_browser": round(peak.browser_mb),
                       "peak_mb_scanner_process": round(peak.scanner_mb),
                       "same_violations": same,
                       "only_a11y_audit": sorted(map(list, found - cli_found))[:10],
                       "only_axe_cli": sorted(map(list, cli_found - found))[:10]}
        print(f"{f'a11y-audit, {count} worker' + ('s' if count > 1 else ''):<26}{rate:>10.1f}"
              f"{rate / cli_rate:>8.2f}{memory:>11.0f}{peak.browser_mb:>9.0f}"
              f"{peak.scanner_mb:>9.0f}  {'yes' if same else 'NO'}")
    seconds, _peak, found = run_a11y_audit(url_file, 2, folder / "own.sqlite3", own_checks=True)
    rate = pages / seconds * 60
    runs["2+own"] = {"seconds": round(seconds, 2), "pages_per_minute": round(rate, 1),
                     "ratio": round(rate / cli_rate, 2), "same_violations": found == cli_found}
    print(f"{'  + own checks (default)':<26}{rate:>10.1f}{rate / cli_rate:>8.2f}{'':>29}  "
          f"{'yes' if found == cli_found else 'NO'} (axe's)")
    # The thorough profile: the own checks that press Tab through each page (focus
    # visible, not obscured, keyboard traps) and axe's experimental rules on top.
    seconds, peak, found = run_a11y_audit(url_file, 2, folder / "thorough.sqlite3",
                                          own_checks=True, extra=("--profile", "thorough"))
    rate = pages / seconds * 60
    runs["2+thorough"] = {"seconds": round(seconds, 2), "pages_per_minute": round(rate, 1),
                          "ratio": round(rate / cli_rate, 2),
                          "peak_mb_per_worker": round(peak.per_worker_mb),
                          "finds_every_cli_violation": cli_found <= found}
    print(f"{'  thorough (interaction)':<26}{rate:>10.1f}{rate / cli_rate:>8.2f}"
          f"{peak.per_worker_mb:>11.0f}{peak.browser_mb:>9.0f}{peak.scanner_mb:>9.0f}  "
          f"{'all of axe-cli' if cli_found <= found else 'NOT all of axe-cli'}")
    two = runs.get(2)
    met = bool(two and two["ratio"] >= TARGET_RATIO and all(
        r.get("same_violations", True) and r.get("peak_mb_per_worker", 0) < TARGET_MB
        for r in runs.values()))
    print(f"\nTargets (2 workers, axe only, ≥ {TARGET_RATIO}× @axe-core/cli, identical violations, "
          f"< {TARGET_MB} MB per worker): {'met' if met else 'NOT met'}")
    return {"pages": pages, "axe_core": AXE.version,
            "axe_cli": {"version": AXE_CLI_VERSION, "seconds": round(cli_seconds, 2),
                                        "pages_per_minute": round(cli_rate, 1),
                                        "violating_elements": len(cli_found)},
            "a11y_audit": runs, "targets_met": met}


if __name__ == "__main__":
    sys.exit(main())
