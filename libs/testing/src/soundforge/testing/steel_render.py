"""Notes to audio by steel guitars, computed in numpy: a pedal steel's E9 and C6 necks, ten strings each
over a magnetic pickup by the bridge, stopped by a steel bar held in the left hand, pedals and knee
levers pulling or slackening strings through the changer under the bridge, a volume pedal under the
right foot; a lap steel played the same way with no pedals, and a sacred steel player's lap steel
through an amplifier turned up until it breaks up; a Hawaiian lap steel, its bar swayed; a squareneck
resonator guitar, the strings' bridge on the spider over a spun aluminium cone; a Weissenborn, a
hollow-neck koa guitar laid flat, its body running the neck's length. Picked by a thumb pick and
metal finger picks near the bridge.
The bar stops every string where it lies, so the string sounds from the bar to the bridge: its modes
stand where a stiff string's do (n f sqrt(1 + B n^2) / sqrt(1 + B), the first on the note, B its
`stiffness`), each plucked `at` a share of its length from the bridge (a displacement let go, each
mode's swing |sin(n pi x)| / n^2) through the pick's release, a half-sine `contact` s long (a softer
stroke longer, as a Hertzian contact is: tether_render.contact), dying at 1 / `ring` + `loss` f^2 (the
string's air and its steel, and the bar, a stop that gives a little where a fret would not). An
electric steel's pickup senses the string's velocity over its magnet, `pickup` of the length from the
bridge, n times each mode's swing times |sin(n pi p)|: a pickup by the bridge is thin in the note and
bright; its coil's inductance against the cable's capacitance resonates (`coil`: Hz, Q) and the highs
fall 12 dB an octave past it; the amplifier's speaker passes its band (`speaker`). An acoustic steel's
string pulls on its bridge with n times each mode's swing, and the cone or the top radiates it as its
admittance, a sum of its modes (`body`: Hz, Q, mobility) beside a flat `floor`, taking from each
partial as its real part (`drain`), so a partial on a cone mode is louder and dies sooner.
The bar moves all the strings it stops alike: it glides into a note from up to `slide` cents off
(drawn, from below more often than above) over `glide` s, and sways about it (Players' vibrato, a
shimmer no wider either side); a pedal or a knee lever pulls one string of a chord up (`pedals`
positive) or slackens it down (negative) by so many cents into its note, `press` s after the pick,
over `travel` s (the steel player's cry); the volume pedal brings each pick in from `depth` dB under
over `swell` s, as the string dies; and a lead line may break up in the amplifier (`drive`). The bar,
the pedal and the volume pedal all arrive within a share of a short note's length (_ARRIVES), so
every note sounds its own pitch, at its level, before it ends. The metal pick clicks on the string at
each stroke (`click`), and a note held is picked again `roll` times a second, the thumb and the
fingers in turn, as long as it is held.
And a kit of the steels' own sounds and their players', none of them held: the resonator's body
thumped by the heel of the palm (the bass drum) and the Weissenborn's hollow body (the other), the
bar slapped flat across the strings (the snare), the strings muted by the palm and raked by the thumb
pick (the other snare), a finger pick tapping the resonator's coverplate (the side stick), the palm
slapped on the muted strings (the clap), the Weissenborn's hollow neck knocked at three places (the
toms), two finger picks clicked together (the closed hat), a pedal let back against its stop (the
pedal hat), the thumb pick scraped along a wound string (the open hat), the bar tapped on the
coverplate's rim (the ride), the coverplate struck flat by the palm (the crash), the pedal rods
rattled as a pedal is kicked (the tambourine), the bar knocked on the cast endplate (the cowbell), two
steel bars clicked (the claves) and the Weissenborn's neck heel knocked high and low (the wood
blocks) -- ringing modes and noise, the rattles, the rakes and the scrape as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, tether_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

MODES = 24  # a string's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
# The share of a note's length by which the bar, a pedal and the volume pedal have arrived at the
# latest: a short note is glided into, pedalled and swelled faster, so it sounds its pitch before it ends.
_ARRIVES = 0.4
_FROM_BELOW = 0.75  # how often the bar glides up into a note rather than down
_CLICK = 0.0015  # s: how fast a metal pick's click on the string dies
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 8363  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A steel guitar's strings under the bar. Each plucked `at` a share of its length from the bridge
    over `contact` s at velocity 127 (tether_render.contact), B = `stiffness`, its modes dying at 1 /
    `ring` + `loss` f^2 + `drain` Re Y(f). Electric where `body` is empty: its pickup `pickup` of the
    length from the bridge, its coil's resonance with the cable (`coil`: Hz, Q) and the amplifier's
    speaker (`speaker`: its low and high corners, Hz), the amplifier breaking up as tanh(`drive` x)
    where it is driven; acoustic otherwise, its cone's or its top's modes (`body`: Hz, Q, mobility)
    beside a flat `floor`. The bar glides in from up to `slide` cents off over `glide` s and sways
    (Players' vibrato); a pedal moves one string of `pedalled` of the chords by one of `pedals` cents
    into its note, `press` s after the pick, over `travel` s; the volume pedal swells each pick in from
    `depth` dB under over `swell` s (0: none). `click`: the pick's click against the note. `level`: the
    pick's onset s, -, 1 where the note is held (picked again `roll` times a second, `jitter` of a
    period early or late and softer), the palm blocking it once the note ends, s."""

    kind: str
    at: float = 0.15
    contact: float = 0.0006
    stiffness: float = 3e-5
    ring: float = 4.0
    loss: float = 1.5e-6
    pickup: float = 0.07
    coil: tuple[float, float] = (4500.0, 2.0)
    speaker: tuple[float, float] = (60.0, 5000.0)
    drive: float = 0.0
    body: tuple[tuple[float, float, float], ...] = ()
    floor: float = 0.2
    drain: float = 0.0
    slide: float = 0.0
    glide: float = 0.1
    pedals: tuple[float, ...] = ()
    pedalled: float = 0.0
    press: float = 0.12
    travel: float = 0.12
    swell: float = 0.0
    depth: float = 30.0
    click: float = 0.02
    roll: float = 0.0
    jitter: float = 0.0
    level: tuple[float, float, float, float] = (0.0015, 0.0, 0.0, 0.12)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.2
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the steels' kit (struck_render.Drum's partials and noise), and `grains` more strokes
    at random within `spread` s, each at up to its share of the first (the rattles, the rakes, the
    scrape), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
