"""The editing form of a section, derived from the content model.

Each field of the model becomes a node: a Kazakh/Russian/English group for visitor
texts, an input of the right type for times, dates, numbers and choices, and a list with
"Add" and "Remove" buttons for repeated items. Field names are dotted paths into the
location (``hours.monday.0.start``), the same paths validation errors carry, so every
error lands beside its field."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from flask_babel import gettext as _
from pydantic import BaseModel

from kiosk.admin.copy_hours import copy_days
from kiosk.admin.field_labels import choice_label, field_hint, field_label, item_label
from kiosk.content.model import LANGUAGES, Location, Text

# Visitor texts that may hold paragraphs, lists, emphasis and links.
RICH_FIELDS = frozenset({"intro", "description", "how_to_book", "body"})
_INPUT_TYPES = {"email": "email", "url": "url", "website": "url", "livestream_url": "url",
                "phone": "tel", "phones": "tel", "booking_phone": "tel"}


# Times are typed, 24-hour, whatever the browser's locale (kiosk/admin/time_entry.py).
_TIME_HINTS = {
    "time": lambda: _("24-hour clock, for example 09:00 or 18:30."),
    "datetime": lambda: _("Day, month, year and a 24-hour time, for example 22.12.2026 10:00."),
}


@dataclass
class FormNode:
    path: str
    name: str
    kind: str  # text, rich, line, time, date, datetime, bool, number, choice, group, list
    label: str
    required: bool
    value: Any = ""
    hint: str = ""
    input_type: str = "text"
    choices: list[tuple[str, str]] = field(default_factory=list)
    children: list[FormNode] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    item_label: str = ""
    copy_to: list[tuple[str, str]] = field(default_factory=list)  # other weekdays
    language_errors_by_code: dict[str, list[str]] = field(default_factory=dict)
    en_outdated: bool = False  # a visitor text whose English was written for older texts

    @property
    def id(self) -> str:
        return "f-" + self.path.replace(".", "-")

    def language_errors(self, lang: str) -> list[str]:
        """Errors of one language's input of a visitor text."""
        return self.language_errors_by_code.get(lang, [])


def unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None`` and whether ``None`` is allowed."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], True
    return annotation, False


def strip_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def field_kind(annotation: Any, name: str) -> tuple[str, list[tuple[str, str]], Any]:
    """The node kind of a type, its choices, and its item type when it is a list."""
    annotation = strip_annotated(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return "list", [], typing.get_args(annotation)[0]
    if origin is typing.Literal:
        return "choice", [(v, choice_label(name, v)) for v in typing.get_args(annotation)], None
    if isinstance(annotation, type):
        if issubclass(annotation, Text):
            return ("rich" if name in RICH_FIELDS else "text"), [], None
        if issubclass(annotation, BaseModel):
            return "group", [], None
        if issubclass(annotation, StrEnum):
            return "choice", [(m.value, choice_label(name, m.value)) for m in annotation], None
        if issubclass(annotation, bool):
            return "bool", [], None
        if issubclass(annotation, int):
            return "number", [], None
        if issubclass(annotation, dt.datetime):
            return "datetime", [], None
        if issubclass(annotation, dt.date):
            return "date", [], None
        if issubclass(annotation, dt.time):
            return "time", [], None
    return "line", [], None


_ISO_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})")
_ISO_TIME = re.compile(r"^(\d{2}):(\d{2}):\d{2}")


def _leaf_value(kind: str, value: Any) -> Any:
    if value is None:
        return "" if kind != "bool" else False
    if kind == "datetime" and isinstance(value, str):
        # Day, month, year and a 24-hour time, as written in Kazakhstan, whatever the
        # browser's locale; a value typed wrong is shown as it was typed.
        match = _ISO_DATETIME.match(value)
        return f"{match[3]}.{match[2]}.{match[1]} {match[4]}:{match[5]}" if match else value
    if kind == "time" and isinstance(value, str):
        return value[:5] if _ISO_TIME.match(value) else value
    return value


