"""Asking a stand what it shows: ``/stand/<location>/manifest.json``, the whole matrix
(pages, languages, modes, orientations), its content revision and the stands of its
location. The stand audit records it with the scan; the checklist import checks stand ids
against it."""

from __future__ import annotations

from collections.abc import Callable

import requests

from accessibility_audit.physical.coverage import BadManifest, Matrix


class NoManifest(ValueError):
    """The stand's manifest cannot be had; the message says why and what to do."""


class NoSuchLocation(NoManifest):
    """The server answered, and has no location of that name."""


def manifest_url(base: str) -> str:
    return f"{base.rstrip('/')}/manifest.json"


def fetch_manifest(base: str, get: Callable[[str], requests.Response]) -> Matrix:
    url = manifest_url(base)
    try:
        response = get(url)
    except requests.RequestException as error:
        raise NoManifest(f"cannot reach the stand at {url}: {error}") from error
    if response.status_code == 404:
        raise NoSuchLocation(f"{url} answered 404: the server has no location of that "
                             "name (is the location in the address spelled right?)")
    if response.status_code != 200:
        raise NoManifest(f"{url} answered HTTP {response.status_code}, not the stand's "
                         "manifest")
    try:
        return Matrix.from_json(response.json())
    except (ValueError, BadManifest) as error:
        raise NoManifest(f"{url} is not a stand's manifest ({error}): is the server a "
                         "kiosk of this version?") from error


def quick_get(url: str) -> requests.Response:
    """One GET with a short wait, for a question the terminal is waiting on."""
    return requests.get(url, timeout=10, allow_redirects=False)
