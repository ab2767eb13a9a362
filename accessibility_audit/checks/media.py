"""Audio control, WCAG 1.4.2: audio that plays on its own for more than 3 seconds
needs a way to pause or stop it or to turn it down. The W3C's ACT rules 80f0bf (the
criterion), 4c31df (a control) and aaa1bf (no more than 3 s) look at each <audio> and
<video> that starts by itself unmuted. The criterion is met either way, so
``autoplay-audio-control`` passes a long clip with a control; ``autoplay-audio-brief``,
a best practice (aaa1bf), flags it all the same: until a screen reader's user has found
the control, the clip talks over their screen reader, which Understanding 1.4.2 warns
of.

What a clip is (its length, whether it has sound) is learnt by decoding its sound track
whole in the scanner's world (a file of at most 16 MB: a busy machine cannot slow that
down), and by playing a copy of it, its sound going to an audio graph of the scanner's,
never to the speakers, at up to 16 times the speed, for at most a few seconds. A scan
does not fetch audio and video (``--load-media`` aside): for these copies only, the
block is lifted and put back. ``video_only.py`` learns the same of the videos a visitor
may play (WCAG 1.2.1). A media fragment (``#t=8,10``) bounds what plays,
``loop`` makes it endless.

Fails: a clip with sound longer than 3 s, without visible native controls and without
a control beside it (within three ancestors) named to pause, stop, mute or play it.
Needs review instead when its length or sound could not be learnt (a clip of another
origin without CORS, a format Chromium does not play) or when only a control elsewhere
on the page may stop it. The clip heard silent, muted clips and clips that do not start
by themselves are not judged."""

from __future__ import annotations

import math
import time
from typing import Any

from accessibility_audit.browser import MEDIA_PATTERNS
from accessibility_audit.checks import video_only
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.context import PageContext, gatherer
from accessibility_audit.checks.results import Node, Outcomes

RULE = "autoplay-audio-control"
BRIEF = "autoplay-audio-brief"
SCRIPT = gatherer("media")
LIMIT = 3.0  # seconds of sound the criterion allows without a control
# The loudest sample (of 1) heard that is sound rather than silence: about -40 dBFS.
LOUD = 0.01
LISTEN = 6.0  # seconds a copy is listened to at most (a busy machine plays slowly)
POLL = 0.1


def _heard_all(listened: dict[str, Any], end: float | None) -> bool:
    """Whether the copy played the whole part of the clip that plays."""
    duration = listened["duration"]
    if listened["ended"]:
        return True
    return duration is not None and listened["heard"] >= min(duration, end or duration) - 0.1


def _learnt(clip: dict[str, Any], heard: dict[str, dict[str, Any]]
            ) -> tuple[float | None, bool | None, str]:
    """How long a clip plays (None: unknown, inf: loop), whether it has sound (None:
    unknown) and, when either is unknown, why."""
    listened = heard.get(clip["address"] or "")
    failed = listened is None or listened["error"] is not None
    duration = clip["duration"] if failed or listened is None else (
        listened["duration"] or clip["duration"])
    start, end = clip["start"] or 0.0, clip["end"]
    plays: float | None = math.inf if clip["loop"] else (
        None if duration is None and end is None else (end or duration or 0.0) - start)
    sound: bool | None = None
    if listened is not None and not failed:
        if listened["loudest"] > LOUD:
            sound = True
        elif _heard_all(listened, end):
            sound = False
    reason = ""
    if plays is None or sound is None:
        reason = listened["error"] if listened and listened["error"] else (
            "its address is unknown" if not clip["address"] else "it was not heard long enough")
    return plays, sound, reason


def _length(plays: float | None) -> str:
    return ("over and over (loop)" if plays == math.inf
            else f"for {plays:.0f} s" if plays is not None else "")


