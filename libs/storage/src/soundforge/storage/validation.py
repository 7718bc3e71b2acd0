"""Request validation shared by every blob store (keys, prefixes, byte ranges), so both accept the same."""

from __future__ import annotations

from soundforge.runtime.errors import InvalidArgument

# S3's own limit; the local store's file names are shorter still, and the OS says so itself.
MAX_KEY_BYTES = 1024


def validate_key(key: str) -> str:
    """Returns `key` unchanged when it is a safe relative object key, else raises InvalidArgument.

    Rejected: "", absolute keys, empty components ("a//b", trailing "/"), "." and ".." components,
    any component starting with "." (reserved for the local store's sidecars and temp files, so a
    key can never collide with them), backslashes, NUL and keys over 1024 UTF-8 bytes.
    """
    if not key:
        raise InvalidArgument("object key is empty")
    _check_chars(key)
    if key.startswith("/"):
        raise InvalidArgument(f"object key is absolute: {key!r}")
    for part in key.split("/"):
        _check_component(part, key)
    return key


def is_valid_key(key: str) -> bool:
    try:
        validate_key(key)
    except InvalidArgument:
        return False
    return True


def validate_prefix(prefix: str) -> str:
    """Like validate_key, but "" (everything) and a trailing "/" are allowed."""
    if not prefix:
        return prefix
    return validate_key(prefix[:-1]) + "/" if prefix.endswith("/") else validate_key(prefix)


def _check_chars(key: str) -> None:
    if "\\" in key:
        raise InvalidArgument(f"object key contains a backslash: {key!r}")
    if "\x00" in key:
        raise InvalidArgument("object key contains NUL")
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgument("object key is not valid UTF-8 text") from None
    if len(encoded) > MAX_KEY_BYTES:
        raise InvalidArgument(f"object key is longer than {MAX_KEY_BYTES} bytes")


def _check_component(part: str, key: str) -> None:
    if not part:
        raise InvalidArgument(f"object key has an empty component: {key!r}")
    if part in (".", ".."):
        raise InvalidArgument(f"object key has a relative component: {key!r}")
    if part.startswith("."):
        raise InvalidArgument(f"object key component starts with '.': {key!r}")


def check_range(offset: int, length: int | None, chunk_size: int) -> None:
    if offset < 0:
        raise InvalidArgument(f"offset must be >= 0, got {offset}")
    if length is not None and length < 0:
        raise InvalidArgument(f"length must be >= 0, got {length}")
    if chunk_size <= 0:
        raise InvalidArgument(f"chunk_size must be > 0, got {chunk_size}")
