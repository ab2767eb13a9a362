"""The auditors' dashboard under /audit: who may see it, what it counts, and that
reviews, agency names and hostile HTML from scanned sites are handled safely."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from accessibility_audit import Column, stacked_columns
from accessibility_audit.model import PageError
from accessibility_audit.store import Store
from kiosk.audit.figures import Subject
from kiosk.audit.storage import audit_store
from kiosk.content import Content
from tests.admin_session import add_accounts, csrf, signed_in
from tests.audit_data import (
    AKIMAT,
    CLINIC,
    HOSTILE_HTML,
    SCHOOL,
    STAND,
    contrast_to_review,
    demo_scans,
    image_alt,
    link_name,
    page,
    store_scan,
)
from tests.conftest import make_app
from tests.html_checks import page_facts
from tests.in_process import a11y_audit

PAGES = ["/audit/", "/audit/trends", "/audit/league", "/audit/reviews"]


@pytest.fixture
def app(tmp_path: Path, demo_content: Content) -> Flask:
    app = make_app(tmp_path, demo_content)
    add_accounts(app)
    return app


def scans(app: Flask) -> Store:
    return audit_store(app)


def site_url(address: str, kind: str = "site") -> str:
    return f"/audit/sites/{Subject(address, kind).key}"


def text_of(html: str) -> str:
    """The page's words, as a screen reader would read them out, on one line."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(?:a|code|span|strong)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def table_rows(html: str, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, each as its cells' text."""
    start = html.index(f"<caption>{caption}</caption>")
    body = html[start:html.index("</table>", start)]
    body = body[body.index("<tbody>"):]
    return [[text_of(cell) for cell in re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]



# Who may see it

def test_anonymous_visitors_are_sent_to_sign_in_and_come_back(app: Flask) -> None:
    demo_scans(scans(app))
    for path in [*PAGES, site_url(AKIMAT)]:
        response = app.test_client().get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"] == f"/admin/login?next={path}"
    client = app.test_client()
    token = csrf(client)
    response = client.post("/admin/login?next=/audit/league", data={
        "username": "auditor", "password": "correct horse battery", "csrf_token": token})
    assert response.headers["Location"] == "/audit/league"


def test_editors_are_refused_and_auditors_and_administrators_admitted(app: Flask) -> None:
    demo_scans(scans(app))
    editor = signed_in(app, "editor")
    for path in [*PAGES, site_url(AKIMAT)]:
        assert editor.get(path).status_code == 403, path
    token = csrf(editor, "/admin/")
    response = editor.post(f"{site_url(AKIMAT)}/agency",
                           data={"agency": "Hijacked", "csrf_token": token})
    assert response.status_code == 403
    contrast = next(fid for page in scans(app).load(2).pages for fid, issue in page.issues
                    if issue.rule == "color-contrast")
    response = editor.post(f"{site_url(AKIMAT)}/findings/{contrast}/review",
                           data={"decision": "pass", "csrf_token": token})
    assert response.status_code == 403
    assert scans(app).agencies() == {} and scans(app).reviews() == {}
    assert "/audit/" not in editor.get("/admin/").get_data(as_text=True)
    for username in ("auditor", "admin"):
        client = signed_in(app, username)
        assert 'href="/audit/"' in client.get("/admin/").get_data(as_text=True)
        for path in [*PAGES, site_url(AKIMAT)]:
            response = client.get(path)
            assert response.status_code == 200, (username, path)
            assert page_facts(response.get_data(as_text=True)).html_lang == "en"


def test_forms_without_the_csrf_token_are_refused(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    assert client.post(f"{site_url(AKIMAT)}/agency", data={"agency": "X"}).status_code == 400
    finding = _finding_link(client, AKIMAT, "color-contrast")
    response = client.post(f"{finding}/review", data={"decision": "pass",
                                                      "csrf_token": "forged"})
    assert response.status_code == 400
    assert scans(app).agencies() == {} and scans(app).reviews() == {}


# What it shows

def test_without_scans_the_auditor_is_told_the_exact_command(app: Flask) -> None:
    client = signed_in(app, "auditor")
    database = app.config["DATABASE_URL"]
    for path in ("/audit/", "/audit/trends", "/audit/league"):
        html = client.get(path).get_data(as_text=True)
        assert f"a11y-audit scan --db {database} https://…" in text_of(html), path
    assert "No scans yet" in text_of(client.get("/audit/reviews").get_data(as_text=True))


def test_overview_lists_sites_and_stands_with_their_latest_scan(app: Flask) -> None:
    demo_scans(scans(app))
    html = signed_in(app, "auditor").get("/audit/").get_data(as_text=True)
    sites = table_rows(html, "Latest scan of each website")
    # Agency, latest scan, audited, failed, blocked, critical, serious, moderate, minor, open
    assert [row[0] for row in sites] == [f"akimat.example.kz {AKIMAT}",
                                         f"clinic.example.kz {CLINIC}",
                                         f"school.example.kz {SCHOOL}"]
    assert "scan 2" in sites[0][1] and sites[0][2:] == ["2", "0", "0", "1", "0", "0", "0", "1"]
    assert "scan 1" in sites[1][1] and sites[1][2:5] == ["0", "0", "1"]
    assert sites[2][2:] == ["2", "0", "0", "1", "1", "0", "0", "0"]
    stands = table_rows(html, "Latest audit of each stand")
    assert stands == [[f"127.0.0.1:8080/stand/main {STAND}", stands[0][1],
                       "2", "0", "0", "0", "1", "0", "0", "0"]]
    assert f'href="{site_url(STAND, "stand")}"' in html


def test_trend_tables_give_the_figures_of_each_scan(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    html = client.get("/audit/trends").get_data(as_text=True)
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    rows = table_rows(html, "Violations over time, all sites and stands")
    # Scan, audited, without violations, critical, serious, moderate, minor, total, open
    assert [row[1:] for row in rows] == [
        ["4", "25%", "2", "1", "0", "0", "3", "1"],  # the blocked clinic counts no page
        ["4", "25%", "2", "1", "0", "0", "3", "1"],
        ["2", "50%", "0", "1", "0", "0", "1", "0"],  # the stand
    ]
    html = client.get(site_url(AKIMAT)).get_data(as_text=True)
    rows = table_rows(html, "Violations over time: akimat.example.kz")
    assert [row[1:] for row in rows] == [["2", "0%", "1", "1", "0", "0", "2", "1"],
                                         ["2", "50%", "1", "0", "0", "0", "1", "1"]]
    # The chart draws the same totals above its columns.
    chart = re.search(r"<svg.*?</svg>", html, re.S)[0]
    assert re.findall(r'font-weight="700">(\d+)</text>', chart) == ["2", "1"]


def test_findings_are_grouped_with_first_seen_and_what_is_gone(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    html = client.get(site_url(AKIMAT)).get_data(as_text=True)
    violations = table_rows(html, "Violations found by the latest scan")
    assert len(violations) == 1  # one image on two scans and two pages: one finding
    assert violations[0][:4] == ["image-alt Images must have alternative text", "critical",
                                 "1.1.1", "1: /"]
    gone = table_rows(html, "Found by earlier scans, not by the latest one")
    assert gone[0][0].startswith("link-name") and gone[0][3] == "1: /news/0"
    assert gone[0][5].startswith("no; last seen")
    detail = client.get(_finding_link(client, AKIMAT, "image-alt")).get_data(as_text=True)
    assert page_facts(detail).html_lang == "en"
    words = text_of(detail)
    assert "header > img" in words and '<img src="/logo.png">' in words
    assert 'href="https://dequeuniversity.com/rules/axe/4.10/image-alt"' in detail
    assert "Still present yes" in words
    assert client.get(f"{site_url(AKIMAT)}/findings/0000000000000000").status_code == 404
    assert client.get("/audit/sites/nosuchsite").status_code == 404


def test_league_ranks_by_clean_pages_then_violations_per_page(app: Flask) -> None:
    store = scans(app)
    demo_scans(store)
    html = signed_in(app, "auditor").get("/audit/league").get_data(as_text=True)
    rows = table_rows(html, "Agencies, best first")
    # Rank, agency, kind, clean share, per page, change
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("1", "127.0.0.1:8080/stand/main", "50% (1/2)", "0.5"),
        ("1", "akimat.example.kz", "50% (1/2)", "0.5"),  # equal scores share a rank
        ("3", "school.example.kz", "0% (0/2)", "1"),
    ]
    assert rows[0][5] == "first scan"
    assert rows[1][5].startswith("▲ better: +50 percentage points")
    assert rows[2][5].startswith("▼ worse: −50 percentage points")
    assert "clinic.example.kz" in text_of(html.split("Not ranked")[1])
    # At an equal share of clean pages, fewer violations per page rank higher.
    store_scan(store, [(AKIMAT, page(f"{AKIMAT}/", image_alt(), link_name())),
                       (AKIMAT, page(f"{AKIMAT}/news/19"))])
    html = signed_in(app, "auditor").get("/audit/league").get_data(as_text=True)
    assert [(r[0], r[1], r[3], r[4]) for r in table_rows(html, "Agencies, best first")] == [
        ("1", "127.0.0.1:8080/stand/main", "50% (1/2)", "0.5"),
        ("2", "akimat.example.kz", "50% (1/2)", "1"),
        ("3", "school.example.kz", "0% (0/2)", "1")]


def test_pages_that_interfered_with_their_audit_count_as_pages_with_violations(
        app: Flask) -> None:
    store = scans(app)
    demo_scans(store)
    # One clean page, and nine that spoiled their audit: no 100 % clean share.
    spoiled = []
    for number in range(9):
        result = page(f"{SCHOOL}/spoiled/{number}", status="failed")
        result.errors.append(PageError("interfered", "the page interfered with the audit: "
                                                     "the page removed its <body>"))
        spoiled.append((SCHOOL, result))
    store_scan(store, [(SCHOOL, page(f"{SCHOOL}/")), *spoiled])
    client = signed_in(app, "auditor")
    rows = table_rows(client.get("/audit/league").get_data(as_text=True),
                      "Agencies, best first")
    assert [(r[1], r[3]) for r in rows if r[1] == SCHOOL.split("//")[-1]] == [
        ("school.example.kz", "10% (1/10)")]
    words = text_of(client.get(site_url(SCHOOL)).get_data(as_text=True))
    assert "Interfered with the audit 9 pages, counted as pages with violations" in words


def test_agency_names_replace_host_names_and_can_be_removed(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    response = client.post(f"{site_url(SCHOOL)}/agency", data={
        "agency": "  Школа №1 <b>Көктал</b> ", "csrf_token": csrf(client, site_url(SCHOOL))})
    assert response.status_code == 302
    html = client.get("/audit/league").get_data(as_text=True)
    assert "Школа №1 &lt;b&gt;Көктал&lt;/b&gt;" in html and "<b>Көктал" not in html
    assert scans(app).agencies() == {SCHOOL: "Школа №1 <b>Көктал</b>"}
    too_long = "А" * 201
    response = client.post(f"{site_url(SCHOOL)}/agency", data={
        "agency": too_long, "csrf_token": csrf(client, site_url(SCHOOL))})
    assert response.status_code == 400
    assert "The name is 201 characters long; shorten it to 200 at most." in text_of(
        response.get_data(as_text=True))
    assert scans(app).agencies()[SCHOOL] == "Школа №1 <b>Көктал</b>"
    client.post(f"{site_url(SCHOOL)}/agency",
                data={"agency": " ", "csrf_token": csrf(client, site_url(SCHOOL))})
    assert scans(app).agencies() == {}
    assert "school.example.kz" in client.get("/audit/league").get_data(as_text=True)


def test_hostile_html_from_a_scanned_site_is_shown_as_text(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    detail = client.get(_finding_link(client, SCHOOL, "image-alt")).get_data(as_text=True)
    assert "<script>alert" not in detail and "<b>bold</b>" not in detail
    assert "onerror=" not in detail.replace("onerror=&#34;", "")
    assert HOSTILE_HTML in text_of(detail)
    assert "javascript:" not in detail and "How to fix" not in detail
    for path in (site_url(SCHOOL), "/audit/reviews", "/audit/"):
        assert "<script>alert" not in client.get(path).get_data(as_text=True)


# Reviews of "needs review" findings

def _finding_link(client: FlaskClient, site: str, rule: str) -> str:
    html = client.get(site_url(site)).get_data(as_text=True)
    return re.search(rf'href="(/audit/sites/\w+/findings/\w+)">{rule}<', html)[1]


def test_a_review_is_remembered_in_later_scans_of_the_same_element(app: Flask) -> None:
    store = scans(app)
    demo_scans(store)
    client = signed_in(app, "auditor")
    assert "color-contrast" in text_of(client.get("/audit/reviews").get_data(as_text=True))
    finding = _finding_link(client, AKIMAT, "color-contrast")
    response = client.post(f"{finding}/review", data={
        "decision": "fail", "note": "Белый текст на светлом фото: 2,1:1.",
        "csrf_token": csrf(client, finding)})
    assert response.status_code == 302 and response.headers["Location"] == finding
    # A new scan finds the same element, its timestamp changed, and on another page too.
    store_scan(store, [
        (AKIMAT, page(f"{AKIMAT}/",
                      contrast_to_review('<p class="lead" data-timestamp="9">x</p>'))),
        (AKIMAT, page(f"{AKIMAT}/news/20", contrast_to_review())),
    ])
    html = client.get(site_url(AKIMAT)).get_data(as_text=True)
    review_rows = table_rows(html, "Items that need review in the latest scan")
    assert review_rows[0][0].startswith("color-contrast") and review_rows[0][3] == "2: /, /news/0"
    assert review_rows[0][5] == "fails (Auditor)"
    # Decided "fail": a violation in every figure, and no longer open.
    assert table_rows(html, "Violations over time: akimat.example.kz")[-1][1:] == [
        "2", "0%", "0", "1", "0", "0", "1", "0"]
    assert "needs review, decided: fails" in text_of(html)
    assert "color-contrast" not in text_of(client.get("/audit/reviews").get_data(as_text=True))
    overview = table_rows(client.get("/audit/").get_data(as_text=True),
                          "Latest scan of each website")
    assert overview[0][-1] == "0"
    # A later decision wins; the history keeps both.
    admin = signed_in(app, "admin")
    admin.post(f"{finding}/review", data={"decision": "pass", "note": "",
                                          "csrf_token": csrf(admin, finding)})
    detail = client.get(finding).get_data(as_text=True)
    history = table_rows(detail, "Every decision on this finding, latest first; the latest "
                                 "counts.")
    assert [(r[1], r[2], r[3]) for r in history] == [
        ("Ерлан Админов (admin)", "passes", "—"),
        ("Auditor (auditor)", "fails", "Белый текст на светлом фото: 2,1:1.")]
    html = client.get(site_url(AKIMAT)).get_data(as_text=True)
    assert table_rows(html, "Violations over time: akimat.example.kz")[-1][7] == "0"


def test_a_review_needs_a_decision_and_a_failure_needs_a_note(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    finding = _finding_link(client, AKIMAT, "color-contrast")
    response = client.post(f"{finding}/review", data={"note": "looked at it",
                                                      "csrf_token": csrf(client, finding)})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose whether the element passes or fails." in text_of(html)
    assert "looked at it</textarea>" in html  # nothing typed is lost
    response = client.post(f"{finding}/review", data={"decision": "fail", "note": " ",
                                                      "csrf_token": csrf(client, finding)})
    assert response.status_code == 400
    assert "Say what fails, so the agency knows what to fix." in text_of(
        response.get_data(as_text=True))
    violation = _finding_link(client, AKIMAT, "image-alt")
    response = client.post(f"{violation}/review", data={"decision": "pass",
                                                        "csrf_token": csrf(client, violation)})
    assert response.status_code == 400
    assert scans(app).reviews() == {}


def test_pages_are_translated(app: Flask) -> None:
    demo_scans(scans(app))
    for lang, heading in (("kk", "Қолжетімділік аудиттері"),
                          ("ru", "Аудиты доступности")):
        client = signed_in(app, "auditor", lang)
        html = client.get("/audit/").get_data(as_text=True)
        assert page_facts(html).html_lang == lang
        assert f"<h1>{heading}</h1>" in html
    # The language links of every page come back to the page they were chosen on.
    response = client.get("/admin/language/en?next=/audit/league")
    assert response.headers["Location"] == "/audit/league"
    assert "<h1>League table of agencies</h1>" in client.get("/audit/league").get_data(
        as_text=True)


def test_an_unreadable_store_gets_a_clear_page(tmp_path: Path, demo_content: Content) -> None:
    app = make_app(tmp_path, demo_content,
                   AUDIT_DB=f"sqlite:///{tmp_path}/no-such-folder/scans.sqlite3")
    add_accounts(app)
    response = signed_in(app, "auditor").get("/audit/")
    assert response.status_code == 503
    assert "Check the setting KIOSK_AUDIT_DB" in text_of(response.get_data(as_text=True))


def test_the_scanners_reports_show_the_auditors_decisions(app: Flask) -> None:
    demo_scans(scans(app))
    client = signed_in(app, "auditor")
    finding = _finding_link(client, AKIMAT, "color-contrast")
    client.post(f"{finding}/review", data={"decision": "fail", "note": "2,1:1 on the photo",
                                           "csrf_token": csrf(client, finding)})
    database = app.config["DATABASE_URL"]

    def report(form: str, *more: str) -> str:
        done = a11y_audit("report", "2", "--format", form, *more, "--db", database)
        assert done.returncode == 0, done.stderr
        return done.stdout

    # An auditor's "fails" counts as a violation in the scanner's figures as on the
    # dashboard (issue 11: one evaluation); before, the text left it out.
    assert ("1 need review (auditors decided 0 pass, 1 fail; those that fail are counted "
            "as violations above).") in report("text")
    reviewed = [f for f in json.loads(report("json"))["findings"] if "review" in f]
    assert [(f["rule"], f["review"]["decision"], f["review"]["note"], f["review"]["reviewer"])
            for f in reviewed] == [("color-contrast", "fail", "2,1:1 on the photo", "auditor")]
    html = report("html", "--lang", "ru")
    assert "<th scope=\"col\">Решение аудитора</th>" in html
    assert "не соответствует, Auditor," in text_of(html) and "2,1:1 on the photo" in html
    # The school's hostile element is text, and its forged help link no link at all.
    assert "&lt;script&gt;alert(" in html and "<script>alert" not in html
    assert "javascript:" not in html


def test_on_postgresql_with_a_password_which_the_command_shown_hides(
        tmp_path: Path, demo_content: Content, postgresql_url: str) -> None:
    # The test cluster trusts local connections, so any password is accepted.
    url = postgresql_url.replace("postgres@", "postgres:s3cret@")
    app = make_app(tmp_path, demo_content, AUDIT_DB=url)
    add_accounts(app)
    client = signed_in(app, "auditor")
    words = text_of(client.get("/audit/").get_data(as_text=True))
    assert "s3cret" not in words
    assert f"a11y-audit scan --db {url.replace('s3cret', '***')} https://…" in words
    demo_scans(scans(app))
    html = client.get("/audit/").get_data(as_text=True)
    assert [row[0] for row in table_rows(html, "Latest audit of each stand")] == [
        f"127.0.0.1:8080/stand/main {STAND}"]
    assert client.get(site_url(STAND, "stand")).status_code == 200


def test_charts_are_named_described_and_patterned() -> None:
    names = {"critical": "аса ауыр", "serious": "ауыр", "moderate": "орташа",
             "minor": "шамалы"}
    svg = str(stacked_columns("Title <b>", "Description & more", [
        Column("27.11.26", "scan <1>", {"critical": 2, "serious": 1}),
        Column("28.12.26", "scan 2", {"minor": 3}),
    ], names))
    chart = re.search(r'aria-labelledby="(\S+)-title \1-desc"', svg)[1]
    assert f'<title id="{chart}-title">Title &lt;b&gt;</title>' in svg
    assert f'<desc id="{chart}-desc">Description &amp; more</desc>' in svg
    assert 'role="img"' in svg and "scan &lt;1&gt;" in svg
    # Every impact has a pattern of its own, named in the legend.
    for impact, name in names.items():
        assert f'<pattern id="{chart}-{impact}"' in svg and f">{name}</text>" in svg
    # Segment heights follow the figures: 2 and 1 of the first column, 3 of the second.
    # (Drawn from the bottom up: the lesser impacts first, the critical on top.)
    segments = re.findall(rf'width="40" height="([\d.]+)" fill="url\(#{chart}-(\w+)\)"', svg)
    assert [(impact, float(height)) for height, impact in segments] == [
        ("serious", pytest.approx(200 / 3, abs=0.1)),
        ("critical", pytest.approx(400 / 3, abs=0.1)), ("minor", 200.0)]
    assert re.findall(r'font-weight="700">(\d+)</text>', svg) == ["3", "3"]


def test_errors_in_the_dashboard_speak_the_auditors_language(app: Flask) -> None:
    demo_scans(scans(app))
    response = signed_in(app, "auditor", "ru").get("/audit/sites/nosuchsite")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert page_facts(html).html_lang == "ru" and 'href="/audit/"' in html
