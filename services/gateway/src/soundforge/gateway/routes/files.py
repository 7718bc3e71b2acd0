"""`/files/<object key>`: the caller's own objects, streamed from storage, with byte ranges for seeking."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse

from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.byte_ranges import ByteRange, RangeNotSatisfiable, parse_range
from soundforge.gateway.context import Context
from soundforge.gateway.errors import http_status, render_error
from soundforge.gateway.media_types import NOSNIFF, served_media_type
from soundforge.gateway.openapi_errors import error_responses
from soundforge.runtime.errors import InvalidArgument, NotFound
from soundforge.storage import BlobInfo, BlobStore, keys, validate_key

router = APIRouter(prefix="/files", tags=["files"])

RANGE_NOT_SATISFIABLE = "RANGE_NOT_SATISFIABLE"


def file_responses(body: bool) -> dict[int | str, dict[str, Any]]:
    # The object's own type (audio, PNG, JSON) is the body's; `*/*` says so without naming one.
    content = {"content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}} if body else {}
    return {
        200: {"description": "The whole object.", **content},
        206: {"description": "The requested byte range (`Content-Range`).", **content},
        304: {"description": "Not modified: `If-None-Match` names the current ETag."},
        **error_responses(401, 404, 416, 503),
    }


async def owned_object(blobs: BlobStore, user_id: str, key: str) -> BlobInfo:
    """The object if `key` is a valid key under the caller's prefix and exists.

    Every refusal -- a bad key, `..`, another user's prefix, a missing object -- is the same
    404, so a caller learns nothing about what exists outside their own files.
    """
    try:
        validate_key(key)
        if not keys.owned_by(key, user_id):
            raise NotFound("file not found")
        return await blobs.stat(key)
    except (InvalidArgument, NotFound):
        raise NotFound("file not found") from None


def _etag(info: BlobInfo) -> str | None:
    tag = info.etag.strip('"')
    return f'"{tag}"' if tag else None


def _matches_any(header: str, etag: str) -> bool:
    """If-None-Match: weak comparison against a list of entity tags, or `*`."""
    if header.strip() == "*":
        return True
    return any(candidate.strip().removeprefix("W/") == etag for candidate in header.split(","))


def _wanted_range(request: Request, info: BlobInfo, etag: str | None) -> ByteRange | None:
    if_range = request.headers.get("if-range")
    if if_range is not None and (etag is None or if_range.strip() != etag):
        # The client's copy is of another version (or dated; we keep no dates): send it all anew.
        return None
    return parse_range(request.headers.get("range"), info.size)


async def _resume(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if first:
        yield first
    async for chunk in rest:
        yield chunk


async def serve_object(key: str, request: Request, user_id: str, blobs: BlobStore, *, body: bool) -> Response:
    info = await owned_object(blobs, user_id, key)
    return await send_object(blobs, key, info, request, body=body)


async def send_object(
    blobs: BlobStore,
    key: str,
    info: BlobInfo,
    request: Request,
    *,
    body: bool,
    media_type: str | None = None,
    cache_control: str = "private, no-cache",
) -> Response:
    """The object at `key` (whose access the caller checked), streamed, honouring Range and ETags.

    A range past the end is 416 in the error shape of the request's path. The type is a passive
    one (`media_types`), whatever the object's metadata says.
    """
    etag = _etag(info)
    media_type = served_media_type(media_type or info.content_type, key)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": cache_control, **NOSNIFF}
    if etag is not None:
        headers["ETag"] = etag
        if_none_match = request.headers.get("if-none-match")
        if if_none_match is not None and _matches_any(if_none_match, etag):
            return Response(status_code=304, headers=headers)
    try:
        wanted = _wanted_range(request, info, etag)
    except RangeNotSatisfiable as err:
        return render_error(
            request.url.path,
            http_status(RANGE_NOT_SATISFIABLE),
            "range not satisfiable",
            RANGE_NOT_SATISFIABLE,
            headers={**headers, "Content-Range": f"bytes */{err.size}"},
        )
    status, offset, length = 200, 0, info.size
    if wanted is not None:
        status, offset, length = 206, wanted.start, wanted.length
        headers["Content-Range"] = wanted.content_range(info.size)
    headers["Content-Length"] = str(length)
    if not body:
        return Response(status_code=status, headers=headers, media_type=media_type)
    chunks = blobs.get_stream(key, offset=offset, length=length)
    try:
        # The first read happens before the status goes out: an object deleted since the stat
        # is still a clean 404 rather than a 200 cut short.
        first = await anext(chunks, b"")
    except NotFound:
        raise NotFound("file not found") from None
    return StreamingResponse(
        _resume(first, chunks), status_code=status, headers=headers, media_type=media_type
    )


@router.get("/{key:path}", response_class=Response, responses=file_responses(body=True))
async def get_file(key: str, request: Request, user: CurrentUser, context: Context) -> Response:
    """The object at `key`, which must start with `users/<your id>/`; honours Range and If-Range."""
    return await serve_object(key, request, user.id, context.blobs, body=True)


@router.head("/{key:path}", response_class=Response, responses=file_responses(body=False))
async def head_file(key: str, request: Request, user: CurrentUser, context: Context) -> Response:
    """The headers GET would send (size, type, ETag, Content-Range), without the body."""
    return await serve_object(key, request, user.id, context.blobs, body=False)
