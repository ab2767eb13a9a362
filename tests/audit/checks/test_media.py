"""Audio that plays by itself (WCAG 1.4.2), judged on facts written by hand."""

from __future__ import annotations

from typing import Any

from accessibility_audit.checks import media

ADDRESS = "https://example.kz/greeting.mp3"


def _clip(**facts: Any) -> dict[str, Any]:
    clip = {"target": "#clip", "html": "<audio>", "kind": "audio", "address": ADDRESS,
            "loop": False, "start": None, "end": None, "duration": None, "controls": False,
            "near": [], "unnamedNear": 0, "page": []}
    clip.update(facts)
    return clip


def _heard(duration: float | None = 27.0, loudest: float = 0.5, heard: float = 2.0,
           ended: bool = False, error: str | None = None) -> dict[str, dict[str, Any]]:
    return {ADDRESS: {"duration": duration, "loudest": loudest, "heard": heard,
                      "ended": ended, "error": error}}


def test_sound_longer_than_3_seconds_without_a_control_fails() -> None:
    outcomes = media.evaluate([_clip()], _heard())
    assert [n.target for n in outcomes.failed] == ["#clip"]
    assert outcomes.failed[0].message.startswith(
        "This <audio> starts playing with sound on its own for 27 s with no control")


def test_native_controls_or_a_named_control_beside_it_pass() -> None:
    assert media.evaluate([_clip(controls=True)], _heard()).passed
    assert media.evaluate([_clip(near=["Mute"])], _heard()).passed


def test_a_fragment_of_3_seconds_or_less_passes_and_a_loop_never_ends() -> None:
    assert media.evaluate([_clip(start=8.0, end=10.0)], _heard()).passed
    assert media.evaluate([_clip(start=25.0)], _heard()).passed
    looped = media.evaluate([_clip(loop=True)], _heard(duration=2.0, ended=True))
    assert "over and over" in looped.failed[0].message


def test_a_clip_heard_silent_to_its_end_is_not_judged() -> None:
    outcomes = media.evaluate([_clip()], _heard(duration=13.7, loudest=0.0, heard=13.7,
                                                ended=True))
    assert not (outcomes.failed or outcomes.passed or outcomes.review)


def test_what_could_not_be_learnt_or_a_control_elsewhere_needs_review() -> None:
    unheard = media.evaluate([_clip()], _heard(duration=None, error="media error 4"))
    assert not unheard.failed and "media error 4" in unheard.review[0].message
    elsewhere = media.evaluate([_clip(page=["Stop the music"])], _heard())
    assert not elsewhere.failed and "“Stop the music”" in elsewhere.review[0].message


def test_unnamed_buttons_beside_it_are_no_control() -> None:
    outcomes = media.evaluate([_clip(unnamedNear=2)], _heard())
    assert "the 2 control(s) beside it have no name" in outcomes.failed[0].message


def test_the_best_practice_flags_long_sound_even_with_a_control() -> None:
    outcomes = media.evaluate_brief([_clip(controls=True, near=["Mute"])], _heard())
    assert [n.target for n in outcomes.failed] == ["#clip"]
    assert outcomes.failed[0].message.startswith(
        "This <audio> starts playing with sound on its own for 27 s: until a visitor finds")
    assert media.evaluate([_clip(controls=True)], _heard()).passed


def test_the_best_practice_passes_3_seconds_and_leaves_silence_and_the_unknown() -> None:
    assert media.evaluate_brief([_clip(start=8.0, end=10.0)], _heard()).passed
    silent = media.evaluate_brief([_clip()], _heard(duration=13.7, loudest=0.0, heard=13.7,
                                                    ended=True))
    assert not (silent.failed or silent.passed or silent.review)
    unheard = media.evaluate_brief([_clip(controls=True)],
                                   _heard(duration=None, error="media error 4"))
    assert not unheard.failed and "media error 4" in unheard.review[0].message
