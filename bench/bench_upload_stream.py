"""Upload through the gateway vs a direct blob-store put: time ratio and peak memory per byte uploaded.

The gateway must stream multipart bodies into object storage without holding them; this prints
how much Python memory an upload costs relative to its size (goal: far below 1.0) and what the
HTTP + gRPC + sniff/probe path costs relative to writing the same bytes straight to storage.
Run: `make bench` (or .venv/bin/python bench/bench_upload_stream.py).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from platform_harness import running_platform
from soundforge.testing import servers
from soundforge.testing.audio import write

SIZE_SECONDS = 360  # 6 min of 44.1 kHz stereo 16-bit PCM, about 64 MiB
SR = 44100


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name, servers.nats_server() as nats_url:
        tmp = Path(tmp_name)
        rng = np.random.default_rng(1)
        noise = (rng.standard_normal((SIZE_SECONDS * SR, 2)) * 3000).astype(np.int16)
        pcm16 = write(tmp / "long.wav", noise, SR)
        del noise
        size = pcm16.stat().st_size
        async with running_platform(
            tmp, nats_url, database_url=f"sqlite+aiosqlite:///{tmp / 'db.sqlite'}", s3=None
        ) as platform:
            client = platform.client
            password = "benchmark password"
            await client.post("/users/register", json={"email": "bench@example.com", "password": password})
            r = await client.post("/users/log-in", json={"email": "bench@example.com", "password": password})
            csrf = r.json()["data"]["csrf_token"]
            r = await client.post("/api/keys", json={"name": "bench"}, headers={"X-CSRF-Token": csrf})
            auth = {"Authorization": f"Bearer {r.json()['data']['token']}"}
            client.cookies.clear()

            boundary = "benchboundary"
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.wav"\r\n'
                "Content-Type: audio/wav\r\n\r\n"
            ).encode()
            tail = f"\r\n--{boundary}--\r\n".encode()

            async def multipart() -> AsyncIterator[bytes]:
                yield head
                with pcm16.open("rb") as f:
                    while chunk := f.read(256 * 1024):
                        yield chunk
                yield tail

            tracemalloc.start()
            started = time.perf_counter()
            r = await client.post(
                "/api/tracks",
                content=multipart(),
                headers={**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"},
            )
            upload_seconds = time.perf_counter() - started
            _, upload_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            assert r.status_code == 201, r.text

            started = time.perf_counter()
            await platform.blobs.put_file("bench/direct.wav", pcm16, content_type="audio/wav")
            direct_seconds = time.perf_counter() - started

    mib = size / 2**20
    print(f"object: {mib:.1f} MiB of WAV")
    print(f"gateway upload: {upload_seconds:.2f} s ({mib / upload_seconds:.0f} MiB/s)")
    print(f"direct put_file: {direct_seconds:.2f} s ({mib / direct_seconds:.0f} MiB/s)")
    print(f"ratio upload/direct time: {upload_seconds / direct_seconds:.2f}")
    print(f"peak traced Python memory during upload: {upload_peak / 2**20:.1f} MiB")
    print(f"ratio peak memory / object size: {upload_peak / size:.3f}  (goal: well below 1)")


if __name__ == "__main__":
    asyncio.run(main())
