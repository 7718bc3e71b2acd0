"""Alembic environment of the test migrations: exactly what a service's env.py contains."""

from soundforge.db import Base, run_migrations_env

run_migrations_env(Base.metadata)
