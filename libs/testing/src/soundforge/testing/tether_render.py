"""Notes to audio by musical bows and string drums, computed in numpy: one string tethered between a
flexible stave, neck or pole and a resonator that is no soundboard -- the berimbau's bows of
capoeira (a gunga, a medio and a viola, a player to a note), struck with the baqueta, the gourd drawn
off the player's belly; the Xhosa uhadi's calabash bow, struck with a reed, the calabash opened from
the chest; the Zulu umakhweyana's braced gourd bow; an Appalachian mouth bow plucked, the player's
mouth shaped over the string; the Xhosa umrhubhe and the Mapuche kunkulkawe, mouth bows rubbed (the
umrhubhe's string by a stick, the kunkulkawe's by the other bow's string), held; the Baul's
gopichand (ektara), its string pulled at the centre of a skin at the foot of a gourd drum, its split
bamboo neck squeezed; the Baul's khamak, its string held in the player's hand and pulled tighter; a
jug band's washtub bass, its string from the pole to the centre of the tub's bottom; and an earth
bow, a sapling's string pegged to the centre of a hide over a pit in the ground.
The string's modes stand where a stiff string's do (n f sqrt(1 + B n^2) / sqrt(1 + B), the first on
the note, B its `stiffness`); what the string gives its tether is the force at its end, each mode's
n times its swing: struck by a stick (a velocity's impulse, its swing sin(n pi x) / n, x where it is
struck) the force goes as |sin(n pi x)|, plucked (a displacement let go, sin(n pi x) / n^2) as
|sin(n pi x)| / n, each through the stroke's force, a half-sine as long as the stick or the finger
touches, |cos(pi f tau) / (1 - (2 f tau)^2)|, a harder stroke's contact shorter as Hertz's is
(tau ~ v^-1/5). Rubbed (the umrhubhe, the kunkulkawe) the stick-slip locks the string into Helmholtz's
motion, whose force at its end is a sawtooth's, 1 / n, its corner rounded by the rub's width, every
partial on a harmonic while it is rubbed. Each mode dies at sigma = 1 / ring + loss f^2 (the air's
and the string's own friction, a higher mode sooner); a struck or plucked string stretched by its
swing starts sharp, its tension's rise going as the sum of the force's modes squared, so it falls
onto the note twice as fast as they die (tension modulation); the player bends the note from under
it (the gopichand's neck squeezed, the khamak's string pulled, the washtub's pole leant back) and
sways it. What sounds is the resonator the tether drives: a gourd (volume V, an opening of area A
pressed to the player's body and drawn off it) is a Helmholtz resonator, c / 2 pi sqrt(A / V (t +
1.7 r)), so drawing it off lifts its resonance and the note says "wah"; a skin pulled at its centre
sounds its axisymmetric modes alone, at the zeros of J0 (1, 2.295, 3.598, 4.903 times the first), each
by its share of the skin's volume velocity for a pull at the centre, 1 / (j0n J1(j0n)), alternating
in sign; a tub's bottom, a plate clamped at its rim and pulled at its centre, its axisymmetric modes
(1, 3.893, 8.722, 15.48 times the first), each by its share worked out from its shape, J0 and I0
joined at the clamped rim; a mouth is a resonance the player tunes onto a harmonic of the note, so
that harmonic sings. The string and the stave radiate a little themselves.
And a kit of the instruments' own sounds, none of them held: the washtub's bottom thumped by the
fist and the earth bow's hide struck (the bass drums), the gopichand's skin struck by a finger, low,
middle and high (the toms), the berimbau's wire struck with the coin pressed to it, the caxixi's
basket slapped on its hard base, the baqueta on the bow's stave, the caxixi shaken hard, shaken
short, the coin tapped on the wire, the caxixi swirled, the baqueta bouncing on the damped wire, the
washtub's rim struck, the gourd's shell knocked, the tub's handle pinged, two baquetas clicked
together, the stave knocked high and low, the Baul's ankle bells shaken, the caxixi's seeds, the coin
rung on the wire short and long -- ringing modes and noise, the coin's rattle, the seeds, the
bounces and the bells as grains, no recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt
from scipy import optimize, special

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

MODES = 32  # a string's modes, at most
FUNDAMENTAL_FLOOR = 0.3  # the first mode is never under this share of the loudest: it is the note
FRAME = 0.004  # s: the step the modes' levels are worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s: the gourd's air
WALL = 0.005  # m: a gourd's wall, its opening's depth
SKIN_MODES = 4  # a skin's (and a plate's) axisymmetric modes taken
_FADE = 0.01  # s: the fade at a sound's cut end
_KNOCK = 0.002  # s: how fast a stick's knock on the wire dies
_SALT = 5167  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A musical bow's or a string drum's string and what it is tethered to. The string, B =
    `stiffness`, is "struck", "plucked" or "rubbed" (`drive`) `at` a share of its length from its end,
    the stick or the finger touching it `contact` s at velocity 127 (a rub's corner that wide); its
    modes die at 1 / `ring` + `loss` f^2 (1/s); `twang` cents sharp it starts at velocity 127 (its
    tension stretched by its swing). The resonators: a `gourd` (volume l, its opening's diameter cm,
    Q, lift) pressed to the body with `shut` of its opening left and drawn off it over `swing` s (0:
    it stays); a `skin` (its first mode's Hz, Q, lift) or a clamped `plate` (the same) pulled at its
    centre; a `mouth` (the harmonic it is shaped to, Q, lift); `direct` what the string and the stave
    radiate themselves. `level`: the stroke's (or the rub's) onset s, -, 1 where it is rubbed while
    held (0: struck or plucked once), the player's hand (or the coin) damping it once the note ends,
    s; `scoop` cents under the note over `glide` s where the player bends into it, Players' vibrato
    where the hand sways it; `rub` the rubbing stick's hiss against the tone over `rub_band` Hz and
    `jitter` (s rms) its stick-slip's periods early or late; `knock` the stick's knock on the wire."""

    kind: str
    drive: str = "struck"  # "struck", "plucked" or "rubbed"
    at: float = 0.15
    contact: float = 0.001
    stiffness: float = 0.0
    ring: float = 1.0
    loss: float = 3e-6
    twang: float = 0.0
    gourd: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.0)
    shut: float = 1.0
    swing: float = 0.0
    skin: tuple[float, float, float] = (0.0, 1.0, 0.0)
    plate: tuple[float, float, float] = (0.0, 1.0, 0.0)
    mouth: tuple[float, float, float] = (0.0, 1.0, 0.0)
    direct: float = 1.0
    rub: float = 0.0
    rub_band: tuple[float, float] = (1500.0, 7000.0)
    jitter: float = 0.0
    knock: float = 0.0
    knock_band: tuple[float, float] = (2000.0, 8000.0)
    scoop: float = 0.0
    glide: float = 0.05
    level: tuple[float, float, float, float] = (0.001, 0.0, 0.0, 0.12)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the instruments in the kit (struck_render.Drum's partials and noise), and `grains`
    more strokes at random within `spread` s, each at up to its share of the first (the coin's rattle,
    the caxixi's seeds, the baqueta's bounces, the ankle bells), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
TetherSet = struck_render.StruckSet[Instrument, Struck]

# The chords: the berimbau's bows, a player to a note, the steel wire (arame) struck with the baqueta
# near its foot, the gourd on the belly drawn off after the stroke, the coin's hand damping it; the
# uhadi's calabash bow struck with a reed, its calabash opened slowly from the chest; the gopichand's
# string plucked by the forefinger, pulling at its skin, the neck squeezed into each note.
BERIMBAU = Instrument("berimbau's bows", at=0.08, contact=0.0005, stiffness=0.0002, ring=1.4, loss=3e-6,
                      twang=8.0, gourd=(1.2, 5.5, 8.0, 2.5), shut=0.25, swing=0.12, knock=0.05,
                      level=(0.001, 0.0, 0.0, 0.12))  # fmt: skip
UHADI = Instrument("uhadi's calabash bow", at=0.12, contact=0.0008, stiffness=0.0001, ring=1.1, loss=4e-6,
                   twang=6.0, gourd=(4.0, 10.0, 6.0, 2.0), shut=0.4, swing=0.3, knock=0.03,
                   level=(0.0015, 0.0, 0.0, 0.15))  # fmt: skip
GOPICHAND = Instrument("gopichand's skin", drive="plucked", at=0.25, contact=0.002, stiffness=0.0001,
                       ring=0.6, loss=6e-6, twang=12.0, skin=(180.0, 6.0, 3.0), direct=0.3, scoop=30.0,
                       glide=0.05, level=(0.0015, 0.0, 0.0, 0.1))  # fmt: skip
# The basses: a washtub bass's gut string plucked by the fingers, the tub's bottom a plate clamped at
# its rim, the pole leant back into each note and rocked; an earth bow's sinew string struck with a
# stick, the hide over the pit pulled at its centre.
WASHTUB = Instrument("washtub bass", drive="plucked", at=0.3, contact=0.004, stiffness=0.00005, ring=0.8,
                     loss=1e-5, twang=6.0, plate=(85.0, 5.0, 4.0), direct=0.4, scoop=25.0, glide=0.06,
                     vibrato=8.0, rate=5.0, delay=0.3, level=(0.003, 0.0, 0.0, 0.12),
                     gain=1.2)  # fmt: skip
EARTH_BOW = Instrument("earth bow", at=0.2, contact=0.003, stiffness=0.00003, ring=0.7, loss=8e-6,
                       twang=10.0, skin=(55.0, 4.0, 3.0), direct=0.3, knock=0.02,
                       knock_band=(500.0, 3000.0), level=(0.002, 0.0, 0.0, 0.15),
                       gain=1.2)  # fmt: skip
# The leads: the khamak's string plucked with a plectrum, the other hand pulling it into each note and
# pulsing; a mouth bow plucked, the mouth shaped onto its second harmonic; the umakhweyana's braced
# bow struck with a grass stalk, its small gourd drawn off the chest.
KHAMAK = Instrument("khamak's pulled string", drive="plucked", at=0.1, contact=0.0006, stiffness=0.0002,
                    ring=0.5, loss=5e-6, twang=15.0, skin=(300.0, 5.0, 3.0), direct=0.3, scoop=50.0,
                    glide=0.04, vibrato=15.0, rate=6.0, delay=0.15, level=(0.001, 0.0, 0.0, 0.08),
                    gain=0.9)  # fmt: skip
MOUTH_BOW = Instrument("mouth bow", drive="plucked", at=0.2, contact=0.0015, stiffness=0.0001, ring=1.0,
                       loss=4e-6, twang=5.0, mouth=(2.0, 6.0, 4.0), level=(0.0015, 0.0, 0.0, 0.12),
                       gain=0.9)  # fmt: skip
UMAKHWEYANA = Instrument("umakhweyana's braced bow", at=0.12, contact=0.0006, stiffness=0.00015, ring=1.2,
                         loss=3e-6, twang=6.0, gourd=(1.5, 7.0, 7.0, 2.5), shut=0.5, swing=0.2,
                         knock=0.04, level=(0.001, 0.0, 0.0, 0.12), gain=0.9)  # fmt: skip
# Held: the umrhubhe's string rubbed with a thin stick, the mouth shaped onto its third harmonic; the
# kunkulkawe's horsehair string rubbed by the other bow's, one end held in the mouth.
UMRHUBHE_HELD = Instrument("umrhubhe rubbed, held", drive="rubbed", at=0.12, contact=0.0003, ring=1.5,
                           loss=4e-6, mouth=(3.0, 5.0, 3.5), rub=0.02, jitter=2e-5,
                           level=(0.06, 0.0, 1.0, 0.15))  # fmt: skip
KUNKULKAWE_HELD = Instrument("kunkulkawe rubbed, held", drive="rubbed", at=0.15, contact=0.0005, ring=1.2,
                             loss=6e-6, mouth=(2.0, 4.0, 2.5), rub=0.03, rub_band=(1000.0, 6000.0),
                             jitter=4e-5, level=(0.08, 0.0, 1.0, 0.2))  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on the berimbau, the uhadi and
# the gopichand; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: UMRHUBHE_HELD,
        49: KUNKULKAWE_HELD,
        24: BERIMBAU,
        107: UHADI,
        105: GOPICHAND,
        32: WASHTUB,
        43: EARTH_BOW,
        106: KHAMAK,
        22: MOUTH_BOW,
        15: UMAKHWEYANA,
    }


