"""Where the links to the other state language lead, judged without a browser."""

from __future__ import annotations

from accessibility_audit.checks.language_versions import (
    Arrival,
    evaluate,
    is_home,
    text_language,
)
from tests.audit.checks.samples import KAZAKH, RUSSIAN


def test_home_pages_are_told_by_their_path_without_language_parts() -> None:
    assert all(is_home(u) for u in ("https://a.kz/", "https://a.kz/kk/", "https://a.kz/ru/index.php",
                                    "https://a.kz/?lang=kk", "https://a.kz/kz"))
    assert not any(is_home(u) for u in ("https://a.kz/kk/services", "https://a.kz/ru/news/2"))


def _link(target: str, href: str, language: str) -> dict:
    return {"target": target, "html": f"<a href='{href}'>", "href": href, "language": language}


def test_links_must_reach_the_counterpart() -> None:
    gathered = {"url": "https://a.kz/ru/news/7", "lang": "ru", "links": [
        _link("#same-language", "https://a.kz/ru/news/8", "ru"),
        _link("#itself", "https://a.kz/ru/news/7#top", "kk"),
        _link("#script", "javascript:setLanguage('kk')", "kk"),
        _link("#good", "https://a.kz/kk/news/7", "kk"),
        _link("#missing", "https://a.kz/kk/news/77", "kk"),
        _link("#home", "https://a.kz/kk/news/0", "kk"),
        _link("#down", "https://kk.a.kz/news/7", "kk")]}
    arrivals = {"https://a.kz/kk/news/7": Arrival("https://a.kz/kk/news/7", 200),
                "https://a.kz/kk/news/77": Arrival("https://a.kz/kk/news/77", 404),
                "https://a.kz/kk/news/0": Arrival("https://a.kz/kk/", 200),
                "https://kk.a.kz/news/7": Arrival("https://kk.a.kz/news/7",
                                                  error="ConnectionError")}
    outcomes = evaluate(gathered, arrivals)
    assert [n.target for n in outcomes.passed] == ["#good"]
    assert [(n.target, n.message) for n in outcomes.failed] == [
        ("#missing", "The link to the Kazakh version leads to an error page (HTTP 404): "
                     "publish this page in Kazakh or link to it"),
        ("#home", "The link to the Kazakh version leads to the home page "
                  "(https://a.kz/kk/), not to this page in Kazakh")]
    assert [n.target for n in outcomes.review] == ["#down"]


def test_a_home_page_may_link_to_the_other_home_page() -> None:
    gathered = {"url": "https://a.kz/ru/", "lang": "ru",
                "links": [_link("#kk", "https://a.kz/kk/", "kk")]}
    outcomes = evaluate(gathered, {"https://a.kz/kk/": Arrival("https://a.kz/kk/", 200)})
    assert [n.target for n in outcomes.passed] == ["#kk"] and not outcomes.failed


def test_a_counterpart_still_in_the_first_language_is_no_version() -> None:
    gathered = {"url": "https://a.kz/ru/about", "lang": "ru",
                "links": [_link("#kk", "https://a.kz/kk/about", "kk")]}
    untranslated = Arrival("https://a.kz/kk/about", 200, language="ru")
    outcomes = evaluate(gathered, {"https://a.kz/kk/about": untranslated})
    assert [n.message for n in outcomes.failed] == [
        "The link to the Kazakh version leads to a page written in Russian "
        "(https://a.kz/kk/about): translate it"]


def test_the_language_of_a_fetched_page_is_told_by_its_visible_text() -> None:
    kazakh = f"<html lang='ru'><title>Бет</title><p>{KAZAKH[2]}</p></html>"
    assert text_language(kazakh) == "kk"
    hidden = f"<html><script>var t = '{KAZAKH[2]}';</script><p>{RUSSIAN[2]}</p></html>"
    assert text_language(hidden) == "ru"
    assert text_language("<p>Өскемен</p>") is None
