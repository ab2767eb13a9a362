"""The report's own catalogs are complete, current and keep every placeholder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

PACKAGE = ROOT / "accessibility_audit"
CATALOGS = PACKAGE / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_template_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    str(PACKAGE / "babel.cfg"), "--no-location", "-o", str(fresh),
                    str(PACKAGE)], check=True, capture_output=True, cwd=ROOT)
    assert ids(fresh) == ids(CATALOGS / "messages.pot"), \
        "run 'make extract-audit' and translate the new messages"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_message_is_translated_with_its_placeholders(lang: str) -> None:
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(sources[-1]))
        if not all(strings) or any(set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            problems.append(sources[0])
    assert problems == []
