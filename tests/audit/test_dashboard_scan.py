"""A scan made by the real a11y-audit command appears on the kiosk's auditors' dashboard
when both share the kiosk's database, as the README tells auditors to run it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import Content
from tests.admin_session import add_accounts, signed_in
from tests.audit.conftest import scanner_environment
from tests.audit.fixture_site import FixtureSite
from tests.conftest import make_app

SCRIPT = Path(sys.executable).parent / "a11y-audit"
pytestmark = pytest.mark.browser  # the scan drives Chromium


def test_a_scan_into_the_kiosk_database_shows_on_the_dashboard(
        tmp_path: Path, demo_content: Content, site: FixtureSite) -> None:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    client = signed_in(app, "auditor")
    empty = client.get("/audit/").get_data(as_text=True)
    command = re.search(r"<code>(a11y-audit scan --db \S+) https://…</code>", empty)[1]
    # The command exactly as the empty dashboard gives it, with the site's pages.
    done = subprocess.run([*command.replace("a11y-audit", str(SCRIPT), 1).split(),
                           site.url("/missing-alt"), site.url("/empty-link"),
                           "--workers", "1", "--delay", "0", "--quiet"],
                          capture_output=True, text=True, timeout=180,
                          env=scanner_environment())
    assert done.returncode == 0, done.stderr
    html = client.get("/audit/").get_data(as_text=True)
    host = site.base.removeprefix("http://")
    row = re.search(rf"<tr>\s*<th scope=\"row\"><a href=\"(/audit/sites/\w+)\">{host}</a>"
                    r"(.*?)</tr>", html, re.S)
    assert row, html
    cells = re.findall(r'<td class="number">(\d+)</td>', row[2])
    # Audited, failed, blocked, critical, serious, moderate, minor, open reviews
    assert cells[:7] == ["2", "0", "0", "1", "1", "0", "0"]
    page = client.get(row[1]).get_data(as_text=True)
    assert ">image-alt</a>" in page and ">link-name</a>" in page
