"""The registry's local copy of the live workers follows the bucket: writes, removals, expiry."""

from __future__ import annotations

import time
import uuid

import pytest

from soundforge.events import EventBus
from soundforge.generation.registry import WorkerRegistry
from soundforge.generation.workers import WorkerRecord
from soundforge.testing.waiting import eventually

pytestmark = pytest.mark.asyncio(loop_scope="function")

TTL = 30.0


async def test_live_follows_puts_and_removals_and_drops_what_the_ttl_expired(nats_url: str) -> None:
    bus = await EventBus.connect(nats_url, "registry-test")
    bucket = f"registry_{uuid.uuid4().hex[:8]}"
    kv = await bus.key_value(bucket, TTL)
    shift = [0.0]  # how far the copy's clock runs ahead of the servers'
    early = WorkerRegistry(kv, TTL)
    try:
        await early.put(WorkerRecord("already-there", time.time()))
        # A copy started later begins with what the bucket holds, and then follows it.
        registry = WorkerRegistry(kv, TTL, clock=lambda: time.time() + shift[0])
        await registry.watch()
        try:
            assert [r.worker_id for r in await registry.live()] == ["already-there"]
            await early.put(WorkerRecord("b", time.time(), loaded=("music",)))

            async def ids() -> list[str]:
                return [r.worker_id for r in await registry.live()]

            await eventually(ids, lambda found: found == ["already-there", "b"], what="b seen")
            assert (await registry.live())[1].loaded == ("music",)
            await early.remove("already-there")
            await eventually(ids, lambda found: found == ["b"], what="removal seen")
            # Past the TTL since its last write the bucket has dropped a record, whether or not
            # the server told its watchers: so has the copy.
            shift[0] = TTL + 1
            assert await registry.live() == []
        finally:
            await registry.stop()
    finally:
        await bus.js.delete_key_value(bucket)
        await bus.close()
