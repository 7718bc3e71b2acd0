"""`eventually`: the value once it is what the test wants, else a failure naming the last one seen."""

from __future__ import annotations

import pytest

from soundforge.testing.waiting import eventually, eventually_sync


async def test_returns_the_first_value_that_satisfies() -> None:
    values = iter([1, 2, 3, 4])

    async def probe() -> int:
        return next(values)

    assert await eventually(probe, lambda n: n >= 3, interval=0) == 3


async def test_fails_with_what_and_the_last_value() -> None:
    async def probe() -> str:
        return "queued"

    with pytest.raises(AssertionError, match=r"job done: still not so after 0.01s \(last seen: 'queued'\)"):
        await eventually(probe, lambda s: s == "done", within=0.01, what="job done", interval=0)


def test_the_sync_form_waits_for_a_truthy_value() -> None:
    values = iter([None, None, "up"])
    assert eventually_sync(lambda: next(values), interval=0) == "up"
