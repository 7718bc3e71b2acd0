"""Notes to audio by huqin, China's bowed fiddles, and their kin, computed in numpy: an erhu, its two strings
over a python skin stretched across a hexagonal hardwood tube; a zhonghu, the erhu's alto; a gaohu, its
small round tube held between the knees, its skin tight; a jinghu, a Peking opera's fiddle, a bamboo
tube under a small skin, its bow stiff; a banhu, a thin wooden board across a coconut shell in place of
a skin; a gehu and a diyin gehu, a Chinese orchestra's cello and bass, big tubes under big skins; a
matouqin (Mongolia's morin khuur), its strings two bundles of horsehair over a trapezoid box faced with
wood; and a haegeum (Korea's), a paulownia board across a bamboo root.
No fingerboard lies under a huqin's two strings (the gehus', four, run over one): the fingers press
them in the air, so a note is found by sliding into it (from `slide` cents above or below, drawn, over
`glide` s; less on a fingerboard) and held with a wide vibrato. The bow's hair runs between the two
strings (outside them, the matouqin's and the gehus') and its stick and slip holds the string in
Helmholtz motion: the bridge's force a sawtooth, its n-th harmonic 1 / n, those with a node
near the bow (n `bow` near a whole number) weakened, its corner rounded (the harmonics falling as
exp(-(n - 1) / corner)) the more the softer the bow is drawn and before the motion has settled.
The bridge stands on the face off its centre by `offset` of its radius and drives each of its modes by
that mode's shape there: a membrane's (m, n) mode J_m(j_mn r), at j_mn / j_01 times the first; a
clamped board's, J_m(l_mn r) - J_m(l_mn) I_m(l_mn r) / I_m(l_mn), at (l_mn / l_01)^2 times the first.
A mode that swings the face's air as a whole (m = 0) radiates by its net swing, the others only round
the rim (`edge`). The tube's air behind the face, open at the back, rings at its quarter waves, and
above `top` Hz the face's mass lets little through; the face radiates as the frequency up to c / 2 pi a
(a the tube's radius), flat above. The open strings, tuned to the band as the note is, ring in sympathy
where a harmonic of the note lands on one of theirs. The bow's hair hisses through the body, most as
the bow starts and as it turns: a note held longer than a bow's stroke (`stroke` s, each within a fifth
of it) is bowed on by the bow turned, its level dipping for `turn` s as the Helmholtz motion breaks
and is found again. A section's players each slide, vibrate, bow and turn on their own.
And a kit of a Peking opera's percussion, its wuchang, and the fiddlers' own sounds, none of them held:
the tanggu, a barrel drum, struck in its middle (the bass drum) and damped by the hand (the other); the
danpigu, its small hard head cracked by two slim sticks (the snare), and at its edge (the other); an
erhu's tube knocked by the bow's frog (the side stick); the ban's hardwood plates clapped (the clap);
paigu, barrel drums at six sizes (the toms); the xiaobo, small cymbals, clashed and choked (the closed
hat); the rosin cake drawn along the bow's hair (the pedal hat); the naobo, big cymbals, clashed open
(the open hat); the daluo, the big gong, its pitch falling after the stroke (the crash); the xiaoluo,
the small gong, its pitch rising (the ride); the pengling, two cup bells struck together (its bell);
the bow's hair slapped on the strings (the tambourine); the yunluo's smallest gong (the cowbell); a
fingernail scratched across the skin (the cabasa); the horsehair shaken loose in the bow's frog (the
maracas); the bangzi, two hardwood sticks (the claves); and the muyu, a wooden fish, high and low (the
wood blocks) -- ringing modes and noise, the cymbals' shimmer and the plates' double clap as grains, no
recording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import rolled_render, struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]

HARMONICS = 32  # a note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the note's harmonic is never under this share of the loudest
FRAME = 0.01  # s: the step the harmonics are worked out at (the tables read between them)
TABLE = 2048  # points of one period each frame is read from (its harmonics 32 at most)
SOUND_SPEED = 343.0  # m/s: the tube's air
NODE = 0.35  # a harmonic with a node right under the bow sounds at this share of its sawtooth's
RING_Q = 400.0  # an open string's resonance, ringing in sympathy: a silk-and-steel string's Q
TURN_DEPTH = 0.4  # how far a bow's turn takes the level down, at its deepest
_SHORTEST = 0.05  # s: a note held this long at least
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7537  # mixed into every note's seed and every drum's hiss
# A circular membrane's modes, (m, j_mn): the zeros of the Bessel functions, its frequencies j_mn / j_01
# times its first.
MEMBRANE = ((0, 2.4048), (1, 3.8317), (2, 5.1356), (0, 5.5201), (3, 6.3802), (1, 7.0156), (4, 7.5883),
            (2, 8.4172), (0, 8.6537))  # fmt: skip
# A clamped circular plate's modes, (m, l_mn): its frequencies (l_mn / l_01)^2 times its first.
BOARD = ((0, 3.1962), (1, 4.6109), (2, 5.9057), (0, 6.3064), (3, 7.1435), (1, 7.7993), (4, 8.3466),
         (2, 9.1968), (0, 9.4395))  # fmt: skip


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A fiddle: its open `strings` (MIDI at A=440: they ring in sympathy), the bow `bow` of the string's
    length from the bridge, the sawtooth's harmonics falling as exp(-(n - 1) / c) above the first, c
    `corner` at full velocity (a softer bow rounds the corner more). Its face, "skin" (a membrane) or
    "board" (a clamped plate), its first mode `first` Hz, Q `face_q`, the bridge `offset` of its radius
    off the centre, the modes with no net swing radiating `edge` of theirs; the tube behind it (`tube`:
    its length and radius, m), open at the back, its air `air` against the face's, Q `tube_q`; the
    face's mass passing little above `top` Hz; the open strings lifting a harmonic on one of theirs by
    up to `sympathy`. `hiss`: the bow hair's noise against the note. `settle`: s the Helmholtz motion
    takes to settle as the bow starts; `slide`: cents the finger slides into the note from (drawn, above
    or below) over `glide` s; `stroke`: s of a bow's stroke, `turn`: s a turn's dip lasts. `level`: -,
    -, 1 (held while bowed), the string's ring once the bow leaves it, s; Players' voices (a section's),
    `detune` cents apart, and a vibrato."""

    kind: str
    strings: tuple[float, ...] = (62.0, 69.0)
    bow: float = 0.08
    corner: float = 10.0
    face: str = "skin"
    first: float = 560.0
    face_q: float = 9.0
    offset: float = 0.25
    edge: float = 0.25
    tube: tuple[float, float] = (0.13, 0.044)
    air: float = 0.5
    tube_q: float = 5.0
    top: float = 4500.0
    sympathy: float = 0.6
    hiss: float = 0.025
    settle: float = 0.035
    slide: float = 70.0
    glide: float = 0.05
    stroke: float = 2.8
    turn: float = 0.05
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.07)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 14.0
    rate: float = 6.0
    delay: float = 0.2
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A piece of the opera's percussion or of the fiddlers' sounds (struck_render.Drum's partials and
    noise), and `grains` more strokes at random within `spread` s, each at up to its share of the first
    (the cymbals' shimmer, the plates' double clap), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
