"""A submitted section form back into the location's data, as typed.

Values stay as the editor typed them (a wrong time stays "25:00"), so a form with
errors comes back exactly as it was sent and the draft loses nothing; the content model
then says what is wrong where."""

from __future__ import annotations

import re
from typing import Any

from werkzeug.datastructures import MultiDict

from kiosk.admin import time_entry
from kiosk.admin.form_tree import field_kind, strip_annotated, unwrap_optional
from kiosk.content.model import Location, ScheduledChange

_INDEX = re.compile(r"^\d{1,4}$")
MAX_FIELDS = 5000


class FormShapeError(ValueError):
    """The form's field names do not fit the content model (a forged or stale form)."""


def nest(form: MultiDict[str, str], keys: tuple[str, ...]) -> dict[str, Any]:
    """Dotted field names into nested dicts; the last value of a name wins (checkboxes
    send a hidden "false" first)."""
    root: dict[str, Any] = {}
    names = [name for name in form if name.split(".", 1)[0] in keys]
    if len(names) > MAX_FIELDS:
        raise FormShapeError("too many fields")
    for name in names:
        parts = name.split(".")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise FormShapeError(name)
        values = form.getlist(name)
        node[parts[-1]] = values[-1] if values else ""
    return root


def _always_sent(annotation: Any, name: str) -> bool:
    # An empty list or an unticked box sends nothing, yet means "none" and "no".
    inner = strip_annotated(unwrap_optional(annotation)[0])
    return field_kind(inner, name)[0] in {"list", "bool"}


def _typed(annotation: Any, name: str, raw: Any) -> Any:
    inner, optional = unwrap_optional(annotation)
    inner = strip_annotated(inner)
    kind, _choices, item_type = field_kind(inner, name)
    if kind in {"text", "rich"}:
        texts = raw if isinstance(raw, dict) else {}
        value: dict[str, Any] = {lang: str(texts.get(lang, "")).replace("\r\n", "\n").strip()
                 for lang in ("kk", "ru", "en")}
        if not value["en"]:
            del value["en"]
        elif str(texts.get("en_checked", "")).lower() == "true":
            # The editor confirmed that the English still says what Kazakh and Russian say.
            value["en_outdated"] = False
        if optional and not any(value.values()):
            return None
        return value
    if kind == "group":
        fields = raw if isinstance(raw, dict) else {}
        return {field: _typed(info.annotation, field, fields.get(field))
                for field, info in inner.model_fields.items()
                if field in fields or info.is_required()
                or _always_sent(info.annotation, field)}
    if kind == "list":
        items = raw if isinstance(raw, dict) else {}
        if any(not _INDEX.match(key) for key in items):
            raise FormShapeError(name)
        values = [_typed(item_type, name, items[key]) for key in sorted(items, key=int)]
        item_kind = field_kind(strip_annotated(unwrap_optional(item_type)[0]), name)[0]
        if item_kind not in {"group", "text", "rich"}:
            # A blank phone or week row means "none": dropping it is what the editor meant.
            values = [value for value in values if value not in ("", None)]
        return values
    if kind == "bool":
        return str(raw).lower() in {"true", "on", "1"}
    text = "" if raw is None else str(raw).strip()
    if kind == "number":
        return int(text) if re.fullmatch(r"-?\d{1,9}", text) else (None if not text and
                                                                   optional else text)
    if not text:
        return None if optional else ""
    if kind == "time":
        return time_entry.time_of_day(text)
    if kind == "datetime":
        return time_entry.date_time(text)
    return text


def section_values(form: MultiDict[str, str], keys: tuple[str, ...]) -> dict[str, Any]:
    """The section's fields from ``form``, typed as far as the typing is certain."""
    raw = nest(form, keys)
    return {key: _typed(Location.model_fields[key].annotation, key, raw.get(key))
            for key in keys}


def scheduled_values(form: MultiDict[str, str], index: int,
                     keys: tuple[str, ...]) -> dict[str, Any]:
    """The fields ``keys`` of scheduled change ``index`` from ``form`` (its names are
    ``scheduled.<index>.<key>…``), typed as far as the typing is certain."""
    raw = nest(form, ("scheduled",)).get("scheduled", {})
    entry = raw.get(str(index), {}) if isinstance(raw, dict) else {}
    if not isinstance(entry, dict):
        raise FormShapeError("scheduled")
    return {key: _typed(ScheduledChange.model_fields[key].annotation, key, entry.get(key))
            for key in keys}
