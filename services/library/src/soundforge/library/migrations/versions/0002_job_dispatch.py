"""Jobs remember when (and where) their request reached JetStream: the library resends the ones that
did not, and withdraws a cancelled one.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("jobs", sa.Column("request_seq", sa.BigInteger(), nullable=True))
    # Jobs created before this revision were published by the service that created them.
    op.execute("UPDATE jobs SET dispatched_at = created_at")
    op.create_index("ix_jobs_undispatched", "jobs", ["status", "dispatched_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_undispatched", table_name="jobs")
    op.drop_column("jobs", "request_seq")
    op.drop_column("jobs", "dispatched_at")
