"""The pipeline's audio stages on files, block by block: harmonic/percussive split and composites.

Stage 2 splits the instrumental (every stem but the vocals, summed) into `harmonic` and
`percussive`; stage 3 puts the vocals back over them: `main` (vocals + harmonic + percussive, the
song rebuilt from its parts), `main_harmonic` (vocals over the harmonic part: no drums) and
`main_percussive` (vocals over the rhythm). Intermediates are 32-bit float WAV: nothing clips
before the normalisation stage sets the level.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import numpy as np
import soundfile as sf

from soundforge.dsp.hpss import hpss_stream

BLOCK = 1 << 16
VOCALS = "vocals"


def _summed(paths: list[Path], out: Path) -> Path:
    """The sample-wise sum of equally long files, written as float WAV."""
    with ExitStack() as stack:
        sources = [stack.enter_context(sf.SoundFile(p)) for p in paths]
        first = sources[0]
        target = stack.enter_context(
            sf.SoundFile(out, "w", first.samplerate, first.channels, subtype="FLOAT")
        )
        while True:
            blocks = [s.read(BLOCK, dtype="float32", always_2d=True) for s in sources]
            if not blocks[0].shape[0]:
                break
            length = min(b.shape[0] for b in blocks)
            target.write(np.sum([b[:length] for b in blocks], axis=0))
    return out


def decompose(stems: dict[str, Path], out_dir: Path) -> dict[str, Path]:
    """`harmonic` and `percussive` of the instrumental, memory bounded by one HPSS chunk."""
    out_dir.mkdir(parents=True, exist_ok=True)
    accompaniment = [path for name, path in stems.items() if name != VOCALS] or list(stems.values())
    instrumental = _summed(accompaniment, out_dir / "instrumental.wav")
    harmonic, percussive = out_dir / "harmonic.wav", out_dir / "percussive.wav"
    with sf.SoundFile(instrumental) as source:
        rate, channels, frames = source.samplerate, source.channels, source.frames

        def read(start: int, stop: int) -> np.ndarray:
            source.seek(start)
            return np.ascontiguousarray(source.read(stop - start, dtype="float32", always_2d=True).T)

        with (
            sf.SoundFile(harmonic, "w", rate, channels, subtype="FLOAT") as h_out,
            sf.SoundFile(percussive, "w", rate, channels, subtype="FLOAT") as p_out,
        ):
            for h_block, p_block in hpss_stream(read, frames):
                h_out.write(h_block.T)
                p_out.write(p_block.T)
    instrumental.unlink()
    return {"harmonic": harmonic, "percussive": percussive}


def compose(stems: dict[str, Path], parts: dict[str, Path], out_dir: Path) -> dict[str, Path]:
    """`main`, `main_harmonic`, `main_percussive`: the vocals over the decomposed instrumental."""
    out_dir.mkdir(parents=True, exist_ok=True)
    vocals = [stems[VOCALS]] if VOCALS in stems else []
    return {
        "main": _summed([*vocals, parts["harmonic"], parts["percussive"]], out_dir / "main.wav"),
        "main_harmonic": _summed([*vocals, parts["harmonic"]], out_dir / "main_harmonic.wav"),
        "main_percussive": _summed([*vocals, parts["percussive"]], out_dir / "main_percussive.wav"),
    }
