"""A pipeline callback's POST: signed, to an address the URL policy checked, no redirects, no proxies."""

from __future__ import annotations

import asyncio
import enum
import hashlib
import hmac
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from soundforge.runtime.url_policy import Target, UrlPolicy, UrlRefused

SIGNATURE_HEADER = "X-SoundForge-Signature"
EVENT_HEADER = "X-SoundForge-Event"
USER_AGENT = "SoundForge-Callbacks/1"

Resolver = Callable[[str, int], list[str]]


class Outcome(enum.Enum):
    DELIVERED = "delivered"  # 2xx
    RETRY = "retry"  # connection error, timeout, 5xx or 429: worth another attempt later
    REJECTED = "rejected"  # any other answer (3xx, 4xx): the receiver said no, asking again won't help
    REFUSED = "refused"  # the URL policy refused the URL: nothing was sent


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    detail: str  # "HTTP 503", "connection refused", "refused: localhost resolves to a loopback address"


def signature(secret: bytes, body: bytes) -> str:
    """`sha256=<hex HMAC-SHA256 of the body>`, the X-SoundForge-Signature header's value."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def record_body(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode()


def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address of `host` (blocking); OSError when it does not resolve (perhaps only for now)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class CallbackSender:
    """POSTs a JSON body to a callback URL once; the caller decides about retries from the Outcome.

    The host is resolved once, every address is checked by the policy, and the request goes to
    those addresses (the URL's host kept in `Host` and as the TLS server name, so certificates are
    verified against it): no second lookup a rebinding DNS server could answer differently. A
    client per delivery, so no pooled connection is reused for another host on the same address.
    """

    def __init__(
        self,
        policy: UrlPolicy,
        secret: bytes,
        timeout: float,
        *,
        resolve: Resolver = resolve_addresses,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not secret:
            raise ValueError("a callback secret is required")
        self.policy = policy
        self.secret = secret
        self.timeout = timeout
        self.resolve = resolve
        self.transport = transport

    async def post(self, url: str, event: str, body: bytes) -> Delivery:
        try:
            target = self.policy.parse(url)
            httpx.URL(target.url)
        except (UrlRefused, httpx.InvalidURL) as err:
            return Delivery(Outcome.REFUSED, f"refused: {url!r} {err}")
        try:
            async with asyncio.timeout(self.timeout):
                try:
                    addresses = await asyncio.to_thread(self.resolve, target.host, target.port)
                except OSError:
                    return Delivery(Outcome.RETRY, f"cannot resolve {target.host}")
                try:
                    self.policy.check_addresses(target.host, addresses)
                except UrlRefused as err:
                    return Delivery(Outcome.REFUSED, err.reason)
                return await self._send(target, addresses, event, body)
        except TimeoutError:
            return Delivery(Outcome.RETRY, f"no answer within {self.timeout:g}s")

    async def _send(self, target: Target, addresses: list[str], event: str, body: bytes) -> Delivery:
        url = httpx.URL(target.url)
        headers = {
            "Host": url.netloc.decode("ascii"),
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: signature(self.secret, body),
            EVENT_HEADER: event,
        }
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        failure = Delivery(Outcome.RETRY, f"{target.host} has no address")
        async with httpx.AsyncClient(
            timeout=self.timeout, follow_redirects=False, trust_env=False, transport=self.transport
        ) as client:
            for address in addresses:
                try:
                    response = await client.post(
                        url.copy_with(host=address), content=body, headers=headers, extensions=extensions
                    )
                except httpx.ConnectError as err:
                    failure = Delivery(Outcome.RETRY, f"cannot connect to {address}: {err}")
                    continue  # the next address may answer; nothing was sent to this one
                except httpx.TransportError as err:
                    return Delivery(Outcome.RETRY, f"{type(err).__name__}: {err}")
                return _verdict(response.status_code)
        return failure


def _verdict(status: int) -> Delivery:
    detail = f"HTTP {status}"
    if 200 <= status < 300:
        return Delivery(Outcome.DELIVERED, detail)
    if status >= 500 or status == 429:
        return Delivery(Outcome.RETRY, detail)
    return Delivery(Outcome.REJECTED, detail)
