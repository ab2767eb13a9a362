"""The keyboard walk's judgements (focus visible, not obscured, no trap), on facts and
logs written by hand."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from accessibility_audit.checks import focus


def _element(n: int, **facts: object) -> dict:
    return {"target": f"#e{n}", "html": f"<a id='e{n}'>", "handlers": False, "link": False,
            "dialog": False, "frame": False, **facts}


def test_where_the_focus_settled_after_each_key() -> None:
    # Each "key" is a key's end (keyup). Tab to 0; Tab to 1, which the page sends back
    # to 0 a moment later; Tab that moves nothing; Tab past the end of the page.
    log = ["down", 0, "key", "down", 1, "key", 0, "down", "key", "down", -2, "key"]
    assert focus.settled(log) == [0, 0, 0, -2]
    # A page that swallows keydown: only the keyups mark the keys.
    assert focus.settled([0, "key", "key"]) == [0, 0]


def test_a_round_without_leaving_the_page_is_a_cycle_and_a_walk_past_the_end_is_not() -> None:
    assert focus.find_cycle([0, "key", 1, "key", -2, "key", 0, "key", 1, "key"], set()) is None
    # Sent back a moment later: 1 is left for 0 again without leaving the page.
    assert focus.find_cycle(["down", 0, "key", "down", 1, "key", 0, "down", 1, "key", 0],
                            set()) == [0, 1]
    # The focus does not move at all: the key was swallowed.
    assert focus.find_cycle([0, "key", "key"], set()) == [0]
    assert focus.settled([0, "key", "key"]) == [0, 0]
    # Before the first element, a key may find nothing to move from.
    assert focus.find_cycle(["key", 0, "key", 1, "key", -2, "key"], set()) is None
    # Inside a frame the walk cannot see, nothing is judged.
    assert focus.find_cycle([2, "key", 2, "key"], {2}) is None


def test_the_key_combinations_a_page_names() -> None:
    found = focus.combinations("Press Ctrl+M to leave the editor, or Alt + F4. CTRL+m again.")
    assert found == [(Keys.CONTROL, "m"), (Keys.ALT, Keys.F4)]
    assert focus.combinations("Нажмите Ctrl+Esc") == [(Keys.CONTROL, Keys.ESCAPE)]


def _facts(**facts: object) -> dict:
    base = {"elements": [_element(0), _element(1), _element(2, handlers=True)],
            "states": [0, 1, 2, -2], "looks": {0: True, 1: False, 2: False}, "hidden": {},
            "shots": {1: "invisible", 2: "invisible"}, "trap": None}
    return {**base, **facts}


def test_focus_that_changes_nothing_on_screen_fails_unless_a_handler_may_show_it() -> None:
    outcomes = focus.evaluate(_facts())["focus-visible"]
    assert [n.target for n in outcomes.passed] == ["#e0"]
    assert [n.target for n in outcomes.failed] == ["#e1"]
    assert "nothing on the screen changes" in outcomes.failed[0].message
    assert [n.target for n in outcomes.review] == ["#e2"]


def test_a_screen_that_moves_by_itself_is_not_judged() -> None:
    outcomes = focus.evaluate(_facts(shots={1: "moving", 2: "visible"}))["focus-visible"]
    assert [n.target for n in outcomes.passed] == ["#e0", "#e2"]
    assert not outcomes.failed and not outcomes.review


def test_focus_entirely_under_a_fixed_bar_fails_and_names_it() -> None:
    bar = {"target": "#bar", "html": "<div id='bar'>"}
    outcomes = focus.evaluate(_facts(hidden={0: None, 1: bar}))["focus-not-obscured"]
    assert [n.target for n in outcomes.passed] == ["#e0"]
    assert [n.target for n in outcomes.failed] == ["#e1"]
    assert "entirely hidden by #bar (<div id='bar'>)" in outcomes.failed[0].message


def test_a_trap_fails_unless_a_key_frees_it_or_a_link_or_dialog_may() -> None:
    caught = focus.evaluate(_facts(trap={"cycle": [0, 1], "way_out": None}))["keyboard-trap"]
    assert [n.target for n in caught.failed] == ["#e0"]
    assert "(with #e1)" in caught.failed[0].message
    freed = focus.evaluate(_facts(trap={"cycle": [0], "way_out": "Escape"}))["keyboard-trap"]
    assert freed.passed and not freed.failed
    elements = [_element(0, link=True), _element(1), _element(2)]
    linked = focus.evaluate(_facts(elements=elements, trap={"cycle": [0, 1], "way_out": None}))
    assert not linked["keyboard-trap"].failed and linked["keyboard-trap"].review
    # A round that passed one element only a moment (sent back at once) is no round of
    # the whole page.
    sent_back = focus.evaluate(_facts(states=[0, 1, 0, 1], trap={"cycle": [0, 1, 2],
                                                                   "way_out": None}))
    assert [n.target for n in sent_back["keyboard-trap"].failed] == ["#e0"]
    whole = focus.evaluate(_facts(states=[0, 1, 2, 0], trap={"cycle": [0, 1, 2],
                                                              "way_out": None}))
    assert not whole["keyboard-trap"].failed and whole["keyboard-trap"].review
    free = focus.evaluate(_facts())["keyboard-trap"]
    assert [n.target for n in free.passed] == ["html"]


def test_a_page_with_nothing_to_focus_is_inapplicable() -> None:
    outcomes = focus.evaluate({"elements": [], "states": [], "looks": {}, "hidden": {},
                               "shots": {}, "trap": None})
    assert all(not (o.passed or o.failed or o.review) for o in outcomes.values())
