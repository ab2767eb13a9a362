"""The languages the scanner speaks (reports, the checklist, its explanations) and where
its message catalogs are: ``accessibility_audit/translations``, apart from the kiosk's."""

from __future__ import annotations

from importlib.resources import files

LANGUAGES = ("kk", "ru", "en")
TRANSLATIONS = files("accessibility_audit").joinpath("translations")
