"""Periodic chores keep running through failures and stop with their process."""

from __future__ import annotations

import asyncio

import pytest

from soundforge.runtime.periodic import Periodic


async def test_a_failing_chore_is_tried_again_and_stop_ends_it() -> None:
    calls = 0
    third = asyncio.Event()

    async def chore() -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            third.set()
        if calls % 2:
            raise RuntimeError("transient")

    periodic = Periodic("test-chore", 0.01, chore)
    periodic.start()
    await asyncio.wait_for(third.wait(), timeout=5)
    await periodic.stop()

    assert calls >= 3
    # Its task is gone, so no later tick can call the chore again.
    assert not [task for task in asyncio.all_tasks() if task.get_name() == "test-chore"]


def test_interval_must_be_positive() -> None:
    async def chore() -> None:
        return None

    with pytest.raises(ValueError, match="interval"):
        Periodic("bad", 0, chore)
