"""The lalal.ai task registry against a real nats-server: listings are exact and owner-scoped."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from soundforge.events import EventBus
from soundforge.separation.lalalai_tasks import BUCKET, TaskRegistry

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bus(nats_url: str) -> AsyncIterator[EventBus]:
    connected = await EventBus.connect(nats_url, "lalalai-tasks-tests")
    yield connected
    await connected.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def registry(bus: EventBus) -> TaskRegistry:
    return TaskRegistry(await bus.key_value(BUCKET, ttl_seconds=600), bus.js)


def new_owner() -> str:
    return uuid.uuid4().hex


async def test_a_task_registered_just_before_a_listing_is_always_in_it(registry: TaskRegistry) -> None:
    # A KV watch could end its listing before an entry still in flight (CI saw cancel-all find nothing).
    async def register_then_list() -> dict[str, str]:
        owner = new_owner()
        await registry.add(owner, "task", "job")
        return await registry.tasks_of(owner)

    for _ in range(20):
        listings = await asyncio.gather(*(register_then_list() for _ in range(25)))
        assert all(listing == {"task": "job"} for listing in listings)


async def test_a_listing_holds_every_task_of_the_owner_and_no_one_elses(registry: TaskRegistry) -> None:
    owner, other = new_owner(), new_owner()
    await registry.add(owner, "t1", "j1")
    await registry.add(owner, "t2", "j2")
    await registry.add(f"{owner}x", "t3", "j3")  # an owner id that only starts like this one
    await registry.add(other, "t4", "j4")

    assert await registry.tasks_of(owner) == {"t1": "j1", "t2": "j2"}
    assert await registry.tasks_of(other) == {"t4": "j4"}
    assert await registry.tasks_of(new_owner()) == {}


async def test_removed_and_purged_tasks_are_not_listed(registry: TaskRegistry) -> None:
    owner = new_owner()
    for task in ("kept", "removed", "purged"):
        await registry.add(owner, task, f"job-{task}")
    await registry.remove(owner, "removed")
    await registry.kv.purge(f"{owner}.purged")

    assert await registry.tasks_of(owner) == {"kept": "job-kept"}
    assert await registry.job_of(owner, "removed") is None
    assert await registry.job_of(owner, "kept") == "job-kept"


async def test_a_task_registered_again_lists_its_latest_job(registry: TaskRegistry) -> None:
    owner = new_owner()
    await registry.add(owner, "task", "first")
    await registry.remove(owner, "task")
    await registry.add(owner, "task", "second")

    assert await registry.tasks_of(owner) == {"task": "second"}


async def test_listing_leaves_no_consumer_on_the_bucket(registry: TaskRegistry, bus: EventBus) -> None:
    owner = new_owner()
    await registry.add(owner, "task", "job")
    for _ in range(5):
        await registry.tasks_of(owner)

    assert (await bus.js.stream_info(f"KV_{BUCKET}")).state.consumer_count == 0


async def test_unusable_owner_ids_list_nothing(registry: TaskRegistry) -> None:
    assert await registry.tasks_of("a.b") == {}
    assert await registry.tasks_of("*") == {}
    assert await registry.tasks_of("") == {}
