"""Object storage behind one protocol: `BlobStore`, a local-directory and an S3 (minio) implementation."""

from soundforge.storage.blob_store import BlobInfo, BlobStore
from soundforge.storage.factory import open_blob_store
from soundforge.storage.local_store import LocalBlobStore
from soundforge.storage.s3_store import S3BlobStore
from soundforge.storage.validation import validate_key

__all__ = ["BlobInfo", "BlobStore", "LocalBlobStore", "S3BlobStore", "open_blob_store", "validate_key"]