def evaluate(media: list[dict[str, Any]], heard: dict[str, dict[str, Any]]) -> Outcomes:
    outcomes = Outcomes()
    for clip in media:
        node = Node(clip["target"], clip["html"])
        plays, sound, reason = _learnt(clip, heard)
        if sound is False:
            continue  # no sound: nothing for a listener to stop
        if plays is not None and plays <= LIMIT:
            outcomes.passed.append(node)
            continue
        if clip["controls"] or clip["near"]:
            outcomes.passed.append(node)
            continue
        unnamed = (f" (the {clip['unnamedNear']} control(s) beside it have no name)"
                   if clip["unnamedNear"] else "")
        message = (f"This <{clip['kind']}> starts playing with sound on its own "
                   f"{_length(plays)} with no "
                   f"control to pause, stop or mute it{unnamed}. Add the controls attribute or "
                   "a named Pause or Mute button beside it, or do not start it with sound.")
        doubts = []
        if reason:
            doubts.append(f"Its length or sound could not be learnt ({reason}): check that it "
                          "plays sound for more than 3 seconds.")
        if clip["page"]:
            doubts.append(f"A control elsewhere on the page (“{clip['page'][0]}”) may stop it: "
                          "check that it does.")
        outcomes.fail(node, " ".join(message.split()), " ".join(doubts))
    return outcomes


def evaluate_brief(media: list[dict[str, Any]], heard: dict[str, dict[str, Any]]) -> Outcomes:
    """The best practice: sound that starts by itself stops within 3 seconds, controls
    or not."""
    outcomes = Outcomes()
    for clip in media:
        node = Node(clip["target"], clip["html"])
        plays, sound, reason = _learnt(clip, heard)
        if sound is False:
            continue
        if plays is not None and plays <= LIMIT:
            outcomes.passed.append(node)
            continue
        message = (f"This <{clip['kind']}> starts playing with sound on its own "
                   f"{_length(plays)}: until a visitor finds how to stop it, it talks over "
                   "their screen reader. Start it only when the visitor asks (a Play "
                   "button), or keep what plays by itself to 3 seconds.")
        doubt = (f"Its length or sound could not be learnt ({reason}): check that it plays "
                 "sound for more than 3 seconds.") if reason else ""
        outcomes.fail(node, " ".join(message.split()), doubt)
    return outcomes


def _listen(page: PageContext, addresses: list[str]) -> dict[str, dict[str, Any]]:
    page.run_script(SCRIPT, "probe", addresses)
    deadline = time.monotonic() + LISTEN
    listened: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        time.sleep(POLL)
        listened = page.run_script(SCRIPT, "listen")
        if all(entry["error"] or entry["loudest"] > LOUD or _heard_all(entry, None)
               for entry in listened):
            break
    return dict(zip(addresses, listened, strict=True))


def gather(page: PageContext) -> dict[str, Any]:
    media: list[dict[str, Any]] = (page.run_script(SCRIPT, "find")
                                   if {RULE, BRIEF} & page.rules else [])
    videos: list[dict[str, Any]] = (page.run_script(SCRIPT, "videos")
                                    if video_only.RULE in page.rules else [])
    addresses = sorted({clip["address"] for clip in [*media, *video_only.to_hear(videos)]
                        if clip["address"]})
    if not addresses:
        return {"media": media, "videos": videos, "heard": {}}
    if page.media_blocked:
        page.cdp("Network.setBlockedURLs", {"urls": []})
    try:
        heard = _listen(page, addresses)
    finally:
        page.run_script(SCRIPT, "stop")
        if page.media_blocked:
            page.cdp("Network.setBlockedURLs", {"urls": list(MEDIA_PATTERNS)})
    return {"media": media, "videos": videos, "heard": heard}


def _silent(heard: dict[str, dict[str, Any]]) -> set[str]:
    """The addresses of the copies heard to their end without a sound."""
    return {address for address, listened in heard.items()
            if listened["error"] is None and listened["loudest"] <= LOUD
            and _heard_all(listened, None)}


def _evaluate(facts: dict[str, Any]) -> dict[str, Outcomes]:
    return {RULE: evaluate(facts["media"], facts["heard"]),
            BRIEF: evaluate_brief(facts["media"], facts["heard"]),
            **video_only.evaluate(facts["videos"], _silent(facts["heard"]))}


CHECK = Check((RULE, BRIEF, video_only.RULE), gather, _evaluate,
              when="once", interacts=True, budget=10)
