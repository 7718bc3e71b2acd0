"""Downloads: a `Content-Disposition: attachment` header with a clean, portable file name."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_LENGTH = 100
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII letters and digits joined by dashes: "Beyoncé — Halo (Live)" -> "beyonce-halo-live"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def attachment_filename(*parts: str, suffix: str, fallback: str) -> str:
    """The slugs of the non-empty `parts` joined by dashes, cut to a sane length, plus `suffix`.

    `fallback` (already clean, e.g. an id) stands in when nothing printable is left.
    """
    stem = "-".join(piece for piece in (slug(part) for part in parts) if piece)
    stem = stem[:MAX_STEM_LENGTH].rstrip("-") or fallback
    return stem + suffix


def content_disposition(filename: str) -> str:
    """Only ever given names from attachment_filename, so no quoting or RFC 5987 encoding is needed."""
    return f'attachment; filename="{filename}"'
