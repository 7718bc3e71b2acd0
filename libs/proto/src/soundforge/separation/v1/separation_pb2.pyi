from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from soundforge.jobs.v1 import payloads_pb2 as _payloads_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ModelInfo(_message.Message):
    __slots__ = ("model", "name", "description", "stems", "sources", "available", "unavailable_reason")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STEMS_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    UNAVAILABLE_REASON_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.SeparationModel
    name: str
    description: str
    stems: int
    sources: _containers.RepeatedScalarFieldContainer[str]
    available: bool
    unavailable_reason: str
    def __init__(self, model: _Optional[_Union[_payloads_pb2.SeparationModel, str]] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., stems: _Optional[int] = ..., sources: _Optional[_Iterable[str]] = ..., available: _Optional[bool] = ..., unavailable_reason: _Optional[str] = ...) -> None: ...

class ListModelsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListModelsResponse(_message.Message):
    __slots__ = ("models",)
    MODELS_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[ModelInfo]
    def __init__(self, models: _Optional[_Iterable[_Union[ModelInfo, _Mapping]]] = ...) -> None: ...

class SeparateRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "params")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    params: _payloads_pb2.SeparationParams
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.SeparationParams, _Mapping]] = ...) -> None: ...

class GetLalalaiQuotaRequest(_message.Message):
    __slots__ = ("owner_id",)
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    def __init__(self, owner_id: _Optional[str] = ...) -> None: ...

class LalalaiQuota(_message.Message):
    __slots__ = ("quota_minutes", "used_minutes", "remaining_minutes")
    QUOTA_MINUTES_FIELD_NUMBER: _ClassVar[int]
    USED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    REMAINING_MINUTES_FIELD_NUMBER: _ClassVar[int]
    quota_minutes: float
    used_minutes: float
    remaining_minutes: float
    def __init__(self, quota_minutes: _Optional[float] = ..., used_minutes: _Optional[float] = ..., remaining_minutes: _Optional[float] = ...) -> None: ...

class CancelLalalaiTaskRequest(_message.Message):
    __slots__ = ("owner_id", "task_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    task_id: str
    def __init__(self, owner_id: _Optional[str] = ..., task_id: _Optional[str] = ...) -> None: ...

class CancelAllLalalaiTasksRequest(_message.Message):
    __slots__ = ("owner_id",)
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    def __init__(self, owner_id: _Optional[str] = ...) -> None: ...

class CancelLalalaiTaskResponse(_message.Message):
    __slots__ = ("cancelled_task_ids",)
    CANCELLED_TASK_IDS_FIELD_NUMBER: _ClassVar[int]
    cancelled_task_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, cancelled_task_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class StageInfo(_message.Message):
    __slots__ = ("stage", "name", "processor_type")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROCESSOR_TYPE_FIELD_NUMBER: _ClassVar[int]
    stage: _payloads_pb2.PipelineStage
    name: str
    processor_type: str
    def __init__(self, stage: _Optional[_Union[_payloads_pb2.PipelineStage, str]] = ..., name: _Optional[str] = ..., processor_type: _Optional[str] = ...) -> None: ...

class GetPipelineConfigRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PipelineConfig(_message.Message):
    __slots__ = ("max_file_size_mb", "supported_formats", "stages")
    MAX_FILE_SIZE_MB_FIELD_NUMBER: _ClassVar[int]
    SUPPORTED_FORMATS_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    max_file_size_mb: int
    supported_formats: _containers.RepeatedScalarFieldContainer[str]
    stages: _containers.RepeatedCompositeFieldContainer[StageInfo]
    def __init__(self, max_file_size_mb: _Optional[int] = ..., supported_formats: _Optional[_Iterable[str]] = ..., stages: _Optional[_Iterable[_Union[StageInfo, _Mapping]]] = ...) -> None: ...

class StartPipelineRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "params")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    params: _payloads_pb2.PipelineParams
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.PipelineParams, _Mapping]] = ...) -> None: ...

class ExportMixRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "stem_keys", "manifest_json")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    STEM_KEYS_FIELD_NUMBER: _ClassVar[int]
    MANIFEST_JSON_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    stem_keys: _containers.RepeatedScalarFieldContainer[str]
    manifest_json: str
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., stem_keys: _Optional[_Iterable[str]] = ..., manifest_json: _Optional[str] = ...) -> None: ...

class ExportMixResponse(_message.Message):
    __slots__ = ("object_key",)
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    object_key: str
    def __init__(self, object_key: _Optional[str] = ...) -> None: ...
