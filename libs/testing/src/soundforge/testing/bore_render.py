"""Notes to audio by brass and reeds computed in numpy, as a band's horns play them: a player's lips or
a reed, a pressure-controlled valve, driving a bore whose resonances sit at whole multiples of the
note (a cylindrical one closed at the reed favouring the odd ones), its upper harmonics growing as the
player blows harder, through the bell's radiation and a mute; tongued, breathed, growled, vibrated,
one player or a section; and a marching band's kit of its own."""

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
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.01  # s: how often the valve's spectrum is worked out from the blowing pressure
TABLE = 2048  # points of one period each frame is read from (its partials 40 at most)
RICHEST = 0.92  # the valve's harmonics fall by this ratio at least, however hard it is blown
_FADE = 0.01  # s: the fade at a sound's cut end
_TONGUE = 0.012  # s: how fast the tongue's release dies
_SCOOP = 0.03  # s: how fast a scooped note settles onto its pitch
_SALT = 7417  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Horn(voice_render.Players):
    """A patch: a valve (lips or a reed) whose harmonics fall by `brass` x the blowing pressure each
    (harder blown, brighter: its velocity and its envelope `level`: attack s, decay s from its
    tongued accent, the share it sustains, release s), driving a bore whose resonances fade above
    `bore` Hz (a 4th-order roll-off) and, where `odd` < 1, whose even harmonics under it sound at
    `odd` (a cylinder closed at the reed), radiated by a bell that passes little under `bell` Hz (6
    dB an octave), lifted or cut by `humps` ((Hz, half-width share, gain) each: a mute's or the
    body's). The tongue's release is `tongue` of noise over `band` Hz at the onset, the breath
    `breath` of it while blowing; the note starts `scoop` cents under and settles; `growl` a player
    humming into the horn, its level swinging that share at `growl_rate` Hz. `voices` players
    `detune` cents apart at most, a `vibrato` (cents) at `rate` Hz after `delay` s."""

    kind: str
    bell: float
    bore: float
    brass: float
    level: tuple[float, float, float, float]
    odd: float = 1.0
    humps: tuple[tuple[float, float, float], ...] = ()
    tongue: float = 0.2
    breath: float = 0.01
    band: tuple[float, float] = (1200.0, 6000.0)
    scoop: float = 0.0
    growl: float = 0.0
    growl_rate: float = 27.0
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.4
    gain: float = 1.0


Kit = struck_render.Kit[struck_render.Drum]
# General MIDI programs to horns and drums to the marching kit's: what a render may play.
BoreSet = struck_render.StruckSet[Horn, struck_render.Drum]
Drum = struck_render.Drum

# Brass: lips buzzing into a flaring bore; a trumpet bright, a flugelhorn's wide bore mellow, a horn's
# long narrow one dark (the hand in its bell), a trombone's slide, a tuba's and a euphonium's wide
# conical ones; a harmon mute's nasal peak and a cup mute's.
TRUMPET = Horn("trumpet", 900.0, 2400.0, 0.85, (0.025, 0.12, 0.75, 0.08), humps=((1300.0, 0.4, 1.0),),
               tongue=0.25, scoop=15.0, vibrato=9.0, rate=5.6, delay=0.45)  # fmt: skip
FLUGELHORN = Horn("flugelhorn", 600.0, 1300.0, 0.6, (0.035, 0.15, 0.8, 0.1), tongue=0.12, breath=0.02,
                  scoop=10.0, vibrato=7.0, rate=5.2, delay=0.5)  # fmt: skip
FRENCH_HORN = Horn("horn", 350.0, 900.0, 0.55, (0.05, 0.2, 0.85, 0.15), humps=((450.0, 0.5, 1.0),),
                   tongue=0.1, breath=0.008, scoop=8.0)  # fmt: skip
TROMBONE = Horn("trombone", 500.0, 1500.0, 0.8, (0.03, 0.15, 0.75, 0.1), humps=((600.0, 0.5, 0.8),),
                tongue=0.2, scoop=12.0, vibrato=6.0, rate=5.0, delay=0.5)  # fmt: skip
TUBA = Horn("tuba", 200.0, 600.0, 0.55, (0.04, 0.2, 0.7, 0.1), tongue=0.18, breath=0.015,
            band=(300.0, 2500.0), gain=1.1)  # fmt: skip
