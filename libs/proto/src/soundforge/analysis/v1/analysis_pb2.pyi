from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from soundforge.jobs.v1 import payloads_pb2 as _payloads_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AnalyzeRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "params")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    params: _payloads_pb2.AnalysisParams
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.AnalysisParams, _Mapping]] = ...) -> None: ...

class RenderSpectrogramRequest(_message.Message):
    __slots__ = ("owner_id", "audio_key")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    AUDIO_KEY_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    audio_key: str
    def __init__(self, owner_id: _Optional[str] = ..., audio_key: _Optional[str] = ...) -> None: ...

class RenderSpectrogramResponse(_message.Message):
    __slots__ = ("spectrogram_key",)
    SPECTROGRAM_KEY_FIELD_NUMBER: _ClassVar[int]
    spectrogram_key: str
    def __init__(self, spectrogram_key: _Optional[str] = ...) -> None: ...
