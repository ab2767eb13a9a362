"""Text cut off by a reader's text spacing (WCAG 1.4.12), judged on facts written by
hand: only what the spacing cuts off is its doing."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import spacing_clip


def _text(cut_y: float = 0, target: str = "#card") -> dict[str, Any]:
    text: dict[str, Any] = {"cutX": 0, "cutY": cut_y, "fontSize": 16.0, "hidden": False}
    if cut_y:
        text.update({"target": target, "html": "<div>", "text": "Reception of citizens",
                     "overflow": "hidden hidden", "ellipsis": False, "linked": False})
    return text


def test_text_the_spacing_cuts_off_fails() -> None:
    outcomes = spacing_clip.evaluate([_text()], [_text(cut_y=24)])
    assert [n.target for n in outcomes.failed] == ["#card"]
    assert outcomes.failed[0].message.startswith(
        "With WCAG's text spacing (line height 1.5, letters 0.12 em, words 0.16 em, "
        "paragraphs 2 em apart) this box cuts off 24 px down of its text")


def test_text_cut_off_without_the_spacing_is_not_the_spacings_doing() -> None:
    outcomes = spacing_clip.evaluate([_text(cut_y=20)], [_text(cut_y=40)])
    assert not outcomes.failed and not outcomes.review
    assert [n.target for n in outcomes.passed] == ["html"]


def test_a_page_without_boxes_that_hide_their_overflow_is_inapplicable() -> None:
    outcomes = spacing_clip.evaluate([], [])
    assert not (outcomes.failed or outcomes.passed or outcomes.review)
