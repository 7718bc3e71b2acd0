"""Typed job payloads <-> the JSON the library stores: one member of JobParams/JobResult per kind.

The library keeps each job's params and result as JSON (its `kind` column says which message it
is), written and read here with the proto field names, so a stored record, a JetStream event and
an RPC all carry the same typed message and nothing interprets a loose map by guesswork.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.convert import iso
from soundforge.runtime.errors import ValidationFailed
from soundforge.runtime.vocabulary import BY_ENUM

# JobKind names ("download", ...) are the member names of the JobParams/JobResult oneofs.
KIND_ONEOF = "kind"


def _to_json(message: Message) -> dict[str, Any]:
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def params_to_json(params: payloads_pb2.JobParams) -> tuple[str, dict[str, Any]]:
    """(kind, stored JSON) of the member set; ValidationFailed when none is."""
    kind = params.WhichOneof(KIND_ONEOF)
    if kind is None:
        raise ValidationFailed({"params": ["one job kind's params are required"]})
    return kind, _to_json(getattr(params, kind))


def params_from_json(kind: str, stored: dict[str, Any] | None) -> payloads_pb2.JobParams:
    """The typed params of a stored job; fields a newer version wrote are ignored."""
    params = payloads_pb2.JobParams()
    json_format.ParseDict(stored or {}, getattr(params, kind), ignore_unknown_fields=True)
    return params


def result_to_json(result: payloads_pb2.JobResult) -> tuple[str, dict[str, Any]] | None:
    """(kind, stored JSON) of the member set; None when the result is empty."""
    kind = result.WhichOneof(KIND_ONEOF)
    if kind is None:
        return None
    return kind, _to_json(getattr(result, kind))


def result_from_json(kind: str, stored: dict[str, Any] | None) -> payloads_pb2.JobResult | None:
    """The typed result of a stored job; None while it has none."""
    if not stored:
        return None
    result = payloads_pb2.JobResult()
    json_format.ParseDict(stored, getattr(result, kind), ignore_unknown_fields=True)
    return result


# ---- analysis results: the seed's flat JSON <-> AnalysisResult ----

# mfcc and chroma are the seed's `features.mfcc` / `features.chroma`, rows of [mean, std].
MATRIX_FEATURES = ("mfcc", "chroma")


def _feature_of_key() -> dict[str, str]:
    """Which feature each flat key belongs to ("beats" -> "tempo")."""
    owners: dict[str, str] = {}
    for field in payloads_pb2.AnalysisResult.DESCRIPTOR.fields:
        if field.name in MATRIX_FEATURES or field.message_type is None:
            continue
        for member_field in field.message_type.fields:
            owners[member_field.name] = field.name
    return owners


FEATURE_OF_KEY = _feature_of_key()


def analysis_from_flat(flat: dict[str, Any], features: list[str]) -> payloads_pb2.AnalysisResult:
    """The analysis of `features` from the seed-shaped dict the analysis computes.

    Each feature's member is set (so it is known to be computed) and gets the dict's values for
    its fields; a None value (the track cannot have one) stays unset.
    """
    result = payloads_pb2.AnalysisResult()
    matrices = flat.get("features") or {}
    for feature in features:
        member = getattr(result, feature)
        member.SetInParent()
        if feature in MATRIX_FEATURES:
            for row in matrices.get(feature) or []:
                member.rows.add(mean=float(row[0]), std=float(row[1]))
            continue
        for field in member.DESCRIPTOR.fields:
            value = flat.get(field.name)
            if value is None:
                continue
            if field.is_repeated:
                getattr(member, field.name).extend(value)
            else:
                setattr(member, field.name, value)
    return result


def analysis_to_flat(result: payloads_pb2.AnalysisResult) -> dict[str, Any]:
    """The seed's flat analysis JSON: every field of each computed feature, null where unknown."""
    flat: dict[str, Any] = {}
    matrices: dict[str, list[list[float]]] = {}
    for descriptor, member in result.ListFields():
        if descriptor.name in MATRIX_FEATURES:
            matrices[descriptor.name] = [[row.mean, row.std] for row in member.rows]
            continue
        for field in member.DESCRIPTOR.fields:
            if field.is_repeated:
                flat[field.name] = list(getattr(member, field.name))
            elif field.has_presence and not member.HasField(field.name):
                flat[field.name] = None
            else:
                flat[field.name] = getattr(member, field.name)
    if matrices:
        flat["features"] = matrices
    return flat


def computed_features(result: payloads_pb2.AnalysisResult) -> list[str]:
    return [descriptor.name for descriptor, _member in result.ListFields()]


# ---- HTTP JSON of typed payloads ----


def message_json(message: Message) -> dict[str, Any]:
    """A payload message as clients see it: the fields it sets, enums by their HTTP names
    ("htdemucs_6s", not "SEPARATION_MODEL_HTDEMUCS_6S"), 64-bit integers as numbers."""
    return {field.name: _field_json(field, value) for field, value in message.ListFields()}


def _field_json(field: FieldDescriptor, value: Any) -> Any:
    if field.is_repeated:
        return [_value_json(field, item) for item in value]
    return _value_json(field, value)


def _value_json(field: FieldDescriptor, value: Any) -> Any:
    if field.message_type is not None:
        if field.message_type.full_name == "google.protobuf.Timestamp":
            return iso(value)
        return message_json(value)
    if field.enum_type is not None:
        vocabulary = BY_ENUM.get(field.enum_type.full_name)
        return vocabulary.name(value) if vocabulary else field.enum_type.values_by_number[value].name
    return value


def params_http_json(params: payloads_pb2.JobParams) -> dict[str, Any]:
    kind = params.WhichOneof(KIND_ONEOF)
    return message_json(getattr(params, kind)) if kind else {}


def result_http_json(result: payloads_pb2.JobResult) -> dict[str, Any] | None:
    """A job's result as the seeds show it (analysis: the flat JSON of seed 001); None when empty."""
    kind = result.WhichOneof(KIND_ONEOF)
    if kind is None:
        return None
    if kind == "analysis":
        return analysis_to_flat(result.analysis)
    return message_json(getattr(result, kind))
