"""The check framework holds together: every rule has a check and every check's rules
are described, and each kind of audit selects its own rules."""

from __future__ import annotations

from accessibility_audit import wcag
from accessibility_audit.checks.registry import CHECKS
from accessibility_audit.checks.results import Outcomes, axe_entries
from accessibility_audit.checks.rules import RULES
from accessibility_audit.checks.selection import own_rules
from accessibility_audit.checks.stand import network

STAND_TAGS = (*wcag.tags_for("wcag22aa", best_practice=True), "wcag21aaa")


def test_every_rule_is_decided_by_a_check_and_every_check_described() -> None:
    decided = {rule for check in CHECKS for rule in check.rules}
    assert decided == set(RULES)
    for rule in RULES.values():
        assert rule.help and rule.description and rule.tags, rule.id
        assert rule.help_url.startswith("https://") or rule.id == "stand-outside-request"


def test_checks_that_drive_the_page_or_resize_it_come_after_those_that_read_it() -> None:
    once = [check for check in CHECKS if check.when == "once"]
    assert once[-1] is network.CHECK            # every request of the visit, key presses too
    assert all(check.budget > 0 for check in CHECKS)
    # Those that resize the page, which a page in someone else's browser cannot be.
    assert [c.rules for c in CHECKS if c.narrow] == [
        ("orientation-locked",), ("text-zoom-clipped",), ("reflow",)]


def test_stand_rules_run_in_stand_audits_only() -> None:
    site = {rule.id for rule in own_rules(STAND_TAGS, profile="thorough")}
    stand = {rule.id for rule in own_rules(STAND_TAGS, audit="stand")}
    assert not any(rule.startswith("stand-") for rule in site)
    assert stand - site == {rule for rule in RULES if rule.startswith("stand-")}
    # Asked for by id in a website scan, a stand rule is not run.
    assert own_rules(STAND_TAGS, only=("stand-keypad-trap",)) == ()


def test_a_stand_rule_with_nothing_wrong_is_a_pass_in_axes_shape() -> None:
    found = network.evaluate({"stand": "http://127.0.0.1:8080", "outside": []})
    entries = axe_entries(found)
    assert [entry["id"] for entry in entries["passes"]] == ["stand-outside-request"]
    assert axe_entries({"stand-outside-request": Outcomes()})["inapplicable"][0]["nodes"] == []
