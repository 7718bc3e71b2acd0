"""Whether a clip's bass line marks its beat: the bass's attacks at the labelled and the chosen level.

The level measures read onset bands from the log-mel (levels.bands_of), whose 93 ms frames smooth
over the short gap between two bass notes of one pitch; a bass that re-attacks every beat shows
that beat only in its amplitude. This reads the bass's attacks from the samples: under
CUTOFF_HZ (an 8th-order Butterworth, forwards and back; the arpeggios' chord tones start at F#3,
185 Hz), the power per hop in dB, its rise from the hop before. Per clip it prints, for the
labelled level (the best-scored candidate within the bench's 4%) and the level the scorer chose,
how much those attacks repeat after one beat (levels.periodicity over levels.autocorrelation):
near 1 where the bass strikes every beat, near 0 where it holds or where the level is a third off.
The seventy-first pass read the drumless arpeggios of tune and the four newest development
splits with it (docs/analysis-passes.md). Only tune and the development splits can be shown.

Run: .venv/bin/python scripts/show_bass_attack.py SPLIT [SPLIT ...] [--seed 0]
[--details arpeggio block sustain] [--drums]
"""

from __future__ import annotations

import argparse

import numpy as np
import numpy.typing as npt
from scipy.signal import butter, sosfiltfilt
from train_tempo_weights import SR, TOLERANCE, candidate_levels

from soundforge.analysis.levels import autocorrelation, level_features, periodicity, trained_weights
from soundforge.analysis.spectra import HOP
from soundforge.analysis.tempo import refine_tempo
from soundforge.testing.labelled_clips import DEVELOPMENT_SPLITS, Clip, clip_set, render_clip

CUTOFF_HZ = 150.0


def bass_attacks(samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The rise in dB, hop to hop, of the power under CUTOFF_HZ: one value per analysis frame."""
    low = sosfiltfilt(butter(8, CUTOFF_HZ, "low", fs=SR, output="sos"), samples.astype(np.float64))
    frames = 1 + low.size // HOP
    padded = np.pad(low, (HOP // 2, HOP))[: frames * HOP]
    power = (padded.reshape(frames, HOP) ** 2).mean(axis=1)
    decibels = 10 * np.log10(power + 1e-10 * (float(power.max()) or 1.0))
    return np.maximum(0.0, np.diff(decibels, prepend=decibels[0])).astype(np.float32)


def show(clip: Clip) -> str:
    """One line: right or not, the label, the chosen tempo, and the attacks' repeat after one beat
    at the labelled level and at the chosen one."""
    assert clip.bpm is not None
    samples = render_clip(clip, SR)
    levels, context = candidate_levels(samples)
    if not levels:
        return f"none  {clip.describe()}"
    scores = trained_weights().scores(level_features(levels, context))
    correlation = autocorrelation(bass_attacks(samples))
    bpms = [refine_tempo(level.frames, level.bpm) for level in levels]
    right = [abs(bpm - clip.bpm) <= TOLERANCE * clip.bpm for bpm in bpms]
    chosen = int(np.argmax(scores))
    repeat = [periodicity(correlation, level.frames)[0] for level in levels]
    labelled = max(
        (index for index in range(len(levels)) if right[index]), key=lambda i: scores[i], default=None
    )
    at_label = f"{repeat[labelled]:5.2f}" if labelled is not None else "  -  "
    verdict = "hit " if right[chosen] else "miss"
    return (
        f"{verdict} label {clip.bpm:6.1f} chosen {bpms[chosen]:6.1f}  repeat at label {at_label}"
        f" at chosen {repeat[chosen]:5.2f}  {clip.describe()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=("tune", *DEVELOPMENT_SPLITS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--details", nargs="+", default=["arpeggio"], help="the comping: arpeggio, block, sustain"
    )
    parser.add_argument("--drums", action="store_true", help="songs with drums (default: without)")
    args = parser.parse_args()
    for split in args.splits:
        for clip in clip_set(split, args.seed):
            if clip.bpm is not None and bool(clip.drums) == args.drums and clip.detail in args.details:
                print(f"{split:10} {show(clip)}", flush=True)


if __name__ == "__main__":
    main()
