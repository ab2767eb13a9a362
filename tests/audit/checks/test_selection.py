"""Choosing rules like axe's: by level tags, by id, or all but some."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accessibility_audit import wcag
from accessibility_audit.checks.selection import (
    UnknownRule,
    axe_rules,
    axe_selection,
    check_ids,
    default_axe_rules,
    own_rules,
    thorough_axe_rules,
)
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.evaluation import evaluate
from accessibility_audit.options import ScanOptions, Target
from accessibility_audit.reporters import ReportContext, formats
from accessibility_audit.store import Store
from tests.audit_data import AKIMAT, image_alt, page, store_scan

AA = wcag.tags_for("wcag22aa")
AAA = wcag.tags_for("wcag22aaa", best_practice=True)


def _ids(rules: tuple) -> list[str]:
    return [rule.id for rule in rules]


def test_levels_select_the_own_rules() -> None:
    assert _ids(own_rules(AA)) == [
        "page-language-matches-text", "part-language-matches-text", "summary-name",
        "header-cell-has-cells", "reflow", "text-spacing-important", "text-spacing-clipped",
        "orientation-locked", "text-zoom-clipped", "autoplay-audio-control",
        "click-keyboard-reachable"]
    # Covered content is found by scrolling, quickly, and click listeners by reading them:
    # in the default profile; videos are downloaded in the thorough one only.
    assert _ids(own_rules(AAA)) == [
        "page-language-matches-text", "part-language-matches-text", "summary-name",
        "header-cell-has-cells", "aria-prohibited-global", "target-size-enhanced", "reflow",
        "text-spacing-important", "text-spacing-clipped", "orientation-locked",
        "text-zoom-clipped", "autoplay-audio-control", "autoplay-audio-brief",
        "click-keyboard-reachable", "content-obscured"]
    assert _ids(own_rules(AAA, profile="thorough")) == [
        "page-language-matches-text", "part-language-matches-text", "language-version-exists",
        "bypass-blocks", "summary-name", "header-cell-has-cells", "aria-prohibited-global",
        "target-size-enhanced", "reflow", "text-spacing-important", "text-spacing-clipped",
        "orientation-locked", "text-zoom-clipped", "autoplay-audio-control",
        "autoplay-audio-brief", "video-only-alternative", "focus-visible",
        "focus-not-obscured", "keyboard-trap", "click-keyboard-reachable", "content-obscured"]


def test_only_and_skip_select_own_and_axe_rules_alike() -> None:
    assert _ids(own_rules(AA, only=("target-size-enhanced", "image-alt"))) == [
        "target-size-enhanced"]
    assert axe_selection(AA, only=("target-size-enhanced", "image-alt")) == {
        "runOnly": {"type": "rule", "values": ["image-alt"]}}
    assert axe_selection(AA, only=("reflow",)) is None
    assert _ids(own_rules(AA, skip=("reflow",))) == [
        "page-language-matches-text", "part-language-matches-text", "summary-name",
        "header-cell-has-cells", "text-spacing-important", "text-spacing-clipped",
        "orientation-locked", "text-zoom-clipped", "autoplay-audio-control",
        "click-keyboard-reachable"]
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


def _axe_enabled_by_default(source: str) -> set[str]:
    """The rules axe-core runs when it is given no selection (as @axe-core/cli does):
    neither turned off in the build (``enabled:!1``) nor experimental or deprecated."""
    off = set(re.findall(r'\{id:"([\w-]+)",[^{}]*?enabled:!1', source))
    return {rule for rule, tags in axe_rules(source).items() if rule not in off
            and not {"experimental", "deprecated"}.intersection(tags)}


def test_the_default_profile_runs_every_rule_axe_core_cli_runs_by_default() -> None:
    axe = AxeScript()
    default = set(default_axe_rules(axe.rules(), wcag.tags_for("wcag22aa", best_practice=True)))
    by_default = _axe_enabled_by_default(axe.source)
    assert len(by_default) > 80 and by_default <= default, by_default - default
    # ScanOptions, and so `a11y-audit scan`, choose it with best practice.
    options = ScanOptions(targets=(Target("page", "https://example.kz/"),))
    assert (options.profile, options.best_practice) == ("default", True)
    # An own check that fetches other pages waits for the thorough profile.
    assert "language-version-exists" not in _ids(own_rules(AAA))


def test_the_thorough_profile_runs_every_rule_of_a_criterion_at_the_level() -> None:
    axe = AxeScript()
    aa = thorough_axe_rules(axe.rules(), wcag.tags_for("wcag22aa", best_practice=True))
    # axe's experimental rules that implement a criterion, and none above the level.
    assert {"css-orientation-lock", "label-content-name-mismatch", "p-as-heading"} <= set(aa)
    assert not {"color-contrast-enhanced", "identical-links-same-purpose"} & set(aa)
    # Experimental best practice, which implements no criterion, stays out.
    assert not [rule for rule in aa if "experimental" in axe.rules()[rule]
                and not wcag.criteria(axe.rules()[rule])]
    aaa = thorough_axe_rules(axe.rules(), AAA)
    assert {"color-contrast-enhanced", "identical-links-same-purpose",
            "meta-refresh-no-exceptions", "css-orientation-lock"} <= set(aaa)
    assert set(default_axe_rules(axe.rules(), AAA)) <= set(aaa)
    selection = axe_selection(AAA, skip=("region",), profile="thorough", axe_rules=axe.rules())
    assert selection is not None and selection["runOnly"]["type"] == "rule"
    assert "region" not in selection["runOnly"]["values"]
    assert _ids(own_rules(AAA, profile="thorough"))[2] == "language-version-exists"
    # A stand audit runs its checks whatever the profile.
    assert "language-version-exists" in _ids(own_rules(AAA, audit="stand"))


def test_every_report_records_the_profile_a_scan_ran(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "scans.sqlite3"))
    scan_id = store_scan(store, [(AKIMAT, page(f"{AKIMAT}/", image_alt()))],
                         options={"profile": "thorough"})
    summary = evaluate(store, scan_id)
    render = formats()
    assert json.loads(render["json"](summary, ReportContext("en")))["scan"]["profile"] == \
        "thorough"
    assert ", profile thorough." in render["text"](summary, ReportContext("en"))
    assert 'name="profile" value="thorough"' in render["junit"](summary, ReportContext("en"))
    assert "Rule profile: thorough." in render["html"](summary, ReportContext("en"))
    assert "Профиль правил: thorough." in render["html"](summary, ReportContext("ru"))
    # A scan stored before profiles ran the default one.
    older = store_scan(store, [(AKIMAT, page(f"{AKIMAT}/"))])
    assert evaluate(store, older).scan.profile == "default"
