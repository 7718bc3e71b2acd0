"""Column types that behave the same on SQLite and PostgreSQL: UTC datetimes, string ids, JSON."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, String, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB

ID_LENGTH = 36

# JSONB on PostgreSQL (indexable, compared by value); JSON text on SQLite.
JSONType = JSON().with_variant(JSONB(), "postgresql")


def new_id() -> str:
    """A random id in canonical UUID text form (what every id column holds)."""
    return str(uuid.uuid4())


class GUID(TypeDecorator[str]):
    """A UUID kept as its 36-character canonical text; accepts uuid.UUID or any UUID spelling."""

    impl = String(ID_LENGTH)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, uuid.UUID):
            return str(value)
        return str(uuid.UUID(str(value)))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(value)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always timezone-aware UTC in Python.

    SQLite keeps no zone: values are stored as naive UTC and come back with tzinfo=UTC.
    PostgreSQL stores `timestamptz`. Naive datetimes are refused on the way in: which zone they
    meant cannot be known.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise ValueError(f"naive datetime {value.isoformat()} given to a UTCDateTime column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
