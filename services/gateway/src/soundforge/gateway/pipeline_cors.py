"""CORS for the Audio Pipeline only (seed 004: "Enabled for all origins"); every other surface is unchanged.

Credentials are never allowed: a browser on another origin may call /pipeline with a bearer key in
`Authorization`, but never with our session cookie. Allowing any origin *with* cookies would let
every web page act as the signed-in user (a CSRF hole), so `Access-Control-Allow-Credentials` is
never sent, and a preflight for a credentialed request fails in the browser.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from soundforge.gateway.errors import is_pipeline_path

# What a page may read of an answer beyond the CORS-safelisted headers: download names and limits.
EXPOSED_HEADERS = (
    "Content-Disposition",
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
)


class PipelineCors:
    """Starlette's CORSMiddleware in front of /pipeline paths; other paths pass straight through."""

    def __init__(self, app: ASGIApp, *, origins: list[str]) -> None:
        self.app = app
        self._cors = CORSMiddleware(
            app,
            allow_origins=origins,
            allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
            allow_headers=["*"],
            allow_credentials=False,
            expose_headers=list(EXPOSED_HEADERS),
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_pipeline_path(scope["path"]):
            await self._cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)
