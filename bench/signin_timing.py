"""Sign-in timing: how long a refused sign-in takes for each kind of name, so nobody can
tell a locked or disabled account from an unknown name by the clock (each costs one
argon2 check), and how long a successful one takes.

Runs the app in-process on a SQLite file, through the real sign-in form.

    make bench-signin      # or: .venv/bin/python bench/signin_timing.py
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk import create_app  # noqa: E402
from kiosk.auth import MAX_FAILURES, Role, add_user, set_disabled  # noqa: E402
from kiosk.store import store  # noqa: E402

PASSWORD = "correct horse battery"
ROUNDS = 30


def attempt_ms(client, username: str, password: str) -> float:  # type: ignore[no-untyped-def]
    html = client.get("/admin/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)[1]
    started = time.perf_counter()
    client.post("/admin/login", data={"username": username, "password": password,
                                      "csrf_token": token})
    return (time.perf_counter() - started) * 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-signin-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'kiosk.sqlite3'}",
                      "SECRET_KEY": "bench", "SPEECH_CACHE_DIR": str(folder / "speech")})
    store(app).upgrade()
    # Wrong passwords go to several accounts, four each, so none locks during the run.
    wrong = [f"known{n}" for n in range(ROUNDS // (MAX_FAILURES - 1) + 1)]
    with store(app).sessions.begin() as db:
        for name in ("right", "locked", "disabled", *wrong):
            add_user(db, name, PASSWORD, Role.AUDITOR)
        set_disabled(db, "disabled")
    for _ in range(MAX_FAILURES):
        attempt_ms(app.test_client(), "locked", "wrong wrong wrong")
    cases = {"unknown name": lambda n: ("nobody", PASSWORD),
             "locked account": lambda n: ("locked", PASSWORD),
             "disabled account": lambda n: ("disabled", PASSWORD),
             "wrong password": lambda n: (wrong[n // (MAX_FAILURES - 1)], "wrong wrong wrong"),
             "right password": lambda n: ("right", PASSWORD)}
    print(f"{'sign-in':<18} {'median ms':>10} {'p90 ms':>8}   ({ROUNDS} rounds each)")
    for label, case in cases.items():
        times = sorted(attempt_ms(app.test_client(), *case(n)) for n in range(ROUNDS))
        print(f"{label:<18} {statistics.median(times):>10.1f} "
              f"{times[int(ROUNDS * 0.9) - 1]:>8.1f}")


if __name__ == "__main__":
    main()