def build_node(annotation: Any, name: str, path: str, value: Any, required: bool,
               errors: dict[str, list[str]], label: str | None = None) -> FormNode:
    inner, optional = unwrap_optional(annotation)
    kind, choices, item_type = field_kind(inner, name)
    node = FormNode(path=path, name=name, kind=kind, label=label or field_label(name),
                    required=required and not optional,
                    hint=field_hint(name) or _TIME_HINTS.get(kind, lambda: "")(),
                    input_type=_INPUT_TYPES.get(name, "text"), choices=choices,
                    errors=errors.get(path, []))
    if kind in {"text", "rich"}:
        texts = value if isinstance(value, dict) else {}
        node.value = {lang: texts.get(lang) or "" for lang in LANGUAGES}
        node.en_outdated = texts.get("en_outdated") is True and bool(texts.get("en"))
        node.language_errors_by_code = {lang: errors.get(f"{path}.{lang}", [])
                                        for lang in LANGUAGES}
    elif kind == "group":
        node.children = model_nodes(strip_annotated(inner), value or {}, path, errors)
    elif kind == "list":
        node.item_label = item_label(name)
        node.copy_to = [(day, field_label(day)) for day in copy_days(path)]
        items = value if isinstance(value, list) else []
        node.children = [
            build_node(item_type, name, f"{path}.{index}", item, True, errors,
                       label=f"{node.item_label.capitalize()} {index + 1}")
            for index, item in enumerate(items)
        ]
    else:
        node.value = _leaf_value(kind, value)
    return node


def model_nodes(model: type[BaseModel], values: dict[str, Any], prefix: str,
                errors: dict[str, list[str]], only: tuple[str, ...] | None = None
                ) -> list[FormNode]:
    nodes = []
    for name, info in model.model_fields.items():
        if only is not None and name not in only:
            continue
        path = f"{prefix}.{name}" if prefix else name
        nodes.append(build_node(info.annotation, name, path, values.get(name), info.is_required()
                                or not unwrap_optional(info.annotation)[1], errors))
    return nodes


def section_nodes(location: dict[str, Any], keys: tuple[str, ...], errors: dict[str, list[str]]
                  ) -> list[FormNode]:
    nodes = model_nodes(Location, location, "", errors, only=keys)
    if len(nodes) == 1 and nodes[0].kind == "group" and not nodes[0].errors:
        # A section that is one group (hours, appeals, contacts): the page heading
        # already names it, so its fields come without a box of the same name.
        return nodes[0].children
    return nodes


def _find(nodes: list[FormNode], path: str) -> tuple[FormNode | None, str]:
    """The deepest node at or above ``path``, and what is left of the path below it."""
    for node in nodes:
        if path == node.path:
            return node, ""
        if path.startswith(node.path + "."):
            deeper, rest = _find(node.children, path)
            return (deeper, rest) if deeper else (node, path[len(node.path) + 1:])
    return None, path


def first_input_id(node: FormNode, rest: str = "") -> str:
    """The id of the control an error of ``node`` sends the editor to: the field itself,
    the language's input of a text, the first input of a group or list, or a list's
    "Add" button when it has no items."""
    if node.kind in {"text", "rich"}:
        lang = rest if rest in LANGUAGES else next(
            (code for code in LANGUAGES if node.language_errors(code)), LANGUAGES[0])
        return f"{node.id}-{lang}"
    if node.kind in {"group", "list"}:
        if node.children:
            return first_input_id(node.children[0])
        return f"{node.id}-add" if node.kind == "list" else node.id
    return node.id


def error_target(nodes: list[FormNode], path: str) -> str:
    """Where an error summary's link for ``path`` points: always a control that takes the
    focus, never a fieldset (which would leave the focus on the page's body)."""
    node, rest = _find(nodes, path)
    if node:
        return first_input_id(node, rest)
    # An error of the whole section: its first field.
    return first_input_id(nodes[0]) if nodes else "f-" + path.replace(".", "-")


def blank_value(annotation: Any) -> Any:
    """An empty item for a list, shaped as the form expects it."""
    inner, _optional = unwrap_optional(annotation)
    inner = strip_annotated(inner)
    kind, choices, item_type = field_kind(inner, "")
    if kind in {"text", "rich"}:
        return {"kk": "", "ru": ""}
    if kind == "group":
        return {name: blank_value(info.annotation) if info.is_required() else None
                for name, info in inner.model_fields.items()}
    if kind == "list":
        return []
    if kind == "choice":
        return choices[0][0]
    if kind == "bool":
        return True
    return ""


def annotation_at(path: str) -> Any:
    """The model type at a dotted path such as ``hours.monday`` or ``appeals.officials.0``."""
    annotation: Any = Location
    for part in path.split("."):
        annotation = strip_annotated(unwrap_optional(annotation)[0])
        if part.isdigit():
            annotation = typing.get_args(annotation)[0]
        else:
            annotation = annotation.model_fields[part].annotation
    return annotation
