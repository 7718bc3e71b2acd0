"""Where lalal.ai's result URLs may be fetched from: the configured API host, or allow-listed public hosts."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from soundforge.events import PermanentJobError


class UrlRefused(PermanentJobError):
    """A result URL the service does not fetch (a host off the allow-list, or a private one)."""


@dataclass(frozen=True)
class PinnedUrl:
    """A URL rewritten to the address that was checked; `sni_host` names the server for Host and TLS."""

    url: str
    host_header: str = ""
    sni_host: str = ""


def _host(name: str) -> str:
    return name.strip().strip("[]").lower().rstrip(".")


def parse_hosts(raw: str) -> frozenset[str]:
    """ "lalal.ai, CDN.example" -> {"lalal.ai", "cdn.example"} (SEPARATION_LALALAI_DOWNLOAD_HOSTS)."""
    return frozenset(_host(part) for part in raw.split(",") if part.strip())


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class DownloadHosts:
    """The allow-list for result downloads.

    The configured API host is trusted as configured (in tests it is 127.0.0.1). Any other host
    must be an allow-listed domain or a subdomain of one, use the API's scheme or https, and
    resolve only to public addresses; the download then connects to the address that was checked,
    so a DNS answer that changes between check and connection cannot redirect it inside.
    """

    def __init__(self, api_url: str, allowed_domains: frozenset[str]) -> None:
        parts = urlsplit(api_url)
        self.api_scheme = parts.scheme
        self.api_netloc = parts.netloc.lower()
        self.allowed_domains = allowed_domains

    def _allowed_domain(self, host: str) -> bool:
        return any(host == domain or host.endswith("." + domain) for domain in self.allowed_domains)

    async def pin(self, url: str) -> PinnedUrl:
        """The URL to connect to, or UrlRefused naming why not; resolves DNS off the event loop."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as err:
            raise UrlRefused("lalal.ai answered an invalid result URL") from err
        host = _host(parts.hostname or "")
        if parts.scheme == self.api_scheme and parts.netloc.lower() == self.api_netloc:
            return PinnedUrl(url)
        if parts.scheme != "https" or not host or parts.username or parts.password:
            raise UrlRefused(f"refused result URL on {host or 'no host'}: only https is fetched")
        if not self._allowed_domain(host):
            raise UrlRefused(f"refused result URL on {host}: not an allowed lalal.ai host")
        try:
            infos = await asyncio.to_thread(socket.getaddrinfo, host, port or 443, type=socket.SOCK_STREAM)
        except OSError as err:
            raise UrlRefused(f"cannot resolve {host}") from err
        addresses = [str(info[4][0]) for info in infos]
        if not addresses or not all(is_public(address) for address in addresses):
            raise UrlRefused(f"refused result URL on {host}: it resolves to a non-public address")
        first = addresses[0]
        literal = f"[{first}]" if ":" in first else first
        netloc = f"{literal}:{port}" if port else literal
        host_header = f"{host}:{port}" if port else host
        return PinnedUrl(urlunsplit(parts._replace(netloc=netloc)), host_header, host)
