"""`POST /api/daw/export`: the DAW's stems + edit manifest mixed by the separation service into one WAV."""

from __future__ import annotations

import json
import math
import struct
import uuid
from pathlib import PurePosixPath
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from soundforge.gateway.attachments import attachment_filename, content_disposition
from soundforge.gateway.auth import CurrentUser
from soundforge.gateway.context import Context, GatewayContext
from soundforge.gateway.daw_upload import ExportForm, delete_quietly, max_body_bytes, receive_export_form
from soundforge.gateway.errors import BLANK
from soundforge.gateway.media_types import NOSNIFF
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import PayloadTooLarge, PermissionDenied, SoundForgeError, ValidationFailed
from soundforge.separation.v1 import separation_pb2
from soundforge.storage import keys

router = APIRouter(prefix="/daw", tags=["daw"])

PEAK_HEADER = "X-Peak-Dbfs"
WAV_HEAD_BYTES = 4096

EXPORT_DESCRIPTION = """Mixes stems by the DAW's edit manifest into one WAV and answers it as a download.

Browser only: the session cookie and the CSRF header (an API key is refused with 403).

**Form** (`multipart/form-data`, as a browser `FormData` sends it):
* `track_id`: the caller's track the mix belongs to (another user's track: 404).
* `stems[]`: stem files (WAV, FLAC, OGG, MP3; any rate, mono or stereo), one part each.
* `stem_ids[]`: the caller's own stems by id (`/api/processing/job/{id}` lists them), instead of
  or beside files; another user's stem is 404.
* `manifest`: JSON, e.g.
  `{"stems": [{"stem": "vocals.wav", "gain_db": -3, "pan": -0.5, "mute": false, "solo": false,
  "edits": [{"type": "trim", "start": 1.0, "end": 30.0}, {"type": "fade_in", "duration": 0.5},
  {"type": "fade_out", "duration": 2.0}, {"type": "gain", "at": 12.0, "gain_db": -6, "ramp": 0.05}]}],
  "master": {"gain_db": 0}, "sample_rate": 48000}`.
  A stem is named by its position (uploaded files in the order sent, then `stem_ids[]`), its file
  name (with or without extension), its stem id or its stem name (`vocals`); an entry without a
  name applies to the stem at its own position; stems not listed play unchanged. The DAW's maps
  `volumes` (dB), `pans`, `mutes`, `solos` (lists of names) and `edits` (name -> edits) are
  accepted too. `gain_db` -120..24, `pan` -1..1 (constant power, centre unchanged, hard pan +3 dB
  on the kept side), mute wins over solo. Times are seconds of the stem's own timeline: a trimmed
  stem keeps its place; fades are linear from the trim edges; a gain change holds from `at` until
  the next one. Unknown fields are refused (422 names each problem in `details`).

**Answer**: a stereo 32-bit float WAV at `sample_rate` (default: the highest rate among the stems;
others are resampled, shorter stems end in silence). Float keeps a mix that peaks above full
scale intact rather than clipping or silently normalising it; `X-Peak-Dbfs` reports the sample
peak (above 0: lower `master.gain_db` before converting to a fixed-point format).

**Limits**: `GATEWAY_DAW_MAX_STEMS` stems and `GATEWAY_DAW_MAX_UPLOAD_BYTES` of files (413); the
service refuses stems longer than `SEPARATION_MIX_MAX_SECONDS` (413) and files that are not audio
(415). Uploaded stems and the mix are deleted once answered.
"""

EXPORT_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "track_id": {"type": "string"},
                        "manifest": {"type": "string", "description": "the edit manifest, JSON text"},
                        "stems[]": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "stem_ids[]": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["track_id", "manifest"],
                }
            }
        },
    }
}

EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The mix, as a download.",
        "content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}},
        "headers": {
            "Content-Disposition": {
                "description": 'attachment; filename="<artist>-<title>-mix.wav"',
                "schema": {"type": "string"},
            },
            PEAK_HEADER: {
                "description": "the mix's sample peak in dBFS (above 0: samples beyond full scale)",
                "schema": {"type": "string"},
            },
        },
    },
    **error_responses(400, *CSRF_ERRORS, 404, 413, 415, 422),
}


