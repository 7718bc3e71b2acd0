"""Notes to audio through vocoder and talk-box patches (a carrier split into band-pass bands, each
band's level following a modulator's, or a carrier through a moving vowel filter) in numpy, and a
drum machine."""

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

KINDS = ("vocoder", "talkbox", "robot")
CARRIERS = ("saw", "pulse", "stack", "buzz")  # and noise, the sibilance's and the drums'
MODULATORS = ("vowels", "whisper", "gate")
BAND_COUNTS = (12, 32)  # the fewest and the most bands a patch's filter bank is drawn with
FOLLOWER_ATTACKS = (0.004, 0.02)  # s: an envelope follower's attack, drawn
FOLLOWER_RELEASES = (0.03, 0.12)  # s: and its release, drawn
SIBILANCES = (0.0, 0.3)  # the share of noise a patch passes through its top bands, drawn
SIBILANT = 3500.0  # Hz: bands centred above this pass the noise through
BANK = (
    60.0,
    7000.0,
)  # Hz: the filter bank's lowest band's centre and its highest's (at most 0.45 of the rate)
CONTROL = 160  # samples: the followers' step, and one period of a voiced modulator (137.8 Hz at 22050)
# Vowels by their first three formants (Hz), as a speaker's vocal tract shapes them.
VOWELS = {
    "a": (730.0, 1090.0, 2440.0),
    "e": (530.0, 1840.0, 2480.0),
    "i": (270.0, 2290.0, 3010.0),
    "o": (570.0, 840.0, 2410.0),
    "u": (300.0, 870.0, 2240.0),
}
_FORMANT_WIDTHS = (90.0, 110.0, 170.0)  # Hz: each formant's bandwidth
_FORMANT_LEVELS = (1.0, 0.6, 0.3)
_TALKBOX_FLOOR = 0.05  # a talk-box's tube passes this much between its formants
_GLIDE = 0.05  # s: a vowel glides into the next over this long
_DUTY = 0.3  # the pulse carrier's duty cycle
_GATE_OPEN = 0.6  # a rhythmic gate's step is open this share of its length
_GATE_EDGE = 0.004  # s: how fast a gate opens and shuts
_TAIL = 5.0  # a patch that does not sustain sounds at most this many of its decays
_SALT = 2603  # mixed into every patch's draw and every note's modulator seed


@dataclass(frozen=True)
class Patch:
    """A vocoder, talk-box or robot-voice patch. Its carrier (a band-limited saw, a pulse of _DUTY,
    a saw stacked with its octave, or a buzz: equal harmonics up to the rate's limit, a robot's fixed
    pitch) sounds every note struck together at once, at the notes' exact pitches (a chord stacks
    them), and is split into `bands` band-pass bands centred between BANK's ends (bank). A
    vocoder's (and a robot voice's) bands follow the levels of the same bands of a modulator,
    synthetic speech computed with the note: vowels sung at a voiced speaker's pitch that glide one
    into the next every `syllable` seconds (`vowels` in turn), a whispered burst of noise shaped by
    them that dies away over `syllable`, or a rhythmic gate opening `steps` times evenly over the
    note; each band's follower rises at `follower`'s attack and falls at its release, reading the
    modulator one of its periods at a time (CONTROL), so a voiced speaker's pitch leaves no ripple.
    A talk-box's bands instead follow the gains a tube's vowel filter gives their centres as its
    formants move between `vowels`. The top bands pass `sibilance` of noise through where the
    modulator hisses; `bleed` of the dry carrier sounds under it all. The amplitude follows `level`
    (attack, decay, sustain share, release), scaled by the velocity."""

    kind: str
    carrier: str
    modulator: str
    level: tuple[float, float, float, float]
    bands: int
    follower: tuple[float, float]
    sibilance: float
    vowels: tuple[str, ...] = ("a", "o", "e")
    syllable: float = 0.3
    steps: int = 2
    bleed: float = 0.1
    gain: float = 1.0  # levels it against the set's other patches

    @property
    def sustained(self) -> bool:
        return self.level[2] > 0.0


@dataclass(frozen=True)
class Drum:
    """A drum machine's sound: noise band-passed between `noise` (Hz, Hz; (0, 0): none) decaying over
    `decay` seconds, over a sine dropping from `drop` (Hz from, Hz to, over seconds; from 0: none)
    whose level decays over `body` seconds."""

    noise: tuple[float, float]
    decay: float
    drop: tuple[float, float, float] = (0.0, 0.0, 0.0)
    body: float = 0.0
    gain: float = 1.0


