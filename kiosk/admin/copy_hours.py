"""Copying one weekday's business hours to other weekdays of the hours form.

Each day of the week has "Copy these hours to" with a box for every other day and a
button; the button is an operation of the form (``copy:hours.monday``) carried out on
the server like "Add" and "Remove", so it works without JavaScript, and nothing typed
elsewhere in the form is lost."""

from __future__ import annotations

import copy
import re
from typing import Any

from babel.lists import format_list
from flask import abort
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.content.model import WEEKDAYS
from kiosk.formatting import weekday_name

_DAY_PATH = re.compile(r"^hours\.(" + "|".join(WEEKDAYS) + r")$")


def copy_days(path: str) -> list[str]:
    """The days the hours of the weekday list at ``path`` may be copied to; none for any
    other list (a date's own hours are not copied)."""
    match = _DAY_PATH.match(path)
    return [day for day in WEEKDAYS if day != match[1]] if match else []


def choice_name(path: str) -> str:
    """The name of the boxes that choose the days to copy ``path``'s hours to."""
    return f"copy-to.{path}"


def copy_hours(operation: str, values: dict[str, Any], chosen: list[str]
               ) -> tuple[str, str]:
    """Carry out "copy:hours.<day>" in ``values`` for the ``chosen`` days.

    Returns the id of the control to focus and a message saying what happened."""
    path = operation.partition(":")[2]
    allowed = copy_days(path)
    if not allowed or "hours" not in values or any(day not in allowed for day in chosen):
        abort(400)
    source = path.split(".")[1]
    lang = str(get_locale())
    day = weekday_name(WEEKDAYS.index(source), lang)
    prefix = "f-" + path.replace(".", "-")
    if not chosen:
        return (f"{prefix}-copy-{allowed[0]}",
                _("Choose at least one day to copy the hours of %(day)s to.", day=day))
    hours = values["hours"]
    for target in chosen:
        hours[target] = copy.deepcopy(hours.get(source) or [])
    names = [weekday_name(WEEKDAYS.index(target), lang) for target in WEEKDAYS
             if target in chosen]
    return (f"{prefix}-copy",
            _("Copied the hours of %(day)s to %(days)s.", day=day,
              days=format_list(names, locale=lang)))
