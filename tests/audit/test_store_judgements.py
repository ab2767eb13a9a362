"""What auditors add to the scanner's store: agencies' names, decisions on needs-review
findings with their history, and where each finding was seen; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from accessibility_audit.store import Store, StoreError
from tests.audit_data import AKIMAT, SCHOOL, contrast_to_review, image_alt, page, store_scan


def test_the_latest_decision_counts_and_every_one_is_kept(database_url: str) -> None:
    store = Store(database_url)
    first = store.add_review("a" * 16, "color-contrast", "fail", "  2:1 on the photo ",
                             "asel", "Әсел")
    store.add_review("b" * 16, "link-name", "pass", "", "asel", "Әсел")
    store.add_review("a" * 16, "color-contrast", "pass", "Photo replaced", "erlan", "Ерлан")
    latest = store.reviews()
    assert {fid: r.decision for fid, r in latest.items()} == {"a" * 16: "pass",
                                                               "b" * 16: "pass"}
    history = store.review_history("a" * 16)
    assert [(r.decision, r.note, r.reviewer) for r in history] == [
        ("pass", "Photo replaced", "erlan"), ("fail", "2:1 on the photo", "asel")]
    assert history[1] == first and history[1].decided.tzinfo is not None
    with pytest.raises(StoreError, match="pass or fail, not 'maybe'"):
        store.add_review("a" * 16, "color-contrast", "maybe", "", "asel", "Әсел")
    assert len(store.review_history("a" * 16)) == 2
    store.close()


def test_agency_names_are_replaced_and_removed(database_url: str) -> None:
    store = Store(database_url)
    store.set_agency(AKIMAT, "  Көктал   ауданының әкімдігі ", "asel")
    store.set_agency(SCHOOL, "Мектеп", "asel")
    store.set_agency(AKIMAT, "Әкімдік", "erlan")
    assert store.agencies() == {AKIMAT: "Әкімдік", SCHOOL: "Мектеп"}
    store.set_agency(SCHOOL, "", "asel")
    assert store.agencies() == {AKIMAT: "Әкімдік"}
    store.close()


def test_headers_and_sightings_of_findings(database_url: str) -> None:
    store = Store(database_url)
    one = store_scan(store, [(AKIMAT, page(f"{AKIMAT}/", image_alt(), contrast_to_review())),
                             (SCHOOL, page(f"{SCHOOL}/", image_alt()))])
    two = store_scan(store, [(AKIMAT, page(f"{AKIMAT}/", image_alt()))],
                     {"kind": "stand", "stand": "http://127.0.0.1:8080/stand/main/"})
    headers = store.scan_headers()
    assert [(h.id, h.status, h.sites, h.options.get("kind")) for h in headers] == [
        (one, "finished", (AKIMAT, SCHOOL), None), (two, "finished", (AKIMAT,), "stand")]
    seen = store.sightings([one, two], AKIMAT)
    by_rule = {}
    for scan in (store.load(one), store.load(two)):
        for p in scan.pages:
            by_rule.update({(p.site, i.rule): fid for fid, i in p.issues})
    assert seen == {by_rule[AKIMAT, "image-alt"]: (one, two),
                    by_rule[AKIMAT, "color-contrast"]: (one, one)}
    assert store.sightings([two]) == {by_rule[AKIMAT, "image-alt"]: (two, two)}
    store.close()
