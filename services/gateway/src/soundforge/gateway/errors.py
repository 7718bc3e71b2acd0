"""The one table from error code to HTTP status, and the handlers that render the documented error JSON."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from soundforge.gateway.client_text import UNICODE_MESSAGE
from soundforge.runtime.errors import SoundForgeError

log = logging.getLogger(__name__)

HTTP_STATUS_BY_CODE: dict[str, int] = {
    "BAD_REQUEST": 400,
    "UNAUTHORIZED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "METHOD_NOT_ALLOWED": 405,
    "CONFLICT": 409,
    "ALREADY_EXISTS": 409,
    "PAYLOAD_TOO_LARGE": 413,
    "UNSUPPORTED_MEDIA_TYPE": 415,
    "RANGE_NOT_SATISFIABLE": 416,  # /files with a Range past the end; HTTP only, no domain error
    "VALIDATION_ERROR": 422,
    "RATE_LIMITED": 429,
    "NOT_IMPLEMENTED": 501,
    "UPSTREAM_ERROR": 502,
    "SERVICE_UNAVAILABLE": 503,
    # Spotify's documented lower-case codes (seed 001), raised by ingest.
    "invalid_url": 400,
    "spotify_error": 502,
    "unauthorized": 503,  # Spotify credentials not configured
}

# Starlette raises HTTPException for routing failures; these give them our codes.
_CODE_BY_HTTP_STATUS: dict[int, str] = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}

BLANK = "can't be blank"

# These messages describe our internals (addresses, NATS subjects): logged, never shown to clients.
_PUBLIC_MESSAGES = {"INTERNAL_ERROR": "internal error", "SERVICE_UNAVAILABLE": "service unavailable"}


def http_status(code: str) -> int:
    return HTTP_STATUS_BY_CODE.get(code, 500)


def error_body(message: str, code: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message, "code": code}
    if code == "VALIDATION_ERROR":
        body["details"] = details or {}
    elif code == "RATE_LIMITED" and details and "retry_after" in details:
        body["retry_after"] = details["retry_after"]
    return body


def error_response(err: SoundForgeError, headers: dict[str, str] | None = None) -> JSONResponse:
    """The documented `{"error", "code"}` body (422 adds `details`) with the mapped status."""
    body = error_body(_PUBLIC_MESSAGES.get(err.code, err.message), err.code, err.details)
    return JSONResponse(body, status_code=http_status(err.code), headers=headers)


def validation_details(errors: Sequence[Any]) -> dict[str, list[str]]:
    """FastAPI's error list -> {field_name: [messages]}, the seed's 422 `details`.

    The field is named without its body/query prefix and without list positions: a bad item of
    `tags` is reported under `tags`, the name the client sent. Missing and empty values are
    "can't be blank", as the seed writes it.
    """
    details: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        field = ".".join(loc[1:]) if len(loc) > 1 else (loc[0] if loc else "body")
        details.setdefault(field, []).append(_message(error))
    return details


def _message(error: Any) -> str:
    kind = error.get("type")
    blank = kind == "missing" or (
        kind == "string_too_short" and (error.get("ctx") or {}).get("min_length") == 1
    )
    if kind == "string_unicode":
        # Pydantic's own check of a lone surrogate, worded as client_text words it for strict fields.
        return UNICODE_MESSAGE
    return BLANK if blank else str(error.get("msg", "is invalid"))


async def _soundforge_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SoundForgeError)
    if http_status(exc.code) >= 500:
        log.warning("request failed: %s", exc.message, extra={"code": exc.code})
    return error_response(exc)


async def _request_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return JSONResponse(error_body("malformed JSON", "BAD_REQUEST"), status_code=400)
    details = validation_details(errors)
    return JSONResponse(error_body("validation failed", "VALIDATION_ERROR", details), status_code=422)


async def _http_exception(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_HTTP_STATUS.get(exc.status_code, "INTERNAL_ERROR" if exc.status_code >= 500 else "ERROR")
    message = "not found" if exc.status_code == 404 else str(exc.detail).lower()
    return JSONResponse(error_body(message, code), status_code=exc.status_code, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SoundForgeError, _soundforge_error)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