HuqinSet = struck_render.StruckSet[Instrument, Struck]


def bessel(m: int, x: Signal, modified: bool = False) -> Signal:
    """J_m(x) (or, `modified`, I_m(x)) by its integral over half a turn, (1 / pi) the integral from 0 to
    pi of cos(m t - x sin t) (of exp(x cos t) cos(m t)), read at 256 midpoints: the integrand is smooth
    and periodic, so the midpoints' mean is exact far past the precision a mode's weight needs."""
    t = (np.arange(256) + 0.5) * np.pi / 256
    x = np.asarray(x, dtype=np.float64)[..., np.newaxis]
    if modified:
        return np.asarray(np.mean(np.exp(x * np.cos(t)) * np.cos(m * t), axis=-1))
    return np.asarray(np.mean(np.cos(m * t - x * np.sin(t)), axis=-1))


def shape(face: str, m: int, root: float, r: Signal) -> Signal:
    """A face's (m, n) mode at `r` of its radius: a membrane's J_m(j r); a clamped board's J_m(l r) -
    J_m(l) I_m(l r) / I_m(l), its rim held still."""
    if face == "skin":
        return bessel(m, root * r)
    return np.asarray(bessel(m, root * r) - bessel(m, np.array(root)) * bessel(m, root * r, True)
                      / bessel(m, np.array(root), True))  # fmt: skip