@cache
def skin_modes() -> tuple[tuple[float, float], ...]:
    """A skin's axisymmetric modes (the only ones a pull at its centre drives): each one's frequency
    over the first's (the zeros of J0) and its share of the skin's volume velocity for that pull,
    1 / (j0n J1(j0n)) against the first's (alternating in sign)."""
    zeros = special.jn_zeros(0, SKIN_MODES)
    shares = 1.0 / (zeros * special.j1(zeros))
    return tuple((float(z / zeros[0]), float(s / shares[0])) for z, s in zip(zeros, shares, strict=True))


@cache
def plate_modes() -> tuple[tuple[float, float], ...]:
    """A plate clamped at its rim, pulled at its centre: its axisymmetric modes, each one's frequency
    over the first's ((lambda_n / lambda_1)^2, lambda_n the roots of J0 I1 + I0 J1 = 0) and its share
    of the plate's volume velocity for that pull, w(0) (integral of w r dr) / (integral of w^2 r dr),
    w(r) = J0(lambda r) - J0(lambda) / I0(lambda) I0(lambda r) on a unit plate, against the first's."""

    def clamped(lam: float) -> float:
        return float(special.j0(lam) * special.i1(lam) + special.i0(lam) * special.j1(lam))

    roots = [
        optimize.brentq(clamped, guess - 1.0, guess + 1.0) for guess in np.pi * (np.arange(SKIN_MODES) + 1.0)
    ]
    r = np.linspace(0.0, 1.0, 4001)
    shares = []
    for lam in roots:
        w = special.j0(lam * r) - special.j0(lam) / special.i0(lam) * special.i0(lam * r)
        shares.append(float(w[0] * np.trapezoid(w * r, r) / np.trapezoid(w * w * r, r)))
    return tuple(
        (float((lam / roots[0]) ** 2), share / shares[0]) for lam, share in zip(roots, shares, strict=True)
    )


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, tether_set: TetherSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    bow or drum, a player to a note); the drum channel through the set's kit, unbent. A program or a
    drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, tether_set, _SOUNDED, lambda p: False
    )


