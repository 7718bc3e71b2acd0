"""Database foundation: SQLAlchemy 2 async engines (SQLite WAL / PostgreSQL), ORM base, Alembic runner."""

from soundforge.db.base import NAMING_CONVENTION, Base, new_metadata
from soundforge.db.engine import make_engine, make_sessionmaker, ping
from soundforge.db.migrations import migrate, run_migrations_env, upgrade_to_head

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "make_engine",
    "make_sessionmaker",
    "migrate",
    "new_metadata",
    "ping",
    "run_migrations_env",
    "upgrade_to_head",
]
