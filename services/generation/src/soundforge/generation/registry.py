"""The live generation workers, in the NATS KV bucket `generation_workers` (one key per worker).

A worker refreshes its record every `ttl / 3` seconds and whenever it changes; the bucket's TTL
removes the record of a worker that died, so `live()` is the set of workers that can take work.
"""

from __future__ import annotations

import json
import logging

import nats.errors
import nats.js.errors
from nats.js.kv import KeyValue

from soundforge.generation.workers import WorkerRecord

log = logging.getLogger(__name__)

BUCKET = "generation_workers"


class WorkerRegistry:
    def __init__(self, kv: KeyValue) -> None:
        self._kv = kv

    async def put(self, record: WorkerRecord) -> None:
        await self._kv.put(record.worker_id, json.dumps(record.to_json()).encode())

    async def remove(self, worker_id: str) -> None:
        try:
            await self._kv.purge(worker_id)
        except nats.errors.Error as err:
            log.warning("could not remove worker %s from the registry: %s", worker_id, err)

    async def live(self) -> list[WorkerRecord]:
        try:
            keys = await self._kv.keys()
        except nats.js.errors.NoKeysError:
            return []
        records = []
        for key in keys:
            try:
                entry = await self._kv.get(key)
            except nats.js.errors.KeyNotFoundError:
                continue  # expired or removed between keys() and get()
            if entry.value:
                records.append(WorkerRecord.from_json(json.loads(entry.value)))
        return sorted(records, key=lambda r: r.worker_id)
