"""The Demucs models this platform offers: the seed's list, each model's sources and limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.errors import SoundForgeError, ValidationFailed
from soundforge.runtime.vocabulary import SEPARATION_MODELS

FOUR = ("drums", "bass", "other", "vocals")


class ModelNotAvailable(SoundForgeError):
    """A request for a model `ListModels` says is not available: refused before a job exists (a job
    would only fail at once). Its own code, so the gateway shows the reason (503), where
    SERVICE_UNAVAILABLE's text is hidden as internal."""

    code = "MODEL_UNAVAILABLE"
    grpc_status = "FAILED_PRECONDITION"


@dataclass(frozen=True)
class ModelSpec:
    model: int  # SeparationModel
    description: str  # seed 001's words
    sources: tuple[str, ...]  # the released weights' sources (a loaded model's own win at run time)
    max_segment: float  # seconds: the longest window the architecture accepts

    @property
    def name(self) -> str:
        return SEPARATION_MODELS.name(self.model)


SPECS = (
    ModelSpec(
        payloads_pb2.SEPARATION_MODEL_HTDEMUCS, "Hybrid Transformer Demucs - default 4-stem model", FOUR, 7.8
    ),
    ModelSpec(
        payloads_pb2.SEPARATION_MODEL_HTDEMUCS_FT,
        "Fine-tuned Hybrid Transformer Demucs - higher quality, slower",
        FOUR,
        7.8,
    ),
    ModelSpec(
        payloads_pb2.SEPARATION_MODEL_HTDEMUCS_6S,
        "6-stem model (vocals, drums, bass, guitar, piano, other)",
        ("drums", "bass", "other", "vocals", "guitar", "piano"),
        7.8,
    ),
    ModelSpec(
        payloads_pb2.SEPARATION_MODEL_MDX_EXTRA,
        "MDX-Net Extra - alternative architecture, good for vocals",
        FOUR,
        60.0,
    ),
)


@dataclass(frozen=True)
class ModelDescription:
    spec: ModelSpec
    reason: str = ""  # why this deployment cannot load it, for users; "" when it can

    @property
    def available(self) -> bool:
        """Weights present on this deployment (or reachable on the hub)."""
        return not self.reason


class ModelCatalog:
    """The offered models; `why_unavailable(name)` says why this deployment cannot load one, in words
    for users, or None when it can (model_store.ModelStore.unavailable_reason)."""

    def __init__(self, why_unavailable: Callable[[str], str | None]) -> None:
        self.why_unavailable = why_unavailable
        self.by_model = {spec.model: spec for spec in SPECS}

    def require_available(self, model: int) -> ModelSpec:
        """The model's spec, or ModelNotAvailable naming it and why when `describe` says unavailable."""
        spec = self.spec(model)
        if (reason := self.why_unavailable(spec.name)) is not None:
            raise ModelNotAvailable(reason)
        return spec

    def spec(self, model: int) -> ModelSpec:
        try:
            return self.by_model[model]
        except KeyError:
            raise ValidationFailed({"model": [f"must be one of: {', '.join(self.names())}"]}) from None

    def names(self) -> list[str]:
        return [spec.name for spec in SPECS]

    def describe(self) -> list[ModelDescription]:
        return [ModelDescription(spec, self.why_unavailable(spec.name) or "") for spec in SPECS]
