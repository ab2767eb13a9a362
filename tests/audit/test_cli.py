"""a11y-audit as a CI pipeline runs it: exit codes, Ctrl+C and --resume."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accessibility_audit.exitcodes import Exit
from accessibility_audit.store import Store
from tests.audit.conftest import scanner_environment, scanner_processes
from tests.audit.fixture_site import FixtureSite

SCRIPT = Path(sys.executable).parent / "a11y-audit"


def audit(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=120, env=scanner_environment())


@pytest.mark.parametrize(("args", "message"), [
    (["scan", "ftp://gov.kz/"], "is not an http:// or https:// address"),
    (["scan"], "nothing to scan"),
    (["scan", "--cookie", "session", "http://gov.kz/"], "is not NAME=VALUE"),
    (["scan", "--workers", "0", "http://gov.kz/"], "'--workers'"),
    (["scan", "--include", "(", "http://gov.kz/"], "not a valid regular expression"),
    (["scan", "--rule", "imgae-alt", "--skip-rule", "reflow", "http://gov.kz/"],
     "unknown rule 'imgae-alt'; the own checks are page-language-matches-text, "),
    (["scan", "--rule", "reflow", "--skip-rule", "reflow", "http://gov.kz/"],
     "nothing would be checked"),
    (["report", "7"], "holds no scans yet"),
    (["diff", "1", "2"], "holds no scans yet"),
])
def test_bad_input_exits_1_with_a_clear_message(tmp_path: Path, args: list[str],
                                                message: str) -> None:
    result = audit(*args, db=tmp_path / "scans.sqlite3")
    assert result.returncode == Exit.TOOL_FAILED
    assert message in result.stderr


@pytest.mark.browser
def test_exit_codes_gate_ci(tmp_path: Path, site: FixtureSite) -> None:
    db = tmp_path / "scans.sqlite3"
    common = ["--delay", "0", "--quiet"]
    serious = audit("scan", site.url("/low-contrast"), "--fail-on", "serious", *common, db=db)
    assert serious.returncode == Exit.VIOLATIONS, serious.stderr
    assert "color-contrast  serious" in serious.stdout          # the summary table
    blocked = audit("scan", site.url("/low-contrast"), site.url("/forbidden"),
                    "--fail-on", "critical", *common, db=db)
    assert blocked.returncode == Exit.PAGES_NOT_AUDITED, blocked.stderr
    assert "access denied (HTTP 403)" in blocked.stdout
    allowed = audit("scan", site.url("/low-contrast"), site.url("/forbidden"),
                    "--allow-page-errors", "--max-violations", "1", *common, db=db)
    assert allowed.returncode == Exit.OK, allowed.stderr
    over = audit("scan", site.url("/low-contrast"), "--max-violations", "0", *common, db=db)
    assert over.returncode == Exit.VIOLATIONS
    listing = audit("scans", db=db)
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 4


def test_rules_lists_every_id_with_its_level_and_criteria() -> None:
    listing = subprocess.run([str(SCRIPT), "rules"], capture_output=True, text=True,
                             timeout=60, env=scanner_environment())
    assert listing.returncode == Exit.OK, listing.stderr
    lines = {line.split()[0]: line.split()[1:3] for line in listing.stdout.splitlines()
             if line.startswith("  ")}
    assert lines["target-size-enhanced"] == ["wcag21aaa", "2.5.5"]
    assert lines["part-language-matches-text"] == ["wcag2aa", "3.1.2"]
    assert lines["color-contrast-enhanced"] == ["wcag2aaa", "1.4.6"]
    assert len(lines) > 100


@pytest.mark.browser
def test_rules_are_chosen_by_id_and_kept_with_the_scan(tmp_path: Path, site: FixtureSite) -> None:
    db = tmp_path / "scans.sqlite3"
    only = audit("scan", site.url("/checks/reflow-fail"), site.url("/missing-alt"),
                 "--rule", "reflow", "--rule", "image-alt", "--skip-rule", "image-alt",
                 "--fail-on", "serious", "--delay", "0", "--quiet", db=db)
    assert only.returncode == Exit.VIOLATIONS, only.stderr
    assert "reflow" in only.stdout and "image-alt" not in only.stdout
    stored = Store(str(db)).load(1)
    assert (stored.options["rules"], stored.options["skip_rules"]) == (
        ["reflow", "image-alt"], ["image-alt"])


def _interruptible() -> None:
    # A test run started in the background (cmd &) ignores SIGINT, and its children
    # inherit that; a person's Ctrl+C reaches a scan started in a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.browser
def test_ctrl_c_keeps_what_was_scanned_and_resume_finishes(tmp_path: Path,
                                                           site: FixtureSite) -> None:
    db = tmp_path / "scans.sqlite3"
    urls = [site.url(f"/slow?{n}") for n in range(4)]
    scan = subprocess.Popen([str(SCRIPT), "scan", *urls, "--workers", "1", "--delay", "0",
                             "--db", str(db)], stderr=subprocess.PIPE, text=True,
                            env=scanner_environment(), preexec_fn=_interruptible)
    for line in scan.stderr:   # progress goes to stderr, one line per page off a terminal
        if line.startswith("[1/4]"):
            break
    scan.send_signal(signal.SIGINT)
    rest = scan.communicate(timeout=60)[1]
    assert scan.returncode == Exit.INTERRUPTED
    assert "--resume 1" in rest
    time.sleep(0.5)
    assert scanner_processes() == []
    stored = Store(str(db)).load(1)
    assert stored.status == "interrupted"
    assert 1 <= len(stored.pages) < 4
    resumed = audit("scan", "--resume", "1", "--quiet", db=db)
    assert resumed.returncode == Exit.OK, resumed.stderr
    stored = Store(str(db)).load(1)
    assert stored.status == "finished"
    assert sorted(page.url for page in stored.pages) == sorted(urls)
    assert scanner_processes() == []
