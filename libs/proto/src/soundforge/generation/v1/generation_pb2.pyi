from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GenerateRequest(_message.Message):
    __slots__ = ("prompt", "duration", "model", "loop", "priority", "user_id", "owner_id")
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    LOOP_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    prompt: str
    duration: int
    model: str
    loop: bool
    priority: str
    user_id: str
    owner_id: str
    def __init__(self, prompt: _Optional[str] = ..., duration: _Optional[int] = ..., model: _Optional[str] = ..., loop: _Optional[bool] = ..., priority: _Optional[str] = ..., user_id: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...

class GenerateResponse(_message.Message):
    __slots__ = ("job_id", "position")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    position: int
    def __init__(self, job_id: _Optional[str] = ..., position: _Optional[int] = ...) -> None: ...

class GetGenerationJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GenerationJob(_message.Message):
    __slots__ = ("job", "position", "progress_text", "filename", "spectrogram", "quality", "retry_count", "prompt", "model", "duration", "user_id")
    JOB_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_TEXT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    RETRY_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    job: _jobs_pb2.Job
    position: int
    progress_text: str
    filename: str
    spectrogram: str
    quality: int
    retry_count: int
    prompt: str
    model: str
    duration: int
    user_id: str
    def __init__(self, job: _Optional[_Union[_jobs_pb2.Job, _Mapping]] = ..., position: _Optional[int] = ..., progress_text: _Optional[str] = ..., filename: _Optional[str] = ..., spectrogram: _Optional[str] = ..., quality: _Optional[int] = ..., retry_count: _Optional[int] = ..., prompt: _Optional[str] = ..., model: _Optional[str] = ..., duration: _Optional[int] = ..., user_id: _Optional[str] = ...) -> None: ...

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

class GetStatusResponse(_message.Message):
    __slots__ = ("models", "gpu", "queue_length", "estimated_wait")
    class ModelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MODELS_FIELD_NUMBER: _ClassVar[int]
    GPU_FIELD_NUMBER: _ClassVar[int]
    QUEUE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_WAIT_FIELD_NUMBER: _ClassVar[int]
    models: _containers.ScalarMap[str, str]
    gpu: GpuStatus
    queue_length: int
    estimated_wait: float
    def __init__(self, models: _Optional[_Mapping[str, str]] = ..., gpu: _Optional[_Union[GpuStatus, _Mapping]] = ..., queue_length: _Optional[int] = ..., estimated_wait: _Optional[float] = ...) -> None: ...

class GetQueueRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetQueueResponse(_message.Message):
    __slots__ = ("jobs", "current_job")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_JOB_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[GenerationJob]
    current_job: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[GenerationJob, _Mapping]]] = ..., current_job: _Optional[str] = ...) -> None: ...

class CancelGenerationRequest(_message.Message):
    __slots__ = ("job_id", "user_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    user_id: str
    def __init__(self, job_id: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class CancelGenerationResponse(_message.Message):
    __slots__ = ("message",)
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message: str
    def __init__(self, message: _Optional[str] = ...) -> None: ...

class RandomPromptRequest(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: str
    def __init__(self, model: _Optional[str] = ...) -> None: ...

class RandomPromptResponse(_message.Message):
    __slots__ = ("prompt",)
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    prompt: str
    def __init__(self, prompt: _Optional[str] = ...) -> None: ...
