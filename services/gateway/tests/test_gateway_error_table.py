"""The code -> HTTP status table and the 422 details shape, without any server."""

from __future__ import annotations

from soundforge.gateway.errors import error_body, http_status, validation_details
from soundforge.runtime.errors import ALL_ERRORS


def test_every_domain_error_has_its_documented_status() -> None:
    expected = {
        "BAD_REQUEST": 400,
        "UNAUTHORIZED": 401,
        "FORBIDDEN": 403,
        "NOT_FOUND": 404,
        "CONFLICT": 409,
        "ALREADY_EXISTS": 409,
        "PAYLOAD_TOO_LARGE": 413,
        "UNSUPPORTED_MEDIA_TYPE": 415,
        "VALIDATION_ERROR": 422,
        "RATE_LIMITED": 429,
        "NOT_IMPLEMENTED": 501,
        "UPSTREAM_ERROR": 502,
        "SERVICE_UNAVAILABLE": 503,
        "INTERNAL_ERROR": 500,
    }
    assert {code: http_status(code) for code in ALL_ERRORS} == expected
    assert http_status("INVALID_URL") == 500


def test_validation_details_name_fields_without_their_location() -> None:
    errors = [
        {"loc": ("body", "name"), "type": "missing", "msg": "Field required"},
        {"loc": ("query", "page_size"), "type": "less_than_equal", "msg": "Input should be <= 100"},
        {"loc": ("body", "user", "email"), "type": "string_type", "msg": "Input should be a string"},
        {"loc": ("body",), "type": "missing", "msg": "Field required"},
        {"loc": ("body", "tags", 2), "type": "string_type", "msg": "Input should be a valid string"},
        {"loc": ("body", "title"), "type": "string_too_short", "msg": "short", "ctx": {"min_length": 1}},
        {"loc": ("body", "code"), "type": "string_too_short", "msg": "too short", "ctx": {"min_length": 4}},
    ]
    assert validation_details(errors) == {
        "name": ["can't be blank"],
        "page_size": ["Input should be <= 100"],
        "user.email": ["Input should be a string"],
        "body": ["can't be blank"],
        "tags": ["Input should be a valid string"],
        "title": ["can't be blank"],
        "code": ["too short"],
    }


def test_error_bodies() -> None:
    assert error_body("nope", "NOT_FOUND", {"ignored": 1}) == {"error": "nope", "code": "NOT_FOUND"}
    assert error_body("validation failed", "VALIDATION_ERROR", None)["details"] == {}
    limited = error_body("rate limit exceeded", "RATE_LIMITED", {"retry_after": 7})
    assert limited == {"error": "rate limit exceeded", "code": "RATE_LIMITED", "retry_after": 7}
