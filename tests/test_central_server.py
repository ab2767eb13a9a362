"""A central server: several real `kiosk serve` processes sharing one PostgreSQL database,
as they run behind nginx (deploy/nginx-kiosk.conf)."""

from __future__ import annotations

import datetime as dt
import html
import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.qr import qr_svg
from kiosk.store import ContentStore
from tests.postgresql import PostgresServer, free_port

PASSWORD = "correct horse battery"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    def get(self, path: str, headers: dict[str, str] | None = None) -> str:
        request = urllib.request.Request(self.base + path, headers=headers or {})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read().decode()


def start(tmp_path: Path, url: str, name: str, **settings: str) -> Server:
    port = free_port()
    env = {**os.environ, "KIOSK_DATABASE_URL": url,
           # Every process of a central server has the same key (deploy/kiosk.env.example).
           "KIOSK_SECRET_KEY": "one key for every process",
           "KIOSK_SPEECH_WARM": "0", "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech"),
           **{f"KIOSK_{key}": value for key, value in settings.items()}}
    with (tmp_path / f"{name}.log").open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "serve", "--host",
                                    "127.0.0.1", "--port", str(port), "--threads", "4"],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}")
    try:
        wait_until_up(server, tmp_path / f"{name}.log")
    except BaseException:
        stop([server])
        raise
    return server


def wait_until_up(server: Server, log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            server.get("/stand/main/kk/live.json")
            return
        except (urllib.error.URLError, ConnectionError):
            assert server.process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"{server.base} did not start"
            time.sleep(0.2)


def stop(servers: list[Server]) -> None:
    for server in servers:
        server.process.terminate()
    for server in servers:
        server.process.wait(timeout=10)


def without_website(content: Content) -> Content:
    """The demo without a website, so each page's QR code is the page's own address."""
    organisation = content.organisation.model_copy(update={"website": None})
    return content.model_copy(update={"organisation": organisation})


@pytest.fixture(scope="module")
def database(postgresql_server: PostgresServer, demo_content: Content) -> Iterator[str]:
    with postgresql_server.database() as url:
        content_store = ContentStore(url)
        content_store.upgrade()
        content_store.publisher.publish(without_website(demo_content), author="tests")
        with content_store.sessions.begin() as db:
            add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR)
        content_store.dispose()
        yield url


@pytest.fixture(scope="module")
def servers(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Server]]:
    tmp_path = tmp_path_factory.mktemp("central")
    started: list[Server] = []
    try:
        # The first believes the proxy's headers, as behind deploy/nginx-kiosk.conf.
        started.append(start(tmp_path, database, "first", TRUSTED_PROXY="127.0.0.1"))
        started.append(start(tmp_path, database, "second"))
        yield started
    finally:
        stop(started)


def heading(page: str) -> str:
    return html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1])


@pytest.mark.alone  # a deadline of seconds, for four server processes to notice
def test_a_publication_reaches_every_server_process_within_seconds(
        servers: list[Server], database: str, demo_content: Content) -> None:
    first, second = servers
    assert "Koktal District Akimat" in heading(second.get("/stand/main/en/"))
    # A manager publishes on the central server (`kiosk content import` does the same).
    org = demo_content.organisation
    renamed = org.model_copy(update={
        "name": org.name.model_copy(update={"en": "Renamed District Akimat"})})
    content_store = ContentStore(database)
    try:
        content_store.publisher.publish(without_website(demo_content.model_copy(
            update={"organisation": renamed})), author="manager")
    finally:
        content_store.dispose()
    published = time.monotonic()
    for server in (second, first):
        while "Renamed District Akimat" not in heading(server.get("/stand/main/en/")):
            assert time.monotonic() - published < 5, f"{server.base} still shows the old name"
            time.sleep(0.2)


def children(pid: int) -> set[int]:
    """The processes ``pid`` started (any of its threads) that still run."""
    found: set[int] = set()
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(child) for child in listing.read_text().split()}
    return found


def test_a_process_renders_a_publication_in_its_rendering_process_and_serves_it_from_memory(
        postgresql_server: PostgresServer, demo_content: Content, tmp_path: Path) -> None:
    with postgresql_server.database() as database:
        content_store = ContentStore(database)
        content_store.upgrade()
        content_store.publisher.publish(without_website(demo_content), author="tests")
        content_store.dispose()
        served_from_memory_after_publishing(database, demo_content, tmp_path)


