"""The admin area and the auditors' dashboard pass axe-core in every language, signed out
and signed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit import violations
from accessibility_audit.browser import set_viewport
from accessibility_audit.evaluation import summarise
from accessibility_audit.physical import storage as checklist_storage
from accessibility_audit.physical.coverage import Matrix
from accessibility_audit.physical.evaluation import Answer
from accessibility_audit.physical.photos import process
from accessibility_audit.physical.stands import stand_key
from accessibility_audit.reporters import ReportContext, formats
from kiosk.audit.storage import audit_store
from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.store import store
from kiosk.store.assistance import Need
from kiosk.store.engagement import Difficulty, FollowUp, MeetingRecord
from tests.audit_data import demo_scans
from tests.browser.conftest import LANDSCAPE, LiveServer, serve
from tests.checklist_data import everything_passing, jpeg_with_location
from tests.conftest import DEMO_NOW, make_app
from tests.stand_audits import add_stand_audit

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"
STAND = "http://127.0.0.1:8080/stand/main/?stand=main-hall"
PARTLY_AUDITED = "http://127.0.0.1:8080/stand/main/?stand=main-floor2"
OTHER_STAND = "http://127.0.0.1:8080/stand/reception/?stand=reception-lobby"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory,
                 demo_content: Content) -> Iterator[LiveServer]:
    app = make_app(tmp_path_factory.mktemp("admin"), demo_content)
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Ерлан Сәрсенов")
        add_user(db, "auditor", PASSWORD, Role.AUDITOR, "Аудитор")
    # Calls for assistance in every state, so the list shows each kind of row.
    desk = app.extensions["kiosk.assistance"]
    desk.call("main", "main-hall", Need.ENTRANCE, "kk", DEMO_NOW)
    acknowledged, _ = desk.call("main", "main-floor2", Need.INTERPRETER, "ru", DEMO_NOW)
    desk.acknowledge(acknowledged.id, "admin", DEMO_NOW)
    closed, _ = desk.call("reception", "", Need.FORM, "en", DEMO_NOW)
    desk.close(closed.id, "admin", DEMO_NOW)
    # One nobody acknowledged in time: the list marks it, every admin page has the banner.
    desk.call("reception", "reception-lobby", Need.OTHER, "kk",
              DEMO_NOW - dt.timedelta(minutes=10))
    # The engagement register: a meeting long ago (so the overview warns), with a follow-up
    # overdue and one done, and visitors' feedback, some of it considered.
    register = app.extensions["kiosk.engagement"]
    meeting = register.add_meeting("koktal-akimat", MeetingRecord(
        dt.date(2026, 4, 2), "Қазақ соқырлар қоғамы\nОбщество глухих", 9, "Ірі шрифт",
        "Стендке дыбыс қосу", (FollowUp("Дыбыс қосу", "Айгерім", dt.date(2026, 6, 1)),
                               FollowUp("Ірі шрифт", "Ерлан", dt.date(2026, 5, 1), True))),
        "admin", DEMO_NOW)
    reading = register.add_feedback("main", "main-hall", "kk", Difficulty.READING, DEMO_NOW)
    register.add_feedback_text(reading.id, "Әріптер кішкентай")
    considered = register.add_feedback("reception", "", "ru", Difficulty.LANGUAGE,
                                       dt.datetime(2026, 3, 20, 6, 0, tzinfo=dt.UTC))
    register.mark_considered([considered.id], meeting, ["reception"],
                             dt.datetime(2026, 4, 2, 19, 0, tzinfo=dt.UTC))
    # The Standard's duties, each in the state that shows the most: a publication three
    # business days late, English left behind by a Russian change, an open session
    # without its agenda (and the demo's hours scheduled to change at "reception").
    published = store(app).reader.current("koktal-akimat")
    main = published.content.locations["main"].model_dump(mode="json")
    main["contacts"]["address"] = {**main["contacts"]["address"], "en_outdated": True,
                                   "ru": main["contacts"]["address"]["ru"] + ", вход со двора"}
    main["announcements"][2]["agenda"] = []
    store(app).publisher.publish_location("koktal-akimat", "main", main, published.number,
                                          "Ерлан Сәрсенов", information_on=dt.date(2026, 11, 19))
    yield from serve(app, tmp_path_factory.mktemp("admin-serve"))


@pytest.fixture(autouse=True)
def signed_out_afterwards(landscape: WebDriver) -> Iterator[None]:
    yield
    # Every test app signs sessions with the same key, and cookies ignore the port: a
    # session left in the shared browser would sign in the next module's browser too.
    landscape.delete_all_cookies()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_admin_pages_have_no_axe_violations(landscape: WebDriver, admin_server: LiveServer,
                                            lang: str) -> None:
    browser = landscape
    browser.delete_all_cookies()
    browser.get(admin_server.url(f"/admin/language/{lang}"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    found = violations(browser)
    browser.find_element(By.ID, "username").send_keys("admin")
    browser.find_element(By.ID, "password").send_keys("wrong password here")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.ID, "login-error"))
    found += violations(browser)  # the page with its error summary
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "username").clear()
    browser.find_element(By.ID, "username").send_keys("admin")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))
    assert "main-hall" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, ".escalation")
    found += violations(browser)
    browser.find_element(By.CSS_SELECTOR, ".admin-nav a[href='/admin/assistance']").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/assistance"))
    # Once the page has redrawn its lists by itself, as staff on duty see it.
    WebDriverWait(browser, 15).until(lambda b: b.execute_script(
        "return performance.getEntriesByType('resource')"
        ".some(entry => entry.name.includes('assistance.json'))"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-call-id]")) == 3
    assert browser.find_elements(By.CSS_SELECTOR, "tr.call-escalated")
    found += violations(browser)
    # With sound and notifications turned on from the keyboard, as the staff would.
    sound = browser.find_element(By.ID, "sound-button")
    sound.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: not sound.is_displayed())
    found += violations(browser)
    found += engagement_violations(browser, admin_server)
    found += duties_violations(browser, admin_server)
    found += accounts_violations(browser)
    found += stand_registration_violations(browser)
    # What an auditor reads: the meeting as facts, the feedback without the marking form.
    browser.delete_all_cookies()
    browser.get(admin_server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys("auditor")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))
    for path in ("meetings/1", "feedback"):
        browser.get(admin_server.url(f"/admin/engagement/koktal-akimat/{path}"))
        assert not browser.find_elements(By.CSS_SELECTOR, "form[method='post'] textarea, "
                                                           "input[type='checkbox']")
        found += violations(browser)
    browser.get(admin_server.url("/admin/duties"))
    assert browser.find_elements(By.CSS_SELECTOR, ".duty-late")
    found += violations(browser)
    assert not found, "\n".join(f.describe() for f in found)


def accounts_violations(browser: WebDriver) -> list:
    """The accounts page, and the same after signing an account out everywhere."""
    browser.find_element(By.CSS_SELECTOR, ".admin-nav a[href='/admin/accounts']").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/accounts"))
    found = violations(browser)
    browser.find_element(By.CSS_SELECTOR,
                         "form[action='/admin/accounts/auditor/sign-out'] button").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".notice"))
    return found + violations(browser)


def stand_registration_violations(browser: WebDriver) -> list:
    """The stands to register, a credential shown once, and the list after revoking it."""
    browser.find_element(By.CSS_SELECTOR, ".admin-nav a[href='/admin/stands']").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/stands"))
    found = violations(browser)
    browser.find_element(By.CSS_SELECTOR,
                         "form[action='/admin/stands/main/main-hall/register'] button").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "pre.credential"))
    assert "#stand-key=" in browser.find_element(By.CSS_SELECTOR, "pre.credential").text
    found += violations(browser)
    browser.get(browser.current_url.split("/admin/")[0] + "/admin/stands")
    browser.find_element(By.CSS_SELECTOR,
                         "form[action='/admin/stands/main/main-hall/revoke'] button").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".notice"))
    return found + violations(browser)


NARROW_PAGES = ("/admin/", "/admin/assistance", "/admin/content", "/admin/locations/main/",
                "/admin/locations/main/edit/general", "/admin/locations/main/edit/hours",
                "/admin/locations/main/edit/announcements", "/admin/locations/main/history",
                "/admin/engagement/koktal-akimat", "/admin/engagement/koktal-akimat/meetings/1",
                "/admin/engagement/koktal-akimat/feedback", "/admin/accounts", "/admin/stands",
                "/audit/", "/audit/trends", "/audit/stands", "/admin/duties",
                "/admin/locations/reception/", "/admin/locations/reception/scheduled/new",
                "/admin/locations/reception/scheduled/0")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_admin_pages_reflow_at_320_css_px(landscape: WebDriver, admin_server: LiveServer,
                                          lang: str) -> None:
    # WCAG 1.4.10: a manager on a phone, or at 400 % zoom, reads every page without
    # scrolling sideways; only a wide table scrolls, in its own box.
    browser = landscape
    browser.delete_all_cookies()
    browser.get(admin_server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys("admin")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))
    set_viewport(browser, 320, 640)
    try:
        wide = []
        for path in NARROW_PAGES:
            browser.get(admin_server.url(path))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{path}: {width}px wide")
    finally:
        set_viewport(browser, *LANDSCAPE)
    assert not wide, wide


def duties_violations(browser: WebDriver, server: LiveServer) -> list:
    """The duties dashboard and a location with every duty to show; the scheduled change
    of "reception", its form, and the form that starts one, refused."""
    browser.find_element(By.CSS_SELECTOR, ".admin-nav a[href='/admin/duties']").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/duties"))
    assert browser.find_elements(By.CSS_SELECTOR, "table.publications .duty-late")
    found = violations(browser)
    browser.get(server.url("/admin/locations/main/"))
    assert browser.find_elements(By.CSS_SELECTOR, ".update-record .duty-late")
    found += violations(browser)
    browser.get(server.url("/admin/locations/reception/"))
    browser.find_element(By.CSS_SELECTOR, "table.scheduled a.button").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(
        By.ID, "f-scheduled-0-hours-monday-0-start"))
    found += violations(browser)
    browser.get(server.url("/admin/locations/reception/scheduled/new"))
    browser.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR,
                                                              ".error-summary"))
    found += violations(browser)
    return found


def engagement_violations(browser: WebDriver, server: LiveServer) -> list:
    """The engagement register's pages, each in the state that shows the most."""
    browser.get(server.url("/admin/"))
    assert browser.find_elements(By.CSS_SELECTOR, ".engagement-due")  # the overview warns
    browser.find_element(By.CSS_SELECTOR, ".admin-nav a[href='/admin/engagement']").click()
    WebDriverWait(browser, 5).until(
        lambda b: b.current_url.endswith("/admin/engagement/koktal-akimat"))
    assert browser.find_elements(By.CSS_SELECTOR, ".overdue-follow-ups")
    found = violations(browser)
    browser.find_element(By.CSS_SELECTOR, "a[href$='/meetings/new']").click()
    found += violations(browser)
    browser.find_element(By.ID, "f-attendees").send_keys("many")
    browser.find_element(By.ID, "f-follow_ups-add").click()  # a second follow-up row
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.ID, "f-follow_ups-1-action"))
    browser.find_element(By.ID, "f-follow_ups-1-action").send_keys("Субтитрлер")
    browser.find_element(By.CSS_SELECTOR, ".form-actions button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".error-summary"))
    found += violations(browser)  # errors beside the fields and in the summary
    browser.get(server.url("/admin/engagement/koktal-akimat/meetings/1"))
    found += violations(browser)
    browser.get(server.url("/admin/engagement/koktal-akimat/feedback"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.feedback tbody tr")) == 2
    found += violations(browser)
    browser.get(server.url("/admin/engagement/koktal-akimat/feedback?from=soon&location=x"))
    assert browser.find_elements(By.CSS_SELECTOR, ".error-summary")
    found += violations(browser)
    return found


@pytest.fixture(scope="module")
def audit_app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    app = make_app(tmp_path_factory.mktemp("audit"), demo_content)
    with store(app).sessions.begin() as db:
        add_user(db, "auditor", PASSWORD, Role.AUDITOR, "Әсел Аудиторова")
    return app


@pytest.fixture(scope="module")
def audit_server(audit_app: Flask,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from serve(audit_app, tmp_path_factory.mktemp("audit-serve"))


def _sign_in(browser: WebDriver, server: LiveServer, lang: str, then: str) -> None:
    browser.delete_all_cookies()
    browser.get(server.url(f"/admin/language/{lang}"))
    browser.get(server.url(f"/admin/login?next={then}"))
    browser.find_element(By.ID, "username").send_keys("auditor")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url == server.url(then))


def test_the_empty_dashboard_has_no_axe_violations(landscape: WebDriver,
                                                   audit_server: LiveServer) -> None:
    # Runs before the module's scans are stored: each page's designed empty state.
    found = []
    for lang in ("kk", "ru", "en"):
        _sign_in(landscape, audit_server, lang, "/audit/")
        for path in ("/audit/", "/audit/trends", "/audit/league", "/audit/reviews"):
            landscape.get(audit_server.url(path))
            assert landscape.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
            found += violations(landscape)
    assert not found, "\n".join(f.describe() for f in found)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_dashboard_pages_have_no_axe_violations(landscape: WebDriver, audit_app: Flask,
                                                audit_server: LiveServer, lang: str) -> None:
    scans = audit_store(audit_app)
    if not scans.scan_ids():
        demo_scans(scans)
    _sign_in(landscape, audit_server, lang, "/audit/")
    assert landscape.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    paths = ["/audit/trends", "/audit/league", "/audit/reviews"]
    links = landscape.find_elements(By.CSS_SELECTOR, "table.figures th a")
    sites = [link.get_attribute("href") for link in links]
    assert len(sites) == 4  # three websites and a stand
    found = violations(landscape)
    for path in paths:
        landscape.get(audit_server.url(path))
        found += violations(landscape)
    for site in sites:
        landscape.get(site)
        found += violations(landscape)
    # A finding's page, its review form refused for want of a decision, then decided.
    landscape.get(sites[0])
    landscape.find_element(By.LINK_TEXT, "color-contrast").click()
    found += violations(landscape)
    landscape.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(landscape, 5).until(lambda b: b.find_elements(By.CLASS_NAME, "field-error"))
    found += violations(landscape)
    landscape.find_element(By.ID, "decision-pass").click()
    landscape.find_element(By.CSS_SELECTOR, "form button.primary").click()
    WebDriverWait(landscape, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".notice"))
    found += violations(landscape)  # with the decision in its history
    # The agency form with its error.
    landscape.get(sites[0])
    landscape.find_element(By.ID, "agency").send_keys("Ә" * 201)
    landscape.find_element(By.CSS_SELECTOR, "form[action$='/agency'] button").click()
    WebDriverWait(landscape, 5).until(lambda b: b.find_elements(By.ID, "agency-error"))
    found += violations(landscape)
    assert not found, "\n".join(f.describe() for f in found)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_html_report_with_auditors_decisions_has_no_axe_violations(
        landscape: WebDriver, audit_app: Flask, tmp_path: Path, lang: str) -> None:
    scans = audit_store(audit_app)
    if not scans.scan_ids():
        demo_scans(scans)
    scan = scans.load(2)
    contrast = next(fid for page in scan.pages for fid, issue in page.issues
                    if issue.outcome == "incomplete")
    scans.add_review(contrast, "color-contrast", "fail", "<b>2,1:1</b> on the photo",
                     "auditor", "Әсел Аудиторова")
    html = formats()["html"](summarise(scan, scans.reviews()), ReportContext(lang))
    assert "&lt;b&gt;2,1:1&lt;/b&gt; on the photo" in html
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    landscape.get(path.as_uri())
    assert [finding.describe() for finding in violations(landscape)] == []


@pytest.fixture(scope="module")
def stands_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A stand with a failing stand audit and a filled checklist with a photo, and a
    stand with neither, so every part of the stands' pages is drawn."""
    app = make_app(tmp_path_factory.mktemp("stands"), None)
    with store(app).sessions.begin() as db:
        add_user(db, "auditor", PASSWORD, Role.AUDITOR, "Айгүл Серікова")
    audits = audit_store(app)
    add_stand_audit(audits, STAND, broken=True)
    # A stand audited in part: its report says it is partial evidence.
    add_stand_audit(audits, PARTLY_AUDITED, broken=False, matrix=Matrix(
        1, ("hours", "home"), ("kk", "ru", "en"), ("standard", "large"), ("portrait",),
        ("main-hall", "main-floor2")))
    answers = everything_passing()
    answers["operable-highest"] = Answer(1250, note="Language buttons at the top")
    answers["glare"] = Answer(choice="no", note="Afternoon sun on the screen")
    answers.pop("volume-range")
    photo = checklist_storage.add_pending_photo(audits, "glare", process(jpeg_with_location()),
                                                DEMO_NOW)
    checklist_storage.save(audits, checklist_storage.Submission(
        STAND, "Entrance hall, left", "Айгүл Серікова", DEMO_NOW.date(), "form", "",
        answers, {"glare": photo}), DEMO_NOW)
    checklist_storage.remember_stand(audits, OTHER_STAND, "Reception", DEMO_NOW)
    yield from serve(app, tmp_path_factory.mktemp("stands-serve"))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_stands_pages_have_no_axe_violations(landscape: WebDriver, stands_server: LiveServer,
                                             lang: str) -> None:
    browser = landscape
    browser.delete_all_cookies()
    browser.get(stands_server.url(f"/admin/language/{lang}"))
    browser.find_element(By.ID, "username").send_keys("auditor")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/admin/"))
    found = []
    browser.get(stands_server.url("/audit/stands"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.stands tbody tr")) == 3
    found += violations(browser)
    browser.get(stands_server.url(f"/audit/stands/{stand_key(PARTLY_AUDITED)}"))
    assert browser.find_elements(By.CSS_SELECTOR, ".verdict-partial")
    found += violations(browser)
    browser.get(stands_server.url(f"/audit/stands/{stand_key(STAND)}"))
    photo = browser.find_element(By.CSS_SELECTOR, "img.photo")
    assert photo.get_attribute("alt") == "Afternoon sun on the screen"
    assert browser.execute_script("return arguments[0].naturalWidth", photo) > 0
    found += violations(browser)
    browser.get(stands_server.url(f"/audit/stands/{stand_key(OTHER_STAND)}/checklist"))
    assert browser.find_element(By.ID, "item-operable-highest").get_attribute("value") == ""
    found += violations(browser)  # the empty form
    browser.find_element(By.ID, "item-operable-highest").send_keys("12a0")
    browser.find_element(By.ID, "auditor").clear()
    browser.find_element(By.CSS_SELECTOR, ".checklist-form button.primary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.ID, "error-summary"))
    assert browser.find_element(By.ID, "item-operable-highest").get_attribute(
        "aria-invalid") == "true"
    found += violations(browser)  # with its errors
    assert not found, "\n".join(f.describe() for f in found)