@cache
def face_modes(face: str, offset: float, edge: float) -> tuple[tuple[float, float], ...]:
    """A face's modes, (share of its first mode's frequency, weight) each, against its first: each
    driven by its shape at the bridge, `offset` of the radius from the centre, over its modal mass (the
    integral of its shape squared over the face, halved where it swings in m diameters, cos(m theta)),
    radiating by its net swing (the integral of its shape) where it swings the air as a whole (m = 0)
    and, where it does not, by `edge` of its root mean square, what leaks round the rim."""
    table = MEMBRANE if face == "skin" else BOARD
    r = (np.arange(400) + 0.5) / 400
    out = []
    for m, root in table:
        ratio = root / table[0][1] if face == "skin" else (root / table[0][1]) ** 2
        across = shape(face, m, root, r)
        mass = float(np.mean(across**2 * r)) * (0.5 if m else 1.0)
        swing = float(np.mean(across * r)) if m == 0 else edge * float(np.sqrt(mass))
        out.append((ratio, float(shape(face, m, root, np.array(offset))) * swing / mass))
    first = out[0][1]
    return tuple((ratio, weight / first) for ratio, weight in out)


def resonance(f: Signal, centre: float | Signal, q: float) -> Complex:
    """One resonance's response at `f` Hz (1 at its `centre`): 1 / (1 + j Q (f / f0 - f0 / f))."""
    f = np.maximum(np.asarray(f, dtype=np.float64), 1e-3)
    return np.asarray(1.0 / (1.0 + 1j * q * (f / centre - centre / f)))


def body(patch: Instrument, f: Signal) -> Complex:
    """What the body passes of the bridge's force at `f` Hz: the face's modes (face_response) and, at `air`
    against them, the tube's air (cavity); radiated as the frequency under c / 2 pi a (a the tube's
    radius), flat above; and past `top` Hz the face's mass passing less, 12 dB an octave."""
    f = np.asarray(f, dtype=np.float64)
    x = f * 2.0 * np.pi * patch.tube[1] / SOUND_SPEED
    driven = face_response(patch, f) + patch.air * cavity(patch, f)
    return np.asarray(driven * (1j * x / (1.0 + 1j * x)) / (1.0 + 1j * f / patch.top) ** 2)


def face_response(patch: Instrument, f: Signal) -> Complex:
    """The face's modes at `f` Hz (face_modes: each at its share of `first`, its weight), Q `face_q`."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for ratio, weight in face_modes(patch.face, patch.offset, patch.edge):
        out += weight * resonance(f, ratio * patch.first, patch.face_q)
    return np.asarray(out)


def cavity(patch: Instrument, f: Signal) -> Complex:
    """The tube's air at `f` Hz, open at the back: its quarter waves (2k - 1) c / 4 (L + 0.61 a) (`tube`:
    L its length, a its radius, the open end's correction), the k-th at 1 / (2k - 1), Q `tube_q`."""
    length, radius = patch.tube
    quarter = SOUND_SPEED / (4.0 * (length + 0.61 * radius))
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for k in (1, 3, 5):
        out += resonance(f, k * quarter, patch.tube_q) / k
    return np.asarray(out)


def sympathetic(patch: Instrument, f: Signal, tuning: float) -> Signal:
    """How much the open strings lift what sounds at `f` Hz: 1 + `sympathy` times the loudest of their
    harmonics' resonances (Q RING_Q) there, each string tuned `tuning` cents off A=440 as the band is."""
    f = np.asarray(f, dtype=np.float64)
    lift = np.zeros(f.shape)
    for string in patch.strings:
        hz = 440.0 * 2.0 ** ((string - 69.0 + tuning / 100.0) / 12.0)
        nearest = np.maximum(np.round(f / hz), 1.0)
        lift = np.maximum(lift, np.abs(resonance(f, nearest * hz, RING_Q)))
    return np.asarray(1.0 + patch.sympathy * lift)


def sawtooth(patch: Instrument, corner: Signal) -> Signal:
    """The bridge's force's harmonics (frames x HARMONICS) for a corner of `corner` harmonics in each
    frame: 1 / n, weakened to NODE where the bow sits on a node (|sin(pi n bow)|), falling as
    exp(-(n - 1) / corner)."""
    n = np.arange(1, HARMONICS + 1, dtype=np.float64)
    node = NODE + (1.0 - NODE) * np.abs(np.sin(np.pi * n * patch.bow))
    return np.asarray(node / n * np.exp(-(n - 1.0)[np.newaxis, :] / np.asarray(corner)[:, np.newaxis]))