def ratios(patch: Instrument, hz: float, sample_rate: int) -> Signal:
    """Each mode's frequency over the note's, those under 0.45 of the rate (the first always): a stiff
    string's, n sqrt(1 + B n^2) / sqrt(1 + B); a rubbed string's whole multiples (the stick-slip
    locks them)."""
    n = np.arange(1, MODES + 1, dtype=np.float64)
    stiffness = 0.0 if patch.drive == "rubbed" else patch.stiffness
    modes = n * np.sqrt(1.0 + stiffness * n**2) / np.sqrt(1.0 + stiffness)
    below = modes[modes * hz < 0.45 * sample_rate]
    return np.asarray(below if below.size else modes[:1])


def stroke(f: Signal, tau: float) -> Signal:
    """A half-sine force `tau` s long at `f` Hz against its level at 0: |cos(pi f tau) / (1 - (2 f
    tau)^2)| (pi / 4 where 2 f tau is 1)."""
    x = 2.0 * f * tau
    near = np.abs(1.0 - x**2) < 1e-9
    safe = np.where(near, 0.0, 1.0 - x**2)
    out = np.where(near, np.pi / 4.0, np.cos(np.pi * f * tau) / np.where(near, 1.0, safe))
    return np.asarray(np.abs(out))


class Touching(Protocol):
    """A patch whose stroke, pluck or stick touches for `contact` s at velocity 127."""

    @property
    def contact(self) -> float: ...


