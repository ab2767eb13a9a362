"""The language checks without a browser: the Kazakh/Russian weighing on real text,
the identifier for other languages, and the page and parts verdicts built on both."""

from __future__ import annotations

import pytest

from accessibility_audit.checks.language import primary, weigh
from accessibility_audit.checks.language_id import guess, subtag
from accessibility_audit.checks.language_match import evaluate
from tests.audit.checks.samples import (
    DUTCH,
    ENGLISH,
    FRENCH,
    KAZAKH,
    RUSSIAN,
    RUSSIAN_WITH_NAMES,
    UNDECIDED,
)


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


def _page(lang: str, *texts: str, title: str = "") -> dict:
    return {"lang": lang, "html": f'<html lang="{lang}">', "title": title,
            "pieces": [_piece(f"#p{i}", text, lang, True) for i, text in enumerate(texts)]}


def _page_verdict(gathered: dict) -> str:
    page, _ = evaluate(gathered)
    return ("failed" if page.failed else "review" if page.review
            else "passed" if page.passed else "none")


def test_a_page_is_in_the_language_of_most_of_its_words() -> None:
    assert _page_verdict(_page("ru", RUSSIAN[2], RUSSIAN[3], KAZAKH[2])) == "passed"
    assert _page_verdict(_page("ru", KAZAKH[0], KAZAKH[3], RUSSIAN[0])) == "failed"
    assert _page_verdict(_page("kk", *UNDECIDED)) == "none"


@pytest.mark.parametrize(("lang", "texts"), [
    ("en", ENGLISH), ("en-GB", ENGLISH), ("EN", ENGLISH), ("fr-CA", FRENCH), ("nl", DUTCH),
    ("kk-KZ", KAZAKH), ("kz", KAZAKH), ("ru", RUSSIAN)])
def test_text_in_the_language_its_lang_names_passes(lang: str, texts: list[str]) -> None:
    assert _page_verdict(_page(lang, *texts)) == "passed"


@pytest.mark.parametrize(("lang", "texts", "found"), [
    ("de", ENGLISH, "en"), ("en", FRENCH, "fr"), ("fr", DUTCH, "nl"), ("kk", ENGLISH, "en"),
    ("en", KAZAKH, "kk"), ("kk", RUSSIAN, "ru")])
def test_a_page_written_in_another_language_fails(lang: str, texts: list[str],
                                                  found: str) -> None:
    page, parts = evaluate(_page(lang, *texts))
    assert [n.target for n in page.failed] == ["html"]
    assert f'mark it lang="{found}"' in page.failed[0].message
    assert not parts.failed  # the page's failure, not each passage's


@pytest.mark.parametrize("lang", ["eng", "i-lux", "français", "zz", "", "zxx"])
def test_tags_the_identifier_cannot_read_decide_nothing(lang: str) -> None:
    page, parts = evaluate(_page(lang, *FRENCH))
    assert not (page.failed or page.review or page.passed or parts.failed or parts.review)


def test_close_relatives_and_macrolanguage_members_are_not_failed() -> None:
    norwegian = ("Kommunen tilbyr flere tjenester til innbyggerne, og de fleste søknader kan "
                 "sendes elektronisk fra nettsiden vår hele døgnet.")
    assert subtag("nb-NO") == "no" and subtag("nn") == "no"
    for lang in ("no", "nb", "nn", "da"):
        assert guess(norwegian, subtag(lang)) is None or \
            guess(norwegian, subtag(lang)).language == subtag(lang)  # type: ignore[union-attr]


def test_short_text_in_another_language_asks_for_review_not_failure() -> None:
    page, _ = evaluate(_page("nl", "Fireworks over Paris", title="Fireworks over Paris"))
    assert not page.failed and len(page.review) == 1
    assert "too short to be sure" in page.review[0].message
    # A sentence that is English and French alike decides nothing either way.
    assert _page_verdict(_page("fr", "Paul put dire comment on tape")) == "none"
    assert _page_verdict(_page("en", "Paul put dire comment on tape")) == "passed"


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


def test_marked_passages_in_other_languages_fail_or_ask_for_review_by_length() -> None:
    gathered = {"lang": "en", "html": '<html lang="en">', "title": "",
                "pieces": [_piece("#a", ENGLISH[0], "en", True),
                           _piece("#dutch-as-french", DUTCH[1], "fr", False),
                           _piece("#french", FRENCH[0], "fr-FR", False),
                           _piece("#short", "Bonne année !", "nl", False),
                           _piece("#ambiguous", "Paul put dire comment on tape", "fr", False),
                           _piece("#unmarked-short", "Hij ging met", "en", True)]}
    page, parts = evaluate(gathered)
    assert [n.target for n in page.passed] == ["html"]
    assert [n.target for n in parts.failed] == ["#dutch-as-french"]
    assert 'Dutch (nl)' in parts.failed[0].message
    assert [n.target for n in parts.review] == ["#short"]
    assert [n.target for n in parts.passed] == ["#a", "#french"]


@pytest.mark.parametrize(("text", "lang"), [
    # Kazakh in the Latin alphabet, which the model has never seen.
    ("Qazaqstan Respublikasynyń azamattary memlekettik qyzmetterdi elektrondyq úkimet "
     "portaly arqyly ala alady.", "kk"),
    # Kyrgyz has letters of Kazakh's own: not Kazakh for that.
    ("Кыргыз Республикасынын жарандары мамлекеттик кызматтарды электрондук өкмөттүн "
     "порталы аркылуу ала алышат.", "ky"),
])
def test_text_the_identifier_cannot_vouch_for_is_never_failed(text: str, lang: str) -> None:
    page, parts = evaluate(_page(lang, text))
    assert not (page.failed or page.review or parts.failed or parts.review)
