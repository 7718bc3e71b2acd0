from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class AnalyzeRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "features")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    features: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., features: _Optional[_Iterable[str]] = ...) -> None: ...

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
