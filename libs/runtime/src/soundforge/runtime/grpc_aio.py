"""Keeps gRPC's asyncio stack up for the whole life of the process.

gRPC counts its asyncio channels and servers and shuts the stack down each time the count falls to
zero, joining its poller thread. That join can wait forever: the thread may be blocked writing to
a socket pair the event loop has stopped reading (grpc/grpc#40989). A CI run hung there for 300 s
on 2026-11-29, in the teardown of a test module that had closed the module's last server and
channel. One reference taken when the process starts keeps the count above zero, so the stack is
started once and never shut down mid-process; its poller is a daemon thread, which exit ends.
"""

from __future__ import annotations

from grpc.experimental import aio

_held = False


def hold_grpc_aio() -> None:
    """Takes the process's one extra reference (idempotent); call it from the main thread."""
    global _held
    if not _held:
        aio.init_grpc_aio()
        _held = True
