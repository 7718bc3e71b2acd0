"""Separation benchmarks: the platform's job against Demucs' own `apply_model`, memory against length.

Prints four ratios, each beside its goal (issue 9):
1. a separation job through the platform (fetch, decode twice, separate window by window, encode,
   store) / plain `apply_model` on the same full-size htdemucs (random weights), audio and threads;
2. the worker's peak RSS separating 20 minutes / separating 3 minutes (tiny htdemucs: the model's
   own size is a constant; what could grow is the audio the engine holds);
3. the platform's stored stems against one-shot `apply_model` (shifts=0): residual in dB;
4. a repeated identical request: seconds until its stems are there (the stem cache).

Run: `make bench` (or .venv/bin/python bench/bench_separation.py). Takes about 10 minutes on 2 cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import torch

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

RATE = 44100
THREADS = 2
JOB_SECONDS = 60
RSS_SHORT, RSS_LONG = 3 * 60, 20 * 60


def music(seconds: float, seed: int = 0) -> np.ndarray:
    """Stereo tones and noise bursts: enough structure that every window differs."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    tone = 0.2 * np.sin(2 * np.pi * 220 * t * (1 + 0.01 * np.sin(2 * np.pi * 0.1 * t)))
    bursts = 0.1 * rng.standard_normal(t.size) * (np.sin(2 * np.pi * 2 * t) > 0.9)
    return np.stack([tone + bursts, 0.8 * tone - bursts], axis=1).astype(np.float32)


def wav_bytes(audio: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, audio, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def one_shot(repo: Path, audio: np.ndarray) -> tuple[np.ndarray, float]:
    """Demucs' own way (its api.py): normalise by the mono mix, apply_model, de-normalise."""
    from demucs.apply import apply_model
    from demucs.pretrained import get_model

    model = get_model("htdemucs", repo=repo)
    wav = torch.from_numpy(audio.T.copy())
    ref = wav.mean(0)
    mean, std = ref.mean(), ref.std() + 1e-8
    started = time.perf_counter()
    out = apply_model(model, ((wav - mean) / std)[None], shifts=0, split=True, overlap=0.25)[0]
    elapsed = time.perf_counter() - started
    return (out * std + mean).numpy(), elapsed


@dataclass
class Platform:
    """NATS, the library and the separation service on embedded defaults, with a user and stubs."""

    store: LocalBlobStore
    lib: library_pb2_grpc.LibraryServiceStub
    sep: separation_pb2_grpc.SeparationServiceStub
    user: library_pb2.User

    async def add_track(self, key_suffix: str, sha256: str, put: Callable[[str], Awaitable[object]]) -> str:
        """A track of the user's whose source `put(key)` stores; returns its id."""
        track_id = str(uuid.uuid4())
        key = f"users/{self.user.id}/tracks/{track_id}/{key_suffix}"
        await put(key)
        track = library_pb2.Track(id=track_id, owner_id=self.user.id, sha256=sha256, source_key=key)
        await self.lib.CreateTrack(library_pb2.CreateTrackRequest(track=track))
        return track_id

    async def finished(self, job: jobs_pb2.Job, poll: float) -> jobs_pb2.Job:
        """`job` once it completed (polled every `poll` seconds)."""
        while job.status not in TERMINAL_STATUSES:
            await asyncio.sleep(poll)
            job = await self.lib.GetJob(library_pb2.GetJobRequest(owner_id=self.user.id, job_id=job.id))
        assert job.status == jobs_pb2.JOB_STATUS_COMPLETED, job.error
        return job


@contextlib.asynccontextmanager
async def separation_platform(repo: Path, tmp: Path, ack_wait: float) -> AsyncIterator[Platform]:
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
                ack_wait_seconds=ack_wait,
            )
        )
        lib_channel, sep_channel = open_channel(library.address), open_channel(separation.address)
        lib = library_pb2_grpc.LibraryServiceStub(lib_channel)
        try:
            user = await lib.CreateUser(
                library_pb2.CreateUserRequest(email="b@example.com", password="benchmarks!")
            )
            yield Platform(
                LocalBlobStore(tmp / "blobs"),
                lib,
                separation_pb2_grpc.SeparationServiceStub(sep_channel),
                user,
            )
        finally:
            await sep_channel.close()
            await lib_channel.close()
            await separation.stop(1.0)
            await library.stop(1.0)


def write_flac(path: Path, seconds: int) -> None:
    """`seconds` of music written a minute at a time: the file, not this process, is long."""
    with soundfile.SoundFile(path, "w", RATE, 2, subtype="PCM_16", format="FLAC") as out:
        for start in range(0, seconds, 60):
            out.write(music(min(60, seconds - start), seed=start))


