"""URL downloads refused at enqueue (422) or failed by the worker with the reason (fixtures: conftest.py)."""

from __future__ import annotations

import pytest

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import ValidationFailed
from soundforge.testing.media_server import MediaServer

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        pytest.param("/big.wav", "larger than the limit of {max_bytes} bytes", id="too-large"),
        pytest.param(
            "/big-unsized.wav", "larger than the limit of {max_bytes} bytes", id="too-large-unsized"
        ),
        pytest.param("/long.wav", "longer than the limit of {max_duration:.0f} seconds", id="too-long"),
        pytest.param("/slow.wav", "did not finish within {time_limit:.0f} seconds", id="too-slow"),
        pytest.param("/notes.wav", "unsupported media type", id="not-audio"),
        pytest.param("/notes.txt", "the file type is not accepted", id="unsafe-extension"),
        pytest.param(
            "/bad-feed.xml", "refused: 10.0.0.1 resolves to a private address", id="redirect-to-private"
        ),
        pytest.param(
            "/trap-page", "refused: 10.0.0.1 resolves to a private address", id="media-redirect-private"
        ),
    ],
)
async def test_a_download_over_a_limit_fails_with_the_reason(
    downloads, media: MediaServer, path: str, reason: str
) -> None:
    owner = await downloads.new_owner()
    job = await downloads.download(owner, media.url(path))
    assert job.status == jobs_pb2.JOB_STATUS_FAILED
    limits = downloads.limits
    assert (
        reason.format(
            max_bytes=limits.max_bytes, max_duration=limits.max_duration, time_limit=limits.time_limit
        )
        in job.error
    )
    assert job.attempts == 1  # a verdict, not a hiccup: never retried
    assert await downloads.store.list(f"users/{owner}/") == []


def refused(host: str, kind: str) -> dict[str, list[str]]:
    return {"url": [f"refused: {host} resolves to {kind}"]}


NOT_HTTP = {"url": ["must be an http or https URL"]}


@pytest.mark.parametrize(
    ("url", "details"),
    [
        pytest.param(
            "http://localhost:{port}/audio/tone.wav",
            refused("localhost", "a loopback address"),
            id="localhost",
        ),
        pytest.param(
            "http://[::1]:{port}/audio/tone.wav", refused("::1", "a loopback address"), id="ipv6-loopback"
        ),
        pytest.param("http://10.0.0.1/x.wav", refused("10.0.0.1", "a private address"), id="private"),
        pytest.param(
            "http://169.254.169.254/latest/",
            refused("169.254.169.254", "a cloud metadata address"),
            id="metadata",
        ),
        pytest.param(
            "http://100.64.0.7/x.wav", refused("100.64.0.7", "a shared (CGNAT) address"), id="cgnat"
        ),
        pytest.param("file:///etc/passwd", NOT_HTTP, id="file"),
        pytest.param("ftp://127.0.0.1/x.wav", NOT_HTTP, id="ftp"),
        pytest.param(
            "http://127.0.0.1:{port}/to-private",
            refused("10.0.0.1", "a private address"),
            id="redirect-private",
        ),
        pytest.param(
            "http://127.0.0.1:{port}/to-localhost",
            refused("localhost", "a loopback address"),
            id="redirect-lo",
        ),
        pytest.param(
            "http://127.0.0.1:{port}/to-ftp",
            {"url": ["refused: a redirect to 'ftp://127.0.0.1/x.wav' must be an http or https URL"]},
            id="redirect-ftp",
        ),
        pytest.param(
            "http://127.0.0.1:{port}/to-https-localhost",
            refused("localhost", "a loopback address"),
            id="redirect-https",
        ),
        pytest.param(
            "http://127.0.0.1:{port}/empty-feed.xml", {"url": ["the playlist has no entries"]}, id="empty"
        ),
        pytest.param("", {"url": ["can't be blank"]}, id="blank"),
    ],
)
async def test_refused_urls_are_validation_errors(
    downloads, media: MediaServer, url: str, details: dict[str, list[str]]
) -> None:
    owner = await downloads.new_owner()
    before = media.hits("/audio/tone.wav")
    with pytest.raises(ValidationFailed) as caught:
        await downloads.start(owner, url.format(port=media.port))
    assert caught.value.details == details
    assert media.hits("/audio/tone.wav") == before  # refused before any connection was made
    jobs = await downloads.library.ListJobs(library_pb2.ListJobsRequest(owner_id=owner))
    assert list(jobs.jobs) == []


async def test_unknown_quality_is_a_validation_error(downloads, media: MediaServer) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await downloads.start(await downloads.new_owner(), media.url("/audio/tone.wav"), "ultra")
    assert caught.value.details == {"quality": ["must be one of lossless, high, medium, low"]}


async def test_an_empty_search_is_a_validation_error(downloads) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await downloads.requests.enqueue(await downloads.new_owner(), "ytsearch1:   ", "high")
    assert caught.value.details == {"url": ["the search is empty"]}
