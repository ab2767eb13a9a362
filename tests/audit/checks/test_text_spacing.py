"""Text spacing set !important in a style attribute (WCAG 1.4.12), judged on facts
written by hand."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import text_spacing


def _found(prop: str, value: float | None, size: float = 16.0,
           declared: str = "x") -> dict[str, Any]:
    return {"target": f"#{prop}", "html": "<p>", "property": prop, "declared": declared,
            "value": value, "fontSize": size}


def test_spacing_below_the_criterion_fails_with_what_it_keeps() -> None:
    outcomes = text_spacing.evaluate([_found("line-height", 19.2, declared="1.2")])
    assert [n.target for n in outcomes.failed] == ["#line-height"]
    message = outcomes.failed[0].message
    assert "line-height: 1.2 !important" in message and "1.20 times" in message
    assert "at least 1.5 em" in message


def test_normal_counts_as_too_little() -> None:
    outcomes = text_spacing.evaluate([_found("letter-spacing", None, declared="normal")])
    assert outcomes.failed and "gives normal" in outcomes.failed[0].message


def test_spacing_at_the_criterion_passes_measured_on_the_texts_own_font() -> None:
    # 3 px at 25 px is exactly 0.12 em; 15 px lines for 10 px text are 1.5 times.
    outcomes = text_spacing.evaluate([_found("letter-spacing", 3.0, 25.0),
                                      _found("line-height", 15.0, 10.0),
                                      _found("word-spacing", 3.2, 20.0)])
    assert not outcomes.failed and len(outcomes.passed) == 3


def test_word_spacing_needs_a_sixth_of_the_font() -> None:
    outcomes = text_spacing.evaluate([_found("word-spacing", 3.0, 20.0)])
    assert outcomes.failed and "0.16 times" in outcomes.failed[0].message
