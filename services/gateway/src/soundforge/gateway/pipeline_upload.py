"""`POST /pipeline/process`'s upload: the `/api/tracks` stream, refused early by the pipeline's own limits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import cast
from urllib.parse import urlsplit

from soundforge.gateway.upload_stream import StagingArea, UploadStaging
from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.errors import InvalidArgument, ValidationFailed
from soundforge.runtime.vocabulary import SEPARATION_MODELS

NO_FILENAME = "No filename provided"
MAX_CALLBACK_URL = 2048


def unsupported_format(suffix: str) -> InvalidArgument:
    return InvalidArgument(f"Unsupported audio format: {suffix or '(no extension)'}")


def not_audio(filename: str) -> InvalidArgument:
    return InvalidArgument(
        f"Unsupported audio format: {file_suffix(filename) or filename} (the file is not audio)"
    )


def file_suffix(filename: str) -> str:
    """`.wav` of `C:\\music\\Song.WAV`: browsers and curl send a bare name, others a path of either kind."""
    return PurePosixPath(filename.replace("\\", "/")).suffix.lower()


class PipelineStaging:
    """Ingest's staging, but a file without a name or of a format the pipeline refuses is never stored."""

    def __init__(self, ingest: UploadStaging, formats: Sequence[str]) -> None:
        self._ingest = ingest
        self._formats = {name.lower().lstrip(".") for name in formats}

    async def begin(self, filename: str, content_type: str) -> StagingArea:
        if not filename:
            raise InvalidArgument(NO_FILENAME)
        suffix = file_suffix(filename)
        if suffix.lstrip(".") not in self._formats:
            raise unsupported_format(suffix)
        return await self._ingest.begin(filename, content_type)

    async def abort(self, upload_id: str) -> None:
        await self._ingest.abort(upload_id)


def pipeline_params(fields: Mapping[str, str]) -> payloads_pb2.PipelineParams:
    """The optional form fields: `model` (default htdemucs) and `callback_url` (an http(s) URL).

    Whether the callback's address may be called (the SSRF rules) is decided when it is called,
    since a name can resolve elsewhere by then.
    """
    model = SEPARATION_MODELS.value(
        fields.get("model", "").strip(), "model", default=payloads_pb2.SEPARATION_MODEL_HTDEMUCS
    )
    callback_url = fields.get("callback_url", "").strip()
    if callback_url and not _is_http_url(callback_url):
        raise ValidationFailed({"callback_url": ["must be an http or https URL"]})
    return payloads_pb2.PipelineParams(
        model=cast(payloads_pb2.SeparationModel, model), callback_url=callback_url
    )


def _is_http_url(url: str) -> bool:
    if len(url) > MAX_CALLBACK_URL:
        return False
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0  # .port raises on one that is not a number in range
    except ValueError:
        return False
    return port_ok and parts.scheme in ("http", "https") and bool(parts.hostname)
