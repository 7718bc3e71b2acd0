"""`S3BlobStore`: objects in an S3 bucket (MinIO in production) through the synchronous minio SDK."""

from __future__ import annotations

import asyncio
import builtins
import functools
import re
import threading
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import urllib3
from minio import Minio
from minio.commonconfig import CopySource
from minio.deleteobjects import DeleteObject
from minio.error import S3Error

from soundforge.runtime.errors import InvalidArgument, NotFound, Unavailable
from soundforge.storage import s3_errors
from soundforge.storage.blob_store import DEFAULT_CHUNK_SIZE, DEFAULT_CONTENT_TYPE, BlobInfo
from soundforge.storage.chunk_reader import ChunkReader, pump_chunks
from soundforge.storage.s3_transfer import S3Transfer
from soundforge.storage.validation import check_range, validate_key, validate_prefix
from soundforge.storage.worker_thread import run_in_thread

T = TypeVar("T")
_BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
# S3 allows presigned URLs for at most 7 days.
_MAX_PRESIGN_SECONDS = 7 * 24 * 3600
# HEAD requests list() makes at once to learn content types (ListObjects does not return them).
_STAT_CONCURRENCY = 8


def _http_client(connect_timeout: float, read_timeout: float) -> urllib3.PoolManager:
    # The SDK's default client waits 5 minutes to connect and retries 5 times: far too long for a
    # readiness check to say "unavailable". Certificates come from the system trust store.
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
        maxsize=16,
        retries=urllib3.Retry(total=3, backoff_factor=0.1, status_forcelist=[500, 502, 503, 504]),
    )


