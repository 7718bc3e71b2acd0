"""Sniffing by content: real encoder output and hand-built headers; no files, no network."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest
import soundfile

from soundforge.ingest.sniffing import AAC, FLAC, M4A, MP3, OGG, OPUS, SNIFF_BYTES, WAV, AudioFormat, sniff


def encoded_head(fmt: str, subtype: str, rate: int = 44100) -> bytes:
    """The first bytes libsndfile writes for one second of a tone, encoded in memory."""
    seconds = np.arange(rate, dtype=np.float64) / rate
    tone = 0.2 * np.sin(2 * np.pi * 440.0 * seconds)
    buffer = io.BytesIO()
    soundfile.write(buffer, tone, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()[:SNIFF_BYTES]


@pytest.mark.parametrize(
    ("fmt", "subtype", "rate", "expected"),
    [
        ("WAV", "PCM_16", 44100, WAV),
        ("WAV", "FLOAT", 48000, WAV),
        ("FLAC", "PCM_24", 44100, FLAC),
        ("OGG", "VORBIS", 44100, OGG),
        ("OGG", "OPUS", 48000, OPUS),
        ("MP3", "MPEG_LAYER_III", 44100, MP3),
    ],
)
def test_encoder_output_is_recognised(fmt: str, subtype: str, rate: int, expected: AudioFormat) -> None:
    assert sniff(encoded_head(fmt, subtype, rate)) == expected


def test_mp3_with_id3_tag() -> None:
    head = b"ID3\x04\x00\x00\x00\x00\x01\x00" + b"\x00" * 20
    assert sniff(head) == MP3


def test_mp3_frame_sync_without_tag() -> None:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding, joint stereo.
    assert sniff(b"\xff\xfb\x90\x64" + b"\x00" * 28) == MP3


def test_m4a_by_ftyp_box() -> None:
    head = struct.pack(">I", 28) + b"ftypM4A " + b"\x00\x00\x02\x00" + b"M4A mp42isom" + b"\x00" * 8
    assert sniff(head) == M4A


def test_adts_aac() -> None:
    # Sync 0xFFF, MPEG-4, layer 00, no CRC; AAC LC at 44.1 kHz (index 4), two channels.
    assert sniff(b"\xff\xf1\x50\x80\x02\x1f\xfc" + b"\x00" * 9) == AAC


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"hello, this is a text file that someone named song.mp3\n", id="text"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", id="pdf"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", id="jpeg"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", id="zip"),
        pytest.param(b"RIFF\x24\x00\x00\x00AVI LIST", id="riff-avi"),
        pytest.param(struct.pack(">I", 24) + b"ftypheic\x00\x00\x00\x00mif1heic", id="heic-image"),
        pytest.param(b"\xff\xff\xff\xff" + b"\x00" * 12, id="reserved-mpeg-fields"),
        pytest.param(b"\xff\xe3\x00", id="truncated-frame-header"),
    ],
)
def test_non_audio_is_rejected(head: bytes) -> None:
    assert sniff(head) is None