SteelSet = struck_render.StruckSet[Instrument, Struck]


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each sounding mode's frequency over the note's, those under 0.45 of the rate (the first always):
    a stiff string's, n sqrt(1 + B n^2) / sqrt(1 + B)."""
    n = np.arange(1, MODES + 1, dtype=np.float64)
    modes = n * np.sqrt(1.0 + patch.stiffness * n**2) / np.sqrt(1.0 + patch.stiffness)
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


# How long the pick stays on the string at a velocity: `contact` at 127, longer for a softer stroke,
# timed as tether_render times its strokes.
contact = tether_render.contact


def swing(patch: Instrument, hz: float, ratio: Signal, velocity: int) -> Signal:
    """Each sounding mode's swing as the pick lets the string go: |sin(n pi x)| / n^2 (x where it is
    picked), through the release's half-sine (tether_render.stroke)."""
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    shape = np.abs(np.sin(n * np.pi * patch.at)) / n**2
    return np.asarray(shape * tether_render.stroke(ratio * hz, contact(patch, velocity)))


def admittance(patch: Instrument, f: Signal) -> Complex:
    """An acoustic steel's cone or top at `f` Hz where the bridge stands on it: its modes' resonances,
    each at its mobility, 1 / (1 + j Q (f / f0 - f0 / f)); nothing for an electric one."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for centre, q, mobility in patch.body:
        out += mobility * tether_render.resonance(f, centre, q)
    return np.asarray(out)


def coil(f: Signal, resonance: tuple[float, float]) -> Complex:
    """What a pickup's coil passes into its cable at `f` Hz: its inductance against the cable's
    capacitance, 1 / (1 - x^2 + j x / Q), x = f / f0 -- all of it well under, Q times at f0, 12 dB an
    octave less past it."""
    centre, q = resonance
    x = f / centre
    return np.asarray(1.0 / (1.0 - x**2 + 1j * x / q))


def speaker(f: Signal, band: tuple[float, float]) -> Signal:
    """What the amplifier's speaker passes at `f` Hz: (x / sqrt(1 + x^2))^2 over its low corner (the
    cone's resonance in its cabinet), 1 / (1 + (f / fh)^2) under its high one (its cone no longer
    moving as one)."""
    low, high = band
    x = f / low
    return np.asarray((x**2 / (1.0 + x**2)) / (1.0 + (f / high) ** 2))


def heard(patch: Instrument, f: Signal, n: Signal) -> Signal:
    """What reaches the listener of each mode's swing, its number `n` at `f` Hz: an electric steel's
    pickup senses its velocity there, n |sin(n pi p)|, through the coil and the speaker; an acoustic
    one's bridge takes n times it, and the cone or the top radiates it, |Y(f)| + floor."""
    if patch.body:
        return np.asarray(n * (np.abs(admittance(patch, f)) + patch.floor))
    sensed = n * np.abs(np.sin(n * np.pi * patch.pickup))
    return np.asarray(sensed * np.abs(coil(f, patch.coil)) * speaker(f, patch.speaker))


