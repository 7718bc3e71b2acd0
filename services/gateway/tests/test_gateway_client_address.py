"""Who a request counts against: the peer, or the nearest untrusted X-Forwarded-For hop; window math."""

from __future__ import annotations

from starlette.datastructures import Headers

from soundforge.gateway.ratelimit import Verdict, client_address, forwarded_for, parse_networks


def test_client_address_walks_forwarded_for_from_the_right() -> None:
    trusted = parse_networks(["10.0.0.0/8", "192.0.2.7"])
    assert client_address("203.0.113.9", "1.2.3.4", trusted) == "203.0.113.9"
    assert client_address("10.0.0.1", "1.2.3.4", trusted) == "1.2.3.4"
    # A client prepending its own "address" does not get to choose: the nearest untrusted hop wins.
    assert client_address("10.0.0.1", "6.6.6.6, 1.2.3.4, 192.0.2.7", trusted) == "1.2.3.4"
    assert client_address("10.0.0.1", None, trusted) == "10.0.0.1"
    assert client_address(None, "1.2.3.4", trusted) == "unknown"


def test_verdict_headers_and_retry_after() -> None:
    inside = Verdict("api_auth", limit=3, count=2, reset=1_700_000_060, now=1_700_000_010.5)
    assert inside.allowed and inside.remaining == 1
    assert inside.headers() == {
        "X-RateLimit-Limit": "3",
        "X-RateLimit-Remaining": "1",
        "X-RateLimit-Reset": "1700000060",
    }
    over = Verdict("api_heavy", limit=3, count=4, reset=1_700_000_060, now=1_700_000_059.9)
    assert not over.allowed and over.remaining == 0
    assert over.retry_after == 1 and over.headers()["Retry-After"] == "1"


def test_every_forwarded_for_line_counts_as_one_list() -> None:
    """A proxy that adds its own X-Forwarded-For line (HAProxy's `option forwardfor`) instead of
    appending leaves the client's forged line first: reading that line alone let the client choose
    the address its sign-ins and requests count against."""
    trusted = parse_networks(["127.0.0.1"])
    forged = Headers(raw=[(b"x-forwarded-for", b"203.0.113.1"), (b"x-forwarded-for", b"10.0.6.1")])
    assert forwarded_for(forged) == "203.0.113.1, 10.0.6.1"
    assert client_address("127.0.0.1", forwarded_for(forged), trusted) == "10.0.6.1"
    assert forwarded_for(Headers(raw=[])) is None
