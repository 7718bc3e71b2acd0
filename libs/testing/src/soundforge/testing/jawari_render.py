"""Notes to audio through drone strings over a buzzing bridge in numpy, as a sitar, a tanpura, a veena,
a surbahar, a shamisen or a biwa sound them (the string grazes a curved bridge -- jawari, sawari --
each period, so its partials swell into a buzz that settles as the note dies), with sympathetic
strings ringing on, and bowed ones (a sarangi's, a dilruba's); and a kit of hand drums (a tabla's
skins, the bass one bent by the palm, a kanjira, a ghatam, a dholak) and small metals."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from soundforge.testing import struck_render, voice_render

if TYPE_CHECKING:
    from soundforge.testing.midi_render import Note

Samples = npt.NDArray[np.float32]
Signal = npt.NDArray[np.float64]

MAX_PARTIALS = 40
FUNDAMENTAL_FLOOR = 0.35  # the first partial is never under this share of the loudest: it is the note
FRAME = 0.02  # s: how often the string's modes and its contact are worked out (they move slowly)
TABLE = 2048  # points of one period each frame's sound is read from (its partials 40 at most)
STRING_ROLL = 6000.0  # Hz: where a string's own losses start to take its partials
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 5309  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Drone:
    """A string's patch. Plucked (`bowed` False: its modes ring from the pluck, the first over `decay`
    s, mode n `damping` (n - 1) times faster besides, stopped over `release` s once let go) or bowed
    (Helmholtz motion held while the bow moves, rising over `attack` s, gone over `release` s), at
    `position` (a share of the string from the bridge: every partial weighted by sin(n pi position)/n).
    Its bridge: once a period the string slaps onto it, for `strike` of the period at the stroke
    (more briefly, so brighter, by `harder` for a hard one), wrapping onto its curve for longer,
    toward `rest` of the period, as the note dies (over `settle` s: the buzz sweeps down); the slap
    sounds at `buzz` of the string's level. Its body lifts `humps` ((Hz, half-width share, gain)
    each); its sympathetic strings, tuned to the note's own harmonics (`taraf`: (harmonic, level)
    each), bloom over `bloom` s and ring on over `ring` s after it is let go. A `meend` (cents) slides
    into the note from below over `glide` s; a `vibrato` (cents) at `rate` Hz comes in after `delay`
    s; `voices` players `detune` cents apart at most. Its noise over the `noise` band (Hz): a
    plectrum's click at `pick`, a bachi's slap on the skin at `slap`, a bow's hiss at `hiss`."""

    kind: str
    bowed: bool
    position: float
    strike: float
    rest: float
    settle: float
    buzz: float
    humps: tuple[tuple[float, float, float], ...]
    decay: float = 0.0
    damping: float = 0.0
    attack: float = 0.002
    release: float = 0.15
    harder: float = 0.5
    taraf: tuple[tuple[int, float], ...] = ()
    bloom: float = 0.2
    ring: float = 1.0
    meend: float = 0.0
    glide: float = 0.05
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    voices: int = 1
    detune: float = 0.0
    noise: tuple[float, float] = (1500.0, 6000.0)
    pick: float = 0.0
    slap: float = 0.0
    hiss: float = 0.0
    gain: float = 1.0

    @property
    def sustained(self) -> bool:
        return self.bowed

    @property
    def offsets(self) -> tuple[float, ...]:
        """Each player's detuning (cents): symmetric about the pitch, one on it where they are odd,
        the outermost `detune` apart (voice_render.detunings)."""
        return tuple(float(c) for c in voice_render.detunings(self.detune / 2.0, self.voices))


# A kit piece: partials bent by `sweep` octaves (negative: a palm pressing the skin bends them up;
# positive: a frame drum's skin falls) or ringing as struck, and its noise (struck_render.Drum).
Stroke = struck_render.Drum
Kit = struck_render.Kit[Stroke]
# General MIDI programs to drone strings and drums to the kit's strokes: what a render may play.
JawariSet = struck_render.StruckSet[Drone, Stroke]

