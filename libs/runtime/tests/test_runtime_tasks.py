"""cancel_task ends a loop even when Python 3.11's wait_for lost the cancellation."""

from __future__ import annotations

import asyncio
import sys

from soundforge.runtime.tasks import cancel_task

LOSES_CANCELS = sys.version_info < (3, 12)  # bpo-42130: wait_for's race, fixed by 3.12's rewrite


async def ticker_answered_as_it_is_cancelled() -> tuple[asyncio.Task[None], list[str]]:
    """A loop like a progress ticker, whose publish ack arrives in the step it is cancelled in."""
    answered: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    acks: list[str] = []

    async def ticker() -> None:
        acks.append(await asyncio.wait_for(answered, 10))
        while True:
            await asyncio.sleep(0.01)
            acks.append("tick")

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # the ticker now waits for its ack
    answered.set_result("ack")
    return task, acks


async def test_a_single_cancel_lost_in_wait_for_leaves_the_loop_running() -> None:
    """The premise: what hung a download job once its file had arrived."""
    task, acks = await ticker_answered_as_it_is_cancelled()
    task.cancel()
    await asyncio.wait({task}, timeout=0.2)
    assert task.done() is not LOSES_CANCELS
    if LOSES_CANCELS:
        assert acks[0] == "ack" and "tick" in acks  # it took its ack and went on ticking
    else:
        assert acks == []
    await cancel_task(task)


async def test_cancel_task_ends_the_loop_that_lost_its_cancel() -> None:
    task, acks = await ticker_answered_as_it_is_cancelled()
    async with asyncio.timeout(5):
        await cancel_task(task, again_after=0.05)
    assert task.cancelled()
    assert acks[:1] == (["ack"] if LOSES_CANCELS else [])


async def test_a_task_that_already_ended_or_failed_is_left_as_it_ended() -> None:
    async def fails() -> None:
        raise RuntimeError("already failed")

    failed = asyncio.create_task(fails())
    await asyncio.wait({failed})
    await cancel_task(failed)  # neither raises nor re-cancels
    assert isinstance(failed.exception(), RuntimeError)
