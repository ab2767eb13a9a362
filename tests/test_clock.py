"""One clock for the whole server: pages, forms, accounts and the store all take "now"
from kiosk.clock, so the NOW setting moves them together (issue 15: the store used to
read the real clock while the pages were pinned)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import config
from kiosk.auth import Role, add_user
from kiosk.content import Content
from kiosk.speech.warm import page_paths
from kiosk.store import drafts, publisher, reader, store
from kiosk.store.tables import User
from tests.conftest import DEMO_NOW, make_app
from tests.stand_credentials import stand_client

LATER = DEMO_NOW + dt.timedelta(days=40)


def test_the_store_stamps_what_it_writes_with_the_settings_clock(
        tmp_path: Path, demo_content: Content) -> None:
    app = make_app(tmp_path, demo_content)  # published at DEMO_NOW
    assert reader(app).current("koktal-akimat").published_at == DEMO_NOW
    assert publisher(app).stamps.section_stamps("main")["hours"].updated_at == DEMO_NOW
    app.config["NOW"] = LATER
    publisher(app).stamps.mark_reviewed("main", "hours", "Айгерім")
    assert publisher(app).stamps.section_stamps("main")["hours"].reviewed_at == LATER
    drafts(app).save("koktal-akimat", "main", "aigerim", 1, {"name": {}})
    assert drafts(app).get("main", "aigerim").updated_at == LATER
    with store(app).sessions.begin() as db:
        add_user(db, "bolat", "correct horse battery", Role.AUDITOR)
    with store(app).sessions() as db:
        assert db.scalar(select(User.created_at).where(User.username == "bolat")) == LATER


def test_the_pages_and_the_store_agree_on_now(tmp_path: Path, demo_content: Content) -> None:
    app = make_app(tmp_path, demo_content)
    stand = stand_client(app, "main-hall")
    stand.get("/stand/main/kk/live.json?stand=main-hall")
    contact = app.extensions["kiosk.stands"].contacts()["main-hall"]
    assert contact.last_seen == DEMO_NOW


def test_now_is_a_setting_with_its_zone() -> None:
    values = config.load({"KIOSK_NOW": "2026-11-27T11:00+05:00"})
    assert values["NOW"] == DEMO_NOW
    assert config.load({})["NOW"] is None
    with pytest.raises(config.SettingError, match="time zone"):
        config.load({"KIOSK_NOW": "2026-11-27T11:00"})
    with pytest.raises(config.SettingError, match="time zone"):
        config.check({**config.load({}), "NOW": dt.datetime(2026, 11, 27, 11)})


def test_the_stand_hands_the_speech_warm_up_its_pages(tmp_path: Path,
                                                      demo_content: Content) -> None:
    paths = list(page_paths(make_app(tmp_path, demo_content)))
    assert "/stand/main/kk/" in paths and "/stand/reception/en/feedback" in paths
    # Every page of both locations in three languages, and nothing else.
    assert len(paths) == len(set(paths)) == 2 * 3 * 8
