import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from soundforge.jobs.v1 import jobs_pb2 as _jobs_pb2
from soundforge.jobs.v1 import payloads_pb2 as _payloads_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LibrarySort(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LIBRARY_SORT_UNSPECIFIED: _ClassVar[LibrarySort]
    LIBRARY_SORT_RECENT: _ClassVar[LibrarySort]
    LIBRARY_SORT_POPULAR: _ClassVar[LibrarySort]
    LIBRARY_SORT_RATING: _ClassVar[LibrarySort]

class RadioMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RADIO_MODE_UNSPECIFIED: _ClassVar[RadioMode]
    RADIO_MODE_SHUFFLE: _ClassVar[RadioMode]
    RADIO_MODE_NEXT: _ClassVar[RadioMode]
    RADIO_MODE_FAVORITES: _ClassVar[RadioMode]
    RADIO_MODE_TOP_RATED: _ClassVar[RadioMode]
    RADIO_MODE_NEW: _ClassVar[RadioMode]

class TagAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TAG_ACTION_UNSPECIFIED: _ClassVar[TagAction]
    TAG_ACTION_ADD: _ClassVar[TagAction]
    TAG_ACTION_REMOVE: _ClassVar[TagAction]
LIBRARY_SORT_UNSPECIFIED: LibrarySort
LIBRARY_SORT_RECENT: LibrarySort
LIBRARY_SORT_POPULAR: LibrarySort
LIBRARY_SORT_RATING: LibrarySort
RADIO_MODE_UNSPECIFIED: RadioMode
RADIO_MODE_SHUFFLE: RadioMode
RADIO_MODE_NEXT: RadioMode
RADIO_MODE_FAVORITES: RadioMode
RADIO_MODE_TOP_RATED: RadioMode
RADIO_MODE_NEW: RadioMode
TAG_ACTION_UNSPECIFIED: TagAction
TAG_ACTION_ADD: TagAction
TAG_ACTION_REMOVE: TagAction

class Page(_message.Message):
    __slots__ = ("page", "page_size")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    page: int
    page_size: int
    def __init__(self, page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class PageMeta(_message.Message):
    __slots__ = ("page", "page_size", "total_count", "total_pages")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PAGES_FIELD_NUMBER: _ClassVar[int]
    page: int
    page_size: int
    total_count: int
    total_pages: int
    def __init__(self, page: _Optional[int] = ..., page_size: _Optional[int] = ..., total_count: _Optional[int] = ..., total_pages: _Optional[int] = ...) -> None: ...

class User(_message.Message):
    __slots__ = ("id", "email", "role", "disabled", "created_at", "settings", "plan")
    ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    id: str
    email: str
    role: str
    disabled: bool
    created_at: _timestamp_pb2.Timestamp
    settings: _struct_pb2.Struct
    plan: str
    def __init__(self, id: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[str] = ..., disabled: _Optional[bool] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., settings: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., plan: _Optional[str] = ...) -> None: ...

class CreateUserRequest(_message.Message):
    __slots__ = ("email", "password", "role")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    email: str
    password: str
    role: str
    def __init__(self, email: _Optional[str] = ..., password: _Optional[str] = ..., role: _Optional[str] = ...) -> None: ...

class VerifyPasswordRequest(_message.Message):
    __slots__ = ("email", "password")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    email: str
    password: str
    def __init__(self, email: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class GetUserRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class ListUsersRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: Page
    def __init__(self, page: _Optional[_Union[Page, _Mapping]] = ...) -> None: ...

class ListUsersResponse(_message.Message):
    __slots__ = ("users", "meta")
    USERS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[User]
    meta: PageMeta
    def __init__(self, users: _Optional[_Iterable[_Union[User, _Mapping]]] = ..., meta: _Optional[_Union[PageMeta, _Mapping]] = ...) -> None: ...

class UpdateUserRequest(_message.Message):
    __slots__ = ("user_id", "role", "disabled", "settings", "plan")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    DISABLED_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    role: str
    disabled: bool
    settings: _struct_pb2.Struct
    plan: str
    def __init__(self, user_id: _Optional[str] = ..., role: _Optional[str] = ..., disabled: _Optional[bool] = ..., settings: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., plan: _Optional[str] = ...) -> None: ...

class CreateSessionRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class CreateSessionResponse(_message.Message):
    __slots__ = ("token", "expires_at")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    token: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, token: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ResolveSessionRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class DeleteSessionRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class DeleteSessionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ApiKey(_message.Message):
    __slots__ = ("id", "name", "prefix", "created_at", "last_used_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    prefix: str
    created_at: _timestamp_pb2.Timestamp
    last_used_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., prefix: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateApiKeyRequest(_message.Message):
    __slots__ = ("user_id", "name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    name: str
    def __init__(self, user_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CreateApiKeyResponse(_message.Message):
    __slots__ = ("key", "token")
    KEY_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    key: ApiKey
    token: str
    def __init__(self, key: _Optional[_Union[ApiKey, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class ListApiKeysRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class ListApiKeysResponse(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[ApiKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[ApiKey, _Mapping]]] = ...) -> None: ...

class DeleteApiKeyRequest(_message.Message):
    __slots__ = ("user_id", "key_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    key_id: str
    def __init__(self, user_id: _Optional[str] = ..., key_id: _Optional[str] = ...) -> None: ...

class DeleteApiKeyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AuthenticateApiKeyRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class LinkOAuthAccountRequest(_message.Message):
    __slots__ = ("provider", "subject", "email", "token", "user_id")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    provider: str
    subject: str
    email: str
    token: _struct_pb2.Struct
    user_id: str
    def __init__(self, provider: _Optional[str] = ..., subject: _Optional[str] = ..., email: _Optional[str] = ..., token: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., user_id: _Optional[str] = ...) -> None: ...

class GetOAuthAccountRequest(_message.Message):
    __slots__ = ("user_id", "provider")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    provider: str
    def __init__(self, user_id: _Optional[str] = ..., provider: _Optional[str] = ...) -> None: ...

class OAuthAccount(_message.Message):
    __slots__ = ("user_id", "provider", "subject", "token", "updated_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    provider: str
    subject: str
    token: _struct_pb2.Struct
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., provider: _Optional[str] = ..., subject: _Optional[str] = ..., token: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Track(_message.Message):
    __slots__ = ("id", "owner_id", "title", "artist", "album", "duration", "sample_rate", "channels", "codec", "content_type", "size_bytes", "sha256", "source_key", "canonical_key", "source", "source_url", "spotify_id", "album_art_url", "bpm", "key", "tags", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTIST_FIELD_NUMBER: _ClassVar[int]
    ALBUM_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_RATE_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    CODEC_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KEY_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_KEY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    SPOTIFY_ID_FIELD_NUMBER: _ClassVar[int]
    ALBUM_ART_URL_FIELD_NUMBER: _ClassVar[int]
    BPM_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    owner_id: str
    title: str
    artist: str
    album: str
    duration: float
    sample_rate: int
    channels: int
    codec: str
    content_type: str
    size_bytes: int
    sha256: str
    source_key: str
    canonical_key: str
    source: str
    source_url: str
    spotify_id: str
    album_art_url: str
    bpm: float
    key: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., owner_id: _Optional[str] = ..., title: _Optional[str] = ..., artist: _Optional[str] = ..., album: _Optional[str] = ..., duration: _Optional[float] = ..., sample_rate: _Optional[int] = ..., channels: _Optional[int] = ..., codec: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., source_key: _Optional[str] = ..., canonical_key: _Optional[str] = ..., source: _Optional[str] = ..., source_url: _Optional[str] = ..., spotify_id: _Optional[str] = ..., album_art_url: _Optional[str] = ..., bpm: _Optional[float] = ..., key: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateTrackRequest(_message.Message):
    __slots__ = ("track",)
    TRACK_FIELD_NUMBER: _ClassVar[int]
    track: Track
    def __init__(self, track: _Optional[_Union[Track, _Mapping]] = ...) -> None: ...

class CreateTrackResponse(_message.Message):
    __slots__ = ("track", "created")
    TRACK_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    track: Track
    created: bool
    def __init__(self, track: _Optional[_Union[Track, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class GetTrackRequest(_message.Message):
    __slots__ = ("owner_id", "track_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ...) -> None: ...

class ListTracksRequest(_message.Message):
    __slots__ = ("owner_id", "page", "tag", "search")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    page: Page
    tag: str
    search: str
    def __init__(self, owner_id: _Optional[str] = ..., page: _Optional[_Union[Page, _Mapping]] = ..., tag: _Optional[str] = ..., search: _Optional[str] = ...) -> None: ...

class ListTracksResponse(_message.Message):
    __slots__ = ("tracks", "meta")
    TRACKS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    tracks: _containers.RepeatedCompositeFieldContainer[Track]
    meta: PageMeta
    def __init__(self, tracks: _Optional[_Iterable[_Union[Track, _Mapping]]] = ..., meta: _Optional[_Union[PageMeta, _Mapping]] = ...) -> None: ...

class UpdateTrackRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "title", "artist", "bpm", "key", "tags", "set_tags", "clear_bpm")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTIST_FIELD_NUMBER: _ClassVar[int]
    BPM_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    SET_TAGS_FIELD_NUMBER: _ClassVar[int]
    CLEAR_BPM_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    title: str
    artist: str
    bpm: float
    key: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    set_tags: bool
    clear_bpm: bool
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., title: _Optional[str] = ..., artist: _Optional[str] = ..., bpm: _Optional[float] = ..., key: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., set_tags: _Optional[bool] = ..., clear_bpm: _Optional[bool] = ...) -> None: ...

class DeleteTrackRequest(_message.Message):
    __slots__ = ("owner_id", "track_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ...) -> None: ...

class DeleteTrackResponse(_message.Message):
    __slots__ = ("deleted_keys",)
    DELETED_KEYS_FIELD_NUMBER: _ClassVar[int]
    deleted_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, deleted_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class Stem(_message.Message):
    __slots__ = ("id", "track_id", "job_id", "name", "object_key", "model", "size_bytes", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    track_id: str
    job_id: str
    name: str
    object_key: str
    model: str
    size_bytes: int
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., track_id: _Optional[str] = ..., job_id: _Optional[str] = ..., name: _Optional[str] = ..., object_key: _Optional[str] = ..., model: _Optional[str] = ..., size_bytes: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListStemsRequest(_message.Message):
    __slots__ = ("owner_id", "track_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ...) -> None: ...

class ListStemsResponse(_message.Message):
    __slots__ = ("stems",)
    STEMS_FIELD_NUMBER: _ClassVar[int]
    stems: _containers.RepeatedCompositeFieldContainer[Stem]
    def __init__(self, stems: _Optional[_Iterable[_Union[Stem, _Mapping]]] = ...) -> None: ...

class GetStemRequest(_message.Message):
    __slots__ = ("owner_id", "stem_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    STEM_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    stem_id: str
    def __init__(self, owner_id: _Optional[str] = ..., stem_id: _Optional[str] = ...) -> None: ...

class GetTrackAnalysisRequest(_message.Message):
    __slots__ = ("owner_id", "track_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ...) -> None: ...

class FindSpotifyTracksRequest(_message.Message):
    __slots__ = ("owner_id", "spotify_ids")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SPOTIFY_IDS_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    spotify_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, owner_id: _Optional[str] = ..., spotify_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class FindSpotifyTracksResponse(_message.Message):
    __slots__ = ("track_ids",)
    class TrackIdsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TRACK_IDS_FIELD_NUMBER: _ClassVar[int]
    track_ids: _containers.ScalarMap[str, str]
    def __init__(self, track_ids: _Optional[_Mapping[str, str]] = ...) -> None: ...

class TrackAnalysis(_message.Message):
    __slots__ = ("track_id", "job_id", "result", "created_at")
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    track_id: str
    job_id: str
    result: _payloads_pb2.AnalysisResult
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, track_id: _Optional[str] = ..., job_id: _Optional[str] = ..., result: _Optional[_Union[_payloads_pb2.AnalysisResult, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateJobRequest(_message.Message):
    __slots__ = ("owner_id", "track_id", "params", "priority", "release", "max_waiting_per_owner")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    RELEASE_FIELD_NUMBER: _ClassVar[int]
    MAX_WAITING_PER_OWNER_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    track_id: str
    params: _payloads_pb2.JobParams
    priority: _payloads_pb2.Priority
    release: bool
    max_waiting_per_owner: int
    def __init__(self, owner_id: _Optional[str] = ..., track_id: _Optional[str] = ..., params: _Optional[_Union[_payloads_pb2.JobParams, _Mapping]] = ..., priority: _Optional[_Union[_payloads_pb2.Priority, str]] = ..., release: _Optional[bool] = ..., max_waiting_per_owner: _Optional[int] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("owner_id", "job_id", "any_owner")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ANY_OWNER_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    job_id: str
    any_owner: bool
    def __init__(self, owner_id: _Optional[str] = ..., job_id: _Optional[str] = ..., any_owner: _Optional[bool] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("owner_id", "all_owners", "kind", "status", "page")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ALL_OWNERS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    all_owners: bool
    kind: _jobs_pb2.JobKind
    status: _jobs_pb2.JobStatus
    page: Page
    def __init__(self, owner_id: _Optional[str] = ..., all_owners: _Optional[bool] = ..., kind: _Optional[_Union[_jobs_pb2.JobKind, str]] = ..., status: _Optional[_Union[_jobs_pb2.JobStatus, str]] = ..., page: _Optional[_Union[Page, _Mapping]] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "meta")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[_jobs_pb2.Job]
    meta: PageMeta
    def __init__(self, jobs: _Optional[_Iterable[_Union[_jobs_pb2.Job, _Mapping]]] = ..., meta: _Optional[_Union[PageMeta, _Mapping]] = ...) -> None: ...

class CountJobsRequest(_message.Message):
    __slots__ = ("owner_id", "all_owners")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ALL_OWNERS_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    all_owners: bool
    def __init__(self, owner_id: _Optional[str] = ..., all_owners: _Optional[bool] = ...) -> None: ...

class CountJobsResponse(_message.Message):
    __slots__ = ("counts",)
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.RepeatedCompositeFieldContainer[JobCount]
    def __init__(self, counts: _Optional[_Iterable[_Union[JobCount, _Mapping]]] = ...) -> None: ...

class JobCount(_message.Message):
    __slots__ = ("kind", "status", "count")
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    kind: _jobs_pb2.JobKind
    status: _jobs_pb2.JobStatus
    count: int
    def __init__(self, kind: _Optional[_Union[_jobs_pb2.JobKind, str]] = ..., status: _Optional[_Union[_jobs_pb2.JobStatus, str]] = ..., count: _Optional[int] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("owner_id", "job_id")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    job_id: str
    def __init__(self, owner_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class ListGenerationQueueRequest(_message.Message):
    __slots__ = ("limit", "arrivals_window_seconds")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    ARRIVALS_WINDOW_SECONDS_FIELD_NUMBER: _ClassVar[int]
    limit: int
    arrivals_window_seconds: float
    def __init__(self, limit: _Optional[int] = ..., arrivals_window_seconds: _Optional[float] = ...) -> None: ...

class ListGenerationQueueResponse(_message.Message):
    __slots__ = ("jobs", "truncated", "arrivals")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    ARRIVALS_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[_jobs_pb2.Job]
    truncated: bool
    arrivals: _containers.RepeatedCompositeFieldContainer[GenerationArrivals]
    def __init__(self, jobs: _Optional[_Iterable[_Union[_jobs_pb2.Job, _Mapping]]] = ..., truncated: _Optional[bool] = ..., arrivals: _Optional[_Iterable[_Union[GenerationArrivals, _Mapping]]] = ...) -> None: ...

class GenerationArrivals(_message.Message):
    __slots__ = ("priority", "model", "jobs", "seconds")
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    priority: _payloads_pb2.Priority
    model: _payloads_pb2.GenerationModel
    jobs: int
    seconds: float
    def __init__(self, priority: _Optional[_Union[_payloads_pb2.Priority, str]] = ..., model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., jobs: _Optional[int] = ..., seconds: _Optional[float] = ...) -> None: ...

class ReleaseJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class Generation(_message.Message):
    __slots__ = ("id", "filename", "prompt", "model", "duration", "is_loop", "quality_score", "spectrogram", "upvotes", "downvotes", "categories", "user_id", "created_at", "object_key", "spectrogram_key", "rating", "quality_issues", "private", "job_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    IS_LOOP_FIELD_NUMBER: _ClassVar[int]
    QUALITY_SCORE_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_FIELD_NUMBER: _ClassVar[int]
    UPVOTES_FIELD_NUMBER: _ClassVar[int]
    DOWNVOTES_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_KEY_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    QUALITY_ISSUES_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    filename: str
    prompt: str
    model: _payloads_pb2.GenerationModel
    duration: float
    is_loop: bool
    quality_score: int
    spectrogram: str
    upvotes: int
    downvotes: int
    categories: _containers.RepeatedScalarFieldContainer[str]
    user_id: str
    created_at: _timestamp_pb2.Timestamp
    object_key: str
    spectrogram_key: str
    rating: int
    quality_issues: _containers.RepeatedScalarFieldContainer[str]
    private: bool
    job_id: str
    def __init__(self, id: _Optional[str] = ..., filename: _Optional[str] = ..., prompt: _Optional[str] = ..., model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., duration: _Optional[float] = ..., is_loop: _Optional[bool] = ..., quality_score: _Optional[int] = ..., spectrogram: _Optional[str] = ..., upvotes: _Optional[int] = ..., downvotes: _Optional[int] = ..., categories: _Optional[_Iterable[str]] = ..., user_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., object_key: _Optional[str] = ..., spectrogram_key: _Optional[str] = ..., rating: _Optional[int] = ..., quality_issues: _Optional[_Iterable[str]] = ..., private: _Optional[bool] = ..., job_id: _Optional[str] = ...) -> None: ...

class ListGenerationsRequest(_message.Message):
    __slots__ = ("viewer_id", "page", "per_page", "model", "search", "sort", "category", "user_id")
    VIEWER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    viewer_id: str
    page: int
    per_page: int
    model: _payloads_pb2.GenerationModel
    search: str
    sort: LibrarySort
    category: str
    user_id: str
    def __init__(self, viewer_id: _Optional[str] = ..., page: _Optional[int] = ..., per_page: _Optional[int] = ..., model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., search: _Optional[str] = ..., sort: _Optional[_Union[LibrarySort, str]] = ..., category: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class ListGenerationsResponse(_message.Message):
    __slots__ = ("items", "total", "page", "pages", "per_page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Generation]
    total: int
    page: int
    pages: int
    per_page: int
    def __init__(self, items: _Optional[_Iterable[_Union[Generation, _Mapping]]] = ..., total: _Optional[int] = ..., page: _Optional[int] = ..., pages: _Optional[int] = ..., per_page: _Optional[int] = ...) -> None: ...

class GetGenerationRequest(_message.Message):
    __slots__ = ("viewer_id", "generation_id")
    VIEWER_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    viewer_id: str
    generation_id: str
    def __init__(self, viewer_id: _Optional[str] = ..., generation_id: _Optional[str] = ...) -> None: ...

class GetGenerationFileRequest(_message.Message):
    __slots__ = ("viewer", "audio_filename", "spectrogram_filename")
    VIEWER_FIELD_NUMBER: _ClassVar[int]
    AUDIO_FILENAME_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_FILENAME_FIELD_NUMBER: _ClassVar[int]
    viewer: _jobs_pb2.Caller
    audio_filename: str
    spectrogram_filename: str
    def __init__(self, viewer: _Optional[_Union[_jobs_pb2.Caller, _Mapping]] = ..., audio_filename: _Optional[str] = ..., spectrogram_filename: _Optional[str] = ...) -> None: ...

class SetGenerationSpectrogramRequest(_message.Message):
    __slots__ = ("viewer", "generation_id", "spectrogram_key")
    VIEWER_FIELD_NUMBER: _ClassVar[int]
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_KEY_FIELD_NUMBER: _ClassVar[int]
    viewer: _jobs_pb2.Caller
    generation_id: str
    spectrogram_key: str
    def __init__(self, viewer: _Optional[_Union[_jobs_pb2.Caller, _Mapping]] = ..., generation_id: _Optional[str] = ..., spectrogram_key: _Optional[str] = ...) -> None: ...

class CountGenerationsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CountGenerationsResponse(_message.Message):
    __slots__ = ("total", "music", "audio")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    MUSIC_FIELD_NUMBER: _ClassVar[int]
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    total: int
    music: int
    audio: int
    def __init__(self, total: _Optional[int] = ..., music: _Optional[int] = ..., audio: _Optional[int] = ...) -> None: ...

class CountCategoriesRequest(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.GenerationModel
    def __init__(self, model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ...) -> None: ...

class CountCategoriesResponse(_message.Message):
    __slots__ = ("counts",)
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.ScalarMap[str, int]
    def __init__(self, counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class VoteRequest(_message.Message):
    __slots__ = ("generation_id", "user_id", "vote", "feedback_reasons", "notes", "suggested_model")
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    VOTE_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_REASONS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_MODEL_FIELD_NUMBER: _ClassVar[int]
    generation_id: str
    user_id: str
    vote: int
    feedback_reasons: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    suggested_model: _payloads_pb2.GenerationModel
    def __init__(self, generation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., vote: _Optional[int] = ..., feedback_reasons: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., suggested_model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ...) -> None: ...

class VoteResponse(_message.Message):
    __slots__ = ("upvotes", "downvotes")
    UPVOTES_FIELD_NUMBER: _ClassVar[int]
    DOWNVOTES_FIELD_NUMBER: _ClassVar[int]
    upvotes: int
    downvotes: int
    def __init__(self, upvotes: _Optional[int] = ..., downvotes: _Optional[int] = ...) -> None: ...

class GetVotesRequest(_message.Message):
    __slots__ = ("user_id", "generation_ids")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_IDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    generation_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., generation_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetVotesResponse(_message.Message):
    __slots__ = ("votes",)
    class VotesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    VOTES_FIELD_NUMBER: _ClassVar[int]
    votes: _containers.ScalarMap[str, int]
    def __init__(self, votes: _Optional[_Mapping[str, int]] = ...) -> None: ...

class GetFeedbackRequest(_message.Message):
    __slots__ = ("viewer_id", "generation_id")
    VIEWER_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    viewer_id: str
    generation_id: str
    def __init__(self, viewer_id: _Optional[str] = ..., generation_id: _Optional[str] = ...) -> None: ...

class GetFeedbackResponse(_message.Message):
    __slots__ = ("positive_reasons", "negative_reasons", "total_votes")
    class PositiveReasonsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class NegativeReasonsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    POSITIVE_REASONS_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_REASONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_VOTES_FIELD_NUMBER: _ClassVar[int]
    positive_reasons: _containers.ScalarMap[str, int]
    negative_reasons: _containers.ScalarMap[str, int]
    total_votes: int
    def __init__(self, positive_reasons: _Optional[_Mapping[str, int]] = ..., negative_reasons: _Optional[_Mapping[str, int]] = ..., total_votes: _Optional[int] = ...) -> None: ...

class FavoriteRequest(_message.Message):
    __slots__ = ("generation_id", "user_id")
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    generation_id: str
    user_id: str
    def __init__(self, generation_id: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class FavoriteResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListFavoritesRequest(_message.Message):
    __slots__ = ("user_id", "page", "per_page", "model")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    page: int
    per_page: int
    model: _payloads_pb2.GenerationModel
    def __init__(self, user_id: _Optional[str] = ..., page: _Optional[int] = ..., per_page: _Optional[int] = ..., model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ...) -> None: ...

class CheckFavoritesRequest(_message.Message):
    __slots__ = ("user_id", "generation_ids")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_IDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    generation_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, user_id: _Optional[str] = ..., generation_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CheckFavoritesResponse(_message.Message):
    __slots__ = ("favorites",)
    class FavoritesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: bool
        def __init__(self, key: _Optional[str] = ..., value: _Optional[bool] = ...) -> None: ...
    FAVORITES_FIELD_NUMBER: _ClassVar[int]
    favorites: _containers.ScalarMap[str, bool]
    def __init__(self, favorites: _Optional[_Mapping[str, bool]] = ...) -> None: ...

class SuggestTagRequest(_message.Message):
    __slots__ = ("generation_id", "user_id", "category", "action")
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    generation_id: str
    user_id: str
    category: str
    action: TagAction
    def __init__(self, generation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., category: _Optional[str] = ..., action: _Optional[_Union[TagAction, str]] = ...) -> None: ...

class SuggestTagResponse(_message.Message):
    __slots__ = ("message", "current_votes", "threshold", "consensus_reached")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VOTES_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    CONSENSUS_REACHED_FIELD_NUMBER: _ClassVar[int]
    message: str
    current_votes: int
    threshold: int
    consensus_reached: bool
    def __init__(self, message: _Optional[str] = ..., current_votes: _Optional[int] = ..., threshold: _Optional[int] = ..., consensus_reached: _Optional[bool] = ...) -> None: ...

class GetTagSuggestionsRequest(_message.Message):
    __slots__ = ("generation_id", "user_id")
    GENERATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    generation_id: str
    user_id: str
    def __init__(self, generation_id: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class GetTagSuggestionsResponse(_message.Message):
    __slots__ = ("suggestions", "user_suggestions", "current_categories", "threshold")
    class SuggestionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    USER_SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    suggestions: _containers.ScalarMap[str, int]
    user_suggestions: _containers.RepeatedScalarFieldContainer[str]
    current_categories: _containers.RepeatedScalarFieldContainer[str]
    threshold: int
    def __init__(self, suggestions: _Optional[_Mapping[str, int]] = ..., user_suggestions: _Optional[_Iterable[str]] = ..., current_categories: _Optional[_Iterable[str]] = ..., threshold: _Optional[int] = ...) -> None: ...

class ListCategoriesRequest(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.GenerationModel
    def __init__(self, model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ...) -> None: ...

class ListCategoriesResponse(_message.Message):
    __slots__ = ("categories",)
    class CategoriesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.ScalarMap[str, str]
    def __init__(self, categories: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RadioRequest(_message.Message):
    __slots__ = ("mode", "model", "search", "count", "exclude_ids", "user_id", "hours")
    MODE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_IDS_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    mode: RadioMode
    model: _payloads_pb2.GenerationModel
    search: str
    count: int
    exclude_ids: _containers.RepeatedScalarFieldContainer[str]
    user_id: str
    hours: int
    def __init__(self, mode: _Optional[_Union[RadioMode, str]] = ..., model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., search: _Optional[str] = ..., count: _Optional[int] = ..., exclude_ids: _Optional[_Iterable[str]] = ..., user_id: _Optional[str] = ..., hours: _Optional[int] = ...) -> None: ...

class RadioResponse(_message.Message):
    __slots__ = ("tracks",)
    TRACKS_FIELD_NUMBER: _ClassVar[int]
    tracks: _containers.RepeatedCompositeFieldContainer[Generation]
    def __init__(self, tracks: _Optional[_Iterable[_Union[Generation, _Mapping]]] = ...) -> None: ...

class RateGenerationRequest(_message.Message):
    __slots__ = ("user_id", "filename", "rating")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    filename: str
    rating: int
    def __init__(self, user_id: _Optional[str] = ..., filename: _Optional[str] = ..., rating: _Optional[int] = ...) -> None: ...

class RateGenerationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListHistoryRequest(_message.Message):
    __slots__ = ("model", "user_id", "viewer_id")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    VIEWER_ID_FIELD_NUMBER: _ClassVar[int]
    model: _payloads_pb2.GenerationModel
    user_id: str
    viewer_id: str
    def __init__(self, model: _Optional[_Union[_payloads_pb2.GenerationModel, str]] = ..., user_id: _Optional[str] = ..., viewer_id: _Optional[str] = ...) -> None: ...

class ListHistoryResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Generation]
    def __init__(self, items: _Optional[_Iterable[_Union[Generation, _Mapping]]] = ...) -> None: ...

class GetStatsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStatsResponse(_message.Message):
    __slots__ = ("total_generations", "total_votes", "total_favorites", "categories")
    class CategoriesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    TOTAL_GENERATIONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_VOTES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FAVORITES_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    total_generations: int
    total_votes: int
    total_favorites: int
    categories: _containers.ScalarMap[str, int]
    def __init__(self, total_generations: _Optional[int] = ..., total_votes: _Optional[int] = ..., total_favorites: _Optional[int] = ..., categories: _Optional[_Mapping[str, int]] = ...) -> None: ...

class LogClientErrorRequest(_message.Message):
    __slots__ = ("message", "stack", "url", "user_agent", "user_id")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STACK_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    message: str
    stack: str
    url: str
    user_agent: str
    user_id: str
    def __init__(self, message: _Optional[str] = ..., stack: _Optional[str] = ..., url: _Optional[str] = ..., user_agent: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class LogClientErrorResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ConversationMessage(_message.Message):
    __slots__ = ("id", "role", "content", "tool_name", "error", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    role: str
    content: str
    tool_name: str
    error: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., role: _Optional[str] = ..., content: _Optional[str] = ..., tool_name: _Optional[str] = ..., error: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Conversation(_message.Message):
    __slots__ = ("id", "owner_id", "title", "message_count", "created_at", "updated_at", "messages")
    ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    id: str
    owner_id: str
    title: str
    message_count: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    messages: _containers.RepeatedCompositeFieldContainer[ConversationMessage]
    def __init__(self, id: _Optional[str] = ..., owner_id: _Optional[str] = ..., title: _Optional[str] = ..., message_count: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., messages: _Optional[_Iterable[_Union[ConversationMessage, _Mapping]]] = ...) -> None: ...

class CreateConversationRequest(_message.Message):
    __slots__ = ("owner_id", "title")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    title: str
    def __init__(self, owner_id: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class GetConversationRequest(_message.Message):
    __slots__ = ("owner_id", "conversation_id", "last_messages")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_MESSAGES_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    conversation_id: str
    last_messages: int
    def __init__(self, owner_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., last_messages: _Optional[int] = ...) -> None: ...

class ListConversationsRequest(_message.Message):
    __slots__ = ("owner_id", "page")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    page: Page
    def __init__(self, owner_id: _Optional[str] = ..., page: _Optional[_Union[Page, _Mapping]] = ...) -> None: ...

class ListConversationsResponse(_message.Message):
    __slots__ = ("conversations", "meta")
    CONVERSATIONS_FIELD_NUMBER: _ClassVar[int]
    META_FIELD_NUMBER: _ClassVar[int]
    conversations: _containers.RepeatedCompositeFieldContainer[Conversation]
    meta: PageMeta
    def __init__(self, conversations: _Optional[_Iterable[_Union[Conversation, _Mapping]]] = ..., meta: _Optional[_Union[PageMeta, _Mapping]] = ...) -> None: ...

class AppendConversationMessagesRequest(_message.Message):
    __slots__ = ("owner_id", "conversation_id", "messages")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    conversation_id: str
    messages: _containers.RepeatedCompositeFieldContainer[ConversationMessage]
    def __init__(self, owner_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[ConversationMessage, _Mapping]]] = ...) -> None: ...
