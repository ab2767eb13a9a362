"""The stand's layout as a visitor meets it on the panel, in both orientations and every mode:
nothing fixed ever lies over the text, the controls or the focus; the bar with the
languages, the modes, Listen and the call for assistance is on the first screen and stays
there; landscape uses its width; no button is left alone on a row of the bar.

The checks look with ``document.elementFromPoint`` at every visible point of every line
of text and every control while the content is scrolled through, as an eye would."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit.browser import set_viewport
from kiosk.content import Content
from kiosk.public.form_tokens import ticket
from kiosk.public.views.feedback import RECEIPT_PURPOSE
from kiosk.store.assistance import Need
from kiosk.store.engagement import Difficulty
from tests.browser.conftest import LANDSCAPE, PORTRAIT, LiveServer, serve
from tests.conftest import DEMO_NOW, make_app

pytestmark = pytest.mark.browser

MODES = ("standard", "large", "contrast", "large-contrast")
ORIENTATIONS = {"portrait": PORTRAIT, "landscape": LANDSCAPE}
# Every mode and orientation on these; the other pages in large type, where space is short.
MAIN_PAGES = ("home", "hours", "appeals", "feedback")
OTHER_PAGES = ("contacts", "accessibility", "announcements", "assistance", "call", "feedback-sent")
BAR = (".languages a", ".modes button", "[data-speech='listen']", "[data-speech='toggle']",
       ".home-link", ".assist-link")

# The element whose content scrolls: the nearest scrolling box around <main>, else the page.
SCROLLER = """
const scroller = () => {
  for (let el = document.querySelector('main'); el && el !== document.body; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
  }
  return document.scrollingElement;
};
const visibleBox = el => {
  const box = el === document.scrollingElement
    ? {top: 0, left: 0, bottom: innerHeight, right: innerWidth} : el.getBoundingClientRect();
  return {top: Math.max(box.top, 0), left: Math.max(box.left, 0),
          bottom: Math.min(box.bottom, innerHeight), right: Math.min(box.right, innerWidth)};
};
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (typeof el.className === 'string' && el.className.trim()
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
  ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
const related = (el, hit) => hit && (hit === el || el.contains(hit) || hit.contains(el));
"""

# Every line of text and every control of the page, looked at in every scroll position of
# its content, a third of a screen at a time: which ones does something else lie over?
COVERED = SCROLLER + """
const area = scroller();
const root = document.querySelector('.page-content') || document.body;
const texts = [];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT,
  {acceptNode: node => node.textContent.trim() ? NodeFilter.FILTER_ACCEPT
                                                : NodeFilter.FILTER_REJECT});
