"""When the live workers will be free, from the job each one runs and the measured speeds."""

from __future__ import annotations

from soundforge.generation.workers import RunningJob, Speeds, WorkerRecord, worker_views

NOW = 1000.0


def record(worker_id: str, running: RunningJob | None = None) -> WorkerRecord:
    return WorkerRecord(worker_id, NOW, loaded=("music",), running=running, speeds={"music": 0.5})


def test_a_worker_is_free_when_its_job_is_estimated_to_end_and_an_idle_one_now() -> None:
    speeds = Speeds([record("w1")], default_seconds_per_second=2.0, overhead=1.0)
    # 8 s of music at a measured 0.5 s per second, plus 1 s of overhead: 5 s, 2 s of it gone.
    running = RunningJob("job", "music", 8.0, started_at=NOW - 2.0)
    views = worker_views([record("w1", running), record("w2")], speeds, NOW)
    assert [(v.worker_id, v.free_at) for v in views] == [("w1", NOW + 3.0), ("w2", NOW)]
    assert views[0].loaded == frozenset({"music"})


def test_a_job_past_its_estimate_still_holds_its_worker_for_the_overhead() -> None:
    speeds = Speeds([record("w1")], default_seconds_per_second=2.0, overhead=1.0)
    overrun = RunningJob("job", "music", 8.0, started_at=NOW - 60.0)
    assert worker_views([record("w1", overrun)], speeds, NOW)[0].free_at == NOW + 1.0
    # Unmeasured models take the default speed: 1 + 2 * 8 = 17 s, 10 s of it gone.
    unmeasured = RunningJob("job", "audio", 8.0, started_at=NOW - 10.0)
    assert worker_views([record("w1", unmeasured)], speeds, NOW)[0].free_at == NOW + 7.0
