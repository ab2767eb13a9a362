"""Staff never miss a call, end to end: a visitor calls from a stand; the duty page of
an administrator plays a tone and shows a system notification; nobody acknowledges;
the call escalates on the admin pages and its e-mail arrives at a real SMTP server on
127.0.0.1, sent by the watcher that ``kiosk serve`` runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit.browser import start_chromium
from kiosk.admin import start_escalation_watch
from kiosk.auth import Role, add_user, set_alert_contact
from kiosk.content import Content
from kiosk.public.stand_identity import COOKIE
from kiosk.store import assistance_desk, store
from tests.browser.conftest import LANDSCAPE, LiveServer, serve
from tests.conftest import DEMO_NOW, make_app
from tests.smtp_server import SmtpServer, smtp  # noqa: F401 - the fixture
from tests.stand_credentials import start_address

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"
MINUTES = 3

# Records what the page asks of the browser's sound and notifications, and still does it:
# the real Web Audio graph is built and played, the real Notification is shown.
RECORDER = """
window.__tones = 0; window.__notifications = [];
(function () {
  var Real = window.Notification;
  if (Real) {
    var Recording = function (title, options) {
      window.__notifications.push(title + " | " + ((options && options.body) || ""));
      return new Real(title, options);
    };
    Object.defineProperty(Recording, "permission",
                          { get: function () { return Real.permission; } });
    Recording.requestPermission = Real.requestPermission.bind(Real);
    window.Notification = Recording;
  }
  var create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__tones += 1;
    return create.apply(this, arguments);
  };
}());
"""


@pytest.fixture(scope="module")
def escalating(tmp_path_factory: pytest.TempPathFactory, demo_content: Content,
               smtp: SmtpServer) -> Iterator[tuple[LiveServer, object]]:  # noqa: F811
    tmp_path = tmp_path_factory.mktemp("escalation")
    app = make_app(tmp_path, demo_content, CALL_ESCALATE_MINUTES=MINUTES,
                   PUBLIC_URL="https://stands.example.kz", **smtp.settings())
    with store(app).sessions.begin() as db:
        add_user(db, "chief", PASSWORD, Role.ADMINISTRATOR, "Chief")
        set_alert_contact(db, "chief", "chief@example.kz", "en")
    # As `kiosk serve` does, checking often so the test need not wait.
    watch = start_escalation_watch(app, interval=0.3)
    try:
        for live in serve(app, tmp_path):
            yield live, app
    finally:
        watch.stop()


@pytest.fixture
def staff_browser(escalating: tuple[LiveServer, object]) -> Iterator[WebDriver]:
    driver = start_chromium(*LANDSCAPE)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
        yield driver
    finally:
        driver.quit()


def sign_in(browser: WebDriver, server: LiveServer) -> None:
    browser.get(server.url("/admin/language/en"))
    browser.find_element(By.ID, "username").send_keys("chief")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/admin/"))


def calls_text(browser: WebDriver) -> str:
    return " ".join(row.text for row in browser.find_elements(By.CSS_SELECTOR, "[data-call-id]"))


def test_a_call_left_unacknowledged_escalates_and_its_email_arrives(
        escalating: tuple[LiveServer, object], staff_browser: WebDriver,
        landscape: WebDriver, smtp: SmtpServer) -> None:  # noqa: F811
    server, app = escalating
    smtp.inbox.clear()
    staff = staff_browser
    sign_in(staff, server)
    staff.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": server.base_url, "permissions": ["notifications"]})
    staff.get(server.url("/admin/assistance"))
    staff.execute_script("window.__sameDocument = true")

    # Sound waits for a press, and says so; the press turns it on and plays the tone.
    sound_state = staff.find_element(By.CSS_SELECTOR, "[data-assistance='sound-state']")
    assert "press the button to allow it" in sound_state.text
    staff.find_element(By.ID, "sound-button").click()
    WebDriverWait(staff, 5).until(lambda b: "Sound on this computer: on." in sound_state.text)
    assert not staff.find_element(By.ID, "sound-button").is_displayed()
    assert staff.execute_script("return window.__tones") == 2  # the sample chime
    notify_state = staff.find_element(By.CSS_SELECTOR, "[data-assistance='notify-state']")
    assert "System notifications: on" in notify_state.text

    # The stand was started as a registered stand (its credential in the start address);
    # a visitor at it calls for an interpreter.
    landscape.get(start_address(app, server.base_url, "main-hall"))  # type: ignore[arg-type]
    WebDriverWait(landscape, 10).until(lambda b: b.get_cookie(COOKIE))
    landscape.get(server.url("/stand/main/en/assistance?stand=main-hall"))
    landscape.find_element(By.CSS_SELECTOR, "button[value='interpreter']").click()
    WebDriverWait(landscape, 10).until(lambda b: "/stand/main/en/assistance/" in b.current_url)

    polled = WebDriverWait(staff, 20, ignored_exceptions=[StaleElementReferenceException])
    polled.until(lambda b: "Sign language interpreter" in calls_text(b))
    polled.until(lambda b: b.execute_script("return window.__tones") == 4)
    notifications = staff.execute_script("return window.__notifications")
    assert notifications == ["Request for assistance | New request for assistance: Sign "
                             "language interpreter, Floor 1, entrance lobby (main-hall)."]
    assert staff.find_element(By.CSS_SELECTOR, "[data-assistance='last-alert']").text.startswith(
        "Last alert at")
    assert smtp.inbox.messages == []

    # Nobody acknowledges it for longer than the delay.
    app.config["NOW"] = DEMO_NOW + dt.timedelta(minutes=MINUTES, seconds=10)  # type: ignore[attr-defined]
    try:
        [message] = smtp.inbox.wait_for(1, timeout=30)
        assert message["To"] == "chief@example.kz"
        assert message["Subject"] == ("Call for assistance not answered: Floor 1, entrance "
                                      "lobby (main-hall), Akimat building")
        body = message.get_content()
        assert "has not been acknowledged for 3 minutes" in body
        assert "Need: Sign language interpreter" in body
        assert "https://stands.example.kz/admin/assistance#call-" in body

        # The duty page marks it, alerts again (three chimes) and notifies.
        polled.until(lambda b: "escalated to the administrators" in calls_text(b))
        polled.until(lambda b: "E-mailed at 11:03." in calls_text(b))
        polled.until(lambda b: b.execute_script("return window.__tones") == 10)
        assert staff.execute_script("return window.__notifications")[-1].startswith(
            "Request not acknowledged in time | Nobody has acknowledged the request yet")
        assert staff.execute_script("return window.__sameDocument === true")

        # Every other admin page of an administrator says so, with the way to answer.
        staff.get(server.url("/admin/"))
        banner = staff.find_element(By.CSS_SELECTOR, ".escalation")
        assert "1 call for assistance has not been acknowledged in time." in banner.text
        banner.find_element(By.LINK_TEXT, "Answer or send someone").click()
        staff.find_element(By.CSS_SELECTOR, "[id^='acknowledge-']").click()
        staff.get(server.url("/admin/"))
        assert not staff.find_elements(By.CSS_SELECTOR, ".escalation")
        assert len(smtp.inbox.messages) == 1  # one e-mail for the call, whatever happens
    finally:
        app.config["NOW"] = DEMO_NOW  # type: ignore[attr-defined]
        desk = assistance_desk(app)  # type: ignore[arg-type]
        for call in desk.open_calls():
            desk.close(call.id, "tests", DEMO_NOW)
