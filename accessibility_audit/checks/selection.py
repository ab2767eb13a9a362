"""Which rules a scan runs, axe-core's and the own ones alike: by the standard's
tags and the profile, narrowed to some rules (``--rule``) or without some
(``--skip-rule``), among the own rules of the kind of audit (a website scan, a stand
audit).

Two profiles (``--profile``), both with best practice unless it is left out:

- ``default``: axe-core's rules of the standard's levels and best practice — every
  rule @axe-core/cli runs by default is among them — and the own rules of those
  levels that only read the page.
- ``thorough``: every axe-core rule that implements a WCAG success criterion at the
  standard's level, also those axe keeps off by default and its ``experimental`` ones
  (``label-content-name-mismatch``, ``css-orientation-lock`` …), best practice, and
  every own rule of the levels, the ``costly`` ones (that drive the page or fetch
  more) too.

A stand audit runs every stand rule and own check whatever the profile."""

from __future__ import annotations

import re
from typing import Any

from accessibility_audit import wcag
from accessibility_audit.checks.rule import Audit, Rule
from accessibility_audit.checks.rules import RULES
from accessibility_audit.options import Profile

PROFILES: dict[str, str] = {
    "default": ("the standard's rules and best practice: every rule @axe-core/cli runs by "
                "default, and the own checks that only read the page"),
    "thorough": ("every rule that implements a WCAG criterion at the standard's level, "
                 "axe-core's experimental ones and those it keeps off by default included, "
                 "best practice, and the own checks that drive the page or fetch more"),
}

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
              skip: tuple[str, ...] = (), audit: Audit = "site",
              profile: Profile = "default") -> tuple[Rule, ...]:
    """The own rules to run: those asked for by id, else those of the selected levels
    (in the default profile of a website scan, the costly ones apart)."""
    if only:
        chosen = [RULES[rule] for rule in only if rule in RULES and audit in RULES[rule].audits]
    else:
        chosen = [rule for rule in RULES.values() if rule.selected(audit, tags)
                  and (profile == "thorough" or audit == "stand" or not rule.costly)]
    return tuple(rule for rule in chosen if rule.id not in skip)


def default_axe_rules(axe_rules: dict[str, tuple[str, ...]],
                      tags: tuple[str, ...]) -> list[str]:
    """axe's rules the default profile's tags select, as axe decides it: neither its
    experimental nor its deprecated ones."""
    wanted = set(tags)
    return [rule for rule, rule_tags in axe_rules.items()
            if wanted.intersection(rule_tags)
            and not {"experimental", "deprecated"}.intersection(rule_tags)]


def thorough_axe_rules(axe_rules: dict[str, tuple[str, ...]],
                       tags: tuple[str, ...]) -> list[str]:
    """axe's rules of the thorough profile: those of the selected tags, the experimental
    ones among them only where they implement a WCAG criterion, none deprecated."""
    wanted = set(tags)
    return [rule for rule, rule_tags in axe_rules.items()
            if wanted.intersection(rule_tags) and "deprecated" not in rule_tags
            and ("experimental" not in rule_tags or wcag.criteria(rule_tags))]


def axe_selection(tags: tuple[str, ...], only: tuple[str, ...] = (),
                  skip: tuple[str, ...] = (), profile: Profile = "default",
                  axe_rules: dict[str, tuple[str, ...]] | None = None
                  ) -> dict[str, Any] | None:
    """axe's ``runOnly`` and ``rules`` options, or None when no axe rule is to run.
    The thorough profile names its rules, from ``axe_rules`` (the build's)."""
    if only:
        axe_only = [rule for rule in only if rule not in RULES and rule not in skip]
        if not axe_only:
            return None
        return {"runOnly": {"type": "rule", "values": axe_only}}
    if profile == "thorough":
        if axe_rules is None:
            raise ValueError("the thorough profile needs the rules of the axe-core build")
        chosen = [rule for rule in thorough_axe_rules(axe_rules, tags) if rule not in skip]
        return {"runOnly": {"type": "rule", "values": chosen}} if chosen else None
    selection: dict[str, Any] = {"runOnly": {"type": "tag", "values": list(tags)}}
    axe_skip = [rule for rule in skip if rule not in RULES]
    if axe_skip:
        selection["rules"] = {rule: {"enabled": False} for rule in axe_skip}
    return selection
