"""HTTP byte ranges (RFC 9110 section 14): which part of an object a `Range` header asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

# One range of the only unit we serve; several ranges (multipart/byteranges) are not offered.
_SINGLE_RANGE = re.compile(r"^bytes=(?:(\d+)-(\d*)|-(\d+))$")


class RangeNotSatisfiable(Exception):
    """The range lies wholly past the object's end (416 with `Content-Range: bytes */<size>`)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"range not satisfiable for {size} bytes")
        self.size = size


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The part of a `size`-byte object that `header` asks for; None means the whole object.

    `bytes=a-b` (b clipped to the end), `bytes=a-` and `bytes=-n` (the last n bytes) are served.
    Anything else -- no header, another unit, several ranges, bad syntax, b < a -- is ignored,
    as RFC 9110 allows, so the whole object is sent with 200. A range starting at or past the
    end, or a zero-length suffix, raises RangeNotSatisfiable.
    """
    if header is None:
        return None
    match = _SINGLE_RANGE.match(header.strip())
    if match is None:
        return None
    first, last, suffix = match.groups()
    if suffix is not None:
        wanted = int(suffix)
        if wanted == 0 or size == 0:
            raise RangeNotSatisfiable(size)
        return ByteRange(max(size - wanted, 0), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        raise RangeNotSatisfiable(size)
    end = min(int(last), size - 1) if last else size - 1
    return ByteRange(start, end)
