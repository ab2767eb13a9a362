"""The published JSON Schema of content files, generated from the model."""

from __future__ import annotations

from typing import Any

from kiosk.content.model import Content


def json_schema() -> dict[str, Any]:
    schema = Content.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Information stand content"
    schema["description"] = (
        "One organisation's stand content: locations with business hours, appeal "
        "procedures, contacts, accessibility services and announcements. Every visitor "
        "text has Kazakh (kk) and Russian (ru); English (en) is optional."
    )
    return schema
