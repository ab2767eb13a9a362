"""The store's schema version, and the upgrades that bring an older store up to it.

``tables.py`` creates what is missing; a change to what existing rows mean is an
upgrade here. Each runs once, when a store is first opened by a newer a11y-audit, in
one transaction with the new version number, so a store is never left half upgraded.
Upgrades recompute from what the rows hold, so running one twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, bindparam, insert, select, update

from accessibility_audit.findings import finding_id
from accessibility_audit.store import tables as t

BATCH = 5_000


class NewerStore(RuntimeError):
    """The store was written by a newer a11y-audit, whose rows this one would misread."""


def _outcome_in_finding_ids(db: Connection) -> None:
    """Version 1: a finding's id includes its outcome (a violation and a needs-review
    item of one element are two findings). Every stored issue gets its new id, and
    every auditor's decision, kept under the element's old id, moves to the id of the
    element's needs-review finding, the only kind a decision is made on."""
    moved: dict[str, str] = {}
    last = 0
    while True:
        rows = db.execute(
            select(t.issues.c.id, t.issues.c.finding_id, t.issues.c.rule, t.issues.c.outcome,
                   t.issues.c.selector, t.issues.c.html, t.pages.c.site)
            .select_from(t.issues.join(t.pages)).where(t.issues.c.id > last)
            .order_by(t.issues.c.id).limit(BATCH)).all()
        if not rows:
            break
        changed = []
        for row in rows:
            new = finding_id(row.site, row.rule, row.outcome, row.selector, row.html)
            moved.setdefault(row.finding_id, finding_id(row.site, row.rule, "incomplete",
                                                        row.selector, row.html))
            if new != row.finding_id:
                changed.append({"row": row.id, "new": new})
        if changed:
            db.execute(update(t.issues).where(t.issues.c.id == bindparam("row"))
                       .values(finding_id=bindparam("new")), changed)
        last = rows[-1].id
    reviewed = db.scalars(select(t.reviews.c.finding_id).distinct()).all()
    for old in reviewed:
        if old in moved and moved[old] != old:
            db.execute(update(t.reviews).where(t.reviews.c.finding_id == old)
                       .values(finding_id=moved[old]))


UPGRADES: tuple[Callable[[Connection], None], ...] = (_outcome_in_finding_ids,)
VERSION = len(UPGRADES)


def upgrade(db: Connection) -> None:
    """Bring the store to :data:`VERSION`; a store without a version row is version 0
    (a new store's empty tables upgrade in no time)."""
    current = db.scalar(select(t.schema.c.version).where(t.schema.c.id == 1))
    if current is not None and current > VERSION:
        raise NewerStore(f"the database was written by a newer a11y-audit (store version "
                         f"{current}; this one knows up to {VERSION}): upgrade a11y-audit")
    if current == VERSION:
        return
    for step in UPGRADES[current or 0:]:
        step(db)
    if current is None:
        db.execute(insert(t.schema).values(id=1, version=VERSION))
    else:
        db.execute(update(t.schema).where(t.schema.c.id == 1).values(version=VERSION))
