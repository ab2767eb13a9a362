"""Every admin route refuses whoever may not use it: anonymous visitors, the wrong role,
an editor of another location, and a form without its CSRF token."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask

from kiosk.content import Content
from kiosk.store.assistance import Need
from kiosk.store.engagement import MeetingRecord
from tests.admin_session import add_accounts, csrf, signed_in
from tests.conftest import DEMO_NOW, make_app

# Routes anyone may open: the way in, and the choice of language on it.
OPEN = {"auth.login", "auth.language", "admin.static"}
# A value for every route parameter; a new parameter must be added here to be tested.
SAMPLE = {"location": "main", "section": "hours", "lang": "kk", "page": "home",
          "number": "1", "org_id": "koktal-akimat", "call_id": "1", "meeting_id": "1",
          "index": "0", "username": "editor", "stand": "main-hall"}
# What everyone who may see an organisation may read in its engagement register.
ENGAGEMENT_READ = {"admin.engagement", "admin.engagement_register", "admin.meeting",
                   "admin.visitor_feedback", "admin.engagement_export",
                   "admin.response_times_export"}
# Each account's own choice, which changes nothing of anyone else's: sound alerts.
OWN_SETTINGS = {"admin.assistance_sound"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, demo_content: Content) -> Flask:
    app = make_app(tmp_path_factory.mktemp("routes"), demo_content)
    add_accounts(app)
    # Call for assistance number 1, at "main": answering it is for that location's staff.
    app.extensions["kiosk.assistance"].call("main", "main-hall", Need.OTHER, "kk", DEMO_NOW)
    # Meeting number 1 of the demo organisation.
    app.extensions["kiosk.engagement"].add_meeting(
        "koktal-akimat", MeetingRecord(dt.date(2026, 10, 1), "Көру қабілеті бойынша мүгедектер", 5,
                                       "Ірі шрифт"), "admin", DEMO_NOW)
    return app


def admin_routes(app: Flask) -> list[tuple[str, str, str]]:
    routes = []
    for rule in app.url_map.iter_rules():
        # Signing in and out (kiosk.auth) is part of the admin area, under /admin too.
        if not rule.endpoint.startswith(("admin.", "auth.")) or rule.endpoint in OPEN:
            continue
        missing = set(rule.arguments) - set(SAMPLE)
        assert not missing, f"{rule.rule}: add a sample value for {missing} to SAMPLE"
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<{name}>", SAMPLE[name]).replace(f"<int:{name}>", SAMPLE[name])
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, path))
    return routes


def test_the_admin_area_has_the_routes_these_tests_walk(app: Flask) -> None:
    endpoints = {endpoint for endpoint, _m, _p in admin_routes(app)}
    assert {"admin.dashboard", "admin.location", "admin.edit_section", "admin.publish",
            "admin.discard", "admin.reviewed", "admin.preview", "admin.history",
            "admin.changes", "admin.restore", "admin.duties", "admin.new_scheduled",
            "admin.edit_scheduled", "auth.logout"} <= endpoints


def test_anonymous_requests_are_sent_to_sign_in_or_refused(app: Flask) -> None:
    for endpoint, method, path in admin_routes(app):
        client = app.test_client()
        if method == "GET":
            response = client.get(path)
            assert response.status_code == 302, (endpoint, path)
            assert response.headers["Location"].startswith("/admin/login"), (endpoint, path)
        else:
            token = csrf(client)  # a real token of an anonymous session
            response = client.post(path, data={"csrf_token": token})
            if endpoint == "auth.logout":
                continue  # signing out when signed out is harmless
            assert response.status_code == 302, (endpoint, path)
            assert response.headers["Location"].startswith("/admin/login"), (endpoint, path)


def test_posts_without_the_csrf_token_are_refused(app: Flask) -> None:
    client = signed_in(app, "admin")
    for endpoint, method, path in admin_routes(app):
        if method == "POST":
            assert client.post(path, data={}).status_code == 400, endpoint
            assert client.post(path, data={"csrf_token": "forged"}).status_code == 400, endpoint


def _refused_for(app: Flask, username: str, allowed: set[str]) -> None:
    client = signed_in(app, username)
    token = csrf(client, "/admin/")
    for endpoint, method, path in admin_routes(app):
        if endpoint in allowed or endpoint == "auth.logout":
            continue
        if method == "GET":
            status = client.get(path).status_code
        else:
            status = client.post(path, data={"csrf_token": token}).status_code
        assert status == 403, (username, endpoint, method, path, status)


def test_auditors_may_only_read(app: Flask) -> None:
    readable = {"admin.dashboard", "admin.location", "admin.preview", "admin.history",
                "admin.changes", "admin.assistance", "admin.assistance_state",
                "admin.duties", "admin.duties_export", *ENGAGEMENT_READ, *OWN_SETTINGS}
    _refused_for(app, "auditor", readable)


def test_editors_of_another_location_are_refused(app: Flask) -> None:
    # The engagement register is the organisation's: an editor of any of its locations
    # records meetings (tests/test_engagement.py refuses another organisation's editor).
    _refused_for(app, "other", {"admin.dashboard", "admin.assistance", "admin.duties",
                                "admin.duties_export",
                                "admin.assistance_state", "admin.new_meeting",
                                "admin.mark_feedback_considered", "admin.stands",
                                *ENGAGEMENT_READ, *OWN_SETTINGS})
