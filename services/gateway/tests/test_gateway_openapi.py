"""The OpenAPI document: every error a route documents has the envelope and the codes of its status.

Under /pipeline the envelope is the Audio Pipeline document's `{"detail"}`.
"""

from __future__ import annotations

from typing import Any

import pytest

from soundforge.gateway.errors import HTTP_STATUS_BY_CODE
from soundforge.gateway.openapi_errors import error_responses

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in spec["paths"].items() for method, op in ops.items()]


def _schema(spec: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    ref = response["content"]["application/json"]["schema"]["$ref"]
    schema: dict[str, Any] = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


async def test_errors_are_the_envelope_with_the_codes_of_their_status(gateway) -> None:
    spec = (await gateway.client().get("/openapi.json")).json()
    # FastAPI's own 422 shape is never sent: the gateway's handler renders the envelope.
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    checked = 0
    for method, path, operation in _operations(spec):
        for status, response in operation["responses"].items():
            if not status.startswith(("4", "5")) or path in ("/health", "/pipeline/health"):
                continue
            schema = _schema(spec, response)
            if path.startswith("/pipeline/"):
                assert schema["required"] == ["detail"], (method, path, status)  # the Audio Pipeline's shape
                continue
            if path.startswith("/soundbox/"):
                # Sound Box's shape; a 429 always says when to try again.
                required = ["error", "retry_after"] if status == "429" else ["error"]
                assert schema["required"] == required, (method, path, status)
                assert status != "422", (method, path)  # Sound Box answers invalid input with 400
                continue
            assert {"error", "code"} <= set(schema["required"]), (method, path, status)
            code = schema["properties"]["code"]
            documented = set(code.get("enum", [code.get("const")]))
            table = {c for c, s in HTTP_STATUS_BY_CODE.items() if s == int(status)}
            if set(schema["properties"]) <= {"error", "code", "details", "retry_after"}:
                assert documented == table, (method, path, status)
            else:  # a route's own error body (the agent chat's 502) names only the codes it can send
                assert documented and documented <= table, (method, path, status)
            if status == "422":
                assert "details" in schema["required"]
            checked += 1
    assert checked > 50


async def test_every_api_route_documents_auth_rate_limit_and_unavailable(gateway) -> None:
    spec = (await gateway.client().get("/openapi.json")).json()
    api = [(method, path, op) for method, path, op in _operations(spec) if path.startswith("/api/")]
    assert api
    for method, path, operation in api:
        assert {"401", "429", "503"} <= set(operation["responses"]), (method, path)
        if method in {"post", "put", "patch", "delete"}:
            assert "403" in operation["responses"], (method, path)  # CSRF with a session cookie


async def test_a_full_generation_queue_is_a_documented_429_with_retry_after(gateway) -> None:
    """Admission control answers /soundbox/generate with 429 (not in seed 003's list): declared."""
    spec = (await gateway.client().get("/openapi.json")).json()
    limited = spec["paths"]["/soundbox/generate"]["post"]["responses"]["429"]
    assert "generation queue is full" in limited["description"]
    assert limited["headers"]["Retry-After"]["schema"] == {"type": "integer"}
    schema = _schema(spec, limited)
    assert schema["required"] == ["error", "retry_after"]
    assert schema["properties"]["retry_after"]["type"] == "integer"


async def test_a_status_without_an_error_code_cannot_be_documented() -> None:
    with pytest.raises(ValueError):
        error_responses(418)
