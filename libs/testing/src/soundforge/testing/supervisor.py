"""`make run`: nats-server and every service as local processes, kept alive, stopped in order on Ctrl-C."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter

from soundforge.runtime.logging import wants_json
from soundforge.testing.console import Console
from soundforge.testing.platform_layout import ChildSpec, Ports, local_platform

START_TIMEOUT_SECONDS = 120.0  # a cold numba cache makes the analysis service slow to come up
STOP_TIMEOUT_SECONDS = 20.0  # per stop tier; the services drain within their 10 s grace
TICK_SECONDS = 0.1


@dataclass
class Child:
    """One supervised process: restarted with exponential backoff when it dies, as Kubernetes would."""

    spec: ChildSpec
    console: Console
    proc: subprocess.Popen[bytes] | None = None
    pids: list[int] = field(default_factory=list)
    restarts: int = 0
    started_at: float = 0.0
    next_start: float = 0.0
    backoff: float = 1.0
    reader: threading.Thread | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    def start(self) -> None:
        # Its own process group: a Ctrl-C at the terminal reaches only the supervisor, which then
        # stops the children in order instead of all of them (NATS included) at once.
        self.proc = subprocess.Popen(
            self.spec.argv,
            env=self.spec.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        self.pids.append(self.proc.pid)
        self.started_at = time.monotonic()
        assert self.proc.stdout is not None
        self.reader = threading.Thread(
            target=self._forward, args=(self.proc.stdout,), name=f"out-{self.name}", daemon=True
        )
        self.reader.start()
        self.console.say("supervisor", f"started {self.name}", pid=self.proc.pid, port=self.spec.port)

    def _forward(self, out: IO[bytes]) -> None:
        with out:
            for raw in iter(out.readline, b""):
                self.console.forward(self.name, raw.decode(errors="replace").rstrip("\r\n"))

    def exited(self) -> int | None:
        """The exit code once the process has ended (and its output is printed), else None."""
        if self.proc is None:
            return None
        code = self.proc.poll()
        if code is not None and self.reader is not None:
            self.reader.join(timeout=2)
        return code

    def signal(self, sig: signal.Signals) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)


class Supervisor:
    """Starts the children in order, restarts the ones that die, and reports it all in a state file.

    The state file (JSON, replaced atomically) names every port and every pid a child ever had, and
    the order children exited in: tests use it to find and check processes, never a scan of /proc.
    """

    def __init__(self, children: list[ChildSpec], ports: Ports, state_file: Path, console: Console) -> None:
        self.children = [Child(spec, console) for spec in children]
        self.ports = ports
        self.state_file = state_file
        self.console = console
        self.status = "starting"
        self.exits: list[dict[str, Any]] = []
        self.stop_requests = 0

    def request_stop(self, _sig: int, _frame: object) -> None:
        self.stop_requests += 1

    def run(self) -> None:
        self.write_state()
        for child in self.children:
            if self.stop_requests:
                break
            child.start()
            self.write_state()
            self.wait_until_listening(child)
        if not self.stop_requests:
            self.status = "up"
            self.write_state()
            url = f"http://127.0.0.1:{self.ports.http}"
            self.console.say(
                "supervisor", f"Sound Forge Alchemy is up: {url} (docs: {url}/docs); Ctrl-C stops"
            )
        while not self.stop_requests:
            self.keep_alive()
            time.sleep(TICK_SECONDS)
        self.stop()

    def wait_until_listening(self, child: Child) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self.stop_requests and child.exited() is None:
            with socket.socket() as sock:
                sock.settimeout(0.2)
                if sock.connect_ex(("127.0.0.1", child.spec.port)) == 0:
                    return
            if time.monotonic() > deadline:
                self.console.say(
                    "supervisor", f"{child.name} is not listening yet; going on", logging.WARNING
                )
                return
            time.sleep(TICK_SECONDS)

    def keep_alive(self) -> None:
        now = time.monotonic()
        for child in self.children:
            if child.proc is None:
                if now >= child.next_start:
                    child.restarts += 1
                    child.start()
                    self.write_state()
                continue
            code = child.exited()
            if code is None:
                if now - child.started_at > 60:
                    child.backoff = 1.0  # stable for a minute: forget earlier crashes
                continue
            self.record_exit(child, code)
            child.proc = None
            child.next_start = now + child.backoff
            self.console.say(
                "supervisor",
                f"{child.name} exited; restarting",
                logging.WARNING,
                code=code,
                delay=child.backoff,
            )
            child.backoff = min(child.backoff * 2, 60.0)
            self.write_state()

    def stop(self) -> None:
        """Stops tier by tier (gateway, workers, library, NATS), each only after the one before exited.

        A second Ctrl-C kills whatever is still running instead of waiting for it to drain.
        """
        self.status = "stopping"
        self.write_state()
        self.console.say("supervisor", "stopping (Ctrl-C again to kill)")
        for tier in sorted({child.spec.stop_tier for child in self.children}):
            group = [c for c in self.children if c.spec.stop_tier == tier and c.proc is not None]
            for child in group:
                child.signal(signal.SIGTERM)
            self.wait_for_exits(group)
        self.status = "stopped"
        self.write_state()
        self.console.say("supervisor", "stopped")

    def wait_for_exits(self, group: list[Child]) -> None:
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        running = list(group)
        while running:
            if self.stop_requests > 1 or time.monotonic() > deadline:
                for child in running:
                    child.signal(signal.SIGKILL)
            for child in list(running):
                code = child.exited()
                if code is not None:
                    self.record_exit(child, code)
                    running.remove(child)
                    child.proc = None
            self.write_state()
            if running:
                time.sleep(TICK_SECONDS / 2)

    def record_exit(self, child: Child, code: int) -> None:
        assert child.proc is not None
        self.exits.append({"name": child.name, "pid": child.proc.pid, "code": code, "during": self.status})

    def write_state(self) -> None:
        state = {
            "supervisor_pid": os.getpid(),
            "status": self.status,
            "gateway_url": f"http://127.0.0.1:{self.ports.http}",
            "ports": self.ports.as_dict(),
            "processes": {
                child.name: {
                    "pid": child.proc.pid if child.proc is not None else None,
                    "pids": child.pids,
                    "port": child.spec.port,
                    "restarts": child.restarts,
                }
                for child in self.children
            },
            "exits": self.exits,
        }
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        tmp.write_text(json.dumps(state, indent=2))
        os.replace(tmp, self.state_file)


def explicit_log_json(environ: dict[str, str]) -> bool | None:
    """`SF_LOG_JSON` when set (true/false as pydantic reads it), else None: the supervisor decides."""
    value = environ.get("SF_LOG_JSON", "").strip()
    return TypeAdapter(bool).validate_python(value) if value else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, epilog="A port of 0 picks a free one.")
    parser.add_argument("--var", default="var", help="state directory (SQLite, blobs, NATS store)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("GATEWAY_HTTP_PORT", "4000")))
    parser.add_argument("--nats-port", type=int, default=4222)
    parser.add_argument("--nats-monitor-port", type=int, default=8222)
    parser.add_argument("--grpc-base-port", type=int, default=50051, help="library; the others follow")
    parser.add_argument("--metrics-base-port", type=int, default=9100, help="library; the others follow")
    parser.add_argument(
        "--state-file", help="where pids and ports are reported (default: <var>/supervisor.json)"
    )
    args = parser.parse_args()
    var = Path(args.var)
    for sub in ("blobs", "nats", "numba"):
        (var / sub).mkdir(parents=True, exist_ok=True)
    # Decided once, here: the children write to pipes, so they cannot tell a person is watching.
    json_output = wants_json(explicit_log_json(dict(os.environ)))
    console = Console(json_output)
    ports = Ports.resolve(
        args.port, args.nats_port, args.nats_monitor_port, args.grpc_base_port, args.metrics_base_port
    )
    children = local_platform(var, ports, json_output, os.environ)
    state_file = Path(args.state_file) if args.state_file else var / "supervisor.json"
    supervisor = Supervisor(children, ports, state_file, console)
    # SIGHUP: the terminal was closed, which is a request to stop like any other.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, supervisor.request_stop)
    supervisor.run()


if __name__ == "__main__":
    main()