def contact(patch: Touching, velocity: int) -> float:
    """How long the stick or the finger touches the string at `velocity`: `contact` at 127, longer for
    a softer stroke as a Hertzian contact is, (127 / v)^(1/5). harp_render, skin_render and
    bamboo_render time their plucks and strokes by it too."""
    return float(patch.contact * (127.0 / max(velocity, 1)) ** 0.2)


def force(patch: Instrument, hz: float, ratio: Signal, velocity: int) -> Signal:
    """What each mode gives the tether at the stroke, its force at the string's end: struck,
    |sin(n pi x)|; plucked, |sin(n pi x)| / n; rubbed, 1 / n (Helmholtz's sawtooth); each through
    the stroke's (or the rub's corner's) half-sine (stroke)."""
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    if patch.drive == "rubbed":
        shape = 1.0 / n
    else:
        shape = np.abs(np.sin(n * np.pi * patch.at)) / (n if patch.drive == "plucked" else 1.0)
    tau = patch.contact if patch.drive == "rubbed" else contact(patch, velocity)
    return np.asarray(shape * stroke(ratio * hz, tau))


def dying(patch: Instrument, hz: float, ratio: Signal) -> Signal:
    """Each mode's rate of dying (1/s): 1 / ring + loss f^2."""
    return np.asarray(1.0 / patch.ring + patch.loss * (ratio * hz) ** 2)


