"""ARIA properties on roles that prohibit them, judged without a browser."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.prohibited import RULE, evaluate


def _element(target: str, role: str, naming: tuple[str, ...] = (),
             describing: tuple[str, ...] = (), explicit: bool = False) -> dict[str, Any]:
    return {"target": target, "html": "<div>", "role": role, "explicit": explicit,
            "naming": list(naming), "describing": list(describing), "focusable": False}


def test_naming_an_unnamed_role_fails_and_says_which_property() -> None:
    outcomes = evaluate([
        _element("#div", "generic", naming=("aria-label",)),
        _element("#p", "paragraph", naming=("aria-labelledby", "aria-braillelabel")),
        _element("#code", "code", naming=("aria-label",), explicit=True),
        _element("#tag", "generic", describing=("aria-roledescription",))])[RULE]
    assert [n.target for n in outcomes.failed] == ["#div", "#p", "#code", "#tag"]
    assert outcomes.failed[1].message.startswith(
        "aria-labelledby, aria-braillelabel is not allowed on this element, which has the "
        "implicit role paragraph")
    assert "an explicit role code" in outcomes.failed[2].message


def test_allowed_properties_pass_and_presentational_roles_ask_for_review() -> None:
    outcomes = evaluate([
        _element("#link", "link", naming=("aria-label",)),
        _element("#heading", "heading", describing=("aria-brailleroledescription",)),
        _element("#quote", "paragraph", describing=("aria-roledescription",)),
        _element("#none", "none", describing=("aria-brailleroledescription",),
                 explicit=True)])[RULE]
    assert [n.target for n in outcomes.passed] == ["#link", "#heading", "#quote"]
    assert [n.target for n in outcomes.review] == ["#none"] and not outcomes.failed