Kit = struck_render.Kit[Drum]
# General MIDI programs to vocoder patches and drums to a drum machine's: what a render through
# the set may play.
VocoderSet = struck_render.StruckSet[Patch, Drum]


def drawn(program: int, kind: str, modulator: str, level: tuple[float, float, float, float], *,
          vowels: tuple[str, ...] = ("a", "o", "e"), syllable: float = 0.3, steps: int = 2,
          bleed: float = 0.1, gain: float = 1.0) -> Patch:  # fmt: skip
    """The patch a General MIDI program is mapped to: its kind, modulator, level and speech as given,
    its band count, its follower's attack and release, its sibilance and (a robot's buzz aside) its
    carrier drawn by the program, the same on every run."""
    rng = np.random.default_rng([program, _SALT])
    bands = int(rng.integers(BAND_COUNTS[0], BAND_COUNTS[1] + 1))
    follower = (float(rng.uniform(*FOLLOWER_ATTACKS)), float(rng.uniform(*FOLLOWER_RELEASES)))
    sibilance = float(rng.uniform(*SIBILANCES))
    carrier = "buzz" if kind == "robot" else str(rng.choice(CARRIERS[:3]))
    return Patch(
        kind, carrier, modulator, level, bands, follower, sibilance, vowels, syllable, steps, bleed, gain
    )


