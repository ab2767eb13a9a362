"""The sections of a location, as facility managers edit and review them.

A section is a group of top-level keys of a location; the Standard's duties (last
updated, last reviewed) are kept per section. A scheduled change belongs to the
sections whose new versions it carries: scheduling new hours changes "hours"."""

from __future__ import annotations

from typing import Any

from kiosk.content.model import SCHEDULABLE

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


# Paths of a scheduled change that belong to no one section: its date, time and note.
SCHEDULE = "scheduled"


def scheduled_keys(section: str) -> tuple[str, ...]:
    """The keys of ``section`` a scheduled change may carry (the stands of a building
    and its announcements are never scheduled)."""
    return tuple(key for key in SECTIONS[section] if key in SCHEDULABLE)


# The sections a change can be scheduled for, in the order of the location page.
SCHEDULABLE_SECTIONS: tuple[str, ...] = tuple(name for name in SECTIONS if scheduled_keys(name))


def section_of(location: dict[str, Any], section: str) -> dict[str, Any]:
    """The section's data, with the versions of it scheduled for later."""
    keys = SECTIONS[section]
    found = {key: location.get(key) for key in keys}
    later = []
    for entry in location.get(SCHEDULE) or []:
        if isinstance(entry, dict):
            versions = {key: entry[key] for key in keys if entry.get(key) is not None}
            if versions:
                later.append((entry.get("effective_from"), entry.get("effective_time"),
                              versions))
    if later:
        found[SCHEDULE] = later
    return found


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
    """The section a dotted field path such as ``hours.monday.0.start`` belongs to;
    :data:`SCHEDULE` for the date, time and note of a scheduled change."""
    parts = path.split(".")
    head = parts[0]
    if head == SCHEDULE:
        if len(parts) < 3:
            return SCHEDULE
        head = parts[2]
    for name, keys in SECTIONS.items():
        if head in keys:
            return name
    if parts[0] == SCHEDULE:
        return SCHEDULE
    raise KeyError(path)
