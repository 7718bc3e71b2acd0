"""Notes to audio through the Synthesis ToolKit's instrument models (Debian's stk) and a recorded drum kit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import soundfile

from soundforge.testing import sample_render
from soundforge.testing.sample_render import DRUM_CHANNEL, SampleSet, SamplesMissing

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]

_VOICES = 16  # stk-demo's polyphony per channel: a chord's notes and the ones still releasing


@dataclass(frozen=True)
class Model:
    """One STK instrument as stk-demo plays it: its class, the SKINI controls set before its first note
    (number, value), and a gain that levels it against the set's other models."""

    name: str  # an stk-demo instrument (Rhodey, BeeThree, ...)
    sustained: bool  # holds its note as long as it is held
    controls: tuple[tuple[int, float], ...] = ()
    gain: float = 1.0


@dataclass(frozen=True)
class ModelSet:
    """General MIDI programs to STK models, and the drum channel to a recorded kit: what a render
    through the set may play."""

    root: Path  # STK's own data (its rawwaves): names the set in place of a soundfont
    programs: Mapping[int, Model]
    drums: SampleSet  # the kit the drum channel plays (sample_render; no programs of its own)
    drum_gain: float  # the kit's recordings against the models' output
    fetch: str  # how to get it

    def require(self) -> None:
        """Raises with the fix when stk-demo, STK's data or the kit is missing."""
        if shutil.which("stk-demo") is None or not self.root.is_dir():
            raise SamplesMissing(f"renders through {self.root} need {self.fetch} (missing: stk-demo)")
        self.drums.require()


# The Synthesis ToolKit (Perry R. Cook and Gary P. Scavone; free licence, Debian's stk, `make apt`):
# FM and modal synthesis models of real instruments, played by its stk-demo program from a SKINI
# score. Only models whose output is the same on every run (no noise seeded by the clock) and that
# sound the pitch class they are given are here. Drums from Hydrogen's ColomboAcousticDrumkit (Marcos
# Guglielmetti, GPL-2+; Debian's hydrogen-drumkits, `make apt`), a wooden kit with a piccolo snare.
_COLOMBO = Path("/usr/share/hydrogen/data/drumkits/ColomboAcousticDrumkit")
MODELLED = ModelSet(
    root=Path("/usr/share/stk/rawwaves"),
    programs={
        4: Model("Rhodey", False, gain=1.0),  # a Rhodes-like FM electric piano
        5: Model("Rhodey", False, controls=((2, 100.0),), gain=1.3),  # the same, its tine brighter
        12: Model("ModalBar", False, controls=((16, 0.0),), gain=1.8),  # marimba (a modal bar)
        # A drawbar organ (FM) without its 2 2/3' drawbar, whose third harmonic made a note read as its fifth.
        16: Model("BeeThree", True, controls=((4, 0.0),), gain=0.8),
        38: Model("Moog", True, gain=6.0),  # a Moog-like synth bass: a swept resonant filter
        48: Model("BeeThree", True, controls=((4, 0.0),), gain=0.8),  # what free-time chords put under them
        81: Model("HevyMetl", True, gain=0.7),  # an FM lead, overdriven
    },
    drums=SampleSet(
        root=_COLOMBO,
        programs={},
        kit=_COLOMBO,
        drums={
            36: "bassdrum-4mics-br-stereo-normal3",
            37: "stick-rim-9",
            38: "snare-opaque-normal-mic-normal_shot2",
            39: "snare-opaque-normal-mic-rimshot2",  # no clap: a rim shot, as a drummer covers one
            41: "tom-low-1",
            42: "hihat-closed-4",
            44: "hihat-semi-open-1",
            45: "tom-mid-1",
            46: "hihat-open-4",
            48: "tom-hi-1",
            49: "crash16i__crash1",
            51: "crash20i__ride4",
            53: "crash20i__ride-cup1",
            57: "crash20i__crash",
        },
        fetch="`make apt` (ffmpeg, hydrogen-drumkits)",
        kit_files=("{name}.flac",),
    ),
    drum_gain=0.4,
    fetch="`make apt` (stk, hydrogen-drumkits, ffmpeg)",
)
# The model sets a render may name in place of a soundfont (midi_render.render_notes).
MODEL_SETS = {MODELLED.root: MODELLED}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, model_set: ModelSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel through its program's model, every note bent by `cents`; the drum channel
    through the set's kit, unbent. A program the set lacks is an error, never a stand-in."""
    model_set.require()
    notes = list(notes)
    out = sample_render.silence(notes, seconds, sample_rate)
    for channel in sorted({note.channel for note in notes}):
        played = [note for note in notes if note.channel == channel]
        if channel == DRUM_CHANNEL:
            sound = model_set.drum_gain * sample_render.render(played, {}, seconds, sample_rate, 0.0,
                                                               model_set.drums)  # fmt: skip
        else:
            sound = _played(played, model_set.programs[programs[channel]], cents, sample_rate)
        end = min(sound.size, out.size)
        out[:end] += sound[:end]
    return out


def _played(notes: list[Note], model: Model, cents: float, sample_rate: int) -> Samples:
    """One channel's notes through stk-demo: a SKINI score whose delta times land every event on the
    sample it falls on (stk-demo counts a delta's samples down, truncated), each note at its MIDI
    number plus the bend (STK plays fractional notes), its velocity the model's amplitude."""
    events = []  # (sample, order, line): a note's end before another's start on the same sample
    for note in notes:
        pitch = f"{note.pitch + cents / 100.0:.4f}"
        on = round(note.start * sample_rate)
        off = max(on + 1, round((note.start + note.seconds) * sample_rate))
        events.append((on, 1, f"NoteOn {{}} 1 {pitch} {min(max(note.velocity, 1), 127):.1f}"))
        events.append((off, 0, f"NoteOff {{}} 1 {pitch} 64.0"))
    events.sort(key=lambda event: (event[0], event[1]))
    lines = [f"ControlChange 0.0 1 {number} {value:.1f}" for number, value in model.controls]
    now = 0
    for sample, _, line in events:
        lines.append(line.format(f"{(sample - now + 0.5) / sample_rate:.9f}"))
        now = sample
    with tempfile.TemporaryDirectory() as tmp:
        score, wav = Path(tmp) / "score.ski", Path(tmp) / "out.wav"
        score.write_text("\n".join(lines) + "\n")
        command = ["stk-demo", model.name, "-s", str(sample_rate), "-n", str(_VOICES), "-ow", str(wav)]
        subprocess.run([*command, "-if", str(score)], check=True, capture_output=True, cwd=tmp)
        audio, rate = soundfile.read(wav, dtype="float32", always_2d=True)
    assert rate == sample_rate
    return (model.gain * audio.mean(axis=1)).astype(np.float32)
