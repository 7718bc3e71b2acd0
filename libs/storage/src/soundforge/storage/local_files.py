"""Filesystem mechanics of the local blob store: atomic writes, sidecar metadata, pruning empty dirs.

Content type and ETag live in a sidecar `.<name>.meta.json` beside each object (dot-names can
never be object keys, see validate_key). The sidecar records the inode of the data file it
describes, so a sidecar left stale by a crash or a racing writer is detected and ignored (the
content type is then guessed from the key's extension).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import mimetypes
import os
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, TypeVar

from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, SoundForgeError, Unavailable
from soundforge.storage.blob_store import DEFAULT_CONTENT_TYPE, BlobInfo
from soundforge.storage.worker_thread import check_stop

T = TypeVar("T")


COPY_CHUNK = 1024 * 1024
_DIR_RACE_RETRIES = 5


def sidecar_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.meta.json")


def translate_os_error(exc: OSError, key: str) -> SoundForgeError:
    """The typed error a failed filesystem call means for the object `key`."""
    if isinstance(exc, FileNotFoundError):
        return NotFound(f"object not found: {key}")
    if isinstance(exc, (FileExistsError, NotADirectoryError, IsADirectoryError)):
        # A key cannot be both an object and a "directory" of other objects on a filesystem.
        return Conflict(f"object key clashes with another key's path: {key}")
    if exc.errno == errno.ENAMETOOLONG:
        return InvalidArgument(f"object key too long for the local store: {key}")
    return Unavailable(f"local blob store failed on {key}: {exc.strerror or exc}")


def retry_dir_race(make_parent: Path, action: Callable[[], T]) -> T:
    """Creates `make_parent` and runs `action`, again if a concurrent prune removed the dir in between."""
    for _ in range(_DIR_RACE_RETRIES - 1):
        make_parent.mkdir(parents=True, exist_ok=True)
        try:
            return action()
        except FileNotFoundError:
            continue
    make_parent.mkdir(parents=True, exist_ok=True)
    return action()


def prune_empty_dirs(start: Path, root: Path) -> None:
    """Removes empty directories from `start` up to (not including) `root`."""
    current = start
    while current != root and current.is_relative_to(root):
        try:
            current.rmdir()
        except OSError:
            return
        current = current.parent


def file_reads(source: BinaryIO) -> Callable[[], bytes]:
    return functools.partial(source.read, COPY_CHUNK)


def open_upload_source(path: Path) -> BinaryIO:
    """Opens a caller's file for upload; its absence is the caller's mistake, not a missing object."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InvalidArgument(f"cannot read {path}: {exc.strerror or exc}") from exc


def read_info(path: Path, key: str) -> BlobInfo:
    st = path.stat()
    if not path.is_file():
        raise FileNotFoundError(errno.ENOENT, "not a file", str(path))
    content_type, etag = "", ""
    with contextlib.suppress(OSError, ValueError):
        meta = json.loads(sidecar_of(path).read_text("utf-8"))
        if meta.get("ino") == st.st_ino and meta.get("size") == st.st_size:
            content_type, etag = str(meta.get("content_type", "")), str(meta.get("etag", ""))
    if not content_type:
        content_type = mimetypes.guess_type(path.name)[0] or DEFAULT_CONTENT_TYPE
    modified = datetime.fromtimestamp(st.st_mtime, UTC)
    return BlobInfo(key=key, size=st.st_size, content_type=content_type, etag=etag, modified_at=modified)


class PendingFile:
    """An object being written: a temp file beside its final path, renamed into place on commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = retry_dir_race(
            path.parent,
            lambda: tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"),
        )
        self._tmp = Path(tmp)
        self._file: BinaryIO = os.fdopen(fd, "wb")
        self._md5 = hashlib.md5(usedforsecurity=False)
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self._md5.update(chunk)
        self.size += len(chunk)

    def copy_from(self, read: Callable[[], bytes], stop: threading.Event) -> None:
        """Writes what `read()` returns until it returns b"", checking between chunks for a stop."""
        while chunk := read():
            check_stop(stop)
            self.write(chunk)

    def commit(self, content_type: str | None) -> int:
        """Makes the file visible atomically; the sidecar (none when `content_type` is None) goes
        first, so a crash in between leaves it stale rather than wrong."""
        self._file.flush()
        os.fsync(self._file.fileno())
        ino = os.fstat(self._file.fileno()).st_ino
        self._file.close()
        if content_type is None:
            os.replace(self._tmp, self.path)
            return self.size
        meta = {"content_type": content_type, "etag": self._md5.hexdigest(), "size": self.size, "ino": ino}
        sidecar = sidecar_of(self.path)
        sidecar_tmp = sidecar.with_name(f"{sidecar.name}.{ino}.tmp")
        sidecar_tmp.write_text(json.dumps(meta), "utf-8")
        os.replace(sidecar_tmp, sidecar)
        os.replace(self._tmp, self.path)
        return self.size

    def abort(self, root: Path) -> None:
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            self._tmp.unlink()
        prune_empty_dirs(self.path.parent, root)


def remove_object(path: Path, root: Path) -> bool:
    """Deletes an object and its sidecar; False when there was no such object."""
    if path.is_dir():
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            sidecar_of(path).unlink()
    prune_empty_dirs(path.parent, root)
    return True
