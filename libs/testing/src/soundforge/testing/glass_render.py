"""Notes to audio by glass and friction instruments computed in numpy, as their players rub them: a
wet finger, a rosined bow or a stick catching and slipping on a glass's rim, a steel nail, a saw's
blade or a Cristal Baschet's glass rod, the stick and slip locking to the body's first mode so that
the note is that mode and its harmonics (the harmonics gone the moment the finger lifts, the mode
ringing on as its quality factor says, a low one longer); a glass harmonica's bowls turning under the
fingers, each bowl's mode split in two by its imperfect glass so that it beats slowly; musical
glasses whose bending pattern follows the finger round the rim, its four antinodes swelling the
level four times a turn; a nail violin's and a bass rod's clamped nails, a musical saw's bent blade
under its player's wide vibrato and scoop, a Cristal Baschet's stems through its metal cones, rubbed
singing bowls; the body's higher modes (a thin ring's, a clamped rod's) rung briefly where the
finger catches; the friction's hiss; and a kit of friction drums, scrapers and struck glass, the
drums driven by a stick's judder (its slips ringing the skin's modes), no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_HARMONICS = 40  # a note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the mode
FRAME = 0.01  # s: the step the harmonics' levels are worked out at (straight lines between)
TABLE = 2048  # points in one period's table (struck_render.periods)
RING_MOST = 1.2  # s: the longest a freed mode's level takes to fall by e (a glass's Q of a few thousand)
LIFT = 0.02  # s: how fast the stick-slip's harmonics die once the finger or the bow lifts
# The bodies' higher modes against their first: a thin ring's bending modes (n(n^2-1)/sqrt(n^2+1),
# n = 3 and 4 against n = 2: a glass's, a bowl's rim) and a rod clamped at one end (1 : 6.267 :
# 17.55: a nail's, a Baschet stem's); a saw's blade sounds the one mode its S-bend holds.
BODIES = {
    "ring": (2.828, 5.423),
    "rod": (6.267, 17.55),
    "blade": (),
}
TOUCH_RING = 0.06  # s: how fast the higher modes rung at the catch die under the finger
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6151  # mixed into every note's seed and every drum's judder


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A rubbed body: its stick and slip making harmonics of its first mode 1/k^`slope` (even ones at
    `even` of that), lifted by `formants` ((Hz, width in octaves, gain) each: a Baschet's cones, a
    nail violin's box); `level` the rubbing's (the mode's bloom s, decay s, the share it holds, the
    shortest ring s once let go), the freed mode ringing q/(pi f) s (at most RING_MOST); `beat` the
    split of its mode's two members (Hz, drawn between the two) and the weaker one's share; `lobes`
    the finger's turns a second round the rim (0: the finger stays, as on a turning bowl) and how
    deep the four antinodes swell the level; the `body`'s higher modes rung at `touch` of the note at
    the catch; the pitch rising from `scoop` cents under over `glide` s, a vibrato of `vibrato` cents at
    `rate` Hz after `delay` s; the friction's `hiss`."""

    kind: str
    body: str
    slope: float
    q: float
    even: float = 1.0
    formants: tuple[tuple[float, float, float], ...] = ()
    level: tuple[float, float, float, float] = (0.08, 0.5, 1.0, 0.15)
    beat: tuple[float, float, float] = (0.0, 0.0, 0.0)
    lobes: tuple[float, float] = (0.0, 0.0)
    touch: float = 0.1
    scoop: float = 0.0
    glide: float = 0.08
    hiss: float = 0.003
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.2
    gain: float = 1.0


@dataclass(frozen=True)
class Rubbed(struck_render.Drum):
    """A kit piece: struck (struck_render.Drum's partials and noise), or driven by a stick's judder
    where `judder` is given (the slips' rate at the start and at the end, Hz, over how many s): the
    slips ring its partials (or its noise band where it has none), at `share` of the piece against
    its stroke."""

    judder: tuple[float, float, float] = (0.0, 0.0, 0.0)
    share: float = 0.0


Kit = struck_render.Kit[Rubbed]
# General MIDI programs to instruments and drums to the kit's pieces.
GlassSet = struck_render.StruckSet[Instrument, Rubbed]

# The chords: a glass harmonica's bowls under wet fingers, each bowl's mode beating; musical glasses
# rubbed round their rims; a Cristal Baschet's rods through its cones; rubbed singing bowls.
ARMONICA = Instrument("glass harmonica", "ring", 3.2, 1500.0, beat=(0.4, 1.6, 0.15), touch=0.08,
                      level=(0.09, 0.5, 1.0, 0.15), hiss=0.004)  # fmt: skip
