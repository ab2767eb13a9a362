"""Summary names judged without a browser, on gathered summaries."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.summary import RULE, evaluate


def _summary(target: str, named: bool, role: str = "", drawn: bool = False) -> dict[str, Any]:
    return {"target": target, "html": "<summary>", "role": role, "named": named, "drawn": drawn}


def test_an_unnamed_summary_fails_unless_something_may_draw_its_name() -> None:
    outcomes = evaluate([_summary("#named", True), _summary("#empty", False),
                         _summary("#none", False, role="none"),
                         _summary("#icon", False, drawn=True)])[RULE]
    assert [n.target for n in outcomes.passed] == ["#named"]
    assert [n.target for n in outcomes.failed] == ["#empty", "#none"]
    assert [n.target for n in outcomes.review] == ["#icon"]
    assert "has no name" in outcomes.failed[0].message


def test_a_summary_with_another_role_is_left_to_that_roles_rules() -> None:
    outcomes = evaluate([_summary("#button", False, role="button")])[RULE]
    assert not (outcomes.failed or outcomes.passed or outcomes.review)
