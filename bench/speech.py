"""Speech benchmark: warm-up time, synthesis speed per language, cache size, and the time
from pressing "Listen" to the first audio, with a cold and a warm cache.

Starts the real server (`kiosk serve`, background warming off) on 127.0.0.1 and drives
headless Chromium against it.

    make bench-speech      # or: .venv/bin/python bench/speech.py
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import soundfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import free_port, wait_until_up  # noqa: E402
from kiosk.public.blueprint import STAND_PAGES  # noqa: E402

FIRST_AUDIO = """
const done = arguments[arguments.length - 1];
const started = performance.now();
document.addEventListener('kiosk:speaking', () => done(performance.now() - started),
                          { once: true });
document.querySelector("[data-speech='listen']").click();
setTimeout(() => done(null), 10000);
"""


def first_audio_ms(base: str, lang: str) -> list[float]:
    from accessibility_audit.browser import start_chromium

    driver = start_chromium()
    try:
        times = []
        for page in STAND_PAGES:
            driver.get(f"{base}/stand/main/{lang}/{page}")
            elapsed = driver.execute_async_script(FIRST_AUDIO)
            if elapsed is None:
                raise SystemExit(f"no audio started on /stand/main/{lang}/{page}")
            times.append(elapsed)
            driver.execute_script("window.kioskSpeech.stop()")
        return times
    finally:
        driver.quit()


def synthesis_speed(env: dict[str, str]) -> None:
    os.environ.update(env)
    from kiosk import create_app
    from kiosk.speech.engine import EngineProcess
    from kiosk.speech.synth import Synthesizer
    from kiosk.speech.warm import register_all

    app = create_app()
    register_all(app)
    utterances = app.extensions["kiosk.speech"].known()
    engine = EngineProcess()
    started = time.perf_counter()
    engine.start()
    start_seconds = time.perf_counter() - started
    synth = Synthesizer(engine=engine)
    print(f"{'language':<10} {'utterances':>10} {'audio s':>8} {'compute s':>10} "
          f"{'audio/compute':>14}")
    for lang in ("kk", "ru", "en"):
        texts = [u.spoken for u in utterances if u.lang == lang][:150]
        started = time.perf_counter()
        audio = [synth.submit(lang, text, "normal").result() for text in texts]
        compute = time.perf_counter() - started
        seconds = sum(soundfile.info(io.BytesIO(a)).duration for a in audio)
        print(f"{lang:<10} {len(texts):>10} {seconds:>8.1f} {compute:>10.2f} "
              f"{seconds / compute:>13.0f}x")
    print(f"\nThe espeak-ng process beside the server: started in {start_seconds:.2f} s, "
          f"{_rss_mb(engine.pid):.0f} MB resident after {3 * 150} texts")
    engine.close()


def _rss_mb(pid: int | None) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KIOSK_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "KIOSK_SECRET_KEY": "bench", "KIOSK_SPEECH_CACHE_DIR": f"{tmp}/speech",
               "KIOSK_SPEECH_WARM": "0"}
        kiosk = [sys.executable, "-m", "kiosk.cli"]
        subprocess.run([*kiosk, "setup"], env=env, check=True, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*kiosk, "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base + "/stand/main/kk/")
            cold = first_audio_ms(base, "kk")
            started = time.perf_counter()
            warm = subprocess.run([*kiosk, "speech", "warm"], env=env, check=True,
                                  capture_output=True, text=True)
            warm_seconds = time.perf_counter() - started
            print(f"Warm-up of the whole demo content, kk/ru/en ('kiosk speech warm'): "
                  f"{warm_seconds:.1f} s (target: under 60 s)")
            print("  " + warm.stdout.strip().splitlines()[-1])
            size = sum(p.stat().st_size for p in Path(tmp, "speech").rglob("*") if p.is_file())
            print(f"Speech cache for the demo content: {size / 1e6:.1f} MB on disk")
            warm_times = [t for lang in ("kk", "ru", "en") for t in first_audio_ms(base, lang)]
        finally:
            server.terminate()
            server.wait(10)
        print("\nTime from pressing Listen to the first audio (6 pages each):")
        print(f"  cold cache (first sentence synthesised on demand): median "
              f"{statistics.median(cold):.0f} ms, max {max(cold):.0f} ms (target: 500 ms)")
        print(f"  warm cache: median {statistics.median(warm_times):.0f} ms, max "
              f"{max(warm_times):.0f} ms over {len(warm_times)} pages (target: 150 ms)")
        print("\nSynthesis speed, seconds of audio per second of compute (espeak-ng, "
              "Ogg Vorbis encoding included):")
        synthesis_speed({k: v for k, v in env.items() if k.startswith("KIOSK_")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
