"""The pulse the learned pitch classes hear (tempo.pitch_class_pulse): songs whose notes swell in or
sound under chords held a long bar keep their tempo, and chords changing in free time keep none."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from soundforge.analysis import tempo as tempos
from soundforge.analysis.features import analyze_samples
from soundforge.analysis.harmony import chord_labels
from soundforge.analysis.levels import bands_of, choose_level, level_context
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.testing.labelled_clips import Clip, clip_set, render_clip

SR = 22050
RHYTHM = ["tempo", "key", "downbeats", "danceability"]
NEEDS = Needs(stft=True, mel=True, chroma=True, pitch_classes=True)  # as features.needs_for


def _clip(split: str, described: str) -> Clip:
    return next(c for c in clip_set(split) if c.describe() == described)


def _read(clip: Clip) -> tuple[tempos.Beats, np.ndarray, np.ndarray, bool]:
    """Every path before this one, as the service runs them (features._beats); the learned pitch
    classes; the log-mel in dB; and whether the harmony moves."""
    frames = frames_of(render_clip(clip, SR), NEEDS)
    assert frames.mel is not None and frames.chroma is not None and frames.pitch_classes is not None
    log_mel = tempos.to_decibels(frames.mel)
    context = level_context(log_mel, chord_labels(frames.chroma), frames.pitch_classes)
    moving = not context.static
    onset = context.bands.onset
    beats = tempos.track_beats(onset, context.bands.bass, prefer=lambda levels: choose_level(levels, context))
    beats = tempos.slow_pulse(tempos.bass_pulse(beats, log_mel), log_mel, moving=moving)
    beats = tempos.accented_pulse(beats, onset, moving=moving)
    beats = tempos.pitched_pulse(beats, frames.chroma, moving=moving)
    return beats, np.asarray(frames.pitch_classes), log_mel, moving


def _result(clip: Clip) -> dict[str, Any]:
    return analyze_samples(render_clip(clip, SR), RHYTHM).result


@pytest.mark.parametrize(
    ("split", "described"),
    [
        # EBows and sustainers: driven strings with no attack; every path before read 0.00.
        (
            "castro",
            "modal, F# major, 94.1 BPM, mixolydian I-v-I-IV-I-bVII-I-iii°, 3/4, gm, arpeggio, A=440.5",
        ),
        # A tune over chords held 22 beats, through a transistor radio in the rain (0.093 before).
        (
            "rampart",
            "modal, E major, 72.2 BPM, mixolydian I-v-I-bVII-I-ii-I-IV-I-I, 88/16, gm, sustain, A=440.3",
        ),
        # Block chords and a bass whose onsets the production blurs (0.078 before).
        ("rath", "modal, C# minor, 119.7 BPM, aeolian i-VI-VII-i, 4/4, gm, block, A=442.9"),
    ],
)
def test_new_pitch_classes_on_every_beat_keep_the_pulse(split: str, described: str) -> None:
    clip = _clip(split, described)
    assert clip.bpm is not None
    before, pitch_classes, _, moving = _read(clip)
    assert moving
    assert before.tempo == pytest.approx(clip.bpm, rel=0.04)
    assert before.confidence < tempos.MIN_CONFIDENCE  # what the onsets and the chroma say
    rises = tempos.chroma_rises(pitch_classes, tempos._SLOW_SPAN)
    assert tempos.pulse_persistence(rises, before.frames) > tempos._CLASSES_SCATTERED
    heard = tempos.pitch_class_pulse(before, pitch_classes, moving=True)
    assert heard.confidence >= tempos.MIN_CONFIDENCE
    # A held tone's pitch class can flicker with its vibrato: the harmony must move.
    assert tempos.pitch_class_pulse(before, pitch_classes, moving=False).confidence == before.confidence
    assert tempos.pitch_class_pulse(before, None, moving=True).confidence == before.confidence
    result = _result(clip)
    assert result["tempo"] == pytest.approx(clip.bpm, rel=0.04)
    assert result["tempo_confidence"] >= tempos.MIN_CONFIDENCE


@pytest.mark.parametrize(
    ("split", "described"),
    [
        # The free-time clips whose rises repeat most at some tracked level (0.24 and 0.21) of the
        # 134 on tune's and seven development splits' seed 0: legato chords I-vi-IV-V7-I.
        ("bailey", "free-time, A major, no pulse, I-vi-IV-V7-I, gm, legato, A=436.4"),
        ("palisade", "free-time, E major, no pulse, I-vi-IV-V7-I, gm, legato, A=434.4"),
    ],
)
def test_free_time_chords_bring_pitch_classes_at_no_steady_beat(split: str, described: str) -> None:
    # Every tracked level is read, not only the one the level scorer picks.
    clip = _clip(split, described)
    assert clip.bpm is None
    _, pitch_classes, log_mel, _ = _read(clip)
    bands = bands_of(log_mel)
    levels = tempos.tracked_levels(bands.onset, bands.bass)
    assert levels
    for level in levels:
        unheard = tempos.Beats(level.bpm, level.frames, 0.0)
        assert tempos.pitch_class_pulse(unheard, pitch_classes, moving=True).confidence < 0.1, level.bpm
    result = _result(clip)
    assert result["tempo"] is None and result["beats"] == []
    assert result["tempo_confidence"] < tempos.MIN_CONFIDENCE
