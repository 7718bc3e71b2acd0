from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from soundforge.library.v1 import library_pb2 as _library_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BeginUploadRequest(_message.Message):
    __slots__ = ("owner_id", "filename", "content_type")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    filename: str
    content_type: str
    def __init__(self, owner_id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...

class BeginUploadResponse(_message.Message):
    __slots__ = ("upload_id", "staging_key", "max_bytes")
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    STAGING_KEY_FIELD_NUMBER: _ClassVar[int]
    MAX_BYTES_FIELD_NUMBER: _ClassVar[int]
    upload_id: str
    staging_key: str
    max_bytes: int
    def __init__(self, upload_id: _Optional[str] = ..., staging_key: _Optional[str] = ..., max_bytes: _Optional[int] = ...) -> None: ...

class CompleteUploadRequest(_message.Message):
    __slots__ = ("owner_id", "upload_id", "size_bytes", "title", "artist")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTIST_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    upload_id: str
    size_bytes: int
    title: str
    artist: str
    def __init__(self, owner_id: _Optional[str] = ..., upload_id: _Optional[str] = ..., size_bytes: _Optional[int] = ..., title: _Optional[str] = ..., artist: _Optional[str] = ...) -> None: ...

class CompleteUploadResponse(_message.Message):
    __slots__ = ("track", "created")
    TRACK_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    track: _library_pb2.Track
    created: bool
    def __init__(self, track: _Optional[_Union[_library_pb2.Track, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class AbortUploadRequest(_message.Message):
    __slots__ = ("owner_id", "upload_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    upload_id: str
    def __init__(self, owner_id: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class AbortUploadResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StartDownloadRequest(_message.Message):
    __slots__ = ("owner_id", "url", "quality")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    url: str
    quality: str
    def __init__(self, owner_id: _Optional[str] = ..., url: _Optional[str] = ..., quality: _Optional[str] = ...) -> None: ...

class StartDownloadResponse(_message.Message):
    __slots__ = ("jobs",)
    JOBS_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[DownloadJob]
    def __init__(self, jobs: _Optional[_Iterable[_Union[DownloadJob, _Mapping]]] = ...) -> None: ...

class DownloadJob(_message.Message):
    __slots__ = ("job", "track_id")
    JOB_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    job: _jobs_pb2.Job
    track_id: str
    def __init__(self, job: _Optional[_Union[_jobs_pb2.Job, _Mapping]] = ..., track_id: _Optional[str] = ...) -> None: ...

class SpotifyTrack(_message.Message):
    __slots__ = ("spotify_id", "title", "artist", "album", "album_art_url", "duration", "spotify_url", "track_id")
    SPOTIFY_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTIST_FIELD_NUMBER: _ClassVar[int]
    ALBUM_FIELD_NUMBER: _ClassVar[int]
    ALBUM_ART_URL_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    SPOTIFY_URL_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    spotify_id: str
    title: str
    artist: str
    album: str
    album_art_url: str
    duration: float
    spotify_url: str
    track_id: str
    def __init__(self, spotify_id: _Optional[str] = ..., title: _Optional[str] = ..., artist: _Optional[str] = ..., album: _Optional[str] = ..., album_art_url: _Optional[str] = ..., duration: _Optional[float] = ..., spotify_url: _Optional[str] = ..., track_id: _Optional[str] = ...) -> None: ...

class FetchSpotifyRequest(_message.Message):
    __slots__ = ("owner_id", "url")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    url: str
    def __init__(self, owner_id: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...

class FetchSpotifyResponse(_message.Message):
    __slots__ = ("type", "tracks")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TRACKS_FIELD_NUMBER: _ClassVar[int]
    type: str
    tracks: _containers.RepeatedCompositeFieldContainer[SpotifyTrack]
    def __init__(self, type: _Optional[str] = ..., tracks: _Optional[_Iterable[_Union[SpotifyTrack, _Mapping]]] = ...) -> None: ...

class SearchSpotifyRequest(_message.Message):
    __slots__ = ("query", "limit")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    query: str
    limit: int
    def __init__(self, query: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class SearchSpotifyResponse(_message.Message):
    __slots__ = ("tracks",)
    TRACKS_FIELD_NUMBER: _ClassVar[int]
    tracks: _containers.RepeatedCompositeFieldContainer[SpotifyTrack]
    def __init__(self, tracks: _Optional[_Iterable[_Union[SpotifyTrack, _Mapping]]] = ...) -> None: ...

class GetSpotifyTrackRequest(_message.Message):
    __slots__ = ("spotify_id",)
    SPOTIFY_ID_FIELD_NUMBER: _ClassVar[int]
    spotify_id: str
    def __init__(self, spotify_id: _Optional[str] = ...) -> None: ...

class ImportSpotifyRequest(_message.Message):
    __slots__ = ("owner_id", "url", "quality")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    url: str
    quality: str
    def __init__(self, owner_id: _Optional[str] = ..., url: _Optional[str] = ..., quality: _Optional[str] = ...) -> None: ...

class ImportSpotifyResponse(_message.Message):
    __slots__ = ("jobs",)
    JOBS_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[DownloadJob]
    def __init__(self, jobs: _Optional[_Iterable[_Union[DownloadJob, _Mapping]]] = ...) -> None: ...

class BeginSpotifyLoginRequest(_message.Message):
    __slots__ = ("redirect_uri",)
    REDIRECT_URI_FIELD_NUMBER: _ClassVar[int]
    redirect_uri: str
    def __init__(self, redirect_uri: _Optional[str] = ...) -> None: ...

class BeginSpotifyLoginResponse(_message.Message):
    __slots__ = ("authorize_url", "state")
    AUTHORIZE_URL_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    authorize_url: str
    state: str
    def __init__(self, authorize_url: _Optional[str] = ..., state: _Optional[str] = ...) -> None: ...

class CompleteSpotifyLoginRequest(_message.Message):
    __slots__ = ("code", "state", "expected_state", "redirect_uri", "user_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_STATE_FIELD_NUMBER: _ClassVar[int]
    REDIRECT_URI_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    state: str
    expected_state: str
    redirect_uri: str
    user_id: str
    def __init__(self, code: _Optional[str] = ..., state: _Optional[str] = ..., expected_state: _Optional[str] = ..., redirect_uri: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...
