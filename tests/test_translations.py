"""The catalogs are complete, current and keep every placeholder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

CATALOGS = ROOT / "kiosk" / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalog(lang: str):
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_template_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    str(ROOT / "babel.cfg"), "--no-location", "-o", str(fresh),
                    str(ROOT / "kiosk")], check=True, capture_output=True, cwd=ROOT)
    with fresh.open("rb") as handle:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    with (CATALOGS / "messages.pot").open("rb") as handle:
        committed = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert len(extracted) > 50
    assert extracted == committed, "run 'make extract' and translate the new messages"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_message_is_translated_with_its_placeholders(lang: str) -> None:
    problems = []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"placeholders differ: {ids[0]!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_plural_rules_follow_cldr() -> None:
    assert catalog("ru").num_plurals == 3
    assert catalog("kk").num_plurals == 2
