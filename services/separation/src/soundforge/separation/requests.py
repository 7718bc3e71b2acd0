"""Checks a separation request before it is queued: model, engine, two-stem source, window bounds."""

from __future__ import annotations

from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime.errors import Conflict, ValidationFailed
from soundforge.separation.catalog import ModelCatalog
from soundforge.separation.lalalai_engine import lalalai_stem

# Bounds that keep one request from taking a worker hostage: shifts multiply the work, a long
# segment multiplies memory, a near-1 overlap makes every window count many times.
MAX_SHIFTS = 10
MIN_SEGMENT_SECONDS = 1.0
MAX_OVERLAP = 0.5


def check_params(
    params: payloads_pb2.SeparationParams, catalog: ModelCatalog
) -> payloads_pb2.SeparationParams:
    """The params as they will be queued (defaults filled in), or ValidationFailed naming the field."""
    checked = payloads_pb2.SeparationParams()
    checked.CopyFrom(params)
    if checked.model == payloads_pb2.SEPARATION_MODEL_UNSPECIFIED:
        checked.model = payloads_pb2.SEPARATION_MODEL_HTDEMUCS
    if checked.engine == payloads_pb2.SEPARATION_ENGINE_UNSPECIFIED:
        checked.engine = payloads_pb2.SEPARATION_ENGINE_LOCAL
    if checked.format == payloads_pb2.AUDIO_FORMAT_UNSPECIFIED:
        checked.format = payloads_pb2.AUDIO_FORMAT_WAV
    errors: dict[str, list[str]] = {}
    spec = catalog.spec(checked.model)
    local = checked.engine == payloads_pb2.SEPARATION_ENGINE_LOCAL
    if checked.two_stems and local and checked.two_stems not in spec.sources:
        errors["two_stems"] = [f"must be one of the model's sources: {', '.join(spec.sources)}"]
    if checked.two_stems and not local:
        try:
            lalalai_stem(checked.two_stems)
        except ValidationFailed as err:
            errors.update(err.details or {})
    if checked.HasField("segment"):
        limit = spec.max_segment
        if not (MIN_SEGMENT_SECONDS <= checked.segment <= limit):
            errors["segment"] = [
                f"must be between {MIN_SEGMENT_SECONDS:g} and {limit:g} seconds for this model"
            ]
    if checked.HasField("overlap") and not (0.0 <= checked.overlap <= MAX_OVERLAP):
        errors["overlap"] = [f"must be between 0 and {MAX_OVERLAP:g}"]
    if not (0 <= checked.shifts <= MAX_SHIFTS):
        errors["shifts"] = [f"must be between 0 and {MAX_SHIFTS}"]
    if errors:
        raise ValidationFailed(errors, "invalid separation request")
    return checked


def require_audio(track: library_pb2.Track) -> None:
    """A track whose audio is not stored yet cannot be separated now (the client may retry)."""
    if not (track.canonical_key or track.source_key):
        raise Conflict("the track's audio is still being ingested")
