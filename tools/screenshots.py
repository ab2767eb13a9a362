"""Take the README's screenshots: the demo stand in real headless Chromium.

    .venv/bin/python tools/screenshots.py     (or: make screenshots)
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit.browser import set_viewport, start_chromium
from accessibility_audit.model import Issue, PageAudit
from accessibility_audit.physical.stands import stand_key
from accessibility_audit.store import Store
from accessibility_audit.store import tables as audit_tables
from kiosk import create_app
from kiosk.audit.storage import audit_store
from kiosk.auth import Role, add_user
from kiosk.content import load_file
from kiosk.store import stand_credentials, store
from kiosk.threaded_server import serving

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
# A Friday morning with announcements on show, so every screenshot has something to say.
MOMENT = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)
SHOTS = (
    ("home-kk-standard", "/stand/main/kk/", (1080, 1920)),
    ("home-kk-large", "/stand/main/kk/?mode=large", (1080, 1920)),
    ("home-kk-contrast", "/stand/main/kk/?mode=contrast", (1080, 1920)),
    ("home-kk-large-landscape", "/stand/main/kk/?mode=large", (1920, 1080)),
    ("hours-kk-large-contrast", "/stand/main/kk/hours?mode=large-contrast", (1920, 1080)),
)
ADMIN_SIZE = (1280, 900)
# The location page down to its table of sections, under the draft's publishing form.
LOCATION_SIZE = (1280, 1200)
# The certificate down to its coverage and findings: the evidence behind the verdict.
CERTIFICATE_SIZE = (1280, 1150)
ADMIN_PASSWORD = "screenshots only 2026"


def admin_shots(driver: WebDriver, base: str) -> None:
    """The admin area as an editor meets it: a form with an error, the location page and
    the stands with their credentials."""
    set_viewport(driver, *ADMIN_SIZE)
    driver.get(f"{base}/admin/language/kk")
    driver.find_element(By.ID, "username").send_keys("aigerim")
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/admin/"))
    driver.get(f"{base}/admin/locations/main/edit/hours")
    driver.execute_script("document.getElementById('f-hours-tuesday-0-end').value = '08:30'")
    driver.find_element(By.CSS_SELECTOR, "button[name='op'][value='save']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"))
    _save(driver, "admin-edit-hours-error-kk")
    set_viewport(driver, *LOCATION_SIZE)
    driver.get(f"{base}/admin/language/ru?next=/admin/locations/main/")
    _save(driver, "admin-location-ru")
    set_viewport(driver, *ADMIN_SIZE)
    driver.get(f"{base}/admin/language/kk?next=/admin/stands")
    _save(driver, "admin-stands-kk")


def _issue(rule: str, impact: str, criteria: str, html: str, outcome: str = "violation") -> Issue:
    return Issue(rule=rule, outcome=outcome, impact=impact,  # type: ignore[arg-type]
                 criteria=tuple(criteria.split()), selector=f"main {html[1:html.index(' ')]}",
                 html=html, summary="", help=f"axe-core rule {rule}",
                 help_url=f"https://dequeuniversity.com/rules/axe/4.10/{rule}")


def audit_scans(scans: Store) -> None:
    """Four monthly scans of two agencies' websites, getting better, for the dashboard."""
    akimat, school = "https://akimat.example.kz", "https://mektep.example.kz"
    image = _issue("image-alt", "critical", "1.1.1", '<img src="/gerb.png">')
    link = _issue("link-name", "serious", "2.4.4 4.1.2", '<a href="/news/1"></a>')
    label = _issue("label", "critical", "1.3.1 4.1.2", '<input type="text" name="q">')
    contrast = _issue("color-contrast", "serious", "1.4.3", '<p class="lead">Text</p>',
                      "incomplete")
    lang = _issue("html-lang-valid", "serious", "3.1.1", '<html lang="kz">')
    months = ((image, link, label, lang, contrast), (image, link, label, contrast),
              (image, link, contrast), (link, contrast))
    for month, found in enumerate(months):
        scan_id = scans.new_scan(standard="wcag22aa", user_agent="screenshots",
                                 tool_version="screenshots", options={})
        for site, issues in ((akimat, found), (school, found[month % 2:])):
            for number, path in enumerate(("/", "/news/17", "/contacts", "/services")):
                scans.save_pages(scan_id, [PageAudit(
                    url=f"{site}{path}", viewport="desktop", status="audited",
                    axe_version="4.10.2", issues=list(issues[:len(issues) - number]),
                    passes=30)], site)
        scans.set_status(scan_id, "finished")
        with scans.engine.begin() as db:
            db.execute(audit_tables.scans.update().where(audit_tables.scans.c.id == scan_id)
                       .values(started=MOMENT - dt.timedelta(days=30 * (3 - month))))
    scans.set_agency(akimat, "Көктал ауданының әкімдігі", "screenshots")


