"""Conversions between protobuf well-known types / job enums and plain Python values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from google.protobuf import json_format, struct_pb2, timestamp_pb2

from soundforge.jobs.v1 import jobs_pb2

_STATUS_PREFIX = "JOB_STATUS_"
_KIND_PREFIX = "JOB_KIND_"


def struct_from_dict(value: dict[str, Any] | None) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    if value:
        message.update(value)
    return message


def dict_from_struct(message: struct_pb2.Struct) -> dict[str, Any]:
    """A Struct as plain values. Struct stores every number as a double, so integral numbers come back
    as ints (beats_per_bar 4, not 4.0): JSON clients compare them by value and expect what was put in."""
    restored = _integral_numbers(json_format.MessageToDict(message))
    assert isinstance(restored, dict)
    return restored


_MAX_EXACT_INT = 2**53


def _integral_numbers(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) <= _MAX_EXACT_INT:
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_numbers(item) for item in value]
    return value


def timestamp_from_datetime(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    message = timestamp_pb2.Timestamp()
    message.FromDatetime(value)
    return message


def datetime_from_timestamp(message: timestamp_pb2.Timestamp) -> datetime | None:
    if message.seconds == 0 and message.nanos == 0:
        return None
    return message.ToDatetime(tzinfo=UTC)


def iso(timestamp: timestamp_pb2.Timestamp) -> str | None:
    """ISO 8601 in UTC with a Z, to the second (every timestamp the HTTP API shows); None when unset."""
    value = datetime_from_timestamp(timestamp)
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def status_name(status: int) -> str:
    """JOB_STATUS_QUEUED -> "queued"."""
    return jobs_pb2.JobStatus.Name(status).removeprefix(_STATUS_PREFIX).lower()


def status_value(name: str) -> jobs_pb2.JobStatus:
    """ "queued" -> JOB_STATUS_QUEUED; raises ValueError on an unknown name."""
    return cast(jobs_pb2.JobStatus, jobs_pb2.JobStatus.Value(_STATUS_PREFIX + name.upper()))


def kind_name(kind: int) -> str:
    return jobs_pb2.JobKind.Name(kind).removeprefix(_KIND_PREFIX).lower()


def kind_value(name: str) -> jobs_pb2.JobKind:
    return cast(jobs_pb2.JobKind, jobs_pb2.JobKind.Value(_KIND_PREFIX + name.upper()))


TERMINAL_STATUSES = frozenset(
    {jobs_pb2.JOB_STATUS_COMPLETED, jobs_pb2.JOB_STATUS_FAILED, jobs_pb2.JOB_STATUS_CANCELLED}
)