def dying(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """Each sounding mode's rate of dying (1/s): 1 / ring + loss f^2, and what an acoustic body takes
    from it, drain Re Y(f)."""
    f = ratio * hz
    return np.asarray(1.0 / patch.ring + patch.loss * f**2 + patch.drain * admittance(patch, f).real)


def eased(times: Signal, start: float, span: float) -> Signal:
    """0 until `start` s, 1 from `span` s after it, a smoothstep between (3 u^2 - 2 u^3): how the bar,
    a pedal's rod and the volume pedal move from where they were to where they stay."""
    u = np.clip((times - start) / span, 0.0, 1.0) if span > 0.0 else (times >= start).astype(np.float64)
    return np.asarray(u * u * (3.0 - 2.0 * u))


def volume(patch: Instrument, held: float, times: Signal) -> Signal:
    """The volume pedal's gain at `times` s: from `depth` dB under up to 1 over `swell` s (within
    _ARRIVES of the note's length), its taper logarithmic, as the pot's is; 1 throughout with none."""
    if not patch.swell:
        return np.ones(times.size)
    span = min(patch.swell, _ARRIVES * max(held, 0.05))
    return np.asarray(10.0 ** (-patch.depth * (1.0 - eased(times, 0.0, span)) / 20.0))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal, sample_rate: int,
           strokes: tuple[Signal, Signal] = (np.zeros(1), np.ones(1))) -> Signal:  # fmt: skip
    """The sounding modes' levels (frames x modes) at `frames` s: each pick throwing every mode back to
    its swing as it is heard (swing, heard), which then dies at its rate, the palm blocking it once
    the note ends (rolled_render.levels), the first never under FUNDAMENTAL_FLOOR of the loudest; all
    through the volume pedal."""
    ratio = ratios(patch, hz, sample_rate)
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    base = swing(patch, hz, ratio, velocity) * heard(patch, ratio * hz, n)
    rings = 1.0 / dying(patch, hz, ratio)
    out = rolled_render.levels(base, rings, patch.level, held, frames, strokes, FUNDAMENTAL_FLOOR)
    return np.asarray(out * volume(patch, held, frames)[:, None])


def bar(patch: Instrument, held: float, times: Signal, rng: np.random.Generator) -> Signal:
    """The cents the bar puts every string it stops off its note at `times` s: gliding in from up to
    `slide` off (drawn: how far, and from below or above) over `glide` s (within _ARRIVES of the
    note's length), then swaying about it at the player's own rate (within 5% of `rate`) and phase,
    eased in over 0.3 s from `delay`."""
    start = float(rng.uniform(0.3, 1.0)) * patch.slide * (-1.0 if rng.random() < _FROM_BELOW else 1.0)
    arrival = eased(times, 0.0, min(patch.glide, _ARRIVES * max(held, 0.05)))
    rate = patch.rate * (1.0 + float(rng.uniform(-0.05, 0.05)))
    phase = float(rng.uniform(0.0, 2.0 * np.pi))
    ease = np.clip((times - patch.delay) / 0.3, 0.0, 1.0)
    return np.asarray(
        start * (1.0 - arrival) + patch.vibrato * ease * np.sin(phase + 2.0 * np.pi * rate * times)
    )


