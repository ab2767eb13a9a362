"""The covered-content and first-screen judgements, on facts written by hand."""

from __future__ import annotations

from accessibility_audit.checks import covered
from accessibility_audit.checks.stand import first_screen

WHERE = "1080 × 1920 CSS px (portrait)"


def _covered(target: str, never: bool, first: bool = False, control: bool = False,
             dialog: bool = False) -> dict:
    return {"target": target, "html": f"<p id='{target[1:]}'>", "control": control,
            "never": never, "firstScreen": first, "stops": 1,
            "cover": {"target": "#bar", "html": "<div id='bar' class='bar'>Call us</div>",
                      "position": "fixed", "dialog": dialog}}


def _facts(*items: dict) -> dict:
    return {"where": WHERE, "found": {"covers": 1, "scrollers": [], "covered": list(items)}}


def test_only_what_is_never_uncovered_fails_on_a_website() -> None:
    outcomes = covered.evaluate(_facts(_covered("#footer", never=True),
                                       _covered("#passing", never=False, first=True)))
    site = outcomes["content-obscured"]
    assert [n.target for n in site.failed] == ["#footer"] and not site.review
    message = site.failed[0].message
    assert message.startswith(f"At {WHERE} this text is covered by the fixed element #bar "
                              "(<div id='bar' class='bar'>)")
    assert "can never be read" in message


def test_a_cover_that_may_be_closed_asks_for_review_instead() -> None:
    outcomes = covered.evaluate(_facts(_covered("#footer", never=True, dialog=True,
                                                control=True)))
    site = outcomes["content-obscured"]
    assert not site.failed and [n.target for n in site.review] == ["#footer"]
    assert "can never be operated" in site.review[0].message
    assert "a visitor can close" in site.review[0].message


def test_on_a_stand_anything_under_a_cover_fails_and_says_where() -> None:
    outcomes = covered.evaluate(_facts(_covered("#tile", never=False, first=True, control=True),
                                       _covered("#later", never=False)))
    stand = outcomes["stand-content-covered"]
    assert [n.target for n in stand.failed] == ["#tile", "#later"]
    assert "this control lies under the fixed element #bar" in stand.failed[0].message
    assert "on the first screen" in stand.failed[0].message
    assert "when the page is scrolled" in stand.failed[1].message
    assert outcomes["content-obscured"].passed and not outcomes["content-obscured"].failed


def test_nothing_covered_passes_both() -> None:
    outcomes = covered.evaluate(_facts())
    assert all(o.passed and not o.failed and not o.review for o in outcomes.values())


def _control(kind: str, on_screen: bool, top: int = 100, cover: str | None = None) -> dict:
    return {"kind": kind, "target": f"#{kind}", "html": f"<a id='{kind}'>", "name": "Русский",
            "onScreen": on_screen, "top": top, "bottom": top + 60, "screen": 1920,
            "cover": cover}


def test_primary_controls_off_the_first_screen_or_covered_fail() -> None:
    outcomes = first_screen.evaluate({"where": WHERE, "controls": [
        _control("language", False, top=2500), _control("mode", False, cover="#speech"),
        _control("assistance", False, top=1900), _control("speech", True)]})
    rule = outcomes["stand-controls-first-screen"]
    assert [n.target for n in rule.failed] == ["#language", "#mode", "#assistance"]
    assert [n.target for n in rule.passed] == ["#speech"]
    language, mode, assistance = (n.message for n in rule.failed)
    assert language.startswith(f"At {WHERE}, the language control “Русский” is not on the "
                               "first screen: it starts 2500 px down, below the screen's 1920 px")
    assert "the display mode control “Русский” lies under #speech" in mode
    assert "is only partly on the first screen" in assistance


def test_a_page_without_primary_controls_asks_for_review() -> None:
    outcomes = first_screen.evaluate({"where": WHERE, "controls": []})
    rule = outcomes["stand-controls-first-screen"]
    assert not rule.failed and len(rule.review) == 1
