"""The ACT Rules report's judgements (tools/act_report.py): the W3C's consistency of an
ACT rule's implementation from its examples' outcomes, the figures on all cases, the
profiles people give it, and a clear error where the test cases are missing."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("act_report", ROOT / "tools" / "act_report.py")
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up while being made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


act = load_tool()


def row(expected: str, detected: bool = False, review: bool = False) -> dict[str, object]:
    return {"expected": expected, "detected": detected, "review": review}


@pytest.mark.parametrize(("rows", "untested", "verdict"), [
    # Every failed example found, nothing else flagged.
    ([row("failed", True), row("failed", True), row("passed"), row("inapplicable")], 0,
     "consistent"),
    # Cannot tell on some failed examples is still consistent for an automated tool.
    ([row("failed", True), row("failed", review=True), row("passed", review=True)], 0,
     "consistent"),
    # One failed example missed.
    ([row("failed", True), row("failed"), row("passed")], 0, "partially consistent"),
    # An example was never audited.
    ([row("failed", True), row("passed")], 1, "partially consistent"),
    # Only cannot tell, and nothing on the inapplicable examples.
    ([row("failed", review=True), row("passed"), row("inapplicable")], 0,
     "partially consistent"),
    # A false positive spoils everything found.
    ([row("failed", True), row("inapplicable", True)], 0, "inconsistent"),
    ([row("failed", True), row("passed", True)], 0, "inconsistent"),
    # Nothing found at all.
    ([row("failed"), row("passed")], 0, "inconsistent"),
    # Cannot tell on an inapplicable example is not even minimal consistency.
    ([row("failed", review=True), row("inapplicable", review=True)], 0, "inconsistent"),
])
def test_consistency_is_the_w3cs(rows: list[dict], untested: int, verdict: str) -> None:
    assert act.verdict(rows, untested)[0] == verdict


def test_cases_nothing_implements_count_as_missed_or_quiet() -> None:
    scored = {"strict": {"tp": 8, "fn": 2, "fp": 1, "tn": 9}}
    unscored = [{"expected": "failed"}, {"expected": "failed"}, {"expected": "passed"},
                {"expected": "inapplicable"}]
    figures = act.figures(scored, "strict", unscored)
    assert (figures.tp, figures.fn, figures.fp, figures.tn) == (8, 4, 1, 11)
    assert figures.precision == pytest.approx(8 / 9) and figures.recall == pytest.approx(8 / 12)


def test_profiles_are_name_and_scanner_flags() -> None:
    profile = act.parse_profile("thorough=--standard wcag22aaa --rule 'image-alt'")
    assert profile == act.Profile("thorough", ("--standard", "wcag22aaa", "--rule", "image-alt"))
    assert act.parse_profile("default=") == act.Profile("default", ())
    with pytest.raises(argparse.ArgumentTypeError, match="is not NAME=FLAGS"):
        act.parse_profile("--standard wcag22aaa")
    rule_map = {"23a2a8": ["image-alt", "role-img-alt"], "c487ae": ["link-name"]}
    assert act.expand(("--best-practice", act.MAPPED), rule_map) == [
        "--best-practice", "--rule", "image-alt", "--rule", "link-name",
        "--rule", "role-img-alt"]


def test_a_missing_corpus_is_named_with_how_to_give_it(tmp_path: Path) -> None:
    with pytest.raises(act.ReportError, match=r"are not at .*missing: .*index\.json.*"
                       r"make act-report ACT_RULES="):
        act.load_corpus(tmp_path)


def test_the_rule_map_names_only_rules_that_exist(tmp_path: Path) -> None:
    corpus = act.Corpus(tmp_path, {"rules": {"23a2a8": {}}, "testcases": []})
    known = {"image-alt"}
    bad = tmp_path / "map.json"
    bad.write_text(json.dumps({"_comment": "x", "23a2a8": ["image-alt", "imag-alt"],
                               "zzzzzz": ["image-alt"]}))
    with pytest.raises(act.ReportError) as error:
        act.load_rule_map(bad, corpus, known)
    assert "ACT rule ids not in the corpus: zzzzzz" in str(error.value)
    assert "rule ids the scanner does not know: imag-alt" in str(error.value)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"_comment": "x", "23a2a8": ["image-alt"]}))
    assert act.load_rule_map(good, corpus, known) == {"23a2a8": ["image-alt"]}


def test_the_committed_rule_map_knows_every_rule_it_names() -> None:
    data = json.loads((ROOT / "tools" / "act" / "rule-map.json").read_text())
    ours = {rule for key, rules in data.items() if not key.startswith("_") for rule in rules}
    known = set(act.AxeScript().rule_ids()) | set(act.RULES)
    assert ours and ours <= known, ours - known
