"""Server-drawn SVG charts of violations over time: no script, no outside request.

Each chart is one image (``role="img"``) named by its title and described in words;
the page follows it with a table of the same figures. Impacts differ by pattern as
well as by colour, every segment is outlined in near-black (far above 3:1 against the
white page), and the legend shows each pattern with its name."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from markupsafe import Markup, escape

from accessibility_audit.model import IMPACTS

BAR = 40
SLOT = 84  # one scan: its bar and room for its date beneath
PLOT_HEIGHT = 200
TOP = 28  # room for the total above the tallest bar
AXIS = 52  # room for the date and scan number below the bars
LEFT = 16
LEGEND = 36
INK = "#141414"

# Dark fills with white patterns, or white with dark ones: each impact stays apart
# in grey scale, in forced colours and for colour-blind readers.
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
_ids = count(1)


@dataclass(frozen=True)
class Column:
    label: str  # the scan's date
    note: str  # the scan's number
    values: dict[str, int]  # violations per impact


def stacked_columns(title: str, description: str, columns: list[Column],
                    impact_names: dict[str, str]) -> Markup:
    """One column per scan, oldest first, stacked by impact, with the total on top."""
    chart = f"audit-chart-{next(_ids)}"
    top = max((sum(c.values.values()) for c in columns), default=0) or 1
    width = LEFT * 2 + max(len(columns), 1) * SLOT
    width = max(width, 660)
    height = LEGEND + TOP + PLOT_HEIGHT + AXIS
    base = LEGEND + TOP + PLOT_HEIGHT
    defs = "".join(
        f'<pattern id="{chart}-{impact}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'{PATTERNS[impact]}</pattern>' for impact in IMPACTS)
    legend = []
    for index, impact in enumerate(IMPACTS):
        x = LEFT + index * 160
        legend.append(
            f'<rect x="{x}" y="6" width="20" height="20" fill="url(#{chart}-{impact})" '
            f'stroke="{INK}" stroke-width="1.5"/>'
            f'<text x="{x + 26}" y="21">{escape(impact_names[impact])}</text>')
    bars = []
    for index, column in enumerate(columns):
        x = LEFT + index * SLOT + (SLOT - BAR) / 2
        y = base
        for impact in reversed(IMPACTS):  # the worst on top, where the eye starts
            value = column.values.get(impact, 0)
            if not value:
                continue
            size = value / top * PLOT_HEIGHT
            y -= size
            bars.append(f'<rect x="{x}" y="{y:.1f}" width="{BAR}" height="{size:.1f}" '
                        f'fill="url(#{chart}-{impact})" stroke="{INK}" stroke-width="1.5"/>')
        middle = x + BAR / 2
        bars.append(f'<text x="{middle}" y="{y - 6:.1f}" text-anchor="middle" '
                    f'font-weight="700">{sum(column.values.values())}</text>'
                    f'<text x="{middle}" y="{base + 20}" text-anchor="middle">'
                    f'{escape(column.label)}</text>'
                    f'<text x="{middle}" y="{base + 40}" text-anchor="middle">'
                    f'{escape(column.note)}</text>')
    axis = (f'<line x1="{LEFT}" y1="{base}" x2="{width - LEFT}" y2="{base}" '
            f'stroke="{INK}" stroke-width="2"/>')
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{chart}-title {chart}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart}-title">{escape(title)}</title>'
        f'<desc id="{chart}-desc">{escape(description)}</desc>'
        f'<defs>{defs}</defs>'
        f'<g font-family="inherit" font-size="14" fill="{INK}">'
        f'{"".join(legend)}{"".join(bars)}{axis}</g></svg>')
