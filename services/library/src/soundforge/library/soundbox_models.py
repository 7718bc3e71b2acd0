"""ORM models of the Sound Box community library: generations, votes, favorites, tag suggestions."""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from soundforge.db import Base
from soundforge.db.types import ID_LENGTH, JSONType, UTCDateTime, new_id
from soundforge.library.models import utcnow

# Sound Box voters may be anonymous browser ids rather than accounts, so user_id columns here
# carry no foreign key to users.
VOTER_ID_LENGTH = 64


class Generation(Base):
    __tablename__ = "generations"
    __table_args__ = (
        Index("ix_generations_model_created_at", "model", "created_at"),
        Index("ix_generations_wilson_lower", "wilson_lower", "created_at"),
        Index("ix_generations_upvotes", "upvotes", "created_at"),
        Index("ix_generations_net_votes", "net_votes", "created_at"),
        Index("ix_generations_model_wilson_lower", "model", "wilson_lower", "created_at"),
        Index("ix_generations_model_upvotes", "model", "upvotes", "created_at"),
        Index("ix_generations_spectrogram", "spectrogram"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    filename: Mapped[str] = mapped_column(String(255), unique=True)
    prompt: Mapped[str] = mapped_column(Text, default="")
    model: Mapped[str] = mapped_column(String(16), default="music")  # "music" | "audio"
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    is_loop: Mapped[bool] = mapped_column(Boolean, default=False)
    quality_score: Mapped[int] = mapped_column(Integer, default=0)
    quality_issues: Mapped[list[str]] = mapped_column(JSONType, default=list)
    categories: Mapped[list[str]] = mapped_column(JSONType, default=list)
    object_key: Mapped[str] = mapped_column(String(1024), default="")
    spectrogram: Mapped[str] = mapped_column(String(255), default="")  # legacy file name of the image
    spectrogram_key: Mapped[str] = mapped_column(String(1024), default="")
    upvotes: Mapped[int] = mapped_column(Integer, default=0)
    downvotes: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int] = mapped_column(Integer, default=0)  # legacy 1-5 rating; 0 when unrated
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The generation job that made it (one entry per job: a redelivered result rewrites it).
    job_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), unique=True, index=True)
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Kept with the vote counts (soundbox_votes.tally), so `rating` and `top-rated` sort by an index.
    net_votes: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    wilson_lower: Mapped[float] = mapped_column(Float, default=0.0, server_default=text("0"))
    # A uniform random number fixed at insert: radio picks seek it instead of ORDER BY RANDOM().
    shuffle_key: Mapped[float] = mapped_column(Float, default=random.random, index=True)


class Vote(Base):
    __tablename__ = "votes"

    generation_id: Mapped[str] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH), primary_key=True)
    vote: Mapped[int] = mapped_column(Integer)  # -1 or 1; a removed vote deletes the row
    feedback_reasons: Mapped[list[str]] = mapped_column(JSONType, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    suggested_model: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Favorite(Base):
    __tablename__ = "favorites"

    generation_id: Mapped[str] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TagSuggestion(Base):
    """One user's vote to add or remove a category; enough of them change the generation's tags."""

    __tablename__ = "tag_suggestions"
    __table_args__ = (UniqueConstraint("generation_id", "category", "action", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    generation_id: Mapped[str] = mapped_column(ForeignKey("generations.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8), default="add")  # "add" | "remove"
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RadioPlay(Base):
    """What a listener was served by radio `next`, so it is not served again soon."""

    __tablename__ = "radio_plays"
    __table_args__ = (Index("ix_radio_plays_user_id_played_at", "user_id", "played_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH))
    generation_id: Mapped[str] = mapped_column(ForeignKey("generations.id", ondelete="CASCADE"))
    played_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClientError(Base):
    """A browser's error report (`POST /soundbox/api/log-error`): kept for operators, shown to nobody."""

    __tablename__ = "client_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(VOTER_ID_LENGTH), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    stack: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    user_agent: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
