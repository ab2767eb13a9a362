"""Table header cells judged without a browser, on gathered tables."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.headers import RULE, evaluate


def _table(*headers: tuple[str, str, int], data: bool = True) -> dict[str, Any]:
    return {"target": "table", "html": "<table>", "data": data, "headers": [
        {"target": target, "html": "<th>", "kind": kind, "assigned": assigned}
        for target, kind, assigned in headers]}


def test_a_header_with_no_cell_fails_and_says_where_its_cells_should_be() -> None:
    outcomes = evaluate([_table(("#day", "auto", 2), ("#room", "column", 0),
                                ("#total", "row", 0))])[RULE]
    assert [n.target for n in outcomes.passed] == ["#day"]
    assert [n.target for n in outcomes.failed] == ["#room", "#total"]
    assert "below it in its column" in outcomes.failed[0].message
    assert "to its right in its row" in outcomes.failed[1].message


def test_a_table_with_no_data_cells_yet_asks_for_review() -> None:
    outcomes = evaluate([_table(("#day", "auto", 1), ("#room", "auto", 0), data=False)])[RULE]
    assert not outcomes.failed and [n.target for n in outcomes.review] == ["#room"]