def served_from_memory_after_publishing(database: str, demo_content: Content, tmp_path: Path
                                        ) -> None:
    server = start(tmp_path, database, "third", SERVER_TIMING="1")
    try:
        renderers = children(server.process.pid)
        assert renderers, "kiosk serve started no rendering process"
        assert "Контакты" in server.get("/stand/main/ru/contacts")  # kept from now on
        # Published by another process (here: the store directly, as `kiosk content
        # import` on another machine would).
        org = demo_content.organisation
        renamed = org.model_copy(update={
            "name": org.name.model_copy(update={"ru": "Переименованный акимат"})})
        content_store = ContentStore(database)
        try:
            content_store.publisher.publish(without_website(demo_content.model_copy(
                update={"organisation": renamed})), author="manager")
        finally:
            content_store.dispose()
        deadline = time.monotonic() + 60  # the machine may be busy
        while True:
            request = urllib.request.Request(server.base + "/stand/main/ru/contacts")
            with urllib.request.urlopen(request, timeout=10) as response:
                page, timing = response.read().decode(), response.headers["Server-Timing"]
            if "Переименованный акимат" in page:
                break
            assert time.monotonic() < deadline, "the publication never went live"
            time.sleep(0.2)
        # The first request to see the new revision found its page rendered already.
        assert 'desc="memory"' in timing
        assert "rendering process failed" not in (tmp_path / "third.log").read_text()
    finally:
        stop([server])
    # The rendering process ends with the server.
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() and "zombie" not in
              Path(f"/proc/{pid}/status").read_text(errors="replace") for pid in renderers):
        assert time.monotonic() < deadline, "the rendering process outlived its server"
        time.sleep(0.2)


def test_stands_and_managers_may_reach_any_process(servers: list[Server],
                                                  database: str) -> None:
    from kiosk.public.stand_identity import COOKIE
    from kiosk.store.credentials import StandCredentials

    first, second = servers
    # A stand registered in one process proves itself to another: its credential is in
    # the database, not in a process.
    content_store = ContentStore(database)
    try:
        secret = StandCredentials(content_store).register("main", "main-hall", "test",
                                                          dt.datetime.now(dt.UTC))
    finally:
        content_store.dispose()
    # A stand's polls go to one process; its manager signs in through the other.
    second.get("/stand/main/kk/live.json?stand=main-hall",
               {"Cookie": f"{COOKIE}=main-hall.{secret}"})
    jar = http.cookiejar.CookieJar()  # 127.0.0.1's cookies, whatever the port
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = browser.open(first.base + "/admin/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', login)[1]
    form = urllib.parse.urlencode({"username": "admin", "password": PASSWORD,
                                   "csrf_token": token}).encode()
    browser.open(first.base + "/admin/login", form, timeout=10).close()
    overview = browser.open(second.base + "/admin/", timeout=10)
    assert overview.url == second.base + "/admin/"  # still signed in: not sent to sign in
    assert re.search(r'<tr class="stand-ok">\s*<th scope="row">main-hall</th>',
                     overview.read().decode())


def test_behind_the_proxy_a_page_knows_it_was_asked_for_over_https(
        servers: list[Server]) -> None:
    first, second = servers
    proxied = {"Host": "info.example.kz", "X-Forwarded-Proto": "https"}
    https_page = qr_svg("https://info.example.kz/stand/main/kk/hours")
    http_page = qr_svg("http://info.example.kz/stand/main/kk/hours")
    assert https_page in first.get("/stand/main/kk/hours", proxied)
    # The same page asked for over plain http is another page, not the one cached above.
    assert http_page in first.get("/stand/main/kk/hours", {"Host": "info.example.kz"})
    # A process that trusts no proxy ignores the header, whoever sends it.
    assert http_page in second.get("/stand/main/kk/hours", proxied)


def test_processes_started_together_without_a_key_agree_on_one(tmp_path: Path) -> None:
    # Without KIOSK_SECRET_KEY each process reads the key kept in the instance folder,
    # and the first to start writes it: all must end up with the same one.
    script = ("import sys\n"
              "from flask import Flask\n"
              "from kiosk import security\n"
              "app = Flask('kiosk', instance_path=sys.argv[1])\n"
              "print('ready', flush=True)\n"
              "sys.stdin.readline()\n"
              "security.init_app(app)\n"
              "print(app.config['SECRET_KEY'])\n")
    processes = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "instance")],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for _ in range(6)]
    for process in processes:
        assert process.stdout.readline() == "ready\n"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    keys = {process.communicate(timeout=30)[0].strip() for process in processes}
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert [p.name for p in (tmp_path / "instance").iterdir()] == ["secret_key"]
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600
