"""Notes to audio through tonewheel organs (drawbars summing a generator's sine wheels, key click,
percussion, leakage, a scanner's vibrato and chorus) and free reeds (accordions, a harmonium, a
harmonica, a melodica: reeds beating against each other under a bellows' pressure) in numpy, and an
organ's rhythm box."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy import signal

from soundforge.testing import struck_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

# The generator: a motor turning 20 times a second drives each pitch class's shaft through a gear
# pair of whole teeth (C's 85:104 ... A's 88:64, so that A is 440 Hz exactly), and a wheel with 2, 4,
# ... 256 teeth a revolution sounds each octave: every wheel within a cent of equal temperament, few
# of them on it. Its 91 wheels run from C1 (MIDI 24) to F#8 (MIDI 114).
MOTOR = 20.0  # turns a second, at A=440; a render bent by `cents` runs it that much faster or slower
GEARS = (
    (85, 104),
    (71, 82),
    (67, 73),
    (105, 108),
    (103, 100),
    (84, 77),
    (74, 64),
    (98, 80),
    (96, 74),
    (88, 64),
    (67, 46),
    (108, 70),
)
WHEELS = (24, 114)  # MIDI: the lowest wheel's pitch and the highest's
# The nine drawbars' footages (16', 5 1/3', 8', 4', 2 2/3', 2', 1 3/5', 1 1/3', 1') as semitones
# above the key's 8' wheel; a footage whose wheel would fall outside WHEELS folds back an octave
# (or two) inward, as the generator has no wheel there.
FOOTAGES = (-12, 7, 0, 12, 19, 24, 28, 31, 36)
DRAWBAR_STEP_DB = 3.0  # each drawbar step out is 3 dB louder; 0 is silent, 8 full
PERCUSSION = {2: 12, 3: 19}  # the percussion's harmonic to its footage (the 4' or the 2 2/3' wheel)
PERCUSSION_LEVEL = 0.7  # against a full drawbar
PERCUSSION_DECAYS = (0.15, 0.5)  # s: its decay's time constant, drawn (fast to slow)
CLICKS = (0.02, 0.12)  # a key's click at note on and off against a full drawbar, drawn
_CLICK_SECONDS = 0.006  # a click's burst of contact bounce
_CLICK_BAND = (700.0, 6000.0)  # Hz: where a click's noise sits
LEAKAGES = (0.002, 0.008)  # the wheels on a sounding wheel's shaft (its octaves) leak in this much, drawn
SCANNER_RATE = 6.87  # Hz: the vibrato scanner's turns a second
# The scanner's settings: its delay line's sway as cents of vibrato, and whether the dry sound is
# mixed back in (chorus).
SCANNER = {
    "off": (0.0, False),
    "V1": (5.0, False),
    "V2": (9.0, False),
    "V3": (14.0, False),
    "C1": (5.0, True),
    "C2": (9.0, True),
    "C3": (14.0, True),
}
# Classic registrations, the nine drawbars (0-8) from 16' to 1'; every one pulls the 8' out, so
# every key sounds its own pitch.
REGISTRATIONS = {
    "jazz": (8, 8, 8, 0, 0, 0, 0, 0, 0),
    "ballad": (8, 3, 8, 0, 0, 0, 0, 0, 0),
    "blues": (8, 8, 6, 0, 0, 0, 0, 0, 0),
    "gospel": (8, 8, 8, 8, 0, 0, 0, 0, 0),
    "full": (8, 8, 8, 8, 8, 8, 8, 8, 8),
    "whistle": (8, 8, 8, 0, 0, 0, 8, 8, 8),
    "flute": (0, 0, 8, 0, 0, 0, 0, 0, 0),
    "flute-octave": (0, 0, 8, 6, 0, 0, 0, 0, 0),
    "pedal": (8, 0, 8, 0, 0, 0, 0, 0, 0),
    "pedal-bright": (8, 0, 8, 4, 0, 0, 0, 0, 0),
    "strings": (0, 0, 6, 8, 7, 6, 5, 4, 0),
    "celeste": (0, 0, 5, 7, 6, 6, 5, 4, 0),
    "church": (8, 6, 8, 8, 6, 8, 0, 4, 4),
    "diapason": (6, 4, 8, 6, 4, 5, 0, 3, 2),
}
# Free reeds: a reed's harmonics fall by `slope` (a power of their number) when blown hard and by
# SOFT_SLOPE more when blown softly, odd ones raised by `odd` (a harmonica's and a melodica's
# chambers), all rolled off above `corner` Hz (an accordion's tone chamber, a harmonium's case).
REED_TONES = {
    "accordion": (1.0, 1.0, 3500.0),
    "harmonium": (1.3, 1.0, 2200.0),
    "harmonica": (1.1, 1.8, 4000.0),
    "melodica": (1.4, 2.2, 2800.0),
}
SOFT_SLOPE = 0.8
DETUNES = (6.0, 30.0)  # cents between a register's outermost reeds (musette), drawn
BELLOWS_DEPTHS = (0.03, 0.15)  # how far the bellows' pressure swells either side, drawn
BELLOWS_RATES = (0.15, 0.45)  # Hz: how slowly, drawn
_TABLE = 4096  # samples in one period of a reed's wave
_SALT = 2711  # mixed into every patch's draw and every note's seed


@dataclass(frozen=True)
class Organ:
    """A tonewheel organ: each key sounds the nine drawbars' wheels (REGISTRATIONS, by FOOTAGES,
    folded back at the generator's ends) as sines, each drawbar's step DRAWBAR_STEP_DB; a key struck
    alone or with a chord adds the `percussion` harmonic's wheel (0: none) decaying over
    `percussion_decay` (the 1' drawbar silent meanwhile, as on the organ), and clicks at note on and
    off (`click`); the wheels on each sounding wheel's shaft leak in at `leakage`; everything passes
    the scanner set to `scanner`. The keys have no touch: velocity moves nothing."""

    registration: tuple[int, ...]
    percussion: int
    percussion_decay: float
    click: float
    leakage: float
    scanner: str
    level: tuple[float, float]  # s: attack and release
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return True


@dataclass(frozen=True)
class Reeds:
    """Free reeds: each note sounds `reeds` reeds in each of `registers` (octaves above or below the
    note; 0 is always one), the reeds of a register spread evenly over `detune` cents around the
    note's pitch (musette: they beat against each other), each a REED_TONES wave (`reed`) whose
    harmonics brighten with the pressure; the bellows' pressure rises over the attack, swells by
    `bellows` (depth, rate) and falls over the release, louder and brighter with the velocity."""

    reed: str
    reeds: int
    detune: float
    registers: tuple[int, ...]
    bellows: tuple[float, float]
    level: tuple[float, float]  # s: attack and release
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return True

    @property
    def offsets(self) -> tuple[float, ...]:
        """Each reed's detuning in cents, symmetric around the note."""
        return tuple(float(c) for c in np.linspace(-self.detune / 2.0, self.detune / 2.0, self.reeds))


Patch = Organ | Reeds


@dataclass(frozen=True)
class Drum:
    """A rhythm box's sound: bridged-T resonators pinged (Hz, decay s each) and noise band-passed
    between `noise` (Hz, Hz; (0, 0): none) decaying over `decay` seconds."""

    resonators: tuple[tuple[float, float], ...]
    noise: tuple[float, float] = (0.0, 0.0)
    decay: float = 0.0
    gain: float = 1.0


Kit = struck_render.Kit[Drum]
# General MIDI programs to organ and reed patches and drums to a rhythm box's: what a render through
# the set may play.
TonewheelSet = struck_render.StruckSet[Patch, Drum]


def drawbars(program: int, registrations: tuple[str, ...], *, percussive: bool, scanners: tuple[str, ...],
             level: tuple[float, float] = (0.003, 0.03), gain: float = 1.0) -> Organ:  # fmt: skip
    """The organ patch a General MIDI program is mapped to: its registration and scanner setting
    drawn from those given, its percussion's harmonic (where `percussive`) and decay, its click and
    its leakage drawn by the program, the same on every run."""
    rng = np.random.default_rng([program, _SALT])
    registration = REGISTRATIONS[str(rng.choice(registrations))]
    percussion = int(rng.choice(tuple(PERCUSSION))) if percussive else 0
    decay = float(rng.uniform(*PERCUSSION_DECAYS))
    click = float(rng.uniform(*CLICKS))
    leakage = float(rng.uniform(*LEAKAGES))
    scanner = str(rng.choice(scanners))
    return Organ(registration, percussion, decay, click, leakage, scanner, level, gain)


def free_reeds(program: int, reed: str, switches: tuple[tuple[int, ...], ...], reeds: tuple[int, ...], *,
               level: tuple[float, float] = (0.03, 0.08), gain: float = 1.0) -> Reeds:  # fmt: skip
    """The reed patch a General MIDI program is mapped to: its register switch and its reeds a
    register drawn from those given, its musette's detune and its bellows' swell drawn by the
    program, the same on every run."""
    rng = np.random.default_rng([program, _SALT])
    registers = switches[int(rng.integers(len(switches)))]
    count = int(rng.choice(reeds))
    detune = float(rng.uniform(*DETUNES)) if count > 1 else 0.0
    bellows = (float(rng.uniform(*BELLOWS_DEPTHS)), float(rng.uniform(*BELLOWS_RATES)))
    return Reeds(reed, count, detune, registers, bellows, level, gain)


# General MIDI programs to organ and reed patches, as an organist's presets would be named for
# them: the organs as drawbar settings, the accordions, the harmonica and the reed organ as free
# reeds, a melodica for a lead, the strings and the choir as an organ's strings and a harmonium.
TONEWHEEL = TonewheelSet(
    root=Path(__file__).with_name("tonewheel-patches"),
    programs={
        # Chords: a drawbar organ, a percussive organ, a rock organ, a harmonium, an accordion.
        16: drawbars(16, ("jazz", "ballad", "blues"), percussive=True, scanners=("C3", "V2")),
        17: drawbars(17, ("jazz", "ballad"), percussive=True, scanners=("off", "C1"), gain=1.1),
        18: drawbars(18, ("full", "gospel"), percussive=False, scanners=("C3", "V3"), gain=0.9),
        20: free_reeds(20, "harmonium", ((0,), (-1, 0)), (1, 2), level=(0.06, 0.1)),
        21: free_reeds(21, "accordion", ((0,), (0, 1), (-1, 0, 1)), (2, 3)),
        # Basses: an organ's pedals, an accordion's bass reeds.
        32: drawbars(32, ("pedal", "pedal-bright"), percussive=False, scanners=("off",), gain=1.3),
        33: free_reeds(33, "accordion", ((-1, 0),), (1, 2), level=(0.02, 0.06), gain=1.3),
        # Leads: a harmonica, a melodica, a bandoneon's right hand, an organ's flute, a full organ.
        22: free_reeds(22, "harmonica", ((0,),), (1, 2), level=(0.02, 0.05)),
        68: free_reeds(68, "melodica", ((0,),), (1,), level=(0.015, 0.05)),
        23: free_reeds(23, "accordion", ((0,), (-1, 0)), (2,), gain=0.9),
        73: drawbars(73, ("flute", "flute-octave"), percussive=False, scanners=("V3", "V2")),
        81: drawbars(81, ("full", "whistle"), percussive=True, scanners=("C3",), gain=0.9),
        # Held (what held tones and free-time chords play, with no pulse of their own): an organ's
        # strings and its church stops, and a harmonium's voix celeste.
        48: drawbars(48, ("strings", "celeste"), percussive=False, scanners=("C3", "C2"), level=(0.08, 0.2)),
        19: drawbars(19, ("church", "diapason"), percussive=False, scanners=("off", "C1"), level=(0.05, 0.3)),
        52: free_reeds(52, "harmonium", ((0,), (0, 1)), (3,), level=(0.2, 0.3)),
    },
    drums=Kit(
        kit=Path(__file__).with_name("tonewheel-patches") / "rhythm-box",
        drums={
            36: Drum(((58.0, 0.16),), gain=1.4),  # a kick: a low resonator pinged
            37: Drum(((1700.0, 0.01),), (2000.0, 6000.0), 0.008, gain=0.8),  # a rimshot
            38: Drum(((190.0, 0.05), (330.0, 0.04)), (1500.0, 8000.0), 0.1),  # a snare
            39: Drum((), (900.0, 4500.0), 0.07, gain=0.8),  # a clap: noise alone
            42: Drum((), (7000.0, 10000.0), 0.03, gain=0.5),  # a closed hat
            44: Drum((), (6000.0, 10000.0), 0.015, gain=0.35),  # a pedalled hat
            46: Drum((), (5500.0, 10000.0), 0.2, gain=0.45),  # an open hat
            51: Drum(((3100.0, 0.3), (4700.0, 0.25)), (4000.0, 10000.0), 0.45, gain=0.3),  # a ride
            54: Drum((), (4500.0, 10000.0), 0.07, gain=0.4),  # a tambourine
            56: Drum(((540.0, 0.07), (800.0, 0.07)), gain=0.45),  # a cowbell's two tones
            60: Drum(((420.0, 0.05),), gain=0.6),  # a high bongo
            61: Drum(((300.0, 0.07),), gain=0.6),  # a low bongo
            62: Drum(((330.0, 0.03),), (800.0, 3000.0), 0.01, gain=0.6),  # a muted conga
            63: Drum(((260.0, 0.1),), gain=0.6),  # an open conga
            64: Drum(((190.0, 0.13),), gain=0.6),  # a low conga
            70: Drum((), (5000.0, 10000.0), 0.035, gain=0.35),  # maracas
            75: Drum(((2500.0, 0.02),), gain=0.5),  # claves
        },
    ),
    drum_gain=0.9,
)
# The tonewheel sets a render may name in place of a soundfont (midi_render.render_notes).
TONEWHEEL_SETS = {TONEWHEEL.root: TONEWHEEL}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, tonewheel_set: TonewheelSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch, bent by `cents` (the notes a channel
    strikes together one sound: one set of wheels, one bellows); the drum channel through the set's
    kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, tonewheel_set, _SOUNDED, lambda patch: True
    )


