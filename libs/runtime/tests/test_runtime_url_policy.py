"""The URL policy (SSRF): schemes, hosts, and which resolved addresses count as not public."""

from __future__ import annotations

import ipaddress

import pytest

from soundforge.runtime.url_policy import UrlPolicy, UrlRefused, address_class, parse_allowed_hosts


class Dns:
    """A resolver with fixed answers, recording what it was asked."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        if host not in self.answers:
            raise UrlRefused(f"refused: cannot resolve {host}")
        return self.answers[host]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.255.0.9", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fc00::5", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("169.254.10.10", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("100.64.0.1", "a shared (CGNAT) address"),
        ("100.127.255.254", "a shared (CGNAT) address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("240.0.0.1", "a private address"),  # reserved 240/4 counts as private in Python's table
        ("192.0.2.10", "a private address"),  # TEST-NET-1
        ("::ffff:127.0.0.1", "a loopback address"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "a cloud metadata address"),
        ("64:ff9b::a00:1", "a private address"),  # NAT64 of 10.0.0.1
        ("2002:c0a8:101::1", "a private address"),  # 6to4 of 192.168.1.1
    ],
)
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    assert address_class(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::101:101"])
def test_public_addresses_pass(address: str) -> None:
    assert address_class(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "must be an http or https URL"),
        ("ftp://example.com/a.mp3", "must be an http or https URL"),
        ("gopher://example.com/", "must be an http or https URL"),
        ("data:audio/wav;base64,UklGRg==", "must be an http or https URL"),
        ("example.com/a.mp3", "must be an http or https URL"),
        ("http:///a.mp3", "must name a host"),
        ("http://user:secret@example.com/a.mp3", "must not contain credentials"),
        ("http://example.com:99999/a.mp3", "is not a valid URL"),
    ],
)
def test_malformed_or_foreign_urls_are_refused_without_dns(url: str, reason: str) -> None:
    dns = Dns({})
    with pytest.raises(UrlRefused) as caught:
        UrlPolicy(resolve=dns).check(url)
    assert caught.value.reason == reason
    assert caught.value.details == {"url": [reason]}
    assert dns.asked == []


def test_every_resolved_address_must_be_public() -> None:
    dns = Dns({"cdn.example": ["93.184.215.14", "10.0.0.8"], "ok.example": ["93.184.215.14", "2606:4700::1"]})
    policy = UrlPolicy(resolve=dns)
    with pytest.raises(UrlRefused, match=r"^refused: cdn\.example resolves to a private address$"):
        policy.check("https://cdn.example/a.mp3")
    target = policy.check("HTTPS://OK.example/a.mp3")
    assert (target.scheme, target.host, target.port) == ("https", "ok.example", 443)
    assert dns.asked == [("cdn.example", 443), ("ok.example", 443)]


def test_the_system_resolver_refuses_unknown_and_loopback_names() -> None:
    policy = UrlPolicy()  # the real resolver: ".invalid" never resolves (RFC 2606)
    with pytest.raises(UrlRefused, match=r"^refused: cannot resolve nowhere\.invalid$"):
        policy.check("http://nowhere.invalid/a.mp3")
    with pytest.raises(UrlRefused, match=r"^refused: localhost resolves to a loopback address$"):
        policy.check("http://localhost/a.mp3")


def test_allowed_hosts_match_the_name_in_the_url_not_its_addresses() -> None:
    dns = Dns({"localhost": ["127.0.0.1"]})
    policy = UrlPolicy(parse_allowed_hosts(" 127.0.0.1 , Media.Example "), resolve=dns)
    assert policy.check("http://127.0.0.1:8000/a.wav").port == 8000
    assert policy.allows_host("media.example.")
    with pytest.raises(UrlRefused, match="refused: localhost resolves to a loopback address"):
        policy.check("http://localhost:8000/a.wav")
    # Another spelling of an allowed address is not the allowed name.
    with pytest.raises(UrlRefused, match=r"refused: 127\.0\.0\.2 resolves to a loopback address"):
        policy.check_addresses("127.0.0.2", ["127.0.0.2"])


def test_allowed_ipv6_literals_compare_in_canonical_form() -> None:
    policy = UrlPolicy(parse_allowed_hosts("[0:0::1]"))
    assert policy.check("http://[::1]:9000/a.wav").host == "::1"


def test_without_the_public_network_only_allowed_hosts_pass_and_nothing_else_is_resolved() -> None:
    dns = Dns({"media.example": ["93.184.215.14"], "www.youtube.com": ["142.250.1.1"]})
    policy = UrlPolicy(parse_allowed_hosts("127.0.0.1"), resolve=dns, public=False)
    assert policy.check("http://127.0.0.1:8000/a.wav").port == 8000
    with pytest.raises(UrlRefused, match=r"^refused: media\.example is not an allowed host$"):
        policy.check("https://Media.Example/a.mp3")
    with pytest.raises(UrlRefused, match=r"^refused: www\.youtube\.com is not an allowed host$"):
        policy.check_addresses("www.youtube.com", ["142.250.1.1"])
    assert dns.asked == []
    assert UrlPolicy(resolve=dns).check("https://media.example/a.mp3").host == "media.example"


def test_parse_allowed_hosts_skips_blanks() -> None:
    assert parse_allowed_hosts("") == frozenset()
    assert parse_allowed_hosts("a.example,,B.example ,") == {"a.example", "b.example"}