GLASSES = Instrument("musical glasses", "ring", 2.8, 900.0, beat=(0.3, 1.2, 0.1), lobes=(1.0, 0.25),
                     touch=0.1, level=(0.12, 0.5, 1.0, 0.15), hiss=0.005, gain=0.9)  # fmt: skip
BASCHET = Instrument("cristal baschet", "rod", 1.3, 400.0, formants=((700.0, 0.9, 2.5), (2400.0, 0.7, 1.8)),
                     touch=0.12, level=(0.05, 0.5, 1.0, 0.2), hiss=0.004, gain=0.9)  # fmt: skip
BOWLS = Instrument("rubbed singing bowls", "ring", 2.4, 2500.0, beat=(0.6, 2.0, 0.2), lobes=(0.7, 0.15),
                   touch=0.15, level=(0.2, 0.5, 1.0, 0.3), hiss=0.006)  # fmt: skip
# Held while the finger is on the glass: a glass harmonica's bowls, and musical glasses.
HELD = Instrument("glass harmonica held", "ring", 3.4, 1500.0, beat=(0.3, 1.0, 0.1), touch=0.05,
                  level=(0.15, 0.5, 1.0, 0.2), hiss=0.003)  # fmt: skip
HELD_GLASSES = Instrument("musical glasses held", "ring", 3.0, 900.0, beat=(0.3, 1.0, 0.1), lobes=(0.8, 0.2),
                          touch=0.06, level=(0.18, 0.5, 1.0, 0.2), hiss=0.004)  # fmt: skip
# The basses: a Baschet's long stems through its big cone, bass nails bowed, a glass harmonica's
# largest bowls.
BASCHET_BASS = Instrument("cristal baschet bass", "rod", 1.1, 300.0, formants=((260.0, 1.0, 2.5),),
                          touch=0.1, level=(0.03, 0.4, 0.7, 0.15), hiss=0.003, gain=1.2)  # fmt: skip
ROD_BASS = Instrument("bowed bass rods", "rod", 1.5, 250.0, formants=((180.0, 1.2, 2.0),), touch=0.15,
                      level=(0.04, 0.45, 0.6, 0.12), hiss=0.005, gain=1.2)  # fmt: skip
BOWL_BASS = Instrument("glass harmonica bass bowls", "ring", 2.6, 1200.0, beat=(0.2, 0.6, 0.1), touch=0.06,
                       level=(0.05, 0.5, 0.7, 0.2), hiss=0.002, gain=1.2)  # fmt: skip
# The leads: a musical saw, a nail violin, a Baschet's short stems, a wine glass rubbed quickly.
SAW = Instrument("musical saw", "blade", 4.0, 600.0, scoop=35.0, glide=0.1, vibrato=16.0, rate=5.6,
                 delay=0.15, level=(0.1, 0.5, 1.0, 0.12), touch=0.0, hiss=0.004, gain=0.9)  # fmt: skip
NAIL_VIOLIN = Instrument("nail violin", "rod", 1.8, 500.0, formants=((1100.0, 0.8, 2.0),), touch=0.12,
                         level=(0.04, 0.4, 0.85, 0.1), hiss=0.006, gain=0.9)  # fmt: skip
BASCHET_LEAD = Instrument("cristal baschet lead", "rod", 1.4, 450.0, formants=((1500.0, 0.6, 2.5),),
                          vibrato=6.0, rate=5.2, delay=0.3, touch=0.1, level=(0.03, 0.4, 0.9, 0.12),
                          gain=0.9)  # fmt: skip
WINE_GLASS = Instrument("wine glass", "ring", 2.6, 800.0, beat=(0.5, 1.5, 0.1), lobes=(1.6, 0.3), touch=0.1,
                        level=(0.06, 0.4, 0.9, 0.1), hiss=0.005, gain=0.9)  # fmt: skip

