"""Concurrency benchmark: editors publishing while stands read, against one real server.

20 editors (threads, each signed in through the admin area) keep changing and publishing
their own building; two buildings make an organisation, so pairs of editors compete for
the same revision numbers. Meanwhile wrk plays 200 stand clients reading every stand page
of every building in every language. At the end it prints requests served, the p50, p95
and p99 latency of stand pages as wrk saw them and as the server did (Server-Timing),
the pages rendered while their reader waited, the stand process's CPU time per page and
the time it waited for a core, errors, publications and lost edits (a publication the
server confirmed whose change is not in the revision it was confirmed as, or not in the
final content), how long a confirmed publication took to show on its building's stand
page, and the machine's load average during the run: the figures depend on what else
the machine runs.

    make bench-concurrency        # SQLite, then PostgreSQL
    .venv/bin/python bench/concurrency.py --database sqlite --seconds 20
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import fetch, free_port, peak_rss_mb, wait_until_up, wrk  # noqa: E402
from kiosk.auth import Role, add_user  # noqa: E402
from kiosk.content import load_file  # noqa: E402
from kiosk.public.blueprint import STAND_PAGES  # noqa: E402
from kiosk.store import ContentStore  # noqa: E402
from tests.admin_forms import filled  # noqa: E402

PASSWORD = "bench password 2026"
# How often a watch reads a building's page for a publication, and for how long at most.
WATCH_EVERY = 0.25
WATCH_LIMIT = 60.0


class Session:
    """A signed-in manager's browser, reduced to cookies over one kept-alive connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields: list[tuple[str, str]] | None = None
                ) -> tuple[int, str, str]:
        try:
            return self._request(method, path, fields)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server may close a kept-alive connection between requests, as browsers
            # know; a browser then opens a new one and sends the request again.
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            return self._request(method, path, fields)

    def _request(self, method: str, path: str, fields: list[tuple[str, str]] | None
                 ) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), text


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html)[1]


@dataclass
class Editor:
    number: int
    location: str
    every: float = 5.0
    # When the information changed, as publishing asks: a day past whatever the clock says.
    information_on: str = "2024-01-02"
    published: list[tuple[int, str]] = field(default_factory=list)  # (revision, e-mail)
    unconfirmed: list[str] = field(default_factory=list)  # sent, answer not seen
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    # Seconds from a confirmed publication to its change on the stands' page, and the
    # watches that were still waiting when the run ended (see watch()).
    live_after: list[float] = field(default_factory=list)
    watches: list[threading.Thread] = field(default_factory=list)
    stand_port: int = 0

    def sign_in(self, port: int) -> Session | None:
        session = Session(port)
        session.request("GET", "/admin/language/en")
        _s, _l, html = session.request("GET", "/admin/login")
        status, _l, _t = session.request("POST", "/admin/login", [
            ("username", f"editor{self.number}"), ("password", PASSWORD),
            ("csrf_token", token(html))])
        if status != 302:
            self.errors.append(f"sign-in answered {status}")
            return None
        return session

    def run(self, session: Session, stop: threading.Event) -> None:
        form = f"/admin/locations/{self.location}/edit/contacts"
        attempt = 0
        # Editors start at different moments, as people do.
        stop.wait(self.every * self.number / 20)
        while not stop.is_set():
            started = time.monotonic()
            self.cycle(session, form, attempt := attempt + 1)
            stop.wait(max(0.0, self.every - (time.monotonic() - started)))

    def cycle(self, session: Session, form: str, attempt: int) -> None:
        email = f"editor{self.number}-{attempt}@bench.kz"
        status, _l, html = session.request("GET", form)
        status, _l, _t = session.request(
            "POST", form, filled(html, {"contacts.email": email}))
        if status != 302:
            self.errors.append(f"saving the draft answered {status}")
            return
        status, _l, page = session.request("GET", f"/admin/locations/{self.location}/")
        self.unconfirmed.append(email)
        status, _l, _t = session.request(
            "POST", f"/admin/locations/{self.location}/publish",
            [("csrf_token", token(page)), ("information_on", self.information_on)])
        if status == 409:
            self.conflicts += 1
            return
        if status != 302:
            self.errors.append(f"publishing answered {status}")
            return
        _s, _l, page = session.request("GET", f"/admin/locations/{self.location}/")
        match = re.search(r"Published as revision (\d+)", page)
        if match is None:
            self.errors.append("publication not confirmed")
            return
        self.unconfirmed.clear()
        self.published.append((int(match[1]), email))
        if self.stand_port:
            watch = threading.Thread(target=self.watch, args=(attempt, time.monotonic()),
                                     daemon=True)
            self.watches.append(watch)
            watch.start()

    def watch(self, attempt: int, confirmed: float) -> None:
        """How long the stands take to show a confirmed publication: the building's
        contacts page, read as a stand reads it (from the stand server, every
        ``WATCH_EVERY`` s, on a connection of its own), until it shows this e-mail address
        or a later one of this editor's (which means this one went live, or was
        overtaken). Its own thread, so the editor keeps their pace."""
        page = f"/stand/{self.location}/en/contacts"
        # The page keeps an address on one line with a non-breaking hyphen.
        seen = re.compile(rf"editor{self.number}[-\u2011](\d+)@bench\.kz")
        connection = http.client.HTTPConnection("127.0.0.1", self.stand_port, timeout=30)
        try:
            while time.monotonic() - confirmed < WATCH_LIMIT:
                try:
                    connection.request("GET", page)
                    html = connection.getresponse().read().decode()
                except (http.client.HTTPException, OSError):
                    return  # the server has ended with the run
                if any(int(n) >= attempt for n in seen.findall(html)):
                    self.live_after.append(time.monotonic() - confirmed)
                    return
                time.sleep(WATCH_EVERY)
        finally:
            connection.close()


