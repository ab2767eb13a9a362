"""The scanner's tables. Prefixed ``audit_`` so they can share a database with the kiosk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import CursorResult

metadata = MetaData()

# One row: the version of what the tables hold (store/schema.py upgrades older stores).
schema = Table(
    "audit_schema", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)

scans = Table(
    "audit_scans", metadata,
    Column("id", Integer, primary_key=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    # running, finished, interrupted, failed
    Column("status", String(20), nullable=False),
    Column("tool_version", String(40), nullable=False),
    Column("axe_version", String(40)),
    Column("standard", String(20), nullable=False),
    Column("user_agent", Text, nullable=False),
    # Everything needed to resume the scan or read its report honestly.
    Column("options", JSON, nullable=False),
)

queue = Table(
    "audit_queue", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", ForeignKey("audit_scans.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("site", Text, nullable=False),
    Column("depth", Integer, nullable=False, default=0),
    Column("crawl", Boolean, nullable=False, default=False),
    Column("done", Boolean, nullable=False, default=False),
    UniqueConstraint("scan_id", "url"),
)

pages = Table(
    "audit_pages", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", ForeignKey("audit_scans.id", ondelete="CASCADE"), nullable=False),
    Column("site", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("viewport", String(40), nullable=False),
    # audited, failed, blocked
    Column("status", String(20), nullable=False),
    Column("final_url", Text),
    Column("http_status", Integer),
    Column("title", Text),
    Column("template", Text, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("axe_version", String(40)),
    Column("passes", Integer, nullable=False, default=0),
    Column("inapplicable", Integer, nullable=False, default=0),
    Column("passed_rules", Text, nullable=False, default=""),  # "document-title html-has-lang"
    Column("scanned", DateTime(timezone=True), nullable=False),
    Index("ix_audit_pages_scan", "scan_id", "url"),
)

page_errors = Table(
    "audit_page_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("page_id", ForeignKey("audit_pages.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("reason", Text, nullable=False),
)

issues = Table(
    "audit_issues", metadata,
    Column("id", Integer, primary_key=True),
    Column("page_id", ForeignKey("audit_pages.id", ondelete="CASCADE"), nullable=False),
    Column("finding_id", String(16), nullable=False),
    Column("rule", String(80), nullable=False),
    # violation or incomplete (axe's "needs review")
    Column("outcome", String(20), nullable=False),
    Column("impact", String(20)),
    Column("criteria", Text, nullable=False),  # "1.1.1 4.1.2"
    Column("tags", Text, nullable=False),
    Column("selector", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("help", Text, nullable=False),
    Column("help_url", Text, nullable=False),
    Index("ix_audit_issues_page", "page_id"),
    Index("ix_audit_issues_finding", "finding_id"),
)

raw_results = Table(
    "audit_raw_results", metadata,
    Column("page_id", ForeignKey("audit_pages.id", ondelete="CASCADE"), primary_key=True),
    # axe's own JSON, zlib-compressed, so reports can be re-derived without a browser.
    Column("axe_json", LargeBinary, nullable=False),
)

# The physical checklists of stands (accessibility_audit/physical). A stand is known by its
# base URL, the same as in the options of its stand audits; every submission is kept.

stands = Table(
    "audit_stands", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(500), nullable=False, unique=True),
    Column("label", Text, nullable=False, default=""),
    Column("added", DateTime(timezone=True), nullable=False),
)

checklists = Table(
    "audit_checklists", metadata,
    Column("id", Integer, primary_key=True),
    Column("stand_url", String(500), nullable=False),
    Column("label", Text, nullable=False, default=""),
    Column("auditor", Text, nullable=False),
    Column("checked_on", Date, nullable=False),  # the day of the visit
    Column("submitted", DateTime(timezone=True), nullable=False),
    Column("source", String(20), nullable=False),  # form or yaml
    Column("notes", Text, nullable=False, default=""),
    Index("ix_audit_checklists_stand", "stand_url", "id"),
)

checklist_items = Table(
    "audit_checklist_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("checklist_id", ForeignKey("audit_checklists.id", ondelete="CASCADE"),
           nullable=False),
    Column("item", String(60), nullable=False),
    Column("value", Float),
    Column("choice", String(10)),  # yes, no, n/a
    Column("note", Text, nullable=False, default=""),
    UniqueConstraint("checklist_id", "item"),
)

checklist_photos = Table(
    "audit_checklist_photos", metadata,
    Column("id", Integer, primary_key=True),
    # Empty while the form that brought it is still being corrected.
    Column("checklist_id", ForeignKey("audit_checklists.id", ondelete="CASCADE")),
    Column("item", String(60), nullable=False),
    Column("media_type", String(20), nullable=False),  # image/jpeg or image/png
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),  # re-encoded, without metadata
    Column("added", DateTime(timezone=True), nullable=False),
    # A form may name a photo by its id days later: an id is never given out twice.
    sqlite_autoincrement=True,
)

# What the auditors' dashboard (the kiosk's /audit) adds to the scans: a human name
# for each site or stand, and the auditors' decisions on axe's "needs review" items.

sites = Table(
    "audit_sites", metadata,
    # The site's origin (https://akimat.example.kz) or a stand's base URL.
    Column("site", Text, primary_key=True),
    Column("agency", Text, nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("updated_by", Text, nullable=False),
)

reviews = Table(
    "audit_reviews", metadata,
    Column("id", Integer, primary_key=True),
    # Finding ids are stable from scan to scan, so a decision holds for later scans
    # of the same element; every decision is kept, the latest one counts. A decision
    # is on a needs-review finding: its id is that of the element's "incomplete" outcome.
    Column("finding_id", String(16), nullable=False),
    Column("rule", String(80), nullable=False),
    Column("decision", String(10), nullable=False),  # pass or fail
    Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False),  # the auditor's user name
    Column("reviewer_name", Text, nullable=False),
    Column("decided", DateTime(timezone=True), nullable=False),
    Index("ix_audit_reviews_finding", "finding_id"),
)


def inserted_id(result: CursorResult[Any]) -> int:
    """The id of the one row an INSERT added (SQLAlchemy has no key to give for other
    statements, hence its optional type)."""
    key = result.inserted_primary_key
    if key is None:
        raise ValueError("the statement inserted no row with an id")
    return int(key[0])
