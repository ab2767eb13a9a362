"""The own checks through the real scanner: every fixture page under /checks/ in one
scan, checked against checks_expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accessibility_audit.checks.rules import RULES
from accessibility_audit.store import Store
from accessibility_audit.summary import Summary
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser

EXPECTED: dict[str, dict] = {
    path: page for path, page in
    json.loads((Path(__file__).parent / "checks_expected.json").read_text()).items()
    if not path.startswith("_")}
# The axe rules the own checks stand beside (2.5.8 spacing, 1.4.6 enhanced contrast).
AXE_RULES = ("target-size", "color-contrast-enhanced")


@pytest.fixture(scope="module")
def checked(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory) -> Summary:
    store = Store(str(tmp_path_factory.mktemp("checks") / "scans.sqlite3"))
    return run_scan(store, site, list(EXPECTED), standard="wcag22aaa", best_practice=True,
                    rules=(*RULES, *AXE_RULES))


def test_each_page_fails_and_passes_exactly_as_expected(checked: Summary) -> None:
    site = checked.pages[0].site
    for page in checked.pages:
        path = page.url.removeprefix(site)
        assert page.status == "audited", (path, page.errors)
        assert not page.errors, (path, page.errors)
        failing: dict[str, list[str]] = {}
        for _fid, issue in page.issues:
            if issue.outcome == "violation":
                failing.setdefault(issue.rule, []).append(issue.selector)
        assert {rule: sorted(s) for rule, s in failing.items()} == \
            EXPECTED[path]["violations"], path
        missing = set(EXPECTED[path]["passes"]) - set(page.passed_rules)
        assert not missing, (path, missing)
