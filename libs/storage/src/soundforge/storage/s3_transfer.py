"""Blocking minio transfers (run on worker threads): streamed uploads, ranged reads, downloads."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, BinaryIO

from minio import Minio
from minio.error import S3Error

from soundforge.storage.local_files import open_upload_source
from soundforge.storage.worker_thread import check_stop

# S3's minimum multipart part size; the SDK holds about three parts in memory while uploading.
PART_SIZE = 5 * 1024 * 1024
DOWNLOAD_CHUNK = 1024 * 1024


class _StoppableReader:
    """A file wrapper whose reads fail once the caller cancelled, so the SDK aborts the upload."""

    def __init__(self, source: BinaryIO, stop: threading.Event) -> None:
        self._source = source
        self._stop = stop

    def read(self, size: int = -1) -> bytes:
        check_stop(self._stop)
        return self._source.read(size)


class S3Transfer:
    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def put_reader(self, name: str, reader: Any, content_type: str) -> None:
        """Uploads everything `reader.read()` yields; an exception from it aborts the upload.

        One part at a time: parallel part uploads would keep several parts in memory at once.
        """
        self._client.put_object(
            self._bucket,
            name,
            reader,
            length=-1,
            content_type=content_type,
            part_size=PART_SIZE,
            num_parallel_uploads=1,
        )

    def put_bytes(self, name: str, data: bytes, content_type: str) -> None:
        self._client.put_object(
            self._bucket, name, io.BytesIO(data), length=len(data), content_type=content_type
        )

    def put_file(self, name: str, path: Path, content_type: str, stop: threading.Event) -> int:
        with open_upload_source(path) as source:
            size = os.fstat(source.fileno()).st_size
            self._client.put_object(
                self._bucket,
                name,
                _StoppableReader(source, stop),  # type: ignore[arg-type]
                length=size,
                content_type=content_type,
                part_size=PART_SIZE,
                num_parallel_uploads=1,
            )
        return size

    def open_range(self, name: str, offset: int, length: int | None) -> Any:
        """The streaming response for [offset, offset + length), or None when offset is past the end."""
        try:
            return self._client.get_object(self._bucket, name, offset=offset, length=length or 0)
        except S3Error as exc:
            # 416 comes only for an existing object (a missing one is NoSuchKey): nothing to read.
            if exc.code == "InvalidRange":
                return None
            raise

    def read_range(self, name: str, offset: int, length: int) -> bytes:
        response = self.open_range(name, offset, length)
        if response is None:
            return b""
        try:
            return bytes(response.read())
        finally:
            response.close()
            response.release_conn()

    def get_file(self, name: str, path: Path, stop: threading.Event) -> None:
        """Downloads into a temp file beside `path`, then renames it into place."""
        response = self.open_range(name, 0, None)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                if response is not None:
                    for chunk in response.stream(DOWNLOAD_CHUNK):
                        check_stop(stop)
                        out.write(chunk)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        finally:
            if response is not None:
                response.close()
                response.release_conn()
