"""The target size and reflow judgements, and the entries they become, without a browser."""

from __future__ import annotations

from accessibility_audit.checks import reflow, target_size
from accessibility_audit.checks.results import Node, Outcomes, rule_results
from accessibility_audit.checks.rules import RULES


def _target(target: str, width: float, height: float, **facts: object) -> dict:
    return {"target": target, "html": f"<a id='{target[1:]}'>", "width": width,
            "height": height, "name": "", "href": "", "inSentence": False,
            "userAgent": False, **facts}


def test_targets_under_44_px_fail_unless_an_exception_applies() -> None:
    outcomes = target_size.evaluate([
        _target("#big", 44, 44), _target("#subpixel", 43.96, 48), _target("#small", 43, 60),
        _target("#inline", 40, 18, inSentence=True), _target("#checkbox", 13, 13, userAgent=True),
        _target("#next", 30, 18, name="next", href="/2"), _target("#next2", 48, 48, name="next",
                                                                   href="/2"),
        _target("#other-next", 30, 18, name="next", href="/3")])
    assert [n.target for n in outcomes.failed] == ["#small", "#other-next"]
    assert outcomes.failed[0].message.startswith("The target is 43 × 60 CSS px")


def _overflow(scroll_width: int, outermost: list, boxes: list) -> dict:
    return {"width": 320, "height": 256, "scrollWidth": scroll_width,
            "outermost": outermost, "boxes": boxes}


def test_a_page_scrolling_sideways_names_its_outermost_wide_elements() -> None:
    wide = {"target": "#wide", "html": "<div id='wide'>", "right": 600, "twoD": False}
    outcomes = reflow.evaluate(_overflow(600, [wide], []), "320 CSS px wide")
    assert [(n.target, n.message[:47]) for n in outcomes.failed] == [
        ("#wide", "At 320 CSS px wide the page scrolls sideways (6")]
    assert not outcomes.passed


def test_images_video_and_data_tables_may_widen_the_page() -> None:
    # Understanding 1.4.10 exempts content that needs two dimensions.
    image = {"target": "#plan", "html": "<img>", "right": 900, "twoD": True}
    outcomes = reflow.evaluate(_overflow(900, [image], []), "320 CSS px wide")
    assert not outcomes.failed and not outcomes.review
    assert [n.target for n in outcomes.passed] == ["#plan"]


def test_tables_and_maps_may_scroll_in_a_box_of_their_own_but_text_may_not() -> None:
    table = {"target": "#table", "html": "<div>", "twoD": True}
    text = {"target": "#text", "html": "<div>", "twoD": False}
    outcomes = reflow.evaluate(_overflow(320, [], [table, text]), "320 CSS px wide")
    assert [n.target for n in outcomes.failed] == ["#text"]
    assert [n.target for n in outcomes.passed] == ["#table"]


def test_a_wide_page_without_a_culprit_needs_review() -> None:
    outcomes = reflow.evaluate(_overflow(400, [], []), "320 CSS px wide")
    assert not outcomes.failed and [n.target for n in outcomes.review] == ["html"]


def test_outcomes_become_axe_entries() -> None:
    rule = RULES["reflow"]
    failing = Outcomes(failed=[Node("#a", "<p id=a>", "too wide"), Node("#a", "<p id=a>", "again")],
                       passed=[Node("#b", "<p>"), Node("#c", "<p>")])
    entries = rule_results(rule, failing)
    violation = entries["violations"]
    assert violation["id"] == "reflow" and "wcag1410" in violation["tags"]
    assert violation["helpUrl"] == "https://www.w3.org/WAI/WCAG22/Understanding/reflow.html"
    # One element found twice is one failure; one passing element stands for all.
    assert [(n["target"], n["failureSummary"]) for n in violation["nodes"]] == [
        (["#a"], "Fix the following:\n  too wide")]
    assert len(entries["passes"]["nodes"]) == 1
    assert rule_results(rule, Outcomes()) == {"inapplicable": {**entries["passes"],
                                                               "impact": None, "nodes": []}}


def test_a_frame_of_another_site_that_widens_the_page_needs_review_not_a_pass() -> None:
    # What it shows cannot be looked into: a video may widen the page, a form may not.
    frame = {"target": "#widget", "html": "<iframe>", "right": 400, "twoD": None}
    form = {"target": "#form", "html": "<iframe>", "right": 400, "twoD": False}
    outcomes = reflow.evaluate(_overflow(400, [frame, form], []), "320 CSS px wide")
    assert [n.target for n in outcomes.review] == ["#widget"]
    assert "frame of another site" in outcomes.review[0].message
    assert [n.target for n in outcomes.failed] == ["#form"] and not outcomes.passed
