"""The scanner's plain HTTP against servers that misbehave (issue 13, item 6): every
fetch bounded in total time and size, no lock across hosts, sitemaps streamed with a
cap, parsed by a hardened parser and held to their host. Real servers on 127.0.0.1."""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from accessibility_audit.discovery.robots import Robots
from accessibility_audit.discovery.sitemap import MAX_BYTES, SitemapError, read_sitemap
from accessibility_audit.fetching import Fetcher, HttpSettings, TooLarge, TooSlow
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.politeness import HostGate
from accessibility_audit.runs.website import WebsiteScan
from accessibility_audit.store.repository import QueuedPage
from tests.audit.hostile_server import (
    Answer,
    HostileServer,
    Route,
    endless,
    fixed,
    gzip_bomb,
    lines,
    sitemap_index,
    trickle,
    urlset,
)

URLSET_START = (b'<?xml version="1.0" encoding="UTF-8"?><urlset '
                b'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
# Comments: the parser keeps nothing of them, so only the download itself could grow.
PADDING = b"<!-- padding padding padding padding padding padding padding -->"
BOMB_SIZE = 200 * 1024 * 1024


def fetcher(timeout: float = 20.0) -> Fetcher:
    return Fetcher(HttpSettings("a11y-audit tests", {}, {}, timeout=timeout), HostGate(0.0))


Serve = Callable[[dict[str, Route]], HostileServer]


@pytest.fixture
def serve() -> Iterator[Serve]:
    servers: list[HostileServer] = []

    def start(routes: dict[str, Route]) -> HostileServer:
        servers.append(HostileServer(routes))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> None:
    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "the condition never came true"
        time.sleep(0.05)


# Time: a deadline for the whole fetch, not per read

def test_a_robots_txt_sent_one_line_a_second_ends_at_the_fetch_deadline(serve: Serve) -> None:
    slow = serve({"/robots.txt": trickle(list(lines(60)), every=1.0)})
    robots = Robots(fetcher(timeout=3))
    started = time.monotonic()
    assert not robots.allowed(slow.url("/page"))    # RFC 9309: unreachable, so disallow
    took = time.monotonic() - started
    # Every read gets a line within 1 s, so a per-read timeout never fires; the server
    # would go on for a minute.
    assert 3 <= took < 10, took
    assert robots.problem(slow.url("/page")) == "its robots.txt did not arrive within 3 s"


def test_a_page_body_trickling_in_ends_at_the_deadline(serve: Serve) -> None:
    slow = serve({"/audio.wav": trickle([b"x" * 100] * 60, every=0.5)})
    started = time.monotonic()
    with pytest.raises(TooSlow, match="took longer than 2 s"):
        fetcher(timeout=2).get(slow.url("/audio.wav"))
    assert time.monotonic() - started < 8


def test_headers_trickled_one_a_second_end_at_the_deadline(serve: Serve) -> None:
    def headers(answer: Answer) -> None:
        answer.handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
        for number in range(60):
            if not answer.send(f"X-Slow-{number}: yes\r\n".encode()):
                return
            time.sleep(1.0)
    slow = serve({"/robots.txt": headers})
    robots = Robots(fetcher(timeout=3))
    started = time.monotonic()
    assert not robots.allowed(slow.url("/page"))
    assert time.monotonic() - started < 10
    assert robots.problem(slow.url("/page")) == "its robots.txt did not arrive within 3 s"


def test_a_server_gone_quiet_mid_body_is_too_slow_not_broken(serve: Serve) -> None:
    quiet = serve({"/sitemap.xml": trickle([URLSET_START, b""], every=10.0)})
    started = time.monotonic()
    with pytest.raises(SitemapError, match="did not arrive within 2 s"):
        read_sitemap(fetcher(timeout=2), quiet.url("/sitemap.xml"))
    assert time.monotonic() - started < 8


def test_a_slow_robots_txt_holds_up_no_other_host(serve: Serve) -> None:
    slow = serve({"/robots.txt": trickle(list(lines(30)), every=1.0)})
    fast = serve({"/robots.txt": fixed(b"User-agent: *\nDisallow: /private/\n",
                                       "text/plain")})
    robots = Robots(fetcher(timeout=8))
    waiting = threading.Thread(target=robots.allowed, args=(slow.url("/page"),))
    waiting.start()
    wait_for(lambda: slow.requested("/robots.txt"))
    started = time.monotonic()
    assert robots.allowed(fast.url("/page"))
    assert not robots.allowed(fast.url("/private/page"))
    took = time.monotonic() - started
    assert waiting.is_alive()       # the slow host's robots.txt is still coming in …
    assert took < 4, took           # … and did not hold the other host's for its 8 s
    waiting.join()


# Size: a cap while the body streams in

def test_an_endless_body_is_cut_at_the_cap_while_streaming(serve: Serve) -> None:
    server = serve({"/page": endless("text/html", b"<html>", b"<p>again</p>")})
    with pytest.raises(TooLarge, match="larger than 1 MB"):
        fetcher().get(server.url("/page"), max_bytes=1024 * 1024)
    robots = serve({"/robots.txt": endless("text/plain", b"User-agent: *\nDisallow: /x/\n",
                                           b"# comment\n")})
    # RFC 9309 lets a crawler stop at 500 KiB and use what it read.
    assert not Robots(fetcher()).allowed(robots.url("/x/page"))


def test_an_endless_sitemap_is_refused_at_its_cap_without_being_held(serve: Serve) -> None:
    server = serve({"/sitemap.xml": endless("application/xml", URLSET_START, PADDING)})
    tracemalloc.start()
    try:
        with pytest.raises(SitemapError, match="larger than 8 MB"):
            # Time enough: this is about size (and tracemalloc slows the reading).
            read_sitemap(fetcher(timeout=300), server.url("/sitemap.xml"),
                         max_bytes=8 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, peak          # streamed, never held whole


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """200 MB of sitemap in about 200 KB of gzip."""
    return gzip_bomb(URLSET_START, PADDING, BOMB_SIZE, b"</urlset>")


@pytest.mark.parametrize(("served_as", "cap", "message"), [
    ("file", MAX_BYTES, "unpacks to more than 50 MB"),
    ("file", 8 * 1024 * 1024, "unpacks to more than 8 MB"),
    ("encoding", 8 * 1024 * 1024, "is larger than 8 MB"),
])
def test_a_gzip_bomb_is_refused_while_unpacking(serve: Serve, bomb: bytes, served_as: str,
                                                cap: int, message: str) -> None:
    route = (fixed(bomb, "application/x-gzip") if served_as == "file"
             else fixed(bomb, "application/xml", Content_Encoding="gzip"))
    server = serve({"/sitemap.xml.gz": route})
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(SitemapError, match=message):
            read_sitemap(fetcher(timeout=300), server.url("/sitemap.xml.gz"), max_bytes=cap)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, peak


# Hardened XML

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/&lol9;</loc></url></urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&secret;</loc></url></urlset>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["entity-bomb", "xxe"])
def test_entity_declarations_are_refused(serve: Serve, body: bytes) -> None:
    server = serve({"/sitemap.xml": fixed(body)})
    with pytest.raises(SitemapError, match="declares entities or refers to outside files"):
        read_sitemap(fetcher(), server.url("/sitemap.xml"))


# A sitemap's own host only

def test_entries_on_other_hosts_are_left_out_with_a_warning(serve: Serve) -> None:
    port = {}
    server = serve({
        "/sitemap.xml": lambda answer: fixed(urlset([
            f"http://127.0.0.1:{port['n']}/a", f"https://127.0.0.1:{port['n']}/b",
            f"http://localhost:{port['n']}/c", "http://evil.example/d",
            f"http://127.0.0.1:{port['n'] + 1}/e"]))(answer)})
    port["n"] = int(server.base.rsplit(":", 1)[1])
    found = read_sitemap(fetcher(), server.url("/sitemap.xml"))
    # http:// and https:// of one host and port are one host; another name or port is not.
    assert found.urls == [server.url("/a"), server.url("/b").replace("http:", "https:")]
    [warning] = found.warnings
    assert f"sitemap {server.url('/sitemap.xml')} lists 3 address(es) on other hosts" in warning
    assert "evil.example" in warning and f"localhost:{port['n']}" in warning
    assert "a sitemap may list only its own host's pages" in warning


def test_an_index_follows_its_own_hosts_sitemaps_only(serve: Serve) -> None:
    other = serve({"/pages.xml": fixed(urlset(["http://anywhere.example/x"]))})
    server = serve({})
    server.routes.update({
        "/index.xml": fixed(sitemap_index([server.url("/pages.xml"), server.url("/gone.xml"),
                                           other.url("/pages.xml").replace("127.0.0.1",
                                                                           "localhost")])),
        "/pages.xml": fixed(urlset([server.url("/one"), server.url("/two")])),
    })
    found = read_sitemap(fetcher(), server.url("/index.xml"))
    assert found.urls == [server.url("/one"), server.url("/two")]
    assert len(found.warnings) == 2
    assert "lists 1 address(es) on other hosts (localhost:" in found.warnings[0]
    assert f"sitemap {server.url('/gone.xml')} answered HTTP 404" == found.warnings[1]
    assert not other.requested("/pages.xml")


def test_the_scans_warnings_name_the_entries_left_out(serve: Serve) -> None:
    server = serve({"/robots.txt": fixed(b"User-agent: *\nAllow: /\n", "text/plain")})
    server.routes["/sitemap.xml"] = fixed(urlset([server.url("/mine"),
                                                  "https://other.example.kz/theirs"]))
    plan = WebsiteScan(ScanOptions(targets=(Target("sitemap", server.url("/sitemap.xml")),),
                                   delay=0.0))
    found: list[QueuedPage] = []
    warnings: list[str] = []
    plan.discover(fetcher(), warnings, found.append)
    assert [page.url for page in found] == [server.url("/mine")]
    assert any("other.example.kz" in warning and "not audited" in warning
               for warning in warnings), warnings
