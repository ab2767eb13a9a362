"""Languages of the stand: which one a request is in, and how each is named.

Precedence: the language in the URL (``/stand/<location>/<lang>/…``); in the admin
and auditors' areas, the language the manager chose (kept in the session); else the configured
default. The stand never guesses from Accept-Language: a public stand is shared, and
each visitor chooses on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale


@dataclass(frozen=True)
class Language:
    code: str
    # Each language's name in itself, so a visitor finds their own.
    native_name: str


LANGUAGES: tuple[Language, ...] = (
    Language("kk", "Қазақша"),
    Language("ru", "Русский"),
    Language("en", "English"),
)
CODES = tuple(language.code for language in LANGUAGES)


def select_locale() -> str:
    lang = (request.view_args or {}).get("lang") if request else None
    if lang in CODES:
        return str(lang)
    staff_area = request and request.path.startswith(("/admin", "/audit"))
    if staff_area and session.get("admin_lang") in CODES:
        return str(session["admin_lang"])
    default: str = current_app.config["DEFAULT_LANGUAGE"]
    return default


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", app.config["DEFAULT_LANGUAGE"])
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Almaty")
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
