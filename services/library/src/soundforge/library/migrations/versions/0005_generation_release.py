"""Generation jobs wait in the library until a worker's scheduler releases them to JetStream.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("released_at", sa.DateTime(timezone=True), nullable=True))
    # Jobs before this revision were released on creation, like every kind but generation now.
    op.execute("UPDATE jobs SET released_at = created_at")
    op.create_index("ix_jobs_waiting", "jobs", ["kind", "status", "released_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_waiting", table_name="jobs")
    op.drop_column("jobs", "released_at")
