"""The stand's checks judge gathered facts without a browser: keypad reach and traps,
speech keys and audio, the idle warning, and requests leaving the stand."""

from __future__ import annotations

import json

from accessibility_audit.checks.stand import idle, keypad, network, speech


def failing(outcomes: dict, rule: str) -> list[tuple[str, str]]:
    return [(node.target, node.message) for node in outcomes[rule].failed]


def passes(outcomes: dict, rule: str) -> bool:
    return not outcomes[rule].failed and bool(outcomes[rule].passed)


CONTROLS = [["#a", "<a id=a>", ""], ["#b", "<button id=b>", ""],
            ["#yes", "<input id=yes>", "radio:answer"], ["#no", "<input id=no>", "radio:answer"]]


def test_every_control_must_be_reached_by_the_arrows_and_by_tab() -> None:
    found = keypad.evaluate({"controls": CONTROLS, "arrows": [0, 2, 3], "tab": [0, 1, 3],
                             "trapped": None})
    # Tab stops at one radio button of a group: #yes is reached through #no.
    assert failing(found, keypad.REACH) == [
        ("#b", "Not reached with the arrow keys: a keypad user cannot get to this control.")]
    assert passes(found, keypad.TRAP)


def test_a_control_the_focus_cannot_leave_is_a_trap() -> None:
    found = keypad.evaluate({"controls": CONTROLS, "arrows": [0], "tab": [0], "trapped": 0})
    assert [target for target, _ in failing(found, keypad.TRAP)] == ["#a"]
    assert [target for target, _ in failing(found, keypad.REACH)] == ["#b", "#yes", "#no"]


def test_a_page_without_controls_passes_the_keypad_rules() -> None:
    found = keypad.evaluate({"controls": [], "arrows": [], "tab": [], "trapped": None})
    assert passes(found, keypad.REACH) and passes(found, keypad.TRAP)


def test_unspoken_text_and_missing_or_silent_audio_fail() -> None:
    facts = {"lang": "kk", "unspoken": [["#mute", "<p id=mute>", "text"]], "keys": [
        ["k1", "#h1", "<h1>", "/speech/kk/normal/k1.ogg", None],
        ["k2", "#p", "<p>", "/speech/kk/normal/k2.ogg", "is missing (HTTP 404)"],
        ["k2", "#p", "<p>", "/speech/kk/normal/k2.ogg", "is missing (HTTP 404)"]]}
    found = speech.evaluate(facts)
    assert failing(found, speech.KEY) == [("#mute", speech.WHY["text"])]
    assert failing(found, speech.AUDIO) == [
        ("#p", "The speech audio /speech/kk/normal/k2.ogg is missing (HTTP 404).")]
    without = speech.evaluate({"lang": "ru", "unspoken": [], "keys": None})
    assert passes(without, speech.KEY)
    assert failing(without, speech.AUDIO)[0][1] == ("The page offers no speech at all (no "
                                                   "speech settings).")


def idle_facts(**settings: object) -> dict:
    return {"settings": {"idle": 90, "countdown": 30, **settings},
            "dialog": ["#idle-dialog", "<dialog id=idle-dialog>"],
            "extend": ["#extend", "<button id=extend>", True, "More time", True]}


def test_the_idle_warning_needs_a_spoken_control_and_20_seconds() -> None:
    assert passes(idle.evaluate(idle_facts()), idle.RULE)
    short = idle.evaluate(idle_facts(countdown=10))
    assert failing(short, idle.RULE) == [("#idle-dialog", "The warning counts down 10 s; a "
                                          "visitor needs at least 20 s to ask for more time.")]
    unspoken = idle_facts()
    unspoken["extend"][4] = False
    assert "no speech key" in failing(idle.evaluate(unspoken), idle.RULE)[0][1]
    assert passes(idle.evaluate({**idle_facts(), "settings": {"preview": True}}), idle.RULE)
    assert failing(idle.evaluate({"settings": None, "dialog": None, "extend": None}),
                   idle.RULE)[0][0] == "html"


def test_requests_outside_the_stands_server_fail_each_on_its_own() -> None:
    log = [{"message": json.dumps({"message": {"method": method, "params": params}})}
           for method, params in (
               ("Network.requestWillBeSent", {"request": {"url": "http://127.0.0.1:8080/a.css"},
                                              "type": "Stylesheet"}),
               ("Network.requestWillBeSent", {"request": {"url": "https://cdn.example/x.js"},
                                              "type": "Script"}),
               ("Network.webSocketCreated", {"url": "wss://push.example/socket"}))]
    assert network.requested(log) == [("http://127.0.0.1:8080/a.css", "Stylesheet"),
                                      ("https://cdn.example/x.js", "Script"),
                                      ("wss://push.example/socket", "WebSocket")]
    found = network.evaluate({"stand": "http://127.0.0.1:8080", "outside": [
        ["https://cdn.example/x.js", "Script", "script:nth-of-type(2)", "<script src=…>"],
        ["wss://push.example/socket", "WebSocket", None, None],
        ["https://fonts.example/f.woff2", "Font", None, None]]})
    assert [target for target, _ in failing(found, network.RULE)] == [
        "script:nth-of-type(2)", "html", "html"]
    assert "from https://push.example, not from the stand's server" in failing(
        found, network.RULE)[1][1]
    assert passes(network.evaluate({"stand": "http://127.0.0.1:8080", "outside": []}),
                  network.RULE)
