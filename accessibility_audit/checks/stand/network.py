"""Every request a stand page makes, on load and while it is used, goes to the stand's
own server: read from Chromium's performance log (DevTools Network events), which the
browser empties before each page. Made once per page, after everything that may make
a request (key presses included), and true of each page view of the visit."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from accessibility_audit.browser import performance_log
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.urls import origin

RULE = "stand-outside-request"
ELEMENTS = gatherer("stand/elements", "stand")
NETWORK_SCHEMES = ("http", "https", "ws", "wss")
PAGE = Node("html", "<html>")


def requested(log: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(address, kind) of each request in a performance log, in order, once each."""
    found: dict[str, str] = {}
    for entry in log:
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            found.setdefault(params["request"]["url"], params.get("type", "Other"))
        elif message.get("method") == "Network.webSocketCreated":
            found.setdefault(params["url"], "WebSocket")
    return list(found.items())


def gather(page: PageContext) -> dict[str, Any]:
    """The stand's origin, and each outside request with the element that made it."""
    page.check_time()
    stand = origin(page.site)
    outside = [(url, kind) for url, kind in requested(performance_log(page.driver))
               if urlsplit(url).scheme in NETWORK_SCHEMES and _origin(url) != stand]
    elements = page.run_script(ELEMENTS, [url for url, _kind in outside]) if outside else {}
    return {"stand": stand, "outside": [[url, kind, *(elements.get(url) or (None, None))]
                                        for url, kind in outside]}


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    nodes = []
    for url, kind, selector, html in facts["outside"]:
        nodes.append(Node(selector or "html", html or f"<!-- {kind.lower()} request: {url} -->",
                          f"The page requested {url} ({kind.lower()}) from {_origin(url)}, "
                          f"not from the stand's server {facts['stand']}."))
    return {RULE: Outcomes(failed=nodes, passed=[] if nodes else [PAGE])}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return origin(f"{scheme}://{parts.netloc}/")


CHECK = Check((RULE,), gather, evaluate, when="once", every_viewport=True)
