"""A fake Spotify (accounts service + Web API) on loopback for tests: tokens, catalog, paging, failures."""

from __future__ import annotations

import base64
import json
import re
import secrets
import string
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from soundforge.testing.local_http import FakeApiHandler, serving

_BASE62 = string.ascii_letters + string.digits
_ID = re.compile(r"^[0-9A-Za-z]{22}$")
# Page-size caps of the real endpoints (February 2026): album tracks and playlist items 50, search 10.
MAX_PAGE = {"album_tracks": 50, "playlist_items": 50, "playlist_tracks": 100, "search": 10}
Reply = tuple[int, dict[str, str], Any]


def new_id() -> str:
    return "".join(secrets.choice(_BASE62) for _ in range(22))


def _error(status: int, message: str) -> Reply:
    return status, {}, {"error": {"status": status, "message": message}}


def _oauth_error(error: str, status: int = 400) -> Reply:
    return status, {}, {"error": error, "error_description": error.replace("_", " ")}


@dataclass
class _Token:
    user_id: str | None  # None: a client-credentials token
    expires_at: float


@dataclass
class FakeSpotify:
    """State and request handling; `serve()` puts it on 127.0.0.1 behind a real HTTP server."""

    client_id: str = field(default_factory=lambda: "cid-" + secrets.token_hex(6))
    client_secret: str = field(default_factory=lambda: "secret-" + secrets.token_hex(12))
    base_url: str = ""
    token_lifetime: int = 3600
    # The user who "logs in" at /authorize.
    authorizing_user: str = ""
    # When set, every /v1 request (or every token request) answers this HTTP status.
    api_failure: int | None = None
    token_failure: int | None = None
    # Whether the refresh_token grant hands out a new refresh token (Spotify sometimes does not).
    rotate_refresh_tokens: bool = False
    tracks: dict[str, dict[str, Any]] = field(default_factory=dict)
    albums: dict[str, dict[str, Any]] = field(default_factory=dict)
    playlists: dict[str, dict[str, Any]] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)  # "GET /v1/albums/x/tracks?offset=50&limit=50"
    _tokens: dict[str, _Token] = field(default_factory=dict)
    _refresh: dict[str, str] = field(default_factory=dict)
    _codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (user, redirect_uri)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # ---- configuration URLs ----

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/v1/"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/api/token"

    @property
    def authorize_url(self) -> str:
        return f"{self.base_url}/authorize"

    def ingest_settings(self) -> dict[str, Any]:
        """The ingest settings (spotify_*) that point it at this fake, without retries."""
        return {
            "spotify_client_id": self.client_id,
            "spotify_client_secret": self.client_secret,
            "spotify_api_url": self.api_url,
            "spotify_token_url": self.token_url,
            "spotify_authorize_url": self.authorize_url,
            "spotify_retries": 0,
        }

    # ---- catalog ----

    def add_album(self, name: str, artist: str, n_tracks: int, *, with_images: bool = True) -> str:
        album_id = new_id()
        images = [
            {"url": f"https://i.scdn.co/image/{album_id}-{size}", "width": size, "height": size}
            for size in (640, 300, 64)
        ]
        self.albums[album_id] = {
            "id": album_id,
            "name": name,
            "images": images if with_images else [],
            "track_ids": [],
        }
        for n in range(n_tracks):
            self.add_track(f"{name} {n + 1}", [artist], album_id=album_id)
        return album_id

    def add_track(
        self, title: str, artists: list[str], *, album_id: str = "", duration_ms: int = 200_000
    ) -> str:
        if not album_id:
            album_id = self.add_album(f"{title} (single)", artists[0], 0)
        track_id = new_id()
        self.tracks[track_id] = {
            "id": track_id,
            "name": title,
            "artists": [{"id": new_id(), "name": name, "type": "artist"} for name in artists],
            "album_id": album_id,
            "duration_ms": duration_ms,
        }
        self.albums[album_id]["track_ids"].append(track_id)
        return track_id

    def add_playlist(self, name: str, track_ids: list[str]) -> str:
        playlist_id = new_id()
        self.playlists[playlist_id] = {"id": playlist_id, "name": name, "track_ids": list(track_ids)}
        return playlist_id

    def add_user(self, email: str, user_id: str = "") -> str:
        user_id = user_id or "user" + secrets.token_hex(4)
        self.users[user_id] = {"id": user_id, "email": email, "display_name": user_id, "type": "user"}
        return user_id

    def revoke_refresh_tokens(self) -> None:
        """What a user removing the app's access does: no refresh token works any more."""
        with self._lock:
            self._refresh.clear()

    def expire_tokens(self) -> None:
        """Every access token issued so far stops working (refresh tokens still do)."""
        with self._lock:
            for token in self._tokens.values():
                token.expires_at = 0.0

    # ---- JSON shapes ----

    def _album_simple(self, album_id: str) -> dict[str, Any]:
        album = self.albums[album_id]
        return {"id": album_id, "name": album["name"], "images": album["images"], "type": "album"}

    def _track(self, track_id: str, *, simplified: bool = False) -> dict[str, Any]:
        track = self.tracks[track_id]
        body = {
            "id": track_id,
            "name": track["name"],
            "artists": track["artists"],
            "duration_ms": track["duration_ms"],
            "type": "track",
            "is_local": False,
            "uri": f"spotify:track:{track_id}",
            "external_urls": {"spotify": f"https://open.spotify.com/track/{track_id}"},
        }
        if not simplified:
            body["album"] = self._album_simple(track["album_id"])
        return body

    def _page(self, path: str, items: list[Any], query: dict[str, str], cap: int, default: int = 20) -> Reply:
        try:
            limit, offset = int(query.get("limit", default)), int(query.get("offset", 0))
        except ValueError:
            return _error(400, "Invalid limit or offset")
        if not 1 <= limit <= cap or offset < 0:
            return _error(400, "Invalid limit")
        return 200, {}, self._paging(path, items, limit, offset, query)

    def _paging(
        self, path: str, items: list[Any], limit: int, offset: int, query: dict[str, str] | None = None
    ) -> dict[str, Any]:
        def link(at: int) -> str:
            params = {**(query or {}), "offset": str(at), "limit": str(limit)}
            return f"{self.base_url}{path}?{urlencode(params)}"

        end = offset + limit
        return {
            "href": link(offset),
            "items": items[offset:end],
            "limit": limit,
            "offset": offset,
            "total": len(items),
            "next": link(end) if end < len(items) else None,
            "previous": link(max(0, offset - limit)) if offset > 0 else None,
        }

    # ---- request handling ----

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"  # spotipy asks for /albums/<id>/tracks/ (Spotify allows it)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        with self._lock:
            self.requests.append(f"{method} {target}")
            if path == "/api/token" and method == "POST":
                form = {key: values[-1] for key, values in parse_qs(body.decode()).items()}
                return self._token_grant(headers, form)
            if path == "/authorize" and method == "GET":
                return self._authorize(query)
            if path.startswith("/v1/") and method == "GET":
                return self._api(path, query, headers)
            return _error(404, "Service not found")

    def _client_ok(self, headers: dict[str, str], form: dict[str, str]) -> bool:
        scheme, _, encoded = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "basic":
            client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return (client_id, secret) == (self.client_id, self.client_secret)

    def _issue(self, user_id: str | None) -> dict[str, Any]:
        access = secrets.token_urlsafe(24)
        self._tokens[access] = _Token(user_id, time.time() + self.token_lifetime)
        return {"access_token": access, "token_type": "Bearer", "expires_in": self.token_lifetime}

    def _token_grant(self, headers: dict[str, str], form: dict[str, str]) -> Reply:
        if self.token_failure is not None:
            return _oauth_error("server_error", self.token_failure)
        if not self._client_ok(headers, form):
            return _oauth_error("invalid_client")
        grant = form.get("grant_type")
        if grant == "client_credentials":
            return 200, {}, self._issue(None)
        if grant == "authorization_code":
            user_id, redirect_uri = self._codes.pop(form.get("code", ""), ("", ""))
            if not user_id or redirect_uri != form.get("redirect_uri"):
                return _oauth_error("invalid_grant")
            refresh = secrets.token_urlsafe(24)
            self._refresh[refresh] = user_id
            return 200, {}, {**self._issue(user_id), "refresh_token": refresh, "scope": "user-read-email"}
        if grant == "refresh_token":
            user_id = self._refresh.get(form.get("refresh_token", ""), "")
            if not user_id:
                return _oauth_error("invalid_grant")
            issued = self._issue(user_id)
            if self.rotate_refresh_tokens:
                issued["refresh_token"] = secrets.token_urlsafe(24)
                self._refresh[issued["refresh_token"]] = user_id
            return 200, {}, issued
        return _oauth_error("unsupported_grant_type")

    def _authorize(self, query: dict[str, str]) -> Reply:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return _error(400, "INVALID_CLIENT")
        redirect_uri = query.get("redirect_uri", "")
        code = secrets.token_urlsafe(16)
        self._codes[code] = (self.authorizing_user, redirect_uri)
        location = f"{redirect_uri}?{urlencode({'code': code, 'state': query.get('state', '')})}"
        return 302, {"Location": location}, None

    def _api(self, path: str, query: dict[str, str], headers: dict[str, str]) -> Reply:
        if self.api_failure is not None:
            return _error(self.api_failure, "Server error" if self.api_failure >= 500 else "Unauthorized")
        scheme, _, access = headers.get("authorization", "").partition(" ")
        token = self._tokens.get(access) if scheme.lower() == "bearer" else None
        if token is None or token.expires_at <= time.time():
            return _error(401, "The access token expired" if token else "Invalid access token")
        segments = path.split("/")[2:]  # /v1/<segments...>
        if segments == ["me"]:
            if token.user_id is None:
                return _error(401, "Client credentials cannot read a user profile")
            return 200, {}, self.users[token.user_id]
        if segments == ["search"]:
            return self._search(query)
        if len(segments) not in (2, 3) or not _ID.match(segments[1]):
            return _error(400, "Invalid base62 id") if len(segments) in (2, 3) else _error(404, "Not found")
        return self._resource(path, segments, query)

    def _resource(self, path: str, segments: list[str], query: dict[str, str]) -> Reply:
        kind, item_id, sub = segments[0], segments[1], (segments[2] if len(segments) == 3 else "")
        if kind == "tracks" and not sub and item_id in self.tracks:
            return 200, {}, self._track(item_id)
        if kind == "albums" and item_id in self.albums:
            album = self.albums[item_id]
            items = [self._track(t, simplified=True) for t in album["track_ids"]]
            if sub == "tracks":
                return self._page(path, items, query, MAX_PAGE["album_tracks"])
            if not sub:
                first = self._paging(f"{path}/tracks", items, MAX_PAGE["album_tracks"], 0)
                return 200, {}, {**self._album_simple(item_id), "tracks": first}
        if kind == "playlists" and item_id in self.playlists:
            playlist = self.playlists[item_id]
            tracks = [self._track(t) for t in playlist["track_ids"]]
            if sub == "items":  # the current shape: each entry's track under "item" ("track" deprecated)
                entries = [{"is_local": False, "item": t, "track": t} for t in tracks]
                return self._page(path, entries, query, MAX_PAGE["playlist_items"])
            if sub == "tracks":  # the shape before February 2026
                entries = [{"is_local": False, "track": t} for t in tracks]
                return self._page(path, entries, query, MAX_PAGE["playlist_tracks"])
            if not sub:
                entries = [{"is_local": False, "item": t} for t in tracks]
                first = self._paging(f"{path}/items", entries, MAX_PAGE["playlist_items"], 0)
                return 200, {}, {"id": item_id, "name": playlist["name"], "images": [], "items": first}
        return _error(404, "Resource not found")

    def _search(self, query: dict[str, str]) -> Reply:
        text = query.get("q", "").lower()
        if not text or "track" not in query.get("type", "").split(","):
            return _error(400, "No search query" if not text else "Unsupported type")
        found = [
            self._track(track_id)
            for track_id, track in self.tracks.items()
            if text in track["name"].lower() or any(text in a["name"].lower() for a in track["artists"])
        ]
        status, headers, page = self._page("/v1/search", found, query, MAX_PAGE["search"], default=5)
        return (status, headers, {"tracks": page} if status == 200 else page)


def _handler_class(fake: FakeSpotify) -> type[BaseHTTPRequestHandler]:
    class Handler(FakeApiHandler):
        def answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = self.lowered_headers()
            status, extra, payload = fake.handle(method, self.path, headers, body)
            data = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def fake_spotify() -> Iterator[FakeSpotify]:
    """A FakeSpotify served on 127.0.0.1:<free port> from a background thread, stopped on exit."""
    fake = FakeSpotify()
    with serving(_handler_class(fake), "fake-spotify") as server:
        fake.base_url = server.root_url
        yield fake
