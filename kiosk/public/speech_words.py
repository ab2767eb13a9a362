"""What the stand says about itself: roles, states, help and messages, ready to speak.

Each entry is ``[key, text]``: the key fetches server audio, the text is what the
browser's own voice says if the server cannot speak."""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from kiosk.public.stand import StandPage


def _words() -> dict[str, str]:
    return {
        # Translators: spoken after a control's name, as its role.
        "link": _("link"),
        "button": _("button"),
        "field": _("text field"),
        "heading": _("heading"),
        "on": _("on"),
        "off": _("off"),
        "selected": _("selected"),
        "speech_on": _("Speech is on. Use the Up and Down keys to move, the Action key to "
                       "choose, and the Help key for help."),
        "speech_off": _("Speech is off."),
        "touch_help": _("On the screen, touch an item once to hear it and twice to choose it."),
        "start_page": _("This is the start page."),
        "unavailable": _("Speech is unavailable right now. Please ask the staff for help or "
                         "call 1414."),
        "louder": _("Louder"),
        "quieter": _("Quieter"),
        "loudest": _("Loudest"),
        "quietest": _("Quietest"),
        "slower": _("Slower speech"),
        "normal": _("Normal speech"),
        "faster": _("Faster speech"),
        "top": _("Top of the page."),
        "end": _("End of the page. Press Up to go back, or Back for the previous page."),
        "help_link": _("Press the Action key to open it."),
        "help_button": _("Press the Action key to press this button."),
        "help_field": _("Type with the keyboard. Press Down to move on."),
        # Translators: said when a text field gets the focus in speech mode.
        "field_keys": _("Every key you type writes here. Up, Down or Escape leaves the field."),
        "help_keyboard": _("Left and Right move along the row, Up and Down to the row above or "
                           "below, Home and End to the row's ends. The Action key writes the "
                           "letter."),
        "row_start": _("Start of the row."),
        "row_end": _("End of the row."),
        "help_text": _("Press Down for the next item, Up for the previous one."),
        "help_page": _("Up and Down move through everything on this page. The Action key "
                       "opens a link or presses a button. The Back key returns to the "
                       "previous page."),
        "help_general": _("The minus and plus keys make the speech quieter or louder. Press "
                          "Help twice to stop speaking. If you need a person, choose Call for "
                          "assistance at the bottom of the screen: staff on duty will come to "
                          "this stand."),
        "touch_again": _("Touch again to choose it."),
        "idle_prompt": _("This stand can speak. Press the Help key, the blue diamond, or the "
                         "Speech button in the lower left corner of the screen."),
    }


def speech_words(page: StandPage) -> dict[str, list[str]]:
    return {name: [page.key(text), text] for name, text in _words().items()}


def countdown_texts(page: StandPage, seconds: int) -> list[list[str]]:
    """The idle dialog's countdown sentence for every remaining second, with CLDR plurals."""
    texts = (ngettext("Returning to the start page in %(num)d second.",
                      "Returning to the start page in %(num)d seconds.", n)
             for n in range(seconds + 1))
    return [[page.key(text), text] for text in texts]


def speech_settings(page: StandPage) -> dict[str, object]:
    config = current_app.config
    speech = current_app.extensions["kiosk.speech"]
    return {
        "lang": page.lang,
        "available": speech.available(page.lang),
        "audioUrl": url_for("speech.audio", rate="RATE", key="KEY"),
        "words": speech_words(page),
        "keys": config["SPEECH_KEYS"],
        "volume": config["SPEECH_VOLUME"],
        "idlePromptSeconds": config["SPEECH_IDLE_PROMPT_SECONDS"],
    }
