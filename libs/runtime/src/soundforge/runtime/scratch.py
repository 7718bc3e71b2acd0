"""A service process's own scratch folder on local disk, and the sweep that frees a killed process's.

A job stages its track and stems in a temporary folder that it removes when it ends; a worker killed
mid-job (SIGKILL, the OOM killer, a node drain) never gets there, and on a host that restarts workers
the leftovers pile up until the disk is full. So each process works inside a folder it owns for its
whole life, holding an exclusive `flock` on the folder's lock file, and at start removes every
sibling folder whose lock nobody holds. The kernel drops a dead process's lock however it died, so
no pid is guessed and a recycled pid cannot keep a dead folder alive.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

ROOT_NAME = "soundforge-scratch"
LOCK_SUFFIX = ".lock"
CLAIM_SUFFIX = ".claim"
# A claim file is locked a moment after it is made; older and unlocked, its maker died in between.
CLAIM_GRACE_SECONDS = 60.0


class ScratchDir:
    """The folder `path`, kept while the lock is held; `release()` removes both."""

    def __init__(self, path: Path, lock_path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_path = lock_path
        self._lock_fd: int | None = lock_fd

    def release(self) -> None:
        """Removes the folder and its lock file; safe to call twice."""
        if self._lock_fd is None:
            return
        shutil.rmtree(self.path, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            self._lock_path.unlink()
        os.close(self._lock_fd)
        self._lock_fd = None

    async def aclose(self) -> None:
        self.release()


def default_root() -> Path:
    return Path(tempfile.gettempdir()) / ROOT_NAME


def claim(root: str | Path | None, service: str) -> ScratchDir:
    """Sweeps `root` (default: soundforge-scratch in the temp dir), then makes and locks a new folder.

    The lock file is made under a claim name, locked, and only then renamed to the name a sweep
    looks at, so no sweep ever sees an unlocked lock file of a live process.
    """
    base = Path(root) if root else default_root()
    base.mkdir(parents=True, exist_ok=True)
    removed = sweep(base)
    if removed:
        log.info("removed %d scratch folders of dead processes", removed, extra={"root": str(base)})
    fd, claim_name = tempfile.mkstemp(dir=base, prefix=f".{service}-", suffix=CLAIM_SUFFIX)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        name = Path(claim_name).name[1 : -len(CLAIM_SUFFIX)]
        lock_path = base / (name + LOCK_SUFFIX)
        os.rename(claim_name, lock_path)
        path = base / name
        path.mkdir()
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(claim_name)
        raise
    return ScratchDir(path, lock_path, fd)


def sweep(base: Path) -> int:
    """Removes the folders (and lock files) in `base` whose lock no live process holds; how many."""
    removed = 0
    now = time.time()
    for entry in sorted(base.iterdir()):
        if entry.name.endswith(LOCK_SUFFIX):
            if _take_dead(entry, folder=entry.with_suffix("")):
                removed += 1
        elif entry.name.endswith(CLAIM_SUFFIX):
            with contextlib.suppress(FileNotFoundError):
                if now - entry.stat().st_mtime > CLAIM_GRACE_SECONDS:
                    _take_dead(entry, folder=None)
    return removed


def _take_dead(lock_path: Path, folder: Path | None) -> bool:
    """Locks `lock_path` if its owner is gone, removes its folder and the lock file; whether it did."""
    try:
        fd = os.open(lock_path, os.O_RDWR)  # never O_CREAT: a missing file is someone else's to make
    except FileNotFoundError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # its owner lives
        if not _same_file(fd, lock_path):
            return False  # another sweep removed it (and its folder) first
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        lock_path.unlink()
        return True
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = path.stat()
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)
