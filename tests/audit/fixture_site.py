"""A local agency website with known barriers, served on 127.0.0.1 only.

Two servers, both on 127.0.0.1: the site itself and a second port, named
``localhost``, which browsers treat as another origin and another site, for the
cross-origin iframe. Pages with barriers are HTML files in
``site/`` (their expected violations are in ``expected.json``), SVG and XML
documents are served with their own types; pages that
misbehave (redirect loops, walls, downloads, endless loading …) are made here."""

from __future__ import annotations

import gzip
import io
import math
import threading
import time
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).parent / "site"
# Documents other than HTML pages that the browser renders, served as what they are.
DOCUMENT_TYPES = {".svg": "image/svg+xml", ".xml": "application/xml"}
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
HUGE_ELEMENTS = 31_000


def _wav(seconds: float, loud: bool) -> bytes:
    """A mono WAV of a 440 Hz tone (or of silence), 8 kHz, 8 bits: small but real."""
    rate = 8000
    frames = bytes(128 + (round(90 * math.sin(2 * math.pi * 440 * n / rate)) if loud else 0)
                   for n in range(int(seconds * rate)))
    body = io.BytesIO()
    with wave.open(body, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(frames)
    return body.getvalue()


# Sound for the audio control check: /sound-5s.wav, /sound-2s.wav, /silence-5s.wav.
SOUNDS = {"sound-5s.wav": _wav(5, True), "sound-2s.wav": _wav(2, True),
          "silence-5s.wav": _wav(5, False)}


def _urlset(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()


class FixtureSite:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []  # (port role, path, user agent)
        # (port role, path, Cookie header, X-Audit-Run header) of every request
        self.credentials: list[tuple[str, str, str, str]] = []
        self.stopping = threading.Event()
        # /changing shows other barriers once this is set, for diffs between scans.
        self.changed = False
        self.main = self._serve("main")
        self.other_server = self._serve("other")
        self.base = f"http://127.0.0.1:{self.main.server_address[1]}"
        # Another port and another host name (still 127.0.0.1): another origin and,
        # since cookies ignore ports, another site for cookies as well.
        self.other = f"http://localhost:{self.other_server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stopping.set()
        for server in (self.main, self.other_server):
            server.shutdown()
            server.server_close()

    def _serve(self, role: str) -> ThreadingHTTPServer:
        site = self

        class Handler(_Handler):
            fixture = site
            origin_role = role

        server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up early (the scanner's header-only checks) are normal here."""


class _Handler(BaseHTTPRequestHandler):
    fixture: FixtureSite
    origin_role: str
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: object) -> None:
        """Quiet: pytest shows failures, not access logs."""

    def do_GET(self) -> None:  # the http.server API
        self.fixture.requests.append((self.origin_role, self.path,
                                      self.headers.get("User-Agent", "")))
        self.fixture.credentials.append((self.origin_role, self.path,
                                         self.headers.get("Cookie", ""),
                                         self.headers.get("X-Audit-Run", "")))
        path = self.path.split("?")[0]
        special = getattr(self, "_" + path.strip("/").replace("-", "_").replace(".", "_")
                          .replace("/", "__"), None)
        if special is not None:
            special()
        elif path.strip("/") in SOUNDS:
            self._send(200, "audio/wav", SOUNDS[path.strip("/")])
        elif path.startswith(("/pixel.png", "/media/")):
            self._send(200, "image/png", PIXEL)
        else:
            self._page(path)

    # Helpers

    def _send(self, status: int, content_type: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _page(self, path: str) -> None:
        name = path.strip("/") or "index"
        document = SITE / name
        if document.suffix in DOCUMENT_TYPES and document.is_file() \
                and SITE in document.resolve().parents:
            self._send(200, DOCUMENT_TYPES[document.suffix], document.read_bytes())
            return
        candidates = [SITE / f"{name}.html", SITE / name / "index.html"]
        file = next((c for c in candidates if c.is_file() and SITE in c.resolve().parents), None)
        if file is None:
            self._send(404, "text/html; charset=utf-8", b"<!doctype html><title>Not found</title>")
            return
        html = file.read_text().replace("{OTHER}", self.fixture.other)
        self._send(200, "text/html; charset=utf-8", html.encode())

    # Pages that misbehave

    def _robots_txt(self) -> None:
        sitemap = f"{self.fixture.base}/sitemap-index.xml"
        body = f"User-agent: *\nDisallow: /private/\nSitemap: {sitemap}\n"
        self._send(200, "text/plain", body.encode())

    def _sitemap_index_xml(self) -> None:
        base = self.fixture.base
        body = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap-pages.xml.gz</loc></sitemap>"
                f"<sitemap><loc>{base}/sitemap-more.xml</loc></sitemap></sitemapindex>")
        self._send(200, "application/xml", body.encode())

    def _sitemap_pages_xml_gz(self) -> None:
        urls = [self.fixture.url(p) for p in ("/missing-alt", "/missing-label", "/no-lang")]
        self._send(200, "application/gzip", gzip.compress(_urlset(urls)))

    def _sitemap_more_xml(self) -> None:
        urls = [self.fixture.url(p) for p in ("/empty-link", "/private/secret")]
        self._send(200, "application/xml", _urlset(urls))

    def _sitemap_broken(self) -> None:
        self._send(200, "application/xml", b"<html><body>not a sitemap</body></html>")

    def _redirect_loop(self) -> None:
        self._send(302, "text/plain", b"", {"Location": "/redirect-loop"})

    def _forbidden(self) -> None:
        self._send(403, "text/html", b"<!doctype html><title>Forbidden</title><h1>Forbidden</h1>")

    def _error(self) -> None:
        self._send(500, "text/html", b"<!doctype html><title>Error</title><h1>Server error</h1>")

    def _download(self) -> None:
        self._send(200, "text/csv", b"a,b\n1,2\n",
                   {"Content-Disposition": 'attachment; filename="data.csv"'})

    def _report_pdf(self) -> None:
        self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")

    def _changing(self) -> None:
        before = '<img src="/pixel.png" id="photo"><input type="text" id="search">'
        after = '<input type="text" id="search"><a href="/" id="home"></a>'
        body = after if self.fixture.changed else before
        html = (f'<!doctype html><html lang="en"><head><title>Changing</title></head>'
                f"<body><main><h1>Changing</h1>{body}</main></body></html>")
        self._send(200, "text/html; charset=utf-8", html.encode())

    def _members(self) -> None:
        if "session=letmein" in (self.headers.get("Cookie") or ""):
            self._page("/other")
        else:
            self._send(401, "text/html", b"<!doctype html><title>Sign in</title><h1>Sign in</h1>")

    def _slow(self) -> None:
        time.sleep(2)
        self._page("/slow")

    def _huge(self) -> None:
        spans = "<span>x</span>" * HUGE_ELEMENTS
        html = f'<!doctype html><html lang="en"><title>Huge</title><main>{spans}</main></html>'
        self._send(200, "text/html; charset=utf-8", html.encode())

    def _endless(self) -> None:
        # Headers and the start of the page, then nothing: the document never ends.
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        start = b'<!doctype html><html lang="en"><head><title>Endless</title></head><body><p>'
        self.wfile.write(b"%x\r\n%s\r\n" % (len(start), start))
        self.wfile.flush()
        self.fixture.stopping.wait(120)
        self.close_connection = True
