"""The queue rule: class order, FIFO within a class, aging, loaded-model preference within limits."""

from __future__ import annotations

from soundforge.generation.scheduling import (
    ADMIN,
    FREE,
    PREMIUM,
    STANDARD,
    QueuePolicy,
    Waiting,
    WorkerView,
    choose,
    order,
    overrun,
    plan,
)

POLICY = QueuePolicy({FREE: 300.0, STANDARD: 120.0, PREMIUM: 60.0, ADMIN: 30.0})


def ten_seconds(job: Waiting) -> float:
    return 10.0


def job(job_id: str, rank: int, at: float, model: str = "music", duration: float = 8.0) -> Waiting:
    return Waiting(job_id, rank, at, model, duration)


def test_classes_in_order_and_first_come_first_served_within_one() -> None:
    jobs = [job("f1", FREE, 0), job("s1", STANDARD, 1), job("a1", ADMIN, 2), job("p1", PREMIUM, 3)]
    jobs += [job("s2", STANDARD, 4), job("f2", FREE, 5), job("a2", ADMIN, 6)]
    assert [j.job_id for j in order(jobs, 10, POLICY)] == ["a1", "a2", "p1", "s1", "s2", "f1", "f2"]


def test_a_job_past_its_class_limit_is_overdue_and_goes_before_every_job_that_is_not() -> None:
    old_free = job("old-free", FREE, 0)
    assert not POLICY.overdue(old_free, 299)
    assert POLICY.overdue(old_free, 300)
    standard = job("standard", STANDARD, 250)
    fresh = [standard, job("premium", PREMIUM, 305), job("admin", ADMIN, 309)]
    # Before its limit the free job is last; past it, it goes before fresh jobs of every class
    # (at least "as if of the class above", without climbing one limit per class).
    assert [j.job_id for j in order([*fresh, old_free], 299, POLICY)][-1] == "old-free"
    assert [j.job_id for j in order([*fresh, old_free], 310, POLICY)] == [
        "old-free",
        "admin",
        "premium",
        "standard",
    ]


def test_an_overdue_free_job_starts_before_a_fresh_premium_job() -> None:
    overdue_free = job("free", FREE, 0)
    fresh_premium = job("premium", PREMIUM, 301)
    assert (
        choose([fresh_premium, overdue_free], 301, frozenset({"music"}), POLICY, ten_seconds) == overdue_free
    )


def test_overdue_jobs_go_earliest_deadline_first_whatever_their_class() -> None:
    # Deadlines: free 0 + 300 = 300, admin 275 + 30 = 305, standard 190 + 120 = 310, premium 252 + 60 = 312.
    jobs = [
        job("premium", PREMIUM, 252),
        job("standard", STANDARD, 190),
        job("admin", ADMIN, 275),
        job("free", FREE, 0),
    ]
    assert [j.job_id for j in order(jobs, 320, POLICY)] == ["free", "admin", "standard", "premium"]
    # At 306 the premium job is not overdue yet: it comes after the overdue ones.
    assert [j.job_id for j in order(jobs, 306, POLICY)] == ["free", "admin", "premium", "standard"]


def test_a_loaded_model_is_preferred_within_the_class_while_no_one_passed_over_misses_a_limit() -> None:
    audio_first = job("audio", STANDARD, 0, model="audio")
    music_later = job("music", STANDARD, 5, model="music")
    loaded = frozenset({"music"})
    assert choose([audio_first, music_later], 10, loaded, POLICY, ten_seconds) == music_later
    # The passed-over job would start at 125 s + 10 s, after its 120 s limit: no preference.
    assert choose([audio_first, music_later], 115, loaded, POLICY, ten_seconds) == audio_first
    # Never across classes: an admin job for another model goes first.
    admin_audio = job("admin", ADMIN, 8, model="audio")
    assert choose([admin_audio, music_later], 10, loaded, POLICY, ten_seconds) == admin_audio
    assert choose([], 10, loaded, POLICY, ten_seconds) is None


def test_the_loaded_model_never_makes_an_overdue_job_wait() -> None:
    loaded = frozenset({"music"})
    overdue_audio = job("audio", STANDARD, 0, model="audio")  # overdue from 120 s
    music = job("music", STANDARD, 100, model="music")
    assert choose([overdue_audio, music], 105, loaded, POLICY, ten_seconds) == music  # audio starts by 120
    assert choose([overdue_audio, music], 120, loaded, POLICY, ten_seconds) == overdue_audio
    # Nor does an overdue job for the loaded model jump an overdue one with an earlier deadline.
    overdue_music = job("music-late", STANDARD, 5, model="music")
    assert choose([overdue_music, overdue_audio], 130, loaded, POLICY, ten_seconds) == overdue_audio