# General MIDI programs to instruments: the held chords as the glass harmonica held and the musical
# glasses held; a song's chords on the glass harmonica, the glasses, the Baschet and the bowls; the
# basses; the leads.
GLASS = GlassSet(
    root=Path(__file__).with_name("glass-instruments"),
    programs={
        48: HELD,
        49: HELD_GLASSES,
        88: ARMONICA,
        89: GLASSES,
        90: BASCHET,
        91: BOWLS,
        38: BASCHET_BASS,
        39: ROD_BASS,
        43: BOWL_BASS,
        40: SAW,
        41: NAIL_VIOLIN,
        84: BASCHET_LEAD,
        85: WINE_GLASS,
    },
    drums=Kit(
        kit=Path(__file__).with_name("glass-instruments") / "friction-kit",
        drums={
            # Friction drums: a big pot's skin rubbed by a stick through it (the bass drums), a
            # lion's roar's rosined cord (the snare's body under its stroke), and three pots for the
            # toms; each stick's slips falling or rising in rate as the hand slides.
            36: Rubbed(
                ((61.0, 1.0, 0.2), (99.0, 0.35, 0.08)),
                (50.0, 400.0),
                0.02,
                1.3,
                judder=(42.0, 30.0, 0.12),
                share=0.35,
            ),
            35: Rubbed(((68.0, 1.0, 0.15),), (50.0, 400.0), 0.015, 1.1, judder=(48.0, 36.0, 0.1), share=0.3),
            38: Rubbed(
                ((190.0, 0.6, 0.05), (318.0, 0.3, 0.03)),
                (1500.0, 7000.0),
                0.11,
                0.9,
                judder=(210.0, 160.0, 0.06),
                share=0.25,
            ),
            40: Rubbed(
                ((172.0, 0.6, 0.06),), (1200.0, 6000.0), 0.09, 0.8, judder=(150.0, 120.0, 0.08), share=0.4
            ),
            41: Rubbed(
                ((92.0, 1.0, 0.17), (149.0, 0.3, 0.07)),
                (200.0, 1200.0),
                0.02,
                1.0,
                judder=(70.0, 60.0, 0.1),
                share=0.3,
            ),
            45: Rubbed(
                ((121.0, 1.0, 0.14), (196.0, 0.3, 0.06)),
                (250.0, 1500.0),
                0.02,
                1.0,
                judder=(90.0, 80.0, 0.09),
                share=0.3,
            ),
            48: Rubbed(
                ((156.0, 1.0, 0.12), (252.0, 0.3, 0.05)),
                (300.0, 1800.0),
                0.02,
                1.0,
                judder=(115.0, 100.0, 0.08),
                share=0.3,
            ),
            # Sand blocks rubbed together (the clap): their grit's slips through its band.
            39: Rubbed((), (1500.0, 6000.0), 0.05, 0.7, judder=(220.0, 160.0, 0.05), share=0.4),
            # The cuica's stick drawn and pushed: its skin's mode sung by the slips, rising.
            78: Rubbed(
                ((410.0, 1.0, 0.05),), (600.0, 3000.0), 0.01, 0.6, judder=(330.0, 410.0, 0.06), share=0.6
            ),
            79: Rubbed(
                ((340.0, 1.0, 0.1), (560.0, 0.3, 0.05)),
                (500.0, 2500.0),
                0.01,
                0.6,
                judder=(260.0, 360.0, 0.14),
                share=0.6,
            ),
            # A guiro's ridges scraped, short and long, through its gourd's hollow.
            73: Rubbed(
                ((1150.0, 0.6, 0.02), (2380.0, 0.4, 0.015)),
                (2000.0, 8000.0),
                0.03,
                0.5,
                judder=(90.0, 110.0, 0.08),
                share=0.7,
            ),
            74: Rubbed(
                ((1150.0, 0.6, 0.02), (2380.0, 0.4, 0.015)),
                (2000.0, 8000.0),
                0.1,
                0.5,
                judder=(70.0, 95.0, 0.3),
                share=0.7,
            ),
            # Glass struck: a glass rod's rim shot, chimes closed, pedalled and let ring (a thin
            # ring's modes), a glass bell ridden, a sheet of glass crashed, a tumbler and a glass bell
            # tapped muted and open, beads rubbed on a gourd.
            37: Rubbed(((1760.0, 1.0, 0.015), (4980.0, 0.3, 0.008)), (1500.0, 5000.0), 0.004, 0.5),
            42: Rubbed(((3120.0, 0.4, 0.02), (8820.0, 0.2, 0.01)), (6000.0, 10500.0), 0.02, 0.4),
            44: Rubbed(((2950.0, 0.3, 0.012),), (5500.0, 10500.0), 0.012, 0.3),
            46: Rubbed(((3120.0, 0.4, 0.2), (8820.0, 0.2, 0.1)), (5000.0, 10500.0), 0.2, 0.4),
            51: Rubbed(((2230.0, 0.6, 0.5), (6310.0, 0.3, 0.3)), (5000.0, 10500.0), 0.06, 0.35),
            49: Rubbed(
                ((1330.0, 0.3, 0.7), (3760.0, 0.3, 0.5), (7210.0, 0.2, 0.4)), (3000.0, 10500.0), 0.8, 0.45
            ),
            56: Rubbed(((860.0, 1.0, 0.3), (2430.0, 0.4, 0.15)), (1500.0, 5000.0), 0.004, 0.4),
            80: Rubbed(((1480.0, 1.0, 0.08), (4190.0, 0.4, 0.05)), gain=0.3),
            81: Rubbed(((1480.0, 1.0, 0.9), (4190.0, 0.4, 0.6), (8030.0, 0.2, 0.4)), gain=0.3),
            69: Rubbed((), (3000.0, 9000.0), 0.05, 0.4, judder=(60.0, 40.0, 0.05), share=0.4),
        },
    ),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
GLASS_SETS = {GLASS.root: GLASS}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, glass_set: GlassSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord a player's
    fingers, one to a note); the drum channel through the set's kit, unbent. A program or a drum the
    set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, glass_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a finger to each) rubbed `held` seconds at `velocity`. What varies
    (the harmonics' phases, each mode's beat and each finger's turns, the vibrato, the higher modes'
    phases, the hiss) is drawn with `seed` (the note's own, note_rng, where None). Its peak stays
    under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times = np.arange(int(length(patch, held, lowest) * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
        weights = harmonics(patch, hz, held, frames, rng, sample_rate)
        bend = struck_render.bends(patch, times, rng)
        phases = [2.0 * np.pi * np.cumsum(hz * 2.0 ** ((offset + bend) / 1200.0)) / sample_rate
                  for offset in patch.offsets]  # fmt: skip
        tone = struck_render.periods(weights, phases, times, FRAME, TABLE)
        tone /= float(np.abs(tone).max()) or 1.0
        return tone + caught(patch, hz, times, rng, sample_rate), hiss(
            patch, hz, held, times, sample_rate, rng
        )

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def ring(patch: Instrument, hz: float) -> float:
    """How long (s, to fall by e) `patch`'s freed first mode rings at `hz`: its quality factor's
    q/(pi f), never under its shortest ring nor over RING_MOST."""
    return float(np.clip(patch.q / (np.pi * hz), patch.level[3], RING_MOST))


def length(patch: Instrument, held: float, hz: float) -> float:
    """How long a note at `hz` (its chord's lowest) rubbed `held` seconds sounds: while rubbed (or
    until its fall has died), then its freed mode's ring."""
    attack, decay, sustain, _ = patch.level
    sounding = max(held, 0.05) if sustain else min(max(held, 0.05), attack + 6.0 * decay)
    return sounding + 6.0 * ring(patch, hz) + _FADE


def spectrum(patch: Instrument, hz: float, count: int) -> Signal:
    """The first `count` harmonics' levels the stick and slip drive at `hz`: 1/k^slope, the even ones
    at `even` of that, through its formants."""
    k = np.arange(1, count + 1, dtype=np.float64)
    levels = k**-patch.slope * np.where(k % 2 == 0, patch.even, 1.0)
    levels = struck_render.formants(levels, hz, patch.formants)
    return np.asarray(levels)


def harmonics(patch: Instrument, hz: float, held: float, frames: Signal, rng: np.random.Generator,
              sample_rate: int) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The note's harmonics (frames x harmonics, complex, their phases drawn) at `frames` s: the mode
    blooming toward its driven level as the finger rubs (1 - e^-t/bloom), its fall to the share it
    holds, let go at `held` -- the first harmonic (the mode) ringing on (ring), the others gone over
    LIFT --, beating at its two members' split and swelling with the finger's turns; the first never
    under FUNDAMENTAL_FLOOR of the loudest, none above 0.45 of the rate."""
    count = max(1, min(MAX_HARMONICS, int(0.45 * sample_rate / (hz * 1.01))))
    attack, decay, sustain, _ = patch.level
    t = frames[:, None]
    rise = 1.0 - np.exp(-t / max(attack, 1e-4))
    rubbed = rise * (sustain + (1.0 - sustain) * np.exp(-t / decay))
    fall = np.full(count, LIFT)
    fall[0] = ring(patch, hz)
    out = spectrum(patch, hz, count)[None, :] * rubbed * np.exp(-np.maximum(t - max(held, 0.0), 0.0) / fall)
    low, high, weaker = patch.beat
    split = float(rng.uniform(low, high)) if high else 0.0
    beating = np.abs(1.0 + weaker * np.exp(1j * (2.0 * np.pi * split * t + float(rng.uniform(0.0, 6.3)))))
    turns, depth = patch.lobes
    turn = turns * float(rng.uniform(0.85, 1.15))
    lobes = 1.0 - depth * (0.5 - 0.5 * np.cos(2.0 * np.pi * 4.0 * turn * t + float(rng.uniform(0.0, 6.3))))
    out = out * beating / (1.0 + weaker) * lobes
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out * np.exp(1j * rng.uniform(0.0, 2.0 * np.pi, count))[None, :])


def caught(patch: Instrument, hz: float, times: Signal, rng: np.random.Generator, sample_rate: int) -> Signal:
    """The body's higher modes (BODIES: a thin ring's, a clamped rod's) rung where the finger or the
    bow catches, each at `touch` over its ratio of the note's peak, dying over TOUCH_RING; none at or
    above 0.45 of the rate."""
    out = np.zeros(times.size)
    for ratio in BODIES[patch.body]:
        if patch.touch and ratio * hz < 0.45 * sample_rate:
            phase = float(rng.uniform(0.0, 2.0 * np.pi))
            out += (
                (patch.touch / ratio)
                * np.sin(2.0 * np.pi * ratio * hz * times + phase)
                * np.exp(-times / TOUCH_RING)
            )
    return out


def hiss(patch: Instrument, hz: float, held: float, times: Signal, sample_rate: int,
         rng: np.random.Generator) -> Signal:  # fmt: skip
    """The friction's hiss over the octaves above the note while it is rubbed, louder as the finger
    catches, at `hiss`."""
    noise = struck_render.above_note(rng, hz, (1.0, 8.0), times.size, sample_rate)
    gate = np.exp(-np.maximum(times - max(held, 0.0), 0.0) / LIFT) * (1.0 + 2.0 * np.exp(-times / 0.05))
    return np.asarray(patch.hiss * noise * gate)


def slips(drum: Rubbed, size: int, sample_rate: int) -> Signal:
    """A stick's slips on `drum` over `size` samples: one at each whole turn of its judder's running
    phase (the rate gliding from its start to its end over its seconds, then holding), each a little
    stronger or weaker (drawn by the drum), fading over its seconds as the stroke ends."""
    start, end, seconds = drum.judder
    times = np.arange(size) / sample_rate
    rate = start + (end - start) * np.clip(times / seconds, 0.0, 1.0)
    at = np.flatnonzero(np.diff(np.floor(np.cumsum(rate) / sample_rate), prepend=0.0) > 0)
    rng = np.random.default_rng([_SALT, round(start), round(end), round(seconds * 1000)])
    out = np.zeros(size)
    out[at] = rng.uniform(0.7, 1.3, at.size) * np.exp(-times[at] / seconds)
    return out


def judder(drum: Rubbed, size: int, sample_rate: int) -> Signal:
    """A stick's slips on `drum` (slips) ringing its partials as two-pole resonators (or, where it has
    none, its noise band), peak 1."""
    driven = slips(drum, size, sample_rate)
    out = np.zeros(size)
    for hz, amplitude, decay in drum.partials:
        if hz < 0.45 * sample_rate:
            pole = np.exp(-1.0 / (decay * sample_rate))
            turn = 2.0 * np.pi * hz / sample_rate
            out += amplitude * signal.lfilter(
                [np.sin(turn)], [1.0, -2.0 * pole * np.cos(turn), pole**2], driven
            )
    if not drum.partials:
        grit = struck_render.band_noise(_SALT + 1, drum.noise, drum.decay, max(1, round(0.003 * sample_rate)),
                                        sample_rate)  # fmt: skip
        out = np.convolve(driven, grit)[:size]
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def _hit(drum: Rubbed, velocity: int, sample_rate: int) -> Samples:
    """One stroke of the kit: the piece struck (struck_render.hit, louder for a higher velocity), and
    where it has a judder the stick's slips ringing it, at its share of the stroke's peak."""
    stroke = struck_render.hit(_SALT, drum, velocity, sample_rate).astype(np.float64)
    if not drum.share:
        return stroke.astype(np.float32)
    rubbed = judder(drum, stroke.size, sample_rate) * float(np.abs(stroke).max())
    rubbed *= np.clip((stroke.size - 1 - np.arange(stroke.size)) / (0.005 * sample_rate), 0.0, 1.0)
    return ((1.0 - drum.share) * stroke + drum.share * rubbed).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Rubbed] = struck_render.Sounded(voice, _hit, 1024)
