"""The checklist as a YAML file to fill in on site and import: a template with every
item explained in comments, and a reader that reports every problem with its line
number and returns nothing unless the whole file is right."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from accessibility_audit import safe_yaml
from accessibility_audit.physical.evaluation import Answer
from accessibility_audit.physical.model import Checklist, Item
from accessibility_audit.physical.parsing import (
    AnswerProblem,
    Problem,
    parse_answer,
    parse_date,
)
from accessibility_audit.physical.texts import UNITS, _, allowed_range, cited, sayer

TOP_KEYS = ("label", "auditor", "date", "notes", "items")
# A filled-in checklist is about 20 KB and 300 values, four levels deep.
LIMITS = safe_yaml.Limits(max_bytes=256 * 1024, max_depth=20, max_nodes=10_000)


@dataclass
class FilledFile:
    label: str
    auditor: str
    checked_on: dt.date
    notes: str
    answers: dict[str, Answer] = field(default_factory=dict)


class FileProblems(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def template(checklist: Checklist, language: str, today: dt.date, label: str = "",
             auditor: str = "") -> str:
    say = sayer(language)
    lines = [
        "# " + say(_("Physical checklist of an information stand")),
        "# " + say(_("Write each answer after “answer:”: a number in the unit shown, or yes "
                     "or no. Write n/a where an item allows it; leave the answer empty if you "
                     "did not check it.")),
        "# a11y-audit checklist import FILE --stand URL",
        f"label: {_quoted(label)}",
        f"auditor: {_quoted(auditor)}",
        f"date: {today.isoformat()}",
        'notes: ""',
        "items:",
    ]
    for group in checklist.groups:
        lines += ["", f"  # == {say(group.title)} =="]
        for item in group.items:
            lines += [""] + [f"  # {text}" for text in _explained(item, language)]
            lines += [f"  {item.id}:", "    answer:", '    note: ""']
    return "\n".join(lines) + "\n"


def _explained(item: Item, language: str) -> list[str]:
    say = sayer(language)
    if item.kind == "yesno":
        answer = say(_("Answer: yes, no or n/a")) if item.optional \
            else say(_("Answer: yes or no"))
    else:
        answer = say(_("Answer: a number in %(unit)s; allowed: %(range)s")) % {
            "unit": say(UNITS.get(item.unit or "", item.unit or "")),
            "range": allowed_range(item.min, item.max, item.unit, language)}
        if item.optional:
            answer += " " + say(_("(or n/a)"))
    references = "; ".join(cited(r, say) for r in item.references)
    return [say(item.question), say(item.how), answer, f"{say(_('Reference'))}: {references}"]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def read_path(path: Path, checklist: Checklist, today: dt.date) -> FilledFile:
    """The filled file at ``path``; no more of it is read than a checklist can be."""
    try:
        data = safe_yaml.read_bounded(path, LIMITS)
    except safe_yaml.Refused as refused:
        raise FileProblems([_refusal(refused)]) from None
    return read_bytes(data, checklist, today)


def read_bytes(data: bytes, checklist: Checklist, today: dt.date) -> FilledFile:
    """The filled file from its bytes (an upload): size and encoding checked first."""
    if not data.strip():
        raise FileProblems([Problem("file-empty")])
    try:
        text = safe_yaml.decode(data, LIMITS)
    except safe_yaml.Refused as refused:
        raise FileProblems([_refusal(refused)]) from None
    return read(text, checklist, today)


def _refusal(refused: safe_yaml.Refused) -> Problem:
    if refused.code == "too-large":
        return Problem("file-too-large", {"kb": str(LIMITS.max_bytes // 1024)})
    return Problem(refused.code, {k: str(v) for k, v in refused.values.items()},
                   line=refused.line)


def read(text: str, checklist: Checklist, today: dt.date) -> FilledFile:
    """The filled file, or :class:`FileProblems` listing everything wrong in it."""
    try:
        root = safe_yaml.compose(text, LIMITS)
    except safe_yaml.Refused as refused:
        raise FileProblems([_refusal(refused)]) from None
    if not isinstance(root, yaml.MappingNode):
        raise FileProblems([Problem("not-mapping", line=_line(root) if root else 1)])
    reader = _Reader(checklist, today)
    filled = reader.top(root)
    if reader.problems:
        raise FileProblems(sorted(reader.problems, key=lambda p: p.line or 0))
    return filled


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    def __init__(self, checklist: Checklist, today: dt.date) -> None:
        self.checklist = checklist
        self.today = today
        self.problems: list[Problem] = []

    def problem(self, code: str, node: yaml.Node, **values: object) -> None:
        self.problems.append(Problem(code, {k: str(v) for k, v in values.items()},
                                     line=_line(node)))

    def entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            if name in found:
                self.problem("duplicate", key, key=name, first=_line(found[name][0]))
                continue
            found[name] = (key, value)
        return found

    def text(self, node: yaml.Node | None) -> str:
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem("not-text", node)
            return ""
        return "" if node.tag.endswith(":null") else str(node.value).strip()

    def top(self, root: yaml.MappingNode) -> FilledFile:
        entries = self.entries(root)
        for name, (key, _value) in entries.items():
            if name not in TOP_KEYS:
                self.problem("unknown-key", key, key=name)
        auditor_node = entries.get("auditor", (root, None))
        auditor = self.text(auditor_node[1])
        if not auditor:
            self.problem("missing-auditor", auditor_node[1] or root)
        filled = FilledFile(self.text(entries.get("label", (None, None))[1]), auditor,
                            self.date(entries.get("date", (root, None))),
                            self.text(entries.get("notes", (None, None))[1]))
        items = entries.get("items")
        if items is not None:
            filled.answers = self.items(items[1])
        return filled

    def date(self, entry: tuple[yaml.Node, yaml.Node | None]) -> dt.date:
        key, node = entry
        try:
            return parse_date(self.text(node), self.today)
        except AnswerProblem as error:
            self.problems.append(Problem(error.problem.code, error.problem.values,
                                         line=_line(node or key)))
            return self.today

    def items(self, node: yaml.Node) -> dict[str, Answer]:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem("items-not-mapping", node)
            return {}
        answers = {}
        for name, (key, value) in self.entries(node).items():
            item = self.checklist.by_id.get(name)
            if item is None:
                self.problem("unknown-item", key, item=name)
                continue
            answer = self.item(item, value)
            if answer is not None:
                answers[name] = answer
        return answers

    def item(self, item: Item, node: yaml.Node) -> Answer | None:
        """An item as ``answer:`` and ``note:``, or its answer alone (``glare: yes``)."""
        answer_node: yaml.Node | None = node
        note = ""
        if isinstance(node, yaml.MappingNode):
            entries = self.entries(node)
            for name, (key, _value) in entries.items():
                if name not in ("answer", "note"):
                    self.problem("unknown-item-key", key, key=name)
            answer_node = entries.get("answer", (node, None))[1]
            note = self.text(entries.get("note", (node, None))[1])
        try:
            return parse_answer(item, self.text(answer_node), note)
        except AnswerProblem as error:
            self.problems.append(Problem(error.problem.code, error.problem.values,
                                         line=_line(answer_node or node)))
            return None
