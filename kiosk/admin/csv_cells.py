"""Cells of the CSV files the admin area gives (the engagement register, the times to
acknowledge calls): safe to open in a spreadsheet program."""

from __future__ import annotations

# A cell starting with one of these is a formula to a spreadsheet: it is written as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
