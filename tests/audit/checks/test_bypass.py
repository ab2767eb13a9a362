"""Bypass blocks judged without a browser: gathered pieces of a page, and the pieces of
the other pages of its site."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.bypass import RULE, comparison_page, evaluate, pieces_of

MENU = ("Services", "Opening hours", "Contacts")
OTHER_PAGE = pieces_of("<html><head><title>Services</title><script>var x = 'Read';</script>"
                       "</head><body><nav><a href='/'>Services</a> <a href='/h'>Opening "
                       "hours</a>\n<a href='/c'>Contacts</a></nav><main><h1>Services of the "
                       "agency</h1><img src='a.png' alt='The front desk'></main></body></html>")


def _unit(text: str, **flags: Any) -> dict[str, Any]:
    unit = {"text": text, "seen": True, "exposed": True, "neutral": False, "landmark": False,
            "heading": False, "target": f"#{text.split()[0].lower()}", "html": f"<p>{text}</p>"}
    return unit | flags


def _page(*units: dict[str, Any], skip_links: tuple[dict[str, Any], ...] = (),
          controls: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    return {"page": {"url": "https://a.kz/hours", "units": list(units),
                     "skipLinks": list(skip_links), "controls": list(controls),
                     "pages": ["https://a.kz/services"]},
            "others": [OTHER_PAGE]}


def _menu() -> list[dict[str, Any]]:
    return [_unit(text) for text in MENU]


def test_pieces_of_a_page_are_its_text_and_alternatives_without_scripts() -> None:
    assert {"Services", "Opening hours", "Contacts", "Services of the agency",
            "The front desk"} == OTHER_PAGE


def test_a_repeated_menu_with_no_way_past_it_fails() -> None:
    outcomes = evaluate(_page(*_menu(), _unit("Hours of the reception")))[RULE]
    assert [n.target for n in outcomes.failed] == ["#services"]
    assert "#hours" in outcomes.failed[0].message and not outcomes.review


def test_a_landmark_or_a_seen_exposed_heading_at_the_own_content_passes() -> None:
    for flags in ({"landmark": True}, {"heading": True}):
        outcomes = evaluate(_page(*_menu(), _unit("Hours of the reception", **flags)))[RULE]
        assert outcomes.passed and not outcomes.failed and not outcomes.review, flags


def test_a_skip_link_passes_only_when_its_target_lies_past_the_repeated_content() -> None:
    units = (_unit("Skip to the content", neutral=True), *_menu(), _unit("Hours of the reception"))
    for to, passes in ((4, True), (1, False), (None, False)):
        link = {"target": "#skip", "html": "<a href='#x'>", "fragment": "x", "to": to,
                "position": 0}
        outcomes = evaluate(_page(*units, skip_links=(link,)))[RULE]
        assert bool(outcomes.passed) is passes and bool(outcomes.failed) is not passes, to


def test_a_scripted_control_before_the_content_asks_for_review() -> None:
    toggle = {"target": "#toggle", "html": "<button>Menu</button>", "position": 0}
    outcomes = evaluate(_page(*_menu(), _unit("Hours of the reception"),
                              controls=(toggle,)))[RULE]
    assert not outcomes.failed and "#toggle" in outcomes.review[0].message


def test_nothing_repeated_or_nothing_after_it_is_no_failure() -> None:
    alone = evaluate(_page(_unit("Hours of the reception")))[RULE]
    assert not alone.failed and not alone.passed  # inapplicable
    own_first = evaluate(_page(_unit("Hours of the reception"), *_menu()))[RULE]
    assert own_first.passed and not own_first.failed
    no_other_page = _page(*_menu(), _unit("Hours of the reception")) | {"others": [frozenset()]}
    assert not evaluate(no_other_page)[RULE].failed


def test_separators_say_nothing_of_repetition() -> None:
    facts = _page(_unit("|"), _unit("Hours of the reception"))
    facts["others"] = [frozenset({"|"})]
    assert not evaluate(facts)[RULE].failed


def test_the_page_compared_is_the_shortest_address_in_the_same_part_of_the_site() -> None:
    pages = ["https://a.kz/ru/services/hours?lang=kk", "https://a.kz/kk/",
             "https://a.kz/ru/services/appeals", "https://a.kz/ru/", "https://a.kz/ru/news"]
    assert comparison_page("https://a.kz/ru/services/hours", pages) == "https://a.kz/ru/"
    assert comparison_page("https://a.kz/about", ["https://a.kz/about?print=1"]) is None
    assert comparison_page("https://a.kz/about", ["https://a.kz/kk/a/b"]) == "https://a.kz/kk/a/b"
