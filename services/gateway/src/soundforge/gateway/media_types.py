"""The type a stored file is served as: the platform's own, never an active type a client declared.

A browser renders `text/html` or `image/svg+xml` from our origin, scripts and all, so only passive
types are ever sent, and always with `nosniff` so that no browser second-guesses them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

OCTET_STREAM = "application/octet-stream"
NOSNIFF = {"X-Content-Type-Options": "nosniff"}

# What the platform itself stores under these extensions (ingest's sniffed formats, stems,
# spectrograms, analysis results, archives): object keys are built by us, never named by clients.
_BY_EXTENSION = {
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".ogg": "audio/ogg",
    ".opus": "audio/opus",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".png": "image/png",
    ".json": "application/json",
    ".zip": "application/zip",
}
_PASSIVE = frozenset(_BY_EXTENSION.values()) | {"image/jpeg", "image/webp", "image/gif"}
_AUDIO = re.compile(r"audio/[a-z0-9][a-z0-9.+-]{0,126}")


def served_media_type(stored: str, key: str) -> str:
    """`stored` (the object's metadata) when it is audio or another passive type; else the type of
    the key's extension; else `application/octet-stream`, which a browser only downloads."""
    kind = stored.split(";", 1)[0].strip().lower()
    if _AUDIO.fullmatch(kind) or kind in _PASSIVE:
        return kind
    return _BY_EXTENSION.get(PurePosixPath(key).suffix.lower(), OCTET_STREAM)
