"""Which stand a checklist or a stand audit is of: its base URL, as in the stand-audit
contract (``scheme://host[:port]/stand/<location>/``), and a short key for web addresses."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

LOCATION = re.compile(r"^/stand/([a-z0-9][a-z0-9-]{0,39})/?$")


class BadStandUrl(ValueError):
    """Not the base URL of a stand; the message says what is expected."""


def stand_url(value: str) -> str:
    """The stand base URL in its one spelling: lower-case scheme and host, trailing slash."""
    text = value.strip()
    parts = urlsplit(text)
    match = LOCATION.match(parts.path)
    if parts.scheme not in ("http", "https") or not parts.hostname or not match \
            or parts.query or parts.fragment:
        raise BadStandUrl(
            f"{text!r} is not the address of a stand: give its base URL, for example "
            "http://127.0.0.1:8080/stand/main/ (scheme, host, optional port, /stand/<location>/)")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}/stand/{match[1]}/"


def stand_key(url: str) -> str:
    """A short, stable key for a stand's pages in the auditors' area."""
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def location(url: str) -> str:
    match = LOCATION.match(urlsplit(url).path)
    return match[1] if match else url
