"""The object-key layout: where each object lives, and whose it is (docs/architecture.md, Object keys)."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from soundforge.runtime.errors import InvalidArgument

USERS_PREFIX = "users/"
# Uploads between BeginUpload and CompleteUpload; outside every user's prefix, so never served.
STAGING_PREFIX = "staging/"
# Content-addressed results shared across users (separation stems); internal, never served.
CACHE_PREFIX = "cache/"


def _component(value: str, what: str) -> str:
    # An id that is empty or holds a separator would put the key under another prefix (or none).
    if not value or "/" in value or "\\" in value or value.startswith("."):
        raise InvalidArgument(f"{what} is not a valid object key component: {value!r}")
    return value


def user_prefix(owner_id: str) -> str:
    """`users/<owner>/`: everything a user owns, and nothing else, lives under this prefix."""
    return f"{USERS_PREFIX}{_component(owner_id, 'owner id')}/"


def owned_by(key: str, owner_id: str) -> bool:
    """Whether `key` lies under `owner_id`'s prefix; never for an empty or malformed owner id.

    Checks the prefix only: validate the key itself (soundforge.storage.validate_key) first, so
    that a `..` component cannot climb out of the prefix.
    """
    try:
        return key.startswith(user_prefix(owner_id))
    except InvalidArgument:
        return False


def track_prefix(owner_id: str, track_id: str) -> str:
    """`users/<owner>/tracks/<track>/`: every object a track owns; deleting the track deletes it."""
    return f"{user_prefix(owner_id)}tracks/{_component(track_id, 'track id')}/"


def track_object_key(owner_id: str, track_id: str, name: str) -> str:
    """`users/<owner>/tracks/<track>/<name>`."""
    return track_prefix(owner_id, track_id) + _component(name, "object name")


def source_key(owner_id: str, track_id: str, ext: str) -> str:
    """The track's audio as it arrived (upload or download), e.g. `.../source.mp3`."""
    return track_object_key(owner_id, track_id, f"source.{ext}")


def canonical_key(owner_id: str, track_id: str) -> str:
    """The track's FLAC copy that workers read."""
    return track_object_key(owner_id, track_id, "canonical.flac")


def stem_key(owner_id: str, track_id: str, job_id: str, stem: str, ext: str = "wav") -> str:
    """One stem a separation job made: `.../stems/<job>/<stem>.<ext>`."""
    stems = (
        f"stems/{_component(job_id, 'job id')}/{_component(stem, 'stem name')}.{_component(ext, 'extension')}"
    )
    return track_prefix(owner_id, track_id) + stems


def pipeline_prefix(owner_id: str, track_id: str, job_id: str) -> str:
    """`.../pipeline/<job>/`: an Audio Pipeline job's outputs (`<name>.wav`) and its stage work (`work/`)."""
    return f"{track_prefix(owner_id, track_id)}pipeline/{_component(job_id, 'job id')}/"


def content_index_key(object_key: str) -> str:
    """`cache/content/<sha256 of the key>.json`: the sha256 of an object's bytes, as last measured."""
    return f"{CACHE_PREFIX}content/{hashlib.sha256(object_key.encode()).hexdigest()}.json"


def separation_cache_prefix(content_sha256: str, settings_digest: str) -> str:
    """`cache/separation/<audio sha256>/<settings digest>/`: stems of one audio + model + settings.

    Outside every user's prefix, so never served: a hit is copied into the asking user's own stem
    keys, and no user ever learns another's keys or that another separated the same audio.
    """
    audio = _component(content_sha256, "content hash")
    return f"{CACHE_PREFIX}separation/{audio}/{_component(settings_digest, 'settings digest')}/"


def generation_key(owner_id: str, job_id: str) -> str:
    """A generated clip: `users/<owner>/generations/<job_id>.wav` (its spectrogram beside, see below)."""
    return f"{user_prefix(owner_id)}generations/{_component(job_id, 'job id')}.wav"


def spectrogram_key(owner_id: str, track_id: str, name: str = "mel") -> str:
    """A track's spectrogram image: `.../spectrograms/<name>.png` (the analysis job draws `mel`)."""
    return f"{track_prefix(owner_id, track_id)}spectrograms/{_component(name, 'image name')}.png"


def spectrogram_key_for(audio_key: str) -> str:
    """`<dir>/spectrograms/<stem>.png` for any audio object `<dir>/<stem>.<ext>`."""
    path = PurePosixPath(audio_key)
    return str(path.parent / "spectrograms" / f"{path.stem}.png")


def staging_key(owner_id: str, upload_id: str) -> str:
    """`staging/<owner>/<upload>`: where the gateway writes an upload's bytes."""
    return f"{STAGING_PREFIX}{_component(owner_id, 'owner id')}/{_component(upload_id, 'upload id')}"


def staging_meta_key(owner_id: str, upload_id: str) -> str:
    """The staged upload's sidecar: what BeginUpload heard (the file name); CompleteUpload omits it."""
    return f"{staging_key(owner_id, upload_id)}.json"


def daw_prefix(owner_id: str) -> str:
    """`users/<owner>/daw/`: a DAW export's uploaded stems and its mix, deleted once it is answered."""
    return f"{user_prefix(owner_id)}daw/"


def daw_upload_key(owner_id: str, export_id: str, index: int) -> str:
    """One stem file uploaded to a DAW export: `users/<owner>/daw/uploads/<export>/<index>`."""
    return f"{daw_prefix(owner_id)}uploads/{_component(export_id, 'export id')}/{index}"


def daw_mix_key(owner_id: str, mix_id: str) -> str:
    """A DAW export's mixdown: `users/<owner>/daw/mixes/<mix>.wav`."""
    return f"{daw_prefix(owner_id)}mixes/{_component(mix_id, 'mix id')}.wav"
