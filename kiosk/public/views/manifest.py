"""What a location's stands show, as data: the machine-readable manifest a stand audit
reads to learn the whole matrix it must cover (every page, language, display mode and
orientation), the content revision it audits (as a fingerprint, and as the admin area's
revision number and publication time), and the stands the location has.

A certificate is only as good as the evidence behind it, and the stand itself is the one
that knows what it shows: the auditor's tool compares what it audited with this, so a
partial run can never pass for a whole one."""

from __future__ import annotations

from flask import abort, current_app, jsonify
from flask.typing import ResponseReturnValue

from kiosk.i18n import CODES
from kiosk.public.blueprint import STAND_PAGES, bp
from kiosk.public.modes import ALL_MODES
from kiosk.store import reader

# The stand's two screens; the stand audit names them alike.
ORIENTATIONS = ("portrait", "landscape")


@bp.get("/stand/<location>/manifest.json")
def manifest(location: str) -> ResponseReturnValue:
    published = reader(current_app).for_location(location)
    if published is None:
        abort(404)
    found = published.content.locations[location]
    response = jsonify(
        location=location,
        # The published revision, not what the stand shows this minute: a scheduled change
        # taking effect or an announcement coming and going is content already audited,
        # and must not make every certificate stale overnight.
        revision=published.base_version(location),
        # The same publication as the admin area names it ("revision 3", and when), so
        # a certificate can be matched to it; the fingerprint above only detects change.
        revision_number=published.number,
        published_at=published.published_at.isoformat(),
        # By the name the stand audit gives a page (its path; "home" for the start page).
        # The offline stand-ins for the forms are not among them: the stand shows them
        # only when its server cannot be reached.
        pages=[page or "home" for page in STAND_PAGES],
        languages=list(CODES),
        modes=[mode.param or "standard" for mode in ALL_MODES],
        orientations=list(ORIENTATIONS),
        stands=[{"id": stand.id, "name": stand.name.model_dump(exclude_none=True)}
                for stand in found.stands])
    response.headers["Cache-Control"] = "no-store"
    return response
