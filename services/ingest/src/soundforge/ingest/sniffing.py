"""Audio container detection from an object's first bytes: the file name and declared type lie."""

from __future__ import annotations

from dataclasses import dataclass

# Enough for every signature below, including the Opus id header on the first Ogg page.
SNIFF_BYTES = 64

# ISO-BMFF brands of still images (HEIF/AVIF) and raw photos share the `ftyp` box with m4a.
_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis", b"crx "})


@dataclass(frozen=True)
class AudioFormat:
    """A recognised container: `name` is what the probe dispatches on, `ext` names the stored object."""

    name: str
    ext: str
    content_type: str


WAV = AudioFormat("wav", "wav", "audio/wav")
FLAC = AudioFormat("flac", "flac", "audio/flac")
OGG = AudioFormat("ogg", "ogg", "audio/ogg")
OPUS = AudioFormat("opus", "opus", "audio/opus")
MP3 = AudioFormat("mp3", "mp3", "audio/mpeg")
M4A = AudioFormat("m4a", "m4a", "audio/mp4")
AAC = AudioFormat("aac", "aac", "audio/aac")


def sniff(head: bytes) -> AudioFormat | None:
    """The audio format `head` (the object's first SNIFF_BYTES) starts with, or None if not audio."""
    if len(head) >= 12 and head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
        return WAV
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"OggS"):
        # The first page carries the codec's id header right after the 27-byte page header
        # and its segment table; Opus says so in 8 bytes, anything else stays plain Ogg.
        return OPUS if b"OpusHead" in head[27:] else OGG
    if head.startswith(b"ID3"):
        return MP3
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return None if head[8:12] in _IMAGE_BRANDS else M4A
    if _is_adts(head):
        return AAC
    if _is_mpeg_audio_frame(head):
        return MP3
    return None


def _is_adts(head: bytes) -> bool:
    """ADTS: 12-bit sync, layer 00, and a valid sampling-frequency index."""
    if len(head) < 7 or head[0] != 0xFF or head[1] & 0xF6 != 0xF0:
        return False
    sampling_index = (head[2] >> 2) & 0x0F
    return sampling_index < 13


def _is_mpeg_audio_frame(head: bytes) -> bool:
    """An MPEG-1/2/2.5 audio frame header (an mp3 without ID3 tags starts with one)."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0x03
    layer = (head[1] >> 1) & 0x03
    bitrate_index = (head[2] >> 4) & 0x0F
    sampling_index = (head[2] >> 2) & 0x03
    # Reserved values in any field mean random bytes that merely happen to start with 0xFFE.
    return version != 0x01 and layer != 0x00 and bitrate_index != 0x0F and sampling_index != 0x03
