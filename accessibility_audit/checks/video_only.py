"""Video without sound, WCAG 1.2.1: prerecorded video-only content needs an alternative,
a text transcript or an audio track telling what it shows. The W3C's ACT rules ee13b5
(a transcript) and d7ba54 (an audio track).

Whether a video has sound is learnt as ``media.py`` learns it for the clips that start
by themselves: its sound track decoded whole (a file of at most 16 MB), else a copy
played in the scanner's world (at up to 16 times the speed, for at most a few
seconds). A video heard silent from start to end is
video-only content; a video with sound, or one not heard to its end, is left to the
rules on captions and audio description, and so is one with a captions or subtitles
track (captions are written for sound), which is not downloaded. Only the first five
videos of a page are heard.

Fails: a silent video that a visitor may play (it has controls or starts by itself) on a
page where nothing may be its alternative: no text exposed to screen readers outside
it, no image's alternative, no link or control (which might lead to a transcript or play
an audio version), no other audio, video or frame, no name or description of its own and
no text track. Needs review otherwise: whether that text or link is a transcript of all
the video shows needs a person. A muted, looping background video without controls is
decoration and not judged."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks.results import Node, Outcomes

RULE = "video-only-alternative"
# Captions are written for sound: a video with them is not heard (nor downloaded).
SOUND_TRACKS = ("captions", "subtitles")
HEARD_AT_MOST = 5  # videos per page whose sound is learnt


def to_hear(videos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The videos whose sound decides the verdict: not those with captions."""
    return [video for video in videos
            if not set(video["tracks"]) & set(SOUND_TRACKS)][:HEARD_AT_MOST]


def _candidates(video: dict[str, Any]) -> list[str]:
    """What on the page may be the video's alternative, as a person would look for it."""
    found = []
    if video["text"]:
        found.append(f"the page's text (“{video['text'][:60]}”)")
    if video["controls"]:
        found.append(f"the link or control “{video['controls'][0]}”")
    if video["media"]:
        found.append("the other audio, video or frame on the page")
    if video["named"]:
        found.append(f"its name or description (“{video['named'][:60]}”)")
    if video["tracks"]:
        found.append(f"its text track ({', '.join(video['tracks'])})")
    return found


def evaluate(videos: list[dict[str, Any]], silent: set[str]) -> dict[str, Outcomes]:
    """``silent``: the addresses of the clips heard to their end without a sound."""
    outcomes = Outcomes()
    for video in videos:
        if video["address"] not in silent:
            continue  # sound, or not heard to its end: other rules' concern
        candidates = _candidates(video)
        if not candidates:
            outcomes.failed.append(Node(video["target"], video["html"], (
                "This video has no sound, and nothing on the page tells what it shows: no "
                "text, no link to a transcript, no audio version, no text track. People who "
                "cannot see it learn nothing of it. Write beside it what it shows (a "
                "transcript), or give it an audio track that says so.")))
            continue
        outcomes.review.append(Node(video["target"], video["html"], (
            "This video has no sound: people who cannot see it need a transcript or an audio "
            "version of all it shows. Check that " + " or ".join(candidates)
            + " is one, and that it is not hidden from them.")))
    return {RULE: outcomes}
