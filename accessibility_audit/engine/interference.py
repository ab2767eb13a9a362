"""Whether the page interfered with its audit, from what watch.js saw.

An isolated world (world.py) keeps axe-core and the own checks out of the page's
reach, but the DOM is shared: a page can take its body away, or empty itself while
axe-core reads it, and an audit of what is left would look clean. Such a page gets
no result: it fails with the kind ``interfered``, which no report counts as audited,
which ``--allow-page-errors`` does not excuse, and whose reason says what the page
did. Pages that merely move (a carousel, a clock, a menu that opens) change
attributes, text and a few elements, and are audited as they are."""

from __future__ import annotations

from typing import Any

from accessibility_audit.model import INTERFERED, PageError

KIND = INTERFERED
# A page that removes more than this share of its elements while it is audited
# (and at least MIN_REMOVED of them) is not the page the audit started on.
MOST = 0.5
MIN_REMOVED = 20


def reason(seen: dict[str, Any] | None, where: str = "") -> str | None:
    """What the page did, in words, or None for a page that let itself be audited."""
    if not seen:
        return None
    place = f" {where}" if where else ""
    if seen.get("structure"):
        parts = ", ".join(f"<{name}>" for name in seen["structure"])
        return f"the page removed or replaced its {parts}{place} while it was audited"
    if seen.get("html") and not seen.get("bodyAtStart"):
        return f"the page removed its <body>{place} before it was audited"
    if seen.get("html") and not seen.get("body"):
        return f"the page removed its <body>{place} while it was audited"
    removed, elements = seen.get("removed", 0), seen.get("elements", 0)
    if removed >= MIN_REMOVED and removed > MOST * elements:
        return (f"the page removed {removed:,} of its {elements:,} elements{place} while "
                "it was audited")
    return None


def error(text: str) -> PageError:
    return PageError(KIND, f"the page interfered with the audit: {text}")
