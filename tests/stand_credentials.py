"""Stands that prove who they are, in tests: register a stand's credential and give a
test client the cookie the stand's page script keeps it in."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from kiosk.public.stand_identity import COOKIE
from kiosk.store import stand_credentials
from tests.conftest import DEMO_NOW


def register(app: Flask, stand: str, location: str = "main") -> str:
    return stand_credentials(app).register(location, stand, "test", DEMO_NOW)


def prove(app: Flask, client: FlaskClient, stand: str, location: str = "main") -> FlaskClient:
    """``client`` as the stand ``stand`` itself: it carries the stand's credential."""
    client.set_cookie(COOKIE, f"{stand}.{register(app, stand, location)}")
    return client


def stand_client(app: Flask, stand: str, location: str = "main") -> FlaskClient:
    return prove(app, app.test_client(), stand, location)


def start_address(app: Flask, base_url: str, stand: str, location: str = "main") -> str:
    """The address a registered stand's launcher opens: a new credential in its fragment."""
    return f"{base_url}/stand/{location}/?stand={stand}#stand-key={register(app, stand, location)}"
