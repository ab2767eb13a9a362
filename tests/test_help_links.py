"""A rule's help link in every report template: only http(s) addresses become links.

A hostile page can tamper with axe's results, help URL included; ``javascript:`` in an
href would run in the auditor's browser. Every template links help URLs through the
one ``web_link`` filter (``accessibility_audit.urls.web_link``)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from flask import Flask

from accessibility_audit import __version__, report, web_link
from accessibility_audit.model import PageAudit
from accessibility_audit.physical.stands import stand_key
from accessibility_audit.store import Store
from kiosk.audit.storage import audit_store
from tests.admin_session import add_accounts, signed_in
from tests.conftest import make_app
from tests.stand_audits import SPEECH_MISSING

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_FOLDERS = (ROOT / "kiosk" / "templates", ROOT / "accessibility_audit" / "reporters"
                    / "templates")
HOSTILE = "javascript:alert(document.cookie)"
STAND = "http://127.0.0.1:8080/stand/main/"


@pytest.mark.parametrize(("url", "link"), [
    ("https://dequeuniversity.com/rules/axe/4.10/image-alt",
     "https://dequeuniversity.com/rules/axe/4.10/image-alt"),
    (" HTTP://example.kz/rule ", "HTTP://example.kz/rule"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("//evil.example/x", None),
    ("https:///no-host", None),
    ("", None),
    (None, None),
])
def test_web_link_keeps_only_web_addresses(url: object, link: str | None) -> None:
    assert web_link(url) == link


def test_every_template_links_help_urls_through_the_filter() -> None:
    uses = {}
    for folder in TEMPLATE_FOLDERS:
        for template in folder.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            for match in re.finditer(r"help_url[^}%]*", text):
                uses[f"{template.name}:{match.start()}"] = match.group()
    # The scanner's report, the dashboard's finding page and the joined stand report.
    assert len(uses) >= 3, uses
    unchecked = {where: use for where, use in uses.items() if "| web_link" not in use}
    assert unchecked == {}


def _scan_with_help(store: Store, help_url: str, *, stand: bool) -> int:
    options = {"kind": "stand", "stand": STAND} if stand else {"targets": []}
    scan_id = store.new_scan(standard="wcag22aa", user_agent="a11y-audit tests",
                             tool_version=__version__, options=options)
    issue = dataclasses.replace(SPEECH_MISSING, help_url=help_url)
    url = f"{STAND}kk/hours" if stand else "https://school.example.kz/"
    store.save_pages(scan_id, [PageAudit(url, "portrait" if stand else "desktop", "audited",
                                         title="Hours", axe_version="4.10.2",
                                         issues=[issue], passes=30)],
                     site=STAND if stand else "https://school.example.kz")
    store.set_status(scan_id, "finished")
    return scan_id


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_scanners_html_report_drops_a_javascript_help_link(tmp_path: Path,
                                                               language: str) -> None:
    store = Store(str(tmp_path / "scans.sqlite3"))
    hostile = report(store, _scan_with_help(store, HOSTILE, stand=False), "html", language)
    assert "javascript:" not in hostile
    assert "stand-speech-audio" in hostile          # the finding itself is still there
    fine = report(store, _scan_with_help(store, SPEECH_MISSING.help_url, stand=False),
                  "html", language)
    assert f'href="{SPEECH_MISSING.help_url}"' in fine


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = make_app(tmp_path, None)
    add_accounts(app)
    return app


def test_the_stand_report_drops_a_javascript_help_link(app: Flask) -> None:
    _scan_with_help(audit_store(app), HOSTILE, stand=True)
    html = signed_in(app, "auditor").get(f"/audit/stands/{stand_key(STAND)}").get_data(
        as_text=True)
    assert "stand-speech-audio" in html             # the rule is named, as text
    assert "javascript:" not in html


def test_the_stand_report_links_a_web_help_url(app: Flask) -> None:
    _scan_with_help(audit_store(app), SPEECH_MISSING.help_url, stand=True)
    html = signed_in(app, "auditor").get(f"/audit/stands/{stand_key(STAND)}").get_data(
        as_text=True)
    assert f'<a href="{SPEECH_MISSING.help_url}" lang="en">stand-speech-audio</a>' in html