# General MIDI programs to vocoder patches, as a vocoder's presets would be named for them: the
# synthetic voices and choirs as vocoders singing vowels, an organ and a lead through a talk-box, a
# brass and a bass and a lead as robot voices, a pad and a lead whispered.
VOCODER = VocoderSet(
    root=Path(__file__).with_name("vocoder-patches"),
    programs={
        # Chords: a vocoder choir singing a-o-e, a choir pad whispered, an organ through a talk-box
        # saying "wow", synth brass as a robot voice on i-a.
        54: drawn(54, "vocoder", "vowels", (0.02, 0.6, 0.8, 0.12), vowels=("a", "o", "e"), syllable=0.35),
        91: drawn(91, "vocoder", "whisper", (0.05, 0.8, 0.6, 0.2), vowels=("e", "a"), syllable=0.6, gain=1.2),
        17: drawn(17, "talkbox", "vowels", (0.005, 0.5, 0.7, 0.08), vowels=("u", "a", "u"), syllable=0.25),
        63: drawn(63, "robot", "vowels", (0.01, 0.4, 0.75, 0.08), vowels=("i", "a"), syllable=0.2, gain=0.9),
        # Basses: a robot bass gated in two steps a note, a vocoder bass saying "oh".
        38: drawn(38, "robot", "gate", (0.003, 0.3, 0.6, 0.05), vowels=("o",), steps=2, bleed=0.25, gain=1.3),
        39: drawn(39, "vocoder", "vowels", (0.004, 0.35, 0.5, 0.06), vowels=("o", "u"), bleed=0.25, gain=1.3),
        # Leads: a vocoder voice lead, a talk-box calliope, a gated robot lead, a whispered square.
        85: drawn(85, "vocoder", "vowels", (0.01, 0.4, 0.8, 0.06), vowels=("a", "i", "o"), syllable=0.15),
        82: drawn(82, "talkbox", "vowels", (0.01, 0.5, 0.8, 0.06), vowels=("i", "a", "o"), syllable=0.12),
        87: drawn(87, "robot", "gate", (0.004, 0.3, 0.7, 0.05), vowels=("a",), steps=2, gain=0.9),
        80: drawn(80, "vocoder", "whisper", (0.005, 0.3, 0.5, 0.05), vowels=("i", "e"), syllable=0.3),
        # Held (what held tones and free-time chords play, with no pulse of their own): vocoder strings
        # and a vocoder choir gliding slowly between vowels, a pad through a talk-box.
        48: drawn(48, "vocoder", "vowels", (0.2, 1.0, 0.9, 0.3), vowels=("a", "o"), syllable=1.2),
        52: drawn(52, "vocoder", "vowels", (0.25, 1.0, 0.9, 0.3), vowels=("o", "a", "e"), syllable=1.5),
        89: drawn(89, "talkbox", "vowels", (0.3, 1.0, 0.9, 0.4), vowels=("u", "o", "a"), syllable=1.8),
    },
    drums=Kit(
        kit=Path(__file__).with_name("vocoder-patches") / "drum-machine",
        drums={
            35: Drum((0.0, 0.0), 0.0, drop=(120.0, 42.0, 0.12), body=0.18, gain=1.3),  # a long kick
            36: Drum((1500.0, 6000.0), 0.01, drop=(160.0, 48.0, 0.07), body=0.12, gain=1.3),
            37: Drum((2500.0, 9000.0), 0.02, gain=0.8),  # a rimshot's tick
            38: Drum((900.0, 8000.0), 0.12, drop=(220.0, 170.0, 0.03), body=0.05),  # a snare
            39: Drum((800.0, 4000.0), 0.09, gain=0.9),  # a clap
            40: Drum((1500.0, 9500.0), 0.07, gain=0.9),  # a dry snare: noise alone
            41: Drum((0.0, 0.0), 0.0, drop=(105.0, 72.0, 0.12), body=0.2),  # toms
            42: Drum((6000.0, 10000.0), 0.03, gain=0.5),  # a closed hat
            44: Drum((6000.0, 10000.0), 0.015, gain=0.35),  # a pedalled hat
            45: Drum((0.0, 0.0), 0.0, drop=(140.0, 95.0, 0.1), body=0.16),
            46: Drum((5000.0, 10000.0), 0.22, gain=0.45),  # an open hat
            48: Drum((0.0, 0.0), 0.0, drop=(190.0, 130.0, 0.09), body=0.14),
            49: Drum((3000.0, 10000.0), 0.9, gain=0.45),  # a crash
            51: Drum((4000.0, 10000.0), 0.4, gain=0.3),  # a ride
            54: Drum((5000.0, 10000.0), 0.06, gain=0.35),  # a tambourine
            56: Drum((700.0, 1800.0), 0.08, gain=0.5),  # a cowbell's clank, noise in its band
            75: Drum((1800.0, 3200.0), 0.03, gain=0.6),  # claves
        },
    ),
    drum_gain=0.9,
)
# The vocoder sets a render may name in place of a soundfont (midi_render.render_notes).
VOCODER_SETS = {VOCODER.root: VOCODER}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, vocoder_set: VocoderSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's patch, bent by `cents` (the notes a channel
    strikes together through one filter bank, their carriers stacked); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, vocoder_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Patch, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The patch playing `pitches` (fractional MIDI, struck together) for `held` seconds, then its
    release; its modulator drawn with `seed` (the note's own, note_rng, where None)."""
    _, decay, _, release = patch.level
    sounding = held if patch.sustained else min(held, _TAIL * decay)
    size = int((sounding + release) * sample_rate)
    times = np.arange(size) / sample_rate
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    carrier = sum(carrier_wave(patch.carrier, _hz(p), times, sample_rate) for p in pitches)
    carrier = np.asarray(carrier) / np.sqrt(len(pitches))
    bands = split(carrier, patch.bands, sample_rate)
    if patch.kind == "talkbox":
        gains = talkbox_gains(patch, size, sample_rate, rng)
    else:
        modulator = modulator_wave(patch, held, size, sample_rate, rng)
        gains = follow(split(modulator, patch.bands, sample_rate), patch.follower, sample_rate)
    gains = gains / (float(gains.max()) or 1.0)
    sibilant = centres(patch.bands, sample_rate) > SIBILANT
    if patch.sibilance and sibilant.any():
        noise = rng.standard_normal(size) * float(np.sqrt(np.mean(carrier**2)))
        hiss = split(noise, patch.bands, sample_rate)[sibilant]
        bands[sibilant] = (1.0 - patch.sibilance) * bands[sibilant] + patch.sibilance * hiss
    sound = np.sum(bands * gains, axis=0) + patch.bleed * carrier
    level = _envelope(patch, velocity, held, times)
    return (0.25 * patch.gain * level * sound / (1.0 + patch.bleed)).astype(np.float32)


def _hz(pitch: float) -> float:
    return 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)


def carrier_wave(carrier: str, hz: float, times: Signal, sample_rate: int) -> Signal:
    """One note's carrier at exactly `hz`, band-limited (a polyBLEP saw or pulse, a saw with its
    octave, a buzz of equal harmonics below 0.45 of the rate), about as loud as a saw."""
    step = hz / sample_rate
    phase = (hz * times) % 1.0
    if carrier == "saw":
        return 2.0 * phase - 1.0 - 2.0 * _blep(phase, step)
    if carrier == "stack":
        upper = (2.0 * hz * times) % 1.0
        return (2.0 * phase - 1.0 - 2.0 * _blep(phase, step)) + 0.5 * (
            2.0 * upper - 1.0 - 2.0 * _blep(upper, 2.0 * step)
        )
    if carrier == "pulse":
        wave = (phase < _DUTY).astype(np.float64) - _DUTY
        return 2.0 * (wave + _blep(phase, step) - _blep((phase - _DUTY) % 1.0, step))
    if carrier == "buzz":
        count = max(1, int(0.45 * sample_rate / hz))
        half = np.pi * phase
        with np.errstate(divide="ignore", invalid="ignore"):
            kernel = np.sin((2 * count + 1) * half) / np.sin(half)
        kernel = np.where(np.abs(np.sin(half)) < 1e-9, 2.0 * count + 1.0, kernel)
        return (kernel - 1.0) / count
    raise KeyError(carrier)


