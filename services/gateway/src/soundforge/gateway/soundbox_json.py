"""Library messages -> Sound Box's JSON, quirks included: `category` a JSON string, `is_loop` 0/1."""

from __future__ import annotations

import json
import math
from typing import Any

from soundforge.library.v1 import library_pb2
from soundforge.runtime.vocabulary import GENERATION_MODELS


def _seconds(value: float) -> int:
    """Whole seconds, half up: a 2 s loop measured at 1.9975 s is the 2 s it was asked for."""
    return math.floor(value + 0.5)


def _created(generation: library_pb2.Generation, separator: str) -> str:
    if not generation.HasField("created_at"):
        return ""
    return generation.created_at.ToDatetime().strftime(f"%Y-%m-%d{separator}%H:%M:%S")


def library_item(g: library_pb2.Generation) -> dict[str, Any]:
    return {
        "id": g.id,
        "filename": g.filename,
        "prompt": g.prompt,
        "model": GENERATION_MODELS.name(g.model),
        "duration": _seconds(g.duration),
        "is_loop": int(g.is_loop),
        "quality_score": g.quality_score,
        "spectrogram": g.spectrogram,
        "upvotes": g.upvotes,
        "downvotes": g.downvotes,
        "category": json.dumps(list(g.categories)),
        "user_id": g.user_id,
        "created_at": _created(g, " "),
    }


def library_page(page: library_pb2.ListGenerationsResponse) -> dict[str, Any]:
    return {
        "items": [library_item(g) for g in page.items],
        "total": page.total,
        "page": page.page,
        "pages": page.pages,
        "per_page": page.per_page,
    }


def radio_track(g: library_pb2.Generation) -> dict[str, Any]:
    return {"id": g.id, "filename": g.filename, "prompt": g.prompt, "duration": _seconds(g.duration)}


def history_item(g: library_pb2.Generation) -> dict[str, Any]:
    return {
        "filename": g.filename,
        "prompt": g.prompt,
        "model": GENERATION_MODELS.name(g.model),
        "duration": _seconds(g.duration),
        "loop": g.is_loop,
        "rating": g.rating,
        "created": _created(g, "T"),
        "quality_score": g.quality_score,
        "quality_issues": list(g.quality_issues),
        "spectrogram": g.spectrogram,
        "user_id": g.user_id,
    }
