"""Subset Noto Sans to the letters the stand shows and save it as WOFF2.

The result is committed under kiosk/static/fonts, so a stand never depends on the
fonts of the machine it runs on (Liberation Sans 1.07 lacks 16 of the 18 Kazakh
letters). Re-run with ``make fonts`` after Debian's fonts-noto-core is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "kiosk" / "static" / "fonts"
# Basic Latin, Latin-1, Cyrillic with the Kazakh letters (U+0400-04FF), general
# punctuation, currency, arrows and the symbols used in the interface.
UNICODES = ",".join([
    "U+0020-007E", "U+00A0-00FF", "U+0131", "U+0400-04FF", "U+2010-2027", "U+2030-203A",
    "U+2060", "U+20B8", "U+2116", "U+2190-2193", "U+2212",
])


def build(weight: str) -> Path:
    target = TARGET / f"NotoSans-{weight}.woff2"
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "locl", "ccmp", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(SOURCE / f"NotoSans-{weight}.ttf"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    return target


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        path = build(weight)
        print(f"{path.name}: {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
