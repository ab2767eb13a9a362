"""The small markup of longer visitor texts, and announcements leaving the stands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.admin.duties import retired
from kiosk.content.rich_text import Run, links, parse, plain
from tests.conftest import make_app


def test_paragraphs_lists_emphasis_and_links() -> None:
    blocks = parse("First *line*\ncontinues.\n\n- one\n- **two**\n1. a\n2) b\n\nEnd "
                   "[site](https://eotinish.kz/x).")
    assert [b.kind for b in blocks] == ["paragraph", "bullets", "numbers", "paragraph"]
    assert blocks[0].items[0] == (Run("First "), Run("line", "em"), Run(" continues."))
    assert blocks[1].items[1] == (Run("two", "strong"),)
    assert blocks[3].items[0][1] == Run("site", link="https://eotinish.kz/x")
    assert links("[a](https://a.kz) [b](javascript:alert(1)) [c](https://a.kz)") == [
        "https://a.kz"]
    assert plain("- *a*\n- b") == "a b"


def test_html_is_not_markup() -> None:
    assert parse("<b>x</b>")[0].items[0] == (Run("<b>x</b>"),)


def test_rich_text_on_the_stand_is_spoken_sentence_by_sentence(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    from kiosk.public.speech_markup import rich_markup

    with app.test_request_context():
        html = str(rich_markup("Bring your *ID card*. Then wait.\n\n- <i>one</i>", "ru", "kk"))
    assert html.count('data-say="') == 3
    assert '<em>ID card</em>' in html and 'lang="ru"' in html
    assert "<ul><li>" in html and "&lt;i&gt;one&lt;/i&gt;" in html


def test_announcements_past_their_window_are_retired() -> None:
    items = [{"id": "old", "display_until": "2026-11-26"},
             {"id": "today", "display_until": "2026-11-27"}]
    assert retired(items, dt.date(2026, 11, 27)) == ["old"]
