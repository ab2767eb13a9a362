"""Screenshots of every stand page in every mode and both orientations, to judge the layout by eye.

    .venv/bin/python tools/layout_screenshots.py /tmp/screens            (Kazakh, everything)
    .venv/bin/python tools/layout_screenshots.py /tmp/screens --lang ru --mode large

The demo content is served by waitress on a free port of 127.0.0.1 at the tests' pinned
moment (announcements on show) and shot in headless Chromium. For each language,
orientation (portrait 1080×1920, landscape 1920×1080) and mode, every page gets its first
screen, the screens a visitor scrolls to (the content region scrolled a screen at a time),
and one tall picture of the whole content; a contact sheet per folder puts the first
screens side by side. ``--listen`` adds each page with the reading-aloud player open, and
``--focus`` a picture at every keypad step of the Down key. Nothing is written to the
repository: the README's own screenshots are ``tools/screenshots.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

import click
from PIL import Image
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accessibility_audit.browser import set_viewport, start_chromium
from kiosk import create_app
from kiosk.content import load_file
from kiosk.store import store
from kiosk.threaded_server import serving

ROOT = Path(__file__).resolve().parent.parent
# Friday 27 November 2026, 11:00 in Almaty, as in the tests: the announcements are current.
MOMENT = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)
ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
MODES = ("standard", "large", "contrast", "large-contrast")
# Pages reached by a plain address; the two confirmation pages follow a press on their form.
PAGES = ("home", "hours", "appeals", "contacts", "accessibility", "announcements",
         "assistance", "feedback")
SENT_PAGES = ("assistance-status", "feedback-sent")
MAX_SCREENS = 12

# The element whose content scrolls: the nearest scrolling box around <main>, else the page.
SCROLLER_JS = """
const scroller = () => {
  for (let el = document.querySelector('main'); el && el !== document.body; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
  }
  return document.scrollingElement;
};
"""


@contextmanager
def demo_server() -> Iterator[str]:
    """The demo content on a fresh database, served on a free local port."""
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/screens.sqlite3",
                          "SECRET_KEY": "screens only", "NOW": MOMENT,
                          "SPEECH_CACHE_DIR": f"{tmp}/speech"})
        store(app).upgrade()
        store(app).publisher.publish(load_file(ROOT / "content" / "demo.yaml"),
                                     author="screenshots")
        with serving(app) as port:
            yield f"http://127.0.0.1:{port}"


def page_path(lang: str, page: str, mode: str) -> str:
    query = "" if mode == "standard" else f"?mode={mode}"
    return f"/stand/main/{lang}/{'' if page == 'home' else page}{query}"


def settle(driver: WebDriver) -> None:
    driver.execute_async_script("document.fonts.ready.then(arguments[arguments.length - 1])")


def scroll_to(driver: WebDriver, top: int) -> int:
    """Scroll the content to ``top`` and return where it really is."""
    return driver.execute_script(SCROLLER_JS + """
        const el = scroller(); el.scrollTop = arguments[0]; return Math.round(el.scrollTop);""",
                                 top)


def shoot(driver: WebDriver, folder: Path, name: str, size: tuple[int, int]) -> list[Path]:
    """First screen, each further screen of the scrolled content, and the whole content."""
    settle(driver)
    shots = []
    geometry = driver.execute_script(SCROLLER_JS + """
        const el = scroller();
        const page = el === document.scrollingElement;
        // A page scrolled under a bar moves by what the bar leaves visible.
        const bar = document.querySelector('.dock');
        const barHeight = page && bar ? bar.getBoundingClientRect().height : 0;
        const box = page ? {top: 0, height: innerHeight} : el.getBoundingClientRect();
        return {page, visible: el.clientHeight - barHeight, total: el.scrollHeight,
                top: Math.round(box.top), height: el.clientHeight};""")
    step = max(200, int(geometry["visible"] * 0.85))
    top, previous, index = 0, -1, 1
    while index <= MAX_SCREENS:
        reached = scroll_to(driver, top)
        if reached == previous:
            break
        path = folder / f"{name}-{index}.png"
        driver.save_screenshot(str(path))
        shots.append(path)
        previous, top, index = reached, top + step, index + 1
    if geometry["total"] > geometry["height"]:
        path = folder / f"{name}-full.png"
        if geometry["page"]:
            full_page(driver, size, path)
        else:
            stitch(driver, geometry, path)
        shots.append(path)
    scroll_to(driver, 0)
    return shots


def full_page(driver: WebDriver, size: tuple[int, int], path: Path) -> None:
    """A page that scrolls as a whole: the viewport made as tall as the page."""
    scroll_to(driver, 0)
    width, height = size
    extra = driver.execute_script(SCROLLER_JS + """
        const el = scroller(); return el.scrollHeight - el.clientHeight;""")
    set_viewport(driver, width, height + extra)
    settle(driver)
    driver.save_screenshot(str(path))
    set_viewport(driver, width, height)


def stitch(driver: WebDriver, geometry: dict, path: Path) -> None:
    """The content region scrolled a screen at a time and laid end to end, with what lies
    above and below it (the bar) as it is on the screen: the whole page at this size."""
    top, height, total = geometry["top"], geometry["height"], geometry["total"]
    first = None
    pieces = []
    offset = 0
    while True:
        reached = scroll_to(driver, offset)
        shot = Image.open(BytesIO(driver.get_screenshot_as_png())).convert("RGB")
        first = first or shot
        pieces.append((reached, shot.crop((0, top, shot.width, top + height))))
        if reached + height >= total or offset > total:
            break
        offset = reached + height
    below = first.crop((0, top + height, first.width, first.height))
    whole = Image.new("RGB", (first.width, top + total + below.height), "white")
    whole.paste(first.crop((0, 0, first.width, top)), (0, 0))
    for reached, piece in pieces:
        whole.paste(piece, (0, top + reached))
    whole.paste(below, (0, top + total))
    whole.save(path)


def focus_walk(driver: WebDriver, folder: Path, name: str, steps: int = 80) -> None:
    """A picture at every press of the Down key, as a keypad user moves through the page,
    until the focus reaches the last control."""
    previous = None
    for step in range(1, steps + 1):
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
        active = driver.switch_to.active_element
        if active == previous:
            break
        driver.save_screenshot(str(folder / f"{name}-focus-{step:02d}.png"))
        previous = active


def listen(driver: WebDriver) -> None:
    """Open the reading-aloud player as a visitor does: press Listen."""
    button = driver.find_element(By.CSS_SELECTOR, "[data-speech='listen']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", button)
    driver.execute_script("arguments[0].click()", button)  # as the old layout covers it
    WebDriverWait(driver, 10).until(lambda d: d.find_element(
        By.CSS_SELECTOR, "[data-speech='player']").is_displayed())


def contact_sheet(shots: list[Path], out: Path, columns: int = 5) -> None:
    """First screens side by side, small enough to see a folder at a glance."""
    if not shots:
        return
    images = [Image.open(path) for path in shots]
    scale = 1600 / (columns * images[0].width)
    width, height = int(images[0].width * scale), int(images[0].height * scale)
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * width + (columns - 1) * 8, rows * height + (rows - 1) * 8),
                      "#808080")
    for number, image in enumerate(images):
        small = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
        sheet.paste(small, ((number % columns) * (width + 8), (number // columns) * (height + 8)))
    sheet.save(out)


def sent_pages(driver: WebDriver, base: str, lang: str) -> dict[str, str]:
    """Send one call for assistance and one feedback; their pages' addresses (no query)."""
    found = {}
    for page, form in (("assistance-status", "assistance"), ("feedback-sent", "feedback")):
        driver.get(base + page_path(lang, form, "standard"))
        driver.find_element(By.CSS_SELECTOR, "main button.tile").click()
        WebDriverWait(driver, 10).until(lambda d, form=form: not d.current_url.split("?")[0]
                                        .endswith(f"/{form}"))
        found[page] = driver.current_url.split("?")[0].removeprefix(base)
    return found


