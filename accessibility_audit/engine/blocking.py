"""Recognising bot walls, CAPTCHAs and access denials, so they are never reported clean.

The signatures are data, like axe's rule metadata: a name and a pattern for each
kind of wall; adding one touches nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass

BLOCKING_STATUSES = {401: "needs a login (HTTP 401)", 403: "access denied (HTTP 403)",
                     429: "rate limited (HTTP 429)"}


@dataclass(frozen=True)
class Signature:
    name: str
    pattern: re.Pattern[str]
    # A CAPTCHA widget on a full page (a contact form) is not a wall; on a page
    # with little else it is.
    small_pages_only: bool = False


SIGNATURES: tuple[Signature, ...] = (
    Signature("Cloudflare challenge", re.compile(
        r"cf-challenge|challenges\.cloudflare\.com|<title>Just a moment\.\.\.</title>|"
        r"Attention Required! \| Cloudflare", re.I)),
    Signature("Imperva/Incapsula", re.compile(r"Incapsula incident ID|_Incapsula_Resource", re.I)),
    Signature("Akamai access denied", re.compile(
        r"<title>Access Denied</title>.*?Reference&#32;#", re.I | re.S)),
    Signature("DDoS-Guard", re.compile(r"ddos-guard", re.I)),
    Signature("Azure Front Door / WAF", re.compile(
        r"The request is blocked\.|Request blocked by", re.I)),
    Signature("CAPTCHA", re.compile(
        r"g-recaptcha|h-captcha|hcaptcha\.com|recaptcha/api|smartcaptcha|captcha-container|"
        r"id=\"captcha|class=\"captcha", re.I), small_pages_only=True),
)
SMALL_PAGE_TEXT = 1500  # characters of visible text


def wall(html: str, text_length: int) -> str | None:
    """The name of the bot wall that ``html`` shows, if any."""
    for signature in SIGNATURES:
        if signature.small_pages_only and text_length > SMALL_PAGE_TEXT:
            continue
        if signature.pattern.search(html):
            return signature.name
    return None


def blocked_reason(status: int | None, html: str, text_length: int) -> str | None:
    """Why this response is a wall rather than the page, or None if it is the page."""
    name = wall(html, text_length)
    if name:
        return f"blocked by a bot wall ({name})" + (f", HTTP {status}" if status else "")
    if status in BLOCKING_STATUSES:
        return BLOCKING_STATUSES[status]
    return None
