"""Reporters only format: each takes a :class:`~accessibility_audit.evaluation.Summary`
and returns the report's text. A new format is one new module and one line here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from accessibility_audit.evaluation import Summary


@dataclass(frozen=True)
class ReportContext:
    language: str = "en"
    # (scan id, started, violations) of this and earlier scans of the same sites
    history: list[tuple[int, dt.datetime, int]] = field(default_factory=list)


Render = Callable[[Summary, ReportContext], str]


def formats() -> dict[str, Render]:
    from accessibility_audit.reporters import csv_report, earl, html, json_report, junit, text
    return {"text": text.render, "json": json_report.render, "csv": csv_report.render,
            "junit": junit.render, "earl": earl.render, "html": html.render}


FORMAT_NAMES = ("text", "json", "csv", "junit", "earl", "html")
