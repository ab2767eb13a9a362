"""Text cut off at 200 % zoom (WCAG 1.4.4), judged on facts written by hand."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import zoom
from accessibility_audit.model import Viewport


def _text(cut_x: float = 0, cut_y: float = 0, hidden: bool = False, target: str = "#box",
          **more: Any) -> dict[str, Any]:
    text = {"cutX": cut_x, "cutY": cut_y, "fontSize": 16.0, "hidden": hidden}
    if cut_x or cut_y:
        text.update({"target": target, "html": "<div>", "text": "Once upon a midnight",
                     "overflow": "hidden hidden", "ellipsis": False, "linked": False})
        text.update(more)
    return text


WHERE = "the page shown at 640 × 400 CSS px"


def test_text_cut_off_at_200_percent_fails_naming_the_box() -> None:
    outcomes = zoom.evaluate([_text()], [_text(cut_y=40)], WHERE)
    assert [n.target for n in outcomes.failed] == ["#box"]
    assert outcomes.failed[0].message.startswith(
        "At 200 % (the page shown at 640 × 400 CSS px) this box cuts off 40 px down of its "
        "text (“Once upon a midnight”)")
    assert "already at 100 %" not in outcomes.failed[0].message


def test_a_glyphs_overhang_is_not_a_cut() -> None:
    outcomes = zoom.evaluate([_text()], [_text(cut_x=7, cut_y=6)], WHERE)
    assert not outcomes.failed and [n.target for n in outcomes.passed] == ["html"]


def test_text_hidden_at_both_sizes_is_hidden_by_design() -> None:
    slide = _text(cut_x=900, hidden=True)
    assert not zoom.evaluate([slide], [slide], WHERE).failed
    # Visible at 100 %, gone at 200 %: cut off by the zoom.
    assert zoom.evaluate([_text()], [slide], WHERE).failed


def test_an_ellipsis_or_a_link_beside_the_box_needs_review() -> None:
    outcomes = zoom.evaluate([_text(), _text()],
                             [_text(cut_x=300, ellipsis=True, target="#a"),
                              _text(cut_y=300, linked=True, target="#b")], WHERE)
    assert not outcomes.failed
    assert [n.target for n in outcomes.review] == ["#a", "#b"]
    assert "ellipsis" in outcomes.review[0].message and "link" in outcomes.review[1].message


def test_text_found_only_at_200_percent_is_judged_and_one_box_is_named_once() -> None:
    outcomes = zoom.evaluate([], [_text(cut_y=50), _text(cut_y=80)], WHERE)
    assert [n.target for n in outcomes.failed] == ["#box"]


def test_200_percent_is_half_the_viewport_but_never_under_320_px() -> None:
    assert zoom.zoomed(Viewport("desktop", 1280, 800)) == Viewport("zoom-200", 640, 400)
    assert zoom.zoomed(Viewport("mobile", 375, 667, True)).width == 320
