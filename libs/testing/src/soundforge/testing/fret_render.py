"""Notes to audio by a fretted-string band's physics computed in numpy, as guitars, mandolins and a banjo
play them: each string's free modes, stretched by its stiffness with the first on the note, set going
by a pick, a nail or a finger's flesh where it meets the string (the modes with a node there weak, a
wider or softer tip taking the highs), coupled to the body through the bridge (its resonances lifting
the modes near them and draining them sooner), each mode dying twice over (the polarisation that
pushes the top dies first, the one that slides along it lingers), a palm on the strings at the bridge
damping them all; a chord strummed string after string, down or up; a tremolo repicking the string
while it is held; and a band's box and hand percussion of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render
from soundforge.testing.arithmetic_render import body

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_MODES = 20  # a string's free modes, at most
STEP = 32  # samples: how often the modes' dying levels are worked out (straight lines between)
FUNDAMENTAL_FLOOR = 0.35  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.01  # s: the step the modes' levels are read at (modes_at)
STROKES = ("pick", "nail", "finger", "thumb", "tremolo")
_TIPS = {"pick": 1.0, "nail": 1.0, "finger": 2.0, "thumb": 2.0, "tremolo": 1.0}  # a tip's 1/n power
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 4111  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Fretted(voice_render.Players):
    """A patch: a fretted string (or a band of players on them) and how it is played. `stroke` is
    "pick" or "nail" (a hard tip: the pluck's modes 1/n) or "finger" or "thumb" (the flesh: 1/n^2),
    or "tremolo" (picked again `repick` times a second while held, each player at its own speed). The
    tip meets the string `position` of its length from the bridge and takes the highs above `tip` Hz
    (moved `bright` octaves by the velocity: a harder pluck is brighter). The free modes are
    stretched by `stiffness` (B, the first on the note); the first dies over `ring` s, the n-th (1 +
    `faster` (n - 1)) times faster, and a mode the body lifts drains (1 + `drain` x its lift) times
    faster still; `prompt` of each mode's level dies `quick` times faster than the rest (the
    polarisation that pushes the top). The body lifts or cuts its `humps` ((Hz, half-width share,
    gain) each) and rings them at the pluck (`thump`); the tip's click is noise over `band` at
    `click`. A chord's strings sound one after another over `strum` s, downwards (low to high)
    with probability `down`; `voices` players `detune` cents apart at most, their onsets `spread` s
    apart, each with its own `vibrato` (cents, a finger rocking on the fret) near `rate` Hz after
    `delay` s; `level` is (the pluck's rise, the tremolo's accent's decay, the share it holds while
    repicked (0: a pluck, which holds nothing), the damping once let go)."""

    kind: str
    stroke: str
    level: tuple[float, float, float, float]
    position: float = 0.18
    tip: float = 3000.0
    bright: float = 1.5
    stiffness: float = 1e-5
    ring: float = 1.5
    faster: float = 0.15
    drain: float = 0.5
    prompt: float = 0.6
    quick: float = 5.0
    humps: tuple[tuple[float, float, float], ...] = ()
    thump: float = 0.05
    click: float = 0.02
    band: tuple[float, float] = (2000.0, 8000.0)
    strum: float = 0.0
    down: float = 0.7
    repick: float = 13.0
    voices: int = 1
    detune: float = 0.0
    spread: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return self.stroke == "tremolo" and self.level[2] > 0.0


Kit = struck_render.Kit[struck_render.Drum]
# General MIDI programs to fretted strings and drums to the band's percussion.
FretSet = struck_render.StruckSet[Fretted, struck_render.Drum]
Drum = struck_render.Drum

# The bodies: a dreadnought's air mode through the soundhole, its top's first two modes and its
# brightness; a classical guitar's lighter fan-braced top; an archtop's carved top on a floating
# bridge (little air, a dark hill); a mandolin's and a bouzouki's small bowls; a banjo's drum head,
# high and loud; a resonator's spun cone; a bass guitar's and a guitarrón's deep boxes.
DREADNOUGHT = ((100.0, 0.12, 1.4), (200.0, 0.1, 1.2), (390.0, 0.12, 0.8), (3000.0, 0.5, 0.4))
CLASSICAL = ((95.0, 0.12, 1.2), (190.0, 0.1, 1.4), (470.0, 0.15, 0.7), (2200.0, 0.5, 0.3))
CYPRESS = ((110.0, 0.12, 0.8), (230.0, 0.1, 1.3), (520.0, 0.15, 0.9), (3200.0, 0.4, 0.6))
ARCHTOP = ((130.0, 0.15, 0.5), (330.0, 0.12, 1.2), (800.0, 0.3, 0.6), (5000.0, 0.5, -0.5))
MANDOLIN = ((280.0, 0.12, 1.1), (560.0, 0.12, 1.0), (1200.0, 0.2, 0.8), (4000.0, 0.5, 0.5))
BANJO = ((330.0, 0.25, 0.6), (1100.0, 0.3, 1.6), (2600.0, 0.3, 1.2))
RESONATOR = ((180.0, 0.15, 0.5), (880.0, 0.04, 1.8), (1750.0, 0.04, 1.4), (3500.0, 0.05, 1.0))
BASS_BOX = ((60.0, 0.15, 1.2), (120.0, 0.12, 1.0), (250.0, 0.15, 0.6))
GUITARRON = ((55.0, 0.15, 1.5), (98.0, 0.12, 1.2), (200.0, 0.15, 0.7))

# A mandolin orchestra's tremolo and a guitar quartet's (each held as long as the note); a
# steel-string strummed, the same palm-muted, an archtop's comping, a flamenco guitar's rasgueado;
# an acoustic bass guitar under the thumb, a guitarrón picked and a bass balalaika; a nylon guitar's
# melody, a banjo's and a resonator guitar's.
MANDOLINS = Fretted("mandolin orchestra tremolo", "tremolo", (0.004, 0.08, 0.75, 0.08), position=0.15,
                    tip=5000.0, stiffness=3e-5, ring=0.9, humps=MANDOLIN, thump=0.02, click=0.03,
                    repick=14.0, voices=3, detune=10.0, spread=0.01)  # fmt: skip
QUARTET = Fretted("guitar quartet tremolo", "tremolo", (0.004, 0.1, 0.7, 0.1), position=0.2, tip=2600.0,
                  stiffness=8e-6, ring=1.6, humps=CLASSICAL, thump=0.02, click=0.015, band=(1500.0, 6000.0),
                  repick=11.0, voices=2, detune=8.0, spread=0.012)  # fmt: skip
STRUMMED = Fretted("steel-string strum", "pick", (0.002, 0.0, 0.0, 0.1), position=0.12, tip=3500.0,
                   stiffness=2e-5, ring=2.2, humps=DREADNOUGHT, click=0.04, strum=0.035, voices=2,
                   detune=6.0, spread=0.008)  # fmt: skip
PALM_MUTED = Fretted("palm-muted steel-string", "pick", (0.002, 0.0, 0.0, 0.05), position=0.1, tip=3500.0,
                     stiffness=2e-5, ring=0.16, faster=0.8, humps=DREADNOUGHT, thump=0.08, click=0.05,
                     strum=0.02, down=0.9)  # fmt: skip
ARCHTOP_COMP = Fretted("archtop comping", "pick", (0.002, 0.0, 0.0, 0.06), position=0.2, tip=2500.0,
                       stiffness=1.5e-5, ring=0.7, faster=0.3, drain=0.8, humps=ARCHTOP, thump=0.03,
                       click=0.03, strum=0.012, down=0.8)  # fmt: skip
RASGUEADO = Fretted("flamenco rasgueado", "nail", (0.002, 0.0, 0.0, 0.08), position=0.14, tip=5000.0,
                    bright=1.4, stiffness=6e-6, ring=0.9, faster=0.25, humps=CYPRESS, thump=0.1,
                    click=0.06, band=(2500.0, 9000.0), strum=0.018, down=0.6)  # fmt: skip
BASS_GUITAR = Fretted("acoustic bass guitar", "thumb", (0.003, 0.0, 0.0, 0.12), position=0.22, tip=900.0,
                      stiffness=1.2e-4, ring=1.4, faster=0.3, humps=BASS_BOX, thump=0.06, click=0.01,
                      band=(600.0, 3000.0), gain=1.1)  # fmt: skip
GUITARRON_BASS = Fretted("guitarrón", "finger", (0.003, 0.0, 0.0, 0.1), position=0.2, tip=1200.0,
                         stiffness=6e-5, ring=1.1, faster=0.35, humps=GUITARRON, thump=0.08, click=0.015,
                         band=(500.0, 2500.0), voices=2, detune=4.0, gain=1.1)  # fmt: skip
BALALAIKA = Fretted("bass balalaika", "pick", (0.003, 0.0, 0.0, 0.1), position=0.15, tip=1800.0,
                    stiffness=9e-5, ring=0.9, faster=0.4, humps=((70.0, 0.2, 1.0), (180.0, 0.15, 1.0)),
                    click=0.03, band=(800.0, 4000.0), gain=1.1)  # fmt: skip
NYLON = Fretted("nylon guitar melody", "finger", (0.003, 0.0, 0.0, 0.12), position=0.22, tip=2000.0,
                stiffness=5e-6, ring=1.8, humps=CLASSICAL, thump=0.04, click=0.01, band=(1000.0, 5000.0),
                vibrato=12.0, rate=5.5, delay=0.25)  # fmt: skip
BANJO_LEAD = Fretted("banjo", "nail", (0.001, 0.0, 0.0, 0.06), position=0.09, tip=7000.0, stiffness=2e-5,
                     ring=0.6, faster=0.2, drain=0.6, prompt=0.8, quick=6.0, humps=BANJO, thump=0.03,
                     click=0.05, band=(3000.0, 9000.0))  # fmt: skip
RESONATOR_LEAD = Fretted("resonator guitar", "pick", (0.002, 0.0, 0.0, 0.1), position=0.13, tip=5000.0,
                         stiffness=2.5e-5, ring=1.6, drain=0.2, prompt=0.4, humps=RESONATOR, thump=0.02,
                         click=0.04, vibrato=8.0, rate=6.0, delay=0.35)  # fmt: skip
KINDS = (MANDOLINS, QUARTET, STRUMMED, PALM_MUTED, ARCHTOP_COMP, RASGUEADO, BASS_GUITAR, GUITARRON_BASS,
         BALALAIKA, NYLON, BANJO_LEAD, RESONATOR_LEAD)  # fmt: skip

# General MIDI programs to fretted strings: the held chords as the mandolins' and the guitar
# quartet's tremolo; the chords a song plays strummed, palm-muted, comped and in rasgueado; the basses
# as an acoustic bass guitar, a guitarrón and a bass balalaika; the leads as a nylon guitar, a banjo
# and a resonator guitar.
STRING_BAND = FretSet(
    root=Path(__file__).with_name("fretted-strings"),
    programs={
        48: MANDOLINS,
        49: QUARTET,
        25: STRUMMED,
        28: PALM_MUTED,
        26: ARCHTOP_COMP,
        27: RASGUEADO,
        32: BASS_GUITAR,
        33: GUITARRON_BASS,
        34: BALALAIKA,
        24: NYLON,
        105: BANJO_LEAD,
        29: RESONATOR_LEAD,
    },
    drums=Kit(
        kit=Path(__file__).with_name("fretted-strings") / "box-percussion",
        drums={
            # A cajón's bass tone (its front plate's low mode through the port) and a heel on a stomp
            # box; its slap at the top edge, the snare wires inside buzzing, and nearer the middle;
            # a golpe (a knock on a guitar's top); palmas (hands clapped flat).
            36: Drum(((72.0, 1.0, 0.16), (118.0, 0.4, 0.09), (190.0, 0.2, 0.05)), (150.0, 900.0), 0.02, 1.3),
            35: Drum(((58.0, 1.0, 0.12), (96.0, 0.5, 0.06)), (200.0, 1200.0), 0.015, 1.2),
            38: Drum(((340.0, 0.5, 0.03), (610.0, 0.3, 0.02)), (1800.0, 9000.0), 0.12, 0.9),
            40: Drum(((250.0, 0.7, 0.04), (450.0, 0.3, 0.025)), (1200.0, 7000.0), 0.09, 0.9),
            37: Drum(
                ((200.0, 1.0, 0.03), (390.0, 0.6, 0.025), (780.0, 0.3, 0.015)), (800.0, 4000.0), 0.008, 0.6
            ),
            39: Drum((), (700.0, 3500.0), 0.018, 0.8),
            # A frame drum's skin pressed from behind to six pitches, the lowest first.
            41: Drum(((92.0, 1.0, 0.25), (150.0, 0.4, 0.12)), (300.0, 1500.0), 0.02, 1.0),
            43: Drum(((108.0, 1.0, 0.23), (176.0, 0.4, 0.11)), (300.0, 1500.0), 0.02, 1.0),
            45: Drum(((126.0, 1.0, 0.21), (205.0, 0.4, 0.1)), (350.0, 1800.0), 0.02, 1.0),
            47: Drum(((146.0, 1.0, 0.19), (238.0, 0.4, 0.09)), (350.0, 1800.0), 0.02, 1.0),
            48: Drum(((170.0, 1.0, 0.17), (277.0, 0.4, 0.08)), (400.0, 2000.0), 0.02, 1.0),
            50: Drum(((198.0, 1.0, 0.15), (322.0, 0.4, 0.07)), (400.0, 2000.0), 0.02, 1.0),
            # Shakers and jingles: an egg shaker flicked and shaken long, a foot's jingles, a
            # tambourine's jingles shaken out, a pair of spoons clacked and rolled, a jingle stick.
            42: Drum((), (5000.0, 10500.0), 0.02, 0.45),
            46: Drum((), (4500.0, 10500.0), 0.12, 0.4),
            44: Drum(((3800.0, 0.3, 0.04), (5600.0, 0.2, 0.03)), (4000.0, 9000.0), 0.04, 0.35),
            49: Drum(((4100.0, 0.4, 0.35), (6300.0, 0.3, 0.25)), (4000.0, 10500.0), 0.4, 0.4),
            51: Drum(((1850.0, 1.0, 0.02), (3300.0, 0.5, 0.012)), (2500.0, 8000.0), 0.01, 0.4),
            53: Drum(((2150.0, 1.0, 0.03), (3900.0, 0.4, 0.015)), gain=0.35),
            52: Drum(((3600.0, 0.4, 0.5), (5300.0, 0.3, 0.4)), (3500.0, 10500.0), 0.6, 0.4),
            # A tambourine struck, a triangle muted and open, a bell tree's jingles, castanets, claves,
            # a guitar's body knocked high (on the top) and low (on the back).
            54: Drum(((5100.0, 0.3, 0.07),), (4500.0, 10500.0), 0.09, 0.4),
            80: Drum(((1420.0, 1.0, 0.05), (3900.0, 0.6, 0.04), (7100.0, 0.4, 0.03)), gain=0.35),
            81: Drum(((1420.0, 1.0, 1.0), (3900.0, 0.6, 0.8), (7100.0, 0.4, 0.6)), gain=0.35),
            83: Drum(((3700.0, 0.4, 0.15), (5800.0, 0.3, 0.12)), (3500.0, 10500.0), 0.18, 0.4),
            85: Drum(((2450.0, 1.0, 0.01),), (1500.0, 6000.0), 0.008, 0.5),
            75: Drum(((2600.0, 1.0, 0.045),), gain=0.45),
            76: Drum(((420.0, 1.0, 0.05), (1300.0, 0.4, 0.02)), (1000.0, 5000.0), 0.006, 0.5),
            77: Drum(((230.0, 1.0, 0.06), (700.0, 0.4, 0.025)), (700.0, 3500.0), 0.006, 0.5),
        },
    ),
    drum_gain=0.9,
)
# The fretted sets a render may name in place of a soundfont (midi_render.render_notes).
FRET_SETS = {STRING_BAND.root: STRING_BAND}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, fret_set: FretSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's strings, bent by `cents` (a chord one strum,
    one sound); the drum channel through the set's percussion, unbent. A program or a drum the set
    lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, fret_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Fretted, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The strings of `pitches` (fractional MIDI, a chord strummed over `strum` s, down or up as the
    seed draws) plucked and held `held` seconds at `velocity`. What varies (the strum's direction,
    each player's vibrato and repicking speed, the noise) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    lags = strum(patch, len(pitches), rng)
    starts = np.linspace(0.0, patch.spread, patch.voices) if patch.voices > 1 else np.zeros(1)

    def sound(hz: float) -> tuple[Signal, Signal]:
        lag = next(lags)
        tone, noise = np.zeros(times.size), np.zeros(times.size)
        for offset, start in zip(patch.offsets, starts + lag, strict=True):
            late = np.maximum(times - start, 0.0)
            player = string(patch, hz, velocity, held - start, offset, late, sample_rate, rng)
            tone += player * (times >= start)
            noise += attack_noise(patch, late, sample_rate, rng) * (times >= start)
        return tone, noise / patch.voices

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def strum(patch: Fretted, count: int, rng: np.random.Generator) -> Iterator[float]:
    """When each of a chord's `count` strings (low to high, as chord_of sounds them) is struck: evenly
    over `strum` s, from the lowest on a downstroke (drawn with probability `down`), from the highest
    on an upstroke."""
    lags = np.linspace(0.0, patch.strum, count) if count > 1 else np.zeros(1)
    return iter(float(lag) for lag in (lags if rng.random() < patch.down else lags[::-1]))


def length(patch: Fretted, held: float) -> float:
    """How long a note held `held` seconds sounds: a tremolo while held, a pluck till it is let go (or
    has rung out), then its damping; the strum and the players' spread after."""
    attack, _, _, release = patch.level
    sounding = max(held, attack) if patch.stroke == "tremolo" else min(max(held, 0.05), 5.0 * patch.ring)
    return sounding + 6.0 * release + patch.strum + patch.spread


