"""The declarative base of our ORM models, with constraint names Alembic can rely on."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic's batch mode (table rebuilds on SQLite) and later migrations
# drop or alter them by name on every backend; unnamed ones get backend-generated names.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> MetaData:
    """A MetaData with our naming convention, for Core tables or a second declarative base."""
    return MetaData(naming_convention=NAMING_CONVENTION)


class Base(DeclarativeBase):
    metadata = new_metadata()
