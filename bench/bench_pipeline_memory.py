"""Audio Pipeline memory benchmark: peak RSS of a pipeline job on 20 minutes / on 3 minutes of audio.

Prints (issue 10) the ratio, goal <= 1.2: every stage streams (separation window by window, HPSS
chunk by chunk, composites and normalisation block by block), so a long file costs no more memory
than a short one beyond a small constant. Each length runs in a fresh process (library and
separation service in it, NATS beside it) with the tiny random-weight htdemucs: the model's size is
a constant, what could grow is the audio a stage holds. Run: .venv/bin/python bench/bench_pipeline_memory.py.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_separation import RSS_LONG, RSS_SHORT, THREADS, separation_platform, write_flac

from soundforge.separation.v1 import separation_pb2
from soundforge.testing.demucs_models import build_model_repo


async def pipeline_job(repo: Path, source: Path, tmp: Path) -> tuple[float, list[str]]:
    """Seconds of one pipeline job (submit -> completed) on a fresh platform, and its outputs."""
    async with separation_platform(repo, tmp, ack_wait=600) as platform:
        track_id = await platform.add_track(
            "source.flac", uuid.uuid4().hex * 2, lambda key: platform.store.put_file(key, source)
        )
        started = time.perf_counter()
        job = await platform.sep.StartPipeline(
            separation_pb2.StartPipelineRequest(owner_id=platform.user.id, track_id=track_id)
        )
        job = await platform.finished(job, poll=0.1)
        return time.perf_counter() - started, [o.name for o in job.result.pipeline.outputs]


def child(seconds: int, repo: str) -> None:
    """In a fresh process: one pipeline job on `seconds` of audio; prints its peak RSS in MiB."""
    torch.set_num_threads(THREADS)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "source.flac"
        write_flac(source, seconds)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        elapsed, outputs = asyncio.run(pipeline_job(Path(repo), source, tmp))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {"peak_mib": peak / 1024, "before_mib": before / 1024, "seconds": elapsed, "outputs": outputs}
            )
        )


def child_run(seconds: int, repo: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(seconds), str(repo)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        repo = build_model_repo(Path(tmp_name) / "tiny", names=("htdemucs",))
        short, long = child_run(RSS_SHORT, repo), child_run(RSS_LONG, repo)
        print(f"pipeline peak RSS, {RSS_LONG // 60} min / {RSS_SHORT // 60} min of audio (tiny htdemucs):")
        for label, run in (("short", short), ("long", long)):
            peak, before, seconds = run["peak_mib"], run["before_mib"], run["seconds"]
            print(f"   {label}: {peak:.0f} MiB peak ({before:.0f} MiB before the job), {seconds:.0f} s")
        ratio = long["peak_mib"] / short["peak_mib"]
        print(f"   {long['peak_mib']:.0f} / {short['peak_mib']:.0f} MiB = {ratio:.3f}   (goal <= 1.2)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]), sys.argv[3])
    else:
        main()
