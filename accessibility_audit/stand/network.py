"""Every request a stand page makes, on load and while it is used, goes to the stand's
own server: read from Chromium's performance log (DevTools Network events)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.discovery.urls import origin
from accessibility_audit.stand.rules import Node
from accessibility_audit.stand.scripts import script

NETWORK_SCHEMES = ("http", "https", "ws", "wss")


def drain(driver: WebDriver) -> None:
    """Forget what earlier pages requested: the log hands each entry out once."""
    driver.get_log("performance")


def requested(driver: WebDriver) -> list[tuple[str, str]]:
    """(address, kind) of each request since the last drain, in order, once each."""
    found: dict[str, str] = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            found.setdefault(params["request"]["url"], params.get("type", "Other"))
        elif message.get("method") == "Network.webSocketCreated":
            found.setdefault(params["url"], "WebSocket")
    return list(found.items())


def check(driver: WebDriver, stand_origin: str, requests: list[tuple[str, str]]) -> list[Node]:
    outside = [(url, kind) for url, kind in requests
               if urlsplit(url).scheme in NETWORK_SCHEMES and _origin(url) != stand_origin]
    if not outside:
        return []
    elements = driver.execute_script(script("elements"), [url for url, _kind in outside])
    nodes = []
    for url, kind in outside:
        selector, html = elements.get(url) or ("html", f"<!-- {kind.lower()} request: {url} -->")
        nodes.append(Node(selector, html, f"The page requested {url} ({kind.lower()}) from "
                          f"{_origin(url)}, not from the stand's server {stand_origin}."))
    return nodes


def _origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return origin(f"{scheme}://{parts.netloc}/")
