"""What a failed minio SDK call means for a caller, as one of our typed errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import urllib3.exceptions
from minio.error import MinioException, S3Error

from soundforge.runtime.errors import (
    Conflict,
    InvalidArgument,
    NotFound,
    SoundForgeError,
    Unavailable,
)

T = TypeVar("T")

_MISSING_OBJECT = {"NoSuchKey", "NoSuchObject", "ResourceNotFound", "NoSuchVersion"}
_BAD_REQUEST = {"InvalidArgument", "KeyTooLongError", "InvalidObjectName", "EntityTooLarge"}


def translate(exc: Exception, key: str) -> Exception:
    """The typed error for `exc`; anything not from the SDK or the network is returned unchanged."""
    if isinstance(exc, S3Error):
        if exc.code in _MISSING_OBJECT:
            return NotFound(f"object not found: {key}")
        if exc.code in _BAD_REQUEST:
            return InvalidArgument(f"object storage rejected {key}: {exc.code}")
        if exc.code in {"PreconditionFailed", "OperationAborted"}:
            return Conflict(f"object storage conflict on {key}: {exc.code}")
        # NoSuchBucket, AccessDenied, SlowDown, InternalError...: the store is not usable right now.
        return Unavailable(f"object storage failed on {key}: {exc.code}: {exc.message}")
    if isinstance(exc, (MinioException, urllib3.exceptions.HTTPError, OSError)):
        return Unavailable(f"object storage unreachable ({key}): {type(exc).__name__}: {exc}")
    return exc


def translated(key: str, fn: Callable[[], T]) -> T:
    """Runs an SDK call and re-raises its failure as a typed error."""
    try:
        return fn()
    except SoundForgeError:
        raise
    except Exception as exc:
        mapped = translate(exc, key)
        if mapped is exc:
            raise
        raise mapped from exc


def is_missing(exc: BaseException) -> bool:
    return isinstance(exc, S3Error) and exc.code in _MISSING_OBJECT
