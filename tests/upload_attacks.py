"""Hostile uploads sent through the admin and auditors' forms of a real app, for
:mod:`tests.limited_runner`: the app is built and signed in first, then the memory is
limited, then each file is sent. One JSON line per file goes to standard output: the
status, the error summaries' text and what the store holds afterwards."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from accessibility_audit.physical.stands import stand_key
from accessibility_audit.store import tables as t
from kiosk.audit.storage import audit_store
from kiosk.content import load_file
from kiosk.store import reader
from tests.admin_forms import filled
from tests.admin_session import add_accounts, csrf, signed_in
from tests.conftest import DEMO, make_app

# The demo location has two stands: a stand is named by its id.
STAND = "http://127.0.0.1:8080/stand/main/?stand=main-hall"
KEY = stand_key(STAND)
_SUMMARY = re.compile(r'<div class="error-summary".*?</div>', re.DOTALL)


def summaries(page: str) -> list[str]:
    """The text of each error summary on the page, as a person reads it."""
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", found)).split())
            for found in _SUMMARY.findall(page)]


def _upload(path: Path) -> tuple[io.BufferedReader, str]:
    return path.open("rb"), path.name  # streamed: the test itself holds no 50 MB


def _report(name: str, response, **facts: object) -> None:
    page = response.get_data(as_text=True)
    print(json.dumps({"file": name, "status": response.status_code,
                      "summaries": summaries(page), "bytes": len(page), **facts},
                      ensure_ascii=False), flush=True)


def _app(folder: str) -> Flask:
    Path(folder).mkdir(parents=True, exist_ok=True)
    app = make_app(Path(folder), load_file(DEMO))
    add_accounts(app)
    return app


def admin_import(args: list[str], limit: Callable[[], None]) -> int:
    """args: folder, language, files... — each sent to /admin/content."""
    folder, lang, *files = args
    app = _app(folder)
    client = signed_in(app, "admin", lang)
    token = csrf(client, "/admin/content")
    limit()
    for name in files:
        with _upload(Path(name))[0] as upload:
            response = client.post("/admin/content", data={
                "csrf_token": token, "file": (upload, Path(name).name)},
                content_type="multipart/form-data")
        _report(Path(name).name, response,
                revision=reader(app).current("koktal-akimat").number)
    return 0


def _auditor(app: Flask, lang: str) -> FlaskClient:
    client = signed_in(app, "auditor", lang)
    client.post("/audit/stands", data={"csrf_token": csrf(client, "/audit/stands"),
                                       "url": STAND, "label": "Entrance hall, left"})
    return client


def _checklists(app: Flask) -> int:
    with audit_store(app).engine.connect() as db:
        return len(db.execute(t.checklists.select()).all())


def checklist_import(args: list[str], limit: Callable[[], None]) -> int:
    """args: folder, language, files... — each sent to the checklist's YAML upload."""
    folder, lang, *files = args
    app = _app(folder)
    client = _auditor(app, lang)
    token = csrf(client, f"/audit/stands/{KEY}/checklist")
    limit()
    for name in files:
        with _upload(Path(name))[0] as upload:
            response = client.post(f"/audit/stands/{KEY}/checklist/yaml", data={
                "csrf_token": token, "checklist_file": (upload, Path(name).name)},
                content_type="multipart/form-data")
        _report(Path(name).name, response, checklists=_checklists(app))
    return 0


def checklist_photo(args: list[str], limit: Callable[[], None]) -> int:
    """args: folder, language, files... — each sent as the photo of one item of the
    checklist form."""
    folder, lang, *files = args
    app = _app(folder)
    client = _auditor(app, lang)
    page = client.get(f"/audit/stands/{KEY}/checklist").get_data(as_text=True)
    fields = filled(page, {"answer-glare": "yes"}, form_class="checklist-form")
    limit()
    for name in files:
        data = MultiDict(fields)
        with _upload(Path(name))[0] as upload:
            data["photo-glare"] = (upload, Path(name).name)
            response = client.post(f"/audit/stands/{KEY}/checklist", data=data,
                                   content_type="multipart/form-data")
        _report(Path(name).name, response, checklists=_checklists(app))
    return 0


def naive_expansion(args: list[str], limit: Callable[[], None]) -> int:
    """What the bounds prevent: a billion-laughs file read without them, then written
    out (as a message or a publication would). The runner must stop this."""
    text = Path(args[0]).read_text(encoding="utf-8")
    limit()
    json.dumps(yaml.safe_load(text))
    return 0
