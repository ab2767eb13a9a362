"""The content store on a real SQLite database, migrated by Alembic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from kiosk.content import Content, ContentError
from kiosk.store.db import ContentStore


@pytest.fixture
def content_store(tmp_path: Path) -> ContentStore:
    content_store = ContentStore(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    content_store.upgrade()
    return content_store


def test_migrations_create_the_tables_and_can_be_repeated(content_store: ContentStore) -> None:
    content_store.upgrade()
    tables = set(inspect(content_store.engine).get_table_names())
    assert {"organisations", "revisions", "locations", "alembic_version"} <= tables
    assert content_store.is_empty()


def test_publishing_makes_a_numbered_revision(content_store: ContentStore,
                                              demo_content: Content) -> None:
    revision, is_new = content_store.publish(demo_content, author="manager")
    assert is_new and revision.number == 1
    published = content_store.for_location("reception")
    assert published is not None
    assert published.content == demo_content
    assert published.number == 1


def test_identical_content_is_not_stored_twice(content_store: ContentStore,
                                               demo_content: Content) -> None:
    content_store.publish(demo_content, author="a")
    revision, is_new = content_store.publish(demo_content, author="b")
    assert not is_new and revision.number == 1


def test_changed_content_becomes_the_current_revision(content_store: ContentStore,
                                                      demo_content: Content) -> None:
    content_store.publish(demo_content, author="a")
    changed = demo_content.model_copy(update={"default_location": "reception"})
    revision, is_new = content_store.publish(changed, author="b")
    assert is_new and revision.number == 2
    assert content_store.current("koktal-akimat").content.default_location == "reception"


def test_a_location_id_cannot_belong_to_two_organisations(content_store: ContentStore,
                                                         demo_content: Content) -> None:
    content_store.publish(demo_content, author="a")
    other = demo_content.model_copy(update={
        "organisation": demo_content.organisation.model_copy(update={"id": "other-akimat"})})
    with pytest.raises(ContentError) as caught:
        content_store.publish(other, author="b")
    assert caught.value.problems[0].startswith(
        'locations.main: this location id already belongs to organisation "koktal-akimat"')
    assert content_store.organisation_ids() == ["koktal-akimat"]


def test_unknown_location_has_no_content(content_store: ContentStore,
                                         demo_content: Content) -> None:
    content_store.publish(demo_content, author="a")
    assert content_store.for_location("annex") is None


def test_publishing_one_location_leaves_the_others_version_alone(tmp_path, demo_content) -> None:  # noqa: ANN001
    content_store = ContentStore(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    content_store.upgrade()
    content_store.publish(demo_content, "tests")
    before = content_store.current(demo_content.organisation.id)
    reception = before.content.locations["reception"].model_dump(mode="json")
    reception["contacts"]["email"] = "changed@example.kz"
    content_store.publish_location(demo_content.organisation.id, "reception", reception,
                                   before.number, "tests")
    after = content_store.current(demo_content.organisation.id)
    assert after.revision_id != before.revision_id
    assert after.version("main") == before.version("main")  # its stands neither reload
    assert after.version("reception") != before.version("reception")