@router.post(
    "/export",
    response_class=Response,
    responses=EXPORT_RESPONSES,
    openapi_extra=EXPORT_OPENAPI,
    description=EXPORT_DESCRIPTION,
)
async def export_mix(request: Request, user: CurrentUser, context: Context) -> Response:
    principal = await context.authenticator.authenticate(request)
    if principal is None or principal.via != "session":
        raise PermissionDenied("the DAW export takes the browser session (cookie and CSRF token)")
    settings = context.settings
    limit = max_body_bytes(settings.daw_max_upload_bytes)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"stems exceed {settings.daw_max_upload_bytes} bytes")
    form = await receive_export_form(
        request.stream(),
        request.headers.get("content-type"),
        blobs=context.blobs,
        owner_id=user.id,
        export_id=uuid.uuid4().hex,
        max_stems=settings.daw_max_stems,
        max_upload_bytes=settings.daw_max_upload_bytes,
    )
    try:
        track = await _checked_track(form, user.id, context)
        stem_keys, names = await _inputs(form, user.id, context)
        mixed = await context.clients.separation.ExportMix(
            separation_pb2.ExportMixRequest(
                owner_id=user.id,
                track_id=track.id,
                stem_keys=stem_keys,
                manifest_json=_with_names(form.manifest or "", names),
            ),
            timeout=settings.daw_export_timeout_seconds,
        )
    finally:
        await delete_quietly(context.blobs, [stem.key for stem in form.stems])
    filename = attachment_filename(track.artist, track.title, suffix="-mix.wav", fallback=f"track-{track.id}")
    return await _download(context, user.id, mixed.object_key, filename)


async def _checked_track(form: ExportForm, owner_id: str, context: GatewayContext) -> library_pb2.Track:
    missing = {
        name: [BLANK]
        for name, present in (
            ("track_id", bool(form.track_id)),
            ("manifest", bool(form.manifest and form.manifest.strip())),
            ("stems", form.stem_count > 0),
        )
        if not present
    }
    if missing:
        raise ValidationFailed(missing)
    track: library_pb2.Track = await context.clients.library.GetTrack(
        library_pb2.GetTrackRequest(owner_id=owner_id, track_id=form.track_id)
    )
    return track


async def _inputs(
    form: ExportForm, owner_id: str, context: GatewayContext
) -> tuple[list[str], list[list[str]]]:
    """Object keys in manifest order (files, then stem ids) and the names each answers to."""
    stem_keys = [stem.key for stem in form.stems]
    names = [[stem.filename, PurePosixPath(stem.filename).stem] for stem in form.stems]
    for stem_id in form.stem_ids:
        if not stem_id:
            raise ValidationFailed({"stem_ids[]": [BLANK]})
        stem = await context.clients.library.GetStem(
            library_pb2.GetStemRequest(owner_id=owner_id, stem_id=stem_id)
        )
        stem_keys.append(stem.object_key)
        names.append([stem.id, stem.name])
    return stem_keys, [[name for name in group if name] for group in names]


def _with_names(manifest: str, names: list[list[str]]) -> str:
    """The caller's manifest with `stem_names` set (always ours), so the service resolves their names."""
    try:
        parsed = json.loads(manifest)
    except (ValueError, RecursionError):
        raise ValidationFailed({"manifest": ["is not valid JSON"]}) from None
    if not isinstance(parsed, dict):
        raise ValidationFailed({"manifest": ["must be a JSON object"]})
    parsed["stem_names"] = names
    return json.dumps(parsed)


async def _download(context: GatewayContext, owner_id: str, key: str, filename: str) -> Response:
    blobs = context.blobs
    if not keys.owned_by(key, owner_id):
        raise SoundForgeError("the mixer answered a key outside the caller's files")
    try:
        info = await blobs.stat(key)
        head = await blobs.read_head(key, WAV_HEAD_BYTES)
    except BaseException:
        await delete_quietly(blobs, [key])
        raise
    headers = {
        "Content-Disposition": content_disposition(filename),
        "Content-Length": str(info.size),
        **NOSNIFF,
    }
    peak = wav_peak(head)
    if peak is not None:
        headers[PEAK_HEADER] = f"{20 * math.log10(peak):.2f}" if peak > 0 else "-inf"
    return StreamingResponse(
        blobs.get_stream(key),
        media_type="audio/wav",
        headers=headers,
        background=BackgroundTask(delete_quietly, blobs, [key]),
    )


def wav_peak(head: bytes) -> float | None:
    """The largest channel peak of a float WAV's PEAK chunk (before `data`), None without one."""
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    position = 12
    while position + 8 <= len(head):
        chunk, size = (
            head[position : position + 4],
            int.from_bytes(head[position + 4 : position + 8], "little"),
        )
        if chunk == b"data":
            return None
        if chunk == b"PEAK":
            body = head[position + 8 : position + 8 + size]
            # version, timestamp, then (value: float32, position: uint32) per channel
            peaks = [struct.unpack_from("<f", body, offset)[0] for offset in range(8, len(body) - 7, 8)]
            return max(peaks, default=None)
        position += 8 + size + (size & 1)
    return None