def audit_shots(driver: WebDriver, base: str) -> None:
    """The auditors' dashboard: one agency's site page, with its trend and findings."""
    set_viewport(driver, *ADMIN_SIZE)
    driver.delete_all_cookies()
    driver.get(f"{base}/admin/language/kk")
    driver.get(f"{base}/admin/login?next=/audit/")
    driver.find_element(By.ID, "username").send_keys("asel")
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == f"{base}/audit/")
    driver.find_element(By.LINK_TEXT, "Көктал ауданының әкімдігі").click()
    WebDriverWait(driver, 10).until(lambda d: "/audit/sites/" in d.current_url)
    driver.execute_script("document.getElementById('trend-title').scrollIntoView()")
    _save(driver, "audit-site-trend-kk")


# What an auditor measured at the demo stand (every value within its reference).
CHECKLIST_ANSWERS = {
    "approach-route": "yes", "clear-floor-width": "900", "clear-floor-depth": "1 400",
    "floor-level-change": "0", "knee-clearance-width": "800", "obstruction-depth": "250",
    "operable-highest": "1 100", "operable-lowest": "800", "key-force": "3,5",
    "one-hand": "yes", "display-seated": "yes", "glare": "yes", "character-height": "5,2",
    "cap-height-large": "9,1", "headphone-jack": "yes", "speaker-volume": "72",
    "volume-range": "24", "volume-without-sight": "yes", "volume-reset": "yes",
    "tactile-keypad": "yes", "key-five": "yes", "speech-start-tactile": "yes",
    "signage": "yes", "quiet-place": "yes", "staff-help": "yes", "installation-guide": "yes",
}


def certify_stand(base: str, db_url: str, workdir: Path) -> str:
    """A real stand audit of the demo stand and a checklist filled in on site, made with
    the same commands an auditor types; returns the stand's address."""
    script = str(Path(sys.executable).with_name("a11y-audit"))
    stand = f"{base}/stand/main/?stand=main-hall"
    subprocess.run([script, "stand", stand, "--db", db_url, "--quiet"], check=True,
                   stdout=subprocess.DEVNULL)
    text = subprocess.run([script, "checklist", "template", "--lang", "kk", "--label",
                           "Әкімдік ғимараты, кіреберіс залы", "--auditor", "Әсел Нұрланқызы"],
                          check=True, capture_output=True, text=True).stdout
    for item, answer in CHECKLIST_ANSWERS.items():
        text = text.replace(f"  {item}:\n    answer:\n", f"  {item}:\n    answer: {answer}\n")
    filled = workdir / "stand.yaml"
    filled.write_text(text, encoding="utf-8")
    subprocess.run([script, "checklist", "import", str(filled), "--stand", stand, "--db", db_url],
                   check=True, stdout=subprocess.DEVNULL)
    return stand


def certificate_shot(driver: WebDriver, base: str, stand: str) -> None:
    """The joined stand report an auditor reads (signed in by audit_shots)."""
    set_viewport(driver, *CERTIFICATE_SIZE)
    driver.get(f"{base}/audit/stands/{stand_key(stand)}")
    _save(driver, "stand-certificate-kk")


def _save(driver: WebDriver, name: str) -> None:
    driver.execute_async_script("document.fonts.ready.then(arguments[arguments.length - 1])")
    driver.save_screenshot(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/shots.sqlite3", "SECRET_KEY": "x",
                          "NOW": MOMENT})
        store(app).upgrade()
        store(app).publisher.publish(load_file(ROOT / "content" / "demo.yaml"),
                                     author="screenshots")
        with store(app).sessions.begin() as db:
            add_user(db, "aigerim", ADMIN_PASSWORD, Role.EDITOR, "Айгерім Сейітқызы", ("main",))
            add_user(db, "asel", ADMIN_PASSWORD, Role.AUDITOR, "Әсел Нұрланқызы")
        audit_scans(audit_store(app))
        # One stand registered, the other not yet: the stands page shows both states.
        stand_credentials(app).register("main", "main-hall", "aigerim", MOMENT)
        database = app.config["DATABASE_URL"]
        with serving(app) as port:
            base = f"http://127.0.0.1:{port}"
            driver = start_chromium()
            try:
                OUT.mkdir(parents=True, exist_ok=True)
                for name, path, size in SHOTS:
                    set_viewport(driver, *size)
                    driver.get(base + path)
                    _save(driver, name)
                admin_shots(driver, base)
                audit_shots(driver, base)
                certificate_shot(driver, base, certify_stand(base, database, Path(tmp)))
            finally:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
