"""Audio probing: duration, sample rate, channels and codec of a local file, decoding a little to be sure."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import soundfile

from soundforge.ingest.sniffing import AudioFormat
from soundforge.runtime.errors import UnsupportedMediaType

# libsndfile decodes these itself; m4a/aac need ffprobe (Debian ffmpeg).
SOUNDFILE_FORMATS = frozenset({"wav", "flac", "ogg", "opus", "mp3"})

# libsndfile reports 2**63 - 1 frames when the header does not give the length.
_UNKNOWN_FRAMES = 2**62

# Named as ffprobe names them, so a codec reads the same whichever prober saw the file.
_SUBTYPE_CODECS = {
    "PCM_U8": "pcm_u8",
    "PCM_16": "pcm_s16le",
    "PCM_24": "pcm_s24le",
    "PCM_32": "pcm_s32le",
    "FLOAT": "pcm_f32le",
    "DOUBLE": "pcm_f64le",
    "ULAW": "pcm_mulaw",
    "ALAW": "pcm_alaw",
    "VORBIS": "vorbis",
    "OPUS": "opus",
    "MPEG_LAYER_I": "mp1",
    "MPEG_LAYER_II": "mp2",
    "MPEG_LAYER_III": "mp3",
}


@dataclass(frozen=True)
class AudioInfo:
    duration: float
    sample_rate: int
    channels: int
    codec: str
    bit_rate: int = 0  # bits per second when the prober reports it (compressed formats); else 0


class _UnknownLength(Exception):
    """libsndfile cannot tell the length (a FLAC written to a pipe): ffprobe counts it instead."""


def undecodable(reason: str) -> UnsupportedMediaType:
    return UnsupportedMediaType(f"unsupported media type: {reason}")


def probe(path: Path, fmt: AudioFormat, ffprobe: str | None, timeout: float = 30.0) -> AudioInfo:
    """Blocking (run it in a thread); raises UnsupportedMediaType when the audio cannot be decoded."""
    if fmt.name in SOUNDFILE_FORMATS:
        try:
            return probe_with_soundfile(path)
        except _UnknownLength:
            if ffprobe is None:
                raise undecodable("the file does not say how long it is") from None
    if ffprobe is None:
        raise undecodable(f"{fmt.name} files cannot be read on this server (ffprobe is not installed)")
    return probe_with_ffprobe(path, ffprobe, timeout)


def probe_with_soundfile(path: Path) -> AudioInfo:
    try:
        with soundfile.SoundFile(path) as audio:
            frames = audio.frames
            if frames >= _UNKNOWN_FRAMES:
                raise _UnknownLength()
            if frames <= 0 or audio.samplerate <= 0 or audio.channels <= 0:
                raise undecodable("the file holds no audio")
            # A valid header over a corrupt body is common in renamed or truncated files:
            # decoding the first second proves the codec can actually read it.
            audio.read(frames=min(frames, audio.samplerate), dtype="float32")
            codec = "flac" if audio.format == "FLAC" else _SUBTYPE_CODECS.get(audio.subtype)
            return AudioInfo(
                duration=frames / audio.samplerate,
                sample_rate=int(audio.samplerate),
                channels=int(audio.channels),
                codec=codec or audio.subtype.lower(),
            )
    except soundfile.LibsndfileError as err:
        raise undecodable("the audio cannot be decoded") from err


def probe_with_ffprobe(
    path: Path, ffprobe: str, timeout: float, *, require_duration: bool = True
) -> AudioInfo:
    """The container's duration, else the sum of the packets' durations (a streamed FLAC's header has none).

    `require_duration=False` accepts a stream whose length still comes out 0.
    """
    argv = [
        ffprobe,
        "-v",
        "error",
        # Local files only: a playlist posing as media must not make ffprobe fetch URLs.
        "-protocol_whitelist",
        "file",
        "-select_streams",
        "a:0",
        "-show_entries",
        "stream=codec_name,sample_rate,channels,duration,bit_rate:format=duration,bit_rate",
        "-of",
        "json",
        str(path),
    ]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as err:
        raise undecodable("probing the audio timed out") from err
    if done.returncode != 0:
        raise undecodable("the audio cannot be decoded")
    info = parse_ffprobe(done.stdout, require_duration=False)
    if not info.duration:
        info = replace(info, duration=_packet_seconds(path, ffprobe, timeout))
    if require_duration and not info.duration:
        raise undecodable("the file holds no audio")
    return info


def _packet_seconds(path: Path, ffprobe: str, timeout: float) -> float:
    """Reads every packet header of the first audio stream (no decoding) and adds up their durations."""
    argv = [ffprobe, "-v", "error", "-protocol_whitelist", "file", "-select_streams", "a:0"]
    argv += ["-show_entries", "packet=duration_time", "-of", "csv=p=0", str(path)]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as err:
        raise undecodable("probing the audio timed out") from err
    return sum(_number(line) or 0.0 for line in done.stdout.decode(errors="replace").split())


def parse_ffprobe(output: bytes | str, *, require_duration: bool = True) -> AudioInfo:
    """AudioInfo from `ffprobe -of json` output (first audio stream, format duration as fallback)."""
    try:
        report: dict[str, Any] = json.loads(output)
    except ValueError as err:
        raise undecodable("the audio cannot be decoded") from err
    streams = report.get("streams") or []
    if not streams:
        raise undecodable("the file holds no audio stream")
    stream = streams[0]
    container = report.get("format") or {}
    duration = _number(stream.get("duration")) or _number(container.get("duration"))
    sample_rate = int(_number(stream.get("sample_rate")) or 0)
    channels = int(_number(stream.get("channels")) or 0)
    if (require_duration and not duration) or sample_rate <= 0 or channels <= 0:
        raise undecodable("the file holds no audio")
    return AudioInfo(
        duration=duration or 0.0,
        sample_rate=sample_rate,
        channels=channels,
        codec=str(stream.get("codec_name") or "unknown"),
        bit_rate=int(_number(stream.get("bit_rate")) or _number(container.get("bit_rate")) or 0),
    )


def _number(value: object) -> float | None:
    """ffprobe prints numbers as strings ("44100", "12.345000") and "N/A" when it does not know."""
    if value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except ValueError:
        return None
