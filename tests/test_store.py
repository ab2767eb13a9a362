"""The content store on real databases, SQLite and PostgreSQL, migrated by Alembic."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from kiosk.content import Content, ContentError
from kiosk.store import ContentStore
from kiosk.store.stands import StandRegister
from kiosk.store.tables import Base
from tests.conftest import DEMO_NOW

MOMENT = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)


@pytest.fixture
def content_store(database_url: str) -> Iterator[ContentStore]:
    content_store = ContentStore(database_url)
    content_store.upgrade()
    yield content_store
    content_store.dispose()


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
    revision, is_new = content_store.publisher.publish(demo_content, author="manager")
    assert is_new and revision.number == 1
    published = content_store.reader.for_location("reception")
    assert published is not None
    assert published.content == demo_content
    assert published.number == 1
    assert published.published_by == "manager"


def test_publication_time_is_read_back_in_utc(content_store: ContentStore,
                                              demo_content: Content) -> None:
    before = dt.datetime.now(dt.UTC)
    content_store.publisher.publish(demo_content, author="manager")
    published_at = content_store.reader.current("koktal-akimat").published_at
    # The test server's own time zone is Almaty: the driver must not leak it.
    assert published_at.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= published_at <= dt.datetime.now(dt.UTC)


def test_identical_content_is_not_stored_twice(content_store: ContentStore,
                                               demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, author="a")
    revision, is_new = content_store.publisher.publish(demo_content, author="b")
    assert not is_new and revision.number == 1


def test_changed_content_becomes_the_current_revision(content_store: ContentStore,
                                                      demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, author="a")
    changed = demo_content.model_copy(update={"default_location": "reception"})
    revision, is_new = content_store.publisher.publish(changed, author="b")
    assert is_new and revision.number == 2
    assert content_store.reader.current("koktal-akimat").content.default_location == "reception"


def test_a_location_id_cannot_belong_to_two_organisations(content_store: ContentStore,
                                                         demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, author="a")
    other = demo_content.model_copy(update={
        "organisation": demo_content.organisation.model_copy(update={"id": "other-akimat"})})
    with pytest.raises(ContentError) as caught:
        content_store.publisher.publish(other, author="b")
    assert caught.value.problems[0].startswith(
        'locations.main: this location id already belongs to organisation "koktal-akimat"')
    assert content_store.reader.organisation_ids() == ["koktal-akimat"]


def test_unknown_location_has_no_content(content_store: ContentStore,
                                         demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, author="a")
    assert content_store.reader.for_location("annex") is None


@pytest.mark.alone  # a deadline of seconds, for another process to notice
def test_another_process_sees_a_publication_within_seconds(
        content_store: ContentStore, database_url: str, demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, author="a")
    other = ContentStore(database_url)  # a second server process on the same database
    try:
        assert other.reader.for_location("main").number == 1
        org = demo_content.organisation
        renamed = org.model_copy(update={"name": org.name.model_copy(update={"en": "Renamed"})})
        changed = demo_content.model_copy(update={"organisation": renamed})
        content_store.publisher.publish(changed, author="b")
        deadline = time.monotonic() + 5
        while other.reader.for_location("main").number != 2:
            assert time.monotonic() < deadline, "the other process never saw revision 2"
            time.sleep(0.1)
    finally:
        other.dispose()


# -- stand contacts ---------------------------------------------------------------------
def test_a_stand_contact_is_kept_and_then_updated(content_store: ContentStore) -> None:
    register = StandRegister(content_store)
    register.contact("main-hall", "main", 1, MOMENT)
    register.contact("main-hall", "main", 2, MOMENT + dt.timedelta(minutes=1))
    contact = register.contacts()["main-hall"]
    assert (contact.revision_id, contact.last_seen) == (2, MOMENT + dt.timedelta(minutes=1))
    assert contact.last_seen.utcoffset() == dt.timedelta(0)


def at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run ``work(0)`` … ``work(count - 1)`` in threads released together; their errors."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            work(index)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_servers_recording_the_same_new_stand_at_once_both_succeed(
        content_store: ContentStore, database_url: str) -> None:
    # Each server process has its own register; a stand's polls may reach any of them.
    stores = [content_store, ContentStore(database_url)]
    registers = [StandRegister(s) for s in stores]
    try:
        for round_ in range(10):
            stand = f"stand-{round_}"
            errors = at_once(2, lambda i, s=stand: registers[i].contact(s, "main", i + 1,
                                                                        MOMENT))
            assert errors == []
        contacts = registers[0].contacts()
        assert sorted(contacts) == [f"stand-{n}" for n in range(10)]
        assert {c.revision_id for c in contacts.values()} <= {1, 2}
    finally:
        stores[1].dispose()


def test_server_processes_starting_together_upgrade_the_schema_once(
        postgresql_url: str) -> None:
    # systemd starts every kiosk-server@ instance at once, and each runs `kiosk db upgrade`.
    script = ("import sys\n"
              "import alembic.command\n"
              "from kiosk.store import ContentStore\n"
              "store = ContentStore(sys.argv[1])\n"
              "print('ready', flush=True)\n"
              "sys.stdin.readline()\n"
              "store.upgrade()\n")
    processes = [subprocess.Popen([sys.executable, "-c", script, postgresql_url], text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for _ in range(3)]
    for process in processes:  # every interpreter started and imported: now all at once
        assert process.stdout.readline() == "ready\n"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    outcomes = [(process.communicate(timeout=60)[1], process.returncode)
                for process in processes]
    assert [stderr for stderr, returncode in outcomes if returncode != 0] == []
    store = ContentStore(postgresql_url)
    try:
        assert store.is_ready() and store.is_empty()
    finally:
        store.dispose()


def test_connections_the_database_server_dropped_are_replaced_unnoticed(
        postgresql_url: str, demo_content: Content) -> None:
    store = ContentStore(postgresql_url)
    try:
        store.upgrade()
        store.publisher.publish(demo_content, author="a")
        assert store.reader.current("koktal-akimat").number == 1
        # What a restart of PostgreSQL does to every connection the server process holds.
        killer = create_engine(postgresql_url, poolclass=NullPool)
        with killer.begin() as connection:
            killed = connection.scalar(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        assert killed >= 1
        assert store.reader.current("koktal-akimat").number == 1
    finally:
        store.dispose()


def test_the_database_password_may_hold_any_character(postgresql_url: str,
                                                       demo_content: Content) -> None:
    # As deploy/kiosk.env.example says: @ / % : in a password are percent-encoded.
    url = make_url(postgresql_url)
    owner = f"owner_of_{url.database}"
    admin = create_engine(postgresql_url, poolclass=NullPool)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE ROLE {owner} LOGIN PASSWORD 'p@ss/w%rd:1'"))
        connection.execute(text(f"ALTER DATABASE {url.database} OWNER TO {owner}"))
    owned = url.set(username=owner, password="p@ss/w%rd:1").render_as_string(
        hide_password=False)
    assert "p%40ss%2Fw%25rd%3A1" in owned
    store = ContentStore(owned)
    try:
        store.upgrade()
        store.publisher.publish(demo_content, author="a")
        assert store.reader.current("koktal-akimat").number == 1
    finally:
        store.dispose()


def test_publishing_one_location_leaves_the_others_version_alone(
        content_store: ContentStore, demo_content: Content) -> None:
    content_store.publisher.publish(demo_content, "tests")
    before = content_store.reader.current(demo_content.organisation.id)
    reception = before.content.locations["reception"].model_dump(mode="json")
    reception["contacts"]["email"] = "changed@example.kz"
    content_store.publisher.publish_location(demo_content.organisation.id, "reception", reception,
                                   before.number, "tests")
    after = content_store.reader.current(demo_content.organisation.id)
    assert after.revision_id != before.revision_id
    now = DEMO_NOW
    assert after.version("main", now) == before.version("main", now)  # its stands neither reload
    assert after.version("reception", now) != before.version("reception", now)
