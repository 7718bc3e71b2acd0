"""`make run`: nats-server and every service as local processes on embedded defaults, kept alive."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from soundforge.testing.ports import wait_for_port


@dataclass
class Process:
    """One supervised child: restarted with exponential backoff when it dies, as Kubernetes would."""

    name: str
    argv: list[str]
    env: dict[str, str]
    port: int
    proc: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restarts: int = 0
    next_start: float = 0.0
    backoff: float = field(default=1.0)

    def start(self) -> None:
        self.proc = subprocess.Popen(self.argv, env=self.env)
        self.started_at = time.monotonic()

    def poll(self, now: float) -> None:
        if self.proc is None:
            if now >= self.next_start:
                print(f"[supervisor] restarting {self.name} (restart #{self.restarts})", flush=True)
                self.start()
            return
        code = self.proc.poll()
        if code is None:
            if now - self.started_at > 60:
                self.backoff = 1.0  # stable for a minute: forget earlier crashes
            return
        self.proc = None
        self.restarts += 1
        self.next_start = now + self.backoff
        print(f"[supervisor] {self.name} exited with {code}; restart in {self.backoff:.0f}s", flush=True)
        self.backoff = min(self.backoff * 2, 60.0)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def wait(self, timeout: float) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def build_processes(
    var: Path, http_port: int, nats_port: int, grpc_base: int = 50051, metrics_base: int = 9100
) -> list[Process]:
    """The whole platform on one machine: ports, env prefixes and state dirs for every process."""
    py = sys.executable
    bin_dir = Path(py).parent
    nats_bin = bin_dir / "nats-server"
    blobs = f"file://{(var / 'blobs').resolve()}"
    db = f"sqlite+aiosqlite:///{(var / 'soundforge.db').resolve()}"
    nats_url = f"nats://127.0.0.1:{nats_port}"
    grpc_ports = {
        "library": 50051,
        "ingest": 50052,
        "analysis": 50053,
        "separation": 50054,
        "generation": 50055,
    }
    metrics_ports = {name: 9100 + i for i, name in enumerate(grpc_ports)}
    base = dict(os.environ)
    base.setdefault("NUMBA_CACHE_DIR", str((var / "numba").resolve()))
    processes = [
        Process(
            "nats-server",
            [str(nats_bin), "-js", "-sd", str(var / "nats"), "-a", "127.0.0.1", "-p", str(nats_port)],
            base,
            nats_port,
        )
    ]
    for name, port in grpc_ports.items():
        prefix = name.upper() + "_"
        env = {
            **base,
            prefix + "GRPC_PORT": str(port),
            prefix + "METRICS_PORT": str(metrics_ports[name]),
            prefix + "NATS_URL": nats_url,
            prefix + "BLOB_URL": blobs,
            prefix + "LIBRARY_ADDR": f"127.0.0.1:{grpc_ports['library']}",
        }
        if name == "library":
            env[prefix + "DATABASE_URL"] = db
        processes.append(Process(name, [py, "-m", f"soundforge.{name}"], env, port))
    gateway_env = {
        **base,
        "GATEWAY_HTTP_PORT": str(http_port),
        "GATEWAY_NATS_URL": nats_url,
        "GATEWAY_BLOB_URL": blobs,
        **{f"GATEWAY_{n.upper()}_ADDR": f"127.0.0.1:{p}" for n, p in grpc_ports.items()},
    }
    processes.append(Process("gateway", [py, "-m", "soundforge.gateway"], gateway_env, http_port))
    return processes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--var", default="var", help="state directory (SQLite, blobs, NATS store)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("GATEWAY_HTTP_PORT", "4000")))
    parser.add_argument("--nats-port", type=int, default=4222)
    parser.add_argument("--grpc-base-port", type=int, default=50051, help="library; the others follow")
    parser.add_argument("--metrics-base-port", type=int, default=9100)
    args = parser.parse_args()
    var = Path(args.var)
    for sub in ("blobs", "nats", "numba"):
        (var / sub).mkdir(parents=True, exist_ok=True)
    processes = build_processes(var, args.port, args.nats_port, args.grpc_base_port, args.metrics_base_port)

    stopping = False

    def request_stop(_sig: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    for proc in processes:  # in dependency order: NATS, library, workers, gateway
        proc.start()
        try:
            wait_for_port(proc.port, timeout=120)
        except TimeoutError:
            print(f"[supervisor] {proc.name} did not open port {proc.port}; continuing", flush=True)
        if stopping:
            break
    if not stopping:
        print(f"\nSound Forge Alchemy is up: http://127.0.0.1:{args.port}  (docs: /docs)", flush=True)
        print("Ctrl-C stops everything.\n", flush=True)
    while not stopping:
        now = time.monotonic()
        for proc in processes:
            proc.poll(now)
        time.sleep(0.5)
    print("[supervisor] stopping...", flush=True)
    for proc in reversed(processes):
        proc.stop()
        proc.wait(timeout=15)


if __name__ == "__main__":
    main()