def resonance(f: Signal, centre: Signal | float, q: float) -> Complex:
    """One resonance's response at `f` Hz (1 at its `centre`): 1 / (1 + j Q (f / f0 - f0 / f))."""
    return np.asarray(1.0 / (1.0 + 1j * q * (f / centre - centre / f)))


def helmholtz(patch: Instrument, times: Signal) -> Signal:
    """The gourd's resonance (Hz) at `times` s from the stroke: c / 2 pi sqrt(A / V (t + 1.7 r)),
    its opening's area A from `shut` of it to the whole as the player draws it off the body over
    `swing` s (1 - exp(-t / swing) of the way), r the radius of that area."""
    litres, diameter, _, _ = patch.gourd
    whole = np.pi * (diameter / 200.0) ** 2
    share = (
        patch.shut + (1.0 - patch.shut) * (1.0 - np.exp(-times / patch.swing)) if patch.swing else patch.shut
    )
    area = whole * np.broadcast_to(share, times.shape)
    neck = WALL + 1.7 * np.sqrt(area / np.pi)
    return np.asarray(SOUND_SPEED / (2.0 * np.pi) * np.sqrt(area / (litres / 1000.0 * neck)))


def body(patch: Instrument, hz: float, f: Signal, times: Signal) -> Complex:
    """What sounds for the tether's force at `f` Hz (frames x modes, `times` s the frames) of a note at
    `hz`: the string's own `direct` share, and each resonator's lift through its resonance -- the
    gourd's Helmholtz resonance where it is at each frame, the skin's and the plate's axisymmetric
    modes each by its share, the mouth's resonance on its harmonic of the note."""
    out = np.full(f.shape, patch.direct, dtype=np.complex128)
    litres, _, q, lift = patch.gourd
    if litres and lift:
        out += lift * resonance(f, helmholtz(patch, times)[:, None], q)
    for (first, q, lift), modes in ((patch.skin, skin_modes()), (patch.plate, plate_modes())):
        if first and lift:
            for ratio, share in modes:
                out += lift * share * resonance(f, first * ratio, q)
    harmonic, q, lift = patch.mouth
    if harmonic and lift:
        out += lift * resonance(f, harmonic * hz, q)
    return np.asarray(out)


def held_levels(patch: Instrument, held: float, frames: Signal, rates: Signal) -> Signal:
    """Each mode's envelope (frames x modes) at `frames` s: struck or plucked, rising over `level`'s
    onset and dying at its rate from the stroke; rubbed, held while the key is down and ringing on
    freely at its rate once the rub stops; either damped by the player's hand over `level`'s last
    once the note ends."""
    onset, _, _, damping = patch.level
    held = max(held, 0.05)
    rising = (1.0 - np.exp(-frames / onset))[:, None]
    if patch.sustained:
        since = np.maximum(frames - held, 0.0)[:, None]
        out = rising * np.exp(-since * rates[None, :])
    else:
        out = rising * np.exp(-frames[:, None] * rates[None, :])
    if damping:
        out = out * np.exp(-np.maximum(frames - held, 0.0) / damping)[:, None]
    return np.asarray(out)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           sample_rate: int) -> Signal:  # fmt: skip
    """The modes' levels (frames x modes) at `frames` s: the tether's force at the stroke (force)
    through the resonators as they are at each frame (body), under each mode's envelope (held_levels);
    the first never under FUNDAMENTAL_FLOOR of the loudest."""
    ratio = ratios(patch, hz, sample_rate)
    heard = np.abs(body(patch, hz, np.broadcast_to(ratio * hz, (frames.size, ratio.size)), frames))
    out = (
        force(patch, hz, ratio, velocity)[None, :]
        * heard
        * held_levels(patch, held, frames, dying(patch, hz, ratio))
    )
    out[:, 0] = np.maximum(out[:, 0], FUNDAMENTAL_FLOOR * out.max(axis=1))
    return np.asarray(out)


