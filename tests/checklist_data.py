"""Checklists and photos as an auditor fills them in, for the tests of the checklist."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image

from accessibility_audit.physical.evaluation import Answer
from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.yaml_file import template

TODAY = dt.date(2026, 11, 27)


def everything_passing() -> dict[str, Answer]:
    """Answers a stand that meets every item would get."""
    answers = {}
    for item in checklist().items:
        if item.kind == "yesno":
            answers[item.id] = Answer(choice="yes")
        else:
            answers[item.id] = Answer(value=item.min if item.min is not None else 0)
    return answers


def filled_template(**answers: str) -> str:
    text = template(checklist(), "en", TODAY, "Entrance hall, left", "Айгүл Серікова")
    for item, answer in answers.items():
        text = text.replace(f"  {item}:\n    answer:\n", f"  {item}:\n    answer: {answer}\n")
    return text


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (2400, 1200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: the camera was turned; the pixels are sideways
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (43.0, 14.0, 18.0)  # Almaty
    gps[3], gps[4] = "E", (76.0, 53.0, 45.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()