def modes(patch: Fretted, hz: float, velocity: int, sample_rate: int) -> tuple[Signal, Signal, Signal]:
    """A string's free modes at `hz`: their frequencies (n x `hz` x sqrt((1 + B n^2) / (1 + B)), the
    first on the note, those under 0.45 of the rate), their levels as the tip sets them going (the
    loudest 1: sin(n pi `position`) over n or n^2, the highs over `tip` taken, the body's humps, the
    first never under FUNDAMENTAL_FLOOR of the loudest), and how long each takes to die (s: the
    first's `ring`, the n-th's sooner, sooner still where the body drains it; never longer than
    the first's)."""
    count = max(1, min(MAX_MODES, int(0.45 * sample_rate / hz)))
    n = np.arange(1, count + 1, dtype=np.float64)
    f = n * hz * np.sqrt((1.0 + patch.stiffness * n**2) / (1.0 + patch.stiffness))
    keep = f < 0.45 * sample_rate
    keep[0] = True
    n, f = n[keep], f[keep]
    tip = patch.tip * 2.0 ** (patch.bright * (velocity / 127.0 - 0.6))
    shape = np.abs(np.sin(np.pi * n * patch.position)) / n ** _TIPS[patch.stroke] / (1.0 + (f / tip) ** 2)
    lift = body(patch.humps, f)
    levels = shape * lift
    levels[0] = max(levels[0], FUNDAMENTAL_FLOOR * float(levels.max()))
    rings = patch.ring / (1.0 + patch.faster * (n - 1.0)) / (1.0 + patch.drain * np.maximum(lift - 1.0, 0.0))
    return f, levels / float(levels.max()), np.minimum(rings, rings[0])


