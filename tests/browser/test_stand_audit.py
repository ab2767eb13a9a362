"""``a11y-audit stand`` audits a real stand end to end: the demo stand passes it; a stand
broken on purpose fails with exactly the findings that were planted, and says so in its
exit code and reports."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, Response, request
from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport
from accessibility_audit.evaluation import summarise
from accessibility_audit.exitcodes import Exit
from accessibility_audit.physical.stand_audits import recorded_matrix
from accessibility_audit.reporters import ReportContext, formats
from accessibility_audit.store import Store
from kiosk.content import Content
from kiosk.security import CONTENT_SECURITY_POLICY
from tests.browser.conftest import LANDSCAPE, LiveServer, serve
from tests.checklist_data import filled_template
from tests.conftest import make_app

pytestmark = pytest.mark.browser

SCRIPT = Path(sys.executable).parent / "a11y-audit"
BROKEN_PAGE = "/stand/main/kk/contacts"
MISSING_KEY = "0" * 24  # well formed, but no page of this stand ever said it
# Every item of the physical checklist within its reference.
PASSING = {
    "approach-route": "yes", "clear-floor-width": "900", "clear-floor-depth": "1400",
    "floor-level-change": "0", "knee-clearance-width": "800", "obstruction-depth": "250",
    "operable-highest": "1100", "operable-lowest": "800", "key-force": "3.5",
    "one-hand": "yes", "display-seated": "yes", "glare": "yes", "character-height": "5.2",
    "cap-height-large": "9.1", "headphone-jack": "yes", "speaker-volume": "72",
    "volume-range": "24", "volume-without-sight": "yes", "volume-reset": "yes",
    "tactile-keypad": "yes", "key-five": "yes", "speech-start-tactile": "yes",
    "signage": "yes", "quiet-place": "yes", "staff-help": "yes", "installation-guide": "yes"}


def audit(*args: str, db: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    # The browsers' profiles go in a folder of this command's own, and go with it. Not in
    # tmp_path: Chromium keeps a Unix socket in its temporary folder, whose path may have
    # at most 107 bytes, and tmp_path under pytest-xdist (.../popen-gw0/test_.../) is
    # long enough for Chromium to fail to start.
    # A session of its own: past the timeout, the command's browsers and chromedrivers are
    # ended with it, not left running (and loading the machine) for the rest of the run.
    with tempfile.TemporaryDirectory(prefix="kiosk-stand-") as temporary:
        env = {**os.environ, "TMPDIR": temporary}
        command = [str(SCRIPT), "stand", *args, "--db", str(db)]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env, start_new_session=True) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


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


TRAPPED_PAGE = "/stand/main/kk/hours"
# Keeps the focus on #trap whatever key is pressed there: a widget gone wrong.
TRAP_SCRIPT = """<script>window.addEventListener("keydown", function (event) {
  if (document.activeElement && document.activeElement.id === "trap") {
    event.preventDefault(); event.stopImmediatePropagation(); } }, true);</script>"""


def trap_stand(app: Flask) -> None:
    """Plant a keypad trap, a sentence without speech, a paragraph wider than the screen
    and an idle warning that cannot be answered in the Kazakh hours page."""

    @app.after_request
    def plant(response: Response) -> Response:
        if request.path != TRAPPED_PAGE or response.mimetype != "text/html":
            return response
        html = response.get_data(as_text=True)
        key = re.search(r'<h1[^>]*><span data-say="(\w+)"', html)[1]
        planted = (f'<p><button type="button" id="trap" data-say="{key}" '
                   'style="min-width:3rem;min-height:3rem">Жұмыс уақыты</button></p>'
                   '<p id="mute">Бұл сөйлемді стенд айта алмайды.</p>'
                   f'<p id="wide" style="width:2500px"><span data-say="{key}">Жұмыс '
                   'уақыты</span></p>' + TRAP_SCRIPT)
        html = html.replace('<main id="main" tabindex="-1">',
                            '<main id="main" tabindex="-1">' + planted, 1)
        html = re.sub(r'<button[^>]*data-idle="extend".*?</button>', "", html, flags=re.S)
        response.set_data(html)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
            "style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
            "script-src 'self'", "script-src 'self' 'unsafe-inline'")
        return response


@pytest.fixture(scope="module")
def trapped_stand(tmp_path_factory: pytest.TempPathFactory,
                  demo_content: Content) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("trapped-stand")
    app = make_app(tmp_path, demo_content)
    trap_stand(app)
    yield from serve(app, tmp_path)


@pytest.fixture(scope="module")
def broken_stand(tmp_path_factory: pytest.TempPathFactory, demo_content: Content,
                 live_server: LiveServer) -> Iterator[LiveServer]:
    tmp_path = tmp_path_factory.mktemp("broken-stand")
    app = make_app(tmp_path, demo_content)
    break_stand(app, live_server.base_url)
    yield from serve(app, tmp_path)


def checklist(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "checklist", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.long  # 192 page views: minutes
def test_the_demo_stand_passes_the_stand_audit(live_server: LiveServer,
                                               tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    hall = live_server.url("/stand/main/?stand=main-hall")
    result = audit(hall, "--workers", "2", "-q",
                   "--format", "json", "-o", str(tmp_path / "stand.json"),
                   db=db)
    assert result.returncode == Exit.OK, result.stdout + result.stderr
    report = json.loads((tmp_path / "stand.json").read_text())
    assert report["findings"] == []
    options = report["scan"]["options"]
    assert options["kind"] == "stand"
    assert options["stand"] == hall and options["stand_id"] == "main-hall"
    # What the stand said it shows is kept with the scan: the certificate's evidence.
    assert options["manifest"]["stands"] == ["main-hall", "main-floor2"]
    assert isinstance(options["manifest"]["revision"], int)
    cells = report["stand"]["matrix"]
    pages = {cell["page"] for cell in cells}
    assert pages == set(options["manifest"]["pages"]) == {
        "home", "hours", "appeals", "contacts", "accessibility", "announcements",
        "assistance", "feedback"}
    assert {cell["language"] for cell in cells} == {"kk", "ru", "en"}
    assert {cell["mode"] for cell in cells} == {"standard", "large", "contrast",
                                                "large-contrast"}
    assert {cell["orientation"] for cell in cells} == {"portrait", "landscape"}
    assert len(cells) == len(pages) * 3 * 4 * 2 == 192
    assert {cell["outcome"] for cell in cells} == {"pass"}

    # With a passing checklist, the whole stand audited: a certificate.
    filled = tmp_path / "stand.yaml"
    filled.write_text(filled_template(**PASSING), encoding="utf-8")
    imported = checklist("import", str(filled), "--stand", hall, db=db)
    assert imported.returncode == 0, imported.stderr
    certified = checklist("report", "--stand", hall, db=db).stdout
    assert "Overall: Meets the requirements" in certified
    assert "Covered 192 of the 192 page views" in certified
    # The issue's sequence: one page, language, mode and orientation audited again
    # after the full audit is partial evidence, not a verdict.
    partial = audit(hall, "--page", "home", "--language", "kk", "--mode", "standard",
                    "--orientation", "portrait", "-q", db=db)
    assert partial.returncode == Exit.OK, partial.stdout + partial.stderr
    report_text = checklist("report", "--stand", hall, db=db).stdout
    assert "Overall: Partial evidence" in report_text
    assert "Covered 1 of the 192 page views" in report_text
    assert "Meets the requirements" not in report_text.split("Physical checklist")[0]
    # The other stand of the location is a stand of its own: not certified by these.
    other = checklist("report", "--stand", live_server.url("/stand/main/?stand=main-floor2"),
                      db=db)
    assert other.returncode == 1 and "nothing is known about" in other.stderr

    # Every stand check ran on every page view, and found nothing.
    scan = Store(str(db)).load(1)
    # This audit is the suite's axe-core test of every page of the stand's menu, in every
    # language, mode and orientation (tests/browser/test_axe.py audits the rest): each
    # view audited, no finding (above), and 7:1 contrast checked where promised.
    assert len(scan.pages) == 192 and {page.status for page in scan.pages} == {"audited"}
    assert all("color-contrast" in page.passed_rules for page in scan.pages)
    contrast = [page for page in scan.pages if "mode=" in page.url and "contrast" in page.url]
    assert len(contrast) == 96
    assert all("color-contrast-enhanced" in page.passed_rules for page in contrast)
    stand_rules = {"stand-keypad-reach", "stand-keypad-trap", "stand-speech-key",
                   "stand-speech-audio", "stand-idle-warning", "stand-outside-request",
                   "stand-content-covered", "stand-controls-first-screen", "content-obscured"}
    assert all(stand_rules <= set(page.passed_rules) for page in scan.pages)
    assert "target-size-enhanced" in scan.pages[0].passed_rules
    assert "pass" in result.stdout and "FAIL" not in result.stdout


def test_a_broken_stand_fails_with_exactly_the_planted_findings(
        broken_stand: LiveServer, live_server: LiveServer, browser: WebDriver,
        tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    result = audit(broken_stand.url("/stand/main/kk/"), "--stand-id", "main-hall",
                   "--page", "contacts",
                   "--page", "hours", "--language", "kk", "--mode", "standard",
                   "--orientation", "portrait", "--format", "html", "--lang", "kk",
                   "-o", str(tmp_path / "stand.html"), db=db)
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
    # The stand's publication, as its admin area names it, is recorded with the audit.
    recorded = recorded_matrix(scan.options)
    assert recorded is not None and recorded.publication is not None
    assert recorded.publication.number >= 1 and recorded.publication.at.tzinfo is not None
    assert "FAIL" in result.stdout and "stand-outside-request" in result.stdout
    assert f"{live_server.base_url}/static/icons.svg" in result.stdout
    html = (tmp_path / "stand.html").read_text()
    assert '<html lang="kk">' in html and "stand-speech-audio" in html
    assert "Бет, тіл, режим және бағдар бойынша стенд" in html
    # The stand report is as accessible as the scanner's other reports, in each language.
    summary = summarise(Store(str(db)).load(1))
    for language in ("kk", "ru", "en"):
        path = tmp_path / f"stand-{language}.html"
        path.write_text(formats()["html"](summary, ReportContext(language=language)))
        set_viewport(browser, *LANDSCAPE)
        browser.get(path.as_uri())
        assert [finding.describe() for finding in violations(browser)] == []


def test_bad_stand_addresses_exit_1_with_a_clear_message(live_server: LiveServer,
                                                         tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    not_stand = audit(live_server.url("/admin/"), db=db)
    assert not_stand.returncode == Exit.TOOL_FAILED
    assert "is not a stand address" in not_stand.stderr
    no_page = audit(live_server.url("/stand/main/?stand=main-hall"), "--page", "menu", db=db)
    assert no_page.returncode == Exit.TOOL_FAILED
    assert "the stand has no page 'menu'" in no_page.stderr
    # A stand is one of its location's, named by its id: a typo is refused with the list.
    typo = audit(live_server.url("/stand/main/?stand=mian-hall"), db=db)
    assert typo.returncode == Exit.TOOL_FAILED
    assert "has no stand 'mian-hall'; its stands are: main-hall, main-floor2" in typo.stderr
    unnamed = audit(live_server.url("/stand/main/"), db=db)
    assert unnamed.returncode == Exit.TOOL_FAILED and "several stands" in unnamed.stderr
    assert not db.exists() or not Store(str(db)).scan_ids()


def test_traps_unspoken_text_overflow_and_a_missing_extend_control_are_found(
        trapped_stand: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "scans.sqlite3"
    result = audit(trapped_stand.url("/stand/main/?stand=main-hall"), "--page", "hours",
                   "--language", "kk",
                   "--mode", "large", "--orientation", "landscape", "-q", db=db)
    assert result.returncode == Exit.VIOLATIONS, result.stdout + result.stderr
    [page] = Store(str(db)).load(1).pages
    assert page.url == trapped_stand.url(TRAPPED_PAGE + "?mode=large")
    found: dict[str, set[str]] = {}
    for _fid, issue in page.issues:
        found.setdefault(issue.rule, set()).add(issue.selector)
    planted = {"stand-keypad-trap", "stand-keypad-reach", "stand-speech-key",
               "stand-idle-warning", "reflow", "keyboard-trap"}
    # The planted paragraph, 2 500 px wide, also lies over the QR code's column beside
    # the text: axe-core says it cannot tell the contrast of what it covers.
    assert planted <= set(found) and set(found) - planted <= {"color-contrast"}
    # At the stand's screen (320 px is for websites): the page's content region is the box
    # that the paragraph makes scroll sideways.
    assert found["reflow"] == {"#page-content"}
    assert found["stand-keypad-trap"] == {"#trap"}
    # The scanner's own keyboard walk (with Tab, as on any website) finds it too.
    assert found["keyboard-trap"] == {"#trap"}
    assert found["stand-speech-key"] == {"#mute"}
    assert found["stand-idle-warning"] == {"#idle-dialog"}
    # Before the trap, everything is reached; after it, nothing: not the controls of the
    # bottom bar, not the Speech button fixed in the corner in large type.
    unreachable = found["stand-keypad-reach"]
    assert not any("skip" in selector or selector == "#trap" for selector in unreachable)
    assert "#controls > button:nth-of-type(1)" in unreachable
    assert any("home-link" in issue.html for _fid, issue in page.issues
               if issue.rule == "stand-keypad-reach")