def drawn_corner(patch: Instrument, velocity: int, frames: Signal) -> Signal:
    """The sawtooth's corner (harmonics) at `frames` s: `corner` at full velocity, half of it at none,
    and a third of that as the bow starts, sharpening as the motion settles over `settle` s."""
    played = patch.corner * (0.5 + 0.5 * velocity / 127.0)
    return np.asarray(played * (1.0 - (2.0 / 3.0) * np.exp(-frames / patch.settle)))


def harmonics(patch: Instrument, hz: float, velocity: int, frames: Signal, cents: Signal,
              sample_rate: int) -> Complex:  # fmt: skip
    """The note's harmonics (frames x HARMONICS, complex) at `frames` s, its pitch `cents` off `hz` in
    each: the sawtooth (its corner drawn_corner's) through the body at where each harmonic is then,
    lifted by the open strings in sympathy; none at or past 0.45 of the rate; the first never under
    FUNDAMENTAL_FLOOR of the loudest."""
    tuning = 100.0 * (12.0 * np.log2(hz / 440.0) - np.round(12.0 * np.log2(hz / 440.0)))
    f = hz * 2.0 ** (np.asarray(cents)[:, np.newaxis] / 1200.0) * np.arange(1, HARMONICS + 1)
    out = -1j * sawtooth(patch, drawn_corner(patch, velocity, frames)) * body(patch, f)
    out *= sympathetic(patch, f, tuning)
    out = np.where(f < 0.45 * sample_rate, out, 0.0)
    moduli = np.abs(out)
    floor = FUNDAMENTAL_FLOOR * moduli.max(axis=1)
    lift = np.where(moduli[:, 0] < floor, floor / np.maximum(moduli[:, 0], 1e-12), 1.0)
    out[:, 0] *= lift
    return np.asarray(out)


def levels(patch: Instrument, hz: float, velocity: int, frames: Signal, sample_rate: int) -> Signal:
    """The harmonics' levels (frames x HARMONICS) at `frames` s, the note held on its pitch."""
    return np.abs(harmonics(patch, hz, velocity, frames, np.zeros(frames.size), sample_rate))


@dataclass(frozen=True)
class Fingering:
    """One player's draws for a note: the slide's `start` (cents, signed), the vibrato's `phase` and
    `speed` (Hz), and the bow's turns (s from the note's start)."""

    start: float
    phase: float
    speed: float
    turns: tuple[float, ...]


def fingering(patch: Instrument, held: float, rng: np.random.Generator, first: bool) -> Fingering:
    """A player's draws (Fingering): the slide from up to `slide` cents above or below, the vibrato's
    phase and its speed within 5% of `rate`, and the bow's turns while the note is held, each stroke
    within a fifth of `stroke`; the `first` player of a section starts on a whole stroke, the others
    part of the way through one, so the section never turns together."""
    start = float(rng.choice((-1.0, 1.0)) * rng.uniform(0.3, 1.0) * patch.slide)
    phase = float(rng.uniform(0.0, 2.0 * np.pi))
    speed = patch.rate * float(1.0 + rng.uniform(-0.05, 0.05))
    turns: list[float] = []
    at = patch.stroke * float(rng.uniform(0.8, 1.2) if first else rng.uniform(0.2, 1.0))
    while at < held - patch.turn:
        turns.append(at)
        at += patch.stroke * float(rng.uniform(0.8, 1.2))
    return Fingering(start, phase, speed, tuple(turns))


def pitch(patch: Instrument, played: Fingering, offset: float, times: Signal) -> Signal:
    """A player's pitch (cents off the note) at `times` s: its `offset` in the section, the slide in
    from `start` dying over `glide` s, and the vibrato, eased in over 0.3 s from `delay`."""
    ease = np.clip((times - patch.delay) / 0.3, 0.0, 1.0)
    waver = patch.vibrato * ease * np.sin(played.phase + 2.0 * np.pi * played.speed * times)
    return np.asarray(offset + played.start * np.exp(-times / patch.glide) + waver)


