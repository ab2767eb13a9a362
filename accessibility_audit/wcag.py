"""WCAG levels as axe tags, and axe tags as WCAG success criteria."""

from __future__ import annotations

import re

# Each standard includes the levels below it, as WCAG conformance does.
STANDARDS: dict[str, tuple[str, ...]] = {
    "wcag2a": ("wcag2a",),
    "wcag2aa": ("wcag2a", "wcag2aa"),
    "wcag21aa": ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"),
    "wcag22aa": ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"),
    # AAA: axe's wcag2aaa rules (7:1 contrast …) and the own AAA checks (44 px targets).
    "wcag22aaa": ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "wcag2aaa",
                  "wcag21aaa", "wcag22aaa"),
}
BEST_PRACTICE = "best-practice"

# axe writes success criterion 1.4.10 as "wcag1410": principle and guideline are one
# digit each, the rest is the criterion's number.
_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d{1,2})$")


def tags_for(standard: str, best_practice: bool = False) -> tuple[str, ...]:
    """The axe tags that select the rules of ``standard``."""
    if standard not in STANDARDS:
        raise ValueError(f"unknown standard {standard!r}; choose one of "
                         f"{', '.join(STANDARDS)}")
    tags = STANDARDS[standard]
    return (*tags, BEST_PRACTICE) if best_practice else tags


def criteria(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Success criteria named by axe tags, e.g. ``("1.1.1",)`` for ``wcag111``."""
    found = []
    for tag in tags:
        match = _CRITERION_TAG.match(tag)
        if match:
            found.append(".".join(match.groups()))
    return tuple(sorted(set(found), key=criterion_sort_key))


def criterion_sort_key(criterion: str) -> tuple[int, ...]:
    """Sort "1.4.10" after "1.4.3", as people read them."""
    return tuple(int(part) if part.isdigit() else 0 for part in criterion.split("."))
