"""Rate-limit counters in a NATS KV bucket, incremented with compare-and-set so replicas never lose a hit."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import nats.errors
import nats.js.errors
from nats.js.kv import KeyValue

from soundforge.runtime.errors import Unavailable

RATE_LIMIT_BUCKET = "ratelimits"

# Only a burst of concurrent hits on one key loses the race; each retry re-reads the newest value.
MAX_ATTEMPTS = 50


class KeyValueCounters:
    """A CounterStore over a NATS KV bucket whose TTL expires finished windows on its own."""

    def __init__(self, open_bucket: Callable[[], Awaitable[KeyValue]]) -> None:
        self._open_bucket = open_bucket
        self._bucket: KeyValue | None = None
        self._lock = asyncio.Lock()

    async def increment(self, key: str) -> int:
        try:
            bucket = await self._kv()
            for _ in range(MAX_ATTEMPTS):
                count = await self._try_increment(bucket, key)
                if count is not None:
                    return count
        except (nats.errors.Error, TimeoutError) as err:
            raise Unavailable(f"rate-limit store unavailable: {type(err).__name__}") from err
        raise Unavailable("rate-limit counter contended; try again")

    async def _kv(self) -> KeyValue:
        # Opened on first use: create_app is synchronous, and the bucket may be created by any replica.
        if self._bucket is None:
            async with self._lock:
                if self._bucket is None:
                    self._bucket = await self._open_bucket()
        return self._bucket

    @staticmethod
    async def _try_increment(bucket: KeyValue, key: str) -> int | None:
        """The new count, or None when another replica wrote first and we must re-read."""
        try:
            entry = await bucket.get(key)
        except (nats.js.errors.KeyNotFoundError, nats.js.errors.KeyDeletedError):
            try:
                await bucket.create(key, b"1")
            except nats.js.errors.KeyWrongLastSequenceError:
                return None
            return 1
        count = int(entry.value or b"0") + 1
        try:
            await bucket.update(key, str(count).encode(), last=entry.revision)
        except nats.js.errors.KeyWrongLastSequenceError:
            return None
        return count
