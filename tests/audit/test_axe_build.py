"""The axe-core a scan runs: the release `make install` fetched (the Makefile's
AXE_VERSION), axe-selenium-python's older bundled build only when it is absent, and
reports that say which one ran."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from accessibility_audit.diff import compare
from accessibility_audit.engine import frames
from accessibility_audit.engine.frames import BUNDLED_AXE, INSTALLED_AXE, AxeScript
from accessibility_audit.reporters import ReportContext, diff_text, formats
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def pinned_version() -> str:
    return re.search(r"^AXE_VERSION := (\S+)$", MAKEFILE.read_text(), re.MULTILINE).group(1)


def test_scans_run_the_release_make_install_fetched() -> None:
    axe = AxeScript()
    assert axe.path == INSTALLED_AXE
    assert axe.version == pinned_version()
    assert AxeScript(BUNDLED_AXE).version == "4.10.2"


def test_the_bundled_build_stands_in_only_without_the_installed_one(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(frames, "INSTALLED_AXE", tmp_path / "absent" / "axe.min.js")
    assert AxeScript().path == BUNDLED_AXE
    assert AxeScript().version == "4.10.2"


@pytest.mark.browser
def test_reports_name_the_version_and_a_diff_across_versions_says_so(
        store: Store, site: FixtureSite) -> None:
    old = run_scan(store, site, ["/missing-alt"], axe_script=str(BUNDLED_AXE))
    new = run_scan(store, site, ["/missing-alt"])
    version = pinned_version()
    assert new.scan.axe_version == version
    context = ReportContext("en")
    assert f"axe-core {version}" in formats()["text"](new, context)
    assert json.loads(formats()["json"](new, context))["engine"]["version"] == version
    rows = list(csv.DictReader(io.StringIO(formats()["csv"](new, context).lstrip("\ufeff"))))
    assert rows and {row["axe_core"] for row in rows} == {version}
    suite = ET.fromstring(formats()["junit"](new, context).encode()).find("testsuite")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"axe-core": version, "standard": "wcag22aa", "profile": "default"}
    assert f"with axe-core {version}" in formats()["earl"](new, context)
    assert f"axe-core {version}" in formats()["html"](new, context)
    difference = compare(old, new)
    assert f"different axe-core versions (4.10.2 → {version})" in diff_text.render(difference)
    assert json.loads(diff_text.render_json(difference))["axe_core"] == {
        "old": "4.10.2", "new": version}