def pedal(patch: Instrument, held: float, cents: float, times: Signal) -> Signal:
    """The cents a pedal or a lever puts its string off its note at `times` s: `cents` under it (over
    it where negative, a lever slackening it) until `press` s after the pick, then into it over `travel`
    s, both shortened so it arrives within _ARRIVES of the note's length."""
    scale = min(1.0, _ARRIVES * max(held, 0.05) / (patch.press + patch.travel))
    return np.asarray(-cents * (1.0 - eased(times, scale * patch.press, scale * patch.travel)))


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): picked once, or again while held, until its first mode
    has died or the palm has blocked it; and the fade at its cut end."""
    first = float(dying(patch, hz, np.ones(1))[0])
    return rolled_render.dying_length(first, patch.roll, held, patch.level[3], _FADE)


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, steel_set: SteelSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died: each
    channel's notes picked together one sound under one bar (each note its own string), through its
    program's instrument, bent by `cents`; the drum channel through the set's kit, unbent. A program or
    a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, steel_set, _SOUNDED, lambda p: True
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string to each) picked for `held` seconds at `velocity`, under one
    bar. What varies (the bar's glide and sway, which string a pedal moves and how far, when a held
    note's picks fall, the picks' clicks) is drawn with `seed` (the note's own, note_rng, where None).
    Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    strokes = rolled_render.strokes(patch.roll, patch.jitter, held, rng)
    moved = bar(patch, held, times, rng)
    pulled, cents = -1, 0.0
    if patch.pedals and rng.random() < patch.pedalled:
        pulled, cents = int(rng.integers(len(pitches))), float(rng.choice(patch.pedals))
    pulling = pedal(patch, held, cents, times)
    # Each string's bend by its frequency, as chord_of hands it to `sound`: the bar's, and the pedal's
    # on the string it pulls.
    bent = {
        440.0 * 2.0 ** ((pitch - 69.0) / 12.0): moved + pulling if k == pulled else moved
        for k, pitch in enumerate(pitches)
    }
    swelled = volume(patch, held, times)

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, sample_rate, strokes)
        tone = rolled_render.modal_tone(hz, ratio, weights, frames, times, bent[hz], sample_rate)
        if patch.drive:
            tone = np.tanh(patch.drive * tone) / np.tanh(patch.drive)
        band = (min(8.0 * hz, 3000.0), 0.45 * sample_rate)
        click = rolled_render.knocks(strokes, times, band, _CLICK, rng, sample_rate)
        return tone, patch.click * click * swelled

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# The acoustic bodies: a squareneck resonator's spun aluminium cone under its spider, its air through
# the coverplate's holes first, then the cone's own modes, high in Q (aluminium loses little); a
# Weissenborn's koa box, its air low (the hollow neck adds to its volume), then its top's modes.
CONE = ((190.0, 6.0, 0.6), (640.0, 25.0, 1.0), (1210.0, 30.0, 0.8), (2080.0, 35.0, 0.6), (3350.0, 40.0, 0.4))
KOA_BOX = ((96.0, 8.0, 1.0), (205.0, 12.0, 0.8), (362.0, 14.0, 0.6), (571.0, 16.0, 0.45), (866.0, 18.0, 0.3))
# The pedal steel's amplifier: a fifteen-inch speaker in an open-backed cabinet, clean and wide.
FIFTEEN = (55.0, 5000.0)
# The chords: the pedal steel's E9 neck, picked between the pickup and the bar, the A and B pedals
# raising a string a whole tone or a semitone into the chord, each pick swelled in; its C6 neck,
# picked further from the bridge and warmer, its pedals slackening a string into the chord, swelled
# slower; a squareneck resonator, its cone bright and metallic, no pedal, no swell.
E9 = Instrument("pedal steel's E9 neck", at=0.14, contact=0.0006, stiffness=3e-5, ring=5.0, loss=1.5e-6,
                pickup=0.07, coil=(4200.0, 2.5), speaker=FIFTEEN, slide=100.0, glide=0.1,
                pedals=(200.0, 100.0), pedalled=0.5, press=0.12, travel=0.12, swell=0.25, depth=30.0,
                click=0.015, level=(0.0015, 0.0, 0.0, 0.12))  # fmt: skip
C6 = Instrument("pedal steel's C6 neck", at=0.18, contact=0.0008, stiffness=3e-5, ring=5.5, loss=1.5e-6,
                pickup=0.08, coil=(3800.0, 2.0), speaker=FIFTEEN, slide=60.0, glide=0.1,
                pedals=(-100.0, -200.0), pedalled=0.4, press=0.15, travel=0.14, swell=0.35, depth=30.0,
                click=0.012, level=(0.0015, 0.0, 0.0, 0.12))  # fmt: skip
RESONATOR = Instrument("squareneck resonator", at=0.12, contact=0.0005, stiffness=4e-5, ring=2.2, loss=3e-6,
                       body=CONE, floor=0.15, drain=0.6, slide=120.0, glide=0.07, click=0.03,
                       level=(0.001, 0.0, 0.0, 0.1))  # fmt: skip
# The basses: the pedal steel's low strings, thumb-picked and blocked by the palm; the Weissenborn's
# low strings thumbed over its box, slid into.
LOW_STRINGS = Instrument("pedal steel's low strings", at=0.2, contact=0.001, stiffness=5e-5, ring=3.0,
                         loss=2e-6, pickup=0.08, coil=(3500.0, 2.0), speaker=(45.0, 3500.0), click=0.01,
                         level=(0.002, 0.0, 0.0, 0.08), gain=1.2)  # fmt: skip
WEISSENBORN_BASS = Instrument("Weissenborn's low strings", at=0.22, contact=0.0015, stiffness=3e-5, ring=2.5,
                              loss=3e-6, body=KOA_BOX, floor=0.25, drain=0.5, slide=80.0, glide=0.08,
                              click=0.01, level=(0.002, 0.0, 0.0, 0.1), gain=1.2)  # fmt: skip
# The leads: a sacred steel player's lap steel through an amplifier turned up until it breaks up, slid
# far into its notes and shaken; a Hawaiian lap steel, clean, its bar swayed slow; a
# Weissenborn's trebles, slid into and swayed a little.
SACRED = Instrument("sacred steel's lap steel, driven", at=0.1, contact=0.0004, stiffness=1e-5, ring=4.0,
                    loss=2e-6, pickup=0.06, coil=(4800.0, 3.0), speaker=(80.0, 5500.0), drive=2.0,
                    slide=200.0, glide=0.12, vibrato=15.0, rate=6.5, delay=0.15, click=0.02,
                    level=(0.001, 0.0, 0.0, 0.08), gain=0.9)  # fmt: skip
HAWAIIAN = Instrument("Hawaiian lap steel", at=0.16, contact=0.0007, stiffness=2e-5, ring=5.0, loss=1.5e-6,
                      pickup=0.07, coil=(4000.0, 2.0), speaker=(60.0, 4500.0), slide=150.0, glide=0.15,
                      vibrato=12.0, rate=5.5, delay=0.2, click=0.015, level=(0.0015, 0.0, 0.0, 0.1),
                      gain=0.9)  # fmt: skip
WEISSENBORN = Instrument("Weissenborn's high strings", at=0.13, contact=0.0005, stiffness=2e-5, ring=2.5,
                         loss=3e-6, body=KOA_BOX, floor=0.25, drain=0.4, slide=100.0, glide=0.09,
                         vibrato=8.0, rate=5.5, delay=0.25, click=0.02, level=(0.0015, 0.0, 0.0, 0.1),
                         gain=0.9)  # fmt: skip
# Held: the E9 neck picked again and again by the thumb and the fingers in turn, swelled in; a lap
# steel tremolo-picked, its bar swayed.
E9_ROLLED = Instrument("pedal steel's E9 neck, rolled and swelled, held", at=0.14, contact=0.0007,
                       stiffness=3e-5, ring=5.0, loss=1.5e-6, pickup=0.07, coil=(4200.0, 2.5),
                       speaker=FIFTEEN, slide=60.0, glide=0.1, pedals=(200.0, 100.0), pedalled=0.3,
                       press=0.15, travel=0.15, swell=0.4, depth=30.0, click=0.008, roll=12.0,
                       jitter=0.08, level=(0.0015, 0.0, 1.0, 0.15))  # fmt: skip
LAP_TREMOLO = Instrument("lap steel tremolo-picked, held", at=0.15, contact=0.0006, stiffness=2e-5, ring=5.0,
                         loss=1.5e-6, pickup=0.07, coil=(4000.0, 2.0), speaker=(60.0, 4500.0), slide=80.0,
                         glide=0.1, vibrato=10.0, rate=5.5, delay=0.3, click=0.01, roll=14.0, jitter=0.06,
                         level=(0.001, 0.0, 1.0, 0.12))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the pedal steel's two necks
# and the resonator; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: E9_ROLLED,
        49: LAP_TREMOLO,
        26: E9,
        27: C6,
        25: RESONATOR,
        32: LOW_STRINGS,
        35: WEISSENBORN_BASS,
        28: SACRED,
        30: HAWAIIAN,
        29: WEISSENBORN,
    }


# A wooden box's first modes against its first, struck through its wall: the hollow neck's.
_NECK = (1.0, 1.61, 2.27)


def knocked(hz: float, ring: float) -> struck_render.Partials:
    """The Weissenborn's hollow neck knocked, its first mode at `hz`: its box's first modes (Hz, each at
    1 / its ratio of the first's level, dying over `ring` s over its ratio)."""
    return tuple((hz * r, 1.0 / r, ring / r) for r in _NECK)


def _drums() -> dict[int, Struck]:
    return {
        # The resonator's body thumped by the heel of the palm, its air through the coverplate's holes
        # and the cone under it (the bass drum); the Weissenborn's hollow body, lower (the other).
        36: Struck(
            ((104.0, 1.0, 0.07), (187.0, 0.45, 0.04), (311.0, 0.25, 0.025)),
            (40.0, 800.0),
            0.025,
            1.3,
            sweep=0.35,
            glide=0.035,
        ),
        35: Struck(
            ((86.0, 1.0, 0.08), (163.0, 0.4, 0.05), (247.0, 0.25, 0.03)),
            (30.0, 600.0),
            0.02,
            1.2,
            sweep=0.3,
            glide=0.05,
        ),
        # The bar slapped flat across the strings, rattling against it (the snare); the strings muted by
        # the palm and raked by the thumb pick (the other); a finger pick tapping the coverplate (the
        # side stick); the palm slapped on the muted strings (the clap).
        38: Struck(
            ((1270.0, 0.3, 0.02), (3480.0, 0.2, 0.012)), (1500.0, 8000.0), 0.05, 0.9, grains=4, spread=0.025
        ),
        40: Struck(((611.0, 0.2, 0.01),), (900.0, 6500.0), 0.04, 0.8, grains=5, spread=0.05),
        37: Struck(((1870.0, 1.0, 0.012), (4930.0, 0.3, 0.006)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck(((173.0, 0.3, 0.015),), (800.0, 6500.0), 0.02, 0.8, grains=2, spread=0.012),
        # The Weissenborn's hollow neck knocked at three places (the toms).
        41: Struck(knocked(147.0, 0.08), (150.0, 1800.0), 0.01, 0.9),
        45: Struck(knocked(196.0, 0.07), (200.0, 2400.0), 0.01, 0.9),
        48: Struck(knocked(263.0, 0.05), (300.0, 3200.0), 0.008, 0.9),
        # Two finger picks clicked together (the closed hat), a pedal let back against its stop (the
        # pedal hat), the thumb pick scraped along a wound string (the open hat); the bar tapped on the
        # coverplate's rim (the ride); the coverplate struck flat by the palm, the cone ringing under it
        # (the crash).
        42: Struck(((6130.0, 0.3, 0.003),), (4500.0, 10000.0), 0.007, 0.35),
        44: Struck(((2170.0, 0.3, 0.006), (5230.0, 0.2, 0.003)), (1000.0, 6000.0), 0.005, 0.3),
        46: Struck((), (1600.0, 8500.0), 0.15, 0.35, grains=4, spread=0.08),
        51: Struck(
            ((2960.0, 0.5, 0.05), (4870.0, 0.3, 0.03), (8110.0, 0.2, 0.015)), (2500.0, 9000.0), 0.008, 0.35
        ),
        49: Struck(
            ((587.0, 0.2, 0.3), (1313.0, 0.2, 0.25), (2741.0, 0.15, 0.2)),
            (1500.0, 9000.0),
            0.3,
            0.4,
            grains=2,
            spread=0.02,
        ),
        # The pedal rods rattled as a pedal is kicked (the tambourine); the bar knocked on the cast
        # endplate (the cowbell); two steel bars clicked, a free bar's first two modes, 1 : 2.756 (the
        # claves); the Weissenborn's neck heel knocked high and low (the wood blocks).
        54: Struck(((4410.0, 0.3, 0.01),), (3000.0, 10000.0), 0.03, 0.4, grains=6, spread=0.05),
        56: Struck(
            ((701.0, 1.0, 0.04), (1867.0, 0.5, 0.025), (3190.0, 0.3, 0.015)), (500.0, 5000.0), 0.003, 0.4
        ),
        75: Struck(((2630.0, 1.0, 0.012), (7248.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1370.0, 1.0, 0.02), (3690.0, 0.3, 0.01)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((940.0, 1.0, 0.024), (2560.0, 0.3, 0.012)), (700.0, 5000.0), 0.002, 0.5),
    }


STEEL_SET = SteelSet(
    root=Path(__file__).with_name("steel-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("steel-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
STEEL_SETS = {STEEL_SET.root: STEEL_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
