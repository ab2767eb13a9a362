"""The judgement of elements that act on a click (2.1.1), on facts written by hand."""

from __future__ import annotations

from accessibility_audit.checks import clickable
from accessibility_audit.checks.results import Outcomes


def _element(name: str, **facts: object) -> dict:
    return {"target": f"#{name}", "html": f"<div id='{name}'>", "types": ["click"], "tag": "div",
            "role": "", "widget": False, "focusable": False, "negative": False,
            "within": False, "holds": 0, "custom": False, "roving": False, "pointer": True,
            "share": 0.01, "dialog": False, "near": None, **facts}


def _judge(*elements: dict, pointers: tuple[dict, ...] = ()) -> Outcomes:
    facts = {"elements": list(elements), "pointers": list(pointers), "listening": len(elements)}
    return clickable.evaluate(facts)[clickable.RULE]


def test_the_pointer_events_listened_for_on_each_node() -> None:
    listeners = [{"type": "click", "backendNodeId": 4}, {"type": "scroll", "backendNodeId": 5},
                 {"type": "mousedown", "backendNodeId": 4}, {"type": "click", "backendNodeId": 4},
                 {"type": "touchstart", "backendNodeId": 7}, {"type": "click"}]
    assert clickable.listening(listeners) == {4: ["click", "mousedown"], 7: ["touchstart"]}


def test_a_clickable_element_the_keyboard_cannot_reach_fails_and_says_why() -> None:
    outcomes = _judge(_element("plain"), _element("tab", role="tab", widget=True, pointer=False,
                                                  negative=True, types=["mousedown"]))
    assert [n.target for n in outcomes.failed] == ["#plain", "#tab"]
    assert "acts on clicks on this <div>" in outcomes.failed[0].message
    assert "it is not focusable" in outcomes.failed[0].message
    assert 'role="tab" <div>' in outcomes.failed[1].message
    assert 'tabindex="-1" takes it out of the Tab order' in outcomes.failed[1].message
    assert not outcomes.review and not outcomes.passed


def test_a_keyboard_way_in_around_or_beside_it_passes() -> None:
    outcomes = _judge(_element("button", focusable=True), _element("span", within=True),
                      _element("card", holds=2), _element("item", negative=True, roving=True))
    assert [n.target for n in outcomes.passed] == ["#button", "#span", "#card", "#item"]
    assert not outcomes.failed and not outcomes.review


def test_doubts_are_left_for_review_never_failed() -> None:
    link = {"target": "#more", "html": "<a id='more' href='/hours'>Hours</a>"}
    outcomes = _judge(
        _element("picture", near=link),
        _element("quiet", pointer=False),
        _element("swipe", types=["touchstart"]),
        _element("splash", share=0.9),
        _element("widget", custom=True),
        _element("layout", role="presentation"))
    assert not outcomes.failed
    messages = {n.target: n.message for n in outcomes.review}
    assert "#more (<a id='more' href='/hours'>Hours</a>) near it" in messages["#picture"]
    assert "no pointer cursor, no role" in messages["#quiet"]
    assert "Only touch is listened for" in messages["#swipe"]
    assert "as large as 90% of the screen" in messages["#splash"]
    assert "closed shadow tree" in messages["#widget"]
    assert "Its role says it is no control" in messages["#layout"]


def test_a_dialogs_backdrop_is_not_judged() -> None:
    outcomes = _judge(_element("backdrop", share=1.0, dialog=True))
    assert not (outcomes.failed or outcomes.review or outcomes.passed)


def test_what_looks_clickable_under_a_listener_on_the_whole_page_needs_review() -> None:
    row = {"target": "tr:nth-child(2)", "html": "<tr class='row'>"}
    outcomes = _judge(pointers=(row,))
    assert [n.target for n in outcomes.review] == ["tr:nth-child(2)"]
    assert "listens for clicks on the whole page" in outcomes.review[0].message
    assert not outcomes.failed


def test_a_page_without_click_listeners_is_inapplicable() -> None:
    outcomes = _judge()
    assert not (outcomes.failed or outcomes.review or outcomes.passed)


def test_the_nodes_that_stand_for_the_whole_page() -> None:
    tree = {"nodeType": 9, "backendNodeId": 1, "children": [
        {"nodeType": 10, "backendNodeId": 2},
        {"nodeType": 1, "backendNodeId": 3, "localName": "html", "children": [
            {"nodeType": 1, "backendNodeId": 4, "localName": "head"},
            {"nodeType": 3, "backendNodeId": 5},
            {"nodeType": 1, "backendNodeId": 6, "localName": "body"}]}]}
    assert clickable.page_nodes(tree) == {1, 3, 4, 6}