def prepare(url: str, editors: int) -> None:
    """Organisations of two buildings each, as on a central server for a region, one
    editor per building; the two editors of an organisation compete for its revisions."""
    demo = load_file(ROOT / "content" / "demo.yaml")
    main = demo.locations["main"].model_copy(update={"stands": []})
    store = ContentStore(url)
    store.upgrade()
    for org in range(1, (editors + 1) // 2 + 1):
        numbers = [n for n in (2 * org - 1, 2 * org) if n <= editors]
        organisation = demo.organisation.model_copy(update={"id": organisation_id(numbers[0])})
        store.publisher.publish(demo.model_copy(update={
            "organisation": organisation, "default_location": None,
            "locations": {location_id(n): main for n in numbers}}), "bench")
    with store.sessions.begin() as db:
        for n in range(1, editors + 1):
            add_user(db, f"editor{n}", PASSWORD, Role.EDITOR, f"Editor {n}", (location_id(n),))
    store.dispose()


def location_id(editor: int) -> str:
    return f"bench-{editor:02d}"


def organisation_id(editor: int) -> str:
    return f"bench-org-{(editor + 1) // 2:02d}"


def stand_paths(editors: int) -> list[str]:
    # The information pages, which stands read all day; the call-for-assistance page is
    # a visitor's rare action with a form of its own, not part of the reading load.
    pages = [page for page in STAND_PAGES if page != "assistance"]
    return [f"/stand/{location_id(n)}/{lang}/{page}"
            for n in range(1, editors + 1) for lang in ("kk", "ru", "en") for page in pages]


def stand_script(directory: Path, editors: int, interval_ms: int) -> Path:
    """wrk's script: each connection is a stand whose visitor opens a page every
    ``interval_ms`` (wrk measures latency from sending to the answer, not the pause).
    It also gathers the server's own time of each page (its Server-Timing header) and
    prints the percentiles of both."""
    paths = stand_paths(editors)
    script = directory / "stands.lua"
    script.write_text(
        "local paths = " + json.dumps(paths).replace("[", "{").replace("]", "}") + "\n"
        "local i = math.random(#paths)\n"
        "local threads = {}\n"
        "setup = function(thread) table.insert(threads, thread) end\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        "  return wrk.format('GET', paths[i], {['Accept-Encoding'] = 'gzip'})\n"
        "end\n"
        f"delay = function() return {interval_ms} end\n"
        # Server times in tenths of a millisecond, counted per thread (wrk threads share
        # nothing but what done() reads from each).
        "server = {}\n"
        "rendered = 0\n"
        "response = function(status, headers, body)\n"
        "  local timing = headers['Server-Timing'] or ''\n"
        "  local ms = tonumber(string.match(timing, 'dur=([%d.]+)'))\n"
        "  if string.find(timing, 'rendered', 1, true) then rendered = rendered + 1 end\n"
        "  if ms then\n"
        "    local tenth = math.floor(ms * 10)\n"
        "    server[tenth] = (server[tenth] or 0) + 1\n"
        "  end\n"
        "end\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('p95 %dus\\n', latency:percentile(95)))\n"
        "  local counts, total, renders = {}, 0, 0\n"
        "  for _, thread in ipairs(threads) do\n"
        "    renders = renders + thread:get('rendered')\n"
        "    for tenth, n in pairs(thread:get('server')) do\n"
        "      counts[tenth] = (counts[tenth] or 0) + n\n"
        "      total = total + n\n"
        "    end\n"
        "  end\n"
        "  local tenths = {}\n"
        "  for tenth in pairs(counts) do table.insert(tenths, tenth) end\n"
        "  table.sort(tenths)\n"
        "  io.write(string.format('rendered %d\\n', renders))\n"
        "  for _, p in ipairs({50, 95, 99}) do\n"
        "    local seen = 0\n"
        "    for _, tenth in ipairs(tenths) do\n"
        "      seen = seen + counts[tenth]\n"
        "      if seen >= total * p / 100 then\n"
        "        io.write(string.format('server p%d %.1fms\\n', p, (tenth + 1) / 10))\n"
        "        break\n"
        "      end\n"
        "    end\n"
        "  end\n"
        "end\n")
    return script


def renderers(pid: int) -> list[int]:
    """The rendering process ``pid`` started (multiprocessing's spawned child; the
    speech engine is a child too, and not counted)."""
    return [int(child) for listing in Path(f"/proc/{pid}/task").glob("*/children")
            for child in listing.read_text().split()
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()]


def scheduling(pid: int) -> tuple[float, float]:
    """Seconds the process's threads have so far run on a core, and waited for one while
    ready to run (Linux schedstat): the second is what the machine's load costs it."""
    ran = waited = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            on_cpu, on_queue, _slices = stat.read_text().split()
        except (OSError, ValueError):
            continue  # a thread that has just ended
        ran += int(on_cpu)
        waited += int(on_queue)
    return ran / 1e9, waited / 1e9


def lost_edits(url: str, editors: list[Editor]) -> int:
    store = ContentStore(url)
    lost = 0
    for editor in editors:
        revisions = store.publisher.revisions(organisation_id(editor.number))
        by_number = {r.number: json.loads(r.content) for r in revisions}
        latest = by_number[max(by_number)]
        for number, email in editor.published:
            if by_number[number]["locations"][editor.location]["contacts"].get("email") != email:
                lost += 1
        if editor.published:
            # The last confirmed change, unless a later one was sent when the run ended.
            final = latest["locations"][editor.location]["contacts"].get("email")
            lost += final != editor.published[-1][1] and final not in editor.unconfirmed
    store.dispose()
    return lost


@contextmanager
def database(kind: str, tmp: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp}/bench.sqlite3"
        return
    # The tests' throwaway cluster: 127.0.0.1 only, removed afterwards (fsync is off there,
    # as on a server whose disk has a battery-backed cache).
    from tests.postgresql import PostgresServer

    server = PostgresServer.start()
    try:
        with server.database() as url:
            yield url
    finally:
        server.stop()


def start_server(port: int, env: dict[str, str], threads: int, log: TextIO
                 ) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "serve", "--port", str(port), "--threads",
         str(threads)], env=env, stdout=log, stderr=log)


