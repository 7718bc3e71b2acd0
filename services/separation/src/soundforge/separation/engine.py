"""What every separation engine is: an audio file in, named stem files out, progress as it goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# fraction of the engine's work done (0..1) and a short stage text; callable from any thread.
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class StemRequest:
    """What one separation asks of an engine, in the platform's vocabulary (HTTP names)."""

    model: str  # "htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra"; lalal.ai ignores it
    format: str = "wav"  # "wav" | "flac" | "mp3"
    two_stems: str = ""  # "" = every source; else this source + "no_<source>"
    segment: float | None = None  # seconds per model window; None = the model's own
    overlap: float = 0.25
    shifts: int = 0
    # lalal.ai only: the caller's license key (from their settings) or the server default.
    license_key: str = ""
    # lalal.ai only: who asked and for which job, so a user can list and cancel their tasks.
    owner_id: str = ""
    job_id: str = ""


@dataclass(frozen=True)
class StemFile:
    """One finished stem on local disk, named in the platform's vocabulary ("drums", "no_vocals")."""

    name: str
    path: Path
    duration: float  # seconds
    format: str  # "wav" | "flac" | "mp3"


class SeparationEngine(Protocol):
    """Separates `source` into stem files under `out_dir`.

    Raises `soundforge.events.PermanentJobError` (or a SoundForgeError with a permanent status)
    when the same input would fail the same way again (corrupt audio, missing weights, no key);
    anything else is retried by the worker. Cancellation (asyncio) stops the work promptly and
    releases whatever the engine holds outside this process (e.g. a lalal.ai task).
    """

    async def separate(
        self, source: Path, out_dir: Path, request: StemRequest, on_progress: Progress
    ) -> list[StemFile]: ...
