"""The callback POST: to the address the URL policy checked, under the URL's host, refused before any DNS."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from soundforge.runtime.url_policy import UrlPolicy
from soundforge.separation.callback_sender import CallbackSender, Delivery, Outcome, signature
from soundforge.testing.dead_end import dead_end
from soundforge.testing.ports import free_port
from soundforge.testing.webhook_receiver import WebhookReceiver, webhook_receiver

SECRET = "test-callback-secret"


@pytest.fixture(scope="module")
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


def hook_path() -> str:
    return f"/hooks/{uuid.uuid4().hex}"


def test_the_signature_is_the_hex_hmac_sha256_of_the_body() -> None:
    # RFC 4231 test case 2.
    assert signature(b"Jefe", b"what do ya want for nothing?") == (
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


async def test_the_post_goes_to_the_checked_address_under_the_url_host(receiver: WebhookReceiver) -> None:
    # hooks.example exists in no DNS: only the address the policy checked can carry this request.
    asked: list[tuple[str, int]] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"]

    sender = CallbackSender(UrlPolicy({"hooks.example"}), SECRET.encode(), 5.0, resolve=resolve)
    path = hook_path()
    delivery = await sender.post(receiver.url(path, host="hooks.example"), "job.completed", b'{"a":1}')
    assert delivery == Delivery(Outcome.DELIVERED, "HTTP 200")
    assert asked == [("hooks.example", receiver.port)]  # resolved once, never again to connect
    [post] = receiver.received(path)
    assert post.headers["Host"] == f"hooks.example:{receiver.port}"
    assert post.body == b'{"a":1}' and post.signed_with(SECRET)


async def test_a_name_resolving_to_a_private_address_is_refused_before_connecting(
    receiver: WebhookReceiver,
) -> None:
    sender = CallbackSender(
        UrlPolicy({"127.0.0.1"}), SECRET.encode(), 5.0, resolve=lambda h, p: ["127.0.0.1"]
    )
    path = hook_path()
    delivery = await sender.post(receiver.url(path, host="rebound.example"), "job.completed", b"{}")
    assert delivery == Delivery(Outcome.REFUSED, "refused: rebound.example resolves to a loopback address")
    assert receiver.received(path) == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/hook", "must be an http or https URL"),
        ("http://user:pw@127.0.0.1/hook", "must not contain credentials"),
    ],
)
async def test_urls_the_policy_refuses_are_refused_without_dns(url: str, reason: str) -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise AssertionError("resolved")

    sender = CallbackSender(UrlPolicy({"127.0.0.1"}), SECRET.encode(), 5.0, resolve=resolve)
    delivery = await sender.post(url, "job.completed", b"{}")
    assert delivery.outcome is Outcome.REFUSED and reason in delivery.detail


async def test_nothing_listening_a_dropped_connection_and_silence_are_worth_retrying() -> None:
    sender = CallbackSender(UrlPolicy({"127.0.0.1"}), SECRET.encode(), 0.5)
    refused = await sender.post(f"http://127.0.0.1:{free_port()}/hook", "job.completed", b"{}")
    assert refused.outcome is Outcome.RETRY and refused.detail.startswith("cannot connect to 127.0.0.1")
    for drop in (True, False):
        with dead_end(drop=drop) as end:
            delivery = await sender.post(f"http://127.0.0.1:{end.port}/hook", "job.completed", b"{}")
        assert delivery.outcome is Outcome.RETRY, delivery
        assert end.connections == 1
