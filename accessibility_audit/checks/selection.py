"""Which rules a scan runs, axe-core's and the own ones alike: by the standard's
tags, narrowed to some rules (``--rule``) or without some (``--skip-rule``), among the
own rules of the kind of audit (a website scan, a stand audit)."""

from __future__ import annotations

import re
from typing import Any

from accessibility_audit.checks.rule import Audit, Rule
from accessibility_audit.checks.rules import RULES

# Each rule in axe's build is an object that starts with its id and has its tags.
_AXE_RULE = re.compile(r'\{id:"([\w-]+)",[^{}]*?tags:\[([^\]]*)\]')
_TAG = re.compile(r'"([^"]+)"')


class UnknownRule(ValueError):
    """A rule id that is neither axe's nor an own check's."""


def axe_rules(axe_source: str) -> dict[str, tuple[str, ...]]:
    """The rules of an axe-core build (its minified source), with their tags."""
    start = max(axe_source.find("rules:[{id:"), 0)
    rules: dict[str, tuple[str, ...]] = {}
    for rule, tags in _AXE_RULE.findall(axe_source, start):
        rules.setdefault(rule, tuple(_TAG.findall(tags)))
    return rules


def axe_rule_ids(axe_source: str) -> tuple[str, ...]:
    return tuple(axe_rules(axe_source))


def own_rule_ids(audit: Audit = "site") -> tuple[str, ...]:
    """The own rules an audit of this kind may run."""
    return tuple(rule.id for rule in RULES.values() if audit in rule.audits)


def check_ids(ids: tuple[str, ...], axe_ids: tuple[str, ...], audit: Audit = "site") -> None:
    """Raise :class:`UnknownRule`, listing every known id, for ids that are unknown."""
    own = own_rule_ids(audit)
    unknown = [rule for rule in ids if rule not in own and rule not in axe_ids]
    if unknown:
        raise UnknownRule(
            f"unknown rule {', '.join(map(repr, unknown))}; the own checks are "
            f"{', '.join(own)}, and axe-core's rules are {', '.join(sorted(axe_ids))}")


def own_rules(tags: tuple[str, ...], only: tuple[str, ...] = (),
              skip: tuple[str, ...] = (), audit: Audit = "site") -> tuple[Rule, ...]:
    """The own rules to run: those asked for by id, else those of the selected levels."""
    chosen = ([RULES[rule] for rule in only if rule in RULES and audit in RULES[rule].audits]
              if only else [rule for rule in RULES.values() if rule.selected(audit, tags)])
    return tuple(rule for rule in chosen if rule.id not in skip)


def axe_selection(tags: tuple[str, ...], only: tuple[str, ...] = (),
                  skip: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """axe's ``runOnly`` and ``rules`` options, or None when no axe rule is to run."""
    if only:
        axe_only = [rule for rule in only if rule not in RULES and rule not in skip]
        if not axe_only:
            return None
        return {"runOnly": {"type": "rule", "values": axe_only}}
    selection: dict[str, Any] = {"runOnly": {"type": "tag", "values": list(tags)}}
    axe_skip = [rule for rule in skip if rule not in RULES]
    if axe_skip:
        selection["rules"] = {rule: {"enabled": False} for rule in axe_skip}
    return selection
