"""Typed job payloads: analysis results are stored as AnalysisResult JSON (one member per feature),
generations remember their job and whether they are private.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# JSONB on PostgreSQL, JSON text on SQLite, as the models declare it.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The flat keys each feature wrote before this revision (frozen here: the code may move on).
FEATURE_KEYS = {
    "tempo": ("tempo", "beats"),
    "key": ("key", "camelot", "key_confidence"),
    "energy": ("energy",),
    "spectral": (
        "spectral_centroid",
        "spectral_rolloff",
        "spectral_bandwidth",
        "spectral_flatness",
        "zero_crossing_rate",
    ),
    "loudness": ("loudness", "loudness_range", "true_peak"),
    "duration": ("duration",),
    "downbeats": ("downbeats", "beats_per_bar"),
    "danceability": ("danceability",),
    "spectrogram": ("spectrogram_key",),
}


def nested_analysis(flat: dict[str, Any]) -> dict[str, Any]:
    """A flat analysis result as AnalysisResult JSON; nulls are dropped (an unset optional field)."""
    nested: dict[str, Any] = {}
    for feature, keys in FEATURE_KEYS.items():
        if any(key in flat for key in keys):
            nested[feature] = {key: flat[key] for key in keys if flat.get(key) is not None}
    for feature, rows in (flat.get("features") or {}).items():
        nested[feature] = {"rows": [{"mean": row[0], "std": row[1]} for row in rows]}
    return nested


def _convert(table: str, key: str, where: str) -> None:
    bind = op.get_bind()
    rows = sa.table(table, sa.column(key, sa.String()), sa.column("result", JSONType))
    query = sa.select(rows.c[key], rows.c.result)
    if where:
        query = query.where(sa.text(where))
    for ident, flat in bind.execute(query).all():
        if not flat or any(isinstance(value, dict) for name, value in flat.items() if name != "features"):
            continue  # empty, or already nested
        bind.execute(rows.update().where(rows.c[key] == ident).values(result=nested_analysis(flat)))


def upgrade() -> None:
    _convert("jobs", "id", "kind = 'analysis'")
    _convert("analyses", "track_id", "")
    op.add_column("generations", sa.Column("job_id", sa.String(36), nullable=True))
    op.add_column(
        "generations", sa.Column("private", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_index("ix_generations_job_id", "generations", ["job_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_generations_job_id", table_name="generations")
    op.drop_column("generations", "private")
    op.drop_column("generations", "job_id")
