"""Header cells with cells (WCAG 1.3.1): a table's header cell must head something — a
column header the cells below it, a row header the cells to its right, or the cells
that name it in their headers attribute. A header with no cell (a header row longer
than the rows under it, a column whose cells all name other headers) tells a screen
reader user of data that is not there, and mislabels the cells that are. The ACT rule
d0f69e; axe-core's th-has-data-cells asks for review where this fails, and leaves
ARIA tables and grids alone.

A th without scope may head its column or its row, and counts as heading either. A
table with no data cell at all (its rows still to come from a script) needs review,
not a failure."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

RULE = "header-cell-has-cells"
DIRECTION = {"column": "below it in its column", "row": "to its right in its row",
             "auto": "below it or to its right"}



def evaluate(tables: list[dict[str, Any]]) -> dict[str, Outcomes]:
    outcomes = Outcomes()
    for table in tables:
        for header in table["headers"]:
            node = Node(header["target"], header["html"])
            if header["assigned"]:
                outcomes.passed.append(node)
                continue
            outcomes.fail(node, (
                f"This header cell heads no cell: there is none {DIRECTION[header['kind']]}, "
                "and no cell names it in a headers attribute. Add its cells, or make it an "
                "ordinary cell (td) if it heads nothing."), (
                "The table has no data cells yet: check it once its rows are filled in.")
                if not table["data"] else "")
    return {RULE: outcomes}

