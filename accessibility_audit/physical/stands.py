"""Which stand a checklist or a stand audit is of: its base URL, as in the stand-audit
contract (``scheme://host[:port]/stand/<location>/``), with the stand's id from the
content when the location has stands (``…/stand/main/?stand=main-hall``), and a short
key for web addresses.

Two stands of one location show the same pages at the same address, yet each is a
thing of its own on the floor with its own checklist, so the id is part of the name."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlsplit

LOCATION = re.compile(r"^/stand/([a-z0-9][a-z0-9-]{0,39})/?$")
# A stand id as the content spells it (a slug).
STAND_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
EXAMPLE = "http://127.0.0.1:8080/stand/main/?stand=main-hall"


class BadStandUrl(ValueError):
    """Not the base URL of a stand; the message says what is expected."""


def stand_url(value: str, stand_id: str | None = None) -> str:
    """The stand's name in its one spelling: lower-case scheme and host, trailing slash,
    and ``?stand=<id>`` when an id is given (in the URL or as ``stand_id``)."""
    text = value.strip()
    parts = urlsplit(text)
    match = LOCATION.match(parts.path)
    query = parse_qsl(parts.query, keep_blank_values=True)
    in_url = [v for k, v in query if k == "stand"]
    if parts.scheme not in ("http", "https") or not parts.hostname or not match \
            or parts.fragment or any(k != "stand" for k, _v in query) or len(in_url) > 1:
        raise BadStandUrl(
            f"{text!r} is not the address of a stand: give its base URL, for example "
            f"{EXAMPLE} (scheme, host, optional port, /stand/<location>/, and the stand's "
            "id from the content as ?stand=<id>)")
    chosen = in_url[0] if in_url else None
    if stand_id and chosen and stand_id != chosen:
        raise BadStandUrl(f"the address names stand {chosen!r} but --stand-id says "
                          f"{stand_id!r}: give the id once")
    chosen = chosen or stand_id
    if chosen is not None and not STAND_ID.match(chosen):
        raise BadStandUrl(f"{chosen!r} is not a stand id: ids are written in lower-case "
                          "letters, digits and hyphens, as in the content (main-hall)")
    port = f":{parts.port}" if parts.port else ""
    base = f"{parts.scheme}://{parts.hostname.lower()}{port}/stand/{match[1]}/"
    return f"{base}?stand={chosen}" if chosen else base


def split(url: str) -> tuple[str, str]:
    """(base URL, stand id or "") of a stand's name made by :func:`stand_url`."""
    base, _, query = url.partition("?")
    return base, dict(parse_qsl(query)).get("stand", "")


def stand_key(url: str) -> str:
    """A short, stable key for a stand's pages in the auditors' area."""
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def location(url: str) -> str:
    match = LOCATION.match(urlsplit(url).path)
    return match[1] if match else url
