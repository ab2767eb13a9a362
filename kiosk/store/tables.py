"""SQL tables. Content is kept whole, as one validated JSON document per revision,
so a revision is immutable and publishing is a single insert.

No column takes its moment from the real clock by itself: the code that writes a row
gives it the store's "now" (:func:`kiosk.store.database.session_now`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment stored in UTC and always read back in UTC, with its zone: SQLite keeps no
    zone, and a naive value would be compared wrongly with the aware moments of the code;
    PostgreSQL hands moments back in the server's own time zone, which is nobody's
    business but the server's."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object
                           ) -> dt.datetime | None:
        return value.astimezone(dt.UTC) if value is not None else None

    def process_result_value(self, value: dt.datetime | None, dialect: object
                             ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("organisation_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(120))


class User(Base):
    """A person who manages stands: an administrator, an editor of some locations, or an
    auditor who only reads."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    locations: Mapped[str] = mapped_column(Text, default="")  # comma-separated location ids
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Every session carries the version it was signed in with; advancing it ends them all
    # (kiosk.auth.sessions).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Where escalated calls for assistance are mailed (administrators), in which language.
    email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str | None] = mapped_column(String(5))
    # Whether the assistance page plays a tone for a new call.
    sound_alerts: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class StandContact(Base):
    """The last time each stand asked for news, and which revision it was showing."""

    __tablename__ = "stand_contacts"

    stand_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    location_id: Mapped[str] = mapped_column(String(40))
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revision_id: Mapped[int] = mapped_column(Integer)


class StandCredential(Base):
    """A stand's credential: the secret it proves itself with, kept as its SHA-256 only
    (the secret is random and long, so a slow password hash would add nothing but the
    cost of checking it on every poll). Revoked ones stay, for the record."""

    __tablename__ = "stand_credentials"
    __table_args__ = (Index("ix_stand_credentials_stand", "location_id", "stand_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location_id: Mapped[str] = mapped_column(String(40))
    stand_id: Mapped[str] = mapped_column(String(40))
    secret_hash: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(80))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(80), nullable=True)


class LocationIndex(Base):
    """Which organisation a location id belongs to, so /stand/<location> routes in one look-up."""

    __tablename__ = "locations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    # What its stands show, as Published.version gives it; 0 when not yet known.
    version: Mapped[int] = mapped_column(Integer, default=0)


class Draft(Base):
    """One editor's unpublished changes to one location.

    ``document`` is the location as typed, kept even when it does not validate yet, so
    nothing typed is ever lost; ``base_number`` is the revision it was started from,
    which is how a publication on top of someone else's newer one is noticed."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("location_id", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    location_id: Mapped[str] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(40))
    base_number: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SectionStamp(Base):
    """When each section of a location last changed, and when someone last confirmed it
    is still true: the Standard asks for both."""

    __tablename__ = "section_stamps"

    location_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    section: Mapped[str] = mapped_column(String(40), primary_key=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(120))
    reviewed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    reviewed_by: Mapped[str] = mapped_column(String(120))


class AnnouncementNotice(Base):
    """When each announcement (by id and event time) first reached the stands, and the
    first day visitors saw it with its agenda: the notice an open session was given is
    counted from that day.

    ``agenda_shown_on`` is certain once set; until then ``agenda_due_on`` is the day
    the published version will appear with its agenda (its ``display_from``), which a
    later publication may still move or withdraw."""

    __tablename__ = "announcement_notices"

    location_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    announcement: Mapped[str] = mapped_column(String(80), primary_key=True)  # id@event_at
    first_published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    agenda_shown_on: Mapped[dt.date | None] = mapped_column(Date)
    agenda_due_on: Mapped[dt.date | None] = mapped_column(Date)


class PublicationRecord(Base):
    """One location's part of a publication, for the Standard's update duty: what
    changed, when it was published, and when the information itself changed or reached
    the editor (``information_on``, as the editor recorded it; None when not recorded).

    ``kind`` is how it was published: "edit" (a draft), "restore", "import" (a whole
    file) or "initial" (the location's first publication, which updates nothing)."""

    __tablename__ = "publication_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[str] = mapped_column(String(40))
    location_id: Mapped[str] = mapped_column(String(40), index=True)
    revision_number: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    published_by: Mapped[str] = mapped_column(String(120))
    sections: Mapped[str] = mapped_column(String(200))  # comma-separated section ids
    kind: Mapped[str] = mapped_column(String(20))
    information_on: Mapped[dt.date | None] = mapped_column(Date)


# A request is open until it is closed: while it is, its stand cannot open another one.
OPEN_ASSISTANCE = text("closed_at IS NULL")


class AssistanceRequest(Base):
    """A visitor's call for assistance from a stand, and what staff did about it.

    ``stand_id`` is empty when the page was not opened on a known stand (the request
    then belongs to the location). ``closed_by`` is empty when the visitor withdrew the
    request at the stand; otherwise it names the manager who closed it."""

    __tablename__ = "assistance_requests"
    __table_args__ = (
        Index("ix_assistance_one_open_per_stand", "location_id", "stand_id", unique=True,
              sqlite_where=OPEN_ASSISTANCE, postgresql_where=OPEN_ASSISTANCE),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location_id: Mapped[str] = mapped_column(String(40), index=True)
    stand_id: Mapped[str] = mapped_column(String(40), default="")
    need: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(5))  # the language the visitor reads
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[str | None] = mapped_column(String(40))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
    closed_by: Mapped[str | None] = mapped_column(String(40))
    # Escalation: when the call was found unacknowledged past the set delay, and its
    # e-mail to the administrators. ``mail_attempt_at`` is a lease: the process that sets
    # it sends, another may try again only once it has run out.
    escalated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    mail_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    mail_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    mailed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    mail_error: Mapped[str | None] = mapped_column(Text)


class EngagementMeeting(Base):
    """A meeting of an information holder with representatives of people with
    disabilities about their information needs (the Standard asks for one at least every
    six months)."""

    __tablename__ = "engagement_meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[str] = mapped_column(String(40), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    organisations: Mapped[str] = mapped_column(Text)  # who was represented, as typed
    attendees: Mapped[int] = mapped_column(Integer)
    needs: Mapped[str] = mapped_column(Text)
    decisions: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(40))


class EngagementFollowUp(Base):
    """Something a meeting decided to do: what, who, by when, and whether it is done."""

    __tablename__ = "engagement_follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class VisitorFeedback(Base):
    """What a visitor found hard at a stand, left anonymously.

    Nothing that identifies the visitor is kept: no address, no session, only where and
    when, in which language, and what they chose and wrote."""

    __tablename__ = "visitor_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location_id: Mapped[str] = mapped_column(String(40), index=True)
    stand_id: Mapped[str] = mapped_column(String(40), default="")
    lang: Mapped[str] = mapped_column(String(5))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    category: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    # The meeting at which it was considered, once it has been.
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement_meetings.id", ondelete="SET NULL"))
