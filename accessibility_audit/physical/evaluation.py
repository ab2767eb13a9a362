"""Judging a filled checklist: each answer against its reference, then the stand as a
whole. Pure functions of the answers, so a stored checklist re-judges the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from accessibility_audit.physical.model import Checklist, Item

Choice = Literal["yes", "no", "n/a"]
Verdict = Literal["pass", "fail", "not-applicable", "not-checked"]
# One word for a stand, a checklist or a software audit. "partial": a stand audit that
# did not cover the stand's whole matrix; "stale": evidence of an earlier content
# revision than the stand shows now. Neither is a verdict.
Overall = Literal["meets", "does-not-meet", "incomplete", "partial", "stale"]


@dataclass(frozen=True)
class Answer:
    """What the auditor found: a measured value, or a choice (yes, no, not applicable)."""

    value: float | None = None
    choice: Choice | None = None
    note: str = ""

    @property
    def given(self) -> bool:
        return self.value is not None or self.choice is not None


NOT_CHECKED = Answer()
YES_NO: dict[str, Verdict] = {"yes": "pass", "no": "fail"}


@dataclass(frozen=True)
class ItemResult:
    item: Item
    answer: Answer
    verdict: Verdict
    minimum: float | None
    maximum: float | None

    @property
    def outside_recommended(self) -> bool:
        """Within the rule but outside the band EN 301 549 8.3.0 recommends (advice only)."""
        band, value = self.item.recommended, self.answer.value
        return (self.verdict == "pass" and band is not None and value is not None
                and not band[0] <= value <= band[1])


@dataclass(frozen=True)
class ChecklistResult:
    items: tuple[ItemResult, ...]

    @property
    def counts(self) -> Counter[str]:
        return Counter(result.verdict for result in self.items)

    @property
    def verdict(self) -> Overall:
        counts = self.counts
        if counts["fail"]:
            return "does-not-meet"
        return "incomplete" if counts["not-checked"] else "meets"

    def result(self, item_id: str) -> ItemResult:
        return next(r for r in self.items if r.item.id == item_id)


def allowed(item: Item, answers: Mapping[str, Answer]) -> tuple[float | None, float | None]:
    """The allowed range of a measured item, lowered where another answer demands it."""
    maximum = item.max
    reduced = item.reduced_max
    if reduced is not None:
        other = answers.get(reduced.item, NOT_CHECKED).value
        if other is not None and other >= reduced.threshold:
            maximum = reduced.max if maximum is None else min(maximum, reduced.max)
    return item.min, maximum


def judge(item: Item, answer: Answer, answers: Mapping[str, Answer]) -> Verdict:
    if answer.choice == "n/a" and item.optional:
        return "not-applicable"
    if item.kind == "yesno":
        return YES_NO.get(answer.choice or "", "not-checked")
    if answer.value is None:
        return "not-checked"
    low, high = allowed(item, answers)
    inside = (low is None or answer.value >= low) and (high is None or answer.value <= high)
    return "pass" if inside else "fail"


def evaluate(checklist: Checklist, answers: Mapping[str, Answer]) -> ChecklistResult:
    """Every item of ``checklist``; those without an answer are "not-checked"."""
    results = []
    for item in checklist.items:
        answer = answers.get(item.id, NOT_CHECKED)
        low, high = allowed(item, answers) if item.kind == "measure" else (None, None)
        results.append(ItemResult(item, answer, judge(item, answer, answers), low, high))
    return ChecklistResult(tuple(results))


def combine(*verdicts: Overall | None) -> Overall:
    """A stand meets only when every part meets; a missing part (None) leaves it
    incomplete, and any failing part makes it fail. Partial or stale evidence is said
    as such: it never becomes "meets"."""
    if "does-not-meet" in verdicts:
        return "does-not-meet"
    if None in verdicts or "incomplete" in verdicts:
        return "incomplete"
    for weaker in ("partial", "stale"):
        if weaker in verdicts:
            return weaker
    return "meets"
