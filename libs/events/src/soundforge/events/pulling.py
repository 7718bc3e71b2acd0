"""One fetch from a durable pull consumer, as every fetch loop (workers, library consumers) does it."""

from __future__ import annotations

import asyncio
import logging

from nats.aio.msg import Msg
from nats.js import JetStreamContext

log = logging.getLogger(__name__)


async def fetch_or_back_off(
    sub: JetStreamContext.PullSubscription, batch: int, wait: float, durable: str
) -> list[Msg]:
    """Up to `batch` messages within `wait` seconds; [] when there are none, or (after a 1 s pause)
    when fetching failed.

    Never raises (but CancelledError): a fetch loop that dies stops its consumer for good. Besides
    nats.errors.TimeoutError (a subclass), nats-py lets a bare TimeoutError out of fetch() when the
    event loop was slow to run it; both mean "nothing yet".
    """
    try:
        return await sub.fetch(batch, timeout=wait)
    except TimeoutError:
        return []
    except Exception as err:
        log.warning("fetch from %s failed: %s", durable, err or type(err).__name__)
        await asyncio.sleep(1.0)
        return []
