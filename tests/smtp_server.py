"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps every message it receives."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """The aiosmtpd handler: each message as received, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse = False  # True: answer every message with a temporary failure
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse:
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 30) -> list[EmailMessage]:
        """The messages once ``count`` have arrived; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"{len(self.messages)} message(s) arrived, not {count}, "
                             f"within {timeout} s")

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self.envelopes.clear()
        self.refuse = False


class SmtpServer:
    def __init__(self, controller: Controller, inbox: Inbox) -> None:
        self.controller, self.inbox = controller, inbox
        self.port: int = controller.port

    def settings(self) -> dict[str, object]:
        """The kiosk's settings for sending through this server (plain SMTP, on loopback)."""
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": self.port, "SMTP_STARTTLS": 0,
                "SMTP_FROM": "stands@example.kz", "SMTP_USER": "", "SMTP_PASSWORD": "",
                "SMTP_TIMEOUT_SECONDS": 10}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_server() -> Iterator[SmtpServer]:
    # aiosmtpd checks its own start by connecting to the port it was given, so it cannot
    # be given port 0: a free port is found first (and another one if it was taken since).
    inbox = Inbox()
    for attempt in range(5):
        controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
        try:
            controller.start()
            break
        except (OSError, RuntimeError):
            if attempt == 4:
                raise
    try:
        yield SmtpServer(controller, inbox)
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    yield from smtp_server()
