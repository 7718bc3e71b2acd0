"""Notes to audio by mirlitons, membranes set buzzing by a player's voice, computed in numpy: a kazoo
band's metal kazoos, a comb wrapped in tissue paper as a skiffle group's player hums through it, a
French bigophone band's cardboard horns, a bass zobo's long brass horn, a nyastaranga's pair of
trumpets pressed to the singer's throat, a plastic kazoo, a seventeenth-century eunuch flute's onion
skin at the end of its wooden tube, and a zobo cornet. None is blown: the player hums or sings, and
the voice sets a thin membrane (paper, onion skin, waxed tissue, plastic film) buzzing. The voice is
its glottis's flow pulses (a Rosenberg pulse, open for `open_q` of each period, its rising part two
thirds of that: a pressed voice, open for less, is brighter), radiated as their rate of change (n
times), through the mouth's first formant as it hums (or, the nyastaranga, the throat's tissue, a
broad low resonance); its pressure drives the membrane's first mode (1 / (1 - r^2 + j r / Q) at its
own frequency, a forced vibration: every partial on a harmonic of the note, whatever the membrane's
mode), and the membrane, slack and light, swings until it slaps its rim and its sag: its travel
saturates (tanh of the swing, `buzz` past the knee, harder for a louder hum; set `sag` off centre,
so the even harmonics sound too), which spreads the voice's few strong harmonics into the bright,
buzzing comb of many that is a kazoo's sound. The membrane radiates its velocity (n times again)
into the tube (or, the comb, into the open air), whose open-open resonances at c / (2 L) and its
multiples lift the harmonics near them by `body`, with `direct` of the voice coming out of the
tube's far end beside it. The slaps rattle: noise over `rattle_band` gated once a period, at the
note's rate, with the hum's level. The singer scoops onto the note from `scoop` cents under it over
`glide` s, and a singer's vibrato of a few cents at 5-6 Hz comes in after `delay`, the level
swelling with it; once the voice stops, the membrane stops within a few ms. And a kit of the
players' and the mirlitons' own sounds: a cardboard horn's bell thumped by the palm, tubes of
cardboard of three lengths thumped, a "t" spat through a kazoo's membrane, a "ts" and a "tss"
through it, a fingernail flicked on a kazoo's barrel, tissue paper crumpled, a comb's teeth run
under a thumbnail, a pencil on a metal kazoo's barrel and on its turret, a comb's spine and a
cardboard tube's rim tapped, the tissue paper flicked and crackling, a hummed "sss" through the
comb -- ringing modes (a tube's at c / (2 L), a metal barrel's bending modes) and noise, the
crumple's, the teeth's and the crackle's grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

HARMONICS = 48  # the note's harmonics, at most (the membrane's buzz reaches high)
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
PERIOD = 1024  # points one period of the voice and the membrane is worked out at
FRAME = 0.004  # s: the step the hum's level is worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: what sets a tube's resonances, c / (2 L)
BODY_MODES = 12  # a tube's resonances taken, at most
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 6007  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A mirliton sung into. The voice's glottis is open `open_q` of each period (less by `press` at
    the loudest); the mouth's first formant (or the throat's tissue) at `formant` Hz, quality
    `formant_q`; the membrane's first mode at `membrane` Hz, quality `membrane_q`; its travel
    saturating `buzz` past its knee at the loudest (0.6 of that at the softest), `sag` off centre;
    the tube `tube` m long (0: none), its resonances' quality `tube_q`, lifting the harmonics near
    them by up to `body`; `direct` of the voice heard out of the tube beside the membrane; the slaps'
    rattle at `rattle` of the note over `rattle_band` Hz, and the hum's breath at `breath`; the singer
    scooping from `scoop` cents under over `glide` s. `level`: (the hum's rise s, -, 1: it holds
    while the key is down, its fall s once let go). The vibrato: `vibrato` cents at `rate` Hz after
    `delay` s, the level swelling by `swell`."""

    kind: str
    open_q: float = 0.6
    press: float = 0.15
    formant: float = 350.0
    formant_q: float = 2.5
    membrane: float = 1200.0
    membrane_q: float = 4.0
    buzz: float = 3.0
    sag: float = 0.15
    tube: float = 0.12
    tube_q: float = 6.0
    body: float = 0.4
    direct: float = 0.15
    rattle: float = 0.04
    rattle_band: tuple[float, float] = (2500.0, 9000.0)
    breath: float = 0.008
    scoop: float = 20.0
    glide: float = 0.05
    swell: float = 0.06
    level: tuple[float, float, float, float] = (0.03, 0.0, 1.0, 0.05)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.5
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A player's or a mirliton's sound in the kit (struck_render.Drum's partials and noise), and
    `grains` more at random within `spread` s, each at up to its share of the first (paper crumpled,
    a comb's teeth under a thumbnail), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
MirlitonSet = struck_render.StruckSet[Instrument, Struck]

# The chords, a player to a note: a kazoo band's metal kazoos; combs wrapped in tissue paper, no tube,
# the lips at the paper; a bigophone band's cardboard horns, long and dark.
KAZOOS = Instrument("kazoo band's metal kazoos", membrane=1400.0, membrane_q=5.0, buzz=3.0, sag=0.15,
                    tube=0.12, tube_q=10.0, body=0.5, direct=0.15, rattle=0.04, vibrato=6.0,
                    rate=5.5)  # fmt: skip
COMBS = Instrument("combs and tissue paper", formant=400.0, membrane=900.0, membrane_q=2.5, buzz=4.0,
                   sag=0.25, tube=0.0, body=0.0, direct=0.3, rattle=0.07, rattle_band=(3000.0, 9500.0),
                   breath=0.015, scoop=15.0, vibrato=5.0, rate=5.0, delay=0.35)  # fmt: skip
BIGOPHONES = Instrument("bigophone band's cardboard horns", membrane=1000.0, membrane_q=4.0, buzz=2.2,
                        sag=0.1, tube=0.7, tube_q=5.0, body=0.6, direct=0.2, rattle=0.03,
                        rattle_band=(1800.0, 6000.0), scoop=25.0, glide=0.06, vibrato=5.0, rate=5.0,
                        level=(0.04, 0.0, 1.0, 0.06))  # fmt: skip
# Held: kazoos hummed long; bigophones held, each player on a note.
KAZOOS_HELD = Instrument("kazoos hummed long", membrane=1300.0, membrane_q=5.0, buzz=2.4, sag=0.15,
                         tube=0.12, body=0.4, direct=0.15, rattle=0.03, scoop=10.0, glide=0.08,
                         vibrato=4.0, rate=5.0, delay=0.5, swell=0.04,
                         level=(0.12, 0.0, 1.0, 0.12))  # fmt: skip
BIGOPHONES_HELD = Instrument("bigophones held", membrane=950.0, membrane_q=4.0, buzz=2.0, sag=0.1,
                             tube=0.75, tube_q=5.0, body=0.6, direct=0.2, rattle=0.025,
                             rattle_band=(1800.0, 6000.0), scoop=10.0, glide=0.08, vibrato=4.0, rate=4.5,
                             delay=0.5, swell=0.04, level=(0.15, 0.0, 1.0, 0.15))  # fmt: skip
# The basses: a bass zobo's long brass horn; a nyastaranga's trumpets pressed to the throat, the voice
# reaching the membrane through the neck's tissue (a broad, low resonance), the mouth shut.
BASS_ZOBO = Instrument("bass zobo", formant=300.0, membrane=600.0, membrane_q=4.0, buzz=2.5, sag=0.2,
                       tube=1.1, tube_q=5.0, body=0.5, direct=0.15, rattle=0.03,
                       rattle_band=(1500.0, 5000.0), scoop=15.0, vibrato=0.0, swell=0.03,
                       level=(0.04, 0.0, 1.0, 0.07), gain=1.2)  # fmt: skip
NYASTARANGA = Instrument("nyastaranga", open_q=0.65, formant=280.0, formant_q=0.8, membrane=700.0,
                         membrane_q=3.0, buzz=3.5, sag=0.2, tube=0.9, tube_q=7.0, body=0.5, direct=0.0,
                         rattle=0.05, rattle_band=(1500.0, 6000.0), breath=0.0, scoop=10.0,
                         swell=0.03, level=(0.05, 0.0, 1.0, 0.08), gain=1.2)  # fmt: skip
# The leads: a plastic kazoo's, bright and quick; a eunuch flute's onion skin, gentle; a zobo cornet's
# flared brass bell.
PLASTIC_KAZOO = Instrument("plastic kazoo", press=0.2, formant=420.0, membrane=2000.0, membrane_q=4.0,
                           buzz=3.5, sag=0.2, tube=0.1, body=0.3, direct=0.1, rattle=0.05,
                           rattle_band=(3500.0, 10000.0), scoop=25.0, glide=0.04, vibrato=9.0, rate=6.0,
                           delay=0.25, gain=0.9)  # fmt: skip
EUNUCH_FLUTE = Instrument("eunuch flute", open_q=0.65, membrane=800.0, membrane_q=6.0, buzz=1.8,
                          sag=0.08, tube=0.35, tube_q=8.0, body=0.5, direct=0.08, rattle=0.02,
                          rattle_band=(2000.0, 7000.0), scoop=20.0, vibrato=8.0, rate=5.0, delay=0.3,
                          swell=0.08, gain=0.9)  # fmt: skip
ZOBO_CORNET = Instrument("zobo cornet", membrane=1300.0, membrane_q=5.0, buzz=2.8, sag=0.15, tube=0.35,
                         tube_q=6.0, body=0.5, direct=0.12, rattle=0.035, scoop=20.0, vibrato=7.0,
                         rate=5.5, delay=0.25, gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on kazoos, combs and
# bigophones; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: KAZOOS_HELD,
        49: BIGOPHONES_HELD,
        56: KAZOOS,
        22: COMBS,
        61: BIGOPHONES,
        58: BASS_ZOBO,
        67: NYASTARANGA,
        59: PLASTIC_KAZOO,
        73: EUNUCH_FLUTE,
        60: ZOBO_CORNET,
    }


def _tube(
    metres: float, amplitude: float, decay: float, modes: int = 2
) -> tuple[tuple[float, float, float], ...]:
    """A cardboard tube thumped, open at both ends: its first `modes` resonances at k c / (2 L)."""
    return tuple((k * SOUND_SPEED / (2.0 * metres), amplitude / k, decay / k) for k in range(1, modes + 1))


def _barrel(hz: float, amplitude: float, decay: float) -> tuple[tuple[float, float, float], ...]:
    """A metal kazoo's barrel struck, a tube free at both ends: its first two bending modes, the
    second at 2.756 times the first (a free-free beam's)."""
    return ((hz, amplitude, decay), (2.756 * hz, 0.4 * amplitude, 0.5 * decay))


def _drums() -> dict[int, Struck]:
    return {
        # A bigophone's cardboard bell thumped by the palm (the bass drums); cardboard tubes of three
        # lengths thumped (the toms).
        36: Struck(_tube(2.2, 1.0, 0.12), (60.0, 500.0), 0.02, 1.3),
        35: Struck(_tube(2.6, 1.0, 0.13), (60.0, 450.0), 0.02, 1.2),
        41: Struck(_tube(1.1, 1.0, 0.09), (150.0, 1500.0), 0.01, 0.9),
        45: Struck(_tube(0.8, 1.0, 0.08), (200.0, 2000.0), 0.01, 0.9),
        48: Struck(_tube(0.58, 1.0, 0.07), (250.0, 2500.0), 0.01, 0.9),
        # A "t" spat through a kazoo's membrane (the snares: its rattle and the membrane's mode); a
        # fingernail flicked on a kazoo's barrel (the side stick); tissue paper crumpled (the clap).
        38: Struck(((1400.0, 0.5, 0.03), (2900.0, 0.3, 0.02)), (1500.0, 8000.0), 0.06, 0.9),
        40: Struck(((1300.0, 0.5, 0.03), (2700.0, 0.3, 0.02)), (1300.0, 7000.0), 0.05, 0.9),
        37: Struck(_barrel(2100.0, 1.0, 0.03), (2000.0, 8000.0), 0.003, 0.6),
        39: Struck((), (1500.0, 9000.0), 0.015, 0.7, grains=4, spread=0.05),
        # A "ts" through the membrane, short (the closed hat), through closed lips (the pedal), a long
        # "tss" (the open hat); a comb's teeth run under a thumbnail (the ride) and crumpled paper
        # (the crash); a pencil on a metal kazoo's barrel (the cowbell) and its turret (the bell).
        42: Struck((), (4500.0, 10000.0), 0.015, 0.35),
        44: Struck((), (3000.0, 8000.0), 0.008, 0.3),
        46: Struck((), (4000.0, 10000.0), 0.1, 0.35),
        51: Struck(
            ((3700.0, 0.5, 0.02), (5200.0, 0.3, 0.015)), (3000.0, 9000.0), 0.004, 0.35, grains=12, spread=0.09
        ),
        49: Struck((), (2000.0, 10000.0), 0.06, 0.4, grains=8, spread=0.15),
        56: Struck(_barrel(880.0, 1.0, 0.12), (1000.0, 5000.0), 0.004, 0.4),
        53: Struck(_barrel(1650.0, 1.0, 0.25), gain=0.35),
        # A comb's spine tapped (the claves), a cardboard tube's rim tapped by the fingers (the wood
        # blocks), the tissue paper flicked and crackling (the tambourine), a hummed "sss" through the
        # comb (the maracas), a kazoo's barrel struck, damped or left to ring (the triangles).
        75: Struck(((2600.0, 1.0, 0.012), (6100.0, 0.3, 0.005)), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(_tube(0.09, 1.0, 0.015), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(_tube(0.14, 1.0, 0.018), (1200.0, 5000.0), 0.002, 0.5),
        54: Struck(((1700.0, 0.3, 0.02),), (2500.0, 9000.0), 0.02, 0.4, grains=6, spread=0.06),
        70: Struck((), (3500.0, 9000.0), 0.03, 0.3),
        80: Struck(_barrel(1850.0, 1.0, 0.05), gain=0.35),
        81: Struck(_barrel(1850.0, 1.0, 0.6), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, mirliton_set: MirlitonSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord a
    mirliton to a note, as a kazoo band's players hum them); the drum channel through the set's kit,
    unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, mirliton_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def glottal(open_q: float) -> npt.NDArray[np.complex128]:
    """One period's harmonics (complex, 1 to PERIOD / 2) of a Rosenberg glottal pulse: the glottis
    open for `open_q` of the period, its flow rising as half a cosine over two thirds of that and
    closing as a quarter over the rest, shut for what is left."""
    t = np.arange(PERIOD) / PERIOD
    rise, fall = 2.0 * open_q / 3.0, open_q / 3.0
    flow = np.where(
        t < rise,
        0.5 * (1.0 - np.cos(np.pi * t / rise)),
        np.where(t < rise + fall, np.cos(0.5 * np.pi * (t - rise) / fall), 0.0),
    )
    return np.asarray(np.fft.rfft(flow)[1:] / (PERIOD / 2))


def mode(f: Signal, centre: float, q: float) -> npt.NDArray[np.complex128]:
    """A resonance's response at `f` against its peak: 1 / (1 - r^2 + j r / Q) over Q, r = f / centre."""
    r = f / centre
    return np.asarray(1.0 / (1.0 - r**2 + 1j * r / q) / q)


def voiced(patch: Instrument, hz: float, velocity: int) -> npt.NDArray[np.complex128]:
    """The voice's pressure at the membrane, harmonic by harmonic (complex, 1 to PERIOD / 2): the
    glottal pulse (open for `open_q` less `press` by velocity) radiated as its rate of change (j n
    times) through the mouth's first formant (or the throat's tissue) as a resonant low-pass: 1 under
    it, `formant_q` on it, falling 12 dB an octave past it."""
    n = np.arange(1, PERIOD // 2 + 1, dtype=np.float64)
    pulse = glottal(patch.open_q - patch.press * velocity / 127.0)
    tract = patch.formant_q * mode(n * hz, patch.formant, patch.formant_q)
    return np.asarray(1j * n * pulse * tract)


def travel(patch: Instrument, hz: float, velocity: int) -> Signal:
    """One period of the membrane's travel: the voice's pressure (its first 4 HARMONICS) through its
    first mode, brought to a peak of 1, then saturating as the slack membrane slaps its rim (tanh of
    `buzz` times it, 0.6-1 of that by velocity, `sag` off centre), its centre taken out."""
    n = np.arange(1, PERIOD // 2 + 1, dtype=np.float64)
    driven = voiced(patch, hz, velocity) * mode(n * hz, patch.membrane, patch.membrane_q)
    driven[4 * HARMONICS :] = 0.0  # far past any a note sounds: the slap's own stay within the period
    swing = np.fft.irfft(np.concatenate([[0.0], driven]) * (PERIOD / 2), PERIOD)
    swing /= float(np.abs(swing).max()) or 1.0
    drive = patch.buzz * (0.6 + 0.4 * velocity / 127.0)
    slapped = np.tanh(drive * swing + patch.sag)
    return np.asarray(slapped - slapped.mean())


def body(patch: Instrument, f: Signal) -> Signal:
    """The tube's lift at `f` against 1: its open-open resonances at k c / (2 L) (BODY_MODES at most,
    under 10 kHz), each lifting those near it by up to `body`; none where there is no tube."""
    if not patch.tube:
        return np.ones(f.size)
    lift = np.zeros(f.size)
    first = SOUND_SPEED / (2.0 * patch.tube)
    for k in range(1, BODY_MODES + 1):
        if k * first > 10000.0:
            break
        lift += np.abs(mode(f, k * first, patch.tube_q))
    return np.asarray(1.0 + patch.body * lift)


def spectrum(patch: Instrument, hz: float, velocity: int, harmonics: int) -> Signal:
    """The harmonics' levels (the loudest 1): the membrane's travel radiated as its velocity (n
    times), with `direct` of the voice out of the tube beside it (each at its own peak), through the
    tube's resonances; the first never under FUNDAMENTAL_FLOOR of the loudest. A harder hum drives the
    membrane further into its slap: the buzz brightens."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    membrane = 1j * n * np.fft.rfft(travel(patch, hz, velocity))[1 : harmonics + 1]
    voice = voiced(patch, hz, velocity)[:harmonics]
    sound = membrane / float(np.abs(membrane).max()) + patch.direct * voice / float(np.abs(voice).max())
    out = np.abs(sound) * body(patch, n * hz)
    out = out / float(out.max())
    out[0] = max(out[0], FUNDAMENTAL_FLOOR)
    return np.asarray(out / float(out.max()))


def hummed(patch: Instrument, held: float, velocity: int, times: Signal) -> Signal:
    """The hum's level at `times` s: rising over the first of `level`, held while the key is down,
    falling over its last once let go, 0.6-1 by velocity, swelling by `swell` with the vibrato."""
    attack, _, _, release = patch.level
    on = 1.0 - np.exp(-times / attack)
    off = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / release)
    swelling = 1.0 + patch.swell * _vibrato(patch, times)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off * swelling)


def _vibrato(patch: Instrument, times: Signal) -> Signal:
    """The singer's vibrato's swing (-1 to 1) at `times`: none before `delay`, growing in over as long."""
    grow = np.clip((times - patch.delay) / max(patch.delay, 0.05), 0.0, 1.0)
    return np.asarray(grow * np.sin(2.0 * np.pi * patch.rate * np.maximum(times - patch.delay, 0.0)))


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the note's spectrum under the hum's
    level (hummed), the first never under FUNDAMENTAL_FLOOR of the loudest."""
    return np.asarray(
        hummed(patch, held, velocity, frames)[:, None] * spectrum(patch, hz, velocity, harmonics)[None, :]
    )


def bend(patch: Instrument, times: Signal) -> Signal:
    """The pitch at `times` s against the note, in cents: the singer scooping up from `scoop` under it
    over `glide` s, then swinging `vibrato` cents."""
    return np.asarray(-patch.scoop * np.exp(-times / patch.glide) + patch.vibrato * _vibrato(patch, times))


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a mirliton to each) hummed for `held` seconds at `velocity`. What
    varies (the harmonics' phases, the rattle's and the breath's noise) is drawn with `seed` (the
    note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    size = int((max(held, 0.05) + 6.0 * patch.level[3] + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    cents = bend(patch, times)
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        level = np.interp(times, frames, weights[:, 0] / (float(weights[:, 0].max()) or 1.0))
        phase = 2.0 * np.pi * np.cumsum(hz * 2.0 ** (cents / 1200.0)) / sample_rate
        offsets = rng.uniform(0.0, 2.0 * np.pi, harmonics)
        tone = struck_render.harmonic_tone(weights, frames, times, phase, offsets)
        band = (min(patch.rattle_band[0], 0.2 * sample_rate), patch.rattle_band[1])
        crackle = struck_render.band_noise(int(rng.integers(2**31)), band, 1.0, times.size, sample_rate)
        slaps = (0.5 + 0.5 * np.cos(phase + offsets[0])) ** 4  # once a period, as the membrane slaps
        hiss = struck_render.band_noise(
            int(rng.integers(2**31)), (1000.0, 6000.0), 0.0, times.size, sample_rate
        )
        return tone, np.asarray((patch.rattle * crackle * slaps + patch.breath * hiss) * level)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


MIRLITON_SET = MirlitonSet(
    root=Path(__file__).with_name("mirliton-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("mirliton-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
MIRLITON_SETS = {MIRLITON_SET.root: MIRLITON_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
