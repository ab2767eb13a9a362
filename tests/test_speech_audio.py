"""Real speech from espeak-ng: synthesised once, cached, served only for known texts."""

from __future__ import annotations

import io
import logging
import multiprocessing
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import soundfile
from flask import Flask

from kiosk.speech.cache import AudioCache
from kiosk.speech.service import SpeechService
from tests.conftest import make_app

SENTENCES = {
    "kk": "Әкімдік сағат тоғыздан он сегіз отызға дейін жұмыс істейді.",
    "ru": "Акимат работает с девяти до восемнадцати тридцати.",
    "en": "The akimat is open from nine to six thirty.",
}


@pytest.fixture
def speech(tmp_path: Path) -> SpeechService:
    return SpeechService(tmp_path / "speech", 50 * 1024 * 1024)


def decode(data: bytes) -> tuple[np.ndarray, int]:
    samples, rate = soundfile.read(io.BytesIO(data), dtype="float32")
    return samples, rate


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_each_language_is_spoken_as_audible_speech(speech: SpeechService, lang: str) -> None:
    text = SENTENCES[lang]
    path = speech.audio_path(speech.utterance(text, lang).key)
    samples, rate = decode(path.read_bytes())
    seconds = samples.size / rate
    # Speech at about 160 words a minute: between 30 and 150 ms per character.
    assert 0.03 * len(text) < seconds < 0.15 * len(text), seconds
    assert float(np.sqrt(np.mean(samples**2))) > 0.02, "the audio is (nearly) silent"
    voiced = np.mean(np.abs(samples) > 0.02)
    assert voiced > 0.3, "speech should fill most of the utterance"
    assert path.stat().st_size < 6000 * seconds, "compressed well below WAV's 44 kB/s"


def test_faster_speech_is_shorter(speech: SpeechService) -> None:
    key = speech.utterance(SENTENCES["ru"], "ru").key
    slow, _ = decode(speech.audio_path(key, "slower").read_bytes())
    fast, _ = decode(speech.audio_path(key, "faster").read_bytes())
    assert fast.size < 0.75 * slow.size


def test_a_cached_utterance_is_not_synthesised_again(speech: SpeechService) -> None:
    key = speech.utterance(SENTENCES["kk"], "kk").key
    first = speech.audio_path(key)
    assert speech.synth.count == 1
    again = SpeechService(speech.audio.root.parent, speech.audio.max_bytes)
    assert again.audio_path(key) == first  # another process finds it on disk
    assert speech.audio_path(key) == first
    assert speech.synth.count == 1 and again.synth.count == 0


def test_concurrent_requests_share_one_synthesis_per_text(tmp_path: Path,
                                                          demo_content) -> None:
    app = make_app(tmp_path, demo_content)
    speech: SpeechService = app.extensions["kiosk.speech"]
    keys = [speech.utterance(f"Сәлеметсіз бе! Бұл {n}-хабарлама.", "kk").key for n in range(10)]

    def fetch(n: int) -> int:
        with app.test_client().get(f"/speech/normal/{keys[n % 10]}.ogg") as response:
            return response.status_code

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(fetch, range(30)))
    assert statuses == [200] * 30
    assert speech.synth.count == 10


def test_the_endpoint_serves_only_what_the_server_said(app: Flask) -> None:
    client = app.test_client()
    speech: SpeechService = app.extensions["kiosk.speech"]
    html = client.get("/stand/main/kk/contacts").get_data(as_text=True)
    key = re.search(r'data-say="([0-9a-f]{24})"', html)[1]
    with client.get(f"/speech/normal/{key}.ogg") as response:
        assert response.status_code == 200
        assert response.mimetype == "audio/ogg"
        assert "immutable" in response.headers["Cache-Control"]
        etag = response.headers["ETag"]
    with client.get(f"/speech/normal/{key}.ogg", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304
    unknown = "0123456789abcdef01234567"
    assert speech.utterance("Nobody asked for this.", "en").key != unknown
    for path in (f"/speech/normal/{unknown}.ogg", f"/speech/loud/{key}.ogg",
                 "/speech/normal/../../etc/passwd.ogg", f"/speech/normal/{key}.ogg?text=hi",
                 "/speech/normal/" + "a" * 5000 + ".ogg"):
        with client.get(path) as response:
            assert response.status_code == 404, path


def test_the_cache_stays_within_its_size_and_keeps_recent_entries(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path, max_bytes=10_000)
    for n in range(30):
        cache.put(f"{n:024x}.normal.ogg", bytes(1000))
        cache.get(f"{0:024x}.normal.ogg")  # keep using the first entry
    assert cache.size <= 10_000
    assert cache.get(f"{0:024x}.normal.ogg") is not None, "recently used entries stay"
    assert cache.get(f"{1:024x}.normal.ogg") is None, "the least recently used go first"


def _write_many(root: str, payload: bytes) -> None:
    cache = AudioCache(Path(root), max_bytes=10_000_000)
    for _ in range(200):
        cache.put("abcdef0123456789abcdef01.normal.ogg", payload)


def test_two_processes_writing_one_entry_leave_a_whole_file(tmp_path: Path) -> None:
    payloads = [b"a" * 50_000, b"b" * 50_000]
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(str(tmp_path), p)) for p in payloads]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    final = (tmp_path / "ab" / "abcdef0123456789abcdef01.normal.ogg").read_bytes()
    assert final in payloads
    assert not list(tmp_path.glob("*/.tmp-*")), "no half-written files are left behind"


def test_broken_speech_keeps_the_pages_working(tmp_path: Path, demo_content,
                                               caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(tmp_path, demo_content, SPEECH_VOICES={"kk": "no-such/voice"})
    client = app.test_client()
    html = client.get("/stand/main/kk/hours").get_data(as_text=True)
    keys = re.findall(r'data-say="([0-9a-f]{24})"', html)[:3]
    caplog.set_level(logging.ERROR, logger="kiosk.speech.service")
    for key in keys:
        with client.get(f"/speech/normal/{key}.ogg") as response:
            assert response.status_code == 503
            assert response.get_json()["error"].startswith("speech is unavailable")
    assert len([r for r in caplog.records if "unavailable" in r.getMessage()]) == 1
    assert client.get("/speech/status.json").get_json()["available"]["kk"] is False
    assert '"available": false' in client.get("/stand/main/kk/").get_data(as_text=True)
    assert client.get("/stand/main/ru/hours").status_code == 200


def _espeak_duration(tmp_path: Path, voice: str, text: str) -> float:
    import subprocess

    reference = tmp_path / f"reference-{voice}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(reference), text],
                   check=True, timeout=60)
    return soundfile.info(str(reference)).duration


def test_each_text_is_spoken_with_its_own_languages_voice(speech: SpeechService,
                                                          tmp_path: Path) -> None:
    text = SENTENCES["kk"]
    speech.audio_path(speech.utterance(SENTENCES["ru"], "ru").key)  # the engine speaks Russian
    samples, rate = decode(speech.audio_path(speech.utterance(text, "kk").key).read_bytes())
    seconds = samples.size / rate
    kazakh = _espeak_duration(tmp_path, "kk", text)
    russian = _espeak_duration(tmp_path, "ru", text)
    # The same text takes 4.4 s with the Kazakh voice and 9.5 s with the Russian one.
    assert abs(seconds - kazakh) < 0.05 * kazakh
    assert abs(seconds - russian) > 0.3 * russian
