"""Users have a plan (free | standard | premium) an admin sets; NULL is the deployment's default plan.

Existing users keep NULL, so they have whatever LIBRARY_DEFAULT_PLAN says, like every user no admin
has placed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("plan", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "plan")
