"""Settings are documented data: each one is in docs/settings.md and parsed with a clear error."""

from __future__ import annotations

import re

import pytest

from kiosk import config
from tests.conftest import ROOT

MANUAL = ROOT / "docs" / "settings.md"


def test_every_setting_is_documented_in_the_settings_manual() -> None:
    manual = MANUAL.read_text(encoding="utf-8")
    missing = [s.name for s in config.SETTINGS if f"| `KIOSK_{s.name}` |" not in manual]
    assert not missing, f"document these settings in the table of docs/settings.md: {missing}"


def test_the_settings_manual_documents_no_setting_that_does_not_exist() -> None:
    documented = re.findall(r"^\| `KIOSK_(\w+)` \|", MANUAL.read_text(encoding="utf-8"), re.M)
    known = {s.name for s in config.SETTINGS}
    assert documented, "docs/settings.md has no table of settings"
    unknown = [name for name in documented if name not in known]
    assert not unknown, f"docs/settings.md documents settings kiosk/config.py lacks: {unknown}"


def test_defaults_load_and_values_are_parsed() -> None:
    values = config.load({"KIOSK_PANEL_RESOLUTION": "3840x2160", "KIOSK_IDLE_SECONDS": "120"})
    assert values["PANEL_RESOLUTION"] == (3840, 2160)
    assert values["IDLE_SECONDS"] == 120
    assert config.load({})["DEFAULT_LANGUAGE"] == "kk"


@pytest.mark.parametrize(("name", "value", "message"), [
    ("KIOSK_IDLE_SECONDS", "soon", "KIOSK_IDLE_SECONDS='soon'"),
    ("KIOSK_PANEL_RESOLUTION", "1920", "KIOSK_PANEL_RESOLUTION='1920'"),
    ("KIOSK_IDLE_COUNTDOWN_SECONDS", "10", "at least 20"),
    ("KIOSK_CONTENT_POLL_SECONDS", "300", "within a minute"),
    ("KIOSK_DEFAULT_LANGUAGE", "de", "kk, ru or en"),
    ("KIOSK_DATABASE_URL", "postgresql://db.internal/kiosk", "postgresql\\+psycopg://"),
    ("KIOSK_DATABASE_URL", "mysql://db.internal/kiosk", "SQLite and PostgreSQL only"),
])
def test_bad_values_are_refused_with_the_reason(name: str, value: str, message: str) -> None:
    with pytest.raises(config.SettingError, match=message):
        config.load({name: value})


def test_large_type_grows_with_viewing_distance_and_pixel_density() -> None:
    base = config.load({})
    assert config.large_type_px(base) == pytest.approx(41.4, abs=0.1)
    far = config.load({"KIOSK_VIEWING_DISTANCE_MM": "800"})
    assert config.large_type_px(far) == pytest.approx(41.4 * 800 / 600, rel=0.001)
    uhd = config.load({"KIOSK_PANEL_RESOLUTION": "3840x2160"})
    assert config.large_type_px(uhd) == pytest.approx(82.8, abs=0.2)
