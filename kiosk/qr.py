"""QR codes as inline SVG, so a visitor can take an address away on a phone."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=256)
def qr_svg(url: str) -> str:
    """An SVG QR code for ``url``; hidden from assistive technology because the
    address is always printed beside it."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True,
                          svgclass="qr-code", lineclass=None)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
