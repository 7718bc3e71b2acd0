"""Audio Pipeline benchmark: the four-stage job against the separation alone, on the same audio.

Prints (issue 10) the pipeline's wall time / a separation job's (same full-size htdemucs with
random weights, 60 s of audio, 2 threads; each run on a fresh platform, so no stems are reused):
goal <= 1.15, the three other stages adding at most 15 %.
Run: `make bench` (or .venv/bin/python bench/bench_pipeline.py).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_separation import JOB_SECONDS, THREADS, music, platform_runs, wav_bytes

from soundforge.testing.demucs_models import build_model_repo


def main() -> None:
    torch.set_num_threads(THREADS)
    with tempfile.TemporaryDirectory() as tmp_name:
        repo = build_model_repo(Path(tmp_name) / "full", full=True, names=("htdemucs",))
        data = wav_bytes(music(JOB_SECONDS))
        # Separation before and after the pipeline: the first run of a process also warms torch up.
        before, _, _, _ = asyncio.run(platform_runs(repo, data))
        pipeline, _, _, outputs = asyncio.run(platform_runs(repo, data, pipeline=True))
        after, _, _, _ = asyncio.run(platform_runs(repo, data))
        separation = (before + after) / 2
        print(f"pipeline / separation alone ({JOB_SECONDS} s, full-size htdemucs, {THREADS} threads):")
        print(f"   separation {before:.1f} s before, {after:.1f} s after the pipeline")
        print(f"   {pipeline:.1f} s / {separation:.1f} s = {pipeline / separation:.3f}   (goal <= 1.15)")
        print(f"   outputs: {', '.join(outputs)}")


if __name__ == "__main__":
    main()
