"""Mel spectrogram images: the shared log-mel drawn as a colour-mapped PNG, tagged with the audio it shows."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import numpy.typing as npt
from PIL import Image
from PIL.PngImagePlugin import PngInfo

WIDTH, HEIGHT = 1024, 256  # time x frequency; 2 px per mel band
DYNAMIC_RANGE_DB = 80.0
SOURCE_TAG = "Source-ETag"  # PNG text chunk naming the audio version an image was drawn from
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# A perceptually ordered dark-to-light map (samples of matplotlib's "magma"), interpolated to 256.
_ANCHORS = np.array(
    [
        (0, 0, 4),
        (28, 16, 68),
        (79, 18, 123),
        (129, 37, 129),
        (181, 54, 122),
        (229, 80, 100),
        (251, 135, 97),
        (254, 194, 135),
        (252, 253, 191),
    ],
    dtype=np.float64,
)
_POSITIONS = np.linspace(0.0, 1.0, len(_ANCHORS))
COLOURS = (
    np.stack([np.interp(np.linspace(0.0, 1.0, 256), _POSITIONS, _ANCHORS[:, c]) for c in range(3)], axis=1)
    .round()
    .astype(np.uint8)
)

Floats = npt.NDArray[np.float32]


def render_png(log_mel: Floats, source_etag: str = "", width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A `width` x `height` PNG of a (bands, frames) dB mel spectrogram, low frequencies at the bottom.

    Columns take the loudest frame they cover (so short transients stay visible) or repeat
    frames when the clip is shorter than the image; the top DYNAMIC_RANGE_DB below the peak
    maps onto the colour map.
    """
    bands, frames = log_mel.shape
    if frames == 0:
        raise ValueError("no frames to draw")
    if frames >= width:
        edges = np.linspace(0, frames, width + 1).astype(np.int64)[:-1]
        columns = np.maximum.reduceat(log_mel, edges, axis=1)
    else:
        columns = log_mel[:, (np.arange(width) * frames) // width]
    rows = columns[(np.arange(height) * bands) // height][::-1]
    peak = float(rows.max())
    scaled = np.clip((rows - (peak - DYNAMIC_RANGE_DB)) / DYNAMIC_RANGE_DB, 0.0, 1.0)
    # A palette image: one byte per pixel, a third of the RGB size, the same colours.
    image = Image.fromarray((scaled * 255).round().astype(np.uint8)).convert("P")
    image.putpalette(COLOURS.tobytes())
    info = PngInfo()
    info.add_text("Software", "Sound Forge Alchemy analysis")
    if source_etag:
        info.add_text(SOURCE_TAG, source_etag)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info, compress_level=6)
    return out.getvalue()


def png_text(head: bytes) -> dict[str, str]:
    """The tEXt chunks before the image data of a PNG (its first bytes suffice); {} when not a PNG."""
    if not head.startswith(_PNG_SIGNATURE):
        return {}
    texts: dict[str, str] = {}
    offset = len(_PNG_SIGNATURE)
    while offset + 8 <= len(head):
        length, kind = struct.unpack(">I4s", head[offset : offset + 8])
        body = head[offset + 8 : offset + 8 + length]
        if kind == b"IDAT" or len(body) < length:
            break
        crc = head[offset + 8 + length : offset + 12 + length]
        if len(crc) == 4 and struct.unpack(">I", crc)[0] != zlib.crc32(kind + body) & 0xFFFFFFFF:
            break
        if kind == b"tEXt" and b"\0" in body:
            name, value = body.split(b"\0", 1)
            texts[name.decode("latin-1")] = value.decode("latin-1")
        offset += 12 + length
    return texts
