"""`/health` says "ok" only while the library and NATS answer, and the OpenAPI document shows both answers."""

from __future__ import annotations

import pytest

from soundforge.gateway.app import create_app
from soundforge.gateway.clients import GatewayClients
from soundforge.testing.ports import free_port

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_ok_while_the_library_and_nats_answer(gateway) -> None:
    response = await gateway.client().get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_the_library_down_is_503_naming_the_library(gateway) -> None:
    backends = gateway.backends
    settings = backends.settings.model_copy(update={"library_addr": f"127.0.0.1:{free_port()}"})
    clients = GatewayClients.open(settings)
    try:
        app = create_app(settings, clients, backends.bus, backends.blobs)
        response = await gateway.client(app).get("/health")
    finally:
        await clients.close()
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"library": "unreachable", "nats": "ok"}}


async def test_both_answers_are_documented(gateway) -> None:
    spec = (await gateway.client().get("/openapi.json")).json()
    responses = spec["paths"]["/health"]["get"]["responses"]
    schemas = spec["components"]["schemas"]

    def schema_of(status: str) -> dict:
        ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
        return schemas[ref.rsplit("/", 1)[1]]

    assert set(responses) == {"200", "503"}
    assert schema_of("200")["properties"]["status"]["const"] == "ok"
    assert schema_of("503")["properties"]["status"]["const"] == "unavailable"
    assert "checks" in schema_of("503")["required"]
