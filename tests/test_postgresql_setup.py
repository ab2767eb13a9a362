"""How the tests find PostgreSQL, and what they say when it is not there."""

from __future__ import annotations

from pathlib import Path

from tests.postgresql import binaries, missing


def install(root: Path, version: str) -> None:
    (root / version / "bin").mkdir(parents=True)
    (root / version / "bin" / "initdb").touch()


def test_without_postgresql_the_tests_say_to_run_make_system(tmp_path: Path) -> None:
    problem = missing(tmp_path)
    assert problem is not None and "Run `make system`" in problem


def test_the_newest_installed_version_is_used(tmp_path: Path) -> None:
    for version in ("9", "15", "13"):
        install(tmp_path, version)
    (tmp_path / "17").mkdir()  # a leftover folder without binaries
    assert binaries(tmp_path) == tmp_path / "15" / "bin"
    assert missing(tmp_path) is None
