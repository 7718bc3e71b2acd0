"""gRPC's asyncio stack, held, is started once and never shut down while the process lives.

Each check runs in a fresh interpreter: the test session itself holds the stack (the plugin's
`grpc_aio_held`), so only a new process shows what happens without the hold.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Serves and closes a server and channel three times, each on its own event loop, and prints which
# gRPC poller threads are alive after each (their ids; the poller runs `_poll_wrapper`).
CYCLES = """
import asyncio, json, sys, threading
import grpc
from soundforge.runtime.grpc_aio import hold_grpc_aio

if sys.argv[1] == "held":
    hold_grpc_aio()

async def cycle():
    server = grpc.aio.server()
    echo = grpc.unary_unary_rpc_method_handler(lambda request, context: request)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("t.T", {"Echo": echo}),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        assert await channel.unary_unary("/t.T/Echo")(b"ping", timeout=10) == b"ping"
    await server.stop(0)

alive = []
for _ in range(3):
    asyncio.run(cycle())
    alive.append([t.ident for t in threading.enumerate() if "_poll_wrapper" in t.name])
print(json.dumps(alive))
"""


def pollers_after_each_cycle(mode: str) -> list[list[int]]:
    done = subprocess.run(
        [sys.executable, "-c", CYCLES, mode], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    alive: list[list[int]] = json.loads(done.stdout)
    return alive


@pytest.mark.parametrize("mode", ["held", "not held"])
def test_a_held_stack_keeps_one_poller_for_the_process_and_an_unheld_one_shuts_down(mode: str) -> None:
    alive = pollers_after_each_cycle(mode)
    if mode == "held":
        assert len(alive[0]) == 1 and alive == [alive[0]] * 3
    else:
        # The shutdown this module prevents: the last channel and server gone, the poller joined.
        assert alive == [[], [], []]
