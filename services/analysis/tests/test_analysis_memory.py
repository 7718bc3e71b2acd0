"""A long file is analysed in bounded memory: a fixed working set plus a little per second, not the audio."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import soundfile

from soundforge.analysis.features import FEATURES, analyze_file, analyze_samples
from soundforge.testing.music import Piece, render

RATE = 44100
MINUTES = 4
# The budget the architecture page states: blocks of audio and spectra in flight, plus the
# per-frame features kept for the whole track (a 128-band mel column and 12 chroma bins every
# 23 ms, about 24 kB per second of audio).
WORKING_SET = 24 * 2**20
PER_SECOND = 32 * 2**10


def test_all_features_of_a_long_file_within_the_memory_budget(tmp_path: Path) -> None:
    piece = render(Piece(tonic=3, mode="minor", bpm=124.0, seconds=30.0, seed=8), RATE)
    stereo = np.stack([piece, 0.8 * piece], axis=1)
    path = tmp_path / "long.wav"
    with soundfile.SoundFile(path, "w", RATE, 2, subtype="PCM_16") as out:
        for _ in range(MINUTES * 2):
            out.write(stereo)
    analyze_samples(piece[: RATE * 3], FEATURES, RATE)  # one-time caches (filter banks, numba) first

    tracemalloc.start()
    try:
        analysis = analyze_file(path, FEATURES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    seconds = MINUTES * 60
    assert analysis.result["duration"] == seconds
    assert analysis.result["key"] == "Eb minor"
    decoded = seconds * RATE * 2 * 4  # what decoding the whole file to float32 would hold
    assert peak < WORKING_SET + PER_SECOND * seconds, f"peak {peak / 2**20:.1f} MiB"
    assert peak < decoded / 3
