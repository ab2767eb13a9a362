"""Markup that lets the stand speak what it shows.

Every sentence a visitor can read is wrapped in ``<span data-say="KEY">``, and every
control carries the key of its name, so the page script can ask ``/speech`` for the
audio of exactly what is on screen, in the language it is written in."""

from __future__ import annotations

import re

from flask import current_app
from markupsafe import Markup, escape

from kiosk.speech.sentences import split_sentences


def speech_key(text: str, lang: str) -> str:
    return current_app.extensions["kiosk.speech"].utterance(text, lang).key


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
