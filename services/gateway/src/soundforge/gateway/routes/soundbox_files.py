"""Sound Box's files (seed 003): a generation's audio, its download, its spectrogram, drawn on demand.

A file name is looked up in the library, never opened: what is served is the object key recorded
for the generation. A name that is not a generation's, or is a private generation's and the caller
is not its creator or an admin, is the same 404.
"""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath
from typing import Any

from fastapi import APIRouter, Request, Response

from soundforge.analysis.v1 import analysis_pb2
from soundforge.gateway.attachments import attachment_filename, content_disposition, slug
from soundforge.gateway.auth import OptionalUser
from soundforge.gateway.client_text import Text
from soundforge.gateway.context import Context, GatewayContext
from soundforge.gateway.openapi_errors import SoundBoxError, soundbox_responses
from soundforge.gateway.routes.files import send_object
from soundforge.gateway.soundbox_responses import GeneratedSpectrogram
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import InvalidArgument, NotFound, SoundForgeError, Unavailable

log = logging.getLogger(__name__)

router = APIRouter(tags=["soundbox files"])

AUDIO_NOT_FOUND = "Audio file not found"
SPECTROGRAM_NOT_FOUND = "Spectrogram not found"
SPECTROGRAM_FAILED = "Spectrogram generation failed"
MAX_NAME_LENGTH = 255  # generations.filename
MAX_ID_LENGTH = 64
WAV = "audio/wav"
PNG = "image/png"
_EXTENSION = re.compile(r"^\.[a-z0-9]{1,8}$")


class SpectrogramFailed(SoundForgeError):
    """Drawing failed (undecodable audio): 500 with the documented message, which is not hidden."""

    code = "SPECTROGRAM_FAILED"


def _file_responses(media_type: str, description: str, *, attachment: bool = False) -> dict[int | str, Any]:
    content = {"content": {media_type: {"schema": {"type": "string", "format": "binary"}}}}
    whole: dict[str, Any] = {"description": description, **content}
    if attachment:
        whole["headers"] = {
            "Content-Disposition": {
                "description": 'attachment; filename="<prompt slug>_<id>.wav"',
                "schema": {"type": "string"},
            }
        }
    return {
        200: whole,
        206: {"description": "The requested byte range (`Content-Range`).", **content},
        304: {"description": "Not modified: `If-None-Match` names the current ETag."},
        **soundbox_responses(400, 404, 416),
    }


def _caller(viewer: library_pb2.User | None) -> jobs_pb2.Caller:
    if viewer is None:
        return jobs_pb2.Caller()
    return jobs_pb2.Caller(user_id=viewer.id, admin=viewer.role == "admin")


def _could_be_a_file_name(name: str) -> bool:
    return (
        0 < len(name) <= MAX_NAME_LENGTH and "/" not in name and "\\" not in name and not name.startswith(".")
    )


async def _generation(
    context: GatewayContext, viewer: library_pb2.User | None, missing: str, **name: str
) -> library_pb2.Generation:
    """The generation a file name belongs to, if the viewer may see it; NotFound(`missing`) otherwise."""
    (value,) = name.values()
    if not _could_be_a_file_name(value):
        raise NotFound(missing)
    request = library_pb2.GetGenerationFileRequest(viewer=_caller(viewer), **name)
    try:
        generation: library_pb2.Generation = await context.clients.library.GetGenerationFile(request)
    except NotFound:
        raise NotFound(missing) from None
    return generation


async def _send(
    context: GatewayContext, request: Request, generation: library_pb2.Generation, key: str, missing: str
) -> Response:
    """The object streamed with byte ranges; a generation recorded without it (or lost since) is 404."""
    media_type = {".wav": WAV, ".png": PNG}.get(PurePosixPath(key).suffix.lower())
    cache_control = "private, no-cache" if generation.private else "public, no-cache"
    try:
        if not key:
            raise NotFound(missing)
        info = await context.blobs.stat(key)
        return await send_object(
            context.blobs, key, info, request, body=True, media_type=media_type, cache_control=cache_control
        )
    except (NotFound, InvalidArgument):
        raise NotFound(missing) from None


