"""Initial schema: users and credentials, tracks, stems, analyses, jobs, and the Sound Box tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The database types behind soundforge.db.types.JSONType and UTCDateTime.
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)


def _id(name: str = "id", length: int = 36) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=False)


def _created() -> sa.Column:
    return sa.Column("created_at", TIMESTAMP, nullable=False)


def _updated() -> sa.Column:
    return sa.Column("updated_at", TIMESTAMP, nullable=False)


def _fk(column: str, table: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.id"], name=op.f(f"fk_{table}_{column}_{referred}"), ondelete="CASCADE"
    )


def _index(table: str, *columns: str, name: str | None = None) -> None:
    op.create_index(name or op.f(f"ix_{table}_{columns[0]}"), table, list(columns), unique=False)


def upgrade() -> None:
    op.create_table(
        "users",
        _id(),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("settings", JSON, nullable=False),
        _created(),
        _updated(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "oauth_accounts",
        _id(),
        _id("user_id"),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("token", JSON, nullable=False),
        _created(),
        _updated(),
        _fk("user_id", "oauth_accounts", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_accounts")),
        sa.UniqueConstraint("provider", "subject", name=op.f("uq_oauth_accounts_provider_subject")),
    )
    _index("oauth_accounts", "user_id")
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _id("user_id"),
        _created(),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        _fk("user_id", "sessions", "users"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_sessions")),
    )
    _index("sessions", "expires_at")
    _index("sessions", "user_id")
    op.create_table(
        "api_keys",
        _id(),
        _id("user_id"),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _created(),
        sa.Column("last_used_at", TIMESTAMP, nullable=True),
        _fk("user_id", "api_keys", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_keys_token_hash")),
    )
    _index("api_keys", "user_id")

    op.create_table(
        "tracks",
        _id(),
        _id("owner_id"),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("artist", sa.String(length=500), nullable=False),
        sa.Column("album", sa.String(length=500), nullable=False),
        sa.Column("duration", sa.Float(), nullable=False),
        sa.Column("sample_rate", sa.Integer(), nullable=False),
        sa.Column("channels", sa.Integer(), nullable=False),
        sa.Column("codec", sa.String(length=32), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("source_key", sa.String(length=1024), nullable=False),
        sa.Column("canonical_key", sa.String(length=1024), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("spotify_id", sa.String(length=64), nullable=False),
        sa.Column("album_art_url", sa.Text(), nullable=False),
        sa.Column("bpm", sa.Float(), nullable=True),
        sa.Column("key", sa.String(length=16), nullable=False),
        _created(),
        _updated(),
        _fk("owner_id", "tracks", "users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracks")),
        sa.UniqueConstraint("owner_id", "sha256", name=op.f("uq_tracks_owner_id_sha256")),
    )
    _index("tracks", "owner_id", "created_at", name="ix_tracks_owner_id_created_at")
    op.create_table(
        "track_tags",
        _id("track_id"),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("track_id", "track_tags", "tracks"),
        sa.PrimaryKeyConstraint("track_id", "tag", name=op.f("pk_track_tags")),
    )
    _index("track_tags", "tag")
    op.create_table(
        "stems",
        _id(),
        _id("track_id"),
        _id("job_id"),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("object_key", sa.String(length=1024), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        _created(),
        _fk("track_id", "stems", "tracks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stems")),
        sa.UniqueConstraint("track_id", "job_id", "name", name=op.f("uq_stems_track_id_job_id_name")),
    )
    _index("stems", "track_id")
    op.create_table(
        "analyses",
        _id("track_id"),
        _id("job_id"),
        sa.Column("result", JSON, nullable=False),
        _created(),
        _fk("track_id", "analyses", "tracks"),
        sa.PrimaryKeyConstraint("track_id", name=op.f("pk_analyses")),
    )

    op.create_table(
        "jobs",
        _id(),
        sa.Column("kind", sa.String(length=16), nullable=False),
        _id("owner_id"),
        _id("track_id"),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=100), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("params", JSON, nullable=False),
        sa.Column("result", JSON, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        _created(),
        _updated(),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    _index("jobs", "owner_id", "created_at", name="ix_jobs_owner_id_created_at")
    _index("jobs", "status")
    _index("jobs", "track_id")

    op.create_table(
        "generations",
        _id(),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("model", sa.String(length=16), nullable=False),
        sa.Column("duration", sa.Float(), nullable=False),
        sa.Column("is_loop", sa.Boolean(), nullable=False),
        sa.Column("quality_score", sa.Integer(), nullable=False),
        sa.Column("quality_issues", JSON, nullable=False),
        sa.Column("categories", JSON, nullable=False),
        sa.Column("object_key", sa.String(length=1024), nullable=False),
        sa.Column("spectrogram", sa.String(length=255), nullable=False),
        sa.Column("spectrogram_key", sa.String(length=1024), nullable=False),
        sa.Column("upvotes", sa.Integer(), nullable=False),
        sa.Column("downvotes", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        _id("user_id", 64),
        _created(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generations")),
        sa.UniqueConstraint("filename", name=op.f("uq_generations_filename")),
    )
    _index("generations", "created_at")
    _index("generations", "model", "created_at", name="ix_generations_model_created_at")
    _index("generations", "user_id")
    op.create_table(
        "votes",
        _id("generation_id"),
        _id("user_id", 64),
        sa.Column("vote", sa.Integer(), nullable=False),
        sa.Column("feedback_reasons", JSON, nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("suggested_model", sa.String(length=64), nullable=False),
        _created(),
        _updated(),
        _fk("generation_id", "votes", "generations"),
        sa.PrimaryKeyConstraint("generation_id", "user_id", name=op.f("pk_votes")),
    )
    op.create_table(
        "favorites",
        _id("generation_id"),
        _id("user_id", 64),
        _created(),
        _fk("generation_id", "favorites", "generations"),
        sa.PrimaryKeyConstraint("generation_id", "user_id", name=op.f("pk_favorites")),
    )
    _index("favorites", "user_id")
    op.create_table(
        "tag_suggestions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _id("generation_id"),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        _id("user_id", 64),
        _created(),
        _fk("generation_id", "tag_suggestions", "generations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_suggestions")),
        sa.UniqueConstraint(
            "generation_id",
            "category",
            "action",
            "user_id",
            name=op.f("uq_tag_suggestions_generation_id_category_action_user_id"),
        ),
    )
    _index("tag_suggestions", "generation_id")


def downgrade() -> None:
    # Children before parents; a table's indexes go with it.
    for table in (
        "tag_suggestions",
        "favorites",
        "votes",
        "generations",
        "jobs",
        "analyses",
        "stems",
        "track_tags",
        "tracks",
        "api_keys",
        "sessions",
        "oauth_accounts",
        "users",
    ):
        op.drop_table(table)