def _blep(where: Signal, step: float) -> Signal:
    """The polynomial residual that turns a naive unit step at a cycle's start into a band-limited one."""
    out = np.zeros_like(where)
    after = where < step
    x = where[after] / step
    out[after] = 2.0 * x - x * x - 1.0
    before = where > 1.0 - step
    x = (where[before] - 1.0) / step
    out[before] = x * x + 2.0 * x + 1.0
    return 0.5 * out


def centres(bands: int, sample_rate: int) -> Signal:
    """Each band's centre: `bands` frequencies spaced evenly in log between BANK's ends."""
    return np.geomspace(BANK[0], min(BANK[1], 0.45 * sample_rate), bands)


@functools.lru_cache(maxsize=8)
def bank(bands: int, size: int, sample_rate: int) -> Signal:
    """The filter bank's bands over the bins of a `size`-sample spectrum: each band a triangle in log
    frequency from its lower neighbour's centre up to its own and down to its upper neighbour's (the
    lowest band passing everything under its centre, the highest everything above), so the bands sum
    to one at every frequency and each passes a frequency at zero phase: bands that share a note's
    harmonic add, never cancel, however their levels move."""
    frequencies = np.log(np.maximum(np.fft.rfftfreq(size, 1.0 / sample_rate), 1.0))
    where = np.log(centres(bands, sample_rate))
    return np.stack([np.interp(frequencies, where, np.eye(bands)[band]) for band in range(bands)])


def split(samples: Signal, bands: int, sample_rate: int) -> Signal:
    """`samples` through each band of the bank (rows); the rows sum to `samples`."""
    spectrum = np.fft.rfft(samples)
    return np.fft.irfft(spectrum[None, :] * bank(bands, samples.size, sample_rate), n=samples.size)


