"""A real HTTP server on 127.0.0.1 (a free port) that misbehaves as asked: answers
that trickle in line by line, bodies without end, gzip bombs. Each route is a function
writing the answer itself; the server notes when each request came and when the
client hung up, so tests can tell when the scanner gave up."""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Answer"], None]


class Answer:
    """One request being answered; ``send`` notes a client that has hung up."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self.handler = handler
        self.sent = 0

    def head(self, status: int = 200, content_type: str = "text/plain",
             **headers: str) -> None:
        self.handler.send_response(status)
        self.handler.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.handler.send_header(name.replace("_", "-"), value)
        self.handler.end_headers()

    def send(self, data: bytes) -> bool:
        """False once the client is gone."""
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
        except OSError:
            return False
        self.sent += len(data)
        return True


class HostileServer:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.requests: list[tuple[float, str]] = []   # (time.time(), path)
        self.hung_up: dict[str, float] = {}          # path: when the client left
        self.sent: dict[str, int] = {}               # path: bytes written
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"   # the body ends when the connection does

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.requests.append((time.time(), self.path))
                route = server.routes.get(path)
                answer = Answer(self)
                if route is None:
                    answer.head(404)
                    answer.send(b"not here")
                    return
                route(answer)
                server.sent[path] = server.sent.get(path, 0) + answer.sent

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def requested(self, path: str) -> list[float]:
        return [when for when, asked in self.requests if asked.split("?")[0] == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def trickle(lines: list[bytes], every: float, content_type: str = "text/plain",
            note: Callable[[float], None] | None = None) -> Route:
    """Send ``lines`` one every ``every`` seconds; ``note`` gets the time the client left
    (or the last line went)."""
    def route(answer: Answer) -> None:
        answer.head(200, content_type)
        for line in lines:
            if not answer.send(line):
                break
            time.sleep(every)
        if note is not None:
            note(time.time())
    return route


def endless(content_type: str, start: bytes, repeat: bytes) -> Route:
    """A body that never ends: ``start``, then ``repeat`` until the client leaves."""
    def route(answer: Answer) -> None:
        answer.head(200, content_type)
        if not answer.send(start):
            return
        block = repeat * max(1, 64 * 1024 // len(repeat))
        while answer.send(block):
            pass
    return route


def fixed(body: bytes, content_type: str = "application/xml", **headers: str) -> Route:
    def route(answer: Answer) -> None:
        answer.head(200, content_type, **headers)
        answer.send(body)
    return route


def gzip_bomb(start: bytes, filler: bytes, size: int, end: bytes) -> bytes:
    """``start`` + ``size`` bytes of ``filler`` + ``end``, gzipped without ever holding
    the unpacked text (a few tens of KB stand for tens of MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(start)]
    block = filler * (1024 * 1024 // len(filler))
    for _ in range(size // len(block)):
        parts.append(packer.compress(block))
    parts.append(packer.compress(end))
    parts.append(packer.flush())
    return b"".join(parts)


def urlset(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()


def sitemap_index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
            ).encode()


def lines(count: int) -> Iterator[bytes]:
    yield b"User-agent: *\n"
    for number in range(count):
        yield f"Disallow: /private-{number}/\n".encode()
