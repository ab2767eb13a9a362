"""The content store on real databases, SQLite and PostgreSQL, migrated by Alembic."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from kiosk.content import Content, ContentError
from kiosk.store.db import ContentStore
from kiosk.store.tables import Base


@pytest.fixture
def content_store(database_url: str) -> Iterator[ContentStore]:
    content_store = ContentStore(database_url)
    content_store.upgrade()
    yield content_store
    content_store.engine.dispose()


def test_migrations_create_the_tables_and_can_be_repeated(content_store: ContentStore) -> None:
    content_store.upgrade()
    tables = set(inspect(content_store.engine).get_table_names())
    assert {"organisations", "revisions", "locations", "users", "stand_contacts",
            "alembic_version"} <= tables
    assert content_store.is_empty()


def test_the_migrated_schema_is_the_schema_the_code_expects(content_store: ContentStore
                                                            ) -> None:
    with content_store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_publishing_makes_a_numbered_revision(content_store: ContentStore,
                                              demo_content: Content) -> None:
    revision, is_new = content_store.publish(demo_content, author="manager")
    assert is_new and revision.number == 1
    published = content_store.for_location("reception")
    assert published is not None
    assert published.content == demo_content
    assert published.number == 1
    assert published.published_by == "manager"


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


def test_another_process_sees_a_publication_within_seconds(
        content_store: ContentStore, database_url: str, demo_content: Content) -> None:
    content_store.publish(demo_content, author="a")
    other = ContentStore(database_url)  # a second server process on the same database
    try:
        assert other.for_location("main").number == 1
        changed = demo_content.model_copy(update={"default_location": "reception"})
        content_store.publish(changed, author="b")
        deadline = time.monotonic() + 5
        while other.for_location("main").number != 2:
            assert time.monotonic() < deadline, "the other process never saw revision 2"
            time.sleep(0.1)
    finally:
        other.engine.dispose()
