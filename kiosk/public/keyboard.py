"""The on-screen keyboard of the feedback text: Kazakh Cyrillic (which holds every
Russian letter too) and Latin, row by row.

The keys are drawn by the server, so each one is spoken like every other control of the
stand; a script shows the keyboard, and without it a physical keyboard still works."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _


@dataclass(frozen=True)
class Layout:
    name: str
    lang: str  # the voice that says the letters
    rows: tuple[str, ...]


# The Kazakh letters first, on their own row as on the standard Kazakh keyboard, then
# the rows of the Russian ЙЦУКЕН layout.
CYRILLIC = Layout("cyrillic", "kk", ("әіңғүұқөһ", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"))
LATIN = Layout("latin", "en", ("qwertyuiop", "asdfghjkl", "zxcvbnm"))


def layouts(lang: str) -> tuple[Layout, ...]:
    """The layouts in the order offered: the page's own script first."""
    return (LATIN, CYRILLIC) if lang == "en" else (CYRILLIC, LATIN)


def spoken_name(letter: str) -> str | None:
    """What the stand says for a key whose letter alone is silent (the Kazakh voice says
    nothing for the hard and soft signs); None: the letter is said as it is."""
    return {"ъ": _("hard sign"), "ь": _("soft sign")}.get(letter)
