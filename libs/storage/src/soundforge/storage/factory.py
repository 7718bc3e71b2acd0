"""Builds the blob store a service's settings name: a local directory or an S3 bucket."""

from __future__ import annotations

from pathlib import Path

from soundforge.runtime.errors import InvalidArgument
from soundforge.runtime.settings import ServiceSettings
from soundforge.storage.blob_store import BlobStore
from soundforge.storage.local_store import LocalBlobStore
from soundforge.storage.s3_store import S3BlobStore


def open_blob_store(settings: ServiceSettings) -> BlobStore:
    """`settings.blob_url` picks the backend.

    "file://<dir>": LocalBlobStore; "file:///abs/dir" is absolute, "file://./var/blobs" and
    "file://var/blobs" are relative to the working directory. "s3://<bucket>[/<prefix>]":
    S3BlobStore at `settings.s3_endpoint` ("host:port"; an http:// or https:// scheme there
    overrides `s3_secure`) with the s3_* credentials and region.
    """
    url = settings.blob_url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep or not rest:
        raise InvalidArgument(f"blob_url must be file://<dir> or s3://<bucket>[/<prefix>], got {url!r}")
    if scheme == "file":
        return LocalBlobStore(Path(rest))
    if scheme == "s3":
        bucket, _, prefix = rest.partition("/")
        endpoint, secure = _endpoint(settings.s3_endpoint, settings.s3_secure)
        return S3BlobStore(
            endpoint=endpoint,
            bucket=bucket,
            access_key=settings.s3_access_key.get_secret_value(),
            secret_key=settings.s3_secret_key.get_secret_value(),
            secure=secure,
            region=settings.s3_region,
            prefix=prefix,
        )
    raise InvalidArgument(f"unsupported blob_url scheme {scheme!r} (use file:// or s3://)")


def _endpoint(raw: str, secure: bool) -> tuple[str, bool]:
    endpoint = raw.strip().rstrip("/")
    if endpoint.startswith("https://"):
        return endpoint.removeprefix("https://"), True
    if endpoint.startswith("http://"):
        return endpoint.removeprefix("http://"), False
    if not endpoint:
        raise InvalidArgument("blob_url is s3:// but s3_endpoint is empty")
    return endpoint, secure
