"""Inline SVG bar charts for the HTML report: no script, no outside request.

Each chart is an image with a title and a description for screen readers; the
report puts a table with the same figures beside it, for everyone who prefers
numbers to bars."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from markupsafe import Markup, escape

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 150
BAR_SPACE = 320
_ids = count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(title: str, description: str, bars: list[Bar], colour: str = "#1d4f91") -> Markup:
    """Horizontal bars, one per label, with the value written after each bar."""
    chart_id = f"chart-{next(_ids)}"
    height = max(len(bars), 1) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_SPACE + 60
    top = max((bar.value for bar in bars), default=0) or 1
    rows = []
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(bar.value / top * BAR_SPACE)
        middle = y + BAR_HEIGHT / 2 + 5
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}">{bar.value}</text>')
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<g font-family="inherit" font-size="14" fill="#1a1a1a">{"".join(rows)}</g></svg>')
