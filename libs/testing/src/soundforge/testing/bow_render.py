"""Notes to audio by bowed-string physics computed in numpy, as a string orchestra plays them: a bow's
stick and slip driving each string into Helmholtz motion (a corner running round the string, the
bridge's force a sawtooth whose corner the bow force sharpens and whose harmonics with a node under
the bow are weak), the scratch before that motion settles, the slip's noise pulsed once a period, the
stick-slip's jitter, each player's own vibrato turned by the body's resonances into a shimmer of its
harmonics' levels, sections of players spread in pitch and onset; the bow bounced (spiccato), shaken
(tremolo) or turned over (col legno), the string plucked (pizzicato) and left to its free, stiffened
modes; and an orchestra's timpani and percussion of its own."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render
from soundforge.testing.arithmetic_render import body, running_phases

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 40
PLUCKED_PARTIALS = 24  # a plucked or struck string's free modes, at most
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.01  # s: how often the bowed string's harmonics are worked out (the vibrato moves them)
TABLE = 2048  # points of one period each frame is read from (its partials 40 at most)
NODE_FLOOR = 0.3  # a harmonic with a node right under the bow sounds at this share of its sawtooth's
BOWED = ("arco", "spiccato", "tremolo")  # strokes the bow drives; "pizzicato" and "col legno" do not
_FADE = 0.01  # s: the fade at a sound's cut end
_JITTER_STEP = 0.04  # s: how often the stick-slip's period jitter takes a new value (then smoothed)
_SALT = 7307  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Bowed(voice_render.Players):
    """A patch: a string (or a section of them) and how it is played. `stroke` is "arco" (bowed),
    "spiccato" (the bow bounced off after `bite` s, the string left ringing), "tremolo" (the bow
    shaken `shake` strokes a second, each player at its own speed), "pizzicato" (plucked) or "col
    legno" (struck with the bow's wood). The bow (or the finger, or the wood) meets the string
    `position` of its length from the bridge; the bow's `force` (1 nominal) sharpens the Helmholtz
    corner, whose rounding takes the highs above `corner` Hz (moved `bright` octaves by the
    velocity: a harder, faster stroke is brighter); the motion takes `onset` s to settle, scratching
    (`scratch`) till then; the slip's noise over `band` Hz at `noise`, pulsed once a period; the
    period jitters `jitter` cents; the body lifts or cuts its `humps` ((Hz, half-width share, gain)
    each); `voices` players `detune` cents apart at most, their onsets up to `spread` s apart, each
    with its own `vibrato` (cents) near `rate` Hz after `delay` s; `level` is the bowed envelope
    (attack, decay, the share it holds, release). A free string (plucked, struck, or once the
    spiccato's bow is off) rings with its first mode dying over `ring` s and the n-th (1 + `faster`
    (n - 1)) times faster, its modes stretched by `stiffness`."""

    kind: str
    stroke: str
    level: tuple[float, float, float, float]
    position: float = 0.11
    force: float = 1.0
    corner: float = 3000.0
    bright: float = 0.8
    onset: float = 0.04
    scratch: float = 0.05
    noise: float = 0.015
    band: tuple[float, float] = (1500.0, 7000.0)
    jitter: float = 1.5
    humps: tuple[tuple[float, float, float], ...] = ()
    voices: int = 1
    detune: float = 0.0
    spread: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.25
    bite: float = 0.07
    shake: float = 13.0
    ring: float = 0.6
    faster: float = 0.3
    stiffness: float = 0.0
    gain: float = 1.0

    @property
    def bowed(self) -> bool:
        return self.stroke in BOWED

    @property
    def sustained(self) -> bool:
        return self.stroke in ("arco", "tremolo") and self.level[2] > 0.0


Kit = struck_render.Kit[struck_render.Drum]
# General MIDI programs to bowed and plucked strings and drums to the orchestra's percussion.
BowSet = struck_render.StruckSet[Bowed, struck_render.Drum]
Drum = struck_render.Drum
# A timpano's modes against its note, (ratio, amplitude, decay against its note's) each: the (1,1),
# (2,1), (3,1) and (4,1) modes the kettle's air tunes near 1 : 1.5 : 2 : 2.5 (a note the ear hears),
# and the (0,1) mode's thud under them, gone at once.
TIMPANO_MODES = ((1.0, 1.0, 1.0), (1.5, 0.5, 0.65), (1.98, 0.3, 0.5), (2.44, 0.15, 0.34), (0.645, 0.2, 0.09))


def timpano(hz: float, ring: float) -> Drum:
    """A timpano tuned to `hz`, its note ringing over `ring` s (TIMPANO_MODES), the felt stick's thump
    a band of noise above it."""
    modes = tuple((hz * ratio, amplitude, ring * decay) for ratio, amplitude, decay in TIMPANO_MODES)
    return Drum(modes, (1.7 * hz, 10.0 * hz), 0.02, 0.95)


# The bodies: a violin's air mode (A0), its two main wood modes (B1- and B1+) and its bridge hill; a
# viola's a fifth lower and weaker in the hill; a cello's and a double bass's lower still.
VIOLIN_BODY = ((275.0, 0.12, 1.2), (470.0, 0.1, 1.5), (540.0, 0.1, 1.2), (2500.0, 0.35, 1.4))
VIOLA_BODY = ((230.0, 0.12, 1.2), (350.0, 0.1, 1.3), (480.0, 0.1, 1.0), (2000.0, 0.35, 0.9))
CELLO_BODY = ((100.0, 0.15, 1.0), (175.0, 0.12, 1.4), (210.0, 0.12, 1.1), (1500.0, 0.4, 0.7))
BASS_BODY = ((62.0, 0.15, 1.0), (100.0, 0.15, 1.3), (130.0, 0.15, 0.9), (900.0, 0.4, 0.5))
# A mute clamped to the bridge: its mass takes the bridge hill and the highs.
MUTED = ((2500.0, 0.4, -0.6),)

# The string section holding its chords (violins and violas together), the same section muted, its
# tremolo, its pizzicato, its col legno and its bow on the bridge (sul ponticello: glassy, its
# upper harmonics strong); cellos and basses; a solo violin, a solo viola and a fiddler's spiccato.
SECTION = Bowed("string section", "arco", (0.12, 0.5, 0.8, 0.15), humps=VIOLIN_BODY + VIOLA_BODY[3:],
                voices=5, detune=14.0, spread=0.012, vibrato=9.0, rate=5.6, delay=0.2)  # fmt: skip
MUTED_SECTION = Bowed("muted section", "arco", (0.18, 0.6, 0.85, 0.2), corner=1800.0,
                      humps=VIOLIN_BODY + MUTED, noise=0.01, voices=5, detune=12.0, spread=0.012,
                      vibrato=7.0, rate=5.4, delay=0.25)  # fmt: skip
TREMOLO = Bowed("tremolo section", "tremolo", (0.03, 0.3, 0.75, 0.1), force=1.3, humps=VIOLIN_BODY,
                noise=0.03, voices=4, detune=12.0, spread=0.008, shake=13.0)  # fmt: skip
PIZZICATO = Bowed("pizzicato section", "pizzicato", (0.0, 0.5, 0.0, 0.08), position=0.23,
                  humps=VIOLIN_BODY, noise=0.02, band=(800.0, 4000.0), voices=4, detune=10.0,
                  spread=0.015, ring=0.45, stiffness=2e-5)  # fmt: skip
COL_LEGNO = Bowed("col legno section", "col legno", (0.0, 0.2, 0.0, 0.05), position=0.08, humps=VIOLA_BODY,
                  noise=0.12, band=(2000.0, 9000.0), voices=4, detune=10.0, spread=0.01, ring=0.22,
                  faster=0.5, stiffness=2e-5)  # fmt: skip
PONTICELLO = Bowed("section sul ponticello", "arco", (0.1, 0.4, 0.8, 0.12), position=0.03, force=0.8,
                   corner=6000.0, humps=VIOLIN_BODY, noise=0.04, band=(3000.0, 9000.0), voices=4,
                   detune=12.0, spread=0.01, vibrato=4.0)  # fmt: skip
CELLOS = Bowed("cellos", "arco", (0.1, 0.4, 0.8, 0.15), position=0.09, corner=2200.0, humps=CELLO_BODY,
               voices=3, detune=10.0, spread=0.01, vibrato=10.0, rate=5.2, delay=0.3)  # fmt: skip
BASSES = Bowed("double basses", "arco", (0.09, 0.35, 0.75, 0.12), position=0.1, force=1.2, corner=1500.0,
               humps=BASS_BODY, noise=0.02, band=(600.0, 3000.0), voices=2, detune=8.0, spread=0.01,
               vibrato=6.0, rate=5.0, delay=0.35, gain=1.1)  # fmt: skip
BASS_PIZZICATO = Bowed("double bass pizzicato", "pizzicato", (0.0, 0.8, 0.0, 0.1), position=0.25,
                       humps=BASS_BODY, noise=0.015, band=(300.0, 2000.0), ring=0.8, faster=0.5,
                       stiffness=1e-4, gain=1.1)  # fmt: skip
VIOLIN = Bowed("solo violin", "arco", (0.06, 0.3, 0.8, 0.1), position=0.1, force=1.1, humps=VIOLIN_BODY,
               noise=0.02, vibrato=18.0, rate=5.9, delay=0.25)  # fmt: skip
VIOLA = Bowed("solo viola", "arco", (0.07, 0.35, 0.8, 0.1), position=0.12, corner=2500.0, humps=VIOLA_BODY,
              noise=0.02, vibrato=15.0, rate=5.5, delay=0.3)  # fmt: skip
SPICCATO = Bowed("spiccato violin", "spiccato", (0.01, 0.3, 0.0, 0.06), force=1.2, humps=VIOLIN_BODY,
                 noise=0.03, bite=0.07, ring=0.35)  # fmt: skip
KINDS = (SECTION, MUTED_SECTION, TREMOLO, PIZZICATO, COL_LEGNO, PONTICELLO, CELLOS, BASSES, BASS_PIZZICATO,
         VIOLIN, VIOLA, SPICCATO)  # fmt: skip

# General MIDI programs to strings: the held chords as the section and the muted section; the chords
# a song plays as its tremolo, pizzicato, col legno and sul ponticello; the basses as cellos, double
# basses and their pizzicato; the leads as a solo violin, a solo viola and a fiddler's spiccato.
ORCHESTRA = BowSet(
    root=Path(__file__).with_name("bowed-strings"),
    programs={
        48: SECTION,
        49: MUTED_SECTION,
        44: TREMOLO,
        45: PIZZICATO,
        50: COL_LEGNO,
        51: PONTICELLO,
        42: CELLOS,
        43: BASSES,
        32: BASS_PIZZICATO,
        40: VIOLIN,
        41: VIOLA,
        110: SPICCATO,
    },
    drums=Kit(
        kit=Path(__file__).with_name("bowed-strings") / "percussion",
        drums={
            # A gran cassa struck full and a second one damped; a field drum's gut snares, the same
            # drum deeper, a rim tapped with the stick; a slapstick's crack.
            36: Drum(((48.0, 1.0, 0.5), (77.0, 0.5, 0.3), (104.0, 0.25, 0.2)), (200.0, 1500.0), 0.04, 1.3),
            35: Drum(((52.0, 1.0, 0.22), (85.0, 0.4, 0.12)), (200.0, 1200.0), 0.03, 1.2),
            38: Drum(((185.0, 0.6, 0.06), (310.0, 0.3, 0.04)), (1500.0, 8000.0), 0.18, 0.9),
            40: Drum(((160.0, 0.8, 0.08), (270.0, 0.4, 0.05)), (1200.0, 6500.0), 0.22, 0.9),
            37: Drum(((1650.0, 1.0, 0.015), (2900.0, 0.4, 0.008)), (2500.0, 8000.0), 0.006, 0.6),
            39: Drum((), (1200.0, 9000.0), 0.025, 0.8),
            # Timpani from the 32" kettle to the 23", tuned low (timpano).
            41: timpano(87.0, 0.9),
            43: timpano(98.0, 0.85),
            45: timpano(110.0, 0.8),
            47: timpano(123.0, 0.75),
            48: timpano(139.0, 0.7),
            50: timpano(156.0, 0.65),
            # Cymbals: clash cymbals choked at once (the "hat"), a suspended cymbal tapped, the clash
            # cymbals let ring, a pair clashed full, the suspended one struck with a stick and on its
            # bell, a tam-tam.
            42: Drum(((3300.0, 0.4, 0.03), (5200.0, 0.3, 0.02)), (5000.0, 10500.0), 0.03, 0.45),
            44: Drum(((2900.0, 0.3, 0.05),), (4000.0, 9500.0), 0.05, 0.35),
            46: Drum(((3300.0, 0.4, 0.4), (5200.0, 0.3, 0.3)), (4500.0, 10500.0), 0.45, 0.4),
            49: Drum(
                ((1900.0, 1.0, 1.1), (2850.0, 0.8, 0.9), (4300.0, 0.6, 0.7)), (3000.0, 10500.0), 0.9, 0.45
            ),
            51: Drum(((2300.0, 1.0, 0.8), (3700.0, 0.5, 0.6)), (5500.0, 10500.0), 0.15, 0.3),
            53: Drum(((1750.0, 1.0, 0.6), (4400.0, 0.3, 0.3)), gain=0.35),
            52: Drum(
                (
                    (67.0, 1.0, 1.6),
                    (141.0, 0.8, 1.4),
                    (233.0, 0.6, 1.2),
                    (387.0, 0.5, 1.0),
                    (612.0, 0.4, 0.8),
                ),
                (600.0, 5000.0),
                1.0,
                0.5,
            ),
            # Small percussion: a tambourine, a triangle muted and open, sleigh bells, castanets,
            # claves, temple blocks high and low.
            54: Drum(((4900.0, 0.3, 0.08),), (4500.0, 10500.0), 0.1, 0.4),
            80: Drum(((1290.0, 1.0, 0.05), (3570.0, 0.6, 0.04), (6810.0, 0.4, 0.03)), gain=0.35),
            81: Drum(((1290.0, 1.0, 1.2), (3570.0, 0.6, 1.0), (6810.0, 0.4, 0.8)), gain=0.35),
            83: Drum(((4200.0, 0.4, 0.12), (6100.0, 0.3, 0.1)), (4000.0, 10500.0), 0.15, 0.4),
            85: Drum(((2650.0, 1.0, 0.012),), (1500.0, 6000.0), 0.01, 0.5),
            75: Drum(((2400.0, 1.0, 0.05),), gain=0.45),
            76: Drum(((860.0, 1.0, 0.06), (2150.0, 0.3, 0.03)), (1500.0, 5000.0), 0.005, 0.5),
            77: Drum(((590.0, 1.0, 0.07), (1480.0, 0.3, 0.035)), (1200.0, 4500.0), 0.005, 0.5),
        },
    ),
    drum_gain=0.9,
)
# The bowed sets a render may name in place of a soundfont (midi_render.render_notes).
BOW_SETS = {ORCHESTRA.root: ORCHESTRA}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bow_set: BowSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's strings, bent by `cents` (a section's chord
    its players' divisi, one sound); the drum channel through the set's percussion, unbent. A program
    or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bow_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Bowed, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The strings of `pitches` (fractional MIDI, together) played for `held` seconds at `velocity`:
    bowed, or plucked or struck. What varies (each player's vibrato, the jitter, the noise) is drawn
    with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    starts = np.linspace(0.0, patch.spread, patch.voices) if patch.voices > 1 else np.zeros(1)

    def sound(hz: float) -> tuple[Signal, Signal]:
        tone, noise = np.zeros(times.size), np.zeros(times.size)
        for offset, start in zip(patch.offsets, starts, strict=True):
            late = np.maximum(times - start, 0.0)
            if patch.bowed:
                player, phase = bowed(patch, hz, velocity, held, offset, late, sample_rate, rng)
                noise += slip_noise(patch, velocity, held, phase, late, sample_rate, rng)
            else:
                player = plucked(patch, hz, velocity, held, offset, late, sample_rate)
                noise += knock(patch, late, sample_rate, rng)
            tone += player * (times >= start)
        return tone, noise / patch.voices

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Bowed, held: float) -> float:
    """How long a note held `held` seconds sounds: while bowed (a free string, plucked, struck or left
    by a spiccato's bow, till it has rung out if held longer), then its release; the section's
    spread after."""
    attack, _, _, release = patch.level
    if patch.stroke in ("arco", "tremolo"):
        sounding = max(held, attack)
    else:
        sounding = min(max(held, patch.bite), 5.0 * patch.ring)
    return sounding + 6.0 * release + patch.spread


def partials(hz: float, sample_rate: int, most: int = MAX_PARTIALS) -> int:
    """How many harmonics of `hz` a note is computed with: under 0.45 of the rate, `most` at most."""
    return max(1, min(most, int(0.45 * sample_rate / hz)))


def envelope(patch: Bowed, held: float, times: Signal) -> Signal:
    """The bow's level at `times` (peak 1): rising over its attack to its accent, falling over its
    decay to the share it holds, gone over its release once the bow stops; a spiccato's bow leaves
    after `bite` s and the string rings on (its first mode's `ring`) till the note ends and the
    player damps it over the release."""
    attack, decay, share, release = patch.level
    rise = np.clip(times / attack, 0.0, 1.0) ** 2 if attack else np.ones(times.size)
    if patch.stroke == "spiccato":
        gone = np.exp(-np.maximum(times - max(held, patch.bite), 0.0) / release)
        return np.asarray(rise * np.exp(-np.maximum(times - patch.bite, 0.0) / patch.ring) * gone)
    fall = share + (1.0 - share) * np.exp(-np.maximum(times - attack, 0.0) / decay)
    gone = np.exp(-np.maximum(times - max(held, attack), 0.0) / release)
    return np.asarray(rise * fall * gone)


def harmonics(patch: Bowed, hz: float, velocity: int, bend: Signal, frames: Signal,
              sample_rate: int) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The bridge's force under Helmholtz motion at `frames` (frames x partials, complex, sine phase,
    the loudest 1 in each), the string `bend` cents off its pitch in each: a sawtooth's 1/n, the
    harmonics with a node under the bow down to NODE_FLOOR, its corner rounded (2nd order above
    `corner` Hz, sharpened by the bow force and moved by the velocity, brighter while the motion
    settles over `onset` s), a spiccato's upper harmonics dying sooner once the bow has left, and the
    body's humps at each harmonic's frequency as the vibrato moves it; the first partial never under
    FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, partials(hz, sample_rate) + 1, dtype=np.float64)
    node = np.minimum(1.0, NODE_FLOOR + 3.0 * np.abs(np.sin(np.pi * n * patch.position)))
    settling = 1.0 + 2.0 * np.exp(-frames / patch.onset)
    cut = patch.corner * np.sqrt(patch.force) * 2.0 ** (patch.bright * (velocity / 127.0 - 0.6)) * settling
    f = n[None, :] * hz * 2.0 ** (bend[:, None] / 1200.0)
    out = node / n * body(patch.humps, f) / (1.0 + (f / cut[:, None]) ** 2)
    if patch.stroke == "spiccato":
        free = np.maximum(frames - patch.bite, 0.0)[:, None]
        out *= np.exp(-free * patch.faster * (n - 1.0) / patch.ring)
    loudest = np.abs(out).max(axis=1)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * loudest)
    out /= np.maximum(np.abs(out).max(axis=1), 1e-12)[:, None]
    return np.asarray(-1j * out)


def player_bend(patch: Bowed, offset: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How far (cents) one player's string plays off the pitch at `times`: its detuning `offset`, its
    own vibrato (a rate within 6% of `rate`, its own phase, swelling in over 0.4 s after `delay`) and
    the stick-slip's jitter (a smoothed random walk of `jitter` cents, its mean taken out)."""
    rate = patch.rate * (1.0 + rng.uniform(-0.06, 0.06))
    swell = np.clip((times - patch.delay) / 0.4, 0.0, 1.0)
    vibrato = patch.vibrato * swell * np.sin(2.0 * np.pi * rate * times + rng.uniform(0.0, 2.0 * np.pi))
    knots = rng.standard_normal(int(times[-1] / _JITTER_STEP) + 2) if times.size else np.zeros(2)
    jitter = np.interp(times / _JITTER_STEP, np.arange(knots.size), knots - knots.mean())
    return np.asarray(offset + vibrato + patch.jitter * jitter)


def bowed(patch: Bowed, hz: float, velocity: int, held: float, offset: float, times: Signal,
          sample_rate: int, rng: np.random.Generator) -> tuple[Signal, Signal]:  # fmt: skip
    """One player's bowed string from its own start (`times` 0 there): its harmonics every FRAME at its
    bend, read at its running phase (struck_render.periods), under the bow's envelope (and the
    tremolo's strokes); and that phase, which the slip's noise follows."""
    bend = player_bend(patch, offset, times, rng)
    still = dataclasses.replace(patch, vibrato=0.0, voices=1, detune=0.0)
    phase = running_phases(still, hz, times, sample_rate, rng, bend)[0]
    frames = np.arange(int(times[-1] / FRAME) + 2, dtype=np.float64) * FRAME
    spectrum = harmonics(patch, hz, velocity, np.interp(frames, times, bend), frames, sample_rate)
    tone = struck_render.periods(spectrum, [phase], times, FRAME, TABLE)
    tone /= float(np.abs(tone).max()) or 1.0
    return tone * envelope(patch, held, times) * strokes(patch, times, rng), phase


def strokes(patch: Bowed, times: Signal, rng: np.random.Generator) -> Signal:
    """A tremolo's bow changes: the level dipping by half at each turn of the bow, `shake` strokes a
    second give or take 8% for each player (never together with the beat); 1 for any other stroke."""
    if patch.stroke != "tremolo":
        return np.ones(times.size)
    shake = patch.shake * (1.0 + rng.uniform(-0.08, 0.08))
    turn = np.cos(np.pi * shake * times + rng.uniform(0.0, np.pi)) ** 2
    return np.asarray(1.0 - 0.5 * turn)


def slip_noise(patch: Bowed, velocity: int, held: float, phase: Signal, times: Signal, sample_rate: int,
               rng: np.random.Generator) -> Signal:  # fmt: skip
    """The bow's noise over `band`: pulsed at each slip (once a period, where the phase turns), under
    the bow's envelope, harder with the bow force and the velocity; and the scratch while the motion
    settles, over its `onset`."""
    hiss = struck_render.band_noise(int(rng.integers(2**31)), patch.band, 0.0, times.size, sample_rate)
    pulse = (0.5 + 0.5 * np.cos(phase)) ** 4
    level = patch.noise * patch.force * (0.5 + velocity / 127.0)
    scratch = patch.scratch * np.exp(-times / patch.onset)
    return np.asarray(hiss * (level * pulse + scratch) * envelope(patch, held, times))


def free_modes(patch: Bowed, hz: float, sample_rate: int) -> tuple[Signal, Signal]:
    """A plucked or struck string's free modes: their frequencies, stretched by its `stiffness` with
    the first on the note (n x `hz` x sqrt((1 + B n^2) / (1 + B))), and their levels (the loudest 1):
    the pluck's (sin(n pi `position`) / n^2) or the wood's sharper strike (sin(n pi `position`) / n),
    through the body's humps, the first never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, partials(hz, sample_rate, PLUCKED_PARTIALS) + 1, dtype=np.float64)
    stretch = np.sqrt((1.0 + patch.stiffness * n**2) / (1.0 + patch.stiffness))
    f = n * hz * stretch
    keep = f < 0.45 * sample_rate
    n, f = n[keep], f[keep]
    shape = np.abs(np.sin(np.pi * n * patch.position)) / (n if patch.stroke == "col legno" else n**2)
    levels = shape * body(patch.humps, f)
    levels[0] = max(levels[0], FUNDAMENTAL_FLOOR * float(levels.max()))
    return f, levels / float(levels.max())


def plucked(patch: Bowed, hz: float, velocity: int, held: float, offset: float, times: Signal,
            sample_rate: int) -> Signal:  # fmt: skip
    """One player's plucked or struck string from its own start: its free modes, the n-th dying (1 +
    `faster` (n - 1)) times faster than the first's `ring`, a harder pluck's upper ones stronger,
    damped over its release once the note is let go; detuned `offset` cents."""
    f, levels = free_modes(patch, hz * 2.0 ** (offset / 1200.0), sample_rate)
    n = np.arange(1, f.size + 1, dtype=np.float64)
    levels = levels * n ** (0.6 * (velocity / 127.0 - 0.6))
    out = np.zeros(times.size)
    for k, hz_k, level in zip(n, f, levels, strict=True):
        dying = np.exp(-times * (1.0 + patch.faster * (k - 1.0)) / patch.ring)
        out += level * np.sin(2.0 * np.pi * hz_k * times) * dying
    out *= np.clip(times / 0.002, 0.0, 1.0)
    out *= np.exp(-np.maximum(times - max(held, patch.bite), 0.0) / patch.level[3])
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def knock(patch: Bowed, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The finger's snap or the wood's click over `band` at `noise`, over in a few milliseconds."""
    hiss = struck_render.band_noise(int(rng.integers(2**31)), patch.band, 0.0, times.size, sample_rate)
    return np.asarray(patch.noise * hiss * np.exp(-times / 0.004))


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One stroke on the orchestra's percussion (struck_render.hit), louder and brighter at a higher
    velocity, as a percussionist plays."""
    return struck_render.hit(_SALT, drum, velocity, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Bowed, Drum] = struck_render.Sounded(voice, _hit, 1024)