@click.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", "langs", multiple=True, default=("kk",), show_default=True)
@click.option("--mode", "modes", multiple=True, type=click.Choice(MODES), default=MODES)
@click.option("--orientation", "orientations", multiple=True,
              type=click.Choice(tuple(ORIENTATIONS)), default=tuple(ORIENTATIONS))
@click.option("--page", "pages", multiple=True, type=click.Choice(PAGES + SENT_PAGES),
              default=PAGES + SENT_PAGES)
@click.option("--listen", "with_listen", is_flag=True, help="Also shoot with the player open.")
@click.option("--focus", "with_focus", is_flag=True, help="Also shoot every Down-key step.")
def main(out: Path, langs: tuple[str, ...], modes: tuple[str, ...],
         orientations: tuple[str, ...], pages: tuple[str, ...], with_listen: bool,
         with_focus: bool) -> None:
    """Shoot the stand's pages into OUT/<lang>-<orientation>-<mode>/."""
    with demo_server() as base:
        driver = start_chromium()
        try:
            sent: dict[str, dict[str, str]] = {}
            # The call goes last: while it is open, the call page shows the call instead.
            ordered = [p for p in pages if p not in SENT_PAGES] + \
                [p for p in pages if p in SENT_PAGES]
            firsts: dict[Path, list[Path]] = {}
            for page in ordered:
                for lang in langs:
                    if page in SENT_PAGES and lang not in sent:
                        sent[lang] = sent_pages(driver, base, lang)
                    for orientation in orientations:
                        size = ORIENTATIONS[orientation]
                        for mode in modes:
                            folder = out / f"{lang}-{orientation}-{mode}"
                            folder.mkdir(parents=True, exist_ok=True)
                            set_viewport(driver, *size)
                            if page in SENT_PAGES:
                                query = "" if mode == "standard" else f"?mode={mode}"
                                driver.get(base + sent[lang][page] + query)
                            else:
                                driver.get(base + page_path(lang, page, mode))
                            shots = shoot(driver, folder, page, size)
                            firsts.setdefault(folder, []).append(shots[0])
                            if with_listen:
                                listen(driver)
                                shoot(driver, folder, f"{page}-listen", size)
                            if with_focus:
                                driver.get(driver.current_url)
                                focus_walk(driver, folder, page)
                            click.echo(f"{folder.name}/{page}: {len(shots)} pictures")
            for folder, shots in firsts.items():
                contact_sheet(shots, folder / "sheet.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    sys.exit(main())
