"""The local platform `make run` starts: every process, the ports it is given and its environment."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from soundforge.testing.ports import free_port

# gRPC services in start order: the library first, since the others wait for it.
GRPC_SERVICES = ("library", "ingest", "analysis", "separation", "generation")

# Stop order (ascending): the gateway stops taking requests, then the workers drain, then the
# library (which applies their last updates), and NATS only once nobody is connected to it.
STOP_GATEWAY, STOP_WORKERS, STOP_LIBRARY, STOP_NATS = range(4)


@dataclass(frozen=True)
class Ports:
    """Every port the platform listens on; tests pass 0s so they never meet a running `make run`."""

    http: int
    nats: int
    nats_monitor: int
    grpc: dict[str, int]
    metrics: dict[str, int]

    @classmethod
    def resolve(cls, http: int, nats: int, nats_monitor: int, grpc_base: int, metrics_base: int) -> Ports:
        """The ports as given; a 0 is a free port picked now (a base of 0: one for each service)."""

        def series(base: int) -> dict[str, int]:
            return {name: base + i if base else free_port() for i, name in enumerate(GRPC_SERVICES)}

        return cls(
            http=http or free_port(),
            nats=nats or free_port(),
            nats_monitor=nats_monitor or free_port(),
            grpc=series(grpc_base),
            metrics=series(metrics_base),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "http": self.http,
            "nats": self.nats,
            "nats_monitor": self.nats_monitor,
            "grpc": self.grpc,
            "metrics": self.metrics,
        }


@dataclass(frozen=True)
class ChildSpec:
    """How to start one process, the port that says it is up, and when it is stopped."""

    name: str
    argv: list[str]
    port: int
    stop_tier: int
    env: dict[str, str] = field(repr=False, default_factory=dict)


def local_platform(var: Path, ports: Ports, log_json: bool, environ: Mapping[str, str]) -> list[ChildSpec]:
    """nats-server, the gRPC services and the gateway on one machine, in start order.

    `log_json` is the format the supervisor chose (its children write to a pipe, never a terminal);
    a service-specific `<SVC>_LOG_JSON` in `environ` still wins for that service.
    """
    py = sys.executable
    var = var.resolve()
    blobs = f"file://{var / 'blobs'}"
    nats_url = f"nats://127.0.0.1:{ports.nats}"
    library_addr = f"127.0.0.1:{ports.grpc['library']}"
    base = {**environ, "PYTHONUNBUFFERED": "1"}
    base.setdefault("NUMBA_CACHE_DIR", str(var / "numba"))
    base.setdefault("SF_SCRATCH_DIR", str(var / "scratch"))
    log_format = "true" if log_json else "false"
    nats_argv = [str(Path(py).parent / "nats-server"), "-js", "-sd", str(var / "nats"), "-a", "127.0.0.1"]
    nats_argv += ["-p", str(ports.nats), "-m", str(ports.nats_monitor)]
    children = [ChildSpec("nats-server", nats_argv, ports.nats, STOP_NATS, base)]
    for name in GRPC_SERVICES:
        prefix = name.upper() + "_"
        env = {
            **base,
            prefix + "GRPC_PORT": str(ports.grpc[name]),
            prefix + "METRICS_PORT": str(ports.metrics[name]),
            prefix + "NATS_URL": nats_url,
            prefix + "BLOB_URL": blobs,
            prefix + "LIBRARY_ADDR": library_addr,
            prefix + "LOG_JSON": environ.get(prefix + "LOG_JSON", log_format),
        }
        if name == "library":
            env[prefix + "DATABASE_URL"] = f"sqlite+aiosqlite:///{var / 'soundforge.db'}"
        if name == "generation":  # each clip's spectrogram is drawn by the analysis service
            env[prefix + "ANALYSIS_ADDR"] = f"127.0.0.1:{ports.grpc['analysis']}"
        tier = STOP_LIBRARY if name == "library" else STOP_WORKERS
        children.append(ChildSpec(name, [py, "-m", f"soundforge.{name}"], ports.grpc[name], tier, env))
    gateway_env = {
        **base,
        "GATEWAY_HTTP_PORT": str(ports.http),
        "GATEWAY_NATS_URL": nats_url,
        "GATEWAY_BLOB_URL": blobs,
        "GATEWAY_LOG_JSON": environ.get("GATEWAY_LOG_JSON", log_format),
        **{f"GATEWAY_{name.upper()}_ADDR": f"127.0.0.1:{port}" for name, port in ports.grpc.items()},
    }
    children.append(
        ChildSpec("gateway", [py, "-m", "soundforge.gateway"], ports.http, STOP_GATEWAY, gateway_env)
    )
    return children
