"""Generation admission sums the jobs of a kind created in a recent window (ListGenerationQueue).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_jobs_kind_created_at", "jobs", ["kind", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_kind_created_at", table_name="jobs")
