"""The editing form of a section, derived from the content model.

Each field of the model becomes a node: a Kazakh/Russian/English group for visitor
texts, an input of the right type for times, dates, numbers and choices, and a list with
"Add" and "Remove" buttons for repeated items. Field names are dotted paths into the
location (``hours.monday.0.start``), the same paths validation errors carry, so every
error lands beside its field."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from kiosk.admin.field_labels import choice_label, field_hint, field_label, item_label
from kiosk.content.model import LANGUAGES, Location, Text

# Visitor texts that may hold paragraphs, lists, emphasis and links.
RICH_FIELDS = frozenset({"intro", "description", "how_to_book", "body"})
_INPUT_TYPES = {"email": "email", "url": "url", "website": "url", "livestream_url": "url",
                "phone": "tel", "phones": "tel", "booking_phone": "tel"}


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


def _leaf_value(kind: str, value: Any) -> Any:
    if value is None:
        return "" if kind != "bool" else False
    if kind == "datetime" and isinstance(value, str):
        return value[:16]  # what <input type="datetime-local"> shows, without seconds
    if kind == "time" and isinstance(value, str):
        return value[:5]
    return value


def build_node(annotation: Any, name: str, path: str, value: Any, required: bool,
               errors: dict[str, list[str]], label: str | None = None) -> FormNode:
    inner, optional = unwrap_optional(annotation)
    kind, choices, item_type = field_kind(inner, name)
    node = FormNode(path=path, name=name, kind=kind, label=label or field_label(name),
                    required=required and not optional, hint=field_hint(name),
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
