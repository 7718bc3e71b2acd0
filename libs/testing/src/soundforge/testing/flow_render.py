"""Notes to audio by instruments that wind and water sound with no player's lips, computed in numpy as
the flow drives them: an aeolian harp's strings in the wind, the vortices the wind sheds behind each
string locking to one of its modes (its second or third, so the note is that mode and its
harmonics), the drag's pulse at twice the shedding rate lifting the second harmonic, the wind rising
through the mode below as it locks, gusts swelling the level and pulling the locked mode a few cents,
the string ringing on freely when the wind drops; a hydraulophone's water jets, a finger blocking a
jet forcing the water through its sounding mechanism, a harder press a brighter tone, the water's
gurgle of bubbles each ringing at its Minnaert frequency and rising in pitch toward the surface, the
turbulence's hiss; whirly tubes swung round their player's head, the flow through their corrugations
locking to one of the open tube's modes, their open ends' Doppler swaying the pitch and their
facing the level once a turn; and a kit of water and wind: water drums (calabashes floating in a
basin), slaps and splashes on the water's surface with their clouds of bubbles, a suikinkutsu's
drops, rain sticks and an ocean drum's seeds and beads pattering, jal tarang bowls, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_HARMONICS = 40  # a note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the mode
FRAME = 0.01  # s: the step the harmonics' levels are worked out at (straight lines between)
TABLE = 2048  # points in one period's table (struck_render.periods)
SOUND_SPEED = 343.0  # m/s in air: the whirly tubes' Doppler
MINNAERT = 3.26  # Hz m: a bubble's ringing frequency times its radius, in water at one atmosphere
BUBBLE_Q = 15.0  # a millimetre bubble's quality factor: it rings q/(pi f) s
BUBBLE_RISE = 0.25  # how far a bubble's pitch rises over its ring as it nears the surface
NEIGHBOUR_RING = 0.12  # s: how fast the mode below dies once the flow has locked to the note
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 8233  # mixed into every note's seed and every drum's bubbles and seeds


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A body the flow sounds: harmonics of the locked mode 1/k^`slope` (even ones at `even` of that;
    `bright` eases the slope for a harder press), the second lifted by 1 + `drag` (a string's in-line
    swing at twice the shedding rate), lifted by `formants` ((Hz, width in octaves, gain) each: a
    harp's box, a jet's resonator); `level` the flow's (the lock's bloom s, decay s, the share it
    holds, the free ring s once the flow stops, a higher harmonic's shorter by the square root of its
    number); `mode` the string's or tube's mode the flow locks to (1: the jet's own), the mode below
    sounding at `neighbour` of the note as the flow rises through it; `gust` the wind's (Hz, Hz, the
    level's swing) and `pull` the cents it drags the locked mode; `swing` a whirly's (turns a second,
    its open end's speed along the line to the listener m/s, the level's swing as it faces toward and
    away); `gurgle` a jet's bubbles a second, at `bubbles` of the note; the pitch rising from `scoop`
    cents under over `glide` s, a vibrato of `vibrato` cents at `rate` Hz after `delay` s; the flow's
    `hiss`."""

    kind: str
    slope: float
    level: tuple[float, float, float, float] = (0.1, 0.5, 1.0, 0.1)
    even: float = 1.0
    bright: float = 0.0
    drag: float = 0.0
    formants: tuple[tuple[float, float, float], ...] = ()
    mode: int = 1
    neighbour: float = 0.0
    gust: tuple[float, float, float] = (0.0, 0.0, 0.0)
    pull: float = 0.0
    swing: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gurgle: float = 0.0
    bubbles: float = 0.0
    scoop: float = 0.0
    glide: float = 0.05
    hiss: float = 0.003
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.2
    gain: float = 1.0


@dataclass(frozen=True)
class Splashed(struck_render.Drum):
    """A kit piece: struck (struck_render.Drum's partials and noise), with `bubbles` (how many, the
    smallest and largest radius in mm, over how many s) ringing after the stroke, and `seeds` (how
    many, over how many s) pattering through its noise band, at `share` of the piece against its
    stroke."""

    bubbles: tuple[int, float, float, float] = (0, 0.0, 0.0, 0.0)
    seeds: tuple[int, float] = (0, 0.0)
    share: float = 0.0


Kit = struck_render.Kit[Splashed]
# General MIDI programs to instruments and drums to the kit's pieces.
FlowSet = struck_render.StruckSet[Instrument, Splashed]

