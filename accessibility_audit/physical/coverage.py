"""How much of a stand a stand audit covered: the matrix the stand says it shows (its
manifest: pages, languages, display modes, orientations, at one content revision) against
the page views the audit audited. Pure functions, so a stored scan re-judges the same way.

A verdict may only come from the whole matrix: an audit of the Kazakh home page in
standard mode says nothing about the Russian contacts page in large type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# One page view: page, language, mode, orientation.
View = tuple[str, str, str, str]


class BadManifest(ValueError):
    """What a stand said it shows cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class Publication:
    """A publication as the admin area names it: its revision number and when it was
    published (aware). People match a certificate to a publication by these; the
    manifest's ``revision`` fingerprint only tells whether the content changed."""

    number: int
    at: dt.datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Publication | None:
        """The manifest's ``revision_number`` and ``published_at``; None when it has
        neither (a stand, or a recorded audit, from before they were given)."""
        number, at = data.get("revision_number"), data.get("published_at")
        if number is None and at is None:
            return None
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise BadManifest("the manifest's \"revision_number\" is not a whole number")
        try:
            when = dt.datetime.fromisoformat(at) if isinstance(at, str) else None
        except ValueError:
            when = None
        if when is None or when.tzinfo is None:
            raise BadManifest("the manifest's \"published_at\" is not a date and time "
                              "with its offset (ISO 8601)")
        return cls(number, when)

    def to_json(self) -> dict[str, Any]:
        return {"revision_number": self.number, "published_at": self.at.isoformat()}


@dataclass(frozen=True)
class Matrix:
    """Everything a stand shows at one content revision, and the stands of its location.

    ``revision`` is the content's fingerprint, compared to tell a stale certificate;
    ``publication`` names the same content as the admin area does (None: not recorded)."""

    revision: int
    pages: tuple[str, ...]
    languages: tuple[str, ...]
    modes: tuple[str, ...]
    orientations: tuple[str, ...]
    stands: tuple[str, ...] = ()
    publication: Publication | None = None

    @classmethod
    def from_json(cls, data: Any) -> Matrix:
        if not isinstance(data, Mapping):
            raise BadManifest("the manifest is not a JSON object")
        revision = data.get("revision")
        if not isinstance(revision, int) or isinstance(revision, bool):
            raise BadManifest("the manifest has no whole-number \"revision\"")
        lists = {}
        for name in ("pages", "languages", "modes", "orientations"):
            value = data.get(name)
            if not isinstance(value, list) or not value \
                    or not all(isinstance(v, str) and v for v in value):
                raise BadManifest(f"the manifest's \"{name}\" is not a list of names")
            lists[name] = tuple(value)
        stands = data.get("stands", [])
        if not isinstance(stands, list):
            raise BadManifest("the manifest's \"stands\" is not a list")
        ids = tuple(s["id"] if isinstance(s, Mapping) else s for s in stands)
        if not all(isinstance(i, str) and i for i in ids):
            raise BadManifest("a stand in the manifest has no id")
        return cls(revision, stands=ids, publication=Publication.from_json(data), **lists)

    def to_json(self) -> dict[str, Any]:
        return {"revision": self.revision,
                **(self.publication.to_json() if self.publication else {}),
                "pages": list(self.pages), "languages": list(self.languages),
                "modes": list(self.modes), "orientations": list(self.orientations),
                "stands": list(self.stands)}

    def views(self) -> set[View]:
        return {(p, lang, m, o) for p in self.pages for lang in self.languages
                for m in self.modes for o in self.orientations}


@dataclass(frozen=True)
class Coverage:
    expected: int
    covered: int
    # The page views not audited, in the matrix's order (for "… and 180 more").
    missing: tuple[View, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def coverage(matrix: Matrix, audited: Iterable[View]) -> Coverage:
    """Which of the matrix's page views were audited (audited views outside it, a page
    the stand no longer has, count for nothing)."""
    done = set(audited)
    order = [(p, lang, m, o) for p in matrix.pages for lang in matrix.languages
             for m in matrix.modes for o in matrix.orientations]
    missing = tuple(view for view in order if view not in done)
    return Coverage(len(order), len(order) - len(missing), missing)
