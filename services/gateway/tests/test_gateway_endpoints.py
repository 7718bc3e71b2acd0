"""Every endpoint the three products document (the seeds' endpoints.tsv) is routed, with its method.

The seeds' inventory (../shared/seeds/endpoints.tsv, copied to tests/seed_endpoints.tsv so that the
test needs nothing outside the repository) is the contract's list of routes: a client of any of the
three products may call any of them. Nine of the 86 once answered the catch-all 404 while every
route that existed passed its own tests. Here a signed-in user calls each documented method and
path (parameters filled with ids that exist nowhere, an empty JSON body) and must get anything but
what its surface answers for a path nobody routed, or 405: a route's own 404 names what it did not
find. Whether each route answers the documented JSON is for the surface's own tests; the one
WebSocket (/socket/websocket) is connected to by test_gateway_user_socket.py.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
INVENTORY = REPO / "tests" / "seed_endpoints.tsv"
SHARED = REPO.parent / "shared" / "seeds" / "endpoints.tsv"
# What a documented path's parameters are filled with: ids of nothing, names of nothing.
FILLERS = {"filename": "none.wav", "audio_filename": "none.wav", "path": "none", "model": "music"}
NOBODY = "00000000-0000-4000-8000-000000000000"


def documented() -> list[dict[str, str]]:
    with INVENTORY.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def filled(path: str) -> str:
    return re.sub(r"\{([^}]*)\}", lambda match: FILLERS.get(match[1], NOBODY), path)


def unrouted_path(path: str) -> str:
    """A path on the same surface that no route can match."""
    for prefix in ("/soundbox", "/pipeline", "/api"):
        if path.startswith(prefix + "/"):
            return f"{prefix}/no-such-route-anywhere"
    return "/no-such-route-anywhere"


def test_the_inventory_is_the_seeds() -> None:
    assert len(documented()) == 86
    if SHARED.exists():  # CI clones the repository with ../shared beside it
        assert INVENTORY.read_text() == SHARED.read_text()


@pytest.mark.asyncio(loop_scope="session")
async def test_every_documented_endpoint_is_routed(gateway) -> None:
    session = await gateway.session()
    headers = {"X-CSRF-Token": session.csrf}
    missing = []
    for entry in documented():
        method, path = entry["method"], entry["path"]
        if method == "WS":
            continue
        nowhere = await session.client.request(method, unrouted_path(path), headers=headers)
        body: dict[str, object] | None = {} if method in ("POST", "PUT", "PATCH") else None
        answer = await session.client.request(method, filled(path), headers=headers, json=body)
        unrouted = (answer.status_code, answer.content) == (nowhere.status_code, nowhere.content)
        if unrouted or answer.status_code == 405:
            missing.append(f"{method} {path}: {answer.status_code} {answer.text[:80]}")
    assert missing == []
