"""Notes to audio by frame xylophones of West, East and southern Africa and of Central America, computed
in numpy: a Mande balafon, its rosewood bars over gourds whose holes are sealed with spider's egg-sac
film; a Dagara gyil, its bars over calabashes buzzing the same way; Chopi timbila, from the small
chilanzane to the chikulu, their bars over gourds stopped with a membrane; the marimba de tecomates of
Guatemala, its tecomates (gourds) hung under the bars, each with a charleo, a film of pig's gut over a
ring of wax, on its side; and Uganda's amadinda, loose bars laid on banana stems, no resonator under
them.
Each bar is a free-free beam: its modes stand where a uniform bar's do (the roots b of cos b cosh b =
1: 1, 2.756, 5.404, 8.933 times the first, earth_render.free_free), and a maker carving its underside
pulls the first overtones toward the ratios the tradition hears (`tuned`: a tecomates marimba's
double octave, a timbila's twelfth and more) by `trim` of the way, on a log scale, the modes above
moved as the last one tuned is; a gyil's, a balafon's and an amadinda's are left nearly where the
wood puts them, off every harmonic. The mallet strikes `at` of the bar's length from its end and
each mode goes as its shape there (a mode with a node under the mallet silent: the second, struck
in the middle), through the mallet's contact, a half-sine `contact` s long at velocity 127 and
longer for a softer stroke (tether_render.stroke, tether_render.contact: Hertz's law), so a hard
rubber or a wooden beater, struck harder, is brighter. The wood loses `loss` of each mode's energy a
radian (its loss factor: a mode dies at pi f loss a second, plus what the cords or the banana stems
take, 1 / `hold`), so the low bars ring longest and every bar's overtones die first.
A bar alone radiates little below where its length is half a wavelength (a dipole's short circuit:
x^2 / (1 + x^2), x the mode's frequency over `short`); the gourd under it is a Helmholtz resonator
picked to stand on the bar's note (`gourd`: its resonance against the note, its Q, how much it
lifts), so what sounds is the bar's own radiation and the gourd's. The gourd's pressure drives the
membrane over a hole in its side, slack and light: it swings with the pressure until it slaps the
hole's rim, `gap` of a full stroke's swing either side of rest; only the part of its swing past the
rim is stopped, and those slaps (the swing's excess, their rate of change) ring the film in its own
band (`rattle`), the buzz (a balafon's and a gyil's dry sizzle, a charleo's lower snarl) at
`membrane` against the note. A louder stroke drives it past the rim for longer; a soft one never
reaches it, and the buzz stops before the note does. Where there is no gourd or no membrane, there
is no buzz. A note held is rolled, two mallets in turn `roll` times a second, each stroke a little
early or late and softer (rolled_render.strokes); the mallet's knock sounds at every stroke.
And a kit for the Mande drum ensemble and the players' own sounds, none of them held: the djembe's
bass, struck with the flat hand in its middle (the shell's air and the head's first mode, the bass
drum), and its bass muted (the other); its slap, the fingers whipping the edge (the snare), its tone
(the other snare); its rim struck by a ring (the side stick); hand claps (the clap); the dundunba,
the sangban and the kenkeni, big cylinder drums struck with a stick, low, middle and high, and their
heads pressed (the toms); the kenken bell struck and choked (the hats, closed and pressed), let ring
(the open hat), its bigger sister (the ride) and its mouth (its bell); the djembe's sesse, tin
jingles on wires round its head, rattled (the tambourine) and crashing with a hard slap (the crash);
the karignan, a notched iron tube scraped (the cabasa); the shekere, a gourd in a net of beads,
shaken (the maracas); a mallet's handle clicking on another (the claves); and the balafon's frame
knocked high and low (the wood blocks) -- ringing modes and noise, the jingles and the beads as
grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import earth_render, rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MODES = 4  # a bar's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the note's mode is never under this share of the loudest
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
_KNOCK = 0.002  # s: how fast a mallet's knock dies
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7919  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A frame xylophone's bars. Its overtones pulled toward `tuned` (ratios to the note, the first
    overtones in turn) by `trim` of the way from the free-free bar's; struck `at` of the length from its
    end by a mallet touching `contact` s at velocity 127; the wood's loss factor `loss`, the mounting
    taking a mode's energy over `hold` s; the bar alone radiating as x^2 / (1 + x^2), x its frequency
    over `short`. `gourd`: the resonator's Helmholtz resonance against the note, its Q and its lift (0:
    none); `membrane`: the buzz against the note (0: none), the film free `gap` of a full stroke's
    swing either side before it slaps, ringing over `rattle` (Hz). `level`: the stroke's onset s, -, 1
    where a held note is rolled (`roll` strokes a second, `jitter` of a period early or late and
    softer), the hand damping the bar once the note ends, s; `knock`: the mallet's knock at each
    stroke; Players' fields (a bar holds its pitch: no vibrato)."""

    kind: str
    tuned: tuple[float, ...] = ()
    trim: float = 0.0
    at: float = 0.3
    contact: float = 0.0006
    loss: float = 0.012
    hold: float = 3.0
    short: float = 600.0
    gourd: tuple[float, float, float] = (1.0, 12.0, 3.0)
    membrane: float = 0.0
    gap: float = 0.3
    rattle: tuple[float, float] = (1500.0, 6000.0)
    knock: float = 0.03
    roll: float = 0.0
    jitter: float = 0.0
    level: tuple[float, float, float, float] = (0.0008, 0.0, 0.0, 0.25)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A drum or a bell of the ensemble (struck_render.Drum's partials and noise), and `grains` more
    strokes at random within `spread` s, each at up to its share of the first (the sesse's jingles, the
    shekere's beads), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
BalafonSet = struck_render.StruckSet[Instrument, Struck]


def bar_ratios(patch: Instrument) -> Signal:
    """The bar's modes against its first: a free-free bar's (b / b1)^2, the first overtones moved
    `trim` of the way (on a log scale) to `tuned`, each mode above the last one tuned moved as it is."""
    b = np.array(earth_render.free_free(MODES))
    free = (b / b[0]) ** 2
    out = free.copy()
    for k, target in enumerate(patch.tuned[: MODES - 1], start=1):
        out[k] = free[k] ** (1.0 - patch.trim) * target**patch.trim
    last = len(patch.tuned[: MODES - 1])
    if last:
        out[last + 1 :] = free[last + 1 :] * out[last] / free[last]
    return np.asarray(out)


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """The bar's modes under 0.45 of the rate, against the note (its first always)."""
    out = bar_ratios(patch)
    below = out[out * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else out[:1])


def gourd_response(patch: Instrument, f: Signal, hz: float) -> Signal:
    """What the gourd lifts at `f` Hz, the note `hz`: `lift` times its Helmholtz resonance's modulus
    (tether_render.resonance, at `gourd`'s ratio of the note, its Q); none without a gourd."""
    ratio, q, lift = patch.gourd
    if not lift:
        return np.zeros(np.shape(f))
    return np.asarray(lift * np.abs(tether_render.resonance(np.asarray(f), ratio * hz, q)))


def radiated(patch: Instrument, f: Signal, hz: float) -> tuple[Signal, Signal]:
    """What sounds of each mode at `f` Hz: the bar's own radiation, x^2 / (1 + x^2) with x = f /
    `short`, and the gourd's (gourd_response)."""
    x = np.asarray(f) / patch.short
    return np.asarray(x**2 / (1.0 + x**2)), gourd_response(patch, f, hz)


def struck(patch: Instrument, hz: float, velocity: int, ratio: Signal) -> tuple[Signal, Signal]:
    """Each mode's level as the mallet leaves the bar, and the gourd's share of it: its shape where
    the mallet strikes (earth_render.shape), through the contact's half-sine (tether_render.stroke,
    timed by tether_render.contact), radiated by the bar and the gourd (radiated)."""
    b = earth_render.free_free(MODES)
    weights = np.array([earth_render.shape("slab", b[k], patch.at) for k in range(ratio.size)])
    f = ratio * hz
    weights *= tether_render.stroke(f, tether_render.contact(patch, velocity))
    bare, gourd = radiated(patch, f, hz)
    total = bare + gourd
    return np.asarray(weights * total), np.asarray(gourd / np.maximum(total, 1e-12))


def dying(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """Each mode's rate of dying (1/s): the wood's pi f `loss` and the mounting's 1 / `hold`."""
    return np.asarray(np.pi * ratio * hz * patch.loss + 1.0 / patch.hold)


def strokes(patch: Instrument, held: float, rng: np.random.Generator) -> tuple[Signal, Signal]:
    """When a note held `held` s is struck and how hard: once, or rolled (rolled_render.strokes)."""
    return rolled_render.strokes(patch.roll, patch.jitter, held, rng)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, ratio: Signal,
           struck_at: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: each stroke throwing every mode back to its
    level (struck), which then dies at its rate (dying), the hand damping the bar once a rolled note
    ends (rolled_render.levels); the note's mode never under FUNDAMENTAL_FLOOR of the loudest."""
    base, _ = struck(patch, hz, velocity, ratio)
    rings = 1.0 / dying(patch, hz, ratio)
    return rolled_render.levels(base, rings, patch.level, held, frames, struck_at, FUNDAMENTAL_FLOOR)


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): struck once, or rolled while held, until the bar's
    first mode has died or the hand has stopped it once the note ends; and the fade at its cut end."""
    first = float(dying(patch, hz, np.ones(1))[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def buzz(patch: Instrument, pressure: Signal, hz: float, sample_rate: int) -> Signal:
    """The membrane's buzz from the gourd's `pressure` (1 the swing of a full stroke): the film swings
    with it until it slaps the rim `gap` either side, so the part of its swing past the rim is what
    slaps; the slaps' rate of change (per radian of the note, so as loud at every pitch) rings the
    film over its `rattle` band. Nothing where the pressure never reaches the rim."""
    excess = pressure - np.clip(pressure, -patch.gap, patch.gap)
    if not np.any(excess):
        return np.zeros(pressure.size)
    slaps = np.gradient(excess) * sample_rate / (2.0 * np.pi * hz)
    low, high = patch.rattle
    band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
    sos = signal.butter(2, band, btype="bandpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfilt(sos, slaps))


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, balafon_set: BalafonSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    bar); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, balafon_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a bar to each) struck for `held` seconds at `velocity`. What varies
    (when a roll's strokes fall and how hard, the knock) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    struck_at = strokes(patch, held, rng)
    still = np.zeros(times.size)

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, ratio, struck_at)
        tone = rolled_render.modal_tone(hz, ratio, weights, frames, times, still, sample_rate)
        if patch.membrane and patch.gourd[2]:
            _, share = struck(patch, hz, velocity, ratio)
            pressure = rolled_render.modal_tone(hz, ratio, weights * share, frames, times, still, sample_rate)
            tone = tone + patch.membrane * buzz(patch, velocity / 127.0 * pressure, hz, sample_rate)
        band = (min(4.0 * hz, 4000.0), min(20.0 * hz, 0.45 * sample_rate))
        knock = patch.knock * rolled_render.knocks(struck_at, times, band, _KNOCK, rng, sample_rate)
        return tone, knock

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


_BUZZING = (1800.0, 7000.0)  # Hz: a spider's egg-sac film, thin and dry
# The chords: a Mande balafon, its rosewood bars struck near a third of their length by rubber-tipped
# mallets, gourds under them buzzing; a Dagara gyil, its overtones left where the wood puts them, its
# calabashes buzzing harder; a Chopi timbila (a sanje), its first overtone carved to the twelfth.
BALAFON = Instrument("balafon", tuned=(3.0,), trim=0.3, at=0.28, contact=0.0006, loss=0.012, hold=3.0,
                     short=700.0, gourd=(1.0, 14.0, 3.0), membrane=0.5, gap=0.35, rattle=_BUZZING,
                     knock=0.04)  # fmt: skip
GYIL = Instrument("gyil", at=0.25, contact=0.0005, loss=0.014, hold=2.5, short=650.0, gourd=(1.02, 10.0, 3.5),
                  membrane=0.9, gap=0.25, rattle=(1500.0, 6500.0), knock=0.05)  # fmt: skip
SANJE = Instrument("timbila (sanje)", tuned=(3.0, 6.0), trim=0.8, at=0.3, contact=0.0009, loss=0.011,
                   hold=3.5, short=600.0, gourd=(1.0, 16.0, 3.0), membrane=0.4, gap=0.4,
                   rattle=(1200.0, 5000.0), knock=0.03)  # fmt: skip
# The basses: a timbila's chikulu, big bars over big gourds, soft heavy mallets; the marimba de
# tecomates' bass bars, their first overtone carved to the double octave, the charleo's gut snarling
# low.
CHIKULU = Instrument("timbila (chikulu)", tuned=(3.0,), trim=0.7, at=0.3, contact=0.002, loss=0.01, hold=4.0,
                     short=400.0, gourd=(1.0, 18.0, 4.0), membrane=0.4, gap=0.35, rattle=(600.0, 3000.0),
                     knock=0.02, gain=1.2)  # fmt: skip
TECOMATES_BASS = Instrument("marimba de tecomates (bass)", tuned=(4.0,), trim=0.9, at=0.22, contact=0.0015,
                            loss=0.01, hold=4.0, short=450.0, gourd=(1.0, 20.0, 4.0), membrane=0.6,
                            gap=0.3, rattle=(400.0, 2500.0), knock=0.02, gain=1.2)  # fmt: skip
# The leads: the marimba de tecomates' treble, its charleo buzzing; an amadinda's bars on banana stems,
# no gourd, hard wooden beaters, struck near the end; a small balafon's high bars.
TECOMATES = Instrument("marimba de tecomates", tuned=(4.0,), trim=0.9, at=0.22, contact=0.0007, loss=0.011,
                       hold=3.0, short=650.0, gourd=(1.0, 16.0, 3.0), membrane=0.6, gap=0.3,
                       rattle=(600.0, 3500.0), knock=0.03, gain=0.9)  # fmt: skip
AMADINDA = Instrument("amadinda", at=0.12, contact=0.0003, loss=0.016, hold=0.6, short=500.0,
                      gourd=(1.0, 1.0, 0.0), knock=0.08, gain=0.9)  # fmt: skip
SMALL_BALAFON = Instrument("small balafon", tuned=(3.0,), trim=0.3, at=0.27, contact=0.0004, loss=0.013,
                           hold=2.5, short=900.0, gourd=(1.0, 12.0, 2.5), membrane=0.6, gap=0.3,
                           rattle=_BUZZING, knock=0.05, gain=0.9)  # fmt: skip
# Held: a balafon's bar rolled by two mallets; a gyil's bar rolled faster, buzzing.
BALAFON_ROLLED = Instrument("balafon rolled", tuned=(3.0,), trim=0.3, at=0.28, contact=0.0008, loss=0.012,
                            hold=3.0, short=700.0, gourd=(1.0, 14.0, 3.0), membrane=0.4, gap=0.4,
                            rattle=_BUZZING, knock=0.02, roll=9.0, jitter=0.05,
                            level=(0.0015, 0.0, 1.0, 0.12))  # fmt: skip
GYIL_ROLLED = Instrument("gyil rolled", at=0.25, contact=0.0007, loss=0.014, hold=2.5, short=650.0,
                         gourd=(1.02, 10.0, 3.5), membrane=0.7, gap=0.3, rattle=(1500.0, 6500.0),
                         knock=0.03, roll=11.0, jitter=0.06, level=(0.0015, 0.0, 1.0, 0.1))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on a balafon, a gyil and a
# timbila; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: BALAFON_ROLLED,
        49: GYIL_ROLLED,
        12: BALAFON,
        13: GYIL,
        108: SANJE,
        32: CHIKULU,
        33: TECOMATES_BASS,
        14: TECOMATES,
        15: AMADINDA,
        107: SMALL_BALAFON,
    }


def skin(hz: float, ring: float, centred: float) -> struck_render.Partials:
    """A drum's head, its first mode at `hz`: a membrane's first modes (J zeros' ratios 1, 1.59, 2.14,
    2.30, 2.65), those with nodal diameters at `centred` of the first's level (struck off the middle),
    each at 1 / its ratio, dying over `ring` s over its ratio."""
    modes = ((1.0, True), (1.593, False), (2.136, False), (2.296, True), (2.653, False))
    return tuple((hz * ratio, (1.0 if whole else centred) / ratio, ring / ratio) for ratio, whole in modes)


def _drums() -> dict[int, Struck]:
    return {
        # The djembe's bass, the flat hand in its middle: the shell's air and the head's first mode (the
        # bass drum), and muted by the other hand (the other).
        36: Struck(((71.0, 1.0, 0.09), *skin(233.0, 0.05, 0.2)), (60.0, 900.0), 0.03, 1.3),
        35: Struck(((83.0, 1.0, 0.05), *skin(247.0, 0.03, 0.2)), (60.0, 700.0), 0.02, 1.2),
        # The slap, the fingers whipping the edge (the snare); the tone, the palm's edge (the other); the
        # rim struck by a ring (the side stick); hand claps, the third late (the clap).
        38: Struck(skin(389.0, 0.02, 0.9), (1500.0, 9000.0), 0.04, 0.9, grains=2, spread=0.01),
        40: Struck(skin(347.0, 0.06, 0.7), (600.0, 4000.0), 0.015, 0.85),
        37: Struck(((1733.0, 1.0, 0.01), (4391.0, 0.4, 0.005)), (1500.0, 8000.0), 0.004, 0.6),
        39: Struck((), (800.0, 6000.0), 0.012, 0.85, grains=2, spread=0.025),
        # The dundunba, the sangban and the kenkeni struck with a stick and pressed (the toms).
        41: Struck(skin(67.0, 0.2, 0.3), (80.0, 1500.0), 0.02, 0.9),
        43: Struck(skin(79.0, 0.18, 0.3), (90.0, 1700.0), 0.02, 0.9),
        45: Struck(skin(101.0, 0.15, 0.3), (100.0, 2000.0), 0.018, 0.9),
        47: Struck(skin(119.0, 0.13, 0.3), (120.0, 2400.0), 0.016, 0.9),
        48: Struck(skin(149.0, 0.11, 0.3), (140.0, 2800.0), 0.014, 0.9),
        50: Struck(skin(173.0, 0.09, 0.3), (160.0, 3200.0), 0.012, 0.9),
        # The kenken bell struck and choked (the closed hat), pressed to the drum (the pedal hat), let
        # ring (the open hat); the sesse crashing with a hard slap (the crash); the dundunba's big bell
        # (the ride) and its mouth (its bell).
        42: Struck(((2671.0, 0.5, 0.01), (5923.0, 0.3, 0.006)), (3500.0, 10000.0), 0.01, 0.35),
        44: Struck(((2671.0, 0.3, 0.004),), (2000.0, 7000.0), 0.006, 0.3),
        46: Struck(
            ((2671.0, 0.5, 0.12), (5923.0, 0.3, 0.08), (8117.0, 0.2, 0.05)), (3000.0, 10000.0), 0.08, 0.35
        ),
        49: Struck(
            ((3307.0, 0.4, 0.15), (4861.0, 0.3, 0.12), (6607.0, 0.25, 0.1)),
            (2500.0, 10000.0),
            0.25,
            0.4,
            grains=5,
            spread=0.08,
        ),
        51: Struck(
            ((1289.0, 0.7, 0.2), (3119.0, 0.35, 0.12), (5569.0, 0.2, 0.07)), (1500.0, 8000.0), 0.01, 0.35
        ),
        53: Struck(((1289.0, 0.5, 0.05), (3119.0, 0.6, 0.08)), (2500.0, 9000.0), 0.004, 0.35),
        # The sesse's jingles rattled (the tambourine); the kenkeni's bell struck on its lip (the
        # cowbell); the karignan scraped (the cabasa); the shekere shaken (the maracas).
        54: Struck(
            ((4127.0, 0.3, 0.03), (6911.0, 0.2, 0.02)), (4000.0, 10000.0), 0.03, 0.4, grains=4, spread=0.04
        ),
        56: Struck(
            ((887.0, 1.0, 0.07), (2293.0, 0.5, 0.04), (3733.0, 0.3, 0.025)), (800.0, 6000.0), 0.003, 0.4
        ),
        69: Struck(((3023.0, 0.2, 0.01),), (2500.0, 10000.0), 0.06, 0.4, grains=5, spread=0.06),
        70: Struck((), (3500.0, 10000.0), 0.025, 0.4, grains=4, spread=0.03),
        # A mallet's handle clicking on another (the claves); the frame knocked high and low (the wood
        # blocks).
        75: Struck(((2467.0, 1.0, 0.012), (6121.0, 0.3, 0.005)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1181.0, 1.0, 0.02), (3271.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((739.0, 1.0, 0.025), (2003.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


BALAFON_SET = BalafonSet(
    root=Path(__file__).with_name("balafon-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("balafon-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
BALAFON_SETS = {BALAFON_SET.root: BALAFON_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