def run(kind: str, layout: str, seconds: int, editors: int, clients: int, threads: int,
        every: float, interval_ms: int) -> dict[str, float]:
    """One run. ``layout`` "single": stands and editors on one process; "split": the
    admin area on a process of its own, as deploy/nginx-kiosk.conf routes it."""
    with tempfile.TemporaryDirectory() as name, database(kind, Path(name)) as url:
        tmp = Path(name)
        prepare(url, editors)
        env = {**os.environ, "KIOSK_DATABASE_URL": url, "KIOSK_SECRET_KEY": "bench",
               "KIOSK_SPEECH_CACHE_DIR": f"{tmp}/speech", "KIOSK_SPEECH_WARM": "0",
               "KIOSK_SERVER_TIMING": "1"}
        # The servers' log goes to a file: a pipe nobody reads would fill up and stop them.
        log = (tmp / "server.log").open("w")
        stand_port = free_port()
        servers = [start_server(stand_port, env, threads, log)]
        admin_port = stand_port
        if layout == "split":
            admin_port = free_port()
            servers.append(start_server(admin_port, env, threads, log))
        try:
            base = f"http://127.0.0.1:{stand_port}"
            # A server starts in seconds, or in a minute on a machine busy with other work.
            wait_until_up(base + f"/stand/{location_id(1)}/kk/", seconds=90)
            wait_until_up(f"http://127.0.0.1:{admin_port}/admin/login", seconds=90)
            # Stands find a running server with its pages rendered: so does the benchmark.
            for path in stand_paths(editors):
                fetch(base + path, gzip=True)
            script = stand_script(tmp, editors, interval_ms)
            stop = threading.Event()
            team = [Editor(n, location_id(n), every, stand_port=stand_port)
                    for n in range(1, editors + 1)]
            # Editors are signed in before the clock starts: sign-in is argon2, slow on
            # purpose, and not what this benchmark measures.
            sessions = [e.sign_in(admin_port) for e in team]
            workers = [threading.Thread(target=e.run, args=(session, stop))
                       for e, session in zip(team, sessions, strict=True) if session]
            for worker in workers:
                worker.start()
            load_before = os.getloadavg()[0]
            ran_before, waited_before = scheduling(servers[0].pid)
            reading = wrk(base + "/", clients, seconds, script, threads=2)
            ran_after, waited_after = scheduling(servers[0].pid)
            renderer_mb = sum(peak_rss_mb(child) for child in renderers(servers[0].pid))
            load_after = os.getloadavg()[0]
            stop.set()
            for worker in workers:
                worker.join(60)
            # The publications of the last seconds have their time to go live too.
            for watch in [w for e in team for w in e.watches]:
                watch.join(WATCH_LIMIT)  # a watch gives up by then
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(20)
            log.close()
        server_log = (tmp / "server.log").read_text()
        if "Traceback" in server_log:
            kept = Path(tempfile.gettempdir()) / f"kiosk-bench-{kind}-{layout}-server.log"
            kept.write_text(server_log)
            print(f"  the server logged errors: see {kept}")
        errors = [message for editor in team for message in editor.errors]
        live_after = sorted(t for editor in team for t in editor.live_after)
        return {
            "live_p50": live_after[len(live_after) // 2] if live_after else float("nan"),
            "live_max": live_after[-1] if live_after else float("nan"),
            "not_live": sum(len(e.published) for e in team) - len(live_after),
            "requests": reading["requests"],
            "p50": reading["p50"],
            "p95": reading["p95"],
            "p99": reading["p99"],
            "server_p50": reading.get("server_p50", float("nan")),
            "server_p99": reading.get("server_p99", float("nan")),
            "rendered": reading.get("rendered", 0),
            "renderer_mb": renderer_mb,
            # The stand process's CPU time per page (its share of editors' work and of
            # rendering included), and the seconds per second it waited for a core.
            "cpu_ms": (ran_after - ran_before) * 1000 / max(1, reading["requests"]),
            "waited": (waited_after - waited_before) / seconds,
            "load": max(load_before, load_after),
            "stand_errors": reading["errors"] + reading["socket_errors"],
            "stand_statuses": reading["errors"],
            "stand_sockets": reading["socket_errors"],
            "editor_errors": len(errors),
            "publications": sum(len(e.published) for e in team),
            "conflicts": sum(e.conflicts for e in team),
            "lost": lost_edits(url, team),
            "server_errors": server_log.count("Traceback"),
            "first_error": errors[0] if errors else "",
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"),
                        default="both")
    parser.add_argument("--seconds", type=int, default=20, help="duration of the run")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--clients", type=int, default=200, help="stand clients (wrk)")
    parser.add_argument("--threads", type=int, default=16, help="waitress threads")
    parser.add_argument("--publish-every", type=float, default=5.0,
                        help="seconds between one editor's publications (a cycle is: open "
                             "the form, save the draft, open the location, publish, confirm)")
    parser.add_argument("--layout", choices=("single", "split", "both"), default="both",
                        help="single: one process serves stands and editors; split: the "
                             "admin area has a process of its own (the recommended set-up)")
    parser.add_argument("--stand-interval", type=int, default=1000,
                        help="milliseconds between two pages of one stand client (a visitor "
                             "touching a new page every second is a busy stand)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: run 'make system' (Debian package wrk)")
    kinds = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    layouts = ("single", "split") if args.layout == "both" else (args.layout,)
    print(f"{args.editors} editors each publishing every {args.publish_every:g} s and "
          f"{args.clients} stand clients each opening a page every {args.stand_interval} ms, "
          f"for {args.seconds} s; waitress, {args.threads} threads per process")
    print(f"{'database':<11} {'processes':<15} {'stand req':>10} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'server p50':>10} {'server p99':>10} {'rendered':>8} "
          f"{'CPU ms/req':>10} "
          f"{'core wait':>9} {'errors':>7} {'published':>10} {'conflicts':>10} {'lost':>5} "
          f"{'live s p50':>10} {'live s max':>10} {'load':>5}")
    failed = False
    for kind in kinds:
        for layout in layouts:
            r = run(kind, layout, args.seconds, args.editors, args.clients, args.threads,
                    args.publish_every, args.stand_interval)
            errors = r["stand_errors"] + r["editor_errors"] + r["server_errors"]
            processes = "one for all" if layout == "single" else "stands + admin"
            print(f"{kind:<11} {processes:<15} {r['requests']:>10} {r['p50']:>7.1f} "
                  f"{r['p95']:>7.1f} {r['p99']:>7.1f} {r['server_p50']:>10.1f} "
                  f"{r['server_p99']:>10.1f} {r['rendered']:>8} {r['cpu_ms']:>10.2f} "
                  f"{r['waited']:>9.2f} "
                  f"{errors:>7} {r['publications']:>10} {r['conflicts']:>10} {r['lost']:>5} "
                  f"{r['live_p50']:>10.2f} {r['live_max']:>10.2f} {r['load']:>5.1f}")
            print(f"  rendering process of the stand server: {r['renderer_mb']:.0f} MB peak")
            if r["stand_errors"]:
                print(f"  stand errors: {r['stand_statuses']:g} answered with an error status, "
                      f"{r['stand_sockets']:g} connection errors or timeouts (wrk waits 2 s)")
            if r["not_live"]:
                print(f"  {r['not_live']} confirmed publications not seen on the stands' page "
                      f"within {WATCH_LIMIT:g} s")
            if r["first_error"]:
                print(f"  first editor error: {r['first_error']}")
            failed |= errors > 0 or r["lost"] > 0 or r["not_live"] > 0
    print("Targets: stand p99 under 50 ms, 0 errors, 0 lost edits. p50/p95/p99: as wrk "
          "measures them, from sending to the answer; server p50/p99: from the request "
          "reaching the app to its answer (Server-Timing; waitress's queue not included). "
          "Rendered: stand pages rendered while their reader waited (the rest came from "
          "memory). "
          "CPU ms/req: the stand process's CPU time per page served (editors' and "
          "rendering's share included). Core wait: seconds per second the stand process's "
          "threads were ready to run and waited for a core. Live s: seconds from an editor's "
          "confirmed publication to its change on the building's stand page (read every "
          f"{WATCH_EVERY:g} s). Load: the machine's 1-minute "
          "load average around the run (2 cores: above 2, others wait for a core).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