async def platform_runs(
    repo: Path, data: bytes, pipeline: bool = False
) -> tuple[float, float, list[np.ndarray], list[str]]:
    """Seconds of the first job and of a repeated one (submit -> completed), and the first's stems.

    `pipeline`: Audio Pipeline jobs instead (outputs instead of stems; the repeat is skipped)."""
    with tempfile.TemporaryDirectory() as tmp_name:
        async with separation_platform(repo, Path(tmp_name), ack_wait=120) as platform:
            store, sep, user = platform.store, platform.sep, platform.user
            track_id = await platform.add_track(
                "source.wav", hashlib.sha256(data).hexdigest(), lambda key: store.put_bytes(key, data)
            )

            async def run() -> tuple[float, jobs_pb2.Job]:
                started = time.perf_counter()
                if pipeline:
                    job = await sep.StartPipeline(
                        separation_pb2.StartPipelineRequest(owner_id=user.id, track_id=track_id)
                    )
                else:
                    job = await sep.Separate(
                        separation_pb2.SeparateRequest(owner_id=user.id, track_id=track_id)
                    )
                job = await platform.finished(job, poll=0.02)
                return time.perf_counter() - started, job

            first_seconds, first = await run()
            if pipeline:
                return first_seconds, 0.0, [], [o.name for o in first.result.pipeline.outputs]
            again_seconds, again = await run()
            assert again.result.separation.reused
            stems, names = [], []
            for stem in first.result.separation.stems:
                body = b"".join([c async for c in store.get_stream(stem.object_key)])
                stems.append(soundfile.read(io.BytesIO(body), dtype="float32")[0].T)
                names.append(stem.name)
            return first_seconds, again_seconds, stems, names


def rss_child(seconds: int, repo: str) -> None:
    """In a fresh process: the Demucs engine on `seconds` of audio; prints peak RSS in MiB."""
    from soundforge.separation.demucs_engine import DemucsEngine
    from soundforge.separation.engine import StemRequest
    from soundforge.separation.model_store import ModelStore

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "long.flac"
        write_flac(source, seconds)
        (tmp / "stems").mkdir()
        engine = DemucsEngine(ModelStore(Path(repo), torch.device("cpu"), 1 << 30), threads=THREADS)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        asyncio.run(engine.separate(source, tmp / "stems", StemRequest(model="htdemucs"), lambda f, s: None))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"peak_mib": peak / 1024, "before_mib": before / 1024}))


def child_peak(seconds: int, repo: Path) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(seconds), str(repo)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["peak_mib"])


def main() -> None:
    torch.set_num_threads(THREADS)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        full = build_model_repo(tmp / "full", full=True, names=("htdemucs",))
        tiny = build_model_repo(tmp / "tiny", names=("htdemucs",))
        audio = music(JOB_SECONDS)
        data = wav_bytes(audio)
        decoded = soundfile.read(io.BytesIO(data), dtype="float32")[0]  # what the job decodes (16-bit)

        reference, baseline_seconds = one_shot(full, decoded)
        first, again, stems, names = asyncio.run(platform_runs(full, data))
        print(
            f"1. job through the platform / apply_model ({JOB_SECONDS} s, full-size htdemucs, "
            f"{THREADS} threads):"
        )
        print(
            f"   {first:.1f} s / {baseline_seconds:.1f} s = {first / baseline_seconds:.3f}   (goal <= 1.05)"
        )

        order = ["drums", "bass", "other", "vocals"]
        ours = np.stack([stems[names.index(n)] for n in order])
        residual = ours - reference
        db = 10 * np.log10(np.mean(residual**2) / np.mean(reference**2))
        print("3. stored stems vs one-shot apply_model (shifts=0), 24-bit files included:")
        print(f"   residual {db:.1f} dB relative to the stems   (goal <= -90 dB)")
        print("4. a repeated identical request (stems reused from the cache):")
        print(f"   {again:.2f} s until completed   (goal < 1 s)")

        short, long = child_peak(RSS_SHORT, tiny), child_peak(RSS_LONG, tiny)
        print(f"2. worker peak RSS, {RSS_LONG // 60} min / {RSS_SHORT // 60} min of audio (tiny htdemucs):")
        print(f"   {long:.0f} MiB / {short:.0f} MiB = {long / short:.3f}   (goal <= 1.1)")
        full_size = 4 * 2 * RSS_LONG * RATE * 4 / 2**20
        print(f"   (apply_model alone would hold {full_size:.0f} MiB of output for {RSS_LONG // 60} min)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--rss-child":
        rss_child(int(sys.argv[2]), sys.argv[3])
    else:
        main()
