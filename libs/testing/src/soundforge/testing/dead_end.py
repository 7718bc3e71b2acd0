"""A backend that is down but not gone: a port that accepts connections, then drops them or stays silent."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class DeadEnd:
    """Where it listens, and how many connections clients have opened to it so far."""

    port: int
    connections: int = 0
    _held: list[socket.socket] = field(default_factory=list, repr=False)


@contextmanager
def dead_end(*, drop: bool) -> Iterator[DeadEnd]:
    """`drop=True`: every connection is closed at once (a crashing proxy); False: accepted and
    never answered (a hung server), so only the client's own time limit ends the wait."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)  # so the accept loop sees `stop` soon after the test is done
    end = DeadEnd(port=int(listener.getsockname()[1]))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            end.connections += 1
            if drop:
                conn.close()
            else:
                end._held.append(conn)

    thread = threading.Thread(target=serve, name="dead-end", daemon=True)
    thread.start()
    try:
        yield end
    finally:
        stop.set()
        thread.join()
        listener.close()
        for conn in end._held:
            conn.close()