# The chords: an aeolian harp's strings on their second and third modes through its box; a
# hydraulophone's jets under the fingers; a choir of whirly tubes, one to a note.
HARP = Instrument("aeolian harp", 2.6, level=(0.25, 0.8, 0.8, 0.9), drag=0.6, mode=3, neighbour=0.12,
                  formants=((420.0, 1.0, 2.0),), gust=(0.15, 0.45, 0.3), pull=2.5, hiss=0.003)  # fmt: skip
HARP_LOW = Instrument("aeolian harp's low strings", 2.4, level=(0.3, 0.8, 0.8, 1.1), drag=0.8, mode=2,
                      neighbour=0.15, formants=((300.0, 1.0, 2.0),), gust=(0.1, 0.35, 0.25), pull=2.0,
                      hiss=0.002)  # fmt: skip
JETS = Instrument("hydraulophone", 3.0, level=(0.03, 0.3, 0.85, 0.04), even=0.6, bright=1.2,
                  formants=((900.0, 0.8, 1.6),), gurgle=18.0, bubbles=0.04, scoop=8.0, glide=0.06,
                  hiss=0.006)  # fmt: skip
WHIRLIES = Instrument("whirly tubes", 3.4, level=(0.12, 0.5, 0.9, 0.08), mode=3, neighbour=0.1,
                      swing=(1.1, 1.6, 0.25), hiss=0.005, gain=0.9)  # fmt: skip
# Held as long as the wind or the finger holds: an aeolian harp in a steady wind, a hydraulophone.
HELD = Instrument("aeolian harp held", 2.8, level=(0.3, 0.8, 0.9, 0.9), drag=0.5, mode=2, neighbour=0.08,
                  formants=((380.0, 1.0, 1.8),), gust=(0.1, 0.3, 0.15), pull=1.5, hiss=0.002)  # fmt: skip
HELD_JETS = Instrument("hydraulophone held", 3.2, level=(0.05, 0.3, 0.9, 0.05), even=0.6, bright=1.0,
                       formants=((800.0, 0.8, 1.5),), gurgle=12.0, bubbles=0.03, scoop=6.0,
                       hiss=0.004)  # fmt: skip
# The basses: the hydraulophone's widest jets, singing wires strung across a valley.
JET_BASS = Instrument("hydraulophone bass", 2.6, level=(0.04, 0.3, 0.8, 0.06), even=0.7, bright=0.8,
                      formants=((220.0, 1.0, 2.0),), gurgle=10.0, bubbles=0.03, scoop=6.0, hiss=0.003,
                      gain=1.2)  # fmt: skip
WIRES = Instrument("singing wires", 2.2, level=(0.2, 0.6, 0.75, 1.2), drag=1.0, mode=2, neighbour=0.1,
                   gust=(0.08, 0.3, 0.3), pull=3.0, hiss=0.002, gain=1.2)  # fmt: skip
# The leads: a hydraulophone rocked under the finger, a whirly tube swung alone, a kite's aeolian bow.
JET_LEAD = Instrument("hydraulophone lead", 2.8, level=(0.03, 0.3, 0.85, 0.04), even=0.6, bright=1.4,
                      formants=((1400.0, 0.7, 1.8),), gurgle=20.0, bubbles=0.04, scoop=10.0, vibrato=12.0,
                      rate=5.4, delay=0.25, hiss=0.006, gain=0.9)  # fmt: skip
WHIRLY = Instrument("whirly tube", 3.2, level=(0.1, 0.5, 0.9, 0.06), mode=4, neighbour=0.12,
                    swing=(1.3, 1.7, 0.3), hiss=0.006, gain=0.9)  # fmt: skip
KITE_BOW = Instrument("kite's aeolian bow", 2.4, level=(0.15, 0.5, 0.85, 0.5), drag=0.7, mode=3,
                      neighbour=0.1, gust=(0.3, 0.8, 0.35), pull=3.0, hiss=0.004, gain=0.9)  # fmt: skip

