"""Closed vocabularies: the HTTP names of proto enums, both ways, with unknown names refused.

An enum value travels over gRPC and JetStream; its HTTP name ("htdemucs_6s", "magnet-music")
is what clients send. A name not in the vocabulary is a ValidationFailed naming the field and
every accepted value, raised at the edge, so nothing downstream ever sees a free string.
"""

from __future__ import annotations

from collections.abc import Callable

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.errors import ValidationFailed


def _snake(name: str) -> str:
    return name.lower()


def _kebab(name: str) -> str:
    return name.lower().replace("_", "-")


class Vocabulary:
    """The HTTP names of one enum's values (every value but the zero `UNSPECIFIED`)."""

    def __init__(self, enum: EnumTypeWrapper, prefix: str, spell: Callable[[str], str] = _snake) -> None:
        self._enum = enum
        self.enum_name: str = enum.DESCRIPTOR.full_name
        self._by_name: dict[str, int] = {}
        self._by_value: dict[int, str] = {}
        for full_name, value in enum.items():
            if value == 0:
                continue
            name = spell(full_name.removeprefix(prefix))
            self._by_name[name] = value
            self._by_value[value] = name

    @property
    def names(self) -> list[str]:
        return list(self._by_name)

    def value(self, name: str, field: str, *, default: int = 0) -> int:
        """The enum value of `name`; `default` for an empty name; ValidationFailed when unknown."""
        if not name:
            return default
        try:
            return self._by_name[name]
        except KeyError:
            allowed = ", ".join(self._by_name)
            raise ValidationFailed({field: [f"must be one of: {allowed}"]}) from None

    def name_of_stored(self, proto_name: object) -> str:
        """The HTTP name of an enum stored in JSON by its proto name ("SEPARATION_MODEL_HTDEMUCS");
        "" for a missing or unknown one (written by a newer version)."""
        return self.name(self.value_of_stored(proto_name))

    def value_of_stored(self, proto_name: object) -> int:
        """The enum value stored in JSON by its proto name; 0 for a missing or unknown one."""
        if not isinstance(proto_name, str) or proto_name not in self._enum.DESCRIPTOR.values_by_name:
            return 0
        return int(self._enum.Value(proto_name))

    def name(self, value: int) -> str:
        """The HTTP name of `value`; "" for the zero value (unset)."""
        if value == 0:
            return ""
        try:
            return self._by_value[value]
        except KeyError:
            raise ValueError(f"no name for enum value {value}") from None


SEPARATION_MODELS = Vocabulary(payloads_pb2.SeparationModel, "SEPARATION_MODEL_")
SEPARATION_ENGINES = Vocabulary(payloads_pb2.SeparationEngine, "SEPARATION_ENGINE_")
AUDIO_FORMATS = Vocabulary(payloads_pb2.AudioFormat, "AUDIO_FORMAT_")
GENERATION_MODELS = Vocabulary(payloads_pb2.GenerationModel, "GENERATION_MODEL_", _kebab)
PRIORITIES = Vocabulary(payloads_pb2.Priority, "PRIORITY_")
PIPELINE_STAGES = Vocabulary(payloads_pb2.PipelineStage, "PIPELINE_STAGE_")
STAGE_STATUSES = Vocabulary(payloads_pb2.StageStatus, "STAGE_STATUS_")

# Each vocabulary by its enum's full proto name, for rendering any message's enums by HTTP name.
BY_ENUM: dict[str, Vocabulary] = {
    vocabulary.enum_name: vocabulary
    for vocabulary in (
        SEPARATION_MODELS,
        SEPARATION_ENGINES,
        AUDIO_FORMATS,
        GENERATION_MODELS,
        PRIORITIES,
        PIPELINE_STAGES,
        STAGE_STATUSES,
    )
}