def dying(patch: Fretted, rings: Signal, since: Signal) -> Signal:
    """Each mode's level `since` s after it was plucked (modes x times, 1 at the pluck): `prompt` of it
    dying `quick` times faster than its ring, the rest over its ring."""
    rate = -np.asarray(since, dtype=np.float64)[None, :] / rings[:, None]
    return np.asarray(patch.prompt * np.exp(patch.quick * rate) + (1.0 - patch.prompt) * np.exp(rate))


def modes_at(patch: Fretted, hz: float, velocity: int, frames: Signal, sample_rate: int) -> Signal:
    """A string's modes' levels (frames x modes) at `frames` s after one pluck, as they die: the first
    mode, dying slowest, never under FUNDAMENTAL_FLOOR of the loudest in any of them."""
    _, levels, rings = modes(patch, hz, velocity, sample_rate)
    return np.asarray((levels[:, None] * dying(patch, rings, frames)).T)


def since_plucked(patch: Fretted, held: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How long before each of `times` the string was last plucked: since the one pluck; under a
    tremolo, since the last stroke (`repick` a second, give or take 8% for each player, never with
    the beat) while it is held, since the last one before it was let go after."""
    if patch.stroke != "tremolo":
        return times
    period = 1.0 / (patch.repick * (1.0 + rng.uniform(-0.08, 0.08)))
    last = float(np.mod(max(held, 0.0), period))
    return np.asarray(np.where(times < held, np.mod(times, period), last + times - held))


def player_bend(patch: Fretted, offset: float, times: Signal, rng: np.random.Generator) -> Signal:
    """How far (cents) one player's string sounds off the pitch at `times`: its detuning `offset` and
    its finger's vibrato (a rate within 6% of `rate`, its own phase, swelling in over 0.4 s after
    `delay`)."""
    if not patch.vibrato:
        return np.full(times.size, offset)
    rate = patch.rate * (1.0 + rng.uniform(-0.06, 0.06))
    swell = np.clip((times - patch.delay) / 0.4, 0.0, 1.0)
    return np.asarray(
        offset + patch.vibrato * swell * np.sin(2.0 * np.pi * rate * times + rng.uniform(0.0, 2.0 * np.pi))
    )


def string(patch: Fretted, hz: float, velocity: int, held: float, offset: float, times: Signal,
           sample_rate: int, rng: np.random.Generator) -> Signal:  # fmt: skip
    """One player's string from its own pluck (`times` 0 there), peak 1: its modes at their running
    phases (all bent together by the player's detuning and vibrato, so the first stays on the note),
    each dying since it was last plucked, the tremolo's accent falling to the share it holds, risen
    over the pluck's rise and damped once the note is let go."""
    f, levels, rings = modes(patch, hz, velocity, sample_rate)
    bend = player_bend(patch, offset, times, rng)
    phase = 2.0 * np.pi * np.cumsum(2.0 ** (bend / 1200.0)) / sample_rate
    since = since_plucked(patch, held, times, rng)
    blocks = -(-times.size // STEP)
    coarse = dying(patch, rings, np.append(since[::STEP], since[-1:] + STEP / sample_rate)[: blocks + 1])
    along = np.arange(STEP) / STEP
    levels_now = (coarse[:, :-1, None] * (1.0 - along) + coarse[:, 1:, None] * along).reshape(f.size, -1)
    out = np.einsum("m,mt,mt->t", levels, np.sin(np.outer(f, phase)), levels_now[:, : times.size])
    attack, decay, share, release = patch.level
    if patch.stroke == "tremolo":
        out *= share + (1.0 - share) * np.exp(-times / decay)
    out *= np.clip(times / attack, 0.0, 1.0) * np.exp(-np.maximum(times - max(held, 0.0), 0.0) / release)
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def attack_noise(patch: Fretted, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The tip's click over `band` at `click`, over in a few milliseconds, and the body's humps under
    500 Hz rung by the pluck at `thump`, over in tens of them."""
    hiss = struck_render.band_noise(int(rng.integers(2**31)), patch.band, 0.0, times.size, sample_rate)
    out = patch.click * hiss * np.exp(-times / 0.003)
    for centre, _, gain in patch.humps:
        if centre < 500.0 and gain > 0.0:
            out += patch.thump * np.sin(2.0 * np.pi * centre * times) * np.exp(-times / 0.03)
    return np.asarray(out)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One stroke on the band's percussion (struck_render.hit), louder and brighter at a higher
    velocity, as a hand or a heel plays."""
    return struck_render.hit(_SALT, drum, velocity, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Fretted, Drum] = struck_render.Sounded(voice, _hit, 1024)
