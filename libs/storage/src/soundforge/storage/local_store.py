"""`LocalBlobStore`: objects as files under one root directory (the embedded default, `file://` URLs)."""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import os
import threading
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from soundforge.runtime.errors import InvalidArgument, Unavailable
from soundforge.storage import local_files
from soundforge.storage.blob_store import DEFAULT_CHUNK_SIZE, DEFAULT_CONTENT_TYPE, BlobInfo
from soundforge.storage.chunk_reader import ChunkReader, pump_chunks
from soundforge.storage.local_files import PendingFile, file_reads, open_upload_source, translate_os_error
from soundforge.storage.validation import check_range, is_valid_key, validate_key, validate_prefix
from soundforge.storage.worker_thread import run_in_thread

T = TypeVar("T")


class LocalBlobStore:
    """Keys map to paths under `root`; writes are atomic (temp file + rename in the same directory).

    Content types are kept in sidecars (see local_files). Keys are paths here, so an object
    "a/b" and an object "a/b/c" cannot both exist: the second write raises Conflict.
    """

    def __init__(self, root: Path | str) -> None:
        self._root = Path(root).expanduser().resolve()

    @property
    def root(self) -> Path:
        return self._root

    def _path(self, key: str) -> Path:
        path = (self._root / validate_key(key)).resolve()
        # resolve() follows symlinks: a link inside the root must not lead out of it.
        if path == self._root or not path.is_relative_to(self._root):
            raise InvalidArgument(f"object key escapes the store: {key}")
        return path

    async def _run(self, key: str, fn: Callable[[], T]) -> T:
        return await asyncio.to_thread(self._translated, key, fn)

    async def _run_long(self, key: str, fn: Callable[[threading.Event], T]) -> T:
        return await run_in_thread(lambda stop: self._translated(key, lambda: fn(stop)))

    @staticmethod
    def _translated(key: str, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except OSError as exc:
            raise translate_os_error(exc, key) from exc

    async def ensure_ready(self) -> None:
        try:
            await asyncio.to_thread(self._root.mkdir, parents=True, exist_ok=True)
            writable = await asyncio.to_thread(os.access, self._root, os.W_OK | os.X_OK)
        except OSError as exc:
            raise Unavailable(f"blob directory {self._root} is not usable: {exc}") from exc
        if not writable:
            raise Unavailable(f"blob directory {self._root} is not writable")

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        max_bytes: int | None = None,
    ) -> int:
        path = self._path(key)

        def write(reader: ChunkReader) -> Awaitable[int]:
            return self._run_long(key, lambda stop: self._write_from(path, reader.read1, content_type, stop))

        return await pump_chunks(chunks, write, key=key, max_bytes=max_bytes)

    async def put_bytes(self, key: str, data: bytes, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int:
        path = self._path(key)

        def write() -> int:
            pending = PendingFile(path)
            try:
                pending.write(data)
                return pending.commit(content_type)
            except BaseException:
                pending.abort(self._root)
                raise

        return await self._run(key, write)

    async def put_file(self, key: str, path: Path, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int:
        target = self._path(key)

        def copy(stop: threading.Event) -> int:
            with open_upload_source(path) as source:
                return self._write_from(target, file_reads(source), content_type, stop)

        return await self._run_long(key, copy)

    def _write_from(
        self, target: Path, read: Callable[[], bytes], content_type: str, stop: threading.Event
    ) -> int:
        pending = PendingFile(target)
        try:
            pending.copy_from(read, stop)
            return pending.commit(content_type)
        except BaseException:
            pending.abort(self._root)
            raise

    async def get_stream(
        self,
        key: str,
        *,
        offset: int = 0,
        length: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncIterator[bytes]:
        check_range(offset, length, chunk_size)
        path = self._path(key)
        file = await self._run(key, lambda: self._open(path, key))
        try:
            await asyncio.to_thread(file.seek, offset)
            remaining = length
            while remaining is None or remaining > 0:
                size = chunk_size if remaining is None else min(chunk_size, remaining)
                data = await asyncio.to_thread(file.read, size)
                if not data:
                    break
                if remaining is not None:
                    remaining -= len(data)
                yield data
        finally:
            file.close()

    @staticmethod
    def _open(path: Path, key: str) -> BinaryIO:
        local_files.read_info(path, key)  # directories are not objects
        return open(path, "rb")

    async def get_file(self, key: str, path: Path) -> None:
        source_path = self._path(key)
        destination = Path(path)

        def download(stop: threading.Event) -> None:
            with self._open(source_path, key) as source:
                pending = PendingFile(destination)
                try:
                    pending.copy_from(file_reads(source), stop)
                    pending.commit(None)
                except BaseException:
                    pending.abort(destination.parent)
                    raise

        await self._run_long(key, download)

    async def read_head(self, key: str, n: int) -> bytes:
        if n < 0:
            raise InvalidArgument("read_head needs n >= 0")
        path = self._path(key)

        def read() -> bytes:
            with self._open(path, key) as file:
                return file.read(n)

        return await self._run(key, read)

    async def stat(self, key: str) -> BlobInfo:
        path = self._path(key)
        return await self._run(key, lambda: local_files.read_info(path, key))

    async def exists(self, key: str) -> bool:
        path = self._path(key)
        return await asyncio.to_thread(path.is_file)

    async def copy(self, src: str, dst: str) -> None:
        source_path, target = self._path(src), self._path(dst)

        def copy(stop: threading.Event) -> None:
            info = local_files.read_info(source_path, src)
            if source_path == target:
                return
            with open(source_path, "rb") as source:
                self._translated(
                    dst, lambda: self._write_from(target, file_reads(source), info.content_type, stop)
                )

        await self._run_long(src, copy)

    async def move(self, src: str, dst: str) -> None:
        source_path, target = self._path(src), self._path(dst)

        def move() -> None:
            local_files.read_info(source_path, src)
            if source_path == target:
                return
            self._translated(dst, lambda: target.parent.mkdir(parents=True, exist_ok=True))
            # The sidecar goes first: if we stop in between, it is stale (wrong inode) at both ends.
            with contextlib.suppress(FileNotFoundError):
                os.replace(local_files.sidecar_of(source_path), local_files.sidecar_of(target))
            local_files.retry_dir_race(target.parent, lambda: os.replace(source_path, target))
            local_files.prune_empty_dirs(source_path.parent, self._root)

        await self._run(src, move)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await self._run(key, lambda: local_files.remove_object(path, self._root))

    async def delete_prefix(self, prefix: str) -> builtins.list[str]:
        if not validate_prefix(prefix):
            raise InvalidArgument("delete_prefix needs a non-empty prefix")

        def delete_all() -> builtins.list[str]:
            deleted = []
            for key in self._walk(prefix):
                if local_files.remove_object(self._path(key), self._root):
                    deleted.append(key)
            return deleted

        return await self._run(prefix, delete_all)

    async def list(self, prefix: str = "") -> builtins.list[BlobInfo]:
        validate_prefix(prefix)

        def list_all() -> builtins.list[BlobInfo]:
            infos = []
            for key in self._walk(prefix):
                with contextlib.suppress(FileNotFoundError):  # deleted while we walked
                    infos.append(local_files.read_info(self._root / key, key))
            return infos

        return await self._run(prefix, list_all)

    def _walk(self, prefix: str) -> builtins.list[str]:
        """Keys starting with `prefix`, sorted; walks only the directory the prefix names."""
        base = self._root / prefix.rpartition("/")[0]
        keys = []
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            relative = Path(dirpath).relative_to(self._root).as_posix()
            for name in filenames:
                if name.startswith("."):
                    continue  # sidecars and temp files
                key = name if relative == "." else f"{relative}/{name}"
                if key.startswith(prefix) and is_valid_key(key):
                    keys.append(key)
        return sorted(keys)

    async def presigned_get_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        validate_key(key)
        return None
