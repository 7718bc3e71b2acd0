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

import soundfile
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_separation import RATE, RSS_LONG, RSS_SHORT, THREADS, music

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.app import start as start_library
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.convert import TERMINAL_STATUSES
from soundforge.runtime.grpc_client import open_channel
from soundforge.separation.app import start as start_separation
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc
from soundforge.storage import LocalBlobStore
from soundforge.testing import servers
from soundforge.testing.demucs_models import build_model_repo


def write_source(path: Path, seconds: int) -> None:
    """A FLAC written a minute at a time: the file, not this process, is long."""
    with soundfile.SoundFile(path, "w", RATE, 2, subtype="PCM_16", format="FLAC") as out:
        for start in range(0, seconds, 60):
            out.write(music(min(60, seconds - start), seed=start))


async def pipeline_job(repo: Path, source: Path, tmp: Path) -> tuple[float, list[str]]:
    """Seconds of one pipeline job (submit -> completed) on a fresh platform, and its outputs."""
    with servers.nats_server() as nats_url:
        blobs = f"file://{tmp / 'blobs'}"
        library = await start_library(
            LibrarySettings(
                database_url=f"sqlite+aiosqlite:///{tmp / 'db'}",
                nats_url=nats_url,
                blob_url=blobs,
                grpc_port=0,
            )
        )
        separation = await start_separation(
            SeparationSettings(
                library_addr=library.address,
                nats_url=nats_url,
                blob_url=blobs,
                grpc_port=0,
                model_repo=str(repo),
                torch_threads=THREADS,
                ack_wait_seconds=600,
            )
        )
        store = LocalBlobStore(tmp / "blobs")
        lib_channel, sep_channel = open_channel(library.address), open_channel(separation.address)
        lib = library_pb2_grpc.LibraryServiceStub(lib_channel)
        sep = separation_pb2_grpc.SeparationServiceStub(sep_channel)
        try:
            user = await lib.CreateUser(
                library_pb2.CreateUserRequest(email="m@example.com", password="benchmarks!")
            )
            track_id = str(uuid.uuid4())
            key = f"users/{user.id}/tracks/{track_id}/source.flac"
            await store.put_file(key, source)
            track = library_pb2.Track(
                id=track_id, owner_id=user.id, sha256=uuid.uuid4().hex * 2, source_key=key
            )
            await lib.CreateTrack(library_pb2.CreateTrackRequest(track=track))
            started = time.perf_counter()
            job = await sep.StartPipeline(
                separation_pb2.StartPipelineRequest(owner_id=user.id, track_id=track_id)
            )
            while job.status not in TERMINAL_STATUSES:
                await asyncio.sleep(0.1)
                job = await lib.GetJob(library_pb2.GetJobRequest(owner_id=user.id, job_id=job.id))
            assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
            return time.perf_counter() - started, [o.name for o in job.result.pipeline.outputs]
        finally:
            await sep_channel.close()
            await lib_channel.close()
            await separation.stop(1.0)
            await library.stop(1.0)


def child(seconds: int, repo: str) -> None:
    """In a fresh process: one pipeline job on `seconds` of audio; prints its peak RSS in MiB."""
    torch.set_num_threads(THREADS)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "source.flac"
        write_source(source, seconds)
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
