"""Speech faults never stop the server (issue 13, item 2): espeak-ng's data missing, a
cache folder that is a file or stops being writable, an engine that crashes or hangs.
The pages keep working, the stand is told that speech is unavailable, the log says why
in one line, and a crash costs only the text being spoken."""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest
from flask import Flask

from kiosk.speech import engine as engine_module
from kiosk.speech.engine import EngineCrashed, EngineProcess, SpeechUnavailable
from kiosk.speech.service import SpeechService
from kiosk.speech.synth import VOICES
from tests.conftest import make_app
from tests.served import Served, kiosk_env, set_up

SAY = re.compile(rb'data-say="([0-9a-f]{24})"')


def speech_keys(server: Served, path: str = "/stand/main/kk/hours") -> list[str]:
    status, body = server.get(path)
    assert status == 200
    return [key.decode() for key in SAY.findall(body)]


def keeps_serving(server: Served, seconds: float) -> None:
    """Pages answer throughout ``seconds`` (espeak-ng used to end the server after ~2 s)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.get("/stand/main/ru/contacts")[0] == 200, server.log()
        time.sleep(0.5)
    assert server.alive(), server.log()


@pytest.mark.parametrize("warm", ["1", "0"])
def test_missing_espeak_data_costs_speech_not_the_server(tmp_path: Path, warm: str) -> None:
    empty = tmp_path / "nodata"
    empty.mkdir()
    env = kiosk_env(tmp_path, ESPEAK_DATA_PATH=str(empty), KIOSK_SPEECH_WARM=warm)
    set_up(env)
    with Served(env, tmp_path / "server.log") as server:
        keys = speech_keys(server)
        for key in keys[:3]:
            status, body = server.get(f"/speech/normal/{key}.ogg")
            assert status == 503 and b"speech is unavailable" in body, (status, server.log())
        keeps_serving(server, 5)
        status, body = server.get("/speech/status.json")
        assert b'"kk":false' in body.replace(b" ", b"")
        assert b'"available": false' in server.get("/stand/main/kk/")[1]
        log = server.log()
    assert "Traceback" not in log
    lines = [line for line in log.splitlines() if "phontab" in line]
    assert len(lines) == 1, log
    assert "speech is unavailable" in lines[0] and "pages work without it" in lines[0]


def test_a_speech_cache_path_that_is_a_file_costs_only_speech(tmp_path: Path) -> None:
    in_the_way = tmp_path / "speech-is-a-file"
    in_the_way.write_text("not a folder")
    env = kiosk_env(tmp_path, KIOSK_SPEECH_CACHE_DIR=str(in_the_way), KIOSK_SPEECH_WARM="1")
    set_up({**env, "KIOSK_SPEECH_CACHE_DIR": str(tmp_path / "setup-speech")})
    with Served(env, tmp_path / "server.log") as server:
        key = speech_keys(server)[0]
        assert server.get(f"/speech/normal/{key}.ogg")[0] == 503
        keeps_serving(server, 2)
        assert b'"available": false' in server.get("/stand/main/en/")[1]
        log = server.log()
    assert "Traceback" not in log
    faults = [line for line in log.splitlines() if "cannot be used" in line]
    assert len(faults) == 1, log
    assert (f"the speech cache folder {in_the_way} cannot be used (a file is in the way of the "
            "folder); set KIOSK_SPEECH_CACHE_DIR to a folder the server may write") in faults[0]


def test_a_cache_folder_that_cannot_be_written_any_more_costs_only_speech(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    client = app.test_client()
    speech: SpeechService = app.extensions["kiosk.speech"]
    keys = SAY.findall(client.get("/stand/main/kk/hours").data)
    shutil.rmtree(speech.audio.root)
    speech.audio.root.write_text("a file where the folder was")
    caplog.set_level(logging.ERROR, logger="kiosk.speech.service")
    for key in keys[:4]:
        assert client.get(f"/speech/normal/{key.decode()}.ogg").status_code == 503
    assert client.get("/stand/main/kk/hours").status_code == 200
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1, messages
    assert "cannot be used (a file is in the way of the folder)" in messages[0]
    assert client.get("/speech/status.json").get_json()["available"]["kk"] is False


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> EngineProcess:
    monkeypatch.setattr(engine_module, "JOB_SECONDS", 3.0)
    engine = EngineProcess()
    yield engine
    engine.close()


def test_an_engine_killed_between_texts_is_started_again(engine: EngineProcess) -> None:
    assert engine.speak("Сәлеметсіз бе!", VOICES["kk"], 160).startswith(b"OggS")
    os.kill(engine.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while engine.pid is not None:  # the kernel ends it in a moment
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert engine.speak("Здравствуйте!", VOICES["ru"], 160).startswith(b"OggS")
    assert engine.starts == 2


@pytest.mark.parametrize("how", [signal.SIGSEGV, signal.SIGABRT])
def test_an_engine_that_crashes_while_speaking_costs_that_text(engine: EngineProcess,
                                                              how: signal.Signals) -> None:
    engine.start()
    pid = engine.pid
    os.kill(pid, signal.SIGSTOP)  # the text is sent while the engine cannot take it yet
    from threading import Timer

    # The crash comes while the text is being spoken: delivered, then the engine resumed.
    Timer(0.5, lambda: (os.kill(pid, how), os.kill(pid, signal.SIGCONT))).start()
    with pytest.raises(EngineCrashed, match=f"stopped while speaking \\(ended by {how.name}\\)"):
        engine.speak("Бұл мәтін айтылмайды.", VOICES["kk"], 160)
    assert engine.speak("This one is.", VOICES["en"], 160).startswith(b"OggS")
    assert engine.starts == 2


def test_an_engine_that_hangs_is_ended_and_replaced(engine: EngineProcess) -> None:
    engine.start()
    hung = engine.pid
    os.kill(hung, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(EngineCrashed, match="no answer within 3 s"):
        engine.speak("Ответа не будет.", VOICES["ru"], 160)
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):
        os.kill(hung, 0)  # ended, not left behind
    assert engine.speak("Сәлеметсіз бе!", VOICES["kk"], 160).startswith(b"OggS")


def test_an_engine_that_cannot_start_is_tried_again_a_minute_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(tmp_path))
    engine = EngineProcess()
    with pytest.raises(SpeechUnavailable, match="could not start .*phontab"):
        engine.speak("Сәлем", VOICES["kk"], 160)
    with pytest.raises(SpeechUnavailable, match="phontab"):
        engine.speak("Сәлем", VOICES["kk"], 160)
    assert engine.starts == 1, "not started again within the minute"


def test_a_crash_fails_one_request_and_the_language_stays_available(
        tmp_path: Path, demo_content, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, demo_content)
    speech: SpeechService = app.extensions["kiosk.speech"]
    engine = EngineProcess()
    speech.synth.engine = engine
    client = app.test_client()
    keys = [k.decode() for k in SAY.findall(client.get("/stand/main/kk/hours").data)]
    engine.start()
    pid = engine.pid
    os.kill(pid, signal.SIGSTOP)
    from threading import Timer

    Timer(0.5, lambda: (os.kill(pid, signal.SIGSEGV), os.kill(pid, signal.SIGCONT))).start()
    try:
        assert client.get(f"/speech/normal/{keys[0]}.ogg").status_code == 503
        with client.get(f"/speech/normal/{keys[1]}.ogg") as response:
            assert response.status_code == 200
        assert speech.available("kk")
    finally:
        engine.close()