for (let node; (node = walker.nextNode());) texts.push(node);
const controls = [...root.querySelectorAll('a[href], button, textarea, input, select, .qr-image')];
// A line of text is looked at along its middle (its glyph box may reach into the next
// line's when the lines are set tight); a control at its middle and its corners.
const pointsOf = (rect, corners) => {
  if (rect.width < 4 || rect.height < 4) return [];
  const y = rect.top + rect.height / 2;
  const middle = [[rect.left + 2, y], [rect.left + rect.width / 2, y], [rect.right - 2, y]];
  return corners ? middle.concat([[rect.left + 3, rect.top + 3],
                                  [rect.right - 3, rect.top + 3],
                                  [rect.left + 3, rect.bottom - 3],
                                  [rect.right - 3, rect.bottom - 3]])
    : middle;
};
const found = new Map();
const look = () => {
  const box = visibleBox(area);
  // A pixel inside the edges: hit testing snaps a point on a fraction of a pixel.
  const inside = ([x, y]) => x > box.left + 1 && x < box.right - 1 && y > box.top + 1 &&
    y < box.bottom - 1;
  const check = (el, rect, corners) => {
    for (const point of pointsOf(rect, corners).filter(inside)) {
      const hit = document.elementFromPoint(...point);
      if (!related(el, hit)) {
        found.set(describe(el), describe(hit || document.documentElement));
        return;
      }
    }
  };
  for (const node of texts) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) check(node.parentElement, rect, false);
  }
  for (const el of controls) for (const rect of el.getClientRects()) check(el, rect, true);
};
const step = Math.max(50, Math.floor((visibleBox(area).bottom - visibleBox(area).top) / 3));
for (let top = 0; ; top += step) {
  area.scrollTop = top;
  look();
  if (area.scrollTop + area.clientHeight >= area.scrollHeight - 1) break;
}
area.scrollTop = 0;
return [...found].map(([el, over]) => el + ' under ' + over);
"""

# The bar's controls, each wholly on the screen and uncovered, with the content at its
# top and at its end.
BAR_OUT_OF_REACH = SCROLLER + """
const selectors = arguments[0];
const area = scroller();
const problems = [];
for (const top of [0, area.scrollHeight]) {
  area.scrollTop = top;
  for (const selector of selectors) {
    const all = [...document.querySelectorAll(selector)];
    if (!all.length) problems.push(selector + ': missing');
    for (const el of all) {
      const r = el.getBoundingClientRect();
      const whole = r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight &&
        r.right <= innerWidth;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!whole || !related(el, hit)) {
        problems.push(`${describe(el)} at y=${Math.round(r.top)}..${Math.round(r.bottom)} ` +
                      `(scrolled to ${Math.round(area.scrollTop)})`);
      }
    }
  }
}
area.scrollTop = 0;
return problems;
"""

# A row of the bar that holds one button narrower than the row: a button left alone.
ALONE_IN_BAR = """
const bar = document.querySelector('.controls');
const inner = bar.getBoundingClientRect().width -
  parseFloat(getComputedStyle(bar).paddingLeft) - parseFloat(getComputedStyle(bar).paddingRight);
const rows = new Map();
for (const el of bar.querySelectorAll('a, button')) {
  const r = el.getBoundingClientRect();
  if (!r.width) continue;
  const key = Math.round(r.top);
  rows.set(key, [...(rows.get(key) || []), [el.textContent.trim().replace(/\\s+/g, ' '), r.width]]);
}
return [...rows.values()].filter(row => row.length === 1 && row[0][1] < 0.9 * inner)
  .map(row => row[0][0]);
"""

# The focused element: wholly within the content's visible box (or the screen) and
# nothing else at its middle or corners.
FOCUS_HIDDEN = SCROLLER + """
const el = document.activeElement;
if (!el || el === document.body || el.id === 'page-content') return null;
const inArea = el.closest('.page-content') ? visibleBox(scroller())
                                            : visibleBox(document.scrollingElement);
const r = el.getBoundingClientRect();
const whole = r.top >= inArea.top - 1 && r.bottom <= inArea.bottom + 1 &&
  r.left >= inArea.left - 1 && r.right <= inArea.right + 1;
const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 3, r.top + 3],
                [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]];
const covered = points.map(p => document.elementFromPoint(...p)).find(hit => !related(el, hit));
if (whole && !covered) return null;
return describe(el) + (whole ? ' under ' + describe(covered) : ' outside the visible content ' +
  `(${Math.round(r.top)}..${Math.round(r.bottom)} of ` +
  `${Math.round(inArea.top)}..${Math.round(inArea.bottom)})`);