# Each kind: a sitar's mizrab near the bridge, its buzz and its sympathetic strings, a tanpura's
# soft finger and deep, lasting jawari, a veena's and a surbahar's and a rudra veena's (its two
# gourds), a shamisen's and a biwa's sawari and bachi, a sarangi's and a dilruba's bows over skin.
SITAR = Drone("sitar", False, 0.07, 0.025, 0.07, 0.5, 0.8, ((250.0, 0.5, 0.8), (1200.0, 0.35, 0.6)),
              decay=1.8, damping=0.08, release=0.12, harder=0.8, taraf=((2, 0.4), (3, 0.15), (4, 0.25)),
              bloom=0.15, ring=1.2, meend=40.0, glide=0.05, vibrato=5.0, rate=5.2, delay=0.35,
              pick=0.06)  # fmt: skip
TANPURA = Drone("tanpura", False, 0.22, 0.02, 0.06, 2.5, 0.8, ((180.0, 0.5, 1.0), (800.0, 0.4, 0.5)),
                decay=4.0, damping=0.02, attack=0.004, release=0.3, harder=0.4, pick=0.02)  # fmt: skip
VEENA = Drone("veena", False, 0.12, 0.03, 0.08, 0.8, 0.5, ((220.0, 0.4, 1.0), (1100.0, 0.3, 0.6)),
              decay=2.5, damping=0.05, meend=25.0, glide=0.05, pick=0.05)  # fmt: skip
SURBAHAR = Drone("surbahar", False, 0.1, 0.025, 0.07, 1.2, 0.7, ((120.0, 0.5, 1.0), (700.0, 0.4, 0.4)),
                 decay=3.5, damping=0.04, attack=0.003, release=0.2, taraf=((2, 0.15), (3, 0.08)),
                 ring=1.5, meend=20.0, glide=0.08, pick=0.04, gain=1.3)  # fmt: skip
RUDRA = Drone("rudra veena", False, 0.15, 0.05, 0.1, 1.5, 0.4, ((90.0, 0.4, 0.8), (400.0, 0.5, 0.6)),
              decay=3.0, damping=0.03, attack=0.004, release=0.2, gain=1.3)  # fmt: skip
SHAMISEN = Drone("shamisen", False, 0.06, 0.03, 0.08, 0.3, 0.5, ((350.0, 0.5, 1.0), (2800.0, 0.3, 0.6)),
                 decay=0.9, damping=0.1, release=0.08, harder=0.6, noise=(150.0, 1500.0),
                 slap=0.25)  # fmt: skip
BIWA = Drone("biwa", False, 0.08, 0.02, 0.07, 0.5, 0.9, ((300.0, 0.5, 0.8), (2200.0, 0.3, 0.5)),
             decay=1.4, damping=0.06, release=0.12, noise=(200.0, 2000.0), slap=0.15)  # fmt: skip
SARANGI = Drone("sarangi", True, 0.1, 0.1, 0.1, 1.0, 0.12, ((500.0, 0.3, 1.2), (1500.0, 0.3, 0.8)),
                attack=0.12, release=0.2, taraf=((2, 0.35), (3, 0.12), (4, 0.2)), bloom=0.3, ring=1.5,
                meend=30.0, glide=0.08, vibrato=9.0, rate=5.5, delay=0.25, noise=(2000.0, 7000.0),
                hiss=0.02)  # fmt: skip
DILRUBA = Drone("dilruba", True, 0.12, 0.12, 0.12, 1.0, 0.1, ((300.0, 0.4, 1.0), (1000.0, 0.3, 0.6)),
                attack=0.15, release=0.25, taraf=((2, 0.18), (4, 0.1)), bloom=0.3, ring=1.5, vibrato=6.0,
                rate=4.8, delay=0.3, hiss=0.015)  # fmt: skip
KINDS = (SITAR, TANPURA, VEENA, SURBAHAR, RUDRA, SHAMISEN, BIWA, SARANGI, DILRUBA)

