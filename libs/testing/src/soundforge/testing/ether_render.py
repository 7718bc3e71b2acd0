"""Notes to audio by early electronic instruments computed in numpy, as the valve era played them: an
ondes Martenot's timbres (the onde's near sine, the creux's hollow odd harmonics, the gambé's string,
the nasillard's narrow pulse) mixed under its intensity key and heard through a diffuseur (the
principal loudspeaker, or the palme, whose strings tuned in semitones lift the harmonics that land on
them and ring on after the key is let go), a sextet of ondes a player to a note, each with a vibrato
of its own; a theremin's heterodyne tone (two radio oscillators' beat, richer low than high), its
player scooping into each note under the volume hand's swell; a trautonium's neon sawtooth through its
formant circuits; a Clavioline's and an Ondioline's divided square and pulse through their voicing
filters under a fixed vibrato; the valves' hiss; and a valve rhythm machine's circuits of its own,
rung by a turning commutator's contacts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_HARMONICS = 40  # a note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
FRAME = 0.01  # s: the step the harmonics' levels are worked out at (straight lines between)
TABLE = 2048  # points in one period's table (struck_render.periods)
PALME_STRINGS = (120.0, 1100.0)  # Hz: the palme's strings, a semitone apart, span these
PALME_WIDTH = 12.0  # cents: how near a string a harmonic must land to set it going
PALME_RING = 0.8  # s: how much longer a harmonic on a string rings once the key is let go
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7919  # mixed into every note's seed and every circuit's hiss


class Wave(NamedTuple):
    """An oscillator's waveform: its k-th harmonic's level 1/k^`slope`, its even harmonics' share
    `even`, and where `width` is given a pulse's (|sin(pi k width)|, its zeros where k is a multiple
    of 1/width); `tilt` steepens the slope by that much an octave of the note above 220 Hz (a
    heterodyne's beat is purer high than low)."""

    slope: float
    even: float = 1.0
    width: float = 0.0
    tilt: float = 0.0


WAVES = {
    "onde": Wave(3.4),  # the ondes' O: a near sine
    "creux": Wave(1.6, 0.08),  # C: hollow, its even harmonics near gone
    "gambe": Wave(1.0),  # G: a string's many harmonics, a sawtooth's
    "nasillard": Wave(0.6, 1.0, 0.18),  # N: a narrow pulse, nasal
    "heterodyne": Wave(2.2, 0.5, 0.0, 0.8),  # a theremin's beat: its mixer's curve, purer up high
    "neon": Wave(0.9),  # a trautonium's neon tube charging and firing: a sawtooth, its reset sharp
    "square": Wave(1.0, 0.0),  # a Clavioline's divider: a square
    "pulse": Wave(1.0, 1.0, 0.3),  # an Ondioline's multivibrator: a pulse under a third of a period
}


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A patch: `timbres` ((WAVES name, level) each) summed, lifted by `formants` ((Hz, width in
    octaves, gain) each: a trautonium's circuits, a Clavioline's voicing filters), and by `palme`
    (0: the principal loudspeaker) where a harmonic lands on one of the palme's strings; `level` is
    the intensity key's or the volume hand's (attack s, decay s, the share it holds, release s), the
    pitch rising from `scoop` cents under the note over `glide` s (a theremin player's finger finding
    it), a vibrato of `vibrato` cents at `rate` Hz after `delay` s, each note's player with a rate and
    phase of its own; `voices` players on each note `detune` cents apart, symmetric about the pitch;
    the valves' `hiss`."""

    kind: str
    timbres: tuple[tuple[str, float], ...]
    formants: tuple[tuple[float, float, float], ...] = ()
    palme: float = 0.0
    level: tuple[float, float, float, float] = (0.02, 0.3, 1.0, 0.08)
    scoop: float = 0.0
    glide: float = 0.06
    hiss: float = 0.004
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 6.0
    delay: float = 0.2
    gain: float = 1.0


Drum = struck_render.Drum
Kit = struck_render.Kit[Drum]
# General MIDI programs to instruments and drums to the rhythm machine's circuits.
EtherSet = struck_render.StruckSet[Instrument, Drum]

# The chords: a sextet of ondes in the onde and a touch of the gambé through the principal; in the
# creux through the palme; in the nasillard with the intensity key struck and let fall; a theremin
# ensemble, each player scooping and wavering on his own.
SEXTET = Instrument("ondes sextet", (("onde", 1.0), ("gambe", 0.25)), vibrato=6.0, rate=5.6, delay=0.3,
                    level=(0.04, 0.3, 1.0, 0.12))  # fmt: skip
PALME = Instrument("ondes on the palme", (("creux", 1.0), ("onde", 0.4)), palme=2.0, vibrato=5.0, rate=5.2,
                   delay=0.35, level=(0.05, 0.3, 1.0, 0.15), gain=0.9)  # fmt: skip
STRUCK = Instrument("ondes struck", (("nasillard", 0.6), ("onde", 1.0)), level=(0.004, 0.45, 0.0, 0.1),
                    hiss=0.002, gain=1.1)  # fmt: skip
CHORAL = Instrument("theremin ensemble", (("heterodyne", 1.0),), scoop=30.0, glide=0.08, vibrato=8.0,
                    rate=6.3, level=(0.09, 0.4, 1.0, 0.2))  # fmt: skip
# Held while the key is down: a sextet in the onde alone, and the palme's creux with the gambé.
HELD = Instrument("ondes held", (("onde", 1.0), ("creux", 0.2)), vibrato=4.0, rate=5.4, delay=0.4,
                  level=(0.12, 0.3, 1.0, 0.25), voices=2, detune=4.0)  # fmt: skip
HELD_PALME = Instrument("palme held", (("creux", 0.7), ("gambe", 0.4)), palme=2.5, vibrato=3.0, rate=5.0,
                        delay=0.5, level=(0.15, 0.3, 1.0, 0.3))  # fmt: skip
# The basses: a trautonium's sawtooth under a low formant, a Clavioline's square an octave switch
# down, an ondes' gambé through the principal plucked by its intensity key.
TRAUTONIUM_BASS = Instrument("trautonium bass", (("neon", 1.0),), formants=((420.0, 0.8, 2.5),),
                             level=(0.006, 0.35, 0.5, 0.06), hiss=0.003, gain=1.2)  # fmt: skip
CLAVIOLINE_BASS = Instrument("clavioline bass", (("square", 1.0),), formants=((300.0, 1.0, 2.0),),
                             level=(0.005, 0.4, 0.6, 0.05), gain=1.1)  # fmt: skip
GAMBE_BASS = Instrument("ondes gambe bass", (("gambe", 1.0), ("onde", 0.8)), level=(0.008, 0.5, 0.4, 0.08),
                        gain=1.2)  # fmt: skip
# The leads: a theremin, the ondes' ribbon through the palme, a trautonium's vowel, a Clavioline
# and an Ondioline.
THEREMIN = Instrument("theremin", (("heterodyne", 1.0),), scoop=45.0, glide=0.07, vibrato=12.0, rate=6.4,
                      delay=0.25, level=(0.07, 0.3, 1.0, 0.12), gain=0.9)  # fmt: skip
RIBBON = Instrument("ondes ribbon on the palme", (("onde", 1.0), ("creux", 0.5)), palme=1.6, vibrato=10.0,
                    rate=5.8, delay=0.3, level=(0.03, 0.3, 1.0, 0.15))  # fmt: skip
TRAUTONIUM = Instrument("trautonium", (("neon", 1.0),), formants=((650.0, 0.5, 3.0), (1800.0, 0.5, 2.5)),
                        vibrato=7.0, rate=5.5, delay=0.3, level=(0.01, 0.3, 0.8, 0.08), gain=0.9)  # fmt: skip
CLAVIOLINE = Instrument("clavioline", (("square", 1.0),), formants=((1400.0, 0.7, 2.5),), vibrato=9.0,
                        rate=6.6, delay=0.0, level=(0.008, 0.2, 0.85, 0.06), gain=0.8)  # fmt: skip
ONDIOLINE = Instrument("ondioline", (("pulse", 1.0),), formants=((900.0, 0.6, 2.0), (2600.0, 0.5, 1.8)),
                       vibrato=8.0, rate=5.9, delay=0.2, level=(0.01, 0.25, 0.8, 0.07), gain=0.8)  # fmt: skip

# General MIDI programs to instruments: the held chords as the ondes held and the palme held; a
# song's chords on the sextet, the palme, the struck ondes and the theremins; the basses; the leads.
ETHER = EtherSet(
    root=Path(__file__).with_name("ether-instruments"),
    programs={
        48: HELD,
        49: HELD_PALME,
        88: SEXTET,
        89: PALME,
        90: STRUCK,
        91: CHORAL,
        38: TRAUTONIUM_BASS,
        39: CLAVIOLINE_BASS,
        43: GAMBE_BASS,
        40: THEREMIN,
        85: RIBBON,
        84: TRAUTONIUM,
        80: CLAVIOLINE,
        81: ONDIOLINE,
    },
    drums=Kit(
        kit=Path(__file__).with_name("ether-instruments") / "rhythm-machine",
        drums={
            # The bass drum's circuit rung low and rung again softer; the snare's ring over its
            # gas tube's hiss, and the brush's hiss alone, swept; the claves' and the rim's short rings.
            36: Drum(((58.0, 1.0, 0.2), (97.0, 0.3, 0.07)), (60.0, 400.0), 0.015, 1.3),
            35: Drum(((64.0, 1.0, 0.14),), (60.0, 400.0), 0.01, 1.1),
            38: Drum(((176.0, 0.6, 0.05), (297.0, 0.3, 0.03)), (1700.0, 7000.0), 0.1, 0.9),
            39: Drum((), (900.0, 6000.0), 0.07, 0.8),
            37: Drum(((1830.0, 1.0, 0.012),), (1500.0, 5000.0), 0.004, 0.5),
            75: Drum(((2480.0, 1.0, 0.03),), gain=0.4),
            # The tom-tom's circuit low, middle and high, and the bongos.
            41: Drum(((88.0, 1.0, 0.18), (141.0, 0.3, 0.08)), (200.0, 1200.0), 0.02, 1.0),
            45: Drum(((118.0, 1.0, 0.15), (190.0, 0.3, 0.07)), (250.0, 1500.0), 0.02, 1.0),
            43: Drum(((102.0, 1.0, 0.16), (163.0, 0.3, 0.07)), (220.0, 1400.0), 0.02, 1.0),
            60: Drum(((392.0, 1.0, 0.06), (770.0, 0.3, 0.02)), (800.0, 3000.0), 0.01, 0.6),
            61: Drum(((294.0, 1.0, 0.07), (581.0, 0.3, 0.025)), (700.0, 2600.0), 0.01, 0.6),
            # The cymbal's gas tube hissing through its band, gated short, longer, and let ring over
            # a metal's partials; the maracas' and the cabasa's short hiss.
            42: Drum(((5200.0, 0.2, 0.02),), (6000.0, 10500.0), 0.025, 0.4),
            46: Drum(((4800.0, 0.2, 0.15), (6900.0, 0.2, 0.1)), (5000.0, 10500.0), 0.2, 0.4),
            44: Drum((), (5500.0, 10500.0), 0.015, 0.3),
            51: Drum(((3560.0, 0.5, 0.4), (5310.0, 0.3, 0.3)), (5500.0, 10500.0), 0.08, 0.35),
            49: Drum(
                ((2410.0, 0.3, 0.8), (3770.0, 0.3, 0.6), (5630.0, 0.2, 0.5)), (3000.0, 10500.0), 0.9, 0.45
            ),
            70: Drum((), (4000.0, 10000.0), 0.03, 0.45),
            69: Drum((), (3000.0, 9000.0), 0.05, 0.4),
            # The wood block high and low, the cowbell's two rings, the triangle.
            76: Drum(((1210.0, 1.0, 0.035), (2830.0, 0.3, 0.012)), (1500.0, 6000.0), 0.003, 0.5),
            77: Drum(((870.0, 1.0, 0.04), (2050.0, 0.3, 0.015)), (1000.0, 5000.0), 0.003, 0.5),
            56: Drum(((562.0, 1.0, 0.12), (845.0, 0.7, 0.1)), (1000.0, 4000.0), 0.004, 0.4),
            81: Drum(((1620.0, 1.0, 0.8), (4430.0, 0.5, 0.6), (7690.0, 0.3, 0.4)), gain=0.3),
        },
    ),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
ETHER_SETS = {ETHER.root: ETHER}
_CONTACTS = ((0.0, 1.0), (0.0007, 0.5), (0.0016, 0.25))  # s, share: a wiper closing, bouncing twice
_CONTACT_LEVEL = 0.12  # the contacts' clicks against the circuit's peak
_CONTACT_BAND = (2000.0, 9000.0)  # Hz: what of a click reaches the output through the circuits' coupling


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, ether_set: EtherSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died: each
    melodic channel's notes through its program's instrument, bent by `cents` (a chord an ensemble's
    players, one to a note); the drum channel through the set's rhythm machine, unbent. A program or
    a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, ether_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a player to each) held `held` seconds at `velocity`. What varies
    (the harmonics' phases, each player's vibrato rate and phase, the valves' hiss) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        weights = harmonics(patch, hz, held, frames, rng, sample_rate)
        bend = struck_render.bends(patch, times, rng)
        phases = [2.0 * np.pi * np.cumsum(hz * 2.0 ** ((offset + bend) / 1200.0)) / sample_rate
                  for offset in patch.offsets]  # fmt: skip
        tone = struck_render.periods(weights, phases, times, FRAME, TABLE)
        return tone, valve_hiss(patch, hz, held, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` seconds sounds: while held (or until its key's fall has died), then
    its release, the palme's strings' ring too."""
    attack, decay, sustain, release = patch.level
    sounding = max(held, 0.05) if sustain else min(max(held, 0.05), attack + 6.0 * decay)
    return sounding + 6.0 * (release + (PALME_RING if patch.palme else 0.0)) + _FADE


def spectrum(patch: Instrument, hz: float, count: int) -> Signal:
    """The first `count` harmonics' levels of `patch`'s timbres sounding at `hz`, through its formants,
    lifted where they land on the palme's strings."""
    k = np.arange(1, count + 1, dtype=np.float64)
    levels = np.zeros(count)
    for name, share in patch.timbres:
        wave = WAVES[name]
        slope = wave.slope + wave.tilt * max(0.0, float(np.log2(hz / 220.0)))
        part = k**-slope * np.where(k % 2 == 0, wave.even, 1.0)
        if wave.width:
            part *= np.abs(np.sin(np.pi * k * wave.width)) / np.sin(np.pi * wave.width)
        levels += share * part
    levels = struck_render.formants(levels, hz, patch.formants)
    return np.asarray(levels * (1.0 + patch.palme * strung(hz, count)))


def strung(hz: float, count: int) -> Signal:
    """How squarely each of the first `count` harmonics of `hz` lands on one of the palme's strings
    (1 on one, 0 far between or outside their span): the strings are tuned in semitones to the
    player's pitch, so the note's octaves land on them and its fifth harmonic 14 cents away."""
    k = np.arange(1, count + 1, dtype=np.float64)
    semitones = 12.0 * np.log2(k)
    off = 100.0 * (semitones - np.round(semitones))
    inside = (k * hz >= PALME_STRINGS[0]) & (k * hz <= PALME_STRINGS[1])
    return np.asarray(np.exp(-((off / PALME_WIDTH) ** 2)) * inside)


def harmonics(patch: Instrument, hz: float, held: float, frames: Signal, rng: np.random.Generator,
              sample_rate: int) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The note's harmonics (frames x harmonics, complex, their phases drawn) at `frames` s: its
    spectrum under the intensity key's envelope, let go at `held` (a harmonic on the palme's strings
    ringing on); the first never under FUNDAMENTAL_FLOOR of the loudest, none above 0.45 of the
    rate."""
    count = max(1, min(MAX_HARMONICS, int(0.45 * sample_rate / (hz * 1.01))))
    attack, decay, sustain, release = patch.level
    t = frames[:, None]
    rise = np.minimum(1.0, t / max(attack, 1e-4))
    held_level = rise * (sustain + (1.0 - sustain) * np.exp(-np.maximum(t - attack, 0.0) / decay))
    ring = release + PALME_RING * strung(hz, count)[None, :] * (patch.palme > 0.0)
    out = (
        spectrum(patch, hz, count)[None, :] * held_level * np.exp(-np.maximum(t - max(held, 0.0), 0.0) / ring)
    )
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out * np.exp(1j * rng.uniform(0.0, 2.0 * np.pi, count))[None, :])


def valve_hiss(patch: Instrument, hz: float, held: float, times: Signal, sample_rate: int,
               rng: np.random.Generator) -> Signal:  # fmt: skip
    """The valves' hiss over a few octaves above the note while it sounds, at `hiss`."""
    noise = struck_render.above_note(rng, hz, (2.0, 16.0), times.size, sample_rate)
    gate = np.exp(-np.maximum(times - max(held, 0.0), 0.0) / max(patch.level[3], 0.02))
    return np.asarray(patch.hiss * noise * gate)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One beat of a valve rhythm machine: the circuit rung (struck_render.hit, louder for a higher
    velocity), and the commutator's wiper closing its contact and bouncing (_CONTACTS), each click
    a spike through the coupling's band."""
    stroke = struck_render.hit(_SALT, drum, velocity, sample_rate)
    spikes = np.zeros(stroke.size)
    for at, share in _CONTACTS:
        spikes[min(round(at * sample_rate), stroke.size - 1)] += share
    click = struck_render.band_noise(_SALT + 2, _CONTACT_BAND, 0.0, stroke.size, sample_rate)
    shaped = np.convolve(spikes, click[: max(1, round(0.002 * sample_rate))])[: stroke.size]
    shaped *= np.clip((stroke.size - 1 - np.arange(stroke.size)) / (0.005 * sample_rate), 0.0, 1.0)
    peak = float(np.abs(stroke).max()) or 1.0
    level = _CONTACT_LEVEL * peak / (float(np.abs(shaped).max()) or 1.0)
    return ((1.0 - _CONTACT_LEVEL) * stroke + level * shaped).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Drum] = struck_render.Sounded(voice, _hit, 1024)
