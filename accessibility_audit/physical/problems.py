"""What went wrong with an answer or a file, said in Kazakh, Russian or English."""

from __future__ import annotations

from accessibility_audit.physical.parsing import Problem
from accessibility_audit.physical.texts import UNITS, _, sayer
from accessibility_audit.safe_yaml import excerpt

MESSAGES = {
    "not-number": _("“%(value)s” is not a number: write the measurement in %(unit)s, for "
                    "example 760 or 6.4."),
    "negative": _("“%(value)s” is below zero: a measurement cannot be negative."),
    "too-large": _("%(value)s %(unit)s is far larger than any stand: check the unit and the "
                   "digits."),
    "bad-choice": _("“%(value)s” is not an answer to this question: write yes or no."),
    "bad-choice-optional": _("“%(value)s” is not an answer to this question: write yes, no "
                             "or n/a."),
    "not-applicable-refused": _("This applies to every stand: answer it, or leave it empty if "
                                "you could not check it."),
    "missing-date": _("The date of the visit is missing: write it as 2026-11-27."),
    "bad-date": _("“%(value)s” is not a date: write it as 2026-11-27."),
    "future-date": _("The date %(value)s is in the future: give the day of the visit."),
    "missing-auditor": _("The auditor's name is missing."),
    "not-yaml": _("This is not a YAML file the checklist can read: %(reason)s"),
    "not-mapping": _("The file must hold label, auditor, date, notes and items, as in the "
                     "template (a11y-audit checklist template)."),
    "unknown-key": _("Unknown key “%(key)s”: use label, auditor, date, notes or items."),
    "unknown-item": _("There is no checklist item “%(item)s”: take the names from the "
                      "template."),
    "unknown-item-key": _("Unknown key “%(key)s” in an item: use answer and note."),
    "duplicate": _("“%(key)s” is given twice (first on line %(first)s): keep one."),
    "not-text": _("Write plain text here, not a list or a mapping."),
    "items-not-mapping": _("Under items, write each item's name followed by its answer and "
                           "note, as in the template."),
    "photo-too-large": _("The photo is larger than %(mb)s MB: send a smaller one."),
    "photo-not-image": _("This file is not a JPEG or PNG photo."),
    "photo-too-many-pixels": _("The photo has too many pixels: send a smaller one."),
    "file-empty": _("Choose a filled-in YAML file to import."),
    "file-too-large": _("The file is larger than %(kb)s KB: a checklist is much smaller; "
                        "check that you chose the right file."),
    "not-utf8": _("The file is not UTF-8 text: save it from the template as UTF-8."),
    "control-character": _("The file contains the control character %(character)s, which a "
                           "text file cannot hold: it may be damaged, or not a text file."),
    "alias": _("Anchors and aliases (&name, *name) are not allowed in a checklist: write "
               "each answer out in full."),
    "too-deep": _("The file is nested more than %(limit)s levels deep; a checklist has "
                  "four: check the indentation and the brackets."),
    "too-many-nodes": _("The file has more than %(limit)s values, far more than a "
                        "checklist: check that you chose the right file."),
    "bad-value": _("“%(value)s” cannot be read: put it in quotes."),
}


def describe(problem: Problem, language: str) -> str:
    """The problem in ``language``, without its line (the caller places that)."""
    say = sayer(language)
    # A message quotes at most a short excerpt of what the file or form held.
    values = {name: excerpt(value) for name, value in problem.values.items()}
    if "unit" in values:
        values["unit"] = say(UNITS.get(values["unit"], values["unit"]))
    return say(MESSAGES[problem.code]) % values


def with_line(problem: Problem, language: str) -> str:
    text = describe(problem, language)
    if problem.line is None:
        return text
    return sayer(language)(_("Line %(line)s: %(problem)s")) % {"line": problem.line,
                                                               "problem": text}
