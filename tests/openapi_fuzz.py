"""The HTTP contract is the OpenAPI document: schemathesis fuzzes every operation of the running gateway.

The fuzzing itself; test_openapi_contract_sqlite.py and test_openapi_contract_postgres.py run it on one
platform configuration each, two files so that pytest-xdist (`--dist loadfile`) runs them on two
workers at once (each takes about three minutes).

Every operation the document lists is run (a route added later is covered without a change here):
positive and negative data, each positive example sent once more with a NUL or a lone surrogate in
one of its strings, and the operations that take ids once more with the ids of real records. Checks:
no server error but Spotify's documented "not configured" 503, no status the document does not list,
and bodies and content types as documented. Derandomized: the same cases on every run.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass

import hypothesis
import hypothesis.strategies as st
import schemathesis
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok
from schemathesis.errors import FailureGroup

from platform_client import bearer_for, finished_job, finished_separation, upload
from platform_harness import Platform

# Examples per operation and pass; the whole run takes about a minute per platform configuration.
EXAMPLES = 25
REQUEST_TIMEOUT_SECONDS = 30.0
# Text every route must refuse cleanly: PostgreSQL stores no NUL, and no UTF-8 encoder (protobuf's)
# takes the lone surrogate a JSON body can carry.
NUL = "\x00"
LONE_SURROGATE = "\ud800"
# The one server error a client may see while the rest works: Spotify without credentials (seed 001's
# `unauthorized`, 503), which no test platform has.
UNCONFIGURED_THIRD_PARTY = {"unauthorized"}


@dataclass(frozen=True)
class Target:
    base_url: str
    auth: dict[str, str]
    # Path parameter name -> the id of a real record of the caller (a track, its analysis job, a key).
    known_ids: dict[str, str]


def _unconfigured_third_party(response: schemathesis.Response) -> bool:
    if response.status_code != 503:
        return False
    try:
        code = json.loads(response.content).get("code")
    except (ValueError, AttributeError):
        return False
    return code in UNCONFIGURED_THIRD_PARTY


def _checks(response: schemathesis.Response) -> list[schemathesis.CheckFunction]:
    checks = [status_code_conformance, content_type_conformance, response_schema_conformance]
    if not _unconfigured_third_party(response):
        checks.append(not_a_server_error)
    return checks


def _finding(case: schemathesis.Case, response: schemathesis.Response | None, problem: str) -> str:
    status = response.status_code if response is not None else "-"
    body = response.content[:300].decode("utf-8", "replace") if response is not None else ""
    try:
        request = case.as_curl_command()
    except Exception:  # a request the HTTP client could not even build
        request = repr((case.path_parameters, case.query, case.body))
    return f"{case.operation.label} [{status}] {problem}\n  {request}\n  -> {body}"


def _send(case: schemathesis.Case, target: Target, findings: list[str]) -> None:
    try:
        response = case.call(base_url=target.base_url, headers=target.auth, timeout=REQUEST_TIMEOUT_SECONDS)
    except Exception as err:
        findings.append(_finding(case, None, f"request failed: {err!r}"))
        return
    try:
        case.validate_response(response, checks=_checks(response), headers=target.auth)
    except FailureGroup as group:
        titles = "; ".join(sorted({failure.title for failure in group.exceptions}))
        findings.append(_finding(case, response, titles))


def _text_slots(case: schemathesis.Case) -> list[tuple[str, str]]:
    """Where the case sends a string: ("path" | "query" | "body", name); the body's top-level fields only."""
    slots = [("path", name) for name, value in case.path_parameters.items() if isinstance(value, str)]
    slots += [("query", name) for name, value in case.query.items() if isinstance(value, str)]
    if isinstance(case.body, dict):
        slots += [("body", name) for name, value in case.body.items() if isinstance(value, str)]
    return slots


def _is_json(media_type: str | None) -> bool:
    return media_type is not None and media_type.split(";")[0].strip().endswith("json")