# General MIDI programs to drone strings, as such a library would cover them: the chord programs as
# a tanpura, a veena, a biwa and a section of dilrubas; the basses as a surbahar and a rudra veena;
# the leads as a sitar, a shamisen, a sarangi and a dilruba; what holds (strings, a cello, a fiddle)
# as a section of sarangis, a dilruba and a sarangi.
JAWARI = JawariSet(
    root=Path(__file__).with_name("jawari-strings"),
    programs={
        # Chords: a tanpura, a veena, a biwa, a section of dilrubas.
        24: TANPURA,
        46: VEENA,
        107: BIWA,
        49: dataclasses.replace(DILRUBA, voices=3, detune=10.0),
        # Basses: a surbahar, a rudra veena.
        32: SURBAHAR,
        33: RUDRA,
        # Leads: a sitar, a shamisen, a sarangi, a dilruba.
        104: SITAR,
        106: SHAMISEN,
        110: SARANGI,
        40: DILRUBA,
        # Held (what held tones and free-time chords play): a section of sarangis, a low dilruba.
        48: dataclasses.replace(SARANGI, voices=3, detune=12.0, gain=0.9),
        42: dataclasses.replace(DILRUBA, humps=((200.0, 0.4, 1.0), (800.0, 0.3, 0.6)), gain=1.2),
    },
    drums=Kit(
        kit=Path(__file__).with_name("jawari-strings") / "kit",
        drums={
            # The bass skin (a bayan's ge): struck, then bent up by the pressing palm.
            36: Stroke(((95.0, 1.0, 0.35), (190.0, 0.3, 0.15)), (60.0, 600.0), 0.02, 1.4, -0.45, 0.12),
            # A dholak's treble slap: a short ring and the skin's crack.
            38: Stroke(((330.0, 0.6, 0.06), (520.0, 0.4, 0.04)), (900.0, 6000.0), 0.09),
            # The tabla's treble skin (na): its loaded membrane's near-harmonic modes, ringing.
            37: Stroke(
                ((560.0, 1.0, 0.18), (1120.0, 0.6, 0.12), (1680.0, 0.35, 0.08), (2240.0, 0.2, 0.05)),
                (2500.0, 7000.0),
                0.01,
                0.6,
            ),
            39: Stroke((), (700.0, 4200.0), 0.05, 0.8),  # hands clapping the cycle (tali)
            42: Stroke(((2300.0, 0.3, 0.01),), (3000.0, 8000.0), 0.02, 0.45),  # a closed stroke (te)
            44: Stroke(((1250.0, 1.0, 0.012), (2950.0, 0.5, 0.008)), (2000.0, 6000.0), 0.006, 0.4),  # khartal
            46: Stroke((), (5000.0, 10500.0), 0.2, 0.35),  # ghungroo: a string of bells shaken
            # Manjira: small cymbals' inharmonic ring.
            51: Stroke(
                ((2410.0, 1.0, 0.9), (3870.0, 0.7, 0.6), (5630.0, 0.5, 0.4), (7290.0, 0.3, 0.3)),
                (6000.0, 10500.0),
                0.3,
                0.3,
            ),
            # A kanjira: the frame's skin falling in pitch, its one jingle pair.
            54: Stroke(((240.0, 1.0, 0.12), (385.0, 0.4, 0.07)), (4000.0, 9000.0), 0.12, 0.5, 0.2, 0.04),
            # A ghatam's mouth pressed to the belly (gumki): the pot's resonance bent up.
            43: Stroke(((150.0, 1.0, 0.2), (410.0, 0.3, 0.06)), (400.0, 3000.0), 0.02, 1.0, -0.3, 0.08),
            # The tabla's treble skin struck open in its middle (tun): its fundamental alone.
            47: Stroke(((280.0, 1.0, 0.4), (560.0, 0.2, 0.2)), gain=0.7),
            # A ghatam's body: the clay's hollow knock.
            56: Stroke(((760.0, 1.0, 0.05), (1830.0, 0.4, 0.03)), (1000.0, 5000.0), 0.015, 0.5),
        },
    ),
    drum_gain=0.9,
)
# The drone-string sets a render may name in place of a soundfont (midi_render.render_notes).
JAWARI_SETS = {JAWARI.root: JAWARI}


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, jawari_set: JawariSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has rung out:
    each melodic channel's notes through its program's string, bent by `cents` (the notes a channel
    strikes together one sound, as a strum's strings); the drum channel through the set's kit,
    unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, jawari_set, _SOUNDED, lambda patch: True
    )


