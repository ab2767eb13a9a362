"""Choosing rules like axe's: by level tags, by id, or all but some."""

from __future__ import annotations

import pytest

from accessibility_audit import wcag
from accessibility_audit.checks.selection import (
    UnknownRule,
    axe_selection,
    check_ids,
    own_rules,
)
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.options import ScanOptions, Target

AA = wcag.tags_for("wcag22aa")
AAA = wcag.tags_for("wcag22aaa", best_practice=True)


def _ids(rules: tuple) -> list[str]:
    return [rule.id for rule in rules]


def test_levels_select_the_own_rules() -> None:
    assert _ids(own_rules(AA)) == ["page-language-matches-text", "part-language-matches-text",
                                   "reflow", "focus-visible", "focus-not-obscured",
                                   "keyboard-trap"]
    assert _ids(own_rules(AAA)) == ["page-language-matches-text", "part-language-matches-text",
                                    "language-version-exists", "target-size-enhanced", "reflow",
                                    "focus-visible", "focus-not-obscured", "keyboard-trap",
                                    "content-obscured"]


def test_only_and_skip_select_own_and_axe_rules_alike() -> None:
    assert _ids(own_rules(AA, only=("target-size-enhanced", "image-alt"))) == [
        "target-size-enhanced"]
    assert axe_selection(AA, only=("target-size-enhanced", "image-alt")) == {
        "runOnly": {"type": "rule", "values": ["image-alt"]}}
    assert axe_selection(AA, only=("reflow",)) is None
    assert _ids(own_rules(AA, skip=("reflow",))) == [
        "page-language-matches-text", "part-language-matches-text", "focus-visible",
        "focus-not-obscured", "keyboard-trap"]
    assert axe_selection(AA, skip=("reflow", "region")) == {
        "runOnly": {"type": "tag", "values": list(AA)}, "rules": {"region": {"enabled": False}}}


def test_unknown_ids_are_refused_with_every_known_one() -> None:
    axe_ids = AxeScript().rule_ids()
    assert {"image-alt", "target-size", "color-contrast-enhanced"} <= set(axe_ids)
    check_ids(("reflow", "image-alt"), axe_ids)
    with pytest.raises(UnknownRule) as refused:
        check_ids(("reflow", "target-size-44", "imgae-alt"), axe_ids)
    message = str(refused.value)
    assert message.startswith("unknown rule 'target-size-44', 'imgae-alt'; the own checks are ")
    assert "target-size-enhanced" in message and "image-alt" in message


def test_the_selection_is_kept_for_resume() -> None:
    options = ScanOptions(targets=(Target("page", "https://a.kz/"),), standard="wcag22aaa",
                          rules=("reflow", "image-alt"), skip_rules=("region",))
    data = options.to_json()
    assert ScanOptions.from_json(data, headers={}, cookies={}) == options
    older = {key: value for key, value in data.items() if key not in ("rules", "skip_rules")}
    assert ScanOptions.from_json(older, headers={}, cookies={}).rules == ()
