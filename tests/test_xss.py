"""Hostile text typed into every field of every section comes out as text: escaped on
the stand, in the preview and in the admin area, never as markup or script."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask import Flask

from kiosk.content import Content
from kiosk.content.sections import SECTIONS
from kiosk.public.blueprint import STAND_PAGES
from tests.admin_forms import form_fields
from tests.admin_session import add_accounts, edit, publish, signed_in
from tests.conftest import make_app

CORPUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "</textarea><script>alert(4)</script>",
    "{{ 7*7 }} {% raw %}",
    "[click me](javascript:alert(5))",
    "**<i>bold?</i>** *<u>em?</u>*",
    "<a href=\"https://evil.example\">link</a>",
    "javascript:alert(6)",
    "&lt;b&gt;entity&lt;/b&gt;",
]
PAYLOAD = " ".join(CORPUS)
# Shown as typed, "{{ 7*7 }}" and "&lt;" included: not template leftovers nor double escapes.
pytestmark = pytest.mark.typed_text(PAYLOAD, *CORPUS)
# Free-text fields that are not visitor texts in three languages.
LINES = {"room"}

class _Inspector(HTMLParser):
    """Collects every element and attribute the browser would really create."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in {"img", "i", "u", "b", "iframe", "object", "embed"}:
            self.problems.append(f"<{tag}> element")
        if tag == "script":
            self._script = "src" not in values and values.get("type") != "application/json"
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action"} and value.strip().lower().startswith(
                    ("javascript:", "https://evil")):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.problems.append(f"inline script {data[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False


def assert_inert(html: str, where: str) -> None:
    inspector = _Inspector()
    inspector.feed(html)
    assert not inspector.problems, f"{where}: {inspector.problems}"
    assert not re.search(r"(?<![\d.])49(?![\d.])", html.split("<body", 1)[-1]) or \
        "{{ 7*7 }}" in html


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    app = make_app(tmp_path_factory.mktemp("xss"), demo_content)
    add_accounts(app)
    return app


@pytest.fixture(scope="module")
def hostile(app: Flask) -> Flask:
    """Every text field of every section of "main" filled with the corpus, then published."""
    client = signed_in(app, "editor")
    for section in SECTIONS:
        html = client.get(f"/admin/locations/main/edit/{section}").get_data(as_text=True)
        changes = {name: PAYLOAD for name, _v in form_fields(html)
                   if name.endswith((".kk", ".ru", ".en")) or name.rsplit(".", 1)[-1] in LINES}
        assert changes, section
        response = edit(client, "main", section, changes)
        assert response.status_code in (302, 400), section
        assert_inert(response.get_data(as_text=True), f"form {section}")
    # Rooms allow 40 characters: the payload is refused there, and said so, escaped.
    html = client.get("/admin/locations/main/edit/appeals").get_data(as_text=True)
    assert "Too long" in html
    assert_inert(html, "form with errors")
    for section in ("appeals", "contacts"):
        html = client.get(f"/admin/locations/main/edit/{section}").get_data(as_text=True)
        rooms = {name: "<b>1</b>" for name, _v in form_fields(html) if name.endswith(".room")}
        assert edit(client, "main", section, rooms).status_code == 302
    response = publish(client, "main")
    assert response.status_code == 302
    page = client.get("/admin/locations/main/").get_data(as_text=True)
    assert "Published as revision 2" in page, re.findall(r'class="notice"[^>]*>(.*?)</div>',
                                                         page, re.S)
    return app


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("page", STAND_PAGES)
def test_stand_pages_show_the_corpus_as_text(hostile: Flask, lang: str, page: str) -> None:
    html = hostile.test_client().get(f"/stand/main/{lang}/{page}").get_data(as_text=True)
    assert_inert(html, f"stand {lang}/{page}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html


def test_admin_pages_show_the_corpus_as_text(hostile: Flask) -> None:
    client = signed_in(hostile, "editor")
    paths = ["/admin/", "/admin/locations/main/", "/admin/locations/main/history",
             "/admin/locations/main/changes?from=1&to=2",
             *(f"/admin/locations/main/edit/{section}" for section in SECTIONS),
             *(f"/admin/locations/main/preview/{lang}/{page or 'home'}"
               for lang in ("kk", "ru", "en") for page in STAND_PAGES)]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.get_data(as_text=True), path)
    changes = client.get("/admin/locations/main/changes?from=1&to=2").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in changes


def test_rich_text_links_are_only_web_addresses(hostile: Flask) -> None:
    html = hostile.test_client().get("/stand/main/ru/announcements").get_data(as_text=True)
    assert "[click me](javascript:alert(5))" in html  # left as the characters typed
