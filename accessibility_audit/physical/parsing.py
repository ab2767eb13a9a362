"""Reading one answer as a person writes it, in the web form or in a YAML file: "1 220",
"6,4", "yes", "n/a". Problems are codes with their facts; :mod:`problems` words them."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from accessibility_audit.physical.evaluation import Answer, Choice
from accessibility_audit.physical.model import Item

NOT_APPLICABLE = {"n/a", "na", "not applicable", "-"}
CHOICES: dict[str, Choice] = {"yes": "yes", "no": "no", "true": "yes", "false": "no"}
SPACES = re.compile(r"[\s\u00a0\u202f]")
# No stand is taller than this in any unit the checklist measures in (mm, N, dB, dBA).
LARGEST = 100_000


@dataclass(frozen=True)
class Problem:
    code: str
    values: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    field: str | None = None


class AnswerProblem(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def parse_answer(item: Item, text: str, note: str = "") -> Answer:
    """The answer to ``item`` written as ``text`` ("" when not checked)."""
    value = text.strip()
    if not value or value.lower() in ("null", "~"):
        return Answer(note=note)
    if value.lower() in NOT_APPLICABLE:
        if not item.optional:
            raise AnswerProblem(Problem("not-applicable-refused"))
        return Answer(choice="n/a", note=note)
    if item.kind == "yesno":
        choice = CHOICES.get(value.lower())
        if choice is None:
            code = "bad-choice-optional" if item.optional else "bad-choice"
            raise AnswerProblem(Problem(code, {"value": value}))
        return Answer(choice=choice, note=note)
    return Answer(value=parse_number(value, item.unit or ""), note=note)


def parse_number(text: str, unit: str) -> float:
    cleaned = SPACES.sub("", text).replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise AnswerProblem(Problem("not-number", {"value": text, "unit": unit})) from None
    if not math.isfinite(number) or number < 0:
        raise AnswerProblem(Problem("negative", {"value": text}))
    if number > LARGEST:
        raise AnswerProblem(Problem("too-large", {"value": text, "unit": unit}))
    return number


def parse_date(text: str, today: dt.date) -> dt.date:
    value = text.strip()
    if not value:
        raise AnswerProblem(Problem("missing-date"))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise AnswerProblem(Problem("bad-date", {"value": value})) from None
    if day > today:
        raise AnswerProblem(Problem("future-date", {"value": value}))
    return day
