"""Where rendered test audio is cached (within a disk budget), a training draw's arrays kept under a digest
of what they were computed from, and ffmpeg reading audio as mono float32."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

# The cache's size on disk ($SOUNDFORGE_MIDI_CACHE_GB): a training run renders tens of thousands of
# clips, 60 GB once, and a disk that fills up fails every other test on the machine. The suite's own
# renders take about 150 MB.
DEFAULT_BUDGET_GB = 8.0
# A trim scans the whole folder, so it runs at a process's first store and then every so many stores.
TRIM_EVERY = 256
# A trim frees down to this share of the budget, so the next one is many stores away.
TRIM_TO = 0.8
# The budget a process given $SOUNDFORGE_MIDI_CACHE_GB records in the folder, for the processes not
# given it: a test run with the default beside a scan given 45 GB trimmed the scan's renders to 8 GB
# while it ran, so the scan rendered cold. The budget is the folder's, not a process's.
BUDGET_FILE = "budget-gb"

_stores = 0


def render_cache() -> Path:
    """The folder renders, decoded recordings and produced clips are cached in ($SOUNDFORGE_MIDI_CACHE,
    or soundforge-midi in the temporary directory): a render is costly and never changes."""
    return Path(os.environ.get("SOUNDFORGE_MIDI_CACHE", Path(tempfile.gettempdir()) / "soundforge-midi"))


def budget_bytes() -> int:
    """The cache's budget: $SOUNDFORGE_MIDI_CACHE_GB, recorded in the folder (BUDGET_FILE) when given,
    else the one recorded there, else DEFAULT_BUDGET_GB."""
    folder = render_cache()
    given = os.environ.get("SOUNDFORGE_MIDI_CACHE_GB")
    if given is not None:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{BUDGET_FILE}.{os.getpid()}"
        partial.write_text(given)
        partial.replace(folder / BUDGET_FILE)
        return int(float(given) * 1e9)
    try:
        return int(float((folder / BUDGET_FILE).read_text()) * 1e9)
    except (FileNotFoundError, ValueError):
        return int(DEFAULT_BUDGET_GB * 1e9)


def cached(path: Path) -> bool:
    """Whether `path` is in the cache; a hit is marked as recently used, so a trim keeps it."""
    try:
        os.utime(path)
    except FileNotFoundError:
        return False
    return True


def store(partial: Path, path: Path) -> None:
    """Moves a finished `partial` file into the cache as `path` (atomically: readers never see half
    a file), and now and then trims the cache to its budget."""
    global _stores
    partial.replace(path)
    _stores += 1
    if _stores % TRIM_EVERY == 1:
        trim(render_cache(), budget_bytes())


def trim(folder: Path, budget: int) -> int:
    """Removes the least recently used files until `folder` holds at most TRIM_TO of `budget`, when it
    holds more than `budget`; how many it removed."""
    files = []
    for path in folder.rglob("*"):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue  # another process's trim, or a partial file just moved into place
        if path.is_file() and not path.name.startswith(BUDGET_FILE):
            files.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in files)
    if total <= budget:
        return 0
    removed = 0
    for _, size, path in sorted(files):
        if total <= TRIM_TO * budget:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed


def kept_arrays(
    path: Path, source: object, compute: Callable[[], dict[str, npt.NDArray[Any]]]
) -> dict[str, npt.NDArray[Any]]:
    """`compute()`'s arrays, kept in `path` (an .npz) under a digest of `source` (its repr: what they
    are computed from, e.g. a draw's clips): read back while `source` is the same, computed and kept
    again when it is not. A training script's draws (scripts/train_*_weights.py --cache) outlive a
    stopped run; a killed run leaves no half-written file (it writes a partial file, then renames)."""
    digest = hashlib.sha256(repr(source).encode()).hexdigest()
    if path.exists():
        with np.load(path) as kept:
            if str(kept["digest"]) == digest:
                return {name: kept[name] for name in kept.files if name != "digest"}
    arrays = compute()
    partial = path.with_suffix(f".{os.getpid()}.npz")
    stored: dict[str, Any] = {**arrays, "digest": digest}
    np.savez(partial, **stored)
    partial.replace(path)
    return arrays


def ffmpeg_decode(path: Path, sample_rate: int) -> npt.NDArray[np.float32]:
    """The file's audio as mono float32 at `sample_rate`, decoded and resampled by ffmpeg."""
    command = ["ffmpeg", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(sample_rate)]
    raw = subprocess.run([*command, "-f", "f32le", "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.float32).copy()
