"""Speech on a stand page: every visible text and control has a speech key, and the
audio of every key the page can ask for exists, decodes and is audible (EN 301 549
5.1.3.1: closed functionality speaks everything it shows). Each audio address is
fetched and judged once per audit, whichever worker asks first."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes
from accessibility_audit.checks.stand import audio

KEY, AUDIO = "stand-speech-key", "stand-speech-audio"
SCRIPT = gatherer("stand/speech_keys", "stand")
WHY = {"control": "This control has no speech key (data-say): speech mode cannot say it.",
       "text": "This text is outside every spoken element (data-say): Listen and speech "
               "mode skip it."}
RATE = "normal"
PAGE = Node("html", "<html>")


def gather(page: PageContext) -> dict[str, Any]:
    """The unspoken texts and controls, and each key's audio address with what is
    wrong with it (None for none), or no keys at all when the page offers no speech."""
    found = page.run_script(SCRIPT)
    facts: dict[str, Any] = {"unspoken": found["unspoken"], "lang": found["lang"], "keys": None}
    if found["audioUrl"]:
        template = urljoin(page.driver.current_url, found["audioUrl"]).replace("RATE", RATE)
        facts["keys"] = [[key, selector, html, url, _problem(page, url)]
                         for key, selector, html in found["keys"]
                         for url in (template.replace("KEY", key),)]
    return facts


def _problem(page: PageContext, url: str) -> str | None:
    fetcher = page.fetcher
    if fetcher is None:
        return None
    page.check_time()
    return page.memo.get(("speech-audio", url),
                         lambda: audio.problem(lambda u: fetcher.get(u, polite=False), url))


def evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    unspoken = [Node(selector, html, WHY[why]) for selector, html, why in facts["unspoken"]]
    if facts["keys"] is None:
        broken = [Node("html", f'<html lang="{facts["lang"]}">',
                       "The page offers no speech at all (no speech settings).")]
    else:
        broken, reported = [], set()
        for key, selector, html, url, problem in facts["keys"]:
            if problem and (key, selector) not in reported:
                reported.add((key, selector))
                broken.append(Node(selector, html, f"The speech audio {url} {problem}."))
    return {KEY: Outcomes(failed=unspoken, passed=[] if unspoken else [PAGE]),
            AUDIO: Outcomes(failed=broken, passed=[] if broken else [PAGE])}


CHECK = Check((KEY, AUDIO), gather, evaluate)
