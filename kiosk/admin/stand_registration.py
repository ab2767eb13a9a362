"""The stands there are, as the content lists them, and the address a registered stand
is started at: shared by the admin area's stand registration and ``kiosk stand``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask

from kiosk.content.model import Location, Stand
from kiosk.store import reader


@dataclass(frozen=True)
class ContentStand:
    location_id: str
    stand_id: str
    location: Location
    stand: Stand
    zone: dt.tzinfo


def content_stands(app: Flask) -> Iterator[ContentStand]:
    """Every stand of every published location, location by location."""
    content = reader(app)
    for org_id in content.organisation_ids():
        published = content.current(org_id)
        if published is None:
            continue
        for location_id, location in published.content.locations.items():
            for stand in location.stands:
                yield ContentStand(location_id, stand.id, location, stand,
                                   published.content.zone)


def stand_start_url(server: str, location: str, stand: str, secret: str) -> str:
    """The address the stand's launcher opens: its id in the query, its credential in the
    fragment (which the browser never sends to a server)."""
    return f"{server.rstrip('/')}/stand/{location}/?stand={stand}#stand-key={secret}"
