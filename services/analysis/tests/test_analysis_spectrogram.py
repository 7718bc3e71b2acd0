"""Spectrogram PNGs: a real image of the expected size, the right way up, tagged with its source."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from soundforge.analysis.features import analyze_samples
from soundforge.analysis.spectrogram import COLOURS, HEIGHT, SOURCE_TAG, WIDTH, png_text, render_png
from soundforge.storage.keys import spectrogram_key_for

SR = 22050


def tone(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def decoded(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    return np.asarray(image.convert("RGB"))


@pytest.mark.parametrize("seconds", [30.0, 1.5])  # more frames than columns, and fewer
def test_the_image_has_the_expected_size_and_colours(seconds: float) -> None:
    png = analyze_samples(tone(150.0, seconds), ["spectrogram"]).spectrogram_png
    assert png is not None
    pixels = decoded(png)
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    palette = {tuple(colour) for colour in COLOURS.tolist()}
    assert {tuple(p) for p in pixels.reshape(-1, 3)[::97].tolist()} <= palette
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 4  # a picture, not a flat fill


def test_low_frequencies_are_at_the_bottom() -> None:
    low = decoded(analyze_samples(tone(150.0, 5.0), ["spectrogram"]).spectrogram_png or b"")
    high = decoded(analyze_samples(tone(6000.0, 5.0), ["spectrogram"]).spectrogram_png or b"")
    brightness = [pixels.sum(axis=(1, 2)) for pixels in (low, high)]
    assert int(np.argmax(brightness[0])) > HEIGHT * 3 // 4  # 150 Hz: near the bottom edge
    assert int(np.argmax(brightness[1])) < HEIGHT // 4  # 6 kHz: high up on a mel axis


def test_a_transient_stays_visible_when_columns_cover_many_frames() -> None:
    log_mel = np.full((128, 20_000), -80.0, dtype=np.float32)
    log_mel[:, 12_345] = 0.0  # one loud frame among 20 per column
    pixels = decoded(render_png(log_mel))
    column = 12_345 * WIDTH // 20_000
    assert pixels[:, column].sum() > 10 * pixels[:, column + 5].sum()


def test_the_source_tag_reads_back_from_the_first_bytes() -> None:
    png = render_png(np.random.default_rng(0).normal(-40, 10, (128, 300)).astype(np.float32), "abc123")
    assert png_text(png[:4096])[SOURCE_TAG] == "abc123"
    assert SOURCE_TAG not in png_text(render_png(np.zeros((128, 10), np.float32)))
    assert png_text(b"GIF89a not a png") == {}


def test_the_image_lives_beside_its_audio() -> None:
    assert (
        spectrogram_key_for("users/u1/tracks/t1/source.wav") == "users/u1/tracks/t1/spectrograms/source.png"
    )
    assert spectrogram_key_for("users/u1/gen/clip.v2.mp3") == "users/u1/gen/spectrograms/clip.v2.png"