def bowed(patch: Instrument, held: float, times: Signal, turns: tuple[float, ...]) -> Signal:
    """A player's level at `times` s: rising as the bow starts over `settle` s, held while bowed, each
    turn a dip of TURN_DEPTH (a raised cosine `turn` s long), and the string's ring once the bow leaves
    it (`level`'s last)."""
    held = max(held, _SHORTEST)
    on = 1.0 - np.exp(-np.minimum(times, held) / patch.settle)
    out = on * np.exp(-np.maximum(times - held, 0.0) / patch.level[3])
    for at in turns:
        inside = np.abs(times - at) < 0.5 * patch.turn
        out[inside] *= 1.0 - TURN_DEPTH * 0.5 * (
            1.0 + np.cos(2.0 * np.pi * (times[inside] - at) / patch.turn)
        )
    return np.asarray(out)


def length(patch: Instrument, held: float) -> float:
    """How long a note held `held` s sounds (s): while bowed and until the string has stopped ringing;
    and the fade at its cut end."""
    return max(held, _SHORTEST) + 6.0 * patch.level[3] + _FADE


def hissed(patch: Instrument, hz: float, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The bow hair's noise through the body, `size` samples: white noise from the note's frequency to
    0.45 of the rate through the body's response (its modulus), peak 1."""
    spectrum = np.fft.rfft(rng.standard_normal(size))
    f: Signal = np.fft.rfftfreq(size, 1.0 / sample_rate).astype(np.float64)
    band = (f >= hz) & (f <= 0.45 * sample_rate)
    shaped = np.zeros(f.size)
    shaped[band] = np.abs(body(patch, f[band]))
    out = np.fft.irfft(spectrum * shaped, size)
    return np.asarray(out / (float(np.abs(out).max()) or 1.0))


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, huqin_set: HuqinSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has stopped:
    each melodic note through its program's instrument, bent by `cents` (each note of a chord its own
    fiddler's); the drum channel through the set's kit, unbent. A program or a drum the set lacks is a
    KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, huqin_set, _SOUNDED, lambda p: False
    )


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a fiddler or a section to each) bowed for `held` seconds at
    `velocity`. What varies (the slides, the vibratos, the bow's turns, the hair's hiss, the phases) is
    drawn with `seed` (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times: Signal = np.arange(int(length(patch, held) * sample_rate)) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME

    def sound(hz: float) -> tuple[Signal, Signal]:
        players = [fingering(patch, held, rng, first=k == 0) for k in range(patch.voices)]
        offsets = patch.offsets
        tables = harmonics(patch, hz, velocity, frames, pitch(patch, players[0], offsets[0], frames),
                           sample_rate)  # fmt: skip
        tone = np.zeros(times.size)
        swell = np.zeros(times.size)
        for played, offset in zip(players, offsets, strict=True):
            late = float(rng.uniform(0.0, 2.0 * np.pi))
            bent = 2.0 ** (pitch(patch, played, offset, times) / 1200.0)
            turned = late + 2.0 * np.pi * hz * np.cumsum(bent) / sample_rate
            level = bowed(patch, held, times, played.turns)
            tone += level * struck_render.periods(tables, [turned], times, FRAME, TABLE)
            scraped = np.exp(-times / patch.settle) + sum(
                np.exp(-(((times - at) / patch.turn) ** 2)) for at in played.turns
            )
            swell += level * (1.0 + 3.0 * scraped)
        swell /= float(swell.max()) or 1.0
        return tone, patch.hiss * hissed(patch, hz, times.size, sample_rate, rng) * swell

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


# The chords: an erhu, D4 and A4 over a python skin on a hexagonal tube, its bridge a little under the
# skin's centre; a zhonghu, G3 and D4, a bigger tube and a slacker skin; a matouqin, C3 and F3 of
# horsehair bundles (the hairs a few cents apart: three voices) bowed from outside them, its box faced
# with wood, soft and breathy.
ERHU = Instrument("erhu", strings=(62.0, 69.0), bow=0.07, corner=10.0, first=560.0, face_q=9.0, offset=0.22,
                  edge=0.25, tube=(0.13, 0.044), air=0.5, tube_q=5.0, top=4500.0, sympathy=0.6,
                  hiss=0.025, settle=0.035, slide=70.0, glide=0.05, stroke=2.8, turn=0.05,
                  level=(0.0, 0.0, 1.0, 0.07), vibrato=14.0, rate=6.0, delay=0.2)  # fmt: skip
ZHONGHU = Instrument("zhonghu", strings=(55.0, 62.0), bow=0.08, corner=9.0, first=420.0, face_q=8.0,
                     offset=0.22, edge=0.25, tube=(0.15, 0.055), air=0.55, tube_q=5.0, top=3500.0,
                     sympathy=0.5, hiss=0.025, settle=0.04, slide=60.0, glide=0.055, stroke=3.0,
                     turn=0.055, level=(0.0, 0.0, 1.0, 0.09), vibrato=12.0, rate=5.5,
                     delay=0.22)  # fmt: skip
MATOUQIN = Instrument("matouqin", strings=(48.0, 53.0), bow=0.1, corner=7.0, face="board", first=300.0,
                      face_q=14.0, offset=0.3, edge=0.3, tube=(0.28, 0.09), air=0.6, tube_q=6.0,
                      top=4000.0, sympathy=0.3, hiss=0.05, settle=0.05, slide=50.0, glide=0.06,
                      stroke=3.2, turn=0.06, level=(0.0, 0.0, 1.0, 0.12), voices=3, detune=7.0,
                      vibrato=9.0, rate=5.0, delay=0.25)  # fmt: skip
# The basses: a gehu, C2, G2, D3 and A3, a Chinese orchestra's cello, a big tube under a big skin; a
# diyin gehu, E1, A1, D2 and G2, its bass, bigger still, its vibrato slower.
GEHU = Instrument("gehu", strings=(36.0, 43.0, 50.0, 57.0), bow=0.09, corner=11.0, first=180.0,
                  face_q=8.0, offset=0.25, edge=0.25, tube=(0.35, 0.16), air=0.55, tube_q=5.0,
                  top=2500.0, sympathy=0.5, hiss=0.02, settle=0.045, slide=40.0, glide=0.06, stroke=3.5,
                  turn=0.06, level=(0.0, 0.0, 1.0, 0.15), vibrato=10.0, rate=5.5, delay=0.25,
                  gain=1.2)  # fmt: skip
DIYIN_GEHU = Instrument("diyin gehu", strings=(28.0, 33.0, 38.0, 43.0), bow=0.1, corner=10.0, first=95.0,
                        face_q=7.0, offset=0.25, edge=0.25, tube=(0.5, 0.25), air=0.6, tube_q=5.0,
                        top=1800.0, sympathy=0.4, hiss=0.02, settle=0.06, slide=30.0, glide=0.07,
                        stroke=3.8, turn=0.07, level=(0.0, 0.0, 1.0, 0.2), vibrato=8.0, rate=5.0,
                        delay=0.3, gain=1.2)  # fmt: skip
# The leads: a jinghu, A4 and E5, a small bamboo tube and a tight skin, its bow stiff and drawn hard,
# bright and raspy, sliding fast with little vibrato; a gaohu, G4 and D5, its tube held between the knees
# that damp it; a banhu, G4 and D5, a thin board across a coconut shell, hard and bright; a haegeum, Eb4
# and Bb4, a paulownia board across a bamboo root, nasal, its slides wide and its vibrato slow.
JINGHU = Instrument("jinghu", strings=(69.0, 76.0), bow=0.06, corner=16.0, first=1250.0, face_q=5.0,
                    offset=0.2, edge=0.2, tube=(0.06, 0.025), air=0.5, tube_q=4.0, top=7000.0,
                    sympathy=0.6, hiss=0.05, settle=0.025, slide=90.0, glide=0.035, stroke=2.2,
                    turn=0.04, level=(0.0, 0.0, 1.0, 0.05), vibrato=8.0, rate=7.0, delay=0.15,
                    gain=0.9)  # fmt: skip
GAOHU = Instrument("gaohu", strings=(67.0, 74.0), bow=0.07, corner=12.0, first=860.0, face_q=6.0,
                   offset=0.3, edge=0.25, tube=(0.1, 0.035), air=0.45, tube_q=4.0, top=6000.0, sympathy=0.5,
                   hiss=0.03, settle=0.03, slide=70.0, glide=0.045, stroke=2.6, turn=0.045,
                   level=(0.0, 0.0, 1.0, 0.05), vibrato=13.0, rate=6.5, delay=0.18, gain=0.9)  # fmt: skip
BANHU = Instrument("banhu", strings=(67.0, 74.0), bow=0.065, corner=15.0, face="board", first=520.0,
                   face_q=18.0, offset=0.35, edge=0.35, tube=(0.09, 0.05), air=0.45, tube_q=8.0,
                   top=6500.0, sympathy=0.5, hiss=0.035, settle=0.03, slide=80.0, glide=0.04, stroke=2.5,
                   turn=0.045, level=(0.0, 0.0, 1.0, 0.06), vibrato=10.0, rate=6.0, delay=0.2,
                   gain=0.9)  # fmt: skip
HAEGEUM = Instrument("haegeum", strings=(63.0, 70.0), bow=0.08, corner=12.0, face="board", first=600.0,
                     face_q=12.0, offset=0.4, edge=0.3, tube=(0.12, 0.05), air=0.5, tube_q=6.0, top=5000.0,
                     sympathy=0.5, hiss=0.035, settle=0.04, slide=110.0, glide=0.08, stroke=2.8,
                     turn=0.05, level=(0.0, 0.0, 1.0, 0.07), vibrato=14.0, rate=5.0, delay=0.25,
                     gain=0.9)  # fmt: skip
# Held: a Chinese orchestra's gehu section and its zhonghu section, five players each a few cents apart,
# each sliding, vibrating and turning the bow on their own.
GEHU_SECTION = Instrument("gehu section", strings=(36.0, 43.0, 50.0, 57.0), bow=0.09, corner=10.0,
                          first=180.0, face_q=8.0, offset=0.25, edge=0.25, tube=(0.35, 0.16), air=0.55,
                          tube_q=5.0, top=2500.0, sympathy=0.4, hiss=0.015, settle=0.06, slide=30.0,
                          glide=0.07, stroke=3.5, turn=0.07, level=(0.0, 0.0, 1.0, 0.15), voices=5,
                          detune=8.0, vibrato=9.0, rate=5.5, delay=0.3, gain=1.2)  # fmt: skip
ZHONGHU_SECTION = Instrument("zhonghu section", strings=(55.0, 62.0), bow=0.08, corner=9.0, first=420.0,
                             face_q=8.0, offset=0.22, edge=0.25, tube=(0.15, 0.055), air=0.55, tube_q=5.0,
                             top=3500.0, sympathy=0.4, hiss=0.015, settle=0.05, slide=40.0, glide=0.06,
                             stroke=3.0, turn=0.06, level=(0.0, 0.0, 1.0, 0.1), voices=5, detune=8.0,
                             vibrato=10.0, rate=5.5, delay=0.25)  # fmt: skip


# General MIDI programs to instruments: the held tones; a song's chords on an erhu, a zhonghu and a
# matouqin; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: GEHU_SECTION,
        49: ZHONGHU_SECTION,
        40: ERHU,
        41: ZHONGHU,
        109: MATOUQIN,
        42: GEHU,
        43: DIYIN_GEHU,
        110: JINGHU,
        44: GAOHU,
        45: BANHU,
        111: HAEGEUM,
    }


