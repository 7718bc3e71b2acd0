"""Typed job params for tests: the empty member of a kind, or one with the given fields."""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.convert import kind_name
from soundforge.runtime.payloads import FEATURE_OF_KEY, analysis_from_flat, analysis_to_flat, params_to_json


def job_params(kind: int | str, **fields: Any) -> payloads_pb2.JobParams:
    """JobParams with the member of `kind` (a JobKind or its name) set, e.g. job_params("analysis")."""
    name = kind if isinstance(kind, str) else kind_name(kind)
    params = payloads_pb2.JobParams()
    member = getattr(params, name)
    member.SetInParent()
    for field, value in fields.items():
        if isinstance(value, list):
            getattr(member, field).extend(value)
        else:
            setattr(member, field, value)
    return params


def analysis_result(**flat: Any) -> payloads_pb2.JobResult:
    """An analysis JobResult from the seed's flat keys, e.g. analysis_result(tempo=120.0, key="C major")."""
    features = sorted({FEATURE_OF_KEY[name] for name in flat})
    return payloads_pb2.JobResult(analysis=analysis_from_flat(flat, features))


def params_json(params: payloads_pb2.JobParams) -> dict[str, Any]:
    """The set member of a JobParams as JSON (proto field names, defaults left out)."""
    return params_to_json(params)[1]


def result_json(result: payloads_pb2.JobResult) -> dict[str, Any]:
    """The set member of a JobResult as plain values (analysis: the seed's flat JSON)."""
    kind = result.WhichOneof("kind")
    if kind is None:
        return {}
    if kind == "analysis":
        return analysis_to_flat(result.analysis)
    return json_format.MessageToDict(
        getattr(result, kind), preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )
