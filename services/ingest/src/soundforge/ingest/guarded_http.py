"""yt-dlp's urllib request handler with the URL policy applied to every connection (redirect hops too)."""

from __future__ import annotations

import functools
import http.client
import socket
import threading
import urllib.request
from collections.abc import Callable
from typing import Any

from yt_dlp.networking._urllib import HTTPHandler, RedirectHandler, UrllibRH
from yt_dlp.networking.common import RequestHandler
from yt_dlp.networking.exceptions import RequestError, UnsupportedRequest

from soundforge.runtime.url_policy import UrlPolicy, UrlRefused

Address = tuple[str, int]


class Refusals:
    """The first refusal seen during one download: yt-dlp rewraps errors, so the job reads it here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.first: UrlRefused | None = None

    def record(self, err: UrlRefused) -> UrlRefused:
        with self._lock:
            if self.first is None:
                self.first = err
        return err


def guarded_connect(policy: UrlPolicy, refusals: Refusals) -> Callable[..., socket.socket]:
    """A `create_connection` that resolves once, checks every address, then connects to those addresses.

    Connecting to the addresses that were checked (not resolving again) leaves no window for a
    DNS answer that changes between the check and the connection.
    """

    def connect(
        address: Address, timeout: float | None = None, source_address: Address | None = None
    ) -> socket.socket:
        host, port = address
        try:
            policy.check_name(host)
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
            policy.check_addresses(host, [str(info[4][0]) for info in infos])
        except UrlRefused as err:
            raise refusals.record(err) from None
        last: OSError | None = None
        for family, kind, proto, _name, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not None:
                    sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as err:
                sock.close()
                last = err
        raise last or OSError(f"cannot connect to {host}:{port}")

    return connect


class _GuardedHTTPHandler(HTTPHandler):
    def __init__(self, connect: Callable[..., socket.socket], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._connect = connect

    def _connection(self, conn_class: type[http.client.HTTPConnection], *args: Any, **kwargs: Any) -> Any:
        connection = conn_class(*args, **kwargs)
        connection._create_connection = self._connect  # type: ignore[attr-defined]
        return connection

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(self._connection, http.client.HTTPConnection), req)

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(
            functools.partial(self._connection, http.client.HTTPSConnection), req, context=self._context
        )


class _GuardedRedirectHandler(RedirectHandler):
    def __init__(self, policy: UrlPolicy, refusals: Refusals) -> None:
        super().__init__()
        self._policy = policy
        self._refusals = refusals

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        try:
            self._policy.parse(newurl)  # the scheme; the host is checked when its connection opens
        except UrlRefused as err:
            raise self._refusals.record(
                UrlRefused(f"refused: a redirect to {newurl!r} {err.reason}")
            ) from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def guarded_handler(policy: UrlPolicy, refusals: Refusals) -> type[RequestHandler]:
    """A RequestHandler class (yt-dlp instantiates it) that fetches only what `policy` allows.

    http and https only (no file, data or ftp, no proxies), cookies kept, redirects followed
    with the scheme re-checked and every new connection's addresses checked.
    """

    class GuardedRH(UrllibRH):  # RH_KEY "Guarded"; never registered globally
        _SUPPORTED_URL_SCHEMES = ("http", "https")
        _SUPPORTED_PROXY_SCHEMES = ()
        RH_NAME = "guarded"

        def _check_proxies(self, proxies: dict[str, str | None]) -> None:
            if any(url for key, url in proxies.items() if key != "no"):
                raise UnsupportedRequest("proxies are not used for downloads")

        def _create_instance(
            self, proxies: Any, cookiejar: Any, legacy_ssl_support: Any = None
        ) -> urllib.request.OpenerDirector:
            opener = urllib.request.OpenerDirector()
            handlers: list[urllib.request.BaseHandler] = [
                _GuardedHTTPHandler(
                    guarded_connect(policy, refusals),
                    context=self._make_sslcontext(legacy_ssl_support=legacy_ssl_support),
                ),
                urllib.request.HTTPCookieProcessor(cookiejar),
                urllib.request.UnknownHandler(),
                urllib.request.HTTPDefaultErrorHandler(),
                urllib.request.HTTPErrorProcessor(),
                _GuardedRedirectHandler(policy, refusals),
            ]
            for handler in handlers:
                opener.add_handler(handler)
            opener.addheaders = []
            return opener

        def _send(self, request: Any) -> Any:
            try:
                return super()._send(request)
            except UrlRefused as err:
                # A RequestError is re-raised by yt-dlp's director as is; anything else is logged as a bug.
                raise RequestError(err.reason) from err

    return GuardedRH
