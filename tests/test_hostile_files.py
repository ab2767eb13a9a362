"""Hostile files through every way in: content files by `kiosk content validate` and
`import` and the admin's import form, checklist files by `a11y-audit checklist import`
and the auditors' upload form, photos by the checklist form (issue 13, item 3).

Each run happens in a child process whose address space is limited to what it mapped
before the file arrived plus BUDGET_MB (tests/limited_runner.py): a reader that expands
aliases or decodes a bomb fails the test with a MemoryError instead of eating the
machine. The test of the runner itself shows that it does catch such a reader."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests import hostile_files as hostile
from tests.admin_session import add_accounts, signed_in
from tests.conftest import ROOT
from tests.limited_runner import MEMORY_ERROR

BUDGET_MB = 200
# What a refusal may print at most: a message, never the file expanded.
MESSAGE_BYTES = 2000
HUGE = 50 * 1024 * 1024
EXPECTED_CONTENT = {
    "laughs.yaml": "line 6, column 11: anchors and aliases (&name, *name) are not allowed",
    "brackets.yaml": "nested more than 20 levels deep",
    "nul.yaml": "line 2, column 1: the file contains the control character U+0000",
    "not-utf8.yaml": "line 3, column 15: the file is not UTF-8 text (byte 0xEA)",
}


def limited(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MALLOC_ARENA_MAX": "2", "KIOSK_SECRET_KEY": "test"}
    return subprocess.run([sys.executable, "-m", "tests.limited_runner", str(BUDGET_MB),
                           *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=timeout)


def written(folder: Path, files: dict, suffix: str = ".yaml") -> list[Path]:
    paths = []
    for name, make in files.items():
        path = folder / f"{name}{suffix}"
        path.write_bytes(make())
        paths.append(path)
    return paths


def results(run: subprocess.CompletedProcess[str]) -> dict[str, dict]:
    assert run.returncode == 0, run.stderr[-3000:]
    return {line["file"]: line for line in map(json.loads, run.stdout.splitlines())}


def test_the_memory_limit_stops_a_reader_without_bounds(tmp_path: Path) -> None:
    (path,) = written(tmp_path, {"laughs": hostile.content_laughs})
    run = limited("tests.upload_attacks:naive_expansion", str(path))
    assert run.returncode == MEMORY_ERROR, (run.returncode, run.stderr[-2000:])


@pytest.fixture
def content_files(tmp_path: Path) -> list[Path]:
    files = written(tmp_path, hostile.CONTENT)
    return [*files, hostile.huge(tmp_path / "huge.yaml", HUGE)]


def test_kiosk_content_validate_refuses_each_file_in_a_sentence(content_files: list[Path]
                                                                ) -> None:
    for path in content_files:
        run = limited("kiosk.cli:main", "content", "validate", str(path))
        assert run.returncode == 1, (path.name, run.returncode, run.stderr[-2000:])
        assert len(run.stderr) < MESSAGE_BYTES, run.stderr[:MESSAGE_BYTES]
        assert "Traceback" not in run.stderr
        assert f"{path}: 1 problem, nothing was changed" in run.stderr
        expected = EXPECTED_CONTENT.get(path.name, "The file is larger than 2 MB")
        assert expected in run.stderr, run.stderr


def test_kiosk_content_import_changes_nothing(tmp_path: Path, content_files: list[Path]
                                              ) -> None:
    env = {**os.environ, "KIOSK_DATABASE_URL": f"sqlite:///{tmp_path / 'k.sqlite3'}",
           "KIOSK_SECRET_KEY": "test", "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "speech")}
    kiosk = [sys.executable, "-m", "kiosk.cli"]
    subprocess.run([*kiosk, "setup"], env=env, check=True, capture_output=True, timeout=120)
    for path in content_files:
        run = subprocess.run([*kiosk, "content", "import", str(path)], env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1 and "nothing was changed" in run.stderr, run.stderr
    exported = subprocess.run([*kiosk, "content", "export"], env=env, capture_output=True,
                              text=True, timeout=120)
    assert "koktal-akimat" in exported.stdout and "+7 727 000 00 00" not in exported.stdout


def test_the_admin_import_form_refuses_each_file_in_the_managers_language(
        tmp_path: Path, content_files: list[Path]) -> None:
    run = limited("tests.upload_attacks:admin_import", str(tmp_path / "app"), "ru",
                  *map(str, content_files))
    found = results(run)
    for name in ("laughs.yaml", "brackets.yaml", "nul.yaml", "not-utf8.yaml"):
        assert found[name]["status"] == 422, found[name]
        assert found[name]["revision"] == 1, "nothing was published"
    assert found["huge.yaml"]["status"] == 413
    assert found["huge.yaml"]["revision"] == 1
    summary = {name: " ".join(result["summaries"]) for name, result in found.items()}
    assert "строка 6, столбец 11: якоря и ссылки (&имя, *имя)" in summary["laughs.yaml"]
    assert "вложены глубже 20 уровней" in summary["brackets.yaml"]
    assert "строка 2, столбец 1: в файле есть управляющий символ U+0000" in summary["nul.yaml"]
    assert "строка 3, столбец 15: файл не в кодировке UTF-8 (байт 0xEA)" in summary[
        "not-utf8.yaml"]
    assert "Файл больше 2 МБ" in summary["huge.yaml"], summary["huge.yaml"]
    assert all(result["bytes"] < 40_000 for result in found.values())


@pytest.fixture
def checklist_files(tmp_path: Path) -> list[Path]:
    files = written(tmp_path, hostile.CHECKLIST)
    return [*files, hostile.huge(tmp_path / "huge.yaml", HUGE)]


def test_a11y_audit_checklist_import_refuses_each_file(tmp_path: Path,
                                                       checklist_files: list[Path]) -> None:
    database = f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    expected = {
        "laughs.yaml": ":8: Anchors and aliases (&name, *name) are not allowed",
        "brackets.yaml": ":3: The file is nested more than 20 levels deep",
        "nul.yaml": ":2: The file contains the control character U+0000",
        "not-utf8.yaml": ":2: The file is not UTF-8 text",
        "huge.yaml": ": The file is larger than 256 KB",
    }
    for path in checklist_files:
        run = limited("accessibility_audit.cli:main", "checklist", "import", str(path),
                      "--stand", "http://127.0.0.1:8080/stand/main/", "--db", database)
        assert run.returncode == 1, (path.name, run.returncode, run.stderr[-2000:])
        assert len(run.stderr) < MESSAGE_BYTES and "Traceback" not in run.stderr
        assert "nothing was imported" in run.stderr
        assert f"{path}{expected[path.name]}" in run.stderr, run.stderr
    if (tmp_path / "audit.sqlite3").exists():
        import sqlite3

        with sqlite3.connect(tmp_path / "audit.sqlite3") as db:
            tables = {row[0] for row in db.execute("select name from sqlite_master")}
            if "audit_checklists" in tables:
                assert db.execute("select count(*) from audit_checklists").fetchone() == (0,)


def test_the_checklist_upload_form_refuses_each_file_in_the_auditors_language(
        tmp_path: Path, checklist_files: list[Path]) -> None:
    run = limited("tests.upload_attacks:checklist_import", str(tmp_path / "app"), "kk",
                  *map(str, checklist_files))
    found = results(run)
    for name, result in found.items():
        assert result["status"] == (413 if name == "huge.yaml" else 400), result
        assert result["checklists"] == 0, "nothing was saved"
    summary = {name: " ".join(result["summaries"]) for name, result in found.items()}
    assert "8-жол: Бұл файлда якорьлер мен сілтемелерге (&атау, *атау)" in summary[
        "laughs.yaml"]
    assert "3-жол: Файл 20 деңгейден терең" in summary["brackets.yaml"]
    assert "2-жол: Файлда U+0000 басқару таңбасы бар" in summary["nul.yaml"]
    assert "2-жол: Файл UTF-8 мәтіні емес" in summary["not-utf8.yaml"]
    assert "Файл 256 КБ-тан үлкен" in summary["huge.yaml"], summary["huge.yaml"]


def test_the_checklist_form_refuses_a_photo_bomb_and_a_form_too_large(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(hostile.png_bomb())
    huge = hostile.huge(tmp_path / "huge.jpg", 100 * 1024 * 1024)
    run = limited("tests.upload_attacks:checklist_photo", str(tmp_path / "app"), "en",
                  str(bomb), str(huge))
    found = results(run)
    assert found["bomb.png"]["status"] == 400
    assert "The photo has too many pixels: send a smaller one." in found["bomb.png"][
        "summaries"][0]
    assert found["huge.jpg"]["status"] == 413
    assert ("The form and its photos came to more than 96 MB, the most one saving takes, so "
            "nothing was saved.") in " ".join(found["huge.jpg"]["summaries"])
    assert found["huge.jpg"]["checklists"] == 0


def test_a_request_too_large_for_a_stand_form_gets_a_designed_page(client: FlaskClient
                                                                   ) -> None:
    response = client.post("/stand/main/kk/feedback", data={"words": "ә" * 100_000})
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "<h1>Тым көп жіберілді</h1>" in page and "64 кБ" in page
    assert 'href="/stand/main/kk/"' in page


def test_an_upload_too_large_reveals_nothing_to_those_not_allowed(app: Flask) -> None:
    add_accounts(app)
    # Encoded in memory: the test client would spool a body this large to a file of its own.
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"x" * 5_000_000),
                                                           "big.yaml")})
    upload = {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}
    anonymous = app.test_client().post("/admin/content", **upload)
    assert anonymous.status_code == 302 and "/admin/login" in anonymous.headers["Location"]
    editor = signed_in(app, "editor").post("/admin/content", **upload)
    assert editor.status_code == 403
    assert "koktal" not in editor.get_data(as_text=True)
