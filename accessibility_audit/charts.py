"""Charts as inline SVG, for the HTML report and the auditors' dashboard alike: drawn on
the server, no script, no outside request.

Each chart is one image (``role="img"``) named by its title and described in words; the
page puts a table of the same figures beside it, for everyone who prefers numbers to
bars. Bars are outlined in near-black (far above 3:1 against the white page), and where
a chart tells impacts apart it does so by pattern as well as by colour, named in a
legend, so each stays apart in grey scale, in forced colours and for colour-blind
readers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import count

from markupsafe import Markup, escape

from accessibility_audit.model import IMPACTS

INK = "#141414"
_ids = count(1)


def _new_id(prefix: str) -> str:
    """An id no other chart of the page has: its title, description and patterns use it."""
    return f"{prefix}-{next(_ids)}"


def _svg(chart: str, title: str, description: str, width: float, height: float,
         body: str, defs: str = "", ink: str = INK) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{chart}-title {chart}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart}-title">{escape(title)}</title>'
        f'<desc id="{chart}-desc">{escape(description)}</desc>'
        + (f"<defs>{defs}</defs>" if defs else "")
        + f'<g font-family="inherit" font-size="14" fill="{ink}">{body}</g></svg>')


# Horizontal bars: the HTML report's violations by criterion, by impact, and per scan.

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 150
BAR_SPACE = 320


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(title: str, description: str, bars: list[Bar], colour: str = "#1d4f91") -> Markup:
    """Horizontal bars, one per label, with the value written after each bar."""
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
    return _svg(_new_id("chart"), title, description, width, height, "".join(rows),
                ink="#1a1a1a")


# Stacked columns: the dashboard's violations by impact, one column per scan.

COLUMN = 40
SLOT = 84  # one scan: its column and room for its date beneath
PLOT_HEIGHT = 200
TOP = 28  # room for the total above the tallest column
AXIS = 52  # room for the date and scan number below the columns
LEFT = 16
LEGEND = 36
# Dark fills with white patterns, or white with dark ones.
PATTERNS = {
    "critical": ('<rect width="8" height="8" fill="#7a1010"/>'),
    "serious": ('<rect width="8" height="8" fill="#ffffff"/>'
                '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#a4161a" '
                'stroke-width="2.5"/>'),
    "moderate": ('<rect width="8" height="8" fill="#ffffff"/>'
                 '<circle cx="4" cy="4" r="2.2" fill="#0a4a82"/>'),
    "minor": ('<rect width="8" height="8" fill="#ffffff"/>'
              '<path d="M0,2 h8 M0,6 h8" stroke="#3d4650" stroke-width="1.6"/>'),
}


@dataclass(frozen=True)
class Column:
    label: str  # the scan's date
    note: str  # the scan's number
    values: dict[str, int]  # violations per impact


def stacked_columns(title: str, description: str, columns: list[Column],
                    impact_names: Mapping[str | None, str]) -> Markup:
    """One column per scan, oldest first, stacked by impact, with the total on top.

    ``impact_names`` are keyed like the reports' (None: not rated, which no column shows)."""
    chart = _new_id("audit-chart")
    top = max((sum(c.values.values()) for c in columns), default=0) or 1
    width = max(LEFT * 2 + max(len(columns), 1) * SLOT, 660)
    height = LEGEND + TOP + PLOT_HEIGHT + AXIS
    base = LEGEND + TOP + PLOT_HEIGHT
    defs = "".join(
        f'<pattern id="{chart}-{impact}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'{PATTERNS[impact]}</pattern>' for impact in IMPACTS)
    legend = []
    for index, impact in enumerate(IMPACTS):
        key_x = LEFT + index * 160
        legend.append(
            f'<rect x="{key_x}" y="6" width="20" height="20" fill="url(#{chart}-{impact})" '
            f'stroke="{INK}" stroke-width="1.5"/>'
            f'<text x="{key_x + 26}" y="21">{escape(impact_names[impact])}</text>')
    bars = []
    for index, column in enumerate(columns):
        x = LEFT + index * SLOT + (SLOT - COLUMN) / 2
        y: float = base
        for impact in reversed(IMPACTS):  # the worst on top, where the eye starts
            value = column.values.get(impact, 0)
            if not value:
                continue
            size = value / top * PLOT_HEIGHT
            y -= size
            bars.append(f'<rect x="{x}" y="{y:.1f}" width="{COLUMN}" height="{size:.1f}" '
                        f'fill="url(#{chart}-{impact})" stroke="{INK}" stroke-width="1.5"/>')
        middle = x + COLUMN / 2
        bars.append(f'<text x="{middle}" y="{y - 6:.1f}" text-anchor="middle" '
                    f'font-weight="700">{sum(column.values.values())}</text>'
                    f'<text x="{middle}" y="{base + 20}" text-anchor="middle">'
                    f'{escape(column.label)}</text>'
                    f'<text x="{middle}" y="{base + 40}" text-anchor="middle">'
                    f'{escape(column.note)}</text>')
    axis = (f'<line x1="{LEFT}" y1="{base}" x2="{width - LEFT}" y2="{base}" '
            f'stroke="{INK}" stroke-width="2"/>')
    return _svg(chart, title, description, width, height,
                "".join(legend) + "".join(bars) + axis, defs)
