"""The checklist's own words (from the scanner's catalogs) for the templates of the
stands' pages, in the language of the page."""

from __future__ import annotations

from typing import Any

from accessibility_audit.physical import texts


def page_words(language: str) -> dict[str, Any]:
    say = texts.sayer(language)
    return {
        "say": say,
        "verdict_names": {k: say(v) for k, v in texts.VERDICTS.items()},
        "overall_names": {k: say(v) for k, v in texts.OVERALL.items()},
        "choice_names": {k: say(v) for k, v in texts.CHOICES.items()},
        "unit_names": {k: say(v) for k, v in texts.UNITS.items()},
        "not_verified": say(texts.NOT_VERIFIED),
        "allowed_range": lambda low, high, unit: texts.allowed_range(low, high, unit, language),
        "measured": lambda value, unit: texts.measured(value, unit, language),
        "number": lambda value: texts.number(value, language),
    }
