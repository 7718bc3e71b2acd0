"""What each live generation worker tells the others: loaded models, running job, measured speed.

Workers publish a `WorkerRecord` (NATS KV, `registry.py`) every few seconds and on every change;
a record that stops being refreshed expires, so the set of records is the set of live workers.
The queue views read it to plan (positions, waits), `/status` to report model states and the GPU.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from soundforge.generation.engine import DeviceStatus, ModelState, ModelStatus
from soundforge.generation.scheduling import Waiting, WorkerView

NO_DEVICE = DeviceStatus(name="", available=False, busy=False, memory_used_gb=0.0, memory_total_gb=0.0)


@dataclass(frozen=True)
class RunningJob:
    job_id: str
    model: str
    duration: float
    started_at: float


@dataclass(frozen=True)
class WorkerRecord:
    worker_id: str
    updated_at: float
    loaded: tuple[str, ...] = ()
    models: tuple[ModelStatus, ...] = ()
    device: DeviceStatus = NO_DEVICE
    running: RunningJob | None = None
    # Measured seconds of work per second of audio, by model (absent until the model has run).
    speeds: Mapping[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["models"] = [{"name": m.name, "state": m.state.value, "error": m.error} for m in self.models]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WorkerRecord:
        running = data.get("running")
        return cls(
            worker_id=str(data["worker_id"]),
            updated_at=float(data["updated_at"]),
            loaded=tuple(data.get("loaded", ())),
            models=tuple(
                ModelStatus(m["name"], ModelState(m["state"]), m.get("error", ""))
                for m in data.get("models", ())
            ),
            device=DeviceStatus(**data["device"]) if data.get("device") else NO_DEVICE,
            running=RunningJob(**running) if running else None,
            speeds={str(k): float(v) for k, v in dict(data.get("speeds", {})).items()},
        )


class Speeds:
    """Seconds a job will take: the live workers' measured speed for its model, else the default."""

    def __init__(
        self, records: Sequence[WorkerRecord], default_seconds_per_second: float, overhead: float
    ) -> None:
        measured: dict[str, list[float]] = {}
        for record in records:
            for model, speed in record.speeds.items():
                measured.setdefault(model, []).append(speed)
        self._speed = {model: sum(v) / len(v) for model, v in measured.items()}
        self._default = default_seconds_per_second
        self._overhead = overhead

    @property
    def overhead(self) -> float:
        return self._overhead

    def seconds(self, model: str, duration: float) -> float:
        return self._overhead + self._speed.get(model, self._default) * duration

    def __call__(self, job: Waiting) -> float:
        return self.seconds(job.model, job.duration)


def worker_views(records: Sequence[WorkerRecord], speeds: Speeds, now: float) -> list[WorkerView]:
    """Each live worker free at the estimated end of the job it runs (now, when idle).

    A job that has run past its estimate is still running: it has at least the per-job overhead
    (storing its audio, saving the result) ahead of it, so the jobs behind it never show a wait of
    0 while they cannot start (a slow CI run read 0.0 behind a job held past its estimate).
    """
    views = []
    for record in records:
        free_at = now
        if record.running is not None:
            run = record.running
            free_at = max(now + speeds.overhead, run.started_at + speeds.seconds(run.model, run.duration))
        views.append(WorkerView(record.worker_id, free_at, frozenset(record.loaded)))
    return views


def merged_model_states(records: Sequence[WorkerRecord], names: Sequence[str]) -> list[ModelStatus]:
    """One state per model over all workers: ready anywhere > loading > error > pending."""
    best = {ModelState.READY: 0, ModelState.LOADING: 1, ModelState.ERROR: 2, ModelState.PENDING: 3}
    merged = []
    for name in names:
        seen = [m for r in records for m in r.models if m.name == name]
        merged.append(
            min(seen, key=lambda m: best[m.state]) if seen else ModelStatus(name, ModelState.PENDING)
        )
    return merged
