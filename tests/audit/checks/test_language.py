"""The language statistics on real Kazakh and Russian text, without a browser."""

from __future__ import annotations

import pytest

from accessibility_audit.checks.language import evaluate, page_language, primary, weigh
from tests.audit.checks.samples import KAZAKH, RUSSIAN, RUSSIAN_WITH_NAMES, UNDECIDED


@pytest.mark.parametrize("text", KAZAKH)
def test_kazakh_text_is_kazakh(text: str) -> None:
    assert weigh(text).language == "kk"


@pytest.mark.parametrize("text", RUSSIAN)
def test_russian_text_is_russian(text: str) -> None:
    assert weigh(text).language == "ru"


@pytest.mark.parametrize("text", RUSSIAN_WITH_NAMES)
def test_kazakh_names_do_not_make_russian_text_kazakh(text: str) -> None:
    assert weigh(text).language != "kk"


@pytest.mark.parametrize("text", UNDECIDED)
def test_names_labels_and_numbers_decide_nothing(text: str) -> None:
    assert weigh(text).language is None


def test_a_page_is_in_the_language_of_most_of_its_words() -> None:
    assert page_language([RUSSIAN[2], RUSSIAN[3], KAZAKH[2]]) == "ru"
    assert page_language([KAZAKH[0], KAZAKH[3], RUSSIAN[0]]) == "kk"
    assert page_language(UNDECIDED) is None


def test_lang_attributes_are_read_by_their_language_subtag() -> None:
    assert [primary(v) for v in ("ru-RU", "kk_KZ", " KK ", "kz", "en")] == \
        ["ru", "kk", "kk", "kk", "en"]


def _piece(target: str, text: str, lang: str, inherited: bool) -> dict:
    return {"target": target, "html": f"<p id='{target[1:]}'>", "text": text, "lang": lang,
            "inherited": inherited}


def test_a_kazakh_page_marked_russian_fails_once_at_the_page() -> None:
    gathered = {"lang": "ru", "html": '<html lang="ru">',
                "pieces": [_piece("#a", KAZAKH[0], "ru", True), _piece("#b", KAZAKH[1], "ru", True),
                           _piece("#c", RUSSIAN[0], "ru", False)]}
    page, parts = evaluate(gathered)
    assert [(n.target, n.message) for n in page.failed] == [
        ("html", "The text is in Kazakh (kk), but its language is given as 'ru': "
                 'mark it lang="kk"')]
    # The passages inheriting the page's language are the page's problem, not theirs.
    assert not parts.failed and [n.target for n in parts.passed] == ["#c"]


def test_passages_in_the_other_language_fail_unless_marked() -> None:
    gathered = {"lang": "ru-RU", "html": '<html lang="ru-RU">',
                "pieces": [_piece("#a", RUSSIAN[2], "ru-RU", True),
                           _piece("#b", KAZAKH[2], "ru-RU", True),
                           _piece("#c", KAZAKH[3], "kk", False),
                           _piece("#d", RUSSIAN[4], "kk", False)]}
    page, parts = evaluate(gathered)
    assert not page.failed
    assert [n.target for n in parts.failed] == ["#b", "#d"]
    assert [n.target for n in parts.passed] == ["#a", "#c"]
