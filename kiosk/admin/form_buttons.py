"""The "Add" and "Remove" buttons of the editing forms, carried out on the values a
form sent: each names its list or item by its dotted path."""

from __future__ import annotations

import typing
from typing import Any

from flask import abort
from flask_babel import gettext as _

from kiosk.admin.field_labels import item_label
from kiosk.admin.form_tree import annotation_at, blank_value


def _container(values: dict[str, Any], path: str) -> tuple[Any, str]:
    """The list or dict holding the last part of ``path``, and that part."""
    parts = path.split(".")
    node: Any = values
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, parts[-1]


def apply_operation(operation: str, values: dict[str, Any], keys: tuple[str, ...]
                    ) -> tuple[str | None, str | None]:
    """Carry out an "add:<list path>" or "remove:<item path>" button in ``values``.

    Returns the id of the field to focus next and a message saying what happened."""
    action, _sep, path = operation.partition(":")
    if action not in {"add", "remove"} or path.split(".", 1)[0] not in keys:
        abort(400)
    try:
        if action == "add":
            annotation = annotation_at(path)
            if typing.get_origin(annotation) is not list:
                abort(400)
            holder, last = _container(values, path)
            items = holder[int(last)] if isinstance(holder, list) else holder.get(last)
            if items is None:
                items = holder[last] = []
            items.append(blank_value(typing.get_args(annotation)[0]))
            name = [p for p in path.split(".") if not p.isdigit()][-1]
            label = item_label(name)
            new_path = f"{path}.{len(items) - 1}"
            return (f"f-{new_path.replace('.', '-')}",
                    _("Added %(item)s %(n)d.", item=label, n=len(items)))
        holder, last = _container(values, path)
        if not isinstance(holder, list) or not last.isdigit() or int(last) >= len(holder):
            abort(400)
        del holder[int(last)]
        list_path = path.rsplit(".", 1)[0]
        name = [p for p in list_path.split(".") if not p.isdigit()][-1]
        return (f"f-{list_path.replace('.', '-')}-add",
                _("Removed %(item)s %(n)d.", item=item_label(name), n=int(last) + 1))
    except (KeyError, IndexError, TypeError, ValueError):
        abort(400)