class S3BlobStore:
    """Keys live in `bucket` under an optional `prefix`; big transfers stream in 5 MiB+ parts.

    Memory stays bounded: put_stream holds about three parts (the SDK's part assembly), downloads
    one chunk. Every SDK call runs on a thread, never on the event loop.
    """

    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        access_key: str,
        secret_key: str,
        secure: bool = False,
        region: str = "us-east-1",
        prefix: str = "",
        connect_timeout: float = 5.0,
        read_timeout: float = 120.0,
    ) -> None:
        if not endpoint:
            raise InvalidArgument("S3 endpoint is empty")
        if not _BUCKET_NAME.match(bucket):
            raise InvalidArgument(f"invalid S3 bucket name: {bucket!r}")
        prefix = prefix.strip("/")
        self._prefix = validate_prefix(f"{prefix}/") if prefix else ""
        self._bucket = bucket
        self._http = _http_client(connect_timeout, read_timeout)
        self._client = Minio(
            endpoint,
            access_key=access_key,
            secret_key=secret_key,
            secure=secure,
            region=region or None,
            http_client=self._http,
        )
        self._transfer = S3Transfer(self._client, bucket)

    @property
    def bucket(self) -> str:
        return self._bucket

    def _name(self, key: str) -> str:
        return self._prefix + validate_key(key)

    async def _run(self, key: str, fn: Callable[[], T]) -> T:
        return await asyncio.to_thread(s3_errors.translated, key, fn)

    async def _run_long(self, key: str, fn: Callable[[threading.Event], T]) -> T:
        return await run_in_thread(lambda stop: s3_errors.translated(key, lambda: fn(stop)), name="sf-s3")

    async def ensure_ready(self) -> None:
        def ensure() -> None:
            if self._client.bucket_exists(self._bucket):
                return
            try:
                self._client.make_bucket(self._bucket)
            except S3Error as exc:
                if exc.code not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                    raise

        await self._run(f"bucket {self._bucket}", ensure)

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        max_bytes: int | None = None,
    ) -> int:
        name = self._name(key)

        def upload(reader: ChunkReader) -> Awaitable[None]:
            return self._run_long(key, lambda _stop: self._transfer.put_reader(name, reader, content_type))

        return await pump_chunks(chunks, upload, key=key, max_bytes=max_bytes)

    async def put_bytes(self, key: str, data: bytes, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int:
        name = self._name(key)
        await self._run(key, lambda: self._transfer.put_bytes(name, data, content_type))
        return len(data)

    async def put_file(self, key: str, path: Path, *, content_type: str = DEFAULT_CONTENT_TYPE) -> int:
        name = self._name(key)
        return await self._run_long(key, lambda stop: self._transfer.put_file(name, path, content_type, stop))

    async def get_stream(
        self,
        key: str,
        *,
        offset: int = 0,
        length: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncIterator[bytes]:
        check_range(offset, length, chunk_size)
        name = self._name(key)
        if length == 0:
            await self.stat(key)
            return
        response = await self._run(key, lambda: self._transfer.open_range(name, offset, length))
        if response is None:
            return
        try:
            while True:
                data = await self._run(key, functools.partial(response.read, chunk_size))
                if not data:
                    break
                yield data
        finally:
            response.close()
            response.release_conn()

    async def get_file(self, key: str, path: Path) -> None:
        name = self._name(key)
        await self._run_long(key, lambda stop: self._transfer.get_file(name, Path(path), stop))

    async def read_head(self, key: str, n: int) -> bytes:
        if n < 0:
            raise InvalidArgument("read_head needs n >= 0")
        name = self._name(key)
        if n == 0:
            await self.stat(key)
            return b""
        return await self._run(key, lambda: self._transfer.read_range(name, 0, n))

    async def stat(self, key: str) -> BlobInfo:
        name = self._name(key)
        stat = await self._run(key, lambda: self._client.stat_object(self._bucket, name))
        return BlobInfo(
            key=key,
            size=int(stat.size or 0),
            content_type=stat.content_type or DEFAULT_CONTENT_TYPE,
            etag=stat.etag or "",
            modified_at=stat.last_modified,
        )

    async def exists(self, key: str) -> bool:
        name = self._name(key)

        def probe() -> bool:
            try:
                self._client.stat_object(self._bucket, name)
            except S3Error as exc:
                if s3_errors.is_missing(exc):
                    return False
                raise
            return True

        return await self._run(key, probe)

    async def copy(self, src: str, dst: str) -> None:
        source, target = self._name(src), self._name(dst)
        if source == target:
            await self.stat(src)  # S3 refuses to copy an object onto itself unchanged
            return
        await self._run_long(
            src,
            lambda _stop: self._client.copy_object(self._bucket, target, CopySource(self._bucket, source)),
        )

    async def move(self, src: str, dst: str) -> None:
        await self.copy(src, dst)
        if self._name(src) != self._name(dst):
            await self.delete(src)

    async def delete(self, key: str) -> None:
        name = self._name(key)
        await self._run(key, lambda: self._client.remove_object(self._bucket, name))

    async def delete_prefix(self, prefix: str) -> builtins.list[str]:
        if not validate_prefix(prefix):
            raise InvalidArgument("delete_prefix needs a non-empty prefix")
        names = await self._run(prefix, lambda: [o.object_name for o in self._list_objects(prefix)])

        def delete_all() -> None:
            errors = self._client.remove_objects(self._bucket, (DeleteObject(str(n)) for n in names))
            for error in errors:  # the SDK deletes lazily, as this is iterated
                raise Unavailable(f"could not delete {error.name}: {error.code} {error.message}")

        await self._run(prefix, delete_all)
        return sorted(self._key(str(n)) for n in names)

    async def list(self, prefix: str = "") -> builtins.list[BlobInfo]:
        validate_prefix(prefix)
        objects = await self._run(prefix, lambda: builtins.list(self._list_objects(prefix)))
        limit = asyncio.Semaphore(_STAT_CONCURRENCY)

        async def describe(obj: Any) -> BlobInfo | None:
            key = self._key(str(obj.object_name))
            async with limit:
                try:
                    return await self.stat(key)
                except NotFound:
                    return None  # deleted since it was listed

        infos = await asyncio.gather(*(describe(o) for o in objects))
        return sorted((i for i in infos if i is not None), key=lambda i: i.key)

    def _list_objects(self, prefix: str) -> Any:
        return self._client.list_objects(self._bucket, prefix=self._prefix + prefix, recursive=True)

    def _key(self, name: str) -> str:
        return name[len(self._prefix) :]

    async def presigned_get_url(self, key: str, expires_seconds: int = 3600) -> str | None:
        if not 1 <= expires_seconds <= _MAX_PRESIGN_SECONDS:
            raise InvalidArgument(f"expires_seconds must be 1..{_MAX_PRESIGN_SECONDS}")
        name = self._name(key)
        expires = timedelta(seconds=expires_seconds)
        return await self._run(key, lambda: self._client.presigned_get_object(self._bucket, name, expires))

    def close(self) -> None:
        """Drops pooled connections (the store is unusable afterwards)."""
        self._http.clear()