def voice(patch: Drone, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """The string playing `pitches` (fractional MIDI, together) for `held` seconds and let go. What
    varies (the vibrato's phase, the sympathetic strings' phases, the noise) is drawn with `seed`
    (the note's own, note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    times = np.arange(int(length(patch, held) * sample_rate)) / sample_rate

    def sound(hz: float) -> tuple[Signal, Signal]:
        note = string(patch, hz, velocity, held, times, sample_rate, rng)
        return note, _noise(patch, held, times, sample_rate, rng)

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


def length(patch: Drone, held: float) -> float:
    """How long a note held `held` seconds sounds: a plucked string until it has died or been
    stopped, a bowed one while bowed, each then until its release and its sympathetic strings have
    rung out."""
    sounding = held if patch.bowed else min(held, 5.0 * patch.decay)
    return sounding + max(6.0 * patch.release, 2.5 * patch.ring if patch.taraf else 0.0)


def partials(patch: Drone, hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` a note is computed with: under 0.45 of the rate, MAX_PARTIALS at most."""
    return max(1, min(MAX_PARTIALS, int(0.45 * sample_rate / hz)))


def clean(patch: Drone, count: int, held: float, times: Signal) -> Signal:
    """The string's own modes (times x count) before it meets the bridge: sin(n pi position)/n, plucked
    ones dying (the upper ones faster) and stopped once let go, bowed ones held while bowed."""
    n = np.arange(1, count + 1)
    weights = np.sin(n * np.pi * patch.position) / n
    t = times[:, None]
    rise = np.clip(t / patch.attack, 0.0, 1.0)
    gone = np.exp(-np.maximum(t - held, 0.0) / patch.release)
    if patch.bowed:
        return np.asarray(weights * rise * gone)
    dying = np.exp(-t * (1.0 + patch.damping * (n - 1)) / patch.decay)
    return np.asarray(weights * rise * dying * gone)


def hardness(patch: Drone, velocity: int) -> float:
    """How much harder than a middling stroke (velocity 76) one at `velocity` meets the bridge: 1
    there, `harder` more (or less) for every 127 above (or below)."""
    return 1.0 + patch.harder * (velocity / 127.0 - 0.6)


def contact(patch: Drone, velocity: int, times: Signal) -> Signal:
    """How long the string lies on the bridge each period, as a share of it: briefly at the stroke (a
    hard one more briefly), wrapping onto the curve for longer, toward `rest`, as the note dies."""
    start = float(np.clip(patch.strike / hardness(patch, velocity), 0.005, 0.5))
    return np.asarray(patch.rest + (start - patch.rest) * np.exp(-times / patch.settle))


def bridge(patch: Drone, modes: Signal, share: Signal, loud: float = 1.0) -> npt.NDArray[np.complex128]:
    """Each frame's harmonics (frames x count, complex): the string's own modes and its slap on the
    bridge once a period, a raised-cosine contact `share` of the period long, heard as its force
    changes (partial n weighted by n, so the buzz peaks about 1/(2 share) up the series: the briefer,
    the higher it reaches), at `buzz` of the string's
    own level (times `loud`, a stroke's hardness), each of its partials in phase with the string's
    own. The slap comes once a period, where the string swings onto the bridge: every partial at a
    whole multiple of the note, in a steady phase, however hard it buzzes."""
    n = np.arange(1, modes.shape[1] + 1)
    x = n * share[:, None]
    edge = np.abs(1.0 - x**2) < 1e-6
    pulse = n * np.abs(np.where(edge, 0.5, np.sinc(x) / np.where(edge, 1.0, 1.0 - x**2)))
    strength = np.sqrt(np.sum(modes**2, axis=1) / np.maximum(np.sum(pulse**2, axis=1), 1e-300))
    side = np.where(np.sin(n * np.pi * patch.position) < 0.0, -1.0, 1.0)
    return np.asarray(-1j * (modes + patch.buzz * loud * strength[:, None] * pulse * side))


def string(patch: Drone, hz: float, velocity: int, held: float, times: Signal, sample_rate: int,
           rng: np.random.Generator) -> Signal:  # fmt: skip
    """One note: its harmonics every FRAME (harmonics), summed at whole multiples of its phase (a
    meend into it, a vibrato, each player's detuning)."""
    frames = np.arange(int(times[-1] / FRAME) + 2, dtype=np.float64) * FRAME
    sounding = harmonics(patch, hz, velocity, held, frames, sample_rate, rng)
    phases = _phases(patch, hz, times, sample_rate, rng)
    return struck_render.periods(sounding, phases, times, FRAME, TABLE)


def harmonics(patch: Drone, hz: float, velocity: int, held: float, frames: Signal, sample_rate: int,
              rng: np.random.Generator) -> npt.NDArray[np.complex128]:  # fmt: skip
    """A note's harmonics at `frames` (frames x partials, complex): its modes through the bridge,
    its body's humps and its string's losses, its sympathetic strings on its harmonics (their phases
    drawn by `rng`), the first partial never under FUNDAMENTAL_FLOOR of the loudest."""
    count = partials(patch, hz, sample_rate)
    modes = clean(patch, count, held, frames)
    out = bridge(patch, modes, contact(patch, velocity, frames), hardness(patch, velocity))
    f = hz * np.arange(1, count + 1)
    body = np.ones(count)
    for centre, width, gain in patch.humps:
        body *= 1.0 + gain / (1.0 + ((f - centre) / (width * centre)) ** 2)
    out *= body / (1.0 + (f / STRING_ROLL) ** 2)
    reference = float(np.abs(out[:, 0]).max()) or 1.0
    bloom = (1.0 - np.exp(-frames / patch.bloom)) * np.exp(-frames / patch.ring)
    bloom /= float(bloom.max()) or 1.0
    for harmonic, level in patch.taraf:
        if harmonic <= count:
            out[:, harmonic - 1] += level * reference * np.exp(1j * rng.uniform(0.0, 2.0 * np.pi)) * bloom
    loudest = np.abs(out).max(axis=1)
    first = np.maximum(np.abs(out[:, 0]), 1e-12)
    out[:, 0] *= np.maximum(1.0, FUNDAMENTAL_FLOOR * loudest / first)
    return out


def _phases(
    patch: Drone, hz: float, times: Signal, sample_rate: int, rng: np.random.Generator
) -> list[Signal]:
    """Each player's running phase: the pitch bent by the meend, the vibrato and its detuning."""
    swell = np.clip((times - patch.delay) / 0.4, 0.0, 1.0)
    vibrato = patch.vibrato * swell * np.sin(2.0 * np.pi * patch.rate * times + rng.uniform(0.0, 2.0 * np.pi))
    bend = vibrato - patch.meend * np.exp(-times / patch.glide)
    return [
        2.0 * np.pi * np.cumsum(hz * 2.0 ** ((bend + offset) / 1200.0)) / sample_rate
        for offset in patch.offsets
    ]


def _noise(patch: Drone, held: float, times: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """The note's noise over its band (struck_render.band_noise): a plectrum's click, a bachi's slap
    on the skin, a bow's hiss while it is bowed."""
    if not (patch.pick or patch.slap or patch.hiss):
        return np.zeros(times.size)
    hiss = struck_render.band_noise(int(rng.integers(2**31)), patch.noise, 0.0, times.size, sample_rate)
    bowing = np.clip(times / patch.attack, 0.0, 1.0) * np.exp(-np.maximum(times - held, 0.0) / patch.release)
    level = patch.pick * np.exp(-times / 0.004) + patch.slap * np.exp(-times / 0.025) + patch.hiss * bowing
    return np.asarray(hiss * level)


def _hit(drum: Stroke, velocity: int, sample_rate: int) -> Samples:
    """One stroke: its partials bent by the palm, or ringing as struck, and its noise
    (struck_render.hit)."""
    return struck_render.hit(_SALT, drum, velocity, sample_rate)


# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Drone, Stroke] = struck_render.Sounded(voice, _hit, 1024)