# General MIDI programs to instruments: the held chords as the aeolian harp and the hydraulophone
# held; a song's chords on the aeolian harp (high and low strings), the hydraulophone and the whirly
# tubes; the basses; the leads.
FLOW = FlowSet(
    root=Path(__file__).with_name("flow-instruments"),
    programs={
        48: HELD,
        49: HELD_JETS,
        46: HARP,
        47: HARP_LOW,
        92: JETS,
        94: WHIRLIES,
        32: JET_BASS,
        35: WIRES,
        72: JET_LEAD,
        77: WHIRLY,
        110: KITE_BOW,
    },
    drums=Kit(
        kit=Path(__file__).with_name("flow-instruments") / "water-kit",
        drums={
            # Water drums: calabashes floating upside down in a basin, struck with a beater, their
            # trapped air's mode starting high as the blow squeezes it and settling as the bowl bobs
            # back up, the water sloshing a few large bubbles out under the rim (the bass drums and
            # the toms).
            36: Splashed(
                ((68.0, 1.0, 0.22), (151.0, 0.3, 0.07)),
                (60.0, 500.0),
                0.02,
                1.3,
                sweep=0.25,
                glide=0.04,
                bubbles=(3, 6.0, 9.0, 0.15),
                share=0.15,
            ),
            35: Splashed(
                ((74.0, 1.0, 0.18),),
                (60.0, 500.0),
                0.02,
                1.1,
                sweep=0.2,
                glide=0.04,
                bubbles=(2, 6.0, 9.0, 0.12),
                share=0.12,
            ),
            41: Splashed(
                ((96.0, 1.0, 0.18), (212.0, 0.3, 0.06)),
                (150.0, 1200.0),
                0.02,
                1.0,
                sweep=0.15,
                glide=0.03,
                bubbles=(3, 4.0, 7.0, 0.12),
                share=0.15,
            ),
            45: Splashed(
                ((124.0, 1.0, 0.15), (274.0, 0.3, 0.05)),
                (200.0, 1500.0),
                0.02,
                1.0,
                sweep=0.15,
                glide=0.03,
                bubbles=(3, 3.0, 6.0, 0.1),
                share=0.15,
            ),
            48: Splashed(
                ((161.0, 1.0, 0.13), (356.0, 0.3, 0.05)),
                (250.0, 1800.0),
                0.02,
                1.0,
                sweep=0.15,
                glide=0.03,
                bubbles=(3, 2.5, 5.0, 0.1),
                share=0.15,
            ),
            # A palm slapping the water (the snare), a cupped hand's deeper plunge (the electric
            # snare), two hands splashing (the clap): the surface's crack, then its cloud of bubbles.
            38: Splashed(
                ((210.0, 0.4, 0.03),), (1200.0, 7000.0), 0.07, 0.9, bubbles=(24, 0.8, 3.0, 0.12), share=0.45
            ),
            40: Splashed(
                ((160.0, 0.6, 0.04),), (800.0, 5000.0), 0.06, 0.9, bubbles=(14, 1.5, 4.5, 0.15), share=0.5
            ),
            39: Splashed((), (1500.0, 8000.0), 0.04, 0.7, bubbles=(18, 0.7, 2.5, 0.08), share=0.4),
            # A suikinkutsu's drop (the rim shot and the claves): one bubble plinking in the buried
            # jar, its modes ringing.
            37: Splashed(
                ((620.0, 0.5, 0.1), (1480.0, 0.3, 0.06)),
                (1500.0, 4000.0),
                0.003,
                0.5,
                bubbles=(1, 2.6, 2.6, 0.001),
                share=0.6,
            ),
            75: Splashed(
                ((540.0, 0.5, 0.25), (1310.0, 0.3, 0.15), (2390.0, 0.2, 0.1)),
                (1500.0, 4000.0),
                0.002,
                0.5,
                bubbles=(1, 3.0, 3.0, 0.001),
                share=0.6,
            ),
            # Rain sticks: their seeds pattering down past the pins, tipped short (closed), tipped and
            # stopped by the hand (pedalled), turned over (open); a seed shaker (the cabasa).
            42: Splashed((), (4000.0, 10500.0), 0.01, 0.4, seeds=(14, 0.04), share=0.6),
            44: Splashed((), (3500.0, 10000.0), 0.008, 0.3, seeds=(8, 0.025), share=0.6),
            46: Splashed((), (3000.0, 10500.0), 0.02, 0.4, seeds=(90, 0.35), share=0.7),
            69: Splashed((), (2500.0, 9000.0), 0.01, 0.4, seeds=(30, 0.09), share=0.7),
            # A gourd of water shaken (the maracas): the slosh's bubbles.
            70: Splashed((), (600.0, 3000.0), 0.02, 0.4, bubbles=(10, 2.0, 5.0, 0.08), share=0.7),
            # An ocean drum: its beads rolling over the skin (ridden), tilted to a wave (crashed),
            # rocked once (the vibraslap).
            51: Splashed(((182.0, 0.4, 0.2),), (2500.0, 9000.0), 0.05, 0.35, seeds=(40, 0.3), share=0.6),
            49: Splashed(((176.0, 0.4, 0.6),), (1800.0, 9000.0), 0.5, 0.45, seeds=(260, 1.2), share=0.7),
            58: Splashed(((182.0, 0.4, 0.3),), (2000.0, 8000.0), 0.2, 0.4, seeds=(120, 0.6), share=0.7),
            # Jal tarang: porcelain bowls tuned with water, struck with a stick (the cowbell, the
            # wood blocks high and low), and a bowl's rim tapped muted and open (the triangles).
            56: Splashed(((1040.0, 1.0, 0.3), (2660.0, 0.4, 0.15)), (1500.0, 5000.0), 0.003, 0.4),
            76: Splashed(((1230.0, 1.0, 0.35), (3120.0, 0.4, 0.15)), (1500.0, 5000.0), 0.003, 0.4),
            77: Splashed(((880.0, 1.0, 0.4), (2290.0, 0.4, 0.2)), (1500.0, 5000.0), 0.003, 0.4),
            80: Splashed(((1660.0, 1.0, 0.07), (4340.0, 0.4, 0.04)), gain=0.3),
            81: Splashed(((1660.0, 1.0, 0.8), (4340.0, 0.4, 0.5), (7980.0, 0.2, 0.3)), gain=0.3),
        },
    ),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
FLOW_SETS = {FLOW.root: FLOW}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, flow_set: FlowSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord one jet,
    string or tube to a note); the drum channel through the set's kit, unbent. A program or a drum the
    set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, flow_set, _SOUNDED, lambda p: True
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a jet, string or tube to each) sounded `held` seconds at `velocity`.
    What varies (the harmonics' phases, each gust and each swing, the vibrato, the bubbles, the hiss)
    is drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its
    gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        gust, swing = draw_sways(patch, rng)
        weights = harmonics(patch, hz, held, velocity, frames, rng, sample_rate, gust, swing)
        bend = (
            struck_render.bends(patch, times, rng) + pulled(patch, times, gust) + doppler(patch, times, swing)
        )
        phases = [2.0 * np.pi * np.cumsum(hz * 2.0 ** ((offset + bend) / 1200.0)) / sample_rate
                  for offset in patch.offsets]  # fmt: skip
        tone = struck_render.periods(weights, phases, times, FRAME, TABLE)
        tone /= float(np.abs(tone).max()) or 1.0
        tone += below(patch, hz, times, rng, sample_rate)
        return tone, gurgle(patch, held, times, rng, sample_rate) + hiss(
            patch, hz, held, times, rng, sample_rate
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Instrument, held: float) -> float:
    """How long a note sounded `held` seconds lasts: while the flow holds it (or until its fall has
    died), then its free ring."""
    bloom, decay, sustain, ring = patch.level
    sounding = max(held, 0.05) if sustain else min(max(held, 0.05), bloom + 6.0 * decay)
    return sounding + 6.0 * ring + _FADE


def draw_sways(
    patch: Instrument, rng: np.random.Generator
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A note's gust (its rate in the patch's range, its phase) and its swing (turns a second within
    15% of the patch's, its phase), drawn."""
    low, high, _ = patch.gust
    gust = (float(rng.uniform(low, high)) if high else 0.0, float(rng.uniform(0.0, 2.0 * np.pi)))
    swing = (patch.swing[0] * float(rng.uniform(0.85, 1.15)), float(rng.uniform(0.0, 2.0 * np.pi)))
    return gust, swing


def spectrum(patch: Instrument, hz: float, count: int, velocity: int) -> Signal:
    """The first `count` harmonics' levels the flow drives at `hz` and `velocity`: 1/k^slope (eased
    by `bright` for a harder press), the even ones at `even` of that, the second lifted by the drag,
    through the formants."""
    k = np.arange(1, count + 1, dtype=np.float64)
    levels = k ** -(patch.slope - patch.bright * velocity / 127.0) * np.where(k % 2 == 0, patch.even, 1.0)
    levels[1:2] *= 1.0 + patch.drag
    return struck_render.formants(levels, hz, patch.formants)


def swells(
    patch: Instrument, frames: Signal, gust: tuple[float, float], swing: tuple[float, float]
) -> Signal:
    """The level over `frames` s as the gust swells it and the whirly's open end faces toward the
    listener and away, once a turn (1 where neither)."""
    rate, phase = gust
    level = (
        1.0 + patch.gust[2] * np.sin(2.0 * np.pi * rate * frames + phase) if rate else np.ones(frames.size)
    )
    turns, at = swing
    if turns:
        level = level * (1.0 + patch.swing[2] * np.cos(2.0 * np.pi * turns * frames + at))
    return np.asarray(level)


def harmonics(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
              rng: np.random.Generator, sample_rate: int, gust: tuple[float, float] = (0.0, 0.0),
              swing: tuple[float, float] = (0.0, 0.0)) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The note's harmonics (frames x harmonics, complex, their phases drawn) at `frames` s: the lock
    blooming (1 - e^-t/bloom), its fall to the share the flow holds, the flow stopped at `held` and
    each harmonic ringing on freely (the patch's ring, over the square root of its number), swelled by
    the gust and the swing; the first never under FUNDAMENTAL_FLOOR of the loudest, none above 0.45
    of the rate."""
    count = max(1, min(MAX_HARMONICS, int(0.45 * sample_rate / (hz * 1.01))))
    bloom, decay, sustain, ring = patch.level
    t = frames[:, None]
    blown = (1.0 - np.exp(-t / max(bloom, 1e-4))) * (sustain + (1.0 - sustain) * np.exp(-t / decay))
    fall = ring / np.sqrt(np.arange(1, count + 1, dtype=np.float64))
    out = (
        spectrum(patch, hz, count, velocity)[None, :]
        * blown
        * np.exp(-np.maximum(t - max(held, 0.0), 0.0) / fall)
    )
    out = out * swells(patch, frames, gust, swing)[:, None]
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out * np.exp(1j * rng.uniform(0.0, 2.0 * np.pi, count))[None, :])


def pulled(patch: Instrument, times: Signal, gust: tuple[float, float]) -> Signal:
    """The cents the gust drags the locked mode toward its shedding rate (`pull` at the gust's
    height), over `times`."""
    rate, phase = gust
    if not rate or not patch.pull:
        return np.zeros(times.size)
    return np.asarray(patch.pull * np.sin(2.0 * np.pi * rate * times + phase))


def doppler(patch: Instrument, times: Signal, swing: tuple[float, float]) -> Signal:
    """The cents a whirly's open end's Doppler sways the pitch over `times`: c / (c - v) as the end
    comes toward the listener at up to its speed and goes away, once a turn."""
    turns, at = swing
    if not turns:
        return np.zeros(times.size)
    toward = patch.swing[1] * np.sin(2.0 * np.pi * turns * times + at)
    return np.asarray(1200.0 * np.log2(SOUND_SPEED / (SOUND_SPEED - toward)))


def below(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator, sample_rate: int) -> Signal:
    """The string's or tube's mode below the one the flow locks to ((mode - 1) / mode of the note),
    sounding at `neighbour` of the note as the flow rises through it and dying over NEIGHBOUR_RING once
    it has locked; none for a jet, nor at or above 0.45 of the rate."""
    if patch.mode < 2 or not patch.neighbour or hz * (patch.mode - 1) / patch.mode >= 0.45 * sample_rate:
        return np.zeros(times.size)
    lower = hz * (patch.mode - 1) / patch.mode
    envelope = (1.0 - np.exp(-times / 0.02)) * np.exp(-times / NEIGHBOUR_RING)
    return np.asarray(
        patch.neighbour
        * envelope
        * np.sin(2.0 * np.pi * lower * times + float(rng.uniform(0.0, 2.0 * np.pi)))
    )


def bubble(radius: float, size: int, sample_rate: int, phase: float = 0.0) -> Signal:
    """One bubble of `radius` mm ringing at its Minnaert frequency (MINNAERT / radius) for q/(pi f) s
    (BUBBLE_Q), its pitch rising by BUBBLE_RISE over its ring as it nears the surface, at most `size`
    samples, peak about 1; none at or above 0.45 of the rate."""
    hz = MINNAERT / (radius / 1000.0)
    ring = BUBBLE_Q / (np.pi * hz)
    times = np.arange(min(size, int(6.0 * ring * sample_rate) + 1)) / sample_rate
    rising = hz * (1.0 + BUBBLE_RISE * times / (6.0 * ring))
    if rising[-1] >= 0.45 * sample_rate:
        return np.zeros(times.size)
    return np.asarray(np.sin(2.0 * np.pi * np.cumsum(rising) / sample_rate + phase) * np.exp(-times / ring))


def bubbles(rng: np.random.Generator, count: int, radii: tuple[float, float], spread: float, size: int,
            sample_rate: int) -> Signal:  # fmt: skip
    """`count` bubbles over `size` samples, each's radius drawn log-uniformly in `radii` (mm) and its
    start drawn within `spread` s, a smaller one quieter (by its radius against the largest)."""
    out = np.zeros(size)
    smallest, largest = radii
    for _ in range(count):
        radius = float(np.exp(rng.uniform(np.log(smallest), np.log(largest) + 1e-9)))
        start = min(int(float(rng.uniform(0.0, spread)) * sample_rate), size - 1)
        ringing = bubble(radius, size - start, sample_rate, float(rng.uniform(0.0, 2.0 * np.pi)))
        out[start : start + ringing.size] += ringing * (radius / largest) * float(rng.uniform(0.6, 1.0))
    return out


def gurgle(
    patch: Instrument, held: float, times: Signal, rng: np.random.Generator, sample_rate: int
) -> Signal:
    """A jet's gurgle while the finger blocks it: `gurgle` bubbles a second (1-3 mm, their starts
    drawn), at `bubbles` of the note."""
    if not patch.gurgle:
        return np.zeros(times.size)
    sounding = min(max(held, 0.05), times.size / sample_rate)
    count = round(patch.gurgle * sounding)
    return np.asarray(patch.bubbles * bubbles(rng, count, (1.0, 3.0), sounding, times.size, sample_rate))


def hiss(patch: Instrument, hz: float, held: float, times: Signal, rng: np.random.Generator,
         sample_rate: int) -> Signal:  # fmt: skip
    """The flow's turbulence over the octaves above the note while it blows, at `hiss`."""
    noise = struck_render.above_note(rng, hz, (1.0, 6.0), times.size, sample_rate)
    return np.asarray(patch.hiss * noise * np.exp(-np.maximum(times - max(held, 0.0), 0.0) / 0.03))


def seeds(drum: Splashed, size: int, sample_rate: int) -> Signal:
    """A rain stick's or an ocean drum's seeds pattering through the piece's noise band over `size`
    samples: each seed's click (its strength and time drawn by the drum, thinning as the fall ends)
    ringing a few milliseconds of the band, peak 1."""
    count, spread = drum.seeds
    rng = np.random.default_rng([_SALT, count, round(spread * 1000), round(drum.noise[0])])
    at = np.minimum((rng.exponential(spread / 3.0, count)).astype(np.float64), spread)
    clicks = np.zeros(size)
    np.add.at(clicks, np.minimum((at * sample_rate).astype(np.int64), size - 1), rng.uniform(0.3, 1.0, count))
    grain = struck_render.band_noise(
        _SALT + 1, drum.noise, 0.003, max(1, round(0.004 * sample_rate)), sample_rate
    )
    grain *= np.exp(-np.arange(grain.size) / (0.001 * sample_rate))
    out = np.convolve(clicks, grain)[:size]
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def _hit(drum: Splashed, velocity: int, sample_rate: int) -> Samples:
    """One stroke of the kit: the piece struck (struck_render.hit, louder for a higher velocity), and
    its bubbles and seeds after it, at its share of the stroke's peak."""
    stroke = struck_render.hit(_SALT, drum, velocity, sample_rate).astype(np.float64)
    if not drum.share:
        return stroke.astype(np.float32)
    count, smallest, largest, spread = drum.bubbles
    tail = max(
        spread + 6.0 * BUBBLE_Q / (np.pi * MINNAERT / (largest / 1000.0)) if count else 0.0, drum.seeds[1]
    )
    stroke = np.pad(stroke, (0, max(0, round((tail + 0.02) * sample_rate) - stroke.size)))
    rng = np.random.default_rng(
        [_SALT, count, round(smallest * 100), round(largest * 100), round(spread * 1000)]
    )
    after = bubbles(rng, count, (smallest, largest), spread, stroke.size, sample_rate) if count else 0.0
    after = after + (seeds(drum, stroke.size, sample_rate) if drum.seeds[0] else 0.0)
    after = np.asarray(after, dtype=np.float64) / (float(np.max(np.abs(after))) or 1.0)
    after *= float(np.abs(stroke).max()) * np.clip(
        (stroke.size - 1 - np.arange(stroke.size)) / (0.005 * sample_rate), 0.0, 1.0
    )
    return ((1.0 - drum.share) * stroke + drum.share * after).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Splashed] = struck_render.Sounded(voice, _hit, 1024)
