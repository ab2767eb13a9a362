"""A stand audit at a glance: each page × language × mode × orientation passed or not.

Built from the stored scan alone, so ``a11y-audit report`` shows the same matrix."""

from __future__ import annotations

from dataclasses import dataclass

from accessibility_audit.discovery.stand import MODES, locate
from accessibility_audit.evaluation import Summary

PASS, FAIL, NOT_AUDITED = "pass", "fail", "not audited"
SHORT_MODES = {"standard": "std", "large": "large", "contrast": "contrast",
               "large-contrast": "large+contrast"}


@dataclass(frozen=True)
class Column:
    mode: str
    orientation: str


@dataclass(frozen=True)
class Row:
    page: str
    lang: str
    cells: tuple[str | None, ...]  # one per column; None where it was not audited


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def failing(self) -> int:
        return sum(cell != PASS for row in self.rows for cell in row.cells if cell)


def is_stand(summary: Summary) -> bool:
    return summary.scan.options.get("kind") == "stand"


def matrix(summary: Summary) -> Matrix:
    outcomes: dict[tuple[str, str, str, str], str] = {}
    order: list[tuple[str, str]] = []
    orientations: list[str] = []
    modes: set[str] = set()
    for page in summary.pages:
        where = locate(page.url)
        if where is None:
            continue
        key = (where.page, where.lang)
        if key not in order:
            order.append(key)
        if page.viewport not in orientations:
            orientations.append(page.viewport)
        modes.add(where.mode)
        failed = page.status != "audited" or bool(summary.page_violations(page))
        outcome = NOT_AUDITED if page.status != "audited" else FAIL if failed else PASS
        outcomes[(*key, where.mode, page.viewport)] = outcome
    columns = tuple(Column(mode, orientation) for mode in MODES if mode in modes
                    for orientation in orientations)
    rows = tuple(Row(page, lang, tuple(outcomes.get((page, lang, c.mode, c.orientation))
                                       for c in columns)) for page, lang in order)
    return Matrix(columns, rows)


def text_lines(summary: Summary) -> list[str]:
    """The matrix as a plain-text table: PASS, FAIL or ERROR (not audited) per cell."""
    table = matrix(summary)
    mark = {PASS: "pass", FAIL: "FAIL", NOT_AUDITED: "ERROR", None: "-"}
    header = ("Page", "Lang",
              *(f"{SHORT_MODES.get(c.mode, c.mode)} {c.orientation[0].upper()}"
                for c in table.columns))
    rows = [(row.page, row.lang, *(mark[cell] for cell in row.cells)) for row in table.rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    stand = summary.scan.options.get("stand", "")
    cells = sum(1 for row in table.rows for cell in row.cells if cell)
    return [f"Stand {stand}: {cells - table.failing} of {cells} page views pass "
            "(P portrait 1080×1920, L landscape 1920×1080).", "", *lines, ""]


def label(url: str) -> str:
    """``hours kk contrast`` for …/stand/main/kk/hours?mode=contrast."""
    where = locate(url)
    return f"{where.page} {where.lang} {where.mode}" if where else url


def finding_lines(summary: Summary) -> list[str]:
    """Each violation finding: rule, element, what is wrong, and where it was found."""
    lines = ["Findings:"] if summary.violations else []
    for number, finding in enumerate(summary.violations, 1):
        where = ", ".join(label(url) for url in finding.pages[:6])
        more = len(finding.pages) - 6
        lines += [f"{number}. {finding.rule} ({finding.impact}): {finding.help}",
                  f"   Element: {finding.selector}",
                  f"   {' '.join(finding.summary.split())}",
                  f"   Found on {len(finding.pages)} page(s), at {', '.join(finding.viewports)}: "
                  f"{where}{f' and {more} more' if more > 0 else ''}"]
    return lines
