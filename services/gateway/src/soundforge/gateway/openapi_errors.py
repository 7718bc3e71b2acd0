"""The documented error bodies as OpenAPI responses: one model per HTTP status, from the one error table."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Literal

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field, create_model

from soundforge.gateway.errors import HTTP_STATUS_BY_CODE, is_pipeline_path, is_soundbox_path


class ErrorBody(BaseModel):
    """`{"error", "code"}`: every error the gateway sends (seed 000, "Response Format")."""

    error: str = Field(description="human-readable description")
    code: str = Field(description="stable error code")


class UnprocessableEntityError(ErrorBody):
    """422: which fields failed and why, e.g. `{"url": ["can't be blank"]}`."""

    code: Literal["VALIDATION_ERROR"]
    details: dict[str, list[str]]


class TooManyRequestsError(ErrorBody):
    """429: `retry_after` is the number of seconds until the window resets."""

    code: Literal["RATE_LIMITED"]
    retry_after: int


# The headers every /api answer carries; a 429 adds Retry-After.
_RATE_LIMIT_HEADERS = {
    name: {"description": description, "schema": {"type": "integer"}}
    for name, description in (
        ("X-RateLimit-Limit", "requests allowed per window"),
        ("X-RateLimit-Remaining", "requests left in this window"),
        ("X-RateLimit-Reset", "epoch second at which the window ends"),
        ("Retry-After", "seconds until a request may succeed again"),
    )
}


class DetailError(BaseModel):
    """`{"detail": "..."}`: every error under /pipeline (the Audio Pipeline document, seed 004)."""

    detail: str = Field(description="human-readable error message")


class SoundBoxError(BaseModel):
    """`{"error": "..."}`: every error under /soundbox (the Sound Box document, seed 003)."""

    error: str = Field(description="human-readable error message")


class SoundBoxTooManyRequests(SoundBoxError):
    """429 under /soundbox: a rate limit, or a full generation queue, with when to try again."""

    retry_after: int = Field(description="seconds until trying again makes sense (the Retry-After header's)")


_SPECIAL: dict[int, type[ErrorBody]] = {422: UnprocessableEntityError, 429: TooManyRequestsError}


def _codes(status: int) -> tuple[str, ...]:
    """The codes the error table maps to `status`: a body's `code` is always one of them."""
    codes = tuple(code for code, mapped in HTTP_STATUS_BY_CODE.items() if mapped == status)
    if not codes:
        raise ValueError(f"no error code maps to HTTP {status}")
    return codes


def _model(status: int) -> type[ErrorBody]:
    if status in _SPECIAL:
        return _SPECIAL[status]
    name = HTTPStatus(status).phrase.title().replace(" ", "").replace("-", "") + "Error"
    codes = _codes(status)
    # One literal per status, so a client (and the fuzzer) knows which codes each status carries.
    code_type: Any = Literal[codes]
    model: type[ErrorBody] = create_model(
        name,
        __base__=ErrorBody,
        __doc__=f"HTTP {status}: `code` is {', '.join(codes)}.",
        code=(code_type, Field(description="stable error code")),
    )
    return model


ERROR_MODELS: dict[int, type[ErrorBody]] = {
    status: _model(status) for status in sorted(set(HTTP_STATUS_BY_CODE.values()))
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status with its error body, e.g. `error_responses(404, 409)`."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        if status not in ERROR_MODELS:
            raise ValueError(f"no error code maps to HTTP {status}: add it to the error table first")
        response: dict[str, Any] = {"model": ERROR_MODELS[status], "description": HTTPStatus(status).phrase}
        if status == 429:
            response["headers"] = _RATE_LIMIT_HEADERS
        responses[status] = response
    return responses


def detail_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a /pipeline route: the same statuses as `error_responses`, each `{"detail"}`."""
    responses = error_responses(*statuses)
    for response in responses.values():
        response["model"] = DetailError
    return responses


def soundbox_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a /soundbox route: each status with `{"error"}` (invalid input is 400, never 422)."""
    if 422 in statuses:
        raise ValueError("Sound Box answers invalid input with 400")
    responses = error_responses(*statuses)
    for status, response in responses.items():
        response["model"] = SoundBoxTooManyRequests if status == 429 else SoundBoxError
    return responses


# What every /api route can answer before its handler runs: no or a bad credential (401), the
# caller's rate limit (429), the limiter's counters or the library out of reach (503).
API_ERRORS = (401, 429, 503)
# An unsafe method with a session cookie must echo the CSRF token (403); a bearer key needs none.
CSRF_ERRORS = (403,)
# /pipeline routes are counted like /api ones (429; 503 when the counters are out of reach).
PIPELINE_LIMIT_ERRORS = (429, 503)


def install_openapi(app: FastAPI) -> None:
    """FastAPI documents a 422 of its own shape on every route with parameters; ours is the envelope.

    Routes that validate input declare 422 themselves; this swaps the default for the rest (a route
    whose only parameters are plain path strings), so the document never shows a body the gateway
    does not send.
    """

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = _without_default_validation_error(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _without_default_validation_error(schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    if "HTTPValidationError" not in components:
        return schema
    components.pop("HTTPValidationError")
    components.pop("ValidationError", None)
    default_ref = "#/components/schemas/HTTPValidationError"
    for path, operations in schema.get("paths", {}).items():
        model = DetailError if is_pipeline_path(path) else UnprocessableEntityError
        for operation in operations.values():
            if is_soundbox_path(path):
                operation.get("responses", {}).pop("422", None)  # FastAPI's; Sound Box sends 400
                continue
            unprocessable = operation.get("responses", {}).get("422")
            if unprocessable is None:
                continue
            content = unprocessable.get("content", {}).get("application/json", {})
            if content.get("schema", {}).get("$ref") == default_ref:
                name = model.__name__
                components.setdefault(
                    name, model.model_json_schema(ref_template="#/components/schemas/{model}")
                )
                content["schema"] = {"$ref": f"#/components/schemas/{name}"}
                unprocessable["description"] = HTTPStatus(422).phrase
    return schema
