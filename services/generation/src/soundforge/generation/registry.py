"""The live generation workers, in the NATS KV bucket `generation_workers` (one key per worker).

A worker refreshes its record every `ttl / 3` seconds and whenever it changes; the bucket's TTL
removes the record of a worker that died, so `live()` is the set of workers that can take work.

`live()` answers from a local copy that a watch on the bucket keeps current (started by `watch`):
every queue snapshot (each Generate, each feeder round) asks for it, and listing the bucket took an
ordered consumer's set-up and a get per key, ~10 ms, each time. The copy drops a record whose last
write is older than the TTL itself, as the bucket does: a server before 2.11 expires a key without
telling its watchers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from datetime import datetime

import nats.errors
import nats.js.errors
from nats.js.kv import KV_DEL, KV_PURGE, KeyValue

from soundforge.generation.workers import WorkerRecord
from soundforge.runtime.tasks import cancel_task

log = logging.getLogger(__name__)

BUCKET = "generation_workers"
SYNC_TIMEOUT_SECONDS = 10.0


class WorkerRegistry:
    def __init__(self, kv: KeyValue, ttl_seconds: float, clock: Callable[[], float] = time.time) -> None:
        self._kv = kv
        self._ttl = ttl_seconds
        self._clock = clock
        self._records: dict[str, tuple[float, WorkerRecord]] = {}  # key -> (written at, record)
        self._watcher: KeyValue.KeyWatcher | None = None
        self._following: asyncio.Task[None] | None = None

    async def put(self, record: WorkerRecord) -> None:
        await self._kv.put(record.worker_id, json.dumps(record.to_json()).encode())

    async def remove(self, worker_id: str) -> None:
        try:
            await self._kv.purge(worker_id)
        except nats.errors.Error as err:
            log.warning("could not remove worker %s from the registry: %s", worker_id, err)

    async def watch(self) -> None:
        """Starts keeping the local copy; returns once it holds what the bucket holds now."""
        self._watcher = await self._kv.watchall()
        synced = asyncio.Event()

        async def follow(watcher: KeyValue.KeyWatcher) -> None:
            async for entry in watcher:
                if entry is None:  # the watch's marker: everything already stored was delivered
                    synced.set()
                    continue
                self._apply(entry)

        self._following = asyncio.create_task(follow(self._watcher), name="generation-registry-watch")
        await asyncio.wait_for(synced.wait(), SYNC_TIMEOUT_SECONDS)

    async def stop(self) -> None:
        if self._following is not None:
            await cancel_task(self._following)
        if self._watcher is not None:
            with contextlib.suppress(nats.errors.Error):
                await self._watcher.stop()

    def _apply(self, entry: KeyValue.Entry) -> None:
        if entry.operation in (KV_DEL, KV_PURGE) or not entry.value:
            self._records.pop(entry.key, None)
            return
        try:
            record = WorkerRecord.from_json(json.loads(entry.value))
        except (ValueError, KeyError, TypeError) as err:
            log.warning("unreadable worker record %s ignored: %r", entry.key, err)
            return
        # The stream's time of the write (nats-py types it int; it is a datetime).
        created: object = entry.created
        written = created.timestamp() if isinstance(created, datetime) else self._clock()
        self._records[entry.key] = (written, record)

    async def live(self) -> list[WorkerRecord]:
        if self._following is None:
            raise RuntimeError("WorkerRegistry.watch() was not started")
        oldest = self._clock() - self._ttl
        return sorted(
            (r for written, r in self._records.values() if written > oldest), key=lambda r: r.worker_id
        )