def test_the_plan_is_the_rule_run_forward_over_the_workers() -> None:
    jobs = [
        job("f1", FREE, 0),
        job("p1", PREMIUM, 1, model="audio"),
        job("s1", STANDARD, 2),
        job("a1", ADMIN, 3),
    ]
    one = plan(jobs, [WorkerView("w1", free_at=50, loaded=frozenset({"music"}))], 20, POLICY, ten_seconds)
    assert [(p.job.job_id, p.position, p.starts_at) for p in one] == [
        ("a1", 1, 50),
        ("p1", 2, 60),
        ("s1", 3, 70),
        ("f1", 4, 80),
    ]
    two = plan(jobs, [WorkerView("w1", 50), WorkerView("w2", 20)], 20, POLICY, ten_seconds)
    assert [(p.job.job_id, p.starts_at, p.worker_id) for p in two] == [
        ("a1", 20, "w2"),
        ("p1", 30, "w2"),
        ("s1", 40, "w2"),
        ("f1", 50, "w1"),
    ]
    # No live worker: one is assumed, free now.
    assert [p.starts_at for p in plan(jobs, [], 20, POLICY, ten_seconds)] == [20, 30, 40, 50]


def test_aging_during_the_plan_changes_the_order_as_it_will_in_time() -> None:
    # A free job 15 s from its limit, behind a long standard and admin backlog: after one admin
    # job its limit would pass during the next run, so it goes next, before the other admin job.
    jobs = [job("free", FREE, -285)] + [job(f"s{i}", STANDARD, i) for i in range(3)]
    jobs += [job(f"a{i}", ADMIN, i - 2) for i in range(2)]
    planned = [p.job.job_id for p in plan(jobs, [WorkerView("w", 0)], 0, POLICY, ten_seconds)]
    assert planned == ["a0", "free", "a1", "s0", "s1", "s2"]


def test_a_job_whose_limit_would_pass_during_the_next_run_goes_first() -> None:
    # 5 s from its limit: waiting for a 10 s admin job would start it 5 s late.
    jobs = [job("free", FREE, -295), job("admin", ADMIN, 0)]
    assert choose(jobs, 0, frozenset(), POLICY, ten_seconds) == jobs[0]
    # 15 s from it, the admin job goes first and the free job still starts in time.
    jobs = [job("free", FREE, -285), job("admin", ADMIN, 0)]
    assert choose(jobs, 0, frozenset(), POLICY, ten_seconds) == jobs[1]


def test_jobs_already_handed_to_the_workers_start_first_in_their_order() -> None:
    handed = [job("released-free", FREE, 9)]
    waiting = [job("admin", ADMIN, 10)]
    planned = plan(waiting, [WorkerView("w", 0)], 0, POLICY, ten_seconds, first=handed)
    assert [(p.job.job_id, p.position, p.starts_at) for p in planned] == [
        ("released-free", 1, 0),
        ("admin", 2, 10),
    ]


def its_duration(job: Waiting) -> float:
    return job.duration


def admitting(new: Waiting, waiting: list[Waiting], now: float = 0.0, reserved: float = 0.0) -> float:
    """`overrun` of `new` joining `waiting` on one worker free at `now`."""
    worker = [WorkerView("w", now)]
    before = plan(waiting, worker, now, POLICY, its_duration)
    after = plan([*waiting, new], worker, now, POLICY, its_duration)
    return overrun(before, after, new, POLICY, its_duration, reserved)


def test_admission_refuses_a_job_that_would_start_past_its_limit() -> None:
    backlog = [job(f"f{i}", FREE, 0.0, duration=10.0) for i in range(30)]  # 300 s of free work
    # A 31st free job starts at 300, its deadline (limit 300 s): admitted. A 32nd would start at
    # 310: 10 s late.
    assert admitting(job("new", FREE, 0.0, duration=10.0), backlog) == 0.0
    more = job("g0", FREE, 0.0, duration=10.0)
    assert admitting(job("new", FREE, 0.0, duration=10.0), [*backlog, more]) == 10.0
    # A higher class is not behind the free backlog, and pushes no free job past its deadline by
    # more than its own run: admitted.
    assert admitting(job("admin", ADMIN, 0.0, duration=10.0), backlog) == 0.0


def test_admission_refuses_a_job_that_would_push_a_waiting_one_too_far_past_its_limit() -> None:
    # Four free jobs of 5 s due at 12: the last starts at 15, 3 s late -- the load's doing, not a
    # new job's, so a free job queued after them is admitted.
    due = [job(f"f{i}", FREE, -288.0, duration=5.0) for i in range(4)]
    assert admitting(job("late-free", FREE, 0.0, duration=5.0), due) == 0.0
    # A 10 s admin job would run first (none is due within its run) and push the last to 25:
    # 13 s late, 3 s more than the admin job's own run allows.
    assert admitting(job("admin", ADMIN, 0.0, duration=10.0), due) == 3.0


def test_admission_keeps_room_for_the_work_the_classes_above_bring() -> None:
    backlog = [job(f"f{i}", FREE, 0.0, duration=10.0) for i in range(5)]  # starts at 50 s
    new_free = job("new", FREE, 0.0, duration=10.0)
    # Classes above keeping half the worker busy bring 150 s more over its 300 s limit: 200 s.
    assert admitting(new_free, backlog, reserved=0.5) == 0.0
    # Keeping it 90% busy they bring 270 s: 320 s, 20 s past its limit.
    assert admitting(new_free, backlog, reserved=0.9) == 20.0
