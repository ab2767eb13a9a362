"""Orientation locked by a quarter turn (WCAG 1.3.4), judged on facts written by hand."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import orientation


def _look(width: int, height: int, **angles: float) -> dict[str, Any]:
    return {"width": width, "height": height, "content": True,
            "elements": [{"target": t, "html": f"<{t}>", "angle": a} for t, a in angles.items()]}


def test_content_turned_a_quarter_in_one_orientation_fails() -> None:
    outcomes = orientation.evaluate(_look(1280, 800, html=0.0, body=2.5),
                                    _look(800, 1280, html=0.0, body=92.5))
    assert [n.target for n in outcomes.failed] == ["body"]
    assert outcomes.failed[0].message.startswith(
        "In portrait (800 × 1280 CSS px) this element is turned 92°, in landscape")
    assert [n.target for n in outcomes.passed] == ["html"]


def test_a_three_quarter_turn_locks_too_and_a_full_turn_does_not() -> None:
    outcomes = orientation.evaluate(_look(1280, 800, html=0.0, body=0.0),
                                    _look(800, 1280, html=-90.0, body=360.0))
    assert [n.target for n in outcomes.failed] == ["html"]
    assert [n.target for n in outcomes.passed] == ["body"]


def test_the_same_turn_in_both_orientations_is_no_lock() -> None:
    outcomes = orientation.evaluate(_look(1280, 800, body=90.0), _look(800, 1280, body=90.0))
    assert not outcomes.failed and outcomes.passed


def test_a_page_without_visible_content_is_inapplicable() -> None:
    hidden = {"width": 1280, "height": 800, "content": False, "elements": []}
    outcomes = orientation.evaluate(hidden, hidden)
    assert not (outcomes.failed or outcomes.passed or outcomes.review)
