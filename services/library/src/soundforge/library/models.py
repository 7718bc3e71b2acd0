"""ORM models of the metadata of record: users and credentials, tracks, stems, analyses, jobs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from soundforge.db import Base
from soundforge.db.types import ID_LENGTH, JSONType, UTCDateTime, new_id

SHA256_HEX_LENGTH = 64
TAG_MAX_LENGTH = 64


def utcnow() -> datetime:
    return datetime.now(UTC)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))  # None: OAuth-only account
    role: Mapped[str] = mapped_column(String(16), default="user")
    # free | standard | premium as an admin set it; NULL: the deployment's default (LIBRARY_DEFAULT_PLAN),
    # so changing that setting moves every user no admin has placed.
    plan: Mapped[str | None] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class OAuthAccount(Base):
    """A third-party identity (Spotify) linked to a user, with its token set kept server-side."""

    __tablename__ = "oauth_accounts"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(255))
    token: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LoginSession(Base):
    """A login session; only the sha256 of its token is stored, so a leaked table grants nothing."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    prefix: Mapped[str] = mapped_column(String(8))
    token_hash: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Track(Base):
    __tablename__ = "tracks"
    # NULL sha256 values never collide, so tracks recorded without a checksum are not deduplicated.
    __table_args__ = (
        UniqueConstraint("owner_id", "sha256"),
        Index("ix_tracks_owner_id_created_at", "owner_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500), default="")
    artist: Mapped[str] = mapped_column(String(500), default="")
    album: Mapped[str] = mapped_column(String(500), default="")
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    sample_rate: Mapped[int] = mapped_column(Integer, default=0)
    channels: Mapped[int] = mapped_column(Integer, default=0)
    codec: Mapped[str] = mapped_column(String(32), default="")
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str | None] = mapped_column(String(SHA256_HEX_LENGTH))
    source_key: Mapped[str] = mapped_column(String(1024), default="")
    canonical_key: Mapped[str] = mapped_column(String(1024), default="")
    source: Mapped[str] = mapped_column(String(16), default="upload")
    source_url: Mapped[str] = mapped_column(Text, default="")
    spotify_id: Mapped[str] = mapped_column(String(64), default="")
    album_art_url: Mapped[str] = mapped_column(Text, default="")
    bpm: Mapped[float | None] = mapped_column(Float)
    key: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # selectin: async sessions cannot lazy-load, and every read of a track shows its tags.
    tag_rows: Mapped[list[TrackTag]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="TrackTag.position"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


class TrackAlias(Base):
    """Another id of a track: the id a download announced for audio the owner already had.

    The download was recorded as that existing track, so the announced id never became a row of
    `tracks`; clients holding it still reach the track through this (see track_aliases).
    """

    __tablename__ = "track_aliases"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    track_id: Mapped[str] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TrackTag(Base):
    """One tag of a track, in its own table so that filtering by tag is an indexed join."""

    __tablename__ = "track_tags"

    track_id: Mapped[str] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(TAG_MAX_LENGTH), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Stem(Base):
    __tablename__ = "stems"
    __table_args__ = (UniqueConstraint("track_id", "job_id", "name"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    track_id: Mapped[str] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    name: Mapped[str] = mapped_column(String(32))
    object_key: Mapped[str] = mapped_column(String(1024))
    model: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Analysis(Base):
    """The latest analysis result of a track (one row per track, replaced by each new analysis)."""

    __tablename__ = "analyses"

    track_id: Mapped[str] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), primary_key=True)
    job_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    result: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Job(Base):
    """The durable record of one unit of work; no foreign keys, so history outlives its track."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_owner_id_created_at", "owner_id", "created_at"),
        Index("ix_jobs_undispatched", "status", "dispatched_at"),
        Index("ix_jobs_waiting", "kind", "status", "released_at"),
        Index("ix_jobs_kind_created_at", "kind", "created_at"),  # recent arrivals (generation)
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))
    owner_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    track_id: Mapped[str] = mapped_column(String(ID_LENGTH), default="", index=True)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(100), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When its JobRequested reached JetStream; NULL until then (see jobs.Jobs.dispatch_pending).
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When it was let go to its workers: at creation, but a generation job waits here in the fair
    # queue until a generation worker's scheduler releases it (jobs.Jobs.release).
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Its sequence in the JOBS stream, to withdraw the request when the job is cancelled queued.
    request_seq: Mapped[int | None] = mapped_column(BigInteger)