HARMON = Horn("harmon-muted trumpet", 1500.0, 3500.0, 0.8, (0.02, 0.1, 0.7, 0.08),
              humps=((1800.0, 0.2, 4.0), (4000.0, 0.3, -0.6)), tongue=0.15, breath=0.02,
              band=(2000.0, 7000.0), scoop=12.0, vibrato=10.0, rate=5.8, delay=0.3)  # fmt: skip
# Reeds: a cane reed on a cylinder closed at it (a clarinet's odd harmonics under its cutoff), on a
# cone (a saxophone's every harmonic, its breath and growl), a double reed's narrow cone (an oboe's
# and a bassoon's formants).
CLARINET = Horn("clarinet", 700.0, 1600.0, 0.75, (0.03, 0.1, 0.85, 0.06), odd=0.12, tongue=0.15,
                breath=0.012, band=(1500.0, 6000.0), vibrato=0.0)  # fmt: skip
ALTO_SAX = Horn("alto sax", 700.0, 2600.0, 0.85, (0.025, 0.12, 0.8, 0.07), humps=((1600.0, 0.4, 1.2),),
                tongue=0.2, breath=0.03, band=(2000.0, 8000.0), scoop=20.0, vibrato=14.0, rate=5.3,
                delay=0.3)  # fmt: skip
TENOR_SAX = Horn("tenor sax", 500.0, 2000.0, 0.85, (0.025, 0.12, 0.8, 0.07), humps=((1100.0, 0.4, 1.2),),
                 tongue=0.2, breath=0.035, band=(1500.0, 7000.0), scoop=25.0, growl=0.25, vibrato=15.0,
                 rate=5.0, delay=0.35)  # fmt: skip
BARITONE_SAX = Horn("baritone sax", 300.0, 1200.0, 0.8, (0.02, 0.12, 0.75, 0.06),
                    humps=((700.0, 0.4, 1.0),), tongue=0.25, breath=0.02, band=(800.0, 5000.0),
                    growl=0.15, growl_rate=31.0, gain=1.1)  # fmt: skip
OBOE = Horn("oboe", 800.0, 3000.0, 0.9, (0.02, 0.1, 0.8, 0.05), humps=((1150.0, 0.25, 2.5),),
            tongue=0.15, breath=0.008, scoop=6.0, vibrato=10.0, rate=5.6, delay=0.35)  # fmt: skip
BASSOON = Horn("bassoon", 250.0, 1500.0, 0.85, (0.025, 0.12, 0.75, 0.06), humps=((480.0, 0.3, 2.5),),
               tongue=0.2, breath=0.01, band=(600.0, 4000.0), gain=1.05)  # fmt: skip
KINDS = (TRUMPET, FLUGELHORN, FRENCH_HORN, TROMBONE, TUBA, HARMON, CLARINET, ALTO_SAX, TENOR_SAX,
         BARITONE_SAX, OBOE, BASSOON)  # fmt: skip


def section(horn: Horn, voices: int, detune: float, kind: str, gain: float = 0.9) -> Horn:
    """`horn` played by `voices` players `detune` cents apart at most, with no vibrato or growl (a
    section blends)."""
    return dataclasses.replace(
        horn, kind=kind, voices=voices, detune=detune, vibrato=0.0, growl=0.0, gain=gain
    )