def _with_hostile_text(case: schemathesis.Case, data: st.DataObject) -> schemathesis.Case | None:
    """The case with a NUL (or, in JSON, a lone surrogate) appended to one of its strings; None if none."""
    slots = _text_slots(case)
    if not slots:
        return None
    where, name = data.draw(st.sampled_from(slots))
    # Only JSON can escape a lone surrogate ("\ud800"); URLs and forms carry UTF-8 bytes.
    json_text = where == "body" and _is_json(case.media_type)
    text = data.draw(st.sampled_from([NUL, LONE_SURROGATE] if json_text else [NUL]))
    variant = case.derive(keep_auth=True)
    container = {"path": variant.path_parameters, "query": variant.query, "body": variant.body}[where]
    assert isinstance(container, dict)
    container[name] = f"{container[name]}{text}"  # a string: _text_slots lists only those
    return variant


def _run(
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    target: Target,
    findings: list[str],
    path_parameters: dict[str, str] | None = None,
) -> None:
    @hypothesis.settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        # Failures are collected, not raised: nothing to shrink, and every finding is reported.
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(
        case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters), data=st.data()
    )
    def exercise(case: schemathesis.Case, data: st.DataObject) -> None:
        _send(case, target, findings)
        if mode is GenerationMode.POSITIVE and (variant := _with_hostile_text(case, data)) is not None:
            _send(variant, target, findings)

    # Unsatisfiable: nothing in this operation can be made invalid (it takes no input).
    with contextlib.suppress(Unsatisfiable):
        exercise()


def fuzz(target: Target) -> list[str]:
    """Every operation in the document; returns each response that broke the contract."""
    schema = schemathesis.openapi.from_url(f"{target.base_url}/openapi.json")
    findings: list[str] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the document has an invalid operation: {result.err()}"
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run(operation, mode, target, findings)
        names = {parameter.name for parameter in operation.path_parameters}
        # Deletes would take the records away from the operations that come after them.
        if names and names <= set(target.known_ids) and operation.method.upper() != "DELETE":
            known = {name: target.known_ids[name] for name in names}
            _run(operation, GenerationMode.POSITIVE, target, findings, path_parameters=known)
    return findings


async def _records(platform: Platform, auth: dict[str, str]) -> dict[str, str]:
    """A track with a finished analysis and the caller's API key: ids the fuzzer cannot guess."""
    client = platform.client
    track = await upload(client, auth, "fuzzed.wav", seconds=3)
    r = await client.post(
        "/api/analysis/analyze", json={"track_id": track["id"], "features": ["tempo"]}, headers=auth
    )
    assert r.status_code == 201, r.text
    job_id = r.json()["data"]["job_id"]
    assert (await finished_job(client, job_id, auth))["status"] == "completed"
    r = await client.post("/api/processing/separate", json={"track_id": track["id"]}, headers=auth)
    assert r.status_code == 201, r.text
    separation = await finished_separation(client, r.json()["data"]["job_id"], auth)
    assert separation["status"] == "completed", separation
    r = await client.get("/api/keys", headers=auth)
    assert r.status_code == 200, r.text
    return {
        "track_id": track["id"],
        "job_id": job_id,
        "key_id": r.json()["data"][0]["id"],
        "stem_id": separation["stems"][0]["id"],
    }


async def check_every_operation(platform: Platform) -> None:
    """Fuzz the running platform; fail with every response that broke the contract."""
    _, auth = await bearer_for(platform.client, "fuzzer@example.com")
    target = Target(str(platform.client.base_url).rstrip("/"), auth, await _records(platform, auth))
    # A thread, so this loop keeps serving the platform while schemathesis's blocking client calls it.
    findings = await asyncio.to_thread(fuzz, target)
    assert not findings, f"{len(findings)} responses broke the contract:\n\n" + "\n\n".join(findings)
