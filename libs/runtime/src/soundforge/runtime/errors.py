"""Typed domain errors: one base class with a stable code, mapped to transports in one place each."""

from __future__ import annotations

from typing import Any, ClassVar


class SoundForgeError(Exception):
    """Base of every error the domain raises on purpose.

    `code` is the documented error code clients see (`{"error", "code"}`); `grpc_status` is
    the name of the gRPC status code the error interceptor sends. The gateway maps the code
    back to an HTTP status with one table (soundforge.gateway.errors).
    """

    code: ClassVar[str] = "INTERNAL_ERROR"
    grpc_status: ClassVar[str] = "INTERNAL"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InvalidArgument(SoundForgeError):
    code = "BAD_REQUEST"
    grpc_status = "INVALID_ARGUMENT"


class ValidationFailed(SoundForgeError):
    """Field-level validation failure; `details` maps field name -> list of messages."""

    code = "VALIDATION_ERROR"
    grpc_status = "INVALID_ARGUMENT"

    def __init__(self, details: dict[str, list[str]], message: str = "validation failed") -> None:
        super().__init__(message, details=details)


class NotFound(SoundForgeError):
    code = "NOT_FOUND"
    grpc_status = "NOT_FOUND"


class AlreadyExists(SoundForgeError):
    code = "ALREADY_EXISTS"
    grpc_status = "ALREADY_EXISTS"


class Conflict(SoundForgeError):
    code = "CONFLICT"
    grpc_status = "FAILED_PRECONDITION"


class UnsupportedMediaType(SoundForgeError):
    code = "UNSUPPORTED_MEDIA_TYPE"
    grpc_status = "INVALID_ARGUMENT"


class PayloadTooLarge(SoundForgeError):
    code = "PAYLOAD_TOO_LARGE"
    grpc_status = "RESOURCE_EXHAUSTED"


class Unauthenticated(SoundForgeError):
    code = "UNAUTHORIZED"
    grpc_status = "UNAUTHENTICATED"


class PermissionDenied(SoundForgeError):
    code = "FORBIDDEN"
    grpc_status = "PERMISSION_DENIED"


class RateLimited(SoundForgeError):
    code = "RATE_LIMITED"
    grpc_status = "RESOURCE_EXHAUSTED"


class Unavailable(SoundForgeError):
    code = "SERVICE_UNAVAILABLE"
    grpc_status = "UNAVAILABLE"


class UpstreamError(SoundForgeError):
    """A third party (Spotify, lalal.ai, a download host) failed."""

    code = "UPSTREAM_ERROR"
    grpc_status = "UNAVAILABLE"


class NotImplementedYet(SoundForgeError):
    code = "NOT_IMPLEMENTED"
    grpc_status = "UNIMPLEMENTED"


ALL_ERRORS: dict[str, type[SoundForgeError]] = {
    cls.code: cls
    for cls in (
        SoundForgeError,
        InvalidArgument,
        ValidationFailed,
        NotFound,
        AlreadyExists,
        Conflict,
        UnsupportedMediaType,
        PayloadTooLarge,
        Unauthenticated,
        PermissionDenied,
        RateLimited,
        Unavailable,
        UpstreamError,
        NotImplementedYet,
    )
}


def error_from_code(code: str, message: str, details: dict[str, Any] | None = None) -> SoundForgeError:
    """Rebuilds the typed error a remote service raised, from the code it sent."""
    cls = ALL_ERRORS.get(code, SoundForgeError)
    if cls is ValidationFailed:
        return ValidationFailed(details or {}, message)
    err = cls(message, details=details)
    if cls is SoundForgeError and code != SoundForgeError.code:
        # Preserve an unknown code verbatim (e.g. a service-specific one such as INVALID_URL).
        err.code = code  # type: ignore[misc]
    return err
