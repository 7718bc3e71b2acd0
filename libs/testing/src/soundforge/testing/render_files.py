"""Where rendered test audio is cached, and ffmpeg reading an audio file as mono float32."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import numpy.typing as npt


def render_cache() -> Path:
    """The folder renders, decoded recordings and produced clips are cached in ($SOUNDFORGE_MIDI_CACHE,
    or soundforge-midi in the temporary directory): a render is costly and never changes."""
    return Path(os.environ.get("SOUNDFORGE_MIDI_CACHE", Path(tempfile.gettempdir()) / "soundforge-midi"))


def ffmpeg_decode(path: Path, sample_rate: int) -> npt.NDArray[np.float32]:
    """The file's audio as mono float32 at `sample_rate`, decoded and resampled by ffmpeg."""
    command = ["ffmpeg", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(sample_rate)]
    raw = subprocess.run([*command, "-f", "f32le", "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.float32).copy()
