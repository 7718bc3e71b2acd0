"""The agent Orchestrator through the gateway, against a fake OpenAI-compatible provider on loopback:
threads stored per user, tools over the caller's own data, provider failures as 502, input checks."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.testing.fake_llm import FakeLLM, fake_llm
from soundforge.testing.job_params import analysis_result, job_params
from soundforge.testing.ports import free_port
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="session")

CHAT = "/api/agents/chat"
CONVERSATIONS = "/api/agents/conversations"
HEALTH = "/api/admin/llm/health"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeLLM]:
    with fake_llm() as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_script(fake: FakeLLM) -> None:
    fake.script.clear()
    fake.models_failure = None
    fake.models_stall_seconds = 0.0


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def track(gateway: Any, owner_id: str, title: str) -> str:
    track_id = uuid.uuid4().hex
    record = library_pb2.Track(
        id=track_id,
        owner_id=owner_id,
        title=title,
        artist="Tests",
        sha256=hashlib.sha256(track_id.encode()).hexdigest(),
    )
    await gateway.backends.clients.library.CreateTrack(library_pb2.CreateTrackRequest(track=record))
    return track_id


def tool_results(request: dict[str, Any]) -> list[dict[str, Any]]:
    """The tool results a chat-completions request carried back to the model."""
    return [json.loads(m["content"]) for m in request["messages"] if m["role"] == "tool"]


async def test_without_a_provider_chat_is_503_and_health_says_so(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    response = await client.post(CHAT, json={"message": "hello"}, headers=bearer(token))
    assert response.status_code == 503
    assert response.json() == {"error": "no LLM provider configured", "code": "LLM_NOT_CONFIGURED"}
    listed = await client.get(CONVERSATIONS, headers=bearer(token))
    assert listed.json()["data"] == []  # nothing was stored

    admin_token = await make_admin(gateway)
    health = await client.get(HEALTH, headers=bearer(admin_token))
    assert health.status_code == 200
    assert health.json() == {
        "data": {
            "provider": None,
            "model": None,
            "configured": False,
            "reachable": False,
            "latency_ms": None,
            "error": "no LLM provider configured",
        }
    }


async def test_a_chat_turn_is_answered_and_kept_on_the_thread(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    fake.answer("Hello! I can analyse tracks and split stems.")
    first = await client.post(CHAT, json={"message": "  What can you do?\nBe brief."}, headers=bearer(token))
    assert first.status_code == 200, first.text
    data = first.json()["data"]
    assert data["reply"] == "Hello! I can analyse tracks and split stems."
    assert data["actions"] == []
    assert [(m["role"], m["content"], m["tool_name"], m["error"]) for m in data["messages"]] == [
        ("user", "  What can you do?\nBe brief.", None, None),
        ("assistant", "Hello! I can analyse tracks and split stems.", None, None),
    ]
    sent = fake.chat_requests[-1]
    assert sent["model"] == fake.model
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert {t["function"]["name"] for t in sent["tools"]} == {
        "list_tracks",
        "get_track_analysis",
        "analyze_track",
        "separate_stems",
    }

    conversation_id = data["conversation_id"]
    second = await client.post(
        CHAT, json={"message": "And tempo?", "conversation_id": conversation_id}, headers=bearer(token)
    )
    assert second.status_code == 200, second.text
    assert second.json()["data"]["reply"] == "echo: And tempo?"
    # The model sees the thread so far: both sides' words of the first turn, then the new message.
    history = [(m["role"], m["content"]) for m in fake.chat_requests[-1]["messages"][1:]]
    assert history == [
        ("user", "  What can you do?\nBe brief."),
        ("assistant", "Hello! I can analyse tracks and split stems."),
        ("user", "And tempo?"),
    ]

    thread = await client.get(f"{CONVERSATIONS}/{conversation_id}", headers=bearer(token))
    assert thread.status_code == 200
    body = thread.json()["data"]
    assert body["title"] == "What can you do?"
    assert body["message_count"] == 4
    assert [m["content"] for m in body["messages"]] == [
        "  What can you do?\nBe brief.",
        "Hello! I can analyse tracks and split stems.",
        "And tempo?",
        "echo: And tempo?",
    ]
    assert all(m["created_at"].endswith("Z") for m in body["messages"])

    listed = await client.get(CONVERSATIONS, headers=bearer(token))
    assert listed.status_code == 200
    assert listed.json() == {
        "data": [{k: body[k] for k in ("id", "title", "message_count", "created_at", "updated_at")}],
        "meta": {"page": 1, "page_size": 20, "total_count": 1, "total_pages": 1},
    }


async def test_conversations_are_paged_newest_activity_first(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    ids = []
    for n in range(3):
        response = await client.post(CHAT, json={"message": f"thread {n}"}, headers=bearer(token))
        ids.append(response.json()["data"]["conversation_id"])
    await client.post(CHAT, json={"message": "bump", "conversation_id": ids[0]}, headers=bearer(token))
    page = await client.get(CONVERSATIONS, params={"page": 1, "page_size": 2}, headers=bearer(token))
    assert [c["id"] for c in page.json()["data"]] == [ids[0], ids[2]]
    assert page.json()["meta"] == {"page": 1, "page_size": 2, "total_count": 3, "total_pages": 2}
    rest = await client.get(CONVERSATIONS, params={"page": 2, "page_size": 2}, headers=bearer(token))
    assert [c["title"] for c in rest.json()["data"]] == ["thread 1"]
    bad = await client.get(CONVERSATIONS, params={"page_size": 101}, headers=bearer(token))
    assert bad.status_code == 422 and "page_size" in bad.json()["details"]


async def test_another_users_conversation_is_not_found(gateway, fake: FakeLLM) -> None:
    _, owner_token = await gateway.bearer()
    _, other_token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    created = await client.post(CHAT, json={"message": "private plans"}, headers=bearer(owner_token))
    conversation_id = created.json()["data"]["conversation_id"]
    asked = len(fake.chat_requests)

    peek = await client.get(f"{CONVERSATIONS}/{conversation_id}", headers=bearer(other_token))
    assert peek.status_code == 404
    assert peek.json() == {"error": "conversation not found", "code": "NOT_FOUND"}
    hijack = await client.post(
        CHAT, json={"message": "and me?", "conversation_id": conversation_id}, headers=bearer(other_token)
    )
    assert hijack.status_code == 404
    assert hijack.json() == {"error": "conversation not found", "code": "NOT_FOUND"}
    assert len(fake.chat_requests) == asked  # refused before the model was asked
    assert (await client.get(CONVERSATIONS, headers=bearer(other_token))).json()["data"] == []
    unknown = await client.get(f"{CONVERSATIONS}/{uuid.uuid4()}", headers=bearer(owner_token))
    assert unknown.status_code == 404
    anonymous = await client.get(CONVERSATIONS)
    assert anonymous.status_code == 401


async def test_tools_see_only_the_callers_tracks(gateway, fake: FakeLLM) -> None:
    user, token = await gateway.bearer()
    other, _ = await gateway.bearer()
    mine = await track(gateway, user["id"], "Mine")
    theirs = await track(gateway, other["id"], "Theirs")
    client = gateway.client(**fake.gateway_settings())
    fake.call_tools(("list_tracks", {}), ("get_track_analysis", {"track_id": theirs}))
    fake.call_tools(("analyze_track", {"track_id": theirs}), ("separate_stems", {"track_id": theirs}))
    fake.answer("You have one track, Mine.")
    response = await client.post(CHAT, json={"message": "what tracks do I have?"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["reply"] == "You have one track, Mine."
    assert data["actions"] == []

    listed, foreign = tool_results(fake.chat_requests[-2])
    assert [t["id"] for t in listed["tracks"]] == [mine]
    assert listed["total_count"] == 1
    assert foreign == {"error": "track not found", "code": "NOT_FOUND"}
    # Jobs are started by the analysis and separation services, which none runs in this module
    # (test_gateway_agent_jobs has them): the model is told, and the turn goes on.
    assert tool_results(fake.chat_requests[-1])[2:] == [
        {"error": "service unavailable", "code": "SERVICE_UNAVAILABLE"},
        {"error": "service unavailable", "code": "SERVICE_UNAVAILABLE"},
    ]
    jobs = await gateway.backends.clients.library.ListJobs(
        library_pb2.ListJobsRequest(owner_id=other["id"], page=library_pb2.Page(page=1, page_size=10))
    )
    assert list(jobs.jobs) == []

    roles = [(m["role"], m["tool_name"]) for m in data["messages"]]
    assert roles == [
        ("user", None),
        ("tool", "list_tracks"),
        ("tool", "get_track_analysis"),
        ("tool", "analyze_track"),
        ("tool", "separate_stems"),
        ("assistant", None),
    ]
    record = json.loads(data["messages"][2]["content"])
    assert record == {
        "arguments": {"track_id": theirs},
        "result": {"error": "track not found", "code": "NOT_FOUND"},
    }


async def test_a_tracks_analysis_is_read_for_the_model(gateway, fake: FakeLLM) -> None:
    user, token = await gateway.bearer()
    track_id = await track(gateway, user["id"], "Analysed")
    fresh = await track(gateway, user["id"], "Fresh")
    library = gateway.backends.clients.library
    job = await library.CreateJob(
        library_pb2.CreateJobRequest(owner_id=user["id"], track_id=track_id, params=job_params("analysis"))
    )
    update = jobs_pb2.JobUpdate(
        job_id=job.id, attempt=1, result=analysis_result(tempo=128.0, key="A minor", beats=[0.5, 0.97])
    )
    await gateway.backends.bus.publish_update("analysis", "completed", update)
    request = library_pb2.GetTrackAnalysisRequest(owner_id=user["id"], track_id=track_id)
    await eventually(lambda: _has_analysis(library, request), bool, what="the analysis applied")

    client = gateway.client(**fake.gateway_settings())
    fake.call_tools(
        ("get_track_analysis", {"track_id": track_id}),
        ("get_track_analysis", {"track_id": fresh}),
        ("get_track_analysis", {}),
        ("no_such_tool", {}),
        ("list_tracks", "{not json"),
    )
    fake.answer("128 BPM in A minor.")
    response = await client.post(CHAT, json={"message": "tempo and key?"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    analysed, never, missing, unknown, broken = tool_results(fake.chat_requests[-1])
    assert analysed["title"] == "Analysed"
    assert (analysed["analysis"]["tempo"], analysed["analysis"]["key"]) == (128.0, "A minor")
    assert "beats" not in analysed["analysis"]  # per-beat lists stay out of the model's context
    assert never == {"track_id": fresh, "title": "Fresh", "analysis": None}
    assert missing == {"error": "track_id must be a track id from list_tracks"}
    assert unknown == {"error": "no tool named 'no_such_tool'"}
    assert broken == {"error": "the arguments are not valid JSON"}


async def _has_analysis(library: Any, request: library_pb2.GetTrackAnalysisRequest) -> bool:
    try:
        await library.GetTrackAnalysis(request)
    except Exception:
        return False
    return True


@pytest.mark.parametrize(
    ("script", "overrides", "error"),
    [
        (
            lambda f: f.fail(500, "the model is overloaded"),
            {},
            "the LLM provider answered HTTP 500: the model is overloaded",
        ),
        (
            lambda f: f.fail(429, "Rate limit reached"),
            {},
            "the LLM provider answered HTTP 429: Rate limit reached",
        ),
        (
            lambda f: f.stall(1.0),
            {"llm_timeout_seconds": 0.2},
            "the LLM provider did not answer within 0.2 s",
        ),
        (lambda f: f.malformed({"choices": []}), {}, "the LLM provider's answer is not a chat completion"),
        (
            lambda f: None,
            {"llm_api_key": SecretStr("sk-wrong")},
            "the LLM provider answered HTTP 401: Incorrect API key provided.",
        ),
        (
            lambda f: None,
            {"llm_model": "gpt-nope"},
            "the LLM provider answered HTTP 404: The model `gpt-nope` does not exist.",
        ),
    ],
)
async def test_a_provider_failure_is_502_and_a_failed_turn(
    gateway, fake: FakeLLM, script: Any, overrides: dict[str, Any], error: str
) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**{**fake.gateway_settings(), **overrides})
    script(fake)
    response = await client.post(CHAT, json={"message": "split my song"}, headers=bearer(token))
    assert response.status_code == 502
    [thread] = (await client.get(CONVERSATIONS, headers=bearer(token))).json()["data"]
    # The body names the thread the failed turn is stored on, and the jobs it started (none here).
    assert response.json() == {
        "error": error,
        "code": "UPSTREAM_ERROR",
        "conversation_id": thread["id"],
        "actions": [],
    }
    stored = (await client.get(f"{CONVERSATIONS}/{thread['id']}", headers=bearer(token))).json()["data"]
    assert [(m["role"], m["content"], m["error"]) for m in stored["messages"]] == [
        ("user", "split my song", None),
        ("assistant", "", error),
    ]
    if overrides:
        return
    # The next turn is not shown the failed answer, only the user's words.
    fake.answer("Sorry, back now.")
    again = await client.post(
        CHAT, json={"message": "again", "conversation_id": thread["id"]}, headers=bearer(token)
    )
    assert again.status_code == 200, again.text
    shown = [(m["role"], m["content"]) for m in fake.chat_requests[-1]["messages"][1:]]
    assert shown == [("user", "split my song"), ("user", "again")]


async def test_tool_rounds_are_bounded(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings(), llm_max_tool_rounds=2)
    for _ in range(3):
        fake.call_tools(("list_tracks", {}))
    asked = len(fake.chat_requests)
    response = await client.post(CHAT, json={"message": "loop forever"}, headers=bearer(token))
    assert response.status_code == 502
    requests = fake.chat_requests[asked:]
    assert len(requests) == 3
    assert ["tools" in r for r in requests] == [True, True, False]  # the last round offers none
    [thread] = (await client.get(CONVERSATIONS, headers=bearer(token))).json()["data"]
    assert thread["message_count"] == 4  # the user's message, two tool records, the failed answer
    assert response.json() == {
        "error": "the model still asked for tools after 2 rounds",
        "code": "UPSTREAM_ERROR",
        "conversation_id": thread["id"],
        "actions": [],
    }

    # On an existing thread the body names that thread; the turn is added to it.
    for _ in range(3):
        fake.call_tools(("list_tracks", {}))
    again = await client.post(
        CHAT, json={"message": "loop forever", "conversation_id": thread["id"]}, headers=bearer(token)
    )
    assert again.status_code == 502
    assert again.json() == {
        "error": "the model still asked for tools after 2 rounds",
        "code": "UPSTREAM_ERROR",
        "conversation_id": thread["id"],
        "actions": [],
    }
    [same] = (await client.get(CONVERSATIONS, headers=bearer(token))).json()["data"]
    assert (same["id"], same["message_count"]) == (thread["id"], 8)


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"message": ""}, {"message": ["can't be blank"]}),
        ({"message": "   \n "}, {"message": ["can't be blank"]}),
        ({}, {"message": ["can't be blank"]}),
        ({"message": "x" * 8001}, {"message": ["String should have at most 8000 characters"]}),
        ({"message": 5}, {"message": ["Input should be a valid string"]}),
        ({"message": "hi", "conversation_id": ""}, {"conversation_id": ["can't be blank"]}),
        ({"message": "hi", "user_id": "someone-else"}, {"user_id": ["Extra inputs are not permitted"]}),
        ({"message": "nul\x00"}, {"message": ["must not contain NUL characters"]}),
    ],
)
async def test_chat_validates_its_body(gateway, fake: FakeLLM, body: dict[str, Any], details: Any) -> None:
    _, token = await gateway.bearer()
    asked = len(fake.chat_requests)
    response = await gateway.client(**fake.gateway_settings()).post(CHAT, json=body, headers=bearer(token))
    assert response.status_code == 422
    assert response.json() == {"error": "validation failed", "code": "VALIDATION_ERROR", "details": details}
    assert len(fake.chat_requests) == asked


async def test_text_the_library_cannot_store_is_cleaned(gateway, fake: FakeLLM) -> None:
    """A provider's NUL or lone surrogate would fail PostgreSQL or protobuf: never a 500."""
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    fake.call_tools(("list\x00_tracks", {"search": "a\x00b"}))
    fake.answer("tempo\x00 is \ud800 128")
    response = await client.post(CHAT, json={"message": "hi"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["reply"] == "tempo is ? 128"
    assert data["messages"][1]["tool_name"] == "list_tracks"
    # Escaped in JSON text, the argument's NUL is stored as written; the tool refuses to search with it.
    assert json.loads(data["messages"][1]["content"]) == {
        "arguments": {"search": "a\x00b"},
        "result": {"error": "search must not contain NUL characters"},
    }


async def test_malformed_json_is_400(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    headers = {**bearer(token), "Content-Type": "application/json"}
    response = await client.post(CHAT, content=b'{"message": "hi"', headers=headers)
    assert response.status_code == 400
    assert response.json() == {"error": "malformed JSON", "code": "BAD_REQUEST"}


async def test_chat_counts_against_the_heavy_limit_and_wants_csrf(gateway, fake: FakeLLM) -> None:
    _, token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings(), rate_limit_heavy=1)
    first = await client.post(CHAT, json={"message": "one"}, headers=bearer(token))
    assert first.status_code == 200
    assert first.headers["X-RateLimit-Limit"] == "1"
    second = await client.post(CHAT, json={"message": "two"}, headers=bearer(token))
    assert second.status_code == 429
    assert second.json()["code"] == "RATE_LIMITED"
    light = await client.get(CONVERSATIONS, headers=bearer(token))
    assert light.status_code == 200

    session = await gateway.session(gateway.client(**fake.gateway_settings()))
    refused = await session.client.post(CHAT, json={"message": "hi"})
    assert refused.status_code == 403
    allowed = await session.client.post(CHAT, json={"message": "hi"}, headers={"X-CSRF-Token": session.csrf})
    assert allowed.status_code == 200, allowed.text


async def make_admin(gateway: Any) -> str:
    admin, token = await gateway.bearer()
    await gateway.backends.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=admin["id"], role="admin")
    )
    return str(token)


