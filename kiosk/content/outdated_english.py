"""English texts left behind: a Kazakh or Russian text changed and its English did not.

The English version was then written for words that are no longer there. It is marked
``en_outdated`` and stands show Russian to English readers instead, as they do when
there is no English, until an editor updates the English or confirms that it still
fits. Works on documents as typed (dicts), before and after a change.
"""

from __future__ import annotations

from typing import Any

FLAG = "en_outdated"


def is_text(node: Any) -> bool:
    return isinstance(node, dict) and "kk" in node and "ru" in node


def mark_outdated_english(before: Any, after: Any) -> Any:
    """``after`` with the English of every text marked outdated whose Kazakh or Russian
    differs from ``before`` at the same place while its English does not.

    A text that says ``en_outdated`` itself keeps what it says (an editor's "the English
    still fits" is ``en_outdated: false``, which is then left out); an outdated mark
    stays until the English changes. Texts without English are never marked."""
    if is_text(after):
        return _text(before if is_text(before) else None, after)
    if isinstance(after, dict):
        old = before if isinstance(before, dict) else {}
        return {key: mark_outdated_english(old.get(key), value) for key, value in after.items()}
    if isinstance(after, list):
        old_items = before if isinstance(before, list) else []
        return [mark_outdated_english(old_items[index] if index < len(old_items) else None,
                                      value) for index, value in enumerate(after)]
    return after


def _text(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, Any]:
    result = {key: value for key, value in after.items() if key != FLAG}
    if FLAG in after:
        if after[FLAG] is True and result.get("en"):
            result[FLAG] = True
        return result
    if not result.get("en") or before is None or before.get("en") != result.get("en"):
        return result
    changed = before.get("kk") != result.get("kk") or before.get("ru") != result.get("ru")
    if changed or before.get(FLAG) is True:
        result[FLAG] = True
    return result


def outdated_paths(node: Any, path: str = "") -> list[str]:
    """The dotted paths of the texts whose English is marked outdated."""
    if is_text(node):
        return [path] if node.get(FLAG) is True and node.get("en") else []
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += outdated_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += outdated_paths(value, f"{path}.{index}" if path else str(index))
    return found
