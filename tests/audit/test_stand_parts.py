"""The parts of a stand audit that need no browser: reading stand addresses, and
telling audible speech from missing, broken, short or silent audio."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile

from accessibility_audit.checks.stand.audio import verdict
from accessibility_audit.discovery.stand import HOME, StandPage, locate, parse
from accessibility_audit.urls import BadUrl


@pytest.mark.parametrize(("url", "lang", "page"), [
    ("http://127.0.0.1:8080/stand/main", None, None),
    ("http://127.0.0.1:8080/stand/main/", None, None),
    ("http://127.0.0.1:8080/stand/main/kk", "kk", None),
    ("http://127.0.0.1:8080/stand/main/kk/", "kk", HOME),
    ("http://127.0.0.1:8080/stand/main/ru/hours?mode=large", "ru", "hours"),
])
def test_stand_addresses_are_read(url: str, lang: str | None, page: str | None) -> None:
    address, found_lang, found_page = parse(url)
    assert address.base == "http://127.0.0.1:8080/stand/main/"
    assert (found_lang, found_page) == (lang, page)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/admin/", "http://127.0.0.1/stand/",
                                 "http://127.0.0.1:8080/stand/main/hours",
                                 "ftp://127.0.0.1/stand/main/"])
def test_other_addresses_are_refused_with_an_example(url: str) -> None:
    with pytest.raises(BadUrl, match="is not a stand address|is not an http"):
        parse(url)


def test_a_page_view_is_located_with_its_mode() -> None:
    address, _lang, _page = parse("http://127.0.0.1:8080/stand/main/")
    url = address.page_url("kk", "contacts", "large-contrast")
    assert url == "http://127.0.0.1:8080/stand/main/kk/contacts?mode=large-contrast"
    assert locate(url) == StandPage("contacts", "kk", "large-contrast")
    assert locate(address.page_url("en", HOME)) == StandPage(HOME, "en", "standard")


def ogg(samples: np.ndarray, rate: int = 22_050) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="OGG", subtype="VORBIS")
    return buffer.getvalue()


def test_audible_audio_passes() -> None:
    seconds = np.arange(22_050) / 22_050
    assert verdict(ogg(0.2 * np.sin(2 * np.pi * 220 * seconds))) is None


@pytest.mark.parametrize(("data", "problem"), [
    (ogg(np.zeros(22_050)), "is silent"),
    (ogg(np.full(22_050, 0.001)), "is silent"),
    (ogg(0.2 * np.ones(1_000)), "too short"),
    (b"<!doctype html><p>Not found</p>", "does not decode"),
])
def test_silent_short_and_broken_audio_are_told_apart(data: bytes, problem: str) -> None:
    assert problem in (verdict(data) or "")
