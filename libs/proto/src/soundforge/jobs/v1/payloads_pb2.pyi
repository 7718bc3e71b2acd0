import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SeparationModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SEPARATION_MODEL_UNSPECIFIED: _ClassVar[SeparationModel]
    SEPARATION_MODEL_HTDEMUCS: _ClassVar[SeparationModel]
    SEPARATION_MODEL_HTDEMUCS_FT: _ClassVar[SeparationModel]
    SEPARATION_MODEL_HTDEMUCS_6S: _ClassVar[SeparationModel]
    SEPARATION_MODEL_MDX_EXTRA: _ClassVar[SeparationModel]

class SeparationEngine(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SEPARATION_ENGINE_UNSPECIFIED: _ClassVar[SeparationEngine]
    SEPARATION_ENGINE_LOCAL: _ClassVar[SeparationEngine]
    SEPARATION_ENGINE_LALALAI: _ClassVar[SeparationEngine]

class AudioFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AUDIO_FORMAT_UNSPECIFIED: _ClassVar[AudioFormat]
    AUDIO_FORMAT_WAV: _ClassVar[AudioFormat]
    AUDIO_FORMAT_FLAC: _ClassVar[AudioFormat]
    AUDIO_FORMAT_MP3: _ClassVar[AudioFormat]

class GenerationModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_MODEL_UNSPECIFIED: _ClassVar[GenerationModel]
    GENERATION_MODEL_MUSIC: _ClassVar[GenerationModel]
    GENERATION_MODEL_AUDIO: _ClassVar[GenerationModel]
    GENERATION_MODEL_MAGNET_MUSIC: _ClassVar[GenerationModel]
    GENERATION_MODEL_MAGNET_AUDIO: _ClassVar[GenerationModel]

class Priority(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRIORITY_UNSPECIFIED: _ClassVar[Priority]
    PRIORITY_FREE: _ClassVar[Priority]
    PRIORITY_STANDARD: _ClassVar[Priority]
    PRIORITY_PREMIUM: _ClassVar[Priority]
    PRIORITY_ADMIN: _ClassVar[Priority]

class PipelineStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PIPELINE_STAGE_UNSPECIFIED: _ClassVar[PipelineStage]
    PIPELINE_STAGE_AUDIO_SEPARATION: _ClassVar[PipelineStage]
    PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION: _ClassVar[PipelineStage]
    PIPELINE_STAGE_COMPOSITE_TRACK_CREATION: _ClassVar[PipelineStage]
    PIPELINE_STAGE_NORMALIZATION: _ClassVar[PipelineStage]

class StageStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STAGE_STATUS_UNSPECIFIED: _ClassVar[StageStatus]
    STAGE_STATUS_PENDING: _ClassVar[StageStatus]
    STAGE_STATUS_PROCESSING: _ClassVar[StageStatus]
    STAGE_STATUS_COMPLETED: _ClassVar[StageStatus]
    STAGE_STATUS_FAILED: _ClassVar[StageStatus]
SEPARATION_MODEL_UNSPECIFIED: SeparationModel
SEPARATION_MODEL_HTDEMUCS: SeparationModel
SEPARATION_MODEL_HTDEMUCS_FT: SeparationModel
SEPARATION_MODEL_HTDEMUCS_6S: SeparationModel
SEPARATION_MODEL_MDX_EXTRA: SeparationModel
SEPARATION_ENGINE_UNSPECIFIED: SeparationEngine
SEPARATION_ENGINE_LOCAL: SeparationEngine
SEPARATION_ENGINE_LALALAI: SeparationEngine
AUDIO_FORMAT_UNSPECIFIED: AudioFormat
AUDIO_FORMAT_WAV: AudioFormat
AUDIO_FORMAT_FLAC: AudioFormat
AUDIO_FORMAT_MP3: AudioFormat
GENERATION_MODEL_UNSPECIFIED: GenerationModel
GENERATION_MODEL_MUSIC: GenerationModel
GENERATION_MODEL_AUDIO: GenerationModel
GENERATION_MODEL_MAGNET_MUSIC: GenerationModel
GENERATION_MODEL_MAGNET_AUDIO: GenerationModel
PRIORITY_UNSPECIFIED: Priority
PRIORITY_FREE: Priority
PRIORITY_STANDARD: Priority
PRIORITY_PREMIUM: Priority
PRIORITY_ADMIN: Priority
PIPELINE_STAGE_UNSPECIFIED: PipelineStage
PIPELINE_STAGE_AUDIO_SEPARATION: PipelineStage
PIPELINE_STAGE_HARMONIC_PERCUSSIVE_SEPARATION: PipelineStage
PIPELINE_STAGE_COMPOSITE_TRACK_CREATION: PipelineStage
PIPELINE_STAGE_NORMALIZATION: PipelineStage
STAGE_STATUS_UNSPECIFIED: StageStatus
STAGE_STATUS_PENDING: StageStatus
STAGE_STATUS_PROCESSING: StageStatus
STAGE_STATUS_COMPLETED: StageStatus
STAGE_STATUS_FAILED: StageStatus

class DownloadMetadata(_message.Message):
    __slots__ = ("title", "artist", "album", "album_art_url", "spotify_id", "duration")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ARTIST_FIELD_NUMBER: _ClassVar[int]
    ALBUM_FIELD_NUMBER: _ClassVar[int]
    ALBUM_ART_URL_FIELD_NUMBER: _ClassVar[int]
    SPOTIFY_ID_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    title: str
    artist: str
    album: str
    album_art_url: str
    spotify_id: str
    duration: float
    def __init__(self, title: _Optional[str] = ..., artist: _Optional[str] = ..., album: _Optional[str] = ..., album_art_url: _Optional[str] = ..., spotify_id: _Optional[str] = ..., duration: _Optional[float] = ...) -> None: ...

class DownloadParams(_message.Message):
    __slots__ = ("url", "quality", "playlist_item", "entry_title", "metadata")
    URL_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PLAYLIST_ITEM_FIELD_NUMBER: _ClassVar[int]
    ENTRY_TITLE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    url: str
    quality: str
    playlist_item: int
    entry_title: str
    metadata: DownloadMetadata
    def __init__(self, url: _Optional[str] = ..., quality: _Optional[str] = ..., playlist_item: _Optional[int] = ..., entry_title: _Optional[str] = ..., metadata: _Optional[_Union[DownloadMetadata, _Mapping]] = ...) -> None: ...

class AnalysisParams(_message.Message):
    __slots__ = ("features",)
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    features: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, features: _Optional[_Iterable[str]] = ...) -> None: ...

class SeparationParams(_message.Message):
    __slots__ = ("model", "engine", "format", "two_stems", "segment", "overlap", "shifts")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    TWO_STEMS_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    OVERLAP_FIELD_NUMBER: _ClassVar[int]
    SHIFTS_FIELD_NUMBER: _ClassVar[int]
    model: SeparationModel
    engine: SeparationEngine
    format: AudioFormat
    two_stems: str
    segment: float
    overlap: float
    shifts: int
    def __init__(self, model: _Optional[_Union[SeparationModel, str]] = ..., engine: _Optional[_Union[SeparationEngine, str]] = ..., format: _Optional[_Union[AudioFormat, str]] = ..., two_stems: _Optional[str] = ..., segment: _Optional[float] = ..., overlap: _Optional[float] = ..., shifts: _Optional[int] = ...) -> None: ...

class PipelineParams(_message.Message):
    __slots__ = ("model", "callback_url")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    CALLBACK_URL_FIELD_NUMBER: _ClassVar[int]
    model: SeparationModel
    callback_url: str
    def __init__(self, model: _Optional[_Union[SeparationModel, str]] = ..., callback_url: _Optional[str] = ...) -> None: ...

class GenerationParams(_message.Message):
    __slots__ = ("prompt", "duration", "model", "loop", "private", "user_id")
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    LOOP_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    prompt: str
    duration: int
    model: GenerationModel
    loop: bool
    private: bool
    user_id: str
    def __init__(self, prompt: _Optional[str] = ..., duration: _Optional[int] = ..., model: _Optional[_Union[GenerationModel, str]] = ..., loop: _Optional[bool] = ..., private: _Optional[bool] = ..., user_id: _Optional[str] = ...) -> None: ...

class JobParams(_message.Message):
    __slots__ = ("download", "separation", "analysis", "generation", "pipeline")
    DOWNLOAD_FIELD_NUMBER: _ClassVar[int]
    SEPARATION_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    download: DownloadParams
    separation: SeparationParams
    analysis: AnalysisParams
    generation: GenerationParams
    pipeline: PipelineParams
    def __init__(self, download: _Optional[_Union[DownloadParams, _Mapping]] = ..., separation: _Optional[_Union[SeparationParams, _Mapping]] = ..., analysis: _Optional[_Union[AnalysisParams, _Mapping]] = ..., generation: _Optional[_Union[GenerationParams, _Mapping]] = ..., pipeline: _Optional[_Union[PipelineParams, _Mapping]] = ...) -> None: ...

class DownloadResult(_message.Message):
    __slots__ = ("track_id", "source_key", "canonical_key", "file_size", "created")
    TRACK_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KEY_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    track_id: str
    source_key: str
    canonical_key: str
    file_size: int
    created: bool
    def __init__(self, track_id: _Optional[str] = ..., source_key: _Optional[str] = ..., canonical_key: _Optional[str] = ..., file_size: _Optional[int] = ..., created: _Optional[bool] = ...) -> None: ...

class FeatureRow(_message.Message):
    __slots__ = ("mean", "std")
    MEAN_FIELD_NUMBER: _ClassVar[int]
    STD_FIELD_NUMBER: _ClassVar[int]
    mean: float
    std: float
    def __init__(self, mean: _Optional[float] = ..., std: _Optional[float] = ...) -> None: ...

class AnalysisResult(_message.Message):
    __slots__ = ("tempo", "key", "energy", "spectral", "mfcc", "chroma", "loudness", "duration", "downbeats", "danceability", "spectrogram")
    class Tempo(_message.Message):
        __slots__ = ("tempo", "beats", "tempo_confidence")
        TEMPO_FIELD_NUMBER: _ClassVar[int]
        BEATS_FIELD_NUMBER: _ClassVar[int]
        TEMPO_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
        tempo: float
        beats: _containers.RepeatedScalarFieldContainer[float]
        tempo_confidence: float
        def __init__(self, tempo: _Optional[float] = ..., beats: _Optional[_Iterable[float]] = ..., tempo_confidence: _Optional[float] = ...) -> None: ...
    class Key(_message.Message):
        __slots__ = ("key", "camelot", "key_confidence")
        KEY_FIELD_NUMBER: _ClassVar[int]
        CAMELOT_FIELD_NUMBER: _ClassVar[int]
        KEY_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
        key: str
        camelot: str
        key_confidence: float
        def __init__(self, key: _Optional[str] = ..., camelot: _Optional[str] = ..., key_confidence: _Optional[float] = ...) -> None: ...
    class Energy(_message.Message):
        __slots__ = ("energy",)
        ENERGY_FIELD_NUMBER: _ClassVar[int]
        energy: float
        def __init__(self, energy: _Optional[float] = ...) -> None: ...
    class Spectral(_message.Message):
        __slots__ = ("spectral_centroid", "spectral_rolloff", "spectral_bandwidth", "spectral_flatness", "zero_crossing_rate")
        SPECTRAL_CENTROID_FIELD_NUMBER: _ClassVar[int]
        SPECTRAL_ROLLOFF_FIELD_NUMBER: _ClassVar[int]
        SPECTRAL_BANDWIDTH_FIELD_NUMBER: _ClassVar[int]
        SPECTRAL_FLATNESS_FIELD_NUMBER: _ClassVar[int]
        ZERO_CROSSING_RATE_FIELD_NUMBER: _ClassVar[int]
        spectral_centroid: float
        spectral_rolloff: float
        spectral_bandwidth: float
        spectral_flatness: float
        zero_crossing_rate: float
        def __init__(self, spectral_centroid: _Optional[float] = ..., spectral_rolloff: _Optional[float] = ..., spectral_bandwidth: _Optional[float] = ..., spectral_flatness: _Optional[float] = ..., zero_crossing_rate: _Optional[float] = ...) -> None: ...
    class Matrix(_message.Message):
        __slots__ = ("rows",)
        ROWS_FIELD_NUMBER: _ClassVar[int]
        rows: _containers.RepeatedCompositeFieldContainer[FeatureRow]
        def __init__(self, rows: _Optional[_Iterable[_Union[FeatureRow, _Mapping]]] = ...) -> None: ...
    class Loudness(_message.Message):
        __slots__ = ("loudness", "loudness_range", "true_peak")
        LOUDNESS_FIELD_NUMBER: _ClassVar[int]
        LOUDNESS_RANGE_FIELD_NUMBER: _ClassVar[int]
        TRUE_PEAK_FIELD_NUMBER: _ClassVar[int]
        loudness: float
        loudness_range: float
        true_peak: float
        def __init__(self, loudness: _Optional[float] = ..., loudness_range: _Optional[float] = ..., true_peak: _Optional[float] = ...) -> None: ...
    class Duration(_message.Message):
        __slots__ = ("duration",)
        DURATION_FIELD_NUMBER: _ClassVar[int]
        duration: float
        def __init__(self, duration: _Optional[float] = ...) -> None: ...
    class Downbeats(_message.Message):
        __slots__ = ("downbeats", "beats_per_bar")
        DOWNBEATS_FIELD_NUMBER: _ClassVar[int]
        BEATS_PER_BAR_FIELD_NUMBER: _ClassVar[int]
        downbeats: _containers.RepeatedScalarFieldContainer[float]
        beats_per_bar: int
        def __init__(self, downbeats: _Optional[_Iterable[float]] = ..., beats_per_bar: _Optional[int] = ...) -> None: ...
    class Danceability(_message.Message):
        __slots__ = ("danceability",)
        DANCEABILITY_FIELD_NUMBER: _ClassVar[int]
        danceability: float
        def __init__(self, danceability: _Optional[float] = ...) -> None: ...
    class Spectrogram(_message.Message):
        __slots__ = ("spectrogram_key",)
        SPECTROGRAM_KEY_FIELD_NUMBER: _ClassVar[int]
        spectrogram_key: str
        def __init__(self, spectrogram_key: _Optional[str] = ...) -> None: ...
    TEMPO_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    ENERGY_FIELD_NUMBER: _ClassVar[int]
    SPECTRAL_FIELD_NUMBER: _ClassVar[int]
    MFCC_FIELD_NUMBER: _ClassVar[int]
    CHROMA_FIELD_NUMBER: _ClassVar[int]
    LOUDNESS_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    DOWNBEATS_FIELD_NUMBER: _ClassVar[int]
    DANCEABILITY_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_FIELD_NUMBER: _ClassVar[int]
    tempo: AnalysisResult.Tempo
    key: AnalysisResult.Key
    energy: AnalysisResult.Energy
    spectral: AnalysisResult.Spectral
    mfcc: AnalysisResult.Matrix
    chroma: AnalysisResult.Matrix
    loudness: AnalysisResult.Loudness
    duration: AnalysisResult.Duration
    downbeats: AnalysisResult.Downbeats
    danceability: AnalysisResult.Danceability
    spectrogram: AnalysisResult.Spectrogram
    def __init__(self, tempo: _Optional[_Union[AnalysisResult.Tempo, _Mapping]] = ..., key: _Optional[_Union[AnalysisResult.Key, _Mapping]] = ..., energy: _Optional[_Union[AnalysisResult.Energy, _Mapping]] = ..., spectral: _Optional[_Union[AnalysisResult.Spectral, _Mapping]] = ..., mfcc: _Optional[_Union[AnalysisResult.Matrix, _Mapping]] = ..., chroma: _Optional[_Union[AnalysisResult.Matrix, _Mapping]] = ..., loudness: _Optional[_Union[AnalysisResult.Loudness, _Mapping]] = ..., duration: _Optional[_Union[AnalysisResult.Duration, _Mapping]] = ..., downbeats: _Optional[_Union[AnalysisResult.Downbeats, _Mapping]] = ..., danceability: _Optional[_Union[AnalysisResult.Danceability, _Mapping]] = ..., spectrogram: _Optional[_Union[AnalysisResult.Spectrogram, _Mapping]] = ...) -> None: ...

class StemOutput(_message.Message):
    __slots__ = ("name", "object_key", "duration", "size_bytes", "format")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    name: str
    object_key: str
    duration: float
    size_bytes: int
    format: AudioFormat
    def __init__(self, name: _Optional[str] = ..., object_key: _Optional[str] = ..., duration: _Optional[float] = ..., size_bytes: _Optional[int] = ..., format: _Optional[_Union[AudioFormat, str]] = ...) -> None: ...

class SeparationResult(_message.Message):
    __slots__ = ("stems", "model", "engine", "reused")
    STEMS_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    REUSED_FIELD_NUMBER: _ClassVar[int]
    stems: _containers.RepeatedCompositeFieldContainer[StemOutput]
    model: SeparationModel
    engine: SeparationEngine
    reused: bool
    def __init__(self, stems: _Optional[_Iterable[_Union[StemOutput, _Mapping]]] = ..., model: _Optional[_Union[SeparationModel, str]] = ..., engine: _Optional[_Union[SeparationEngine, str]] = ..., reused: _Optional[bool] = ...) -> None: ...

class StageRecord(_message.Message):
    __slots__ = ("stage", "status", "started_at", "completed_at", "duration_seconds", "error")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    DURATION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    stage: PipelineStage
    status: StageStatus
    started_at: _timestamp_pb2.Timestamp
    completed_at: _timestamp_pb2.Timestamp
    duration_seconds: float
    error: str
    def __init__(self, stage: _Optional[_Union[PipelineStage, str]] = ..., status: _Optional[_Union[StageStatus, str]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duration_seconds: _Optional[float] = ..., error: _Optional[str] = ...) -> None: ...

class NamedOutput(_message.Message):
    __slots__ = ("name", "object_key", "loudness_lufs", "true_peak_dbtp")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    LOUDNESS_LUFS_FIELD_NUMBER: _ClassVar[int]
    TRUE_PEAK_DBTP_FIELD_NUMBER: _ClassVar[int]
    name: str
    object_key: str
    loudness_lufs: float
    true_peak_dbtp: float
    def __init__(self, name: _Optional[str] = ..., object_key: _Optional[str] = ..., loudness_lufs: _Optional[float] = ..., true_peak_dbtp: _Optional[float] = ...) -> None: ...

class PipelineResult(_message.Message):
    __slots__ = ("stages", "outputs")
    STAGES_FIELD_NUMBER: _ClassVar[int]
    OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    stages: _containers.RepeatedCompositeFieldContainer[StageRecord]
    outputs: _containers.RepeatedCompositeFieldContainer[NamedOutput]
    def __init__(self, stages: _Optional[_Iterable[_Union[StageRecord, _Mapping]]] = ..., outputs: _Optional[_Iterable[_Union[NamedOutput, _Mapping]]] = ...) -> None: ...

class GenerationResult(_message.Message):
    __slots__ = ("filename", "audio_key", "spectrogram_key", "quality_score", "retry_count", "quality_issues", "duration", "seed")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    AUDIO_KEY_FIELD_NUMBER: _ClassVar[int]
    SPECTROGRAM_KEY_FIELD_NUMBER: _ClassVar[int]
    QUALITY_SCORE_FIELD_NUMBER: _ClassVar[int]
    RETRY_COUNT_FIELD_NUMBER: _ClassVar[int]
    QUALITY_ISSUES_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    filename: str
    audio_key: str
    spectrogram_key: str
    quality_score: int
    retry_count: int
    quality_issues: _containers.RepeatedScalarFieldContainer[str]
    duration: float
    seed: int
    def __init__(self, filename: _Optional[str] = ..., audio_key: _Optional[str] = ..., spectrogram_key: _Optional[str] = ..., quality_score: _Optional[int] = ..., retry_count: _Optional[int] = ..., quality_issues: _Optional[_Iterable[str]] = ..., duration: _Optional[float] = ..., seed: _Optional[int] = ...) -> None: ...

class JobResult(_message.Message):
    __slots__ = ("download", "separation", "analysis", "generation", "pipeline")
    DOWNLOAD_FIELD_NUMBER: _ClassVar[int]
    SEPARATION_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    download: DownloadResult
    separation: SeparationResult
    analysis: AnalysisResult
    generation: GenerationResult
    pipeline: PipelineResult
    def __init__(self, download: _Optional[_Union[DownloadResult, _Mapping]] = ..., separation: _Optional[_Union[SeparationResult, _Mapping]] = ..., analysis: _Optional[_Union[AnalysisResult, _Mapping]] = ..., generation: _Optional[_Union[GenerationResult, _Mapping]] = ..., pipeline: _Optional[_Union[PipelineResult, _Mapping]] = ...) -> None: ...
