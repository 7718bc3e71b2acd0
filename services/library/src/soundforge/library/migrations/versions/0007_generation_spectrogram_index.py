"""Generations are found by their spectrogram's file name (GET /soundbox/spectrogram/{filename}).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_generations_spectrogram", "generations", ["spectrogram"])


def downgrade() -> None:
    op.drop_index("ix_generations_spectrogram", table_name="generations")
