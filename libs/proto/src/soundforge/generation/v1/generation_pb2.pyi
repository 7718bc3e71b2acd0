from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from soundforge.jobs.v1 import payloads_pb2 as _payloads_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ModelState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODEL_STATE_UNSPECIFIED: _ClassVar[ModelState]
    MODEL_STATE_PENDING: _ClassVar[ModelState]
    MODEL_STATE_LOADING: _ClassVar[ModelState]
    MODEL_STATE_READY: _ClassVar[ModelState]
    MODEL_STATE_ERROR: _ClassVar[ModelState]
MODEL_STATE_UNSPECIFIED: ModelState
MODEL_STATE_PENDING: ModelState
MODEL_STATE_LOADING: ModelState
MODEL_STATE_READY: ModelState
MODEL_STATE_ERROR: ModelState

class GenerateRequest(_message.Message):
    __slots__ = ("caller", "owner_id", "params", "priority")
    CALLER_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    caller: _jobs_pb2.Caller
    owner_id: str
    params: _payloads_pb2.GenerationParams
    priority: _payloads_pb2.Priority
    def __init__(self, caller: _Optional[_Union[_jobs_pb2.Caller, _Mapping]] = ..., owner_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.GenerationParams, _Mapping]] = ..., priority: _Optional[_Union[_payloads_pb2.Priority, str]] = ...) -> None: ...

class QueuedJob(_message.Message):
    __slots__ = ("job", "position", "estimated_wait_seconds", "progress_text")
    JOB_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_WAIT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_TEXT_FIELD_NUMBER: _ClassVar[int]
    job: _jobs_pb2.Job
    position: int
    estimated_wait_seconds: float
    progress_text: str
    def __init__(self, job: _Optional[_Union[_jobs_pb2.Job, _Mapping]] = ..., position: _Optional[int] = ..., estimated_wait_seconds: _Optional[float] = ..., progress_text: _Optional[str] = ...) -> None: ...

class GetGenerationJobRequest(_message.Message):
    __slots__ = ("caller", "job_id")
    CALLER_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    caller: _jobs_pb2.Caller
    job_id: str
    def __init__(self, caller: _Optional[_Union[_jobs_pb2.Caller, _Mapping]] = ..., job_id: _Optional[str] = ...) -> None: ...

class GetStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GpuStatus(_message.Message):
    __slots__ = ("name", "available", "busy", "memory_used_gb", "memory_total_gb", "memory_percent")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    BUSY_FIELD_NUMBER: _ClassVar[int]
    MEMORY_USED_GB_FIELD_NUMBER: _ClassVar[int]
    MEMORY_TOTAL_GB_FIELD_NUMBER: _ClassVar[int]
    MEMORY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    name: str
    available: bool
    busy: bool
    memory_used_gb: float
    memory_total_gb: float
    memory_percent: float
    def __init__(self, name: _Optional[str] = ..., available: _Optional[bool] = ..., busy: _Optional[bool] = ..., memory_used_gb: _Optional[float] = ..., memory_total_gb: _Optional[float] = ..., memory_percent: _Optional[float] = ...) -> None: ...

class ModelStatus(_message.Message):
    __slots__ = ("model", "state", "error")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.GenerationModel
    state: ModelState
    error: str
    def __init__(self, model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., state: _Optional[_Union[ModelState, str]] = ..., error: _Optional[str] = ...) -> None: ...

class GetStatusResponse(_message.Message):
    __slots__ = ("models", "gpu", "queue_length", "estimated_wait_seconds")
    MODELS_FIELD_NUMBER: _ClassVar[int]
    GPU_FIELD_NUMBER: _ClassVar[int]
    QUEUE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_WAIT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[ModelStatus]
    gpu: GpuStatus
    queue_length: int
    estimated_wait_seconds: float
    def __init__(self, models: _Optional[_Iterable[_Union[ModelStatus, _Mapping]]] = ..., gpu: _Optional[_Union[GpuStatus, _Mapping]] = ..., queue_length: _Optional[int] = ..., estimated_wait_seconds: _Optional[float] = ...) -> None: ...

class GetQueueRequest(_message.Message):
    __slots__ = ("caller",)
    CALLER_FIELD_NUMBER: _ClassVar[int]
    caller: _jobs_pb2.Caller
    def __init__(self, caller: _Optional[_Union[_jobs_pb2.Caller, _Mapping]] = ...) -> None: ...

class GetQueueResponse(_message.Message):
    __slots__ = ("jobs", "current_job_id")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[QueuedJob]
    current_job_id: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[QueuedJob, _Mapping]]] = ..., current_job_id: _Optional[str] = ...) -> None: ...

class RandomPromptRequest(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.GenerationModel
    def __init__(self, model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ...) -> None: ...

class RandomPromptResponse(_message.Message):
    __slots__ = ("prompt",)
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    prompt: str
    def __init__(self, prompt: _Optional[str] = ...) -> None: ...
