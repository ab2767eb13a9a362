"""A store made before finding ids held the outcome is upgraded when it is opened: every
issue gets its new id and every auditor's decision follows its element's needs-review
finding, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, insert, select

from accessibility_audit.evaluation import evaluate
from accessibility_audit.findings import finding_id, finding_id_without_outcome
from accessibility_audit.store import Store
from accessibility_audit.store import tables as t
from accessibility_audit.store.repository import database_url as sql_url
from accessibility_audit.store.schema import VERSION

SITE = "https://akimat.example.kz"
NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
ELEMENT = (".offer", '<p class="offer">')


def old_store(url: str) -> None:
    """What a11y-audit wrote before the upgrade: one element needing review on one page and
    failing on another, both under one id, and an auditor's "fails" on that id."""
    engine = create_engine(sql_url(url))
    t.metadata.create_all(engine, tables=[table for table in t.metadata.sorted_tables
                                          if table is not t.schema])
    old_id = finding_id_without_outcome(SITE, "color-contrast", *ELEMENT)
    with engine.begin() as db:
        db.execute(insert(t.scans).values(id=1, started=NOW, status="finished",
                                          tool_version="0.1.0", standard="wcag22aa",
                                          user_agent="ua", options={}))
        for page_id, path, outcome in ((1, "/offers/1", "incomplete"),
                                       (2, "/offers/2", "violation")):
            db.execute(insert(t.pages).values(
                id=page_id, scan_id=1, site=SITE, url=SITE + path, viewport="desktop",
                status="audited", template="/offers/0", seconds=1.0, scanned=NOW))
            db.execute(insert(t.issues).values(
                page_id=page_id, finding_id=old_id, rule="color-contrast", outcome=outcome,
                impact="serious", criteria="1.4.3", tags="wcag2aa wcag143",
                selector=ELEMENT[0], html=ELEMENT[1], summary="", help="Contrast",
                help_url="https://dequeuniversity.com/rules/axe/4.10/color-contrast"))
        for decision in ("pass", "fail"):
            db.execute(insert(t.reviews).values(
                finding_id=old_id, rule="color-contrast", decision=decision, note="",
                reviewer="asel", reviewer_name="Әсел", decided=NOW))
        # A decision on an element no scan holds any more stays as it was.
        db.execute(insert(t.reviews).values(
            finding_id="f" * 16, rule="link-name", decision="fail", note="", reviewer="asel",
            reviewer_name="Әсел", decided=NOW))
    engine.dispose()


def test_an_old_store_gets_outcome_ids_and_keeps_every_decision(database_url: str) -> None:
    old_store(database_url)
    store = Store(database_url)
    summary = evaluate(store, 1)
    [violation] = [f for f in summary.findings if f.outcome == "violation"]
    assert violation.id == finding_id(SITE, "color-contrast", "violation", *ELEMENT)
    assert violation.pages == [SITE + "/offers/2"]
    # The auditor's latest decision ("fails") is on the needs-review finding now, and
    # makes it a violation too; both decisions are still in its history.
    [doubtful] = summary.needs_review
    assert doubtful.id == finding_id(SITE, "color-contrast", "incomplete", *ELEMENT)
    assert doubtful.review is not None and doubtful.review.decision == "fail"
    assert {f.id for f in summary.violations} == {violation.id, doubtful.id}
    assert [r.decision for r in store.review_history(doubtful.id)] == ["fail", "pass"]
    assert len(store.reviews()) == 2 and "f" * 16 in store.reviews()
    with store.engine.connect() as db:
        assert db.scalar(select(t.schema.c.version)) == VERSION
    store.close()
    # Opening it again upgrades nothing and changes nothing.
    again = Store(database_url)
    assert evaluate(again, 1).needs_review[0].review == doubtful.review
    again.close()


def test_a_new_store_starts_at_the_current_version(database_url: str) -> None:
    store = Store(database_url)
    with store.engine.connect() as db:
        assert db.execute(select(t.schema)).all() == [(1, VERSION)]
    store.close()
