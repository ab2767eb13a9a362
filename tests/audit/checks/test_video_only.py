"""Video without sound (WCAG 1.2.1), judged on facts written by hand."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import video_only

ADDRESS = "https://example.kz/tour.webm"


def _video(**facts: Any) -> dict[str, Any]:
    video = {"target": "#tour", "html": "<video controls>", "address": ADDRESS, "loop": False,
             "text": "", "controls": [], "media": 0, "named": "", "tracks": []}
    video.update(facts)
    return video


def test_a_silent_video_with_nothing_that_may_be_its_alternative_fails() -> None:
    outcomes = video_only.evaluate([_video()], {ADDRESS})[video_only.RULE]
    assert [n.target for n in outcomes.failed] == ["#tour"]
    assert outcomes.failed[0].message.startswith(
        "This video has no sound, and nothing on the page tells what it shows")


def test_what_may_be_an_alternative_needs_review_naming_it() -> None:
    cases = {"the page's text (“It shows the hall”)": _video(text="It shows the hall"),
             "the link or control “Transcript”": _video(controls=["Transcript"]),
             "the other audio, video or frame": _video(media=1),
             "its name or description (“Tour of the hall”)": _video(named="Tour of the hall"),
             "its text track (descriptions)": _video(tracks=["descriptions"])}
    for said, video in cases.items():
        outcomes = video_only.evaluate([video], {ADDRESS})[video_only.RULE]
        assert not outcomes.failed and said in outcomes.review[0].message, said


def test_a_video_with_sound_or_not_heard_to_its_end_is_not_judged() -> None:
    outcomes = video_only.evaluate([_video()], set())[video_only.RULE]
    assert not (outcomes.failed or outcomes.passed or outcomes.review)


def test_videos_with_captions_are_not_heard_and_five_at_most_are() -> None:
    captioned = _video(tracks=["captions"], address="https://example.kz/talk.mp4")
    assert video_only.to_hear([captioned, _video()]) == [_video()]
    assert len(video_only.to_hear([_video(address=f"/{n}.webm") for n in range(8)])) == 5
