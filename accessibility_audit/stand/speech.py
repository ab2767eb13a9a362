"""Speech on a stand page: every visible text and control has a speech key, and the
audio of every key the page can ask for exists, decodes and is audible (EN 301 549
5.1.3.1: closed functionality speaks everything it shows)."""

from __future__ import annotations

from urllib.parse import urljoin

from selenium.webdriver.remote.webdriver import WebDriver

from accessibility_audit.stand.audio import AudioChecks
from accessibility_audit.stand.rules import Node
from accessibility_audit.stand.scripts import script

WHY = {"control": "This control has no speech key (data-say): speech mode cannot say it.",
       "text": "This text is outside every spoken element (data-say): Listen and speech "
               "mode skip it."}
RATE = "normal"


def check(driver: WebDriver, audio: AudioChecks) -> tuple[list[Node], list[Node]]:
    """(texts and controls without speech, keys whose audio is missing or silent)."""
    found = driver.execute_script(script("speech_keys"))
    unspoken = [Node(selector, html, WHY[why]) for selector, html, why in found["unspoken"]]
    if not found["audioUrl"]:
        return unspoken, [Node("html", f'<html lang="{found["lang"]}">',
                               "The page offers no speech at all (no speech settings).")]
    template = urljoin(driver.current_url, found["audioUrl"]).replace("RATE", RATE)
    broken = []
    reported = set()
    for key, selector, html in found["keys"]:
        url = template.replace("KEY", key)
        problem = audio.problem(url)
        if problem and (key, selector) not in reported:
            reported.add((key, selector))
            broken.append(Node(selector, html, f"The speech audio {url} {problem}."))
    return unspoken, broken