# General MIDI programs to horns, as a band's sections would cover them: the chords as a brass section,
# a reed section, a horn section and a clarinet choir; the basses as a tuba, a baritone sax and a
# bassoon; the leads as a trumpet, a trombone, a harmon-muted trumpet, a tenor sax, a clarinet and an
# oboe; what holds as a horn choir, a saxophone choir and flugelhorns.
BORE = BoreSet(
    root=Path(__file__).with_name("bore-horns"),
    programs={
        61: section(TRUMPET, 3, 12.0, "brass section"),
        64: section(ALTO_SAX, 3, 10.0, "reed section"),
        60: section(FRENCH_HORN, 2, 8.0, "horn section"),
        69: section(CLARINET, 3, 8.0, "clarinet choir"),
        58: TUBA,
        67: BARITONE_SAX,
        70: BASSOON,
        56: TRUMPET,
        57: TROMBONE,
        59: HARMON,
        66: TENOR_SAX,
        71: CLARINET,
        68: OBOE,
        48: section(FRENCH_HORN, 4, 10.0, "horn choir", 1.0),
        52: section(ALTO_SAX, 4, 12.0, "saxophone choir", 1.0),
        89: section(FLUGELHORN, 3, 10.0, "flugelhorns", 1.0),
    },
    drums=Kit(
        kit=Path(__file__).with_name("bore-horns") / "kit",
        drums={
            # Marching bass drums: a wide, slack skin falling into its boom, and a smaller one higher.
            36: Drum(((52.0, 1.0, 0.35), (88.0, 0.3, 0.12)), (200.0, 1500.0), 0.02, 1.3, 0.4, 0.03),
            35: Drum(((68.0, 1.0, 0.3), (117.0, 0.3, 0.1)), (250.0, 1800.0), 0.02, 1.2, 0.4, 0.03),
            # A marching snare tuned high and tight under its wires; a rim shot; a stick shot.
            38: Drum(((330.0, 1.0, 0.03), (540.0, 0.6, 0.02)), (2500.0, 10000.0), 0.12),
            40: Drum(((350.0, 1.0, 0.05), (910.0, 0.5, 0.03)), (3000.0, 10500.0), 0.08, 1.1),
            37: Drum(((1700.0, 1.0, 0.015), (2600.0, 0.6, 0.01)), (3000.0, 9000.0), 0.01, 0.7),
            39: Drum((), (800.0, 4000.0), 0.05, 0.8),  # the band clapping
            # Tenor drums (quads and spocks): tight shells, each with a knock falling a little.
            41: Drum(((150.0, 1.0, 0.16), (240.0, 0.4, 0.06)), (700.0, 3000.0), 0.015, 1.0, 0.15, 0.02),
            43: Drum(((190.0, 1.0, 0.15), (300.0, 0.4, 0.06)), (800.0, 3500.0), 0.015, 1.0, 0.15, 0.02),
            45: Drum(((240.0, 1.0, 0.14), (385.0, 0.4, 0.05)), (900.0, 4000.0), 0.015, 1.0, 0.15, 0.02),
            47: Drum(((300.0, 1.0, 0.13), (470.0, 0.4, 0.05)), (1000.0, 4500.0), 0.015, 1.0, 0.15, 0.02),
            48: Drum(((380.0, 1.0, 0.12), (600.0, 0.4, 0.04)), (1200.0, 5000.0), 0.015, 0.9, 0.15, 0.02),
            50: Drum(((470.0, 1.0, 0.11), (740.0, 0.4, 0.04)), (1400.0, 5500.0), 0.015, 0.9, 0.15, 0.02),
            # Hand cymbals: tapped and choked at once, brushed together, left to sizzle, crashed.
            42: Drum(((3400.0, 0.4, 0.02), (5230.0, 0.3, 0.015)), (5500.0, 10500.0), 0.03, 0.5),
            44: Drum(((3400.0, 0.3, 0.03),), (4000.0, 9000.0), 0.05, 0.4),
            46: Drum(((3400.0, 0.4, 0.3), (5230.0, 0.3, 0.2)), (5000.0, 10500.0), 0.35, 0.45),
            49: Drum(
                ((2710.0, 1.0, 0.9), (3930.0, 0.7, 0.7), (5870.0, 0.5, 0.5)), (4000.0, 10500.0), 0.7, 0.45
            ),
            57: Drum(((2950.0, 1.0, 0.8), (4370.0, 0.6, 0.6)), (4500.0, 10500.0), 0.6, 0.4),
            # A suspended cymbal under a stick, a glockenspiel's bell plate, a tambourine, a cowbell.
            51: Drum(((2300.0, 1.0, 0.7), (3580.0, 0.5, 0.5)), (6000.0, 10500.0), 0.15, 0.35),
            53: Drum(((2093.0, 1.0, 0.6), (5650.0, 0.3, 0.2)), gain=0.4),
            54: Drum(((5600.0, 0.3, 0.08),), (5000.0, 10500.0), 0.1, 0.45),
            56: Drum(((560.0, 1.0, 0.12), (845.0, 0.8, 0.1)), gain=0.5),
        },
    ),
    drum_gain=0.9,
)
# The horn sets a render may name in place of a soundfont (midi_render.render_notes).
BORE_SETS = {BORE.root: BORE}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, bore_set: BoreSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's horn, bent by `cents` (the notes a channel
    strikes together one section's chord); the drum channel through the set's kit, unbent. A program
    or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, bore_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Horn, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The horn playing `pitches` (fractional MIDI, together: a section's players on each) for `held`
    seconds and let go. What varies (the vibrato's and the growl's phases, the breath) is drawn with
    `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    blown = pressure(patch, velocity, held, times)

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(int(times[-1] / FRAME) + 2, dtype=np.float64) * FRAME
        spectrum = harmonics(patch, hz, velocity, pressure(patch, velocity, held, frames), sample_rate)
        tone = struck_render.periods(
            spectrum, _phases(patch, hz, times, sample_rate, rng), times, FRAME, TABLE
        )
        tone *= blown * _growl(patch, times, sample_rate, rng)
        return tone, _noise(patch, blown, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Horn, held: float) -> float:
    """How long a note held `held` seconds sounds: while blown, then its release; never under its
    attack."""
    attack, _, _, release = patch.level
    return max(held, attack) + 6.0 * release


def partials(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` a note is computed with: under 0.45 of the rate, MAX_PARTIALS at most."""
    return max(1, min(MAX_PARTIALS, int(0.45 * sample_rate / hz)))


def pressure(patch: Horn, velocity: int, held: float, times: Signal) -> Signal:
    """The player's blowing pressure at `times` (peak 1): rising over its attack to the tongued
    accent, falling over its decay to the share it sustains, gone over its release once let go."""
    attack, decay, share, release = patch.level
    rise = np.clip(times / attack, 0.0, 1.0) ** 2
    fall = share + (1.0 - share) * np.exp(-np.maximum(times - attack, 0.0) / decay)
    gone = np.exp(-np.maximum(times - max(held, attack), 0.0) / release)
    return np.asarray(rise * fall * gone)


def harmonics(
    patch: Horn, hz: float, velocity: int, blown: Signal, sample_rate: int
) -> npt.NDArray[np.complex128]:
    """The horn's harmonics for each frame's blowing pressure `blown` (frames x partials, complex, sine
    phase, the loudest 1 in each): the valve's, falling by `brass` x the pressure (and the velocity)
    each, RICHEST at most, through the bore (its cutoff, a closed cylinder's weak even ones), the
    bell's radiation and the humps; the first partial never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, partials(hz, sample_rate) + 1, dtype=np.float64)
    f = n * hz
    ratio = np.minimum(RICHEST, patch.brass * (0.45 + 0.55 * velocity / 127.0) * blown)
    valve = ratio[:, None] ** (n - 1.0)
    bore = 1.0 / (1.0 + (f / patch.bore) ** 4) * np.where((n % 2 == 0) & (f < patch.bore), patch.odd, 1.0)
    bell = (f / patch.bell) / np.sqrt(1.0 + (f / patch.bell) ** 2)
    out = valve * (bore * bell * body(patch.humps, f))
    loudest = np.abs(out).max(axis=1)
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * loudest)
    out /= np.maximum(np.abs(out).max(axis=1), 1e-12)[:, None]
    return np.asarray(-1j * out)


def _phases(
    patch: Horn, hz: float, times: Signal, sample_rate: int, rng: np.random.Generator
) -> list[Signal]:
    """Each player's running phase (arithmetic_render.running_phases): the pitch scooped up into the
    note from `scoop` cents under, settling over _SCOOP s, under the vibrato, and its detuning."""
    scoop = -patch.scoop * np.exp(-times / _SCOOP)
    return running_phases(patch, hz, times, sample_rate, rng, scoop)


def _growl(patch: Horn, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The growl: the player's hum swinging the horn's level `growl` either way at `growl_rate` Hz, its
    rate wandering a little; 1 where there is none."""
    if not patch.growl:
        return np.ones(times.size)
    wander = 1.0 + 0.1 * np.sin(2.0 * np.pi * 0.7 * times + rng.uniform(0.0, 2.0 * np.pi))
    phase = 2.0 * np.pi * np.cumsum(patch.growl_rate * wander) / sample_rate
    return np.asarray(1.0 + patch.growl * np.sin(phase) * np.clip(times / 0.1, 0.0, 1.0))


def _noise(patch: Horn, blown: Signal, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The tongue's release at the onset and the breath while blown, over the horn's band
    (struck_render.band_noise)."""
    hiss = struck_render.band_noise(int(rng.integers(2**31)), patch.band, 0.0, times.size, sample_rate)
    return np.asarray(hiss * (patch.tongue * np.exp(-times / _TONGUE) + patch.breath * blown))


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One hit on the marching kit (struck_render.hit)."""
    return struck_render.hit(_SALT, drum, velocity, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Horn, Drum] = struck_render.Sounded(voice, _hit, 1024)
