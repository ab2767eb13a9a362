"""What the stand says for times, dates and numbers, in each language."""

from __future__ import annotations

import pytest

from kiosk.speech.numbers import kk_ordinal, kk_suffix, ru_day_ordinal, ru_year_genitive
from kiosk.speech.sentences import split_sentences
from kiosk.speech.spoken import spoken_form


@pytest.mark.parametrize(("text", "lang", "said"), [
    ("09:00–18:30", "kk", "тоғыздан он сегіз отызға дейін"),
    ("үзіліс 13:00\u2060–\u206014:30", "kk", "үзіліс он үштен он төрт отызға дейін"),
    ("ашылу уақыты: 09:00", "kk", "ашылу уақыты: сағат тоғыз"),
    ("сағат 10:00-ге дейін", "kk", "сағат онға дейін"),
    ("2026 ж. 27 қараша, жұма", "kk", "екі мың жиырма алтыншы жылғы жиырма жетінші қараша, жұма"),
    ("09:00–18:30", "ru", "с девяти до восемнадцати тридцати"),
    ("с 9:00 до 13:00", "ru", "с девяти до тринадцати"),
    ("откроется в 09:00", "ru", "откроется в 9 ноль-ноль"),
    ("пятница, 27 ноября 2026 г.", "ru",
     "пятница, двадцать седьмое ноября две тысячи двадцать шестого года"),
    ("3 декабря", "ru", "третье декабря"),
    ("13:00–14:30", "en", "from 1 p m to 2 30 p m"),
    ("opens at 09:05", "en", "opens at 9 oh 5 a m"),
    ("Friday, November 27, 2026", "en", "Friday, November 27th, 2026"),
])
def test_times_and_dates_are_said_as_people_say_them(text: str, lang: str, said: str) -> None:
    assert spoken_form(text, lang) == said


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_phone_numbers_are_said_in_digit_groups(lang: str) -> None:
    plus = {"kk": "плюс", "ru": "плюс", "en": "plus"}[lang]
    assert spoken_form("+7 727 000 12 34", lang) == f"{plus} 7, 727, 0 0 0, 12, 34"
    # The unified contact centre is "fourteen fourteen", not one thousand four hundred...
    assert spoken_form("1414", lang) == "14 14"
    assert spoken_form("2026 ж.", "kk") == "2026 ж."


def test_kazakh_endings_follow_vowel_harmony() -> None:
    assert kk_suffix("бес", "dat") == "беске"
    assert kk_suffix("он", "abl") == "оннан"
    assert kk_suffix("қырық", "dat") == "қырыққа"
    assert kk_suffix("жиырма", "abl") == "жиырмадан"
    assert kk_ordinal(40) == "қырқыншы"


def test_russian_ordinals() -> None:
    assert ru_day_ordinal(23) == "двадцать третье"
    assert ru_year_genitive(2030) == "две тысячи тридцатого"


def test_sentences_are_split_but_not_at_abbreviations() -> None:
    assert split_sentences("Адрес: г. Коктал, пр. Абая, 25. Звоните!") == [
        "Адрес: г. Коктал, пр. Абая, 25.", "Звоните!"]


@pytest.mark.parametrize(("text", "lang", "said"), [
    ("сағат 09:00", "kk", "сағат тоғыз"),
    ("1-қабат, 104-кабинет", "kk", "бірінші қабат, жүз төртінші кабинет"),
    ("айдың 2, 4-апталары", "kk", "айдың екінші, төртінші апталары"),
    ("2026 жылғы бюджет", "kk", "екі мың жиырма алтыншы жылғы бюджет"),
    ("Заявки принимаются до 25 декабря.", "ru", "Заявки принимаются до двадцать пятого декабря."),
    ("с 1 по 15 января", "ru", "с первого по пятнадцатое января"),
    ("1 января 2026 года", "ru", "первое января две тысячи двадцать шестого года"),
    ("в 2026 году", "ru", "в две тысячи двадцать шестом году"),
    ("на 1 этаже", "ru", "на первом этаже"),
    ("г. Коктал, ул. Абая, каб. 104", "ru", "город Коктал, улица Абая, кабинет 104"),
    ("Портал eOtinish", "ru", "Портал е-Отиниш"),
    ("info@koktal.example.kz", "ru", "info собака koktal точка example точка kz"),
    ("eotinish.kz арқылы", "kk", "eotinish нүкте kz арқылы"),
    ("+7 700 000 12 34", "kk", "плюс 7, 700, 0 0 0, 12, 34"),
])
def test_words_listeners_expect(text: str, lang: str, said: str) -> None:
    assert spoken_form(text, lang) == said


def test_a_kazakh_date_is_one_sentence() -> None:
    import datetime as dt

    from kiosk.formatting import full_date
    from kiosk.speech.sentences import split_sentences

    # "2026 ж." (жыл, year) has a narrow no-break space; "ж." does not end the sentence.
    assert split_sentences(full_date(dt.date(2026, 11, 27), "kk")) == [
        full_date(dt.date(2026, 11, 27), "kk")]
