"""Certificates from complete evidence: a stand audit meets the requirements only when it
covered the whole matrix its stand says it shows; a narrower run is partial evidence; a
certificate is of one content revision and goes stale when a later one is published; two
stands of one location are certified apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from accessibility_audit.discovery.stand import NotAStand
from accessibility_audit.physical import storage
from accessibility_audit.physical.coverage import BadManifest, Matrix, Publication, coverage
from accessibility_audit.physical.report import known_stands, stand_report
from accessibility_audit.physical.stands import BadStandUrl, split, stand_url
from accessibility_audit.physical.text_report import render
from accessibility_audit.runs.stand import which_stand
from accessibility_audit.store import Store
from tests.checklist_data import TODAY, everything_passing
from tests.stand_audits import add_stand_audit, manifest

BASE = "http://127.0.0.1:8080/stand/main/"
HALL = f"{BASE}?stand=main-hall"
FLOOR2 = f"{BASE}?stand=main-floor2"
NOW = dt.datetime(2026, 11, 27, 6, tzinfo=dt.UTC)
# The demo stand: 8 pages, 3 languages, 4 modes, 2 orientations (192 page views).
DEMO = Matrix(7, ("home", "hours", "appeals", "contacts", "accessibility", "announcements",
                  "assistance", "feedback"), ("kk", "ru", "en"),
              ("standard", "large", "contrast", "large-contrast"), ("portrait", "landscape"),
              ("main-hall", "main-floor2"))


def passing_checklist(store: Store, stand: str) -> None:
    storage.save(store, storage.Submission(stand, "Hall", "Айгүл", TODAY, "yaml",
                                           answers=everything_passing()), NOW)


def test_the_whole_matrix_is_every_page_language_mode_and_orientation() -> None:
    assert len(DEMO.views()) == 192
    home_only = coverage(DEMO, [("home", "kk", "standard", "portrait")])
    assert (home_only.expected, home_only.covered, home_only.complete) == (192, 1, False)
    assert home_only.missing[0] == ("home", "kk", "standard", "landscape")
    assert coverage(DEMO, DEMO.views()).complete
    with pytest.raises(BadManifest, match="revision"):
        Matrix.from_json({"pages": ["home"]})


def test_a_partial_run_after_a_full_one_is_partial_evidence_not_a_verdict(
        tmp_path: Path) -> None:
    """The issue's sequence: a full stand audit, then one page in one language, mode and
    orientation, and a passing checklist: no certificate comes of it."""
    store = Store(str(tmp_path / "audit.sqlite3"))
    add_stand_audit(store, HALL, broken=False)
    passing_checklist(store, HALL)
    assert stand_report(store, HALL).verdict == "meets"
    # The second run covers one of the stand's 12 page views (the helper audits 6 views at
    # portrait; the stand shows them at landscape too).
    wider = Matrix(1, ("hours",), ("kk", "ru", "en"), ("standard", "large"),
                   ("portrait", "landscape"), ("main-hall",))
    add_stand_audit(store, HALL, broken=False, matrix=wider)
    report = stand_report(store, HALL)
    assert report.software.coverage.covered == 6 and report.software.coverage.expected == 12
    assert report.software.verdict == "partial"
    assert report.verdict == "partial"
    text = render(report)
    assert "Overall: Partial evidence: the stand audit did not cover the whole stand" in text
    assert "Covered 6 of the 12 page views the stand shows at content revision 1." in text
    assert "Software: stand audit 2, Partial evidence" in text
    assert "Meets the requirements" not in "".join(text.splitlines()[:4])


def test_an_audit_that_did_not_record_the_matrix_is_partial_evidence(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "audit.sqlite3"))
    add_stand_audit(store, HALL, broken=False, recorded=False)
    passing_checklist(store, HALL)
    report = stand_report(store, HALL)
    assert report.verdict == "partial"
    assert "Coverage unknown" in render(report)


def test_violations_found_by_a_partial_run_still_fail_the_stand(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "audit.sqlite3"))
    bigger = Matrix(1, ("hours", "home"), ("kk", "ru", "en"), ("standard", "large"),
                    ("portrait",), ("main-hall",))
    add_stand_audit(store, HALL, broken=True, matrix=bigger)
    passing_checklist(store, HALL)
    assert stand_report(store, HALL).verdict == "does-not-meet"


def test_a_certificate_goes_stale_after_a_publication(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "audit.sqlite3"))
    add_stand_audit(store, HALL, broken=False, matrix=manifest(HALL, revision=4))
    passing_checklist(store, HALL)
    assert stand_report(store, HALL, current_revision=4).verdict == "meets"
    stale = stand_report(store, HALL, current_revision=5)
    assert stale.stale and stale.software_verdict == "stale" and stale.verdict == "stale"
    text = render(stale)
    assert "Overall: Audited an earlier version" in text
    assert "The stand now shows content revision 5: this certificate is of an earlier " \
           "version." in text
    # Audited again at the new revision: a certificate again.
    add_stand_audit(store, HALL, broken=False, matrix=manifest(HALL, revision=5))
    assert stand_report(store, HALL, current_revision=5).verdict == "meets"


def test_two_stands_of_one_location_are_certified_separately(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "audit.sqlite3"))
    both = ("main-hall", "main-floor2")
    add_stand_audit(store, HALL, broken=False, matrix=manifest(HALL, stands=both))
    add_stand_audit(store, FLOOR2, broken=False, matrix=manifest(FLOOR2, stands=both))
    passing_checklist(store, HALL)
    floor2 = {**everything_passing()}
    floor2["operable-highest"] = storage.Answer(value=1300)
    storage.save(store, storage.Submission(FLOOR2, "Floor 2", "Айгүл", TODAY, "yaml",
                                           answers=floor2), NOW)
    assert known_stands(store) == [FLOOR2, HALL]
    assert stand_report(store, HALL).verdict == "meets"
    assert stand_report(store, FLOOR2).verdict == "does-not-meet"
    assert (stand_report(store, FLOOR2).location, stand_report(store, FLOOR2).stand_id) == (
        "main", "main-floor2")


def test_a_stand_is_named_by_its_address_and_id() -> None:
    assert stand_url("HTTP://Example.KZ:8080/stand/main?stand=main-hall") == \
        "http://example.kz:8080/stand/main/?stand=main-hall"
    assert stand_url(BASE, "main-hall") == HALL
    assert split(HALL) == (BASE, "main-hall")
    for bad in (f"{BASE}?page=2", f"{BASE}?stand=Main Hall", f"{BASE}#x"):
        with pytest.raises(BadStandUrl):
            stand_url(bad)
    with pytest.raises(BadStandUrl, match="give the id once"):
        stand_url(HALL, "main-floor2")


def test_the_stand_audit_takes_a_stand_of_the_location_only() -> None:
    assert which_stand(BASE, "main-hall", DEMO.stands) == "main-hall"
    assert which_stand(BASE, None, ("reception-lobby",)) == "reception-lobby"
    assert which_stand(BASE, None, ()) == ""
    with pytest.raises(NotAStand, match="has no stand 'mian-hall'; its stands are: "
                                        "main-hall, main-floor2"):
        which_stand(BASE, "mian-hall", DEMO.stands)
    with pytest.raises(NotAStand, match="several stands"):
        which_stand(BASE, None, DEMO.stands)


PUBLISHED = Publication(3, dt.datetime(2026, 11, 27, 6, 30, tzinfo=dt.UTC))


@pytest.mark.parametrize(("lang", "audited", "now_shows"), [
    # CLDR writes a narrow no-break space before "ж." and "г."; Almaty is UTC+5.
    ("kk", "3 нұсқасында (2026\u202fж. 27 қараша, 11:30)",
     "4 нұсқасын (2026\u202fж. 1 желтоқсан, 09:00)"),
    ("ru", "редакции 3 от 27 ноября 2026\u202fг., 11:30",
     "редакцию 4 от 1 декабря 2026\u202fг., 09:00"),
    ("en", "revision 3 of November 27, 2026, 11:30", "revision 4 of December 1, 2026, 09:00"),
])
def test_a_certificate_names_the_publication_as_the_admin_area_does(
        tmp_path: Path, lang: str, audited: str, now_shows: str) -> None:
    """Revision number and date (Almaty time) first; the fingerprint only beside them."""
    store = Store(str(tmp_path / "audit.sqlite3"))
    add_stand_audit(store, HALL, broken=False, matrix=dataclasses.replace(
        manifest(HALL, revision=267019413), publication=PUBLISHED))
    passing_checklist(store, HALL)
    text = render(stand_report(store, HALL, current_revision=267019413,
                               current_publication=PUBLISHED), lang)
    assert audited in text and "267019413" in text
    later = Publication(4, dt.datetime(2026, 12, 1, 4, tzinfo=dt.UTC))
    stale = render(stand_report(store, HALL, current_revision=5,
                                current_publication=later), lang)
    assert now_shows in stale


def test_a_publication_survives_the_stored_manifest_and_bad_ones_are_refused() -> None:
    with_it = dataclasses.replace(DEMO, publication=PUBLISHED)
    assert Matrix.from_json(with_it.to_json()) == with_it
    assert Matrix.from_json(DEMO.to_json()).publication is None
    with pytest.raises(BadManifest, match="published_at"):
        Matrix.from_json({**DEMO.to_json(), "revision_number": 3,
                          "published_at": "2026-11-27 06:30"})
    with pytest.raises(BadManifest, match="revision_number"):
        Matrix.from_json({**DEMO.to_json(), "revision_number": "3",
                          "published_at": PUBLISHED.at.isoformat()})


def test_an_old_record_without_the_publication_still_renders(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "audit.sqlite3"))
    add_stand_audit(store, HALL, broken=False, matrix=manifest(HALL, revision=267019413))
    passing_checklist(store, HALL)
    for lang in ("kk", "ru", "en"):
        text = render(stand_report(store, HALL, current_revision=5,
                                   current_publication=PUBLISHED), lang)
        assert "267019413" in text
