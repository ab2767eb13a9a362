"""A plain HTTP look at an address before the browser opens it.

It tells what a browser hides behind an error page: the DNS or TLS failure, the
redirect loop, the HTTP status, and whether the address is a document Chromium
renders (HTML, SVG or another XML document, all of which axe audits) or a PDF or
a download, without fetching the body (only the start of an error page's, to tell a
block page). The look is bounded as every plain fetch is (``Fetcher.open``)."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from accessibility_audit.engine.blocking import blocked_reason
from accessibility_audit.fetching import MAX_REDIRECTS, Body, Fetcher

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Chromium renders these documents itself (SVG drawn, other XML as written or as
# its tree view) and axe runs in them as in any page.
XML_TYPES = ("text/xml", "application/xml", "image/svg+xml")
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Problem:
    kind: str
    reason: str
    http_status: int | None = None
    blocked: bool = False


def check(fetcher: Fetcher, url: str) -> Problem | None:
    """What stops ``url`` being audited as a web page, or None when nothing does."""
    try:
        with fetcher.open(url, polite=False, max_bytes=SNIFF_BYTES) as body:
            return _judge(body)
    except requests.TooManyRedirects:
        return Problem("redirect-loop", f"more than {MAX_REDIRECTS} redirects (a redirect loop)")
    except requests.exceptions.SSLError as error:
        return Problem("tls", f"TLS error: {_root_cause(error)}")
    except requests.ConnectionError as error:
        cause = _root_cause(error)
        if _is_dns(str(error)) or _is_dns(cause):
            return Problem("dns", f"the host name could not be resolved ({cause})")
        return Problem("connection", f"could not connect: {cause}")
    except requests.Timeout:
        return Problem("timeout", f"no answer within {fetcher.settings.timeout:g} s")
    except requests.RequestException as error:
        return Problem("http", f"HTTP request failed: {_root_cause(error)}")


def _judge(body: Body) -> Problem | None:
    response = body.response
    status = response.status_code
    if status >= 400:
        html = _start(body).decode("utf-8", "replace")
        reason = blocked_reason(status, html, len(html))
        if reason:
            return Problem("blocked", reason, status, blocked=True)
        return Problem("http", f"HTTP {status} {response.reason}".strip(), status)
    disposition = response.headers.get("Content-Disposition", "")
    if disposition.lower().startswith("attachment"):
        return Problem("download", f"the address starts a download ({disposition})", status)
    content_type = response.headers.get("Content-Type", "")
    if not is_document(content_type):
        return Problem("not-html", f"not a web page: it serves {content_type or 'no type'}",
                       status)
    return None


def _start(body: Body) -> bytes:
    """As much of the first ``SNIFF_BYTES`` of the body as arrives: the status is
    known already, so a body that stalls or breaks off is judged on what came."""
    start = bytearray()
    try:
        for chunk in body.chunks(truncate=True):
            start += chunk
    except requests.RequestException:
        pass
    return bytes(start)


def is_document(content_type: str) -> bool:
    """Whether a response of this Content-Type is a document the browser renders."""
    media_type = content_type.split(";")[0].strip().lower()
    # Any XML vocabulary (application/mathml+xml, application/rss+xml …) is XML to
    # Chromium as well.
    return media_type in HTML_TYPES + XML_TYPES or media_type.endswith("+xml")


def _root_cause(error: BaseException) -> str:
    while error.__context__ is not None and error.__context__ is not error:
        error = error.__context__
    return str(error) or type(error).__name__


def _is_dns(cause: str) -> bool:
    return any(text in cause for text in (
        "Name or service not known", "nodename nor servname", "getaddrinfo failed",
        "Temporary failure in name resolution", "No address associated", "NameResolution",
        "Failed to resolve"))
