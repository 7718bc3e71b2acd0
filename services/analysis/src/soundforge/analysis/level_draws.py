"""A tempo training draw kept as what the level measures are computed from, not as the measures.

Rendering a clip and tracking its levels is nearly all of a draw's time; the measures
(levels.level_features) are a small part. scripts/train_tempo_weights.py --cache keeps, per clip, its
tracked levels (tempo.tracked_levels: all of them, before levels.candidates), their context (the
four onset bands, how much the harmony moves, how long a chord lasts, and since the sixty-sixth pass
what sounds frame by frame: levels.Pitches) and its labelled tempo, so a
refit that adds or changes a measure, or changes which levels are candidates, reads the kept draws
instead of rendering every development split again (hours on two cores). A change to the tracker or to the
onset bands still needs the cache emptied.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np
import numpy.typing as npt

from soundforge.analysis.levels import Bands, LevelContext, Pitches
from soundforge.analysis.tempo import Level

# A clip's tracked levels (all of them), their context, and its labelled tempo.
Sound = tuple[list[Level], LevelContext, float]
BANDS = tuple(field.name for field in fields(Bands))  # in Bands' order: unpacked passes them by position
PITCHES = tuple(field.name for field in fields(Pitches))  # 12 rows each, in Pitches' order


def packed(sounds: list[Sound]) -> dict[str, npt.NDArray[Any]]:
    """The sounds as flat arrays (np.savez can keep them): the bands of every clip side by side, the
    levels of every clip one after another, each level's beats one after another, and the counts
    that split them again (unpacked); the pitches too, as float16 (0-1, and half the disk), where
    every clip has them."""
    levels = [level for clip_levels, _, _ in sounds for level in clip_levels]
    contexts = [context for _, context, _ in sounds]
    pitches = [context.pitches for context in contexts if context.pitches is not None]
    kept = (
        {
            "pitches": np.concatenate(
                [np.concatenate([getattr(p, name) for name in PITCHES]) for p in pitches], axis=1
            ).astype(np.float16)
        }
        if contexts and len(pitches) == len(contexts)
        else {}
    )
    return kept | {
        "bands": np.concatenate(
            [np.stack([getattr(c.bands, name) for name in BANDS]) for c in contexts], axis=1
        ).astype(np.float32)
        if contexts
        else np.zeros((len(BANDS), 0), dtype=np.float32),
        "frames": np.array([c.bands.onset.size for c in contexts], dtype=np.int64),
        "motion": np.array([c.motion for c in contexts], dtype=np.float64),
        "chord_seconds": np.array([c.chord_seconds for c in contexts], dtype=np.float64),
        "bpm": np.array([bpm for _, _, bpm in sounds], dtype=np.float64),
        "level_counts": np.array([len(clip_levels) for clip_levels, _, _ in sounds], dtype=np.int64),
        "level_bpm": np.array([level.bpm for level in levels], dtype=np.float64),
        "level_score": np.array([level.score for level in levels], dtype=np.float64),
        "level_multiple": np.array([level.multiple for level in levels], dtype=np.float64),
        "beat_counts": np.array([level.frames.size for level in levels], dtype=np.int64),
        "beats": np.concatenate([level.frames for level in levels]).astype(np.int64)
        if levels
        else np.zeros(0, dtype=np.int64),
    }


def unpacked(arrays: dict[str, npt.NDArray[Any]]) -> list[Sound]:
    """The sounds packed() was given."""
    if arrays["frames"].size == 0:
        return []
    bounds = np.cumsum(arrays["frames"])[:-1]
    bands = np.split(arrays["bands"], bounds, axis=1)
    pitches = np.split(arrays["pitches"], bounds, axis=1) if "pitches" in arrays else None
    counts = arrays["beat_counts"]
    beats = np.split(arrays["beats"], np.cumsum(counts)[:-1]) if counts.size else []
    levels = [
        Level(float(bpm), frames, float(score), float(multiple))
        for bpm, frames, score, multiple in zip(
            arrays["level_bpm"], beats, arrays["level_score"], arrays["level_multiple"], strict=True
        )
    ]
    ends = np.cumsum(arrays["level_counts"])
    sounds = []
    for index, clip_bands in enumerate(bands):
        context = LevelContext(
            Bands(*(np.ascontiguousarray(row) for row in clip_bands)),
            float(arrays["motion"][index]),
            float(arrays["chord_seconds"][index]),
            _pitches(pitches[index]) if pitches is not None else None,
        )
        start = ends[index] - arrays["level_counts"][index]
        sounds.append((levels[start : ends[index]], context, float(arrays["bpm"][index])))
    return sounds


def _pitches(rows: npt.NDArray[np.float16]) -> Pitches:
    """Pitches from the rows packed() stacked, as float32."""
    assert rows.shape[0] == 12 * len(PITCHES)
    return Pitches(*(np.ascontiguousarray(part, dtype=np.float32) for part in np.split(rows, len(PITCHES))))
