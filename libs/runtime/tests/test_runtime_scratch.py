"""A worker's scratch folder: its own while it lives, removed by the next claim once it is dead."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from soundforge.runtime import scratch

HOLD = """
import sys, time
from soundforge.runtime import scratch
claimed = scratch.claim(sys.argv[1], sys.argv[2])
(claimed.path / "staged.wav").write_bytes(b"x" * 1000)
print(claimed.path, flush=True)
time.sleep(600)
"""


def holder(root: Path, service: str) -> tuple[subprocess.Popen[str], Path]:
    """A process that claims a folder, stages a file in it and then waits to be killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), service], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, Path(proc.stdout.readline().strip())


def test_a_claimed_folder_is_removed_with_its_lock_on_release(tmp_path: Path) -> None:
    claimed = scratch.claim(tmp_path, "analysis")
    assert claimed.path.parent == tmp_path and claimed.path.name.startswith("analysis-")
    (claimed.path / "track.wav").write_bytes(b"\0" * 10)
    claimed.release()
    claimed.release()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_process_folder_goes_at_the_next_claim_and_a_live_one_stays(tmp_path: Path) -> None:
    dead, dead_folder = holder(tmp_path, "separation")
    live, live_folder = holder(tmp_path, "separation")
    try:
        dead.send_signal(signal.SIGKILL)
        dead.wait()
        assert (dead_folder / "staged.wav").exists()  # nothing cleaned up after a SIGKILL
        mine = scratch.claim(tmp_path, "separation")
        assert not dead_folder.exists() and not dead_folder.with_suffix(".lock").exists()
        assert (live_folder / "staged.wav").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [live_folder.name, live_folder.name + ".lock", mine.path.name, mine.path.name + ".lock"]
        )
    finally:
        live.kill()
        live.wait()


def test_two_claims_of_one_process_do_not_sweep_each_other(tmp_path: Path) -> None:
    first = scratch.claim(tmp_path, "ingest")
    second = scratch.claim(tmp_path, "ingest")
    assert first.path.is_dir() and second.path.is_dir() and first.path != second.path
    assert scratch.sweep(tmp_path) == 0
    first.release()
    assert second.path.is_dir()


def test_a_claim_file_is_removed_only_once_it_is_old_and_unlocked(tmp_path: Path) -> None:
    young = tmp_path / ".ingest-young.claim"
    old = tmp_path / ".ingest-old.claim"
    young.touch()
    old.touch()
    past = time.time() - 2 * scratch.CLAIM_GRACE_SECONDS
    os.utime(old, (past, past))
    scratch.sweep(tmp_path)
    assert young.exists() and not old.exists()


def test_what_is_not_a_lock_or_a_claim_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "readme.txt").write_text("mine")
    assert scratch.sweep(tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "readme.txt"]