def barrel(hz: float, ring: float) -> struck_render.Partials:
    """A barrel drum's head struck in its middle, its first mode at `hz`: the membrane's modes a stick
    there drives (MEMBRANE's m = 0, and the others a little, the stick never quite central), each at 1
    / its ratio of the first's level, dying over `ring` s over its ratio."""
    out = []
    for m, root in MEMBRANE[:5]:
        ratio = root / MEMBRANE[0][1]
        out.append((hz * ratio, (1.0 if m == 0 else 0.35) / ratio, ring / ratio))
    return tuple(out)


def _drums() -> dict[int, Struck]:
    return {
        # The tanggu struck in its middle by two sticks (the bass drum) and damped by the hand (the other).
        36: Struck(barrel(67.0, 0.045), (40.0, 900.0), 0.03, 1.3, sweep=0.5, glide=0.035),
        35: Struck(barrel(79.0, 0.03), (40.0, 700.0), 0.02, 1.2, sweep=0.4, glide=0.03),
        # The danpigu's small hard head cracked by its slim sticks (the snare) and at its edge (the
        # other); an erhu's tube knocked by the bow's frog (the side stick); the ban's hardwood plates
        # clapped, the third one late (the clap).
        38: Struck(
            ((1187.0, 0.35, 0.015), (1571.0, 0.3, 0.012), (2251.0, 0.25, 0.008), (3023.0, 0.2, 0.006)),
            (1800.0, 9000.0),
            0.03,
            0.9,
            grains=1,
            spread=0.006,
        ),
        40: Struck(((1529.0, 0.5, 0.012), (3323.0, 0.3, 0.006)), (2500.0, 9500.0), 0.02, 0.85),
        37: Struck(((947.0, 1.0, 0.015), (2711.0, 0.4, 0.006)), (900.0, 6000.0), 0.004, 0.6),
        39: Struck(
            ((1733.0, 0.5, 0.008), (4127.0, 0.3, 0.004)), (1200.0, 8000.0), 0.008, 0.85, grains=2, spread=0.02
        ),
        # Paigu, barrel drums at six sizes (the toms).
        41: Struck(barrel(103.0, 0.12), (80.0, 1200.0), 0.015, 0.9),
        43: Struck(barrel(121.0, 0.11), (90.0, 1400.0), 0.015, 0.9),
        45: Struck(barrel(139.0, 0.1), (100.0, 1700.0), 0.014, 0.9),
        47: Struck(barrel(163.0, 0.09), (120.0, 2000.0), 0.013, 0.9),
        48: Struck(barrel(187.0, 0.08), (140.0, 2400.0), 0.012, 0.9),
        50: Struck(barrel(219.0, 0.07), (160.0, 2800.0), 0.011, 0.9),
        # The xiaobo clashed and choked (the closed hat); the rosin cake drawn along the hair (the pedal
        # hat); the naobo clashed open (the open hat); the daluo, its pitch falling after the stroke
        # (the crash); the xiaoluo, its pitch rising (the ride); the pengling's cups struck together
        # (its bell).
        42: Struck(
            ((3917.0, 0.3, 0.006), (6133.0, 0.2, 0.004)),
            (4000.0, 10000.0),
            0.012,
            0.35,
            grains=2,
            spread=0.01,
        ),
        44: Struck((), (1500.0, 6000.0), 0.06, 0.3),
        46: Struck(
            ((2377.0, 0.3, 0.12), (3853.0, 0.25, 0.1), (5471.0, 0.2, 0.08)),
            (2500.0, 10000.0),
            0.18,
            0.35,
            grains=4,
            spread=0.04,
        ),
        49: Struck(
            ((211.0, 0.6, 0.35), (337.0, 0.4, 0.3), (523.0, 0.35, 0.25), (811.0, 0.25, 0.2)),
            (600.0, 6000.0),
            0.2,
            0.4,
            sweep=0.25,
            glide=0.25,
            grains=3,
            spread=0.06,
        ),
        51: Struck(
            ((613.0, 0.7, 0.15), (1187.0, 0.35, 0.1), (1903.0, 0.2, 0.06)),
            (1500.0, 8000.0),
            0.01,
            0.35,
            sweep=-0.35,
            glide=0.06,
        ),
        53: Struck(((3371.0, 0.6, 0.09), (7459.0, 0.3, 0.05)), (3000.0, 9500.0), 0.004, 0.35),
        # The bow's hair slapped on the strings (the tambourine); the yunluo's smallest gong (the
        # cowbell); a fingernail scratched across the skin (the cabasa); the horsehair shaken loose in
        # the frog (the maracas).
        54: Struck(
            ((1061.0, 0.3, 0.02), (2239.0, 0.2, 0.012)), (2000.0, 9000.0), 0.025, 0.4, grains=3, spread=0.03
        ),
        56: Struck(
            ((1319.0, 1.0, 0.06), (2861.0, 0.4, 0.035), (4517.0, 0.25, 0.02)), (900.0, 6000.0), 0.003, 0.4
        ),
        69: Struck((), (2500.0, 10000.0), 0.05, 0.4, grains=4, spread=0.05),
        70: Struck((), (3000.0, 10000.0), 0.03, 0.4, grains=3, spread=0.03),
        # The bangzi's two hardwood sticks (the claves); the muyu high and low (the wood blocks).
        75: Struck(((2207.0, 1.0, 0.014), (5953.0, 0.3, 0.006)), (2000.0, 9000.0), 0.002, 0.5),
        76: Struck(((1433.0, 1.0, 0.025), (3797.0, 0.3, 0.012)), (1000.0, 6000.0), 0.002, 0.5),
        77: Struck(((857.0, 1.0, 0.03), (2281.0, 0.3, 0.014)), (700.0, 5000.0), 0.002, 0.5),
    }


HUQIN_SET = HuqinSet(
    root=Path(__file__).with_name("huqin-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("huqin-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
HUQIN_SETS = {HUQIN_SET.root: HUQIN_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
