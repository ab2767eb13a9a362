"""Markup that lets the stand speak what it shows.

Every sentence a visitor can read is wrapped in ``<span data-say="KEY">``, and every
control carries the key of its name, so the page script can ask ``/speech`` for the
audio of exactly what is on screen, in the language it is written in."""

from __future__ import annotations

import re

from flask import current_app
from markupsafe import Markup, escape

from kiosk.content.rich_text import Run, parse
from kiosk.speech import speech_service
from kiosk.speech.sentences import split_sentences


def speech_key(text: str, lang: str) -> str:
    return speech_service(current_app).utterance(text, lang).key


_DIGIT_HYPHEN = re.compile(r"(\d)-(?=\w)")


def _unbreakable(text: str) -> str:
    # "1-қабат", "112-кабинет": a non-breaking hyphen keeps the number with its word.
    return _DIGIT_HYPHEN.sub("\\1\u2011", text)


def say_markup(text: str, lang: str, page_lang: str) -> Markup:
    """``text`` as sentence spans, each naming its utterance; ``lang`` marks a foreign passage."""
    lang_attr = Markup(' lang="{}"').format(lang) if lang != page_lang else Markup("")
    spans = [
        Markup('<span data-say="{}"{}>{}</span>').format(speech_key(sentence, lang), lang_attr,
                                                         _unbreakable(sentence))
        for sentence in split_sentences(text)
    ]
    return Markup(" ").join(spans) if spans else escape(text)


def _run_markup(run: Run, start: int, end: int) -> Markup:
    text = escape(_unbreakable(run.text[start:end]))
    if run.link:
        return Markup('<span class="link-text">{}</span>').format(text)
    if run.style:
        return Markup("<{0}>{1}</{0}>").format(Markup(run.style), text)
    return text


def _item_markup(runs: tuple[Run, ...], lang: str, lang_attr: Markup) -> Markup:
    """Sentence spans over styled runs: a run crossing a sentence end is cut in two."""
    whole = "".join(run.text for run in runs)
    bounds: list[tuple[int, int]] = []
    for run in runs:
        start = bounds[-1][1] if bounds else 0
        bounds.append((start, start + len(run.text)))
    spans = []
    position = 0
    for sentence in split_sentences(whole):
        begin = whole.find(sentence, position)
        if begin < 0:  # cannot happen with folded spaces; say it plainly rather than fail
            begin = position
        finish = begin + len(sentence)
        position = finish
        parts = [_run_markup(run, max(a, begin) - a, min(b, finish) - a)
                 for run, (a, b) in zip(runs, bounds, strict=True) if a < finish and b > begin]
        spans.append(Markup('<span data-say="{}"{}>{}</span>').format(
            speech_key(sentence, lang), lang_attr, Markup("").join(parts)))
    return Markup(" ").join(spans)


def rich_markup(text: str, lang: str, page_lang: str) -> Markup:
    """A rich text as paragraphs and lists of spoken sentences (see kiosk.content.rich_text)."""
    lang_attr = Markup(' lang="{}"').format(lang) if lang != page_lang else Markup("")
    html = []
    for block in parse(text):
        if block.kind == "paragraph":
            html.append(Markup("<p>{}</p>").format(_item_markup(block.items[0], lang, lang_attr)))
        else:
            tag = Markup("ul" if block.kind == "bullets" else "ol")
            items = Markup("").join(Markup("<li>{}</li>").format(
                _item_markup(item, lang, lang_attr)) for item in block.items)
            html.append(Markup("<{0}>{1}</{0}>").format(tag, items))
    return Markup("\n").join(html)
