"""One fetch from a durable pull consumer, as every fetch loop (workers, library consumers) does it."""

from __future__ import annotations

import asyncio
import logging
import time

from nats.aio.msg import Msg
from nats.js import JetStreamContext

log = logging.getLogger(__name__)

_TOO_SOON = 0.05  # seconds


async def fetch_or_back_off(
    sub: JetStreamContext.PullSubscription, batch: int, wait: float, durable: str
) -> list[Msg]:
    """Up to `batch` messages within `wait` seconds; [] when there are none, or (after a 1 s pause)
    when fetching failed.

    Never raises (but CancelledError): a fetch loop that dies stops its consumer for good. Besides
    nats.errors.TimeoutError (a subclass), nats-py lets a bare TimeoutError out of fetch() when the
    event loop was slow to run it; both mean "nothing yet".
    """
    started = time.monotonic()
    try:
        return await sub.fetch(batch, timeout=wait)
    except TimeoutError:
        if time.monotonic() - started < _TOO_SOON:
            # "Nothing" answered at once (a closing connection does that): a loop calling again at
            # once would flood NATS with pull requests, so it waits a little first.
            await asyncio.sleep(_TOO_SOON)
        return []
    except Exception as err:
        log.warning("fetch from %s failed: %s", durable, err or type(err).__name__)
        await asyncio.sleep(1.0)
        return []
