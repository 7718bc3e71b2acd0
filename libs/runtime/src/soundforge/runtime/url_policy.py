"""Which URLs the server may fetch (SSRF defence): http(s) only, and only hosts with public addresses."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from soundforge.runtime.errors import ValidationFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# Instance metadata endpoints (AWS/GCP/Azure/OpenStack on IPv4, AWS Nitro on IPv6) hand out credentials.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
CGNAT = ipaddress.ip_network("100.64.0.0/10")
# NAT64 and 6to4 addresses carry an IPv4 address inside, which is what the packets finally reach.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class UrlRefused(ValidationFailed):
    """A URL not to fetch; `reason` reads like "refused: 10.0.0.1 resolves to a private address"."""

    def __init__(self, reason: str) -> None:
        super().__init__({"url": [reason]})
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class Target:
    url: str
    scheme: str
    host: str  # lowercase; IPv6 without brackets
    port: int


def parse_allowed_hosts(raw: str) -> frozenset[str]:
    """ "127.0.0.1, Media.Example" -> {"127.0.0.1", "media.example"} (the `*_ALLOWED_HOSTS` format)."""
    return frozenset(normalize_host(part) for part in raw.split(",") if part.strip())


def normalize_host(host: str) -> str:
    """Lowercase, brackets stripped, IP literals in their canonical spelling (so "::1" == "0::1")."""
    host = host.strip().strip("[]").lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def address_class(ip: IPAddress) -> str | None:
    """What kind of non-public address `ip` is ("a loopback address", ...); None for a public one."""
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_class(embedded)
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip in CGNAT, "a shared (CGNAT) address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "a non-public address"),
    )
    return next((kind for matched, kind in checks if matched), None)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (blocking); an unknown host refuses rather than raises OSError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        raise UrlRefused(f"refused: cannot resolve {host}") from err
    return [str(info[4][0]) for info in infos]


class UrlPolicy:
    """Checks URLs before a fetch and addresses before each connection (every redirect hop included).

    Hosts in `allowed_hosts` (matched by the name in the URL, e.g. "127.0.0.1") skip the address
    check; that is how tests reach a local server. A host that resolves to several addresses is
    refused if any of them is not public, since the connection may go to any of them.

    With `public=False` only the allowed hosts may be fetched, and every other name is refused
    before it is resolved: a deployment without the Internet (or a test) then fails at once
    instead of waiting on a resolver that may take minutes to say no.
    """

    def __init__(
        self, allowed_hosts: Iterable[str] = (), resolve: Resolver = resolve_host, *, public: bool = True
    ) -> None:
        self.allowed_hosts = frozenset(normalize_host(host) for host in allowed_hosts)
        self.resolve = resolve
        self.public = public

    def parse(self, url: str) -> Target:
        """Scheme, host and port of `url`, without resolving anything."""
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as err:
            raise UrlRefused("is not a valid URL") from err
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise UrlRefused("must be an http or https URL")
        if not parts.hostname:
            raise UrlRefused("must name a host")
        if parts.username is not None or parts.password is not None:
            raise UrlRefused("must not contain credentials")
        return Target(url.strip(), scheme, normalize_host(parts.hostname), port or DEFAULT_PORTS[scheme])

    def allows_host(self, host: str) -> bool:
        return normalize_host(host) in self.allowed_hosts

    def check_name(self, host: str) -> None:
        """Raises UrlRefused if `host` may not be fetched whatever it resolves to (nothing is resolved)."""
        if not self.public and not self.allows_host(host):
            raise UrlRefused(f"refused: {normalize_host(host)} is not an allowed host")

    def check(self, url: str) -> Target:
        """The parsed URL if its host may be fetched; resolves DNS, so blocking (run it in a thread)."""
        target = self.parse(url)
        if not self.allows_host(target.host):
            self.check_name(target.host)
            self.check_addresses(target.host, self.resolve(target.host, target.port))
        return target

    def check_addresses(self, host: str, addresses: Iterable[str]) -> None:
        """Raises UrlRefused unless every address is public (or the host is allowed by name)."""
        if self.allows_host(host):
            return
        self.check_name(host)
        for address in addresses:
            try:
                ip = ipaddress.ip_address(address)
            except ValueError:
                raise UrlRefused(f"refused: {host} resolves to an unparseable address") from None
            if (kind := address_class(ip)) is not None:
                raise UrlRefused(f"refused: {host} resolves to {kind}")