async def test_llm_health_reports_the_provider_to_admins(gateway, fake: FakeLLM) -> None:
    admin_token = await make_admin(gateway)
    _, user_token = await gateway.bearer()
    client = gateway.client(**fake.gateway_settings())
    port = fake.root_url.rsplit(":", 1)[1]

    refused = await client.get(HEALTH, headers=bearer(user_token))
    assert refused.status_code == 403
    assert refused.json() == {"error": "admin role required", "code": "FORBIDDEN"}

    response = await client.get(HEALTH, headers=bearer(admin_token))
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["latency_ms"] >= 0
    assert {**data, "latency_ms": None} == {
        "provider": f"127.0.0.1:{port}",
        "model": fake.model,
        "configured": True,
        "reachable": True,
        "latency_ms": None,
        "error": None,
    }
    assert fake.requests[-1] == "GET /v1/models"

    fake.models_failure = 503
    down = (await client.get(HEALTH, headers=bearer(admin_token))).json()["data"]
    assert (down["reachable"], down["error"]) == (
        False,
        "the LLM provider answered HTTP 503: models are unavailable",
    )

    fake.models_failure = None
    fake.models_stall_seconds = 1.0
    slow_client = gateway.client(**fake.gateway_settings(), llm_health_timeout_seconds=0.2)
    slow = (await slow_client.get(HEALTH, headers=bearer(admin_token))).json()["data"]
    assert (slow["reachable"], slow["latency_ms"], slow["error"]) == (
        False,
        None,
        "the LLM provider did not answer within 0.2 s",
    )

    closed = f"http://127.0.0.1:{free_port()}/v1"
    gone_client = gateway.client(llm_base_url=closed, llm_model="m")
    gone = (await gone_client.get(HEALTH, headers=bearer(admin_token))).json()["data"]
    assert (gone["configured"], gone["reachable"]) == (True, False)
    assert gone["error"] == "the LLM provider could not be reached (ConnectError)"