def stretch(patch: Instrument, hz: float, ratio: Signal, velocity: int, times: Signal) -> Signal:
    """The cents the string's swing stretches it sharp at `times` s: `twang` at velocity 127 (as the
    velocity squared), times the modes' forces squared still left, sum F_n^2 exp(-2 sigma_n t) / sum
    F_n^2 (the tension's rise goes as the swing squared); none while it is rubbed (the player holds
    its swing, and the note, steady)."""
    if patch.drive == "rubbed" or not patch.twang:
        return np.zeros(times.size)
    energy = force(patch, hz, ratio, velocity) ** 2
    rates = dying(patch, hz, ratio)
    left = np.exp(-2.0 * np.multiply.outer(times, rates)) @ energy / float(energy.sum())
    return np.asarray(patch.twang * (velocity / 127.0) ** 2 * left)


def length(patch: Instrument, hz: float, held: float) -> float:
    """How long a note held `held` s sounds (s): struck or plucked, until its first mode has died or
    the hand has damped it; rubbed, while rubbed and then the same; and the fade at its cut end."""
    held = max(held, 0.05)
    free = 6.0 / float(dying(patch, hz, np.ones(1))[0])
    damped = 6.0 * patch.level[3] if patch.level[3] else free
    if patch.sustained:
        return held + min(free, damped) + _FADE
    return min(free, held + damped) + _FADE


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a string to each) sounded for `held` seconds at `velocity`. What
    varies (the player's sway, the stick-slip's jitter, the rub's hiss, the stick's knock) is drawn
    with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    times: Signal = np.arange(int(length(patch, lowest, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        ratio = ratios(patch, hz, sample_rate)
        weights = levels(patch, hz, held, velocity, frames, sample_rate)
        stretched = np.interp(times, frames, stretch(patch, hz, ratio, velocity, frames))
        cents = struck_render.bends(patch, times, rng) + stretched
        turned = np.cumsum(2.0 ** (cents / 1200.0)) / sample_rate  # s, at the note's rate
        if patch.jitter:
            turned = turned + struck_render.period_jitter(patch.jitter, hz, times, rng)
        start = np.pi / 2.0 if patch.drive == "plucked" else 0.0  # let go from a shape, or from rest
        tone = np.zeros(times.size)
        for k in range(ratio.size):
            tone += np.interp(times, frames, weights[:, k]) * np.sin(
                2.0 * np.pi * hz * ratio[k] * turned + start
            )
        tone /= float(np.abs(tone).max()) or 1.0
        noise = np.zeros(times.size)
        if patch.rub:
            low, high = patch.rub_band
            band = (min(low, 0.2 * sample_rate), min(high, 0.45 * sample_rate))
            hiss = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
            noise += (
                patch.rub
                * hiss
                * np.interp(times, frames, weights[:, 0] / (float(weights[:, 0].max()) or 1.0))
            )
        if patch.knock:
            struck = (np.zeros(1), np.ones(1))
            noise += patch.knock * rolled_render.knocks(
                struck, times, patch.knock_band, _KNOCK, rng, sample_rate
            )
        return tone, noise

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# A clamped plate's modes (the washtub's bottom) and a skin's (the earth bow's hide, the gopichand's)
# at `hz`, for the kit: (Hz, amplitude, decay s) each, a higher one dying sooner.
def _pulled(hz: float, modes: tuple[tuple[float, float], ...], decay: float) -> struck_render.Partials:
    return tuple((hz * ratio, abs(share), decay / ratio**0.5) for ratio, share in modes)


def _drums() -> dict[int, Struck]:
    return {
        # The washtub's bottom thumped by the fist, a clamped plate's modes (the bass drum); the earth
        # bow's hide over its pit struck, its pitch falling as the blow's stretch leaves it (the other).
        36: Struck(_pulled(70.0, plate_modes()[:3], 0.18), (40.0, 600.0), 0.02, 1.3),
        35: Struck(_pulled(55.0, skin_modes()[:3], 0.2), (30.0, 500.0), 0.03, 1.2, sweep=0.15, glide=0.03),
        # The gopichand's skin struck by a finger, low, middle and high (the toms).
        41: Struck(_pulled(140.0, skin_modes()[:3], 0.12), (200.0, 2000.0), 0.01, 0.9),
        45: Struck(_pulled(190.0, skin_modes()[:3], 0.1), (250.0, 2500.0), 0.01, 0.9),
        48: Struck(_pulled(250.0, skin_modes()[:3], 0.09), (300.0, 3000.0), 0.01, 0.9),
        # The berimbau's wire struck with the coin pressed to it, the coin rattling (the snare); the
        # caxixi's basket slapped on its hard base, its seeds after (the other snare); the baqueta on
        # the bow's stave (the side stick); the caxixi shaken hard (the clap).
        38: Struck(
            ((180.0, 0.3, 0.02), (360.0, 0.2, 0.015)), (1200.0, 8000.0), 0.05, 0.9, grains=3, spread=0.02
        ),
        40: Struck(((1400.0, 0.3, 0.01),), (900.0, 7000.0), 0.012, 0.9, grains=4, spread=0.04),
        37: Struck(((1650.0, 1.0, 0.015), (4200.0, 0.3, 0.008)), (1500.0, 7000.0), 0.004, 0.6),
        39: Struck((), (1500.0, 8000.0), 0.015, 0.8, grains=3, spread=0.03),
        # The caxixi shaken short (the closed hat), the coin tapped on the wire (the pedal), the caxixi
        # swirled (the open hat); the baqueta bouncing on the wire the coin damps (the ride) and the
        # washtub's rim struck (the crash); the gourd's shell knocked (the cowbell) and the tub's
        # handle pinged (the bell).
        42: Struck(((5200.0, 0.2, 0.002),), (4000.0, 10000.0), 0.006, 0.35),
        44: Struck(((3100.0, 0.3, 0.004),), (800.0, 5000.0), 0.004, 0.3),
        46: Struck((), (2500.0, 9000.0), 0.15, 0.35, grains=2, spread=0.06),
        51: Struck(((2800.0, 0.3, 0.012),), (2000.0, 8000.0), 0.008, 0.35, grains=5, spread=0.08),
        49: Struck(
            ((830.0, 0.3, 0.45), (2230.0, 0.25, 0.3), (3910.0, 0.15, 0.2)), (400.0, 7000.0), 0.25, 0.4
        ),
        56: Struck(((340.0, 1.0, 0.08), (1120.0, 0.4, 0.03)), (600.0, 4000.0), 0.003, 0.4),
        53: Struck(((2650.0, 1.0, 0.3), (6900.0, 0.3, 0.12)), gain=0.35),
        # Two baquetas clicked together (the claves), the stave knocked high and low (the wood
        # blocks), the Baul's ankle bells shaken (the tambourine), the caxixi's seeds (the maracas),
        # the coin rung on the wire, short and long (the triangles).
        75: Struck(((2450.0, 1.0, 0.02), (6300.0, 0.35, 0.01)), (1800.0, 8000.0), 0.002, 0.5),
        76: Struck(((1150.0, 1.0, 0.018), (3080.0, 0.3, 0.009)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((820.0, 1.0, 0.022), (2260.0, 0.3, 0.011)), (700.0, 5000.0), 0.002, 0.5),
        54: Struck(
            ((4300.0, 0.4, 0.05), (6100.0, 0.3, 0.04)), (3000.0, 9000.0), 0.02, 0.4, grains=8, spread=0.07
        ),
        70: Struck((), (2500.0, 9500.0), 0.035, 0.3),
        80: Struck(((4700.0, 1.0, 0.03),), gain=0.35),
        81: Struck(((4700.0, 1.0, 0.3),), gain=0.35),
    }


TETHER_SET = TetherSet(
    root=Path(__file__).with_name("tether-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("tether-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
TETHER_SETS = {TETHER_SET.root: TETHER_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
