"""``a11y-audit stand`` audits a real stand end to end: the demo stand passes it; a stand
broken on purpose fails with exactly the findings that were planted, and says so in its
exit code and reports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, Response, request

from accessibility_audit.exitcodes import Exit
from accessibility_audit.store import Store
from kiosk.content import Content
from kiosk.security import CONTENT_SECURITY_POLICY
from tests.browser.conftest import LiveServer, serve
from tests.conftest import make_app

pytestmark = pytest.mark.browser

SCRIPT = Path(sys.executable).parent / "a11y-audit"
BROKEN_PAGE = "/stand/main/kk/contacts"
MISSING_KEY = "0" * 24  # well formed, but no page of this stand ever said it


def audit(*args: str, db: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
           "TMPDIR": str(tmp_path), "HOME": str(tmp_path)}
    return subprocess.run([str(SCRIPT), "stand", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=400, env=env)


def break_stand(app: Flask, elsewhere: str) -> None:
    """Plant four defects in the Kazakh contacts page: a 20 px button, a Kazakh sentence
    marked as Russian, a sentence whose audio does not exist, and an image from another
    server."""

    @app.after_request
    def plant(response: Response) -> Response:
        if request.path != BROKEN_PAGE or response.mimetype != "text/html":
            return response
        html = response.get_data(as_text=True)
        spoken = re.search(r'<h1[^>]*><span data-say="(\w+)"', html)
        assert spoken, "the contacts page has no spoken heading to borrow a key from"
        key = spoken[1]
        planted = (
            f'<p class="planted"><button type="button" id="tiny" data-say="{key}" '
            'aria-label="Байланыс" style="width:20px;height:20px;min-width:0;min-height:0;'
            'padding:0;margin:2rem"></button></p>'
            f'<p id="wrong-lang" lang="ru"><span data-say="{key}">Бұл мәтін қазақ тілінде '
            'жазылған, бірақ ол орыс тілі деп белгіленген.</span></p>'
            f'<p><span id="unheard" data-say="{MISSING_KEY}">Байланыс</span></p>'
            f'<p><img id="hotlinked" src="{elsewhere}/static/icons.svg" alt=""></p>')
        response.set_data(html.replace('<main id="main" tabindex="-1">',
                                       '<main id="main" tabindex="-1">' + planted, 1))
        # The 20 px size is an inline style, which the stand's own policy forbids.
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
            "style-src 'self'", "style-src 'self' 'unsafe-inline'")
        return response


@pytest.fixture(scope="module")
def broken_stand(tmp_path_factory: pytest.TempPathFactory, demo_content: Content,
                 live_server: LiveServer) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("broken-stand")
    app = make_app(tmp_path, demo_content)
    break_stand(app, live_server.base_url)
    yield from serve(app, tmp_path)


def test_the_demo_stand_passes_the_stand_audit(live_server: LiveServer,
                                               tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    result = audit(live_server.url("/stand/main/"), "--workers", "2", "-q",
                   "--format", "json", "-o", str(tmp_path / "stand.json"),
                   db=db, tmp_path=tmp_path)
    assert result.returncode == Exit.OK, result.stdout + result.stderr
    report = json.loads((tmp_path / "stand.json").read_text())
    assert report["findings"] == []
    assert report["scan"]["options"]["kind"] == "stand"
    assert report["scan"]["options"]["stand"] == live_server.url("/stand/main/")
    cells = report["stand"]["matrix"]
    pages = {cell["page"] for cell in cells}
    assert {"home", "hours", "appeals", "contacts", "accessibility", "announcements",
            "assistance"} <= pages
    assert {cell["language"] for cell in cells} == {"kk", "ru", "en"}
    assert {cell["mode"] for cell in cells} == {"standard", "large", "contrast",
                                                "large-contrast"}
    assert {cell["orientation"] for cell in cells} == {"portrait", "landscape"}
    assert len(cells) == len(pages) * 3 * 4 * 2
    assert {cell["outcome"] for cell in cells} == {"pass"}
    # Every stand check ran on every page view, and found nothing.
    scan = Store(str(db)).load(1)
    stand_rules = {"stand-keypad-reach", "stand-keypad-trap", "stand-speech-key",
                   "stand-speech-audio", "stand-idle-warning", "stand-outside-request"}
    assert all(stand_rules <= set(page.passed_rules) for page in scan.pages)
    assert "target-size-enhanced" in scan.pages[0].passed_rules
    assert "pass" in result.stdout and "FAIL" not in result.stdout


def test_a_broken_stand_fails_with_exactly_the_planted_findings(
        broken_stand: LiveServer, live_server: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    result = audit(broken_stand.url("/stand/main/kk/"), "--page", "contacts",
                   "--page", "hours", "--language", "kk", "--mode", "standard",
                   "--orientation", "portrait", "--format", "html", "--lang", "kk",
                   "-o", str(tmp_path / "stand.html"), db=db, tmp_path=tmp_path)
    assert result.returncode == Exit.VIOLATIONS, result.stdout + result.stderr
    scan = Store(str(db)).load(1)
    found = {(issue.rule, page.url.removeprefix(broken_stand.base_url), issue.selector)
             for page in scan.pages for _fid, issue in page.issues
             if issue.outcome == "violation"}
    assert found == {
        ("target-size-enhanced", BROKEN_PAGE, "#tiny"),
        ("part-language-matches-text", BROKEN_PAGE, "#wrong-lang"),
        ("stand-speech-audio", BROKEN_PAGE, "#unheard"),
        ("stand-outside-request", BROKEN_PAGE, "#hotlinked"),
    }
    assert {page.url.removeprefix(broken_stand.base_url) for page in scan.pages} == {
        BROKEN_PAGE, "/stand/main/kk/hours"}
    assert "FAIL" in result.stdout and "stand-outside-request" in result.stdout
    assert f"{live_server.base_url}/static/icons.svg" in result.stdout
    html = (tmp_path / "stand.html").read_text()
    assert '<html lang="kk">' in html and "stand-speech-audio" in html


def test_bad_stand_addresses_exit_1_with_a_clear_message(live_server: LiveServer,
                                                         tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    not_stand = audit(live_server.url("/admin/"), db=db, tmp_path=tmp_path)
    assert not_stand.returncode == Exit.TOOL_FAILED
    assert "is not a stand address" in not_stand.stderr
    no_page = audit(live_server.url("/stand/main/"), "--page", "menu", db=db,
                    tmp_path=tmp_path)
    assert no_page.returncode == Exit.TOOL_FAILED
    assert "the stand has no page 'menu'" in no_page.stderr
