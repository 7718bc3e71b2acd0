"""The render cache stays within its disk budget and keeps what was used last; a training draw's
arrays are kept under a digest of what they came from."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from soundforge.testing import render_files


def put(folder: Path, name: str, size: int, age: float) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    os.utime(path, (1e9 - age, 1e9 - age))
    return path


def test_a_cache_within_its_budget_is_left_whole(tmp_path: Path) -> None:
    for i in range(5):
        put(tmp_path, f"{i}.wav", 100, age=i)
    assert render_files.trim(tmp_path, budget=500) == 0
    assert len(list(tmp_path.iterdir())) == 5


def test_a_trim_removes_the_least_recently_used_down_to_its_share_of_the_budget(tmp_path: Path) -> None:
    # Ten files of 100 bytes over a 500-byte budget: the six oldest go, 400 bytes (TRIM_TO) stay.
    for i in range(10):
        put(tmp_path, f"produced/{i}.npy" if i % 2 else f"{i}.wav", 100, age=i)
    assert render_files.trim(tmp_path, budget=500) == 6
    kept = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert kept == ["0.wav", "1.npy", "2.wav", "3.npy"]


def test_a_hit_marks_a_file_used_so_a_trim_keeps_it(tmp_path: Path) -> None:
    old = put(tmp_path, "old.wav", 100, age=1000)
    for i in range(4):
        put(tmp_path, f"{i}.wav", 100, age=i)
    assert render_files.cached(old)
    assert not render_files.cached(tmp_path / "missing.wav")
    render_files.trim(tmp_path, budget=450)
    assert old.exists() and not (tmp_path / "3.wav").exists()


def test_storing_trims_at_the_first_store_of_a_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE_GB", str(250e-9))
    monkeypatch.setattr(render_files, "_stores", 0)
    for i in range(4):
        put(tmp_path, f"{i}.wav", 100, age=10 + i)
    partial = tmp_path / "new.partial"
    partial.write_bytes(b"\0" * 100)
    render_files.store(partial, tmp_path / "new.wav")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.wav", render_files.BUDGET_FILE, "new.wav"]


def test_the_budget_given_is_the_folders_for_processes_not_given_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long scan given 45 GB, and beside it a test run given nothing: the test run keeps to the
    # scan's budget, not the default, and its trim never removes the budget itself.
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    monkeypatch.delenv("SOUNDFORGE_MIDI_CACHE_GB", raising=False)
    assert render_files.budget_bytes() == render_files.DEFAULT_BUDGET_GB * 1e9
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE_GB", "45")
    assert render_files.budget_bytes() == 45e9
    monkeypatch.delenv("SOUNDFORGE_MIDI_CACHE_GB")
    assert render_files.budget_bytes() == 45e9
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE_GB", str(150e-9))  # given again, smaller: it holds
    render_files.budget_bytes()
    monkeypatch.delenv("SOUNDFORGE_MIDI_CACHE_GB")
    for i in range(3):
        put(tmp_path, f"{i}.wav", 100, age=i)
    assert render_files.trim(tmp_path, render_files.budget_bytes()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.wav", render_files.BUDGET_FILE]


def test_kept_arrays_are_computed_once_per_source_and_read_back_equal(tmp_path: Path) -> None:
    calls: list[int] = []

    def compute(scale: float) -> dict[str, np.ndarray]:
        calls.append(1)
        return {"features": np.arange(6.0).reshape(2, 3) * scale, "lengths": np.array([1, 1])}

    path = tmp_path / "tune-1-0.npz"
    first = render_files.kept_arrays(path, ("clips", 1), lambda: compute(1.0))
    again = render_files.kept_arrays(path, ("clips", 1), lambda: compute(5.0))
    assert len(calls) == 1  # read back, not computed again
    assert set(again) == {"features", "lengths"}
    np.testing.assert_array_equal(again["features"], first["features"])
    # Other clips under the same name: computed again, and what is kept is theirs.
    changed = render_files.kept_arrays(path, ("clips", 2), lambda: compute(5.0))
    assert len(calls) == 2
    np.testing.assert_array_equal(changed["features"], np.arange(6.0).reshape(2, 3) * 5.0)
    assert [p.name for p in tmp_path.iterdir()] == ["tune-1-0.npz"]  # no partial file left
