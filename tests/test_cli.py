"""The kiosk command as a facility manager uses it, on a real database: a SQLite file
and, for the commands that publish and read content, a PostgreSQL server as well.

The commands run in the test's process (tests/in_process.py); the last test starts the
real ``kiosk`` process, which reads its settings from the environment as it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from tests import in_process
from tests.conftest import DEMO, SQLITE_ONLY

Kiosk = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def kiosk(tmp_path: Path, database_url: str) -> Kiosk:
    env = {"KIOSK_DATABASE_URL": database_url, "KIOSK_SECRET_KEY": "test",
           "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return in_process.run(main, "kiosk", *args, env=env)

    return run


@pytest.fixture
def loaded(kiosk: Kiosk) -> Kiosk:
    assert kiosk("setup").returncode == 0
    return kiosk


def test_setup_loads_the_demo_once_and_keeps_data(kiosk: Kiosk) -> None:
    first = kiosk("setup")
    assert first.returncode == 0, first.stderr
    assert "Loaded" in first.stdout
    again = kiosk("setup")
    assert "already has content; it was kept" in again.stdout


@SQLITE_ONLY
def test_validate_reports_the_field_and_exits_non_zero(kiosk: Kiosk, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(DEMO.read_text(encoding="utf-8").replace('"18:30"', '"25:00"', 1),
                      encoding="utf-8")
    result = kiosk("content", "validate", str(broken))
    assert result.returncode == 1
    assert '.end: "25:00" is not a time of day' in result.stderr
    assert "nothing was changed" in result.stderr


# Refused before the database is asked: one database is enough.
@SQLITE_ONLY
def test_import_of_a_broken_file_changes_nothing(loaded: Kiosk, tmp_path: Path) -> None:
    before = loaded("content", "export").stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(before.replace("Көктал", "Жаңа").replace('"kk":', '"xx":')
                      .replace("time_zone: Asia/Almaty", "time_zone: Mars/Olympus"),
                      encoding="utf-8")
    result = loaded("content", "import", str(broken))
    assert result.returncode == 1
    assert 'organisation.time_zone: "Mars/Olympus" is not a known time zone' in result.stderr
    assert loaded("content", "export").stdout == before


def test_import_publishes_a_new_revision(loaded: Kiosk, tmp_path: Path) -> None:
    exported = loaded("content", "export").stdout
    changed = tmp_path / "changed.yaml"
    changed.write_text(exported.replace("default_location: main", "default_location: reception"),
                       encoding="utf-8")
    result = loaded("content", "import", str(changed))
    assert result.returncode == 0, result.stderr
    assert "Published revision 2 of koktal-akimat" in result.stdout
    assert "default_location: reception" in loaded("content", "export").stdout
    same = loaded("content", "import", str(changed))
    assert "identical to revision 2" in same.stdout


# Refused before the database is asked: one database is enough.
@SQLITE_ONLY
def test_an_author_too_long_for_the_database_is_refused(loaded: Kiosk, tmp_path: Path) -> None:
    changed = tmp_path / "changed.yaml"
    changed.write_text(DEMO.read_text(encoding="utf-8").replace(
        "default_location: main", "default_location: reception"), encoding="utf-8")
    result = loaded("content", "import", str(changed), "--author", "Б" * 121)
    assert result.returncode == 1
    assert "--author must have at most 120 characters" in result.stderr
    assert "default_location: main" in loaded("content", "export").stdout


def test_export_before_any_setup_says_what_to_do(kiosk: Kiosk) -> None:
    result = kiosk("content", "export")
    assert result.returncode == 1
    assert "kiosk db upgrade" in result.stderr


def test_bad_setting_is_explained(tmp_path: Path) -> None:
    env_result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "db", "upgrade"], capture_output=True, text=True,
        env={**os.environ, "KIOSK_IDLE_COUNTDOWN_SECONDS": "5",
             "KIOSK_DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}, timeout=60)
    assert env_result.returncode == 1
    assert "KIOSK_IDLE_COUNTDOWN_SECONDS must be at least 20" in env_result.stderr