def vowel_track(patch: Patch, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """Per sample, how far along `patch.vowels` the speech is (0 the first vowel, 1 the next, ...):
    each vowel held for a syllable, gliding into the next over _GLIDE, the sequence started at a
    vowel the note draws."""
    first = int(rng.integers(len(patch.vowels)))
    seconds = np.arange(size) / sample_rate
    syllable = np.floor(seconds / patch.syllable)
    into = np.clip((seconds - syllable * patch.syllable) / _GLIDE, 0.0, 1.0)
    return np.asarray(first + np.maximum(0.0, syllable - 1.0 + into))


def _vowel_weights(patch: Patch, track: Signal) -> list[tuple[str, Signal]]:
    """Each of `patch.vowels`' share of the speech along `track` (shares sum to one)."""
    count = len(patch.vowels)
    shares: dict[str, Signal] = {}
    for k in range(count):
        near = np.clip(1.0 - np.abs(((track - k + count / 2) % count) - count / 2), 0.0, 1.0)
        vowel = patch.vowels[k]
        shares[vowel] = shares.get(vowel, 0.0) + near
    return list(shares.items())


def modulator_wave(
    patch: Patch, held: float, size: int, sample_rate: int, rng: np.random.Generator
) -> Signal:
    """The synthetic speech a vocoder's bands follow: vowels voiced at one pitch (a period of CONTROL
    samples) gliding from one to the next; a whispered burst (noise through the vowels) struck with
    the note and dying away over a syllable; or the vowels gated open `steps` times evenly over the
    note, each step open _GATE_OPEN of it."""
    times = np.arange(size) / sample_rate
    if patch.modulator == "whisper":
        source = rng.standard_normal(size)
    else:
        source = np.zeros(size)
        source[::CONTROL] = 1.0  # a glottal pulse a period
        source = signal.lfilter([1.0], [1.0, -0.9], source)  # its tilt: a voice falls 6 dB an octave
    speech = np.zeros(size)
    for vowel, share in _vowel_weights(patch, vowel_track(patch, size, sample_rate, rng)):
        if share.any():
            shaped = _formants(source, VOWELS[vowel], sample_rate)
            speech += share * shaped / (float(np.sqrt(np.mean(shaped**2))) or 1.0)
    if patch.modulator == "whisper":
        rise = np.minimum(1.0, times / 0.01)
        return np.asarray(speech * rise * np.exp(-times / patch.syllable))
    if patch.modulator == "gate":
        step = max(held, 1.0 / sample_rate) / patch.steps
        where = (times % step) / step
        opening = np.clip(where * step / _GATE_EDGE, 0.0, 1.0)
        shutting = np.clip((_GATE_OPEN - where) * step / _GATE_EDGE, 0.0, 1.0)
        return np.asarray(speech * np.minimum(opening, shutting))
    return speech


def _formants(source: Signal, formants: tuple[float, float, float], sample_rate: int) -> Signal:
    """`source` through a vowel's three formants, in parallel."""
    out = np.zeros_like(source)
    for centre, width, level in zip(formants, _FORMANT_WIDTHS, _FORMANT_LEVELS, strict=True):
        b, a = signal.iirpeak(centre, centre / width, fs=sample_rate)
        out += level * signal.lfilter(b, a, source)
    return out


def follow(split: Signal, follower: tuple[float, float], sample_rate: int) -> Signal:
    """Each band's level (rows of `split`), as an envelope follower reads it: the mean of its
    magnitude over each CONTROL samples, rising toward a louder block at the attack's rate and
    falling toward a softer one at the release's, then read between blocks at every sample."""
    bands, size = split.shape
    blocks = -(-size // CONTROL)
    padded = np.zeros((bands, blocks * CONTROL))
    padded[:, :size] = np.abs(split)
    means = padded.reshape(bands, blocks, CONTROL).mean(axis=2)
    attack, release = (np.exp(-CONTROL / (sample_rate * seconds)) for seconds in follower)
    level = np.zeros(bands)
    levels = np.zeros((bands, blocks))
    for block in range(blocks):
        rate = np.where(means[:, block] > level, attack, release)
        level = rate * level + (1.0 - rate) * means[:, block]
        levels[:, block] = level
    at = (np.arange(blocks) + 1.0) * CONTROL - 1.0
    return np.stack([np.interp(np.arange(size), at, row, left=0.0) for row in levels])


def talkbox_gains(patch: Patch, size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """Each band's gain through a talk-box's tube: the vowel filter's response at the band's centre
    (three formants' resonance curves over a floor), its formants moving between `patch.vowels`."""
    track = vowel_track(patch, size, sample_rate, rng)[::CONTROL]
    formants = np.zeros((track.size, 3))
    for vowel, share in _vowel_weights(patch, track):
        formants += share[:, None] * np.asarray(VOWELS[vowel])
    middle = centres(patch.bands, sample_rate)[:, None, None]
    widths = np.asarray(_FORMANT_WIDTHS)
    curves = np.asarray(_FORMANT_LEVELS) / (1.0 + ((middle - formants[None]) / (widths / 2.0)) ** 2)
    gains = _TALKBOX_FLOOR + curves.sum(axis=2)
    at = np.arange(track.size) * float(CONTROL)
    return np.stack([np.interp(np.arange(size), at, row) for row in gains])


def _envelope(patch: Patch, velocity: int, held: float, times: Signal) -> Signal:
    attack, decay, sustain, release = patch.level
    sounding = held if patch.sustained else min(held, _TAIL * decay)
    rise = np.minimum(1.0, times / max(attack, 1e-4))
    falling = np.exp(-np.maximum(0.0, times - attack) / decay)
    ending = np.clip((sounding + release - times) / release, 0.0, 1.0)
    return np.asarray((0.4 + 0.6 * velocity / 127.0) * rise * (sustain + (1.0 - sustain) * falling) * ending)


def _hit(drum: Drum, velocity: int, sample_rate: int) -> Samples:
    """One drum: band-passed noise and a sine's drop, each under its decay; its noise seeded by the drum."""
    length = max(drum.decay, drum.body, drum.drop[2]) * _TAIL
    times = np.arange(int(length * sample_rate) + 1) / sample_rate
    strength = 0.4 + 0.6 * velocity / 127.0
    out = np.zeros(times.size)
    if drum.noise[1]:
        noise = struck_render.band_noise(_SALT, drum.noise, drum.decay, times.size, sample_rate)
        out += noise * strength * np.exp(-times / drum.decay)
    start, end, seconds = drum.drop
    if start:
        frequency = start * (end / start) ** np.minimum(1.0, times / seconds)
        out += (
            np.sin(2.0 * np.pi * np.cumsum(frequency) / sample_rate) * strength * np.exp(-times / drum.body)
        )
    out *= np.clip((times[-1] - times) / 0.005, 0.0, 1.0)  # rung out by its end
    return (0.25 * drum.gain * out).astype(np.float32)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Patch, Drum] = struck_render.Sounded(voice, _hit, 2048)
