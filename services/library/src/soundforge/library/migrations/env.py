"""Alembic environment of the library database; soundforge.db runs it (online, async, batch mode)."""

from soundforge.db import Base, run_migrations_env

# Imported for their side effect: every table must be on Base.metadata before autogenerate compares.
from soundforge.library import conversation_models, models, soundbox_models  # noqa: F401

run_migrations_env(Base.metadata)
