"""Issue 11: one truth from the store to the exit code. A needs-review page, then a
failing page of the same template with the same element: a violation and a
needs-review finding, each with its own page, in every output — the text summary,
JSON, CSV, JUnit, EARL, HTML, ``diff``, ``--fail-on``/``--max-violations`` and the
auditors' dashboard; and once an auditor decides the needs-review one "fails", it is a
violation in every one of them, exit codes included."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from accessibility_audit.evaluation import Summary, evaluate, history
from accessibility_audit.exitcodes import Exit
from accessibility_audit.reporters import ReportContext, formats
from accessibility_audit.store import Store
from kiosk.content import Content
from tests.admin_session import add_accounts, signed_in
from tests.audit.conftest import scanner_environment
from tests.audit.fixture_site import FixtureSite
from tests.conftest import make_app

pytestmark = pytest.mark.browser
SCRIPT = Path(sys.executable).parent / "a11y-audit"


def a11y_audit(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=180, env=scanner_environment())


def scan(site: FixtureSite, db: Path, *gate: str) -> subprocess.CompletedProcess[str]:
    """The needs-review page first: the one whose outcome a shared id used to take."""
    return a11y_audit("scan", site.url("/offers/1"), site.url("/offers/2"), "--workers", "1",
                      "--delay", "0", "--quiet", *gate, db=db)


def report(store: Store, summary: Summary, name: str) -> str:
    sites = {page.site for page in summary.pages}
    return formats()[name](summary, ReportContext("en", history(store, sites, summary.scan.id)))


def by_path(summary: Summary, url: str) -> str:
    return url.removeprefix(summary.pages[0].site)


def check_outputs(store: Store, scan_id: int, decided: bool) -> None:
    """Every report of ``scan_id``: the violation on /offers/2 and, unless ``decided``
    ("fails"), a needs-review item on /offers/1 that does not count."""
    summary = evaluate(store, scan_id)
    counted = {"/offers/2", "/offers/1"} if decided else {"/offers/2"}
    verdict = "violation" if decided else "needs-review"

    data = json.loads(report(store, summary, "json"))
    findings = {(f["outcome"], f["verdict"], tuple(by_path(summary, p) for p in f["pages"]))
                for f in data["findings"]}
    assert findings == {("violation", "violation", ("/offers/2",)),
                        ("incomplete", verdict, ("/offers/1",))}
    assert data["violations_by_impact"]["serious"] == len(counted)
    assert {by_path(summary, p["url"]): p["violating_elements"] for p in data["pages"]} == {
        "/offers/1": int(decided), "/offers/2": 1}

    rows = list(csv.DictReader(io.StringIO(report(store, summary, "csv").lstrip("\ufeff"))))
    assert {(by_path(summary, r["page_url"]), r["outcome"], r["verdict"]) for r in rows} == {
        ("/offers/2", "violation", "violation"), ("/offers/1", "incomplete", verdict)}

    junit = ET.fromstring(report(store, summary, "junit").encode())
    failing = {by_path(summary, s.get("name").split(" (")[0]) for s in junit.iter("testsuite")
               if s.find("testcase/failure") is not None}
    assert failing == counted

    earl = json.loads(report(store, summary, "earl"))
    outcomes = {(by_path(summary, node["url"]), a["result"]["outcome"], a["mode"])
                for node in earl["@graph"] if node.get("@type") == "WebPage"
                for a in node["assertions"]
                if "color-contrast" in a["test"]["@id"] and "pointer" in a["result"]}
    assert outcomes == {("/offers/2", "earl:failed", "earl:automatic"),
                        ("/offers/1", "earl:failed", "earl:semiAuto") if decided
                        else ("/offers/1", "earl:cantTell", "earl:automatic")}

    html = report(store, summary, "html")
    facts = re.search(r"<dt>Violations</dt><dd>(\d+)</dd>\s*<dt>Need review</dt><dd>(\d+)</dd>",
                      html)
    assert facts and facts.groups() == (str(len(counted)), "1")
    pages = dict(re.findall(r'<th scope="row" class="url">[^<]*(/offers/\d)</th><td>desktop</td>'
                            r'<td>audited</td><td class="number">(\d+)</td>', html))
    assert pages == {"/offers/1": str(int(decided)), "/offers/2": "1"}

    text = report(store, summary, "text")
    if decided:
        assert ("2 violation findings (2 serious); 1 need review (auditors decided 0 pass, "
                "1 fail; those that fail are counted as violations above).") in text
    else:
        assert "1 violation finding (1 serious); 1 need review." in text
    assert re.search(rf"color-contrast\s+serious\s+{len(counted)}\s+{len(counted)}\s+1\.4\.3",
                     text)


def dashboard_row(app: object, site: FixtureSite) -> list[str]:
    html = signed_in(app, "auditor").get("/audit/").get_data(as_text=True)
    host = site.base.removeprefix("http://")
    row = re.search(rf'<th scope="row"><a href="/audit/sites/\w+">{host}</a>(.*?)</tr>', html,
                    re.S)
    assert row, html
    # Audited, failed, blocked, critical, serious, moderate, minor, open reviews
    return re.findall(r'<td class="number">(\d+)</td>', row[1])


def test_one_evaluation_from_the_store_to_the_exit_code(
        tmp_path: Path, site: FixtureSite, demo_content: Content) -> None:
    db = tmp_path / "scans.sqlite3"
    failing = scan(site, db, "--fail-on", "serious")
    assert failing.returncode == Exit.VIOLATIONS, failing.stderr
    within = scan(site, db, "--max-violations", "1")
    assert within.returncode == Exit.OK, within.stderr
    store = Store(str(db))
    check_outputs(store, 2, decided=False)
    app = make_app(tmp_path, demo_content, AUDIT_DB=f"sqlite:///{db}")
    add_accounts(app)
    assert dashboard_row(app, site) == ["2", "0", "0", "0", "1", "0", "0", "1"]

    # An auditor decides the needs-review item fails: it is a violation everywhere.
    [doubtful] = evaluate(store, 2).needs_review
    store.add_review(doubtful.id, doubtful.rule, "fail", "2:1 over the photo", "asel", "Әсел")
    check_outputs(store, 2, decided=True)
    over = scan(site, db, "--max-violations", "1")
    assert over.returncode == Exit.VIOLATIONS, over.stderr
    assert "more than 1 violation findings" in over.stderr
    assert dashboard_row(app, site) == ["2", "0", "0", "0", "2", "0", "0", "0"]
    difference = a11y_audit("diff", "2", "3", "--format", "json", db=db)
    changes = json.loads(difference.stdout)
    assert (len(changes["new_findings"]), len(changes["fixed"]), len(changes["remaining"])) == (
        0, 0, 2)
    store.close()
