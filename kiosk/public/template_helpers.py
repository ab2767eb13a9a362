"""Functions the stand's templates call, registered once on the Jinja environment."""

from __future__ import annotations

from flask import Flask

from kiosk import formatting
from kiosk.public import keyboard, labels, speech_words
from kiosk.public.modes import Mode
from kiosk.public.status_text import status_sentence
from kiosk.qr import qr_svg


def register_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(
        Mode=Mode,
        qr_svg=qr_svg,
        status_sentence=status_sentence,
        time_text=formatting.time_text,
        span_text=formatting.span_text,
        weekday_name=formatting.weekday_name,
        weekday_day_month=formatting.weekday_day_month,
        full_date=formatting.full_date,
        long_date=formatting.long_date,
        phone_text=formatting.phone_text,
        url_text=formatting.url_text,
        day_hours=labels.day_hours,
        reception_text=labels.reception_text,
        sections=labels.sections,
        deadline_text=labels.deadline_text,
        service_name=labels.service_name,
        need_icon=labels.need_icon,
        need_name=labels.need_name,
        need_hint=labels.need_hint,
        assistance_message=labels.assistance_message,
        difficulty_icon=labels.difficulty_icon,
        difficulty_name=labels.difficulty_name,
        difficulty_hint=labels.difficulty_hint,
        keyboard_layouts=keyboard.layouts,
        key_spoken_name=keyboard.spoken_name,
        countdown_texts=speech_words.countdown_texts,
        speech_settings=speech_words.speech_settings,
        error_title=labels.error_title,
        error_text=labels.error_text,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
