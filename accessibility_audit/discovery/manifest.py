"""Asking a stand what it shows: ``/stand/<location>/manifest.json``, the whole matrix
(pages, languages, modes, orientations), its content revision and the stands of its
location. The stand audit records it with the scan; the checklist import checks stand ids
against it."""

from __future__ import annotations

from collections.abc import Callable

import requests

from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.physical.coverage import BadManifest, Matrix
from accessibility_audit.physical.texts import Say, _
from accessibility_audit.politeness import HostGate, user_agent

# A manifest is a few kilobytes; a terminal waits on it.
QUICK_SECONDS = 10.0
QUICK_MAX_BYTES = 1024 * 1024


class NoManifest(ValueError):
    """The stand's manifest cannot be had; the message says why and what to do.

    ``str()`` is the English; ``said()`` the same in the language of a ``Say``, for a
    command run with ``--lang``."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template % values)
        self.template = template
        self.values = values

    def said(self, say: Say) -> str:
        return say(self.template) % self.values


class NoSuchLocation(NoManifest):
    """The server answered, and has no location of that name."""


def manifest_url(base: str) -> str:
    return f"{base.rstrip('/')}/manifest.json"


def fetch_manifest(base: str, get: Callable[[str], requests.Response]) -> Matrix:
    url = manifest_url(base)
    try:
        response = get(url)
    except requests.RequestException as error:
        raise NoManifest(_("cannot reach the stand at %(url)s: %(error)s"),
                         url=url, error=error) from error
    if response.status_code == 404:
        raise NoSuchLocation(_("%(url)s answered 404: the server has no location of that "
                               "name (is the location in the address spelled right?)"),
                             url=url)
    if response.status_code != 200:
        raise NoManifest(_("%(url)s answered HTTP %(status)s, not the stand's manifest"),
                         url=url, status=response.status_code)
    try:
        return Matrix.from_json(response.json())
    except (ValueError, BadManifest) as error:
        raise NoManifest(_("%(url)s is not a stand's manifest (%(error)s): is the server a "
                           "kiosk of this version?"), url=url, error=error) from error


def quick_get(url: str) -> requests.Response:
    """One GET for a question the terminal is waiting on: bounded in time and size as
    every fetch of the scanner is (Fetcher), with a short deadline and a small cap."""
    fetcher = Fetcher(HttpSettings(user_agent(None), {}, {}, timeout=QUICK_SECONDS),
                      HostGate(0.0))
    try:
        return fetcher.get(url, polite=False, max_bytes=QUICK_MAX_BYTES)
    finally:
        fetcher.close()
