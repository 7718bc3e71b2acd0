"""Typed job payloads <-> stored JSON and HTTP JSON; closed vocabularies refuse unknown names."""

from __future__ import annotations

import pytest

from soundforge.jobs.v1 import payloads_pb2 as p
from soundforge.runtime import payloads
from soundforge.runtime.errors import ValidationFailed
from soundforge.runtime.vocabulary import GENERATION_MODELS, SEPARATION_MODELS


def test_params_round_trip_through_the_stored_json_of_their_kind() -> None:
    params = p.JobParams(
        separation=p.SeparationParams(model=p.SEPARATION_MODEL_HTDEMUCS_6S, two_stems="vocals", overlap=0.0)
    )
    kind, stored = payloads.params_to_json(params)
    assert kind == "separation"
    assert stored == {"model": "SEPARATION_MODEL_HTDEMUCS_6S", "two_stems": "vocals", "overlap": 0.0}
    assert payloads.params_from_json(kind, stored) == params
    # Clients see enums by their HTTP names; an explicitly set optional zero is kept.
    assert payloads.params_http_json(params) == {
        "model": "htdemucs_6s",
        "two_stems": "vocals",
        "overlap": 0.0,
    }
    with pytest.raises(ValidationFailed):
        payloads.params_to_json(p.JobParams())


def test_analysis_results_keep_the_seeds_flat_shape_with_nulls_for_unknowns() -> None:
    flat = {
        "tempo": 120.0,
        "beats": [0.5, 1.0],
        "tempo_confidence": 0.9,
        "key": None,
        "camelot": None,
        "key_confidence": 0.1,
        "features": {"mfcc": [[1.0, 0.5]]},
    }
    result = payloads.analysis_from_flat(flat, ["tempo", "key", "mfcc"])
    assert result.HasField("key") and not result.key.HasField("key")
    assert payloads.analysis_to_flat(result) == flat
    kind, stored = payloads.result_to_json(p.JobResult(analysis=result)) or ("", {})
    assert payloads.result_from_json(kind, stored) == p.JobResult(analysis=result)
    assert payloads.computed_features(result) == ["tempo", "key", "mfcc"]


def test_vocabularies_map_http_names_and_name_the_field_they_refuse() -> None:
    assert SEPARATION_MODELS.value("mdx_extra", "model") == p.SEPARATION_MODEL_MDX_EXTRA
    assert GENERATION_MODELS.value("magnet-music", "model") == p.GENERATION_MODEL_MAGNET_MUSIC
    assert GENERATION_MODELS.name(p.GENERATION_MODEL_MAGNET_AUDIO) == "magnet-audio"
    assert SEPARATION_MODELS.value("", "model") == p.SEPARATION_MODEL_UNSPECIFIED
    with pytest.raises(ValidationFailed) as refused:
        SEPARATION_MODELS.value("htdemucs ", "model")
    assert list(refused.value.details) == ["model"]
    assert SEPARATION_MODELS.name_of_stored("SEPARATION_MODEL_HTDEMUCS") == "htdemucs"
    assert SEPARATION_MODELS.name_of_stored("SEPARATION_MODEL_FROM_THE_FUTURE") == ""
