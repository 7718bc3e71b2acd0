import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from soundforge.jobs.v1 import payloads_pb2 as _payloads_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_KIND_UNSPECIFIED: _ClassVar[JobKind]
    JOB_KIND_DOWNLOAD: _ClassVar[JobKind]
    JOB_KIND_SEPARATION: _ClassVar[JobKind]
    JOB_KIND_ANALYSIS: _ClassVar[JobKind]
    JOB_KIND_GENERATION: _ClassVar[JobKind]
    JOB_KIND_PIPELINE: _ClassVar[JobKind]

class JobStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATUS_UNSPECIFIED: _ClassVar[JobStatus]
    JOB_STATUS_QUEUED: _ClassVar[JobStatus]
    JOB_STATUS_DOWNLOADING: _ClassVar[JobStatus]
    JOB_STATUS_PROCESSING: _ClassVar[JobStatus]
    JOB_STATUS_COMPLETED: _ClassVar[JobStatus]
    JOB_STATUS_FAILED: _ClassVar[JobStatus]
    JOB_STATUS_CANCELLED: _ClassVar[JobStatus]
JOB_KIND_UNSPECIFIED: JobKind
JOB_KIND_DOWNLOAD: JobKind
JOB_KIND_SEPARATION: JobKind
JOB_KIND_ANALYSIS: JobKind
JOB_KIND_GENERATION: JobKind
JOB_KIND_PIPELINE: JobKind
JOB_STATUS_UNSPECIFIED: JobStatus
JOB_STATUS_QUEUED: JobStatus
JOB_STATUS_DOWNLOADING: JobStatus
JOB_STATUS_PROCESSING: JobStatus
JOB_STATUS_COMPLETED: JobStatus
JOB_STATUS_FAILED: JobStatus
JOB_STATUS_CANCELLED: JobStatus

class Job(_message.Message):
    __slots__ = ("id", "kind", "owner_id", "status", "progress", "stage", "error", "track_id", "params", "result", "attempts", "created_at", "updated_at", "started_at", "finished_at", "priority", "released_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    RELEASED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: JobKind
    owner_id: str
    status: JobStatus
    progress: int
    stage: str
    error: str
    track_id: str
    params: _payloads_pb2.JobParams
    result: _payloads_pb2.JobResult
    attempts: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    priority: _payloads_pb2.Priority
    released_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ..., owner_id: _Optional[str] = ..., status: _Optional[_Union[JobStatus, str]] = ..., progress: _Optional[int] = ..., stage: _Optional[str] = ..., error: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.JobParams, _Mapping]] = ..., result: _Optional[_Union[_payloads_pb2.JobResult, _Mapping]] = ..., attempts: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., priority: _Optional[_Union[_payloads_pb2.Priority, str]] = ..., released_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class JobRequested(_message.Message):
    __slots__ = ("job_id", "kind", "owner_id", "track_id", "params", "priority", "enqueued_at")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ENQUEUED_AT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    kind: JobKind
    owner_id: str
    track_id: str
    params: _payloads_pb2.JobParams
    priority: _payloads_pb2.Priority
    enqueued_at: _timestamp_pb2.Timestamp
    def __init__(self, job_id: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ..., owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.JobParams, _Mapping]] = ..., priority: _Optional[_Union[_payloads_pb2.Priority, str]] = ..., enqueued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class JobUpdate(_message.Message):
    __slots__ = ("job_id", "status", "progress", "stage", "error", "result", "attempt", "at", "owner_id", "kind")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    status: JobStatus
    progress: int
    stage: str
    error: str
    result: _payloads_pb2.JobResult
    attempt: int
    at: _timestamp_pb2.Timestamp
    owner_id: str
    kind: JobKind
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[_Union[JobStatus, str]] = ..., progress: _Optional[int] = ..., stage: _Optional[str] = ..., error: _Optional[str] = ..., result: _Optional[_Union[_payloads_pb2.JobResult, _Mapping]] = ..., attempt: _Optional[int] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., owner_id: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ...) -> None: ...

class JobCancelRequested(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class Caller(_message.Message):
    __slots__ = ("user_id", "admin")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    admin: bool
    def __init__(self, user_id: _Optional[str] = ..., admin: _Optional[bool] = ...) -> None: ...