"""


@pytest.fixture(scope="module")
def stand(tmp_path_factory: pytest.TempPathFactory,
          demo_content: Content) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    """The demo stand, with a call for assistance waiting and a feedback just left: the
    addresses of their pages (in Kazakh, before the query)."""
    app = make_app(tmp_path_factory.mktemp("layout"), demo_content)
    call, _ = app.extensions["kiosk.assistance"].call("main", "main-floor2", Need.ENTRANCE,
                                                      "kk", DEMO_NOW)
    item = app.extensions["kiosk.engagement"].add_feedback("main", "main-hall", "kk",
                                                           Difficulty.READING, DEMO_NOW)
    with app.app_context():
        paths = {"call": f"assistance/{ticket(call.id, 'main')}",
                 "feedback-sent": f"feedback/{ticket(item.id, 'main', RECEIPT_PURPOSE)}"}
    for server in serve(app, tmp_path_factory.mktemp("layout-serve")):
        yield server, paths


def open_page(browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], page: str,
              mode: str, lang: str = "kk") -> None:
    server, paths = stand
    path = paths.get(page, "" if page == "home" else page)
    query = "" if mode == "standard" else f"?mode={mode}"
    browser.get(server.url(f"/stand/main/{lang}/{path}{query}"))
    # The page script shows Speech and Listen; the fonts set every line's length.
    WebDriverWait(browser, 5).until(lambda b: b.execute_script(
        "return !document.querySelector(\"[data-speech='toggle']\").hidden"))
    browser.execute_async_script("document.fonts.ready.then(arguments[arguments.length - 1])")


def check_layout(browser: WebDriver) -> list[str]:
    return ([f"covered: {item}" for item in browser.execute_script(COVERED)] +
            [f"bar not on the screen: {item}"
             for item in browser.execute_script(BAR_OUT_OF_REACH, BAR)] +
            [f"alone on a row of the bar: {item}"
             for item in browser.execute_script(ALONE_IN_BAR)])


CASES = ([(page, mode, orientation) for page, mode, orientation
          in itertools.product(MAIN_PAGES, MODES, ORIENTATIONS)] +
         [(page, mode, orientation) for page, mode, orientation
          in itertools.product(OTHER_PAGES, ("large", "large-contrast"), ORIENTATIONS)])


@pytest.mark.parametrize(("page", "mode", "orientation"), CASES,
                         ids=["-".join(case) for case in CASES])
def test_nothing_covers_the_content_and_the_bar_stays_on_screen(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], page: str, mode: str,
        orientation: str) -> None:
    set_viewport(browser, *ORIENTATIONS[orientation])
    open_page(browser, stand, page, mode)
    assert not check_layout(browser)


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize(("lang", "page"), list(itertools.product(("ru", "en"),
    ("home", "appeals", "feedback-sent"))))
def test_longer_russian_and_english_words_fit_too(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], lang: str, page: str,
        orientation: str) -> None:
    set_viewport(browser, *ORIENTATIONS[orientation])
    problems = []
    for mode in ("large", "large-contrast", "standard"):
        open_page(browser, stand, page, mode, lang)
        problems += [f"{mode}: {problem}" for problem in check_layout(browser)]
    assert not problems


def test_reading_aloud_keeps_the_bar_and_covers_nothing(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]]) -> None:
    set_viewport(browser, *PORTRAIT)
    open_page(browser, stand, "appeals", "large")
    browser.find_element(By.CSS_SELECTOR, "[data-speech='listen']").click()
    player = browser.find_element(By.CSS_SELECTOR, "[data-speech='player']")
    try:
        assert player.is_displayed()
        assert not check_layout(browser)
        assert not browser.execute_script(BAR_OUT_OF_REACH, ["[data-speech='player'] button"])
        # The text being read keeps more than half the screen.
        region = browser.find_element(By.ID, "page-content").rect["height"]
        assert region > PORTRAIT[1] / 2, region
    finally:
        browser.find_element(By.CSS_SELECTOR, "[data-speech='stop']").click()


def walk(browser: WebDriver, key: str, limit: int = 120) -> tuple[list[str], list[str]]:
    """Press ``key`` from the top of the page until the focus reaches the call for
    assistance; what was hidden at each step, and where the focus went."""
    hidden, visited = [], []
    for _ in range(limit):
        ActionChains(browser).send_keys(key).perform()
        problem = browser.execute_script(FOCUS_HIDDEN)
        if problem:
            hidden.append(problem)
        active = browser.switch_to.active_element
        visited.append(active.get_attribute("class") or active.tag_name)
        if "assist-link" in visited[-1]:
            return hidden, visited
    raise AssertionError(f"the call for assistance was never reached: {visited[-10:]}")


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize(("page", "mode"), list(itertools.product(
    ("home", "appeals", "feedback-sent"), ("large", "large-contrast"))))
def test_the_focus_is_never_hidden_by_keypad_or_tab(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], page: str, mode: str,
        orientation: str) -> None:
    set_viewport(browser, *ORIENTATIONS[orientation])
    for key in (Keys.ARROW_DOWN, Keys.TAB):
        open_page(browser, stand, page, mode)
        hidden, _visited = walk(browser, key)
        assert not hidden, key


REGION = "const r = document.getElementById('page-content');"


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_the_keypads_next_key_scrolls_text_that_has_no_control(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], orientation: str) -> None:
    # The week's hours hold no link for the arrows to stop at. Page Down (the keypad's
    # Next key) scrolls the content a screen at a time, with the focus left in the bar,
    # until every line has been on the screen; Page Up brings the top back.
    set_viewport(browser, *ORIENTATIONS[orientation])
    open_page(browser, stand, "hours", "large")
    call = browser.find_element(By.CSS_SELECTOR, ".assist-link")
    browser.execute_script("arguments[0].focus()", call)
    screen = browser.execute_script(REGION + "return r.clientHeight")
    tops = [0]
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.PAGE_DOWN).perform()
        tops.append(browser.execute_script(REGION + "return r.scrollTop"))
        if tops[-1] == tops[-2]:
            break
    assert browser.execute_script(
        REGION + "return r.scrollTop + r.clientHeight >= r.scrollHeight - 1")
    assert all(0 < b - a < screen for a, b in itertools.pairwise(tops[:-1])), (tops, screen)
    assert browser.switch_to.active_element == call
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.PAGE_UP).perform()
    assert browser.execute_script(REGION + "return r.scrollTop") == 0


@pytest.mark.parametrize("mode", MODES)
def test_landscape_shows_the_start_page_and_its_qr_code_in_columns(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], mode: str) -> None:
    set_viewport(browser, *LANDSCAPE)
    open_page(browser, stand, "home", mode)
    layout = browser.execute_script("""
        const tops = [...document.querySelectorAll('.tiles > li')]
            .map(li => li.getBoundingClientRect().left);
        const qr = document.querySelector('.page-footer .qr-image').getBoundingClientRect();
        const date = document.querySelector('.revision').getBoundingClientRect();
        const region = document.getElementById('page-content').getBoundingClientRect();
        return {columns: new Set(tops.map(Math.round)).size,
                qr: qr.bottom <= region.bottom && qr.top >= region.top,
                date: date.bottom <= region.bottom,
                scrolls: document.getElementById('page-content').scrollHeight >
                         document.getElementById('page-content').clientHeight};""")
    assert layout["columns"] >= 2 and layout["qr"], layout
    if "large" not in mode:
        # Standard type: the whole start page, publication date included, on one screen.
        assert layout["date"] and not layout["scrolls"], layout


@pytest.mark.parametrize("mode", MODES)
def test_landscape_lays_the_cards_in_columns(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]], mode: str) -> None:
    set_viewport(browser, *LANDSCAPE)
    for page in ("appeals", "contacts", "accessibility", "announcements"):
        open_page(browser, stand, page, mode)
        columns = browser.execute_script("""
            return new Set([...document.querySelectorAll('main .card')]
              .map(card => Math.round(card.getBoundingClientRect().left))).size;""")
        assert columns >= 2, page


def test_no_empty_band_above_the_footer_of_the_portrait_start_page(
        browser: WebDriver, stand: tuple[LiveServer, dict[str, str]]) -> None:
    set_viewport(browser, *PORTRAIT)
    open_page(browser, stand, "home", "standard")
    gap = browser.execute_script("""
        const tiles = document.querySelector('.tiles').getBoundingClientRect();
        const footer = document.querySelector('.page-footer').getBoundingClientRect();
        return footer.top - tiles.bottom;""")
    assert gap < 80, gap
