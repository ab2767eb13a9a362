"""Time to acknowledge calls for assistance, per stand and month, in the engagement
register: the counting, the table and the CSV file."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

from flask import Flask

from kiosk.admin.response_times import duration_text, first_month, per_stand_month
from kiosk.auth import Role, add_user
from kiosk.store import assistance_desk, store
from kiosk.store.assistance import Call, Need
from tests.conftest import DEMO_NOW
from tests.test_admin import PASSWORD, sign_in

ALMATY = ZoneInfo("Asia/Almaty")
T0 = dt.datetime(2026, 10, 5, 5, 0, tzinfo=dt.UTC)


def call(stand: str, created: dt.datetime, ack_after: float | None = None,
         closed_by: str | None = None, close_after: float | None = None,
         escalated: bool = False) -> Call:
    minutes = dt.timedelta(minutes=1)
    return Call(1, "main", stand, Need.FORM, "kk", created,
                created + ack_after * minutes if ack_after is not None else None,
                "staff" if ack_after is not None else None,
                created + close_after * minutes if close_after is not None else None,
                closed_by, created if escalated else None)


def test_median_longest_and_unanswered_per_stand_and_local_month() -> None:
    rows = per_stand_month([
        call("hall", T0, ack_after=1),
        call("hall", T0 + dt.timedelta(hours=1), ack_after=2),
        call("hall", T0 + dt.timedelta(hours=2), ack_after=10, escalated=True),
        # Closed by staff without acknowledging first: answered when closed.
        call("hall", T0 + dt.timedelta(hours=3), closed_by="staff", close_after=4),
        # Withdrawn by the visitor before anyone answered; one still waiting.
        call("hall", T0 + dt.timedelta(hours=4), closed_by="", close_after=6),
        call("hall", T0 + dt.timedelta(hours=5)),
        call("floor2", T0, ack_after=0.5),
        # 31 October 20:00 UTC is already 1 November in Almaty.
        call("hall", dt.datetime(2026, 10, 31, 20, 0, tzinfo=dt.UTC), ack_after=3),
    ], ALMATY)
    summary = [(r.month.isoformat(), r.stand_id, r.calls, r.answered, r.unanswered,
                r.escalated, r.median, r.longest) for r in rows]
    minute = dt.timedelta(minutes=1)
    assert summary == [
        ("2026-11-01", "hall", 1, 1, 0, 0, 3 * minute, 3 * minute),
        ("2026-10-01", "floor2", 1, 1, 0, 0, minute / 2, minute / 2),
        ("2026-10-01", "hall", 6, 4, 2, 1, 3 * minute, 10 * minute),
    ]


def test_durations_and_months_read_in_each_language() -> None:
    wait = dt.timedelta(minutes=2, seconds=30)
    assert duration_text(wait, "kk") == "2 мин 30 с"
    assert duration_text(wait, "en") == "2 min 30 sec"
    assert duration_text(dt.timedelta(seconds=45), "ru") == "45 с"
    assert duration_text(None, "ru") == "—"
    assert first_month(dt.date(2026, 11, 27)) == dt.date(2025, 12, 1)
    assert first_month(dt.date(2026, 1, 3), 1) == dt.date(2026, 1, 1)


def seed(app: Flask) -> None:
    with store(app).sessions.begin() as db:
        add_user(db, "admin", PASSWORD, Role.ADMINISTRATOR, "Admin")
    desk = assistance_desk(app)
    first, _ = desk.call("main", "main-hall", Need.FORM, "ru",
                         DEMO_NOW - dt.timedelta(days=3))
    desk.acknowledge(first.id, "admin", first.created_at + dt.timedelta(seconds=90))
    desk.close(first.id, "admin", first.created_at + dt.timedelta(minutes=9))
    second, _ = desk.call("main", "main-hall", Need.FORM, "ru",
                          DEMO_NOW - dt.timedelta(days=2))
    desk.close(second.id, "", second.created_at + dt.timedelta(minutes=5))  # withdrawn
    # Long before the months shown: left out.
    old, _ = desk.call("main", "main-floor2", Need.FORM, "kk",
                       DEMO_NOW - dt.timedelta(days=400))
    desk.close(old.id, "admin", old.created_at + dt.timedelta(minutes=1))


def test_the_register_shows_the_table_and_gives_the_csv(app: Flask) -> None:
    seed(app)
    client = app.test_client()
    sign_in(client, "admin")
    client.get("/admin/language/ru")
    page = client.get("/admin/engagement/koktal-akimat").get_data(as_text=True)
    table = page[page.index('class="response-times"'):page.index("</table>",
                                                                 page.index("response-times"))]
    assert "ноябрь 2026" in table
    assert "1 этаж, фойе у входа (main-hall)" in table
    assert "1 мин 30 с" in table  # median and longest of the one answered call
    assert "main-floor2" not in table
    response = client.get("/admin/engagement/koktal-akimat/response-times.csv")
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["Месяц", "Здание", "Стенд", "Вызовы"]
    assert rows[1] == ["2026-11", "Здание акимата", "1 этаж, фойе у входа (main-hall)", "2",
                       "1", "1", "0", "90", "90"]
    assert len(rows) == 2
