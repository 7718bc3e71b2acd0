"""Stem encoders fed block by block: the model's sources, or one source and the rest (two stems)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile as sf

# (soundfile container, subtype) per output format: 24-bit PCM is transparent at 3/4 of float's size.
_FORMATS = {
    "wav": ("WAV", "PCM_24"),
    "flac": ("FLAC", "PCM_24"),
    "mp3": ("MP3", "MPEG_LAYER_III"),
}


@dataclass(frozen=True)
class StemPlan:
    """Which stems to write from the model's sources: every one, or `two_stems` + "no_<it>"."""

    sources: tuple[str, ...]
    two_stems: str = ""

    @property
    def names(self) -> list[str]:
        if self.two_stems:
            return [self.two_stems, f"no_{self.two_stems}"]
        return list(self.sources)

    def split(self, block: np.ndarray) -> list[np.ndarray]:
        """sources x channels x frames -> one channels x frames array per stem in `names` order."""
        if not self.two_stems:
            return [block[k] for k in range(block.shape[0])]
        k = self.sources.index(self.two_stems)
        rest = block.sum(axis=0) - block[k]  # what Demucs' CLI writes as no_<stem>
        return [block[k], rest]


class StemWriters:
    """One open encoder per stem under `out_dir`; `write` takes the separator's blocks in order."""

    def __init__(self, out_dir: Path, plan: StemPlan, fmt: str, samplerate: int, channels: int) -> None:
        container, subtype = _FORMATS[fmt]
        self.plan = plan
        self.fmt = fmt
        self.samplerate = samplerate
        self.paths = [out_dir / f"{name}.{fmt}" for name in plan.names]
        self.frames = 0
        self.clipped = 0
        self.files: list[sf.SoundFile] = []
        try:
            for path in self.paths:
                self.files.append(
                    sf.SoundFile(path, "w", samplerate, channels, subtype=subtype, format=container)
                )
        except BaseException:
            self.close()
            raise

    def write(self, block: np.ndarray) -> None:
        for file, stem in zip(self.files, self.plan.split(block), strict=True):
            over = np.abs(stem) > 1.0
            if over.any():
                self.clipped += int(over.sum())
            file.write(np.ascontiguousarray(np.clip(stem, -1.0, 1.0).T))
        self.frames += block.shape[-1]

    def close(self) -> None:
        for file in self.files:
            file.close()
        self.files = []

    def __enter__(self) -> StemWriters:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
