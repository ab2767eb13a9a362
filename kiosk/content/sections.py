"""The sections of a location, as facility managers edit and review them.

A section is a group of top-level keys of a location; the Standard's duties (last
updated, last reviewed) are kept per section."""

from __future__ import annotations

from typing import Any

SECTIONS: dict[str, tuple[str, ...]] = {
    "general": ("name", "address", "stands"),
    "hours": ("hours",),
    "appeals": ("appeals",),
    "contacts": ("contacts",),
    "accessibility": ("accessibility",),
    "announcements": ("announcements",),
}


def section_keys(section: str) -> tuple[str, ...]:
    return SECTIONS[section]


def section_of(location: dict[str, Any], section: str) -> dict[str, Any]:
    return {key: location.get(key) for key in SECTIONS[section]}


def with_section(location: dict[str, Any], section: str, values: dict[str, Any]
                 ) -> dict[str, Any]:
    """``location`` with ``section`` replaced by ``values``; other sections unchanged."""
    return {**location, **{key: values.get(key) for key in SECTIONS[section]}}


def changed_sections(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """The sections whose data differ; every section when there was nothing before."""
    if before is None:
        return list(SECTIONS)
    return [name for name in SECTIONS if section_of(before, name) != section_of(after, name)]


def section_for_path(path: str) -> str:
    """The section a dotted field path such as ``hours.monday.0.start`` belongs to."""
    head = path.split(".", 1)[0]
    for name, keys in SECTIONS.items():
        if head in keys:
            return name
    raise KeyError(path)