def wheel_hz(wheel: int, bend: float = 1.0) -> float:
    """A wheel's frequency (its MIDI number within WHEELS), the motor's speed scaled by `bend`."""
    teeth, driver = GEARS[wheel % 12]
    return MOTOR * bend * teeth / driver * 2.0 ** (1 + (wheel - WHEELS[0]) // 12)


def fold(wheel: int) -> int:
    """The wheel a footage plays where the generator has none: an octave (or more) inward."""
    while wheel < WHEELS[0]:
        wheel += 12
    while wheel > WHEELS[1]:
        wheel -= 12
    return wheel


def drawbar_level(step: int) -> float:
    return 0.0 if step <= 0 else 10.0 ** (-DRAWBAR_STEP_DB * (8 - step) / 20.0)


def voice(patch: Patch, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The patch playing `pitches` (fractional MIDI, struck together) for `held` seconds, then its
    release; what varies (wheel phases, clicks, the bellows' swell) drawn with `seed` (the note's
    own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    attack, release = patch.level
    size = int((held + release) * sample_rate)
    times = np.arange(size) / sample_rate
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    ending = np.clip((held + release - times) / release, 0.0, 1.0)
    if isinstance(patch, Organ):
        sound = _organ(patch, pitches, held, times, sample_rate, rng, rise * ending)
    else:
        sound = _reeds(patch, pitches, velocity, times, sample_rate, rng) * rise * ending
    return (0.25 * patch.gain * sound).astype(np.float32)


def _organ(patch: Organ, pitches: tuple[float, ...], held: float, times: Signal, sample_rate: int,
           rng: np.random.Generator, level: Signal) -> Signal:  # fmt: skip
    """The wheels the keys sound, summed as sines through the scanner under `level`, the percussion
    and the clicks; scaled so that one key's peak stays under 1."""
    wheels: dict[int, float] = {}
    percussion: dict[int, float] = {}
    registration = list(patch.registration)
    if patch.percussion:
        registration[-1] = 0
    for pitch in pitches:
        key = round(pitch)
        for offset, step in zip(FOOTAGES, registration, strict=True):
            if step:
                wheel = fold(key + offset)
                wheels[wheel] = wheels.get(wheel, 0.0) + drawbar_level(step)
        if patch.percussion:
            wheel = fold(key + PERCUSSION[patch.percussion])
            percussion[wheel] = percussion.get(wheel, 0.0) + PERCUSSION_LEVEL
    for wheel, amplitude in list(wheels.items()):
        for neighbour in (wheel - 12, wheel + 12):
            if WHEELS[0] <= neighbour <= WHEELS[1]:
                wheels[neighbour] = wheels.get(neighbour, 0.0) + patch.leakage * amplitude
    bend = 2.0 ** ((pitches[0] - round(pitches[0])) / 12.0)
    depth, chorus = SCANNER[patch.scanner]
    sway = depth * np.log(2.0) / 1200.0 / (2.0 * np.pi * SCANNER_RATE)
    late = times - sway * np.sin(2.0 * np.pi * SCANNER_RATE * times + float(rng.uniform(0.0, 2.0 * np.pi)))

    def sines(amplitudes: dict[int, float]) -> Signal:
        out = np.zeros(times.size)
        for wheel, amplitude in sorted(amplitudes.items()):
            hz = wheel_hz(wheel, bend)
            if hz >= 0.45 * sample_rate:
                continue
            phase = float(rng.uniform(0.0, 2.0 * np.pi))
            wet = np.sin(2.0 * np.pi * hz * late + phase)
            out += amplitude * (0.5 * (wet + np.sin(2.0 * np.pi * hz * times + phase)) if chorus else wet)
        return out

    sound = sines(wheels) * level
    if percussion:
        sound += sines(percussion) * level * np.exp(-times / patch.percussion_decay)
    for at in (0.0, held):  # a key's contacts close, then open
        start = min(int(at * sample_rate), times.size - 1)
        burst = click_burst(sample_rate, rng)[: times.size - start]
        sound[start : start + burst.size] += patch.click * burst
    per_key = sum(drawbar_level(s) for s in registration) * (1.0 + 2.0 * patch.leakage)
    most = per_key + (PERCUSSION_LEVEL if patch.percussion else 0.0) + patch.click
    return np.asarray(sound / (most * np.sqrt(len(pitches))))


def click_burst(sample_rate: int, rng: np.random.Generator) -> Signal:
    """A key's contact bounce: a few milliseconds of band-passed noise dying away, peaking at 1."""
    size = int(_CLICK_SECONDS * sample_rate)
    times = np.arange(size) / sample_rate
    sos = signal.butter(
        2,
        (_CLICK_BAND[0], min(_CLICK_BAND[1], 0.45 * sample_rate)),
        btype="bandpass",
        fs=sample_rate,
        output="sos",
    )
    burst = signal.sosfilt(sos, rng.standard_normal(size)) * np.exp(-times / (_CLICK_SECONDS / 5.0))
    return np.asarray(burst / (float(np.abs(burst).max()) or 1.0))


@functools.lru_cache(maxsize=512)
def reed_table(reed: str, hz: float, sample_rate: int, soft: bool) -> Signal:
    """One period of a reed's wave at `hz` (_TABLE samples), its harmonics below 0.45 of the rate
    only, peaking at 1: blown hard, or softly (its harmonics falling SOFT_SLOPE faster)."""
    slope, odd, corner = REED_TONES[reed]
    count = max(1, min(_TABLE // 2 - 1, int(0.45 * sample_rate / hz)))
    harmonics = np.arange(1, count + 1)
    amplitudes = harmonics ** -(slope + (SOFT_SLOPE if soft else 0.0))
    amplitudes = amplitudes * np.where(harmonics % 2 == 1, odd, 1.0) / (1.0 + (harmonics * hz / corner) ** 2)
    spectrum = np.zeros(_TABLE // 2 + 1, dtype=complex)
    spectrum[1 : count + 1] = -1j * amplitudes
    table = np.fft.irfft(spectrum, _TABLE)
    return np.asarray(table / float(np.abs(table).max()))


def _read(table: Signal, hz: float, times: Signal, start: float) -> Signal:
    """`table` read at `hz` from phase `start` (in periods), between its samples."""
    where = ((start + hz * times) % 1.0) * _TABLE
    below = where.astype(np.int64)
    share = where - below
    return np.asarray(table[below % _TABLE] * (1.0 - share) + table[(below + 1) % _TABLE] * share)


def _reeds(patch: Reeds, pitches: tuple[float, ...], velocity: int, times: Signal, sample_rate: int,
           rng: np.random.Generator) -> Signal:  # fmt: skip
    """Every reed of every register of every note, each a blend of its soft and its hard wave by the
    pressure, under the bellows' swell; scaled so that one note's peak stays under 1."""
    depth, rate = patch.bellows
    swell = 1.0 + depth * np.sin(2.0 * np.pi * rate * times + float(rng.uniform(0.0, 2.0 * np.pi)))
    touch = 0.4 + 0.6 * velocity / 127.0
    pressure = touch * swell / (1.0 + depth)
    out = np.zeros(times.size)
    for pitch in pitches:
        for octave in patch.registers:
            for cents in patch.offsets:
                hz = 440.0 * 2.0 ** ((pitch + 12 * octave + cents / 100.0 - 69.0) / 12.0)
                if hz >= 0.45 * sample_rate:
                    continue
                start = float(rng.uniform())
                soft = _read(reed_table(patch.reed, hz, sample_rate, True), hz, times, start)
                hard = _read(reed_table(patch.reed, hz, sample_rate, False), hz, times, start)
                out += (1.0 - pressure) * soft + pressure * hard
    reeds = patch.reeds * len(patch.registers)
    return np.asarray(out * pressure / (reeds * np.sqrt(len(pitches))))


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: its resonators ringing from a ping and its band-passed noise, each under its decay;
    its noise seeded by the drum."""
    length = 5.0 * max([drum.decay, *(decay for _, decay in drum.resonators)])
    times = np.arange(int(length * sample_rate) + 1) / sample_rate
    strength = 0.4 + 0.6 * velocity / 127.0
    out = np.zeros(times.size)
    for hz, decay in drum.resonators:
        out += np.sin(2.0 * np.pi * hz * times) * np.exp(-times / decay) / len(drum.resonators)
    high = drum.noise[1]
    if high:
        noise = struck_render.band_noise(_SALT, drum.noise, drum.decay, times.size, sample_rate)
        out += noise * np.exp(-times / drum.decay)
    out *= strength * np.clip((times[-1] - times) / 0.005, 0.0, 1.0)  # rung out by its end
    return (0.25 * drum.gain * out / (2.0 if drum.resonators and high else 1.0)).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Patch, Drum] = struck_render.Sounded(voice, _hit, 2048)
