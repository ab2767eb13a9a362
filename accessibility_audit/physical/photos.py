"""Photos of checklist items: only JPEG and PNG, recognised by their content, not their
name; re-encoded so that no metadata (EXIF with the GPS position, comments, the camera's
serial number) survives, turned upright and made no larger than a report needs."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 12 * 1024 * 1024
MAX_PIXELS = 50_000_000  # larger than any phone camera; refuses decompression bombs early
LONGEST_SIDE = 1600
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


class BadPhoto(ValueError):
    """Why a file cannot be kept as a photo; ``reason`` is one of the keys below."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Photo:
    media_type: str
    width: int
    height: int
    data: bytes


def process(data: bytes) -> Photo:
    """The photo as it will be kept, or :class:`BadPhoto` ("too-large", "not-image",
    "too-many-pixels")."""
    if len(data) > MAX_BYTES:
        raise BadPhoto("too-large")
    try:
        with Image.open(io.BytesIO(data), formats=tuple(FORMATS)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise BadPhoto("too-many-pixels")
            image.load()
            kind = image.format
            if kind is None:  # only images made in memory have none
                raise BadPhoto("not-image")
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise BadPhoto("not-image") from error
    upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    return _encode(upright, kind)


def _encode(image: Image.Image, kind: str) -> Photo:
    out = io.BytesIO()
    if kind == "JPEG":
        # A fresh file from the pixels alone: no exif=, icc or comment is passed on.
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        image.convert(mode).save(out, "PNG", optimize=True)
    return Photo(FORMATS[kind], image.width, image.height, out.getvalue())
