"""Short-lived totals of large library listings: counting 100k rows costs more than the page itself.

Only totals of at least MIN_CACHED rows are kept (a small count is cheap, and must stay exact:
a creator's own listing, a rare search), for `ttl` seconds per replica; a total that large moves by
a few rows meanwhile, which pagination tolerates.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Hashable

MIN_CACHED = 1000
MAX_ENTRIES = 4096


class Totals:
    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl
        self._clock = clock
        self._entries: dict[Hashable, tuple[float, int]] = {}

    async def get(self, key: Hashable, count: Callable[[], Awaitable[int]]) -> int:
        now = self._clock()
        cached = self._entries.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        total = await count()
        if self._ttl > 0 and total >= MIN_CACHED:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[key] = (now + self._ttl, total)
        return total
