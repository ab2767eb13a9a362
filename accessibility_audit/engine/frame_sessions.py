"""DevTools sessions of frames that live in a renderer process of their own.

A browser that isolates sites (Chromium's default; not the scanner's own browsers,
see launch.py, but the one a test hands to ``audit_page``) puts a cross-site frame in
another process, as a target of its own that the page's DevTools session, the one
chromedriver relays, cannot reach. A local Chromium also answers on its DevTools
port, where every target, such frames included, has a WebSocket of its own (its id
is the frame's id); the scanner opens one per such frame, for as long as the page's
audit lasts. A browser elsewhere (a Selenium Grid node) has no port the scanner can
reach: its frames in other processes stay unaudited, which axe reports
(``frame-tested``)."""

from __future__ import annotations

import itertools
import json
from typing import Any

import websocket
from selenium.common.exceptions import WebDriverException


class FrameSession:
    """DevTools commands for one target, over its own WebSocket."""

    def __init__(self, debugger: str, target: str, timeout: float) -> None:
        try:
            self._socket = websocket.create_connection(
                f"ws://{debugger}/devtools/page/{target}", timeout=timeout,
                suppress_origin=True)
        except (OSError, websocket.WebSocketException) as error:
            raise WebDriverException(f"cannot reach the frame's DevTools target: {error}") \
                from error
        self._ids = itertools.count(1)

    def __call__(self, name: str, params: dict[str, Any]) -> Any:
        number = next(self._ids)
        try:
            self._socket.send(json.dumps({"id": number, "method": name, "params": params}))
            while True:
                message = json.loads(self._socket.recv())
                if message.get("id") == number:
                    break
        except (OSError, websocket.WebSocketException) as error:
            raise WebDriverException(f"the frame's DevTools target stopped answering: "
                                     f"{error}") from error
        if "error" in message:
            raise WebDriverException(str(message["error"].get("message", message["error"])))
        return message.get("result", {})

    def close(self) -> None:
        self._socket.close()