def download_name(generation: library_pb2.Generation) -> str:
    """`<prompt slug>_<file id>.<ext>`, e.g. `peaceful-ambient-melody_abc123.wav`: ASCII, bounded."""
    name = PurePosixPath(generation.filename)
    ident = slug(name.stem)[:MAX_ID_LENGTH].rstrip("-") or slug(generation.id)[:MAX_ID_LENGTH]
    extension = PurePosixPath(generation.object_key).suffix.lower()
    if not _EXTENSION.match(extension):
        extension = ".wav"
    return attachment_filename(generation.prompt, suffix=f"_{ident}{extension}", fallback="sound")


@router.get("/audio/{filename}", response_class=Response, responses=_file_responses(WAV, "The WAV file."))
async def audio(filename: Text, request: Request, viewer: OptionalUser, context: Context) -> Response:
    """A generation's audio, streamed; `Range` gives 206 (players seek with it)."""
    generation = await _generation(context, viewer, AUDIO_NOT_FOUND, audio_filename=filename)
    return await _send(context, request, generation, generation.object_key, AUDIO_NOT_FOUND)


@router.get(
    "/download/{filename}",
    response_class=Response,
    responses=_file_responses(WAV, "The WAV file as an attachment.", attachment=True),
)
async def download(filename: Text, request: Request, viewer: OptionalUser, context: Context) -> Response:
    """The same bytes as /audio, named from the prompt: `peaceful-ambient-melody_abc123.wav`."""
    generation = await _generation(context, viewer, AUDIO_NOT_FOUND, audio_filename=filename)
    response = await _send(context, request, generation, generation.object_key, AUDIO_NOT_FOUND)
    if response.status_code < 300:
        response.headers["Content-Disposition"] = content_disposition(download_name(generation))
    return response


@router.get(
    "/spectrogram/{filename}", response_class=Response, responses=_file_responses(PNG, "The PNG image.")
)
async def spectrogram(filename: Text, request: Request, viewer: OptionalUser, context: Context) -> Response:
    """A generation's mel spectrogram image (see /generate-spectrogram for one not drawn yet)."""
    generation = await _generation(context, viewer, SPECTROGRAM_NOT_FOUND, spectrogram_filename=filename)
    return await _send(context, request, generation, generation.spectrogram_key, SPECTROGRAM_NOT_FOUND)


@router.get(
    "/generate-spectrogram/{audio_filename}",
    response_model=GeneratedSpectrogram,
    responses={
        **soundbox_responses(400, 404),
        500: {"model": SoundBoxError, "description": SPECTROGRAM_FAILED},
    },
)
async def generate_spectrogram(
    audio_filename: Text, viewer: OptionalUser, context: Context
) -> dict[str, str]:
    """Draws the spectrogram of a generation that has none (the analysis service's renderer) and
    records it; a generation whose image exists answers it at once."""
    generation = await _generation(context, viewer, AUDIO_NOT_FOUND, audio_filename=audio_filename)
    if generation.spectrogram_key and await _stored(context, generation.spectrogram_key):
        return {"spectrogram": generation.spectrogram}
    if not generation.object_key:
        raise NotFound(AUDIO_NOT_FOUND)
    try:
        drawn = await context.clients.analysis.RenderSpectrogram(
            analysis_pb2.RenderSpectrogramRequest(
                owner_id=generation.user_id, audio_key=generation.object_key
            )
        )
    except NotFound:
        raise NotFound(AUDIO_NOT_FOUND) from None
    except Unavailable:
        raise
    except SoundForgeError as err:
        log.warning("spectrogram of %s failed: %s: %s", generation.id, err.code, err.message)
        raise SpectrogramFailed(SPECTROGRAM_FAILED) from err
    recorded = await context.clients.library.SetGenerationSpectrogram(
        library_pb2.SetGenerationSpectrogramRequest(
            viewer=_caller(viewer), generation_id=generation.id, spectrogram_key=drawn.spectrogram_key
        )
    )
    return {"spectrogram": recorded.spectrogram}


async def _stored(context: GatewayContext, key: str) -> bool:
    try:
        await context.blobs.stat(key)
    except (NotFound, InvalidArgument):
        return False
    return True
