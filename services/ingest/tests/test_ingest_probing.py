"""Probing real encoded files with soundfile, and reading ffprobe's JSON report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile

from soundforge.ingest.probing import parse_ffprobe, probe
from soundforge.ingest.sniffing import FLAC, M4A, MP3, OGG, OPUS, WAV, AudioFormat
from soundforge.runtime.errors import UnsupportedMediaType


def write_tone(path: Path, seconds: float, rate: int, channels: int, fmt: str, subtype: str) -> None:
    t = np.arange(int(seconds * rate), dtype=np.float64) / rate
    tone = 0.2 * np.sin(2 * np.pi * 330.0 * t)
    soundfile.write(path, np.stack([tone] * channels, axis=1), rate, format=fmt, subtype=subtype)


@pytest.mark.parametrize(
    ("fmt", "subtype", "audio_format", "rate", "channels", "codec"),
    [
        ("WAV", "PCM_16", WAV, 44100, 2, "pcm_s16le"),
        ("WAV", "FLOAT", WAV, 16000, 1, "pcm_f32le"),
        ("FLAC", "PCM_16", FLAC, 48000, 1, "flac"),
        ("OGG", "VORBIS", OGG, 22050, 2, "vorbis"),
        ("OGG", "OPUS", OPUS, 48000, 2, "opus"),
        ("MP3", "MPEG_LAYER_III", MP3, 44100, 2, "mp3"),
    ],
)
def test_soundfile_formats(
    tmp_path: Path, fmt: str, subtype: str, audio_format: AudioFormat, rate: int, channels: int, codec: str
) -> None:
    path = tmp_path / f"tone.{audio_format.ext}"
    write_tone(path, 3.25, rate, channels, fmt, subtype)
    info = probe(path, audio_format, ffprobe=None)
    assert info.sample_rate == rate
    assert info.channels == channels
    assert info.codec == codec
    assert info.duration == pytest.approx(3.25, abs=0.06)


def test_valid_magic_over_garbage_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "broken.flac"
    path.write_bytes(b"fLaC" + bytes(range(256)) * 40)
    with pytest.raises(UnsupportedMediaType, match="cannot be decoded"):
        probe(path, FLAC, ffprobe=None)


def test_m4a_without_ffprobe_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "song.m4a"
    path.write_bytes(b"\x00\x00\x00\x1cftypM4A " + b"\x00" * 100)
    with pytest.raises(UnsupportedMediaType, match="ffprobe is not installed"):
        probe(path, M4A, ffprobe=None)


def test_ffprobe_report_of_an_aac_stream() -> None:
    report = {
        "programs": [],
        "streams": [{"codec_name": "aac", "sample_rate": "44100", "channels": 2, "duration": "187.342000"}],
        "format": {"duration": "187.360000"},
    }
    info = parse_ffprobe(json.dumps(report))
    assert (info.codec, info.sample_rate, info.channels) == ("aac", 44100, 2)
    assert info.duration == pytest.approx(187.342)


def test_ffprobe_duration_falls_back_to_the_container() -> None:
    report = {
        "streams": [{"codec_name": "alac", "sample_rate": "96000", "channels": 1, "duration": "N/A"}],
        "format": {"duration": "12.5"},
    }
    assert parse_ffprobe(json.dumps(report)).duration == pytest.approx(12.5)


@pytest.mark.parametrize(
    "output",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b'{"streams": [], "format": {"duration": "3.0"}}', id="video-without-audio"),
        pytest.param(b'{"streams": [{"codec_name": "aac", "channels": 2}]}', id="no-rate-no-duration"),
    ],
)
def test_ffprobe_reports_without_usable_audio(output: bytes) -> None:
    with pytest.raises(UnsupportedMediaType):
        parse_ffprobe(output)
