"""Range header parsing and download file names, without any server."""

from __future__ import annotations

import pytest

from soundforge.gateway.attachments import attachment_filename, slug
from soundforge.gateway.byte_ranges import ByteRange, RangeNotSatisfiable, parse_range


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        ("bytes=0-0", 10, ByteRange(0, 0)),
        ("bytes=0-9", 10, ByteRange(0, 9)),
        ("bytes=0-99", 10, ByteRange(0, 9)),
        ("bytes=4-", 10, ByteRange(4, 9)),
        ("bytes=-3", 10, ByteRange(7, 9)),
        ("bytes=-30", 10, ByteRange(0, 9)),
        (" bytes=2-3 ", 10, ByteRange(2, 3)),
        (None, 10, None),
        ("bytes=5-4", 10, None),
        ("bytes=0-1,3-4", 10, None),
        ("bytes 0-1", 10, None),
        ("chunks=0-1", 10, None),
        ("bytes=-", 10, None),
        ("bytes=1-2-3", 10, None),
        ("bytes=+1-2", 10, None),
    ],
)
def test_parse_range(header: str | None, size: int, expected: ByteRange | None) -> None:
    assert parse_range(header, size) == expected


@pytest.mark.parametrize(
    ("header", "size"),
    [("bytes=10-", 10), ("bytes=10-20", 10), ("bytes=-0", 10), ("bytes=0-", 0), ("bytes=-1", 0)],
)
def test_unsatisfiable_ranges(header: str, size: int) -> None:
    with pytest.raises(RangeNotSatisfiable) as caught:
        parse_range(header, size)
    assert caught.value.size == size


def test_content_range_and_length() -> None:
    part = ByteRange(100, 199)
    assert (part.length, part.content_range(1000)) == (100, "bytes 100-199/1000")


def test_slugs_and_file_names() -> None:
    assert slug("Beyoncé — Halo (Live)") == "beyonce-halo-live"
    assert slug("  ../../etc/passwd  ") == "etc-passwd"
    assert slug("夜に駆ける") == ""
    assert attachment_filename("The Weeknd", "Blinding Lights", suffix=".json", fallback="x") == (
        "the-weeknd-blinding-lights.json"
    )
    assert attachment_filename("", "夜", suffix=".json", fallback="track-1") == "track-1.json"
    long = attachment_filename("a" * 300, suffix=".json", fallback="x")
    assert long == "a" * 100 + ".json"
    assert attachment_filename("a" * 99 + " b", suffix=".json", fallback="x") == "a" * 99 + ".json"
