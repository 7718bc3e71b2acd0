"""The one table from error code to HTTP status, and the handlers that render the documented error JSON.

Three shapes, chosen by path: `{"error", "code"}` (Sound Forge Alchemy, everywhere else), the Audio
Pipeline document's `{"detail": "..."}` under /pipeline (seed 004), and Sound Box's `{"error": "..."}`
under /soundbox (seed 003), where an invalid parameter is a 400 (Sound Box has no 422).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
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
    "LLM_NOT_CONFIGURED": 503,  # the agent Orchestrator has no LLM provider (GATEWAY_LLM_*)
    "MODEL_UNAVAILABLE": 503,  # a separation model GET /api/processing/models says is not available
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

PIPELINE_PREFIX = "/pipeline"


def is_pipeline_path(path: str) -> bool:
    """The Audio Pipeline's surface, whose errors are `{"detail": "..."}`."""
    return path == PIPELINE_PREFIX or path.startswith(PIPELINE_PREFIX + "/")


SOUNDBOX_PREFIX = "/soundbox"


def is_soundbox_path(path: str) -> bool:
    """Sound Box's surface, whose errors are `{"error": "..."}`."""
    return path == SOUNDBOX_PREFIX or path.startswith(SOUNDBOX_PREFIX + "/")


def http_status(code: str) -> int:
    return HTTP_STATUS_BY_CODE.get(code, 500)


def error_body(message: str, code: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message, "code": code}
    if code == "VALIDATION_ERROR":
        body["details"] = details or {}
    return body | retry_field(code, details)


def retry_field(code: str, details: dict[str, Any] | None) -> dict[str, Any]:
    """A 429's `retry_after`, which SFA's and Sound Box's bodies both carry beside their message."""
    if code == "RATE_LIMITED" and details and "retry_after" in details:
        return {"retry_after": details["retry_after"]}
    return {}


def detail_text(message: str, code: str, details: dict[str, Any] | None = None) -> str:
    """The Audio Pipeline's one string: the message, or for a 422 each field with its complaints."""
    if code == "VALIDATION_ERROR" and details:
        return "; ".join(f"{field}: {', '.join(map(str, problems))}" for field, problems in details.items())
    return message


def render_error(
    path: str,
    status: int,
    message: str,
    code: str,
    details: dict[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    fields: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """Every error body the gateway sends, in the shape of the product that owns `path`.

    `fields` are a route's own additions to the `{"error", "code"}` envelope (documented by that
    route's error model), never replacing `error` or `code`.
    """
    if is_pipeline_path(path):
        body: dict[str, Any] = {"detail": detail_text(message, code, details)}
    elif is_soundbox_path(path):
        body = {"error": detail_text(message, code, details)} | retry_field(code, details)
        status = 400 if status == 422 else status
    else:
        body = error_body(message, code, details)
        body.update({name: value for name, value in (fields or {}).items() if name not in body})
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(
    err: SoundForgeError, headers: dict[str, str] | None = None, *, path: str = ""
) -> JSONResponse:
    """The documented body for `err` (`{"error", "code"}`, or `{"detail"}` under /pipeline).

    A 429 whose error says when to try again (`retry_after`: a full generation queue, say) says it
    in a Retry-After header too, as the rate limiter's own 429 does. An error with `body_fields`
    (a route's own, e.g. the agent chat's failed turn) adds them to the envelope.
    """
    message = _PUBLIC_MESSAGES.get(err.code, err.message)
    retry_after = err.details.get("retry_after") if err.code == "RATE_LIMITED" else None
    if retry_after is not None and not any(name.lower() == "retry-after" for name in headers or {}):
        headers = {**(headers or {}), "Retry-After": str(retry_after)}
    fields: Mapping[str, Any] | None = getattr(err, "body_fields", None)
    return render_error(path, http_status(err.code), message, err.code, err.details, headers, fields)


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


async def _soundforge_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SoundForgeError)
    if http_status(exc.code) >= 500:
        log.warning("request failed: %s", exc.message, extra={"code": exc.code})
    # An error may name headers of its own (a route's 429 its Retry-After).
    headers: dict[str, str] | None = getattr(exc, "headers", None)
    return error_response(exc, headers=headers, path=request.url.path)


async def _request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    path = request.url.path
    if any(error.get("type") == "json_invalid" for error in errors):
        return render_error(path, 400, "malformed JSON", "BAD_REQUEST")
    details = validation_details(errors)
    return render_error(path, 422, "validation failed", "VALIDATION_ERROR", details)


async def _http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_HTTP_STATUS.get(exc.status_code, "INTERNAL_ERROR" if exc.status_code >= 500 else "ERROR")
    message = "not found" if exc.status_code == 404 else str(exc.detail).lower()
    return render_error(request.url.path, exc.status_code, message, code, headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SoundForgeError, _soundforge_error)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
