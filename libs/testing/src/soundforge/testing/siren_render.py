"""Notes to audio by sirens, computed in numpy: air chopped by turning discs and sliding pistons --
Dove's siren's rings of holes, a key opening the wind to each; Cagniard de la Tour's sirens, their
oblique holes spinning the rotor over its stator; a siren organ's motor-driven rotors, each with a
horn flared for its note; a hand-cranked air-raid siren's wide rotor; a foghorn's diaphone, its
piston sliding to and fro across slotted ports; Seebeck's siren, a disc blown through a fine tube;
Helmholtz's double siren under its resonance boxes; a ship's electric siren. None is struck and none
sets a string or a reed swinging: each hole passing its port lets a puff of air through, so the flow
repeats once a hole, f = holes x turns a second, and every partial stands on a harmonic of the note.
The puff is the open area of a hole over its port as the hole slides by: two round holes' lens of
overlap, or two slots' triangle, the port `duty` of the hole's pitch wide -- a triangle as wide as
half the pitch leaves out every even harmonic (sinc^2 of n duty is 0 at whole n duty), a third of
it every third. The chest's wind drives it (the flow follows the open area at a steady pressure)
and the ports radiate it as a pulsating source does, its pressure the flow's rate of change (n times
each harmonic); an exponential horn flared at `horn` of the note passes its harmonics by
(1 - (fc / f)^2)^(1/4) and none below its cutoff; a resonance box tuned on the note, of quality
`box`, takes each harmonic at 1 / |1 - n^2 + j n / Q|. The jet's turbulence hisses in puffs, once a
hole, and a harder wind hisses more against the tone (a jet's noise rises faster with its speed
than its tone). The key opens the wind over `attack` s; the wind's load pulls the rotor `sag` cents
under the note as it opens and the governor brings it back over `glide` s, hunting `hunt` cents at
`hunt_rate` Hz about it; once the key closes the chest empties over the level's fall (or a box rings
down over Q / (pi f)). And a kit of the sirens' own sounds: the reservoir's bellows dropped (its
whump through the box's closed-pipe resonances), the sheet-steel housings of three sizes struck by a
palm (open cylinders' ring modes), a blowgun's blast of compressed air, a football rattle's ratchet,
the shutter's clack on its stop, the brake shoe clapping onto the rotor, a valve's click, the
governor's tick, the relief valve hissing, the safety valve blowing off, a rotor's steel disc struck
at rest (a free disc's modes: 1, 1.73, 2.33 times the first), the crank struck, the horns' throats
tapped, the rattle's clatter shaken, a puff from the blowpipe, a fire bell struck muted and left to
ring -- ringing modes and noise, the ratchet, the clatter and the safety valve as grains, no
recording."""

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

HARMONICS = 40  # the note's harmonics, at most
FUNDAMENTAL_FLOOR = 0.3  # the first harmonic is never under this share of the loudest: it is the note
PERIOD = 2048  # points one hole's pitch (one period of the flow) is worked out at
FRAME = 0.004  # s: the step the note's level is worked out at (straight lines between)
SOUND_SPEED = 343.0  # m/s
_FADE = 0.01  # s: the fade at a sound's cut end
_SALT = 7193  # mixed into every note's seed and every drum's hiss


@dataclass(frozen=True)
class Instrument(voice_render.Players):
    """A siren. Its holes and ports `ports` ("round" or "slot"), each port `duty` of the holes' pitch
    across (a hole as wide); its radiation through a horn flared at `horn` of the note (0: bare
    ports) and a resonance box on the note of quality `box` (0: none); its jet's hiss at `hiss` of
    the tone at the hardest wind over `hiss_band` Hz; the wind's load pulling the rotor `sag` cents
    under as the key opens, the governor bringing it back over `glide` s and hunting `hunt` cents at
    `hunt_rate` Hz; the wind opening over `attack` s. `level`: (-, -, 1, the chest's fall s once the
    key closes). Players' vibrato is unused: a governed rotor has no player's vibrato."""

    kind: str
    ports: str = "round"
    duty: float = 0.5
    horn: float = 0.0
    box: float = 0.0
    hiss: float = 0.03
    hiss_band: tuple[float, float] = (800.0, 6000.0)
    sag: float = 8.0
    glide: float = 0.08
    hunt: float = 1.0
    hunt_rate: float = 4.0
    attack: float = 0.02
    level: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 0.05)
    voices: int = 1
    detune: float = 0.0
    vibrato: float = 0.0
    rate: float = 5.0
    delay: float = 0.3
    gain: float = 1.0


@dataclass(frozen=True)
class Struck(rolled_render.GrainedDrum):
    """A siren's sound in the kit (struck_render.Drum's partials and noise), and `grains` more at
    random within `spread` s, each at up to its share of the first (a ratchet's teeth, a rattle's
    clatter), drawn once for the drum."""


Kit = struck_render.Kit[Struck]
# General MIDI programs to instruments and drums to the kit.
SirenSet = struck_render.StruckSet[Instrument, Struck]

# The chords, a ring or a rotor to a note: Dove's siren's rings of round holes, half the pitch wide;
# Cagniard de la Tour's sirens, wider oblique holes that spin the rotor themselves (it hunts more);
# a siren organ's rotors, slots a third of the pitch wide (every third harmonic left out), each
# through a horn.
DOVE = Instrument("Dove's siren's rings", ports="round", duty=0.5, hiss=0.03, hiss_band=(1000.0, 7000.0),
                  sag=6.0, glide=0.08, hunt=0.8, hunt_rate=5.0, attack=0.02,
                  level=(0.0, 0.0, 1.0, 0.06))  # fmt: skip
CAGNIARD = Instrument("Cagniard de la Tour's sirens", ports="round", duty=0.65, hiss=0.04,
                      hiss_band=(700.0, 5000.0), sag=10.0, glide=0.12, hunt=2.0, hunt_rate=3.5,
                      attack=0.025, level=(0.0, 0.0, 1.0, 0.07))  # fmt: skip
SIREN_ORGAN = Instrument("siren organ's rotors", ports="slot", duty=1.0 / 3.0, horn=0.7, hiss=0.02,
                         hiss_band=(1200.0, 8000.0), sag=5.0, glide=0.06, hunt=0.6, hunt_rate=6.0,
                         attack=0.015, level=(0.0, 0.0, 1.0, 0.05))  # fmt: skip
# Held: Dove's siren's rings and the siren organ's rotors held open.
DOVE_HELD = Instrument("Dove's siren held", ports="round", duty=0.5, hiss=0.025,
                       hiss_band=(1000.0, 7000.0), sag=5.0, glide=0.12, hunt=0.6, hunt_rate=5.0,
                       attack=0.05, level=(0.0, 0.0, 1.0, 0.12))  # fmt: skip
SIREN_ORGAN_HELD = Instrument("siren organ held", ports="slot", duty=1.0 / 3.0, horn=0.7, hiss=0.015,
                              hiss_band=(1200.0, 8000.0), sag=4.0, glide=0.1, hunt=0.5,
                              hunt_rate=6.0, attack=0.06, level=(0.0, 0.0, 1.0, 0.15))  # fmt: skip
# The basses: a hand-cranked air-raid siren's wide rotor, slots half the pitch wide (its even
# harmonics left out), through its horn; a foghorn's diaphone, its piston's slots across its ports
# a quarter of the pitch wide, through its long trumpet.
AIR_RAID = Instrument("hand-cranked air-raid siren", ports="slot", duty=0.5, horn=0.6, hiss=0.04,
                      hiss_band=(400.0, 3000.0), sag=12.0, glide=0.15, hunt=2.5, hunt_rate=2.5,
                      attack=0.03, level=(0.0, 0.0, 1.0, 0.08), gain=1.2)  # fmt: skip
DIAPHONE = Instrument("foghorn's diaphone", ports="slot", duty=0.25, horn=0.8, hiss=0.03,
                      hiss_band=(300.0, 2500.0), sag=8.0, glide=0.1, hunt=1.0, hunt_rate=3.0,
                      attack=0.02, level=(0.0, 0.0, 1.0, 0.07), gain=1.2)  # fmt: skip
# The leads: Seebeck's siren, a disc of small holes blown through a fine tube (short puffs, bright);
# Helmholtz's double siren under its resonance boxes (nearly a sine); a ship's electric siren, its
# slots two fifths of the pitch wide, through its horn.
SEEBECK = Instrument("Seebeck's siren", ports="round", duty=0.2, hiss=0.04, hiss_band=(2000.0, 9000.0),
                     sag=10.0, glide=0.06, hunt=1.5, hunt_rate=5.5, attack=0.012,
                     gain=0.9)  # fmt: skip
HELMHOLTZ = Instrument("Helmholtz's double siren", ports="round", duty=0.45, box=5.0, hiss=0.01,
                       hiss_band=(800.0, 5000.0), sag=6.0, glide=0.1, hunt=0.8, hunt_rate=4.0,
                       attack=0.02, gain=0.9)  # fmt: skip
SHIP_SIREN = Instrument("ship's electric siren", ports="slot", duty=0.4, horn=0.9, hiss=0.025,
                        hiss_band=(900.0, 6000.0), sag=14.0, glide=0.08, hunt=1.2, hunt_rate=4.5,
                        attack=0.015, gain=0.9)  # fmt: skip


# General MIDI programs to instruments: the held chords; a song's chords on Dove's siren, Cagniard
# de la Tour's and the siren organ; the basses; the leads.
def _programs() -> dict[int, Instrument]:
    return {
        48: DOVE_HELD,
        50: SIREN_ORGAN_HELD,
        62: DOVE,
        20: CAGNIARD,
        16: SIREN_ORGAN,
        33: AIR_RAID,
        43: DIAPHONE,
        81: SEEBECK,
        74: HELMHOLTZ,
        64: SHIP_SIREN,
    }


def _closed(metres: float, amplitude: float, decay: float, modes: int = 2) -> struck_render.Partials:
    """A box or a pipe closed at one end (the reservoir, a horn's throat under a finger): its first
    `modes` resonances at (2k - 1) c / (4 L)."""
    base = SOUND_SPEED / (4.0 * metres)
    return tuple(((2 * k - 1) * base, amplitude / k, decay / k) for k in range(1, modes + 1))


def _shell(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A thin cylindrical shell struck (a siren's housing): its lowest ring modes, n = 2 and 3, the
    second at n (n^2 - 1) / sqrt(n^2 + 1) over the first's, 2.8 times it."""
    return ((hz, amplitude, decay), (2.8 * hz, 0.45 * amplitude, 0.6 * decay))


def _disc(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A free steel disc struck (a rotor at rest): its modes (2,0), (0,1) and (3,0), at 1, 1.73 and
    2.33 times the first (Chladni's, for steel's Poisson ratio)."""
    return (
        (hz, amplitude, decay),
        (1.73 * hz, 0.6 * amplitude, 0.7 * decay),
        (2.33 * hz, 0.4 * amplitude, 0.5 * decay),
    )


def _bar(hz: float, amplitude: float, decay: float) -> struck_render.Partials:
    """A steel bar struck, free at both ends (the crank, a bell's clapper): its first two bending modes,
    the second at 2.756 times the first."""
    return ((hz, amplitude, decay), (2.756 * hz, 0.4 * amplitude, 0.5 * decay))


def _drums() -> dict[int, Struck]:
    return {
        # The reservoir's bellows dropped onto its box (the bass drums); the sheet-steel housings of
        # three sizes struck by a palm (the toms).
        36: Struck(_closed(1.2, 1.0, 0.13), (40.0, 400.0), 0.03, 1.3),
        35: Struck(_closed(1.5, 1.0, 0.14), (40.0, 350.0), 0.03, 1.2),
        41: Struck(_shell(130.0, 1.0, 0.12), (150.0, 1500.0), 0.01, 0.9),
        45: Struck(_shell(175.0, 1.0, 0.1), (200.0, 2000.0), 0.01, 0.9),
        48: Struck(_shell(230.0, 1.0, 0.09), (250.0, 2500.0), 0.01, 0.9),
        # A blowgun's blast of compressed air (the snare), a football rattle's ratchet (the other
        # snare: its teeth as grains); the shutter's clack on its stop (the side stick); the brake
        # shoe clapping onto the rotor (the clap).
        38: Struck((), (900.0, 8000.0), 0.07, 0.9),
        40: Struck(((1800.0, 0.3, 0.005),), (1500.0, 7000.0), 0.01, 0.9, grains=8, spread=0.12),
        37: Struck(_bar(2100.0, 1.0, 0.008), (1500.0, 8000.0), 0.004, 0.6),
        39: Struck(_disc(900.0, 0.4, 0.03), (700.0, 6000.0), 0.03, 0.8),
        # A valve's click (the closed hat), the governor's tick (the pedal), the relief valve hissing
        # (the open hat); the rattle's clatter (the ride) and the safety valve blowing off (the crash);
        # a rotor's steel disc struck at rest (the cowbell) and at its rim, ringing (the bell).
        42: Struck(_bar(4300.0, 0.4, 0.004), (4000.0, 10000.0), 0.01, 0.35),
        44: Struck((), (3000.0, 9000.0), 0.005, 0.3),
        46: Struck((), (2500.0, 10000.0), 0.14, 0.35),
        51: Struck((), (1800.0, 9000.0), 0.004, 0.35, grains=12, spread=0.1),
        49: Struck((), (400.0, 9000.0), 0.3, 0.4, grains=5, spread=0.15),
        56: Struck(_disc(640.0, 1.0, 0.12), (800.0, 4000.0), 0.004, 0.4),
        53: Struck(_disc(1250.0, 1.0, 0.35), gain=0.35),
        # The crank struck (the claves), the horns' throats tapped by a finger (the wood blocks:
        # closed at the finger, c / (4 L)), the rattle shaken (the tambourine), a puff from the
        # blowpipe (the maracas), a fire bell struck muted and left to ring (the triangles).
        75: Struck(_bar(2500.0, 1.0, 0.02), (2000.0, 7000.0), 0.002, 0.5),
        76: Struck(_closed(0.1, 1.0, 0.015, 1), (1500.0, 6000.0), 0.002, 0.5),
        77: Struck(_closed(0.15, 1.0, 0.018, 1), (1200.0, 5000.0), 0.002, 0.5),
        54: Struck(((2400.0, 0.2, 0.01),), (2500.0, 9000.0), 0.012, 0.4, grains=6, spread=0.06),
        70: Struck((), (500.0, 3500.0), 0.035, 0.3),
        80: Struck(_disc(1700.0, 1.0, 0.05), gain=0.35),
        81: Struck(_disc(1700.0, 1.0, 0.8), gain=0.35),
    }


def render(notes: Iterable[Note], programs: Mapping[int, int], seconds: float, sample_rate: int,
           cents: float, siren_set: SirenSet) -> Samples:  # fmt: skip
    """The notes as mono float32 (unnormalised), `seconds` long or until the last one has died:
    each melodic channel's notes through its program's instrument, bent by `cents` (a chord a ring
    or a rotor to a note, as Dove's keys open the wind to each ring); the drum channel through the
    set's kit, unbent. A program or a drum the set lacks is a KeyError, never a stand-in."""
    return struck_render.render(
        notes, programs, seconds, sample_rate, cents, siren_set, _SOUNDED, lambda p: True
    )


def count(hz: float, sample_rate: int) -> int:
    """How many harmonics of `hz` the note sounds (struck_render.sounded_harmonics, HARMONICS at most)."""
    return struck_render.sounded_harmonics(hz, sample_rate, HARMONICS)


def overlap(patch: Instrument, distance: Signal) -> Signal:
    """The open area of a hole `distance` (in holes' pitches) from its port's centre, against the
    pitch squared: two round holes' lens of overlap (radius a = duty / 2: 2 a^2 acos(d / 2a) -
    d / 2 sqrt(4 a^2 - d^2)), or two slots' (duty wide: duty - d), nothing once they part."""
    a = patch.duty / 2.0
    d = np.minimum(np.abs(distance), 2.0 * a)
    if patch.ports == "slot":
        return np.asarray(2.0 * a - d)
    return np.asarray(2.0 * a**2 * np.arccos(d / (2.0 * a)) - d / 2.0 * np.sqrt(4.0 * a**2 - d**2))


def puff(patch: Instrument) -> npt.NDArray[np.complex128]:
    """One period's harmonics (complex, 1 to PERIOD / 2) of the flow through the ports as the holes
    slide past: the open area over one hole's pitch (every hole near enough to overlap the port)."""
    x = np.arange(PERIOD) / PERIOD - 0.5
    area = sum(overlap(patch, x - k) for k in (-2, -1, 0, 1, 2))
    return np.asarray(np.fft.rfft(area)[1:] / (PERIOD / 2))


def horn(patch: Instrument, n: Signal) -> Signal:
    """What an exponential horn flared at `horn` of the note passes of its n-th harmonics: its throat's
    resistance, (1 - (fc / f)^2)^(1/4) in pressure, above the cutoff fc, none below; 1 with no horn."""
    if not patch.horn:
        return np.ones(n.size)
    return np.asarray(np.maximum(1.0 - (patch.horn / n) ** 2, 0.0) ** 0.25)


def box(patch: Instrument, n: Signal) -> Signal:
    """A resonance box tuned on the note taking its n-th harmonics: 1 / |1 - n^2 + j n / Q| over Q (1 on
    the note); 1 with no box."""
    if not patch.box:
        return np.ones(n.size)
    return np.asarray(np.abs(1.0 / (1.0 - n**2 + 1j * n / patch.box)) / patch.box)


def spectrum(patch: Instrument, harmonics: int) -> npt.NDArray[np.complex128]:
    """The harmonics (complex, the loudest 1 in size): the flow's puff radiated n times, through the
    horn and the box; the first never under FUNDAMENTAL_FLOOR of the loudest."""
    n = np.arange(1, harmonics + 1, dtype=np.float64)
    out = puff(patch)[:harmonics] * n * horn(patch, n) * box(patch, n)
    out = out / (float(np.abs(out).max()) or 1.0)
    if abs(out[0]) < FUNDAMENTAL_FLOOR:
        out[0] = FUNDAMENTAL_FLOOR * (out[0] / abs(out[0]) if abs(out[0]) else 1.0)
    return np.asarray(out / float(np.abs(out).max()))


def wind(patch: Instrument, hz: float, held: float, velocity: int, times: Signal) -> Signal:
    """The wind's level at `times` s: opening over `attack` s as the key opens, held while it is down,
    the chest emptying once it closes over the level's fall (or the box ringing down over Q / (pi f),
    where longer); 0.6-1 by velocity."""
    on = 1.0 - np.exp(-times / patch.attack)
    release = max(patch.level[3], patch.box / (np.pi * hz))
    off = np.exp(-np.maximum(times - max(held, 0.05), 0.0) / release)
    return np.asarray((0.6 + 0.4 * velocity / 127.0) * on * off)


def levels(patch: Instrument, hz: float, held: float, velocity: int, frames: Signal,
           harmonics: int) -> Signal:  # fmt: skip
    """The harmonics' levels (frames x harmonics) at `frames` s: the spectrum's sizes under the wind."""
    sizes = np.abs(spectrum(patch, harmonics))
    return np.asarray(wind(patch, hz, held, velocity, frames)[:, None] * sizes[None, :])


def hissing(patch: Instrument, velocity: int) -> float:
    """The jet's hiss against the tone: `hiss` at the hardest wind, falling with its square below it (a
    jet's noise rises faster with its speed than the tone it chops)."""
    return float(patch.hiss * (velocity / 127.0) ** 2)


def bend(patch: Instrument, times: Signal, phase: float = 0.0) -> Signal:
    """The pitch at `times` s against the note, in cents: pulled `sag` under as the wind loads the rotor,
    back over `glide` s, then hunting `hunt` cents at `hunt_rate` Hz from `phase`."""
    hunting = patch.hunt * np.sin(2.0 * np.pi * patch.hunt_rate * times + phase)
    return np.asarray(-patch.sag * np.exp(-times / patch.glide) + hunting)


def voice(patch: Instrument, pitches: tuple[float, ...], velocity: int, held: float, sample_rate: int,
          seed: list[int] | None = None) -> Samples:  # fmt: skip
    """`pitches` (fractional MIDI, a rotor or a ring to each) sounded for `held` seconds at `velocity`.
    What varies (the governor's phase, the hiss's noise) is drawn with `seed` (the note's own,
    note_rng, where None). Its peak stays under 0.25 of its gain."""
    rng = struck_render.note_rng(_SALT, pitches, velocity, held, seed)
    lowest = 440.0 * 2.0 ** ((min(pitches) - 69.0) / 12.0)
    ring = max(patch.level[3], patch.box / (np.pi * lowest))
    size = int((max(held, 0.05) + 6.0 * ring + _FADE) * sample_rate)
    times: Signal = np.arange(size) / sample_rate
    frames = np.arange(times.size // round(FRAME * sample_rate) + 3, dtype=np.float64) * FRAME
    noisy = hissing(patch, velocity)

    def sound(hz: float) -> tuple[Signal, Signal]:
        harmonics = count(hz, sample_rate)
        shape = spectrum(patch, harmonics)
        weights = levels(patch, hz, held, velocity, frames, harmonics)
        cents = bend(patch, times, float(rng.uniform(0.0, 2.0 * np.pi)))
        phase = 2.0 * np.pi * np.cumsum(hz * 2.0 ** (cents / 1200.0)) / sample_rate
        # The puff's own phases (a sine's from a cosine's), so the wave is the flow's shape.
        tone = struck_render.harmonic_tone(weights, frames, times, phase, np.angle(shape) + np.pi / 2.0)
        level = np.interp(times, frames, wind(patch, hz, held, velocity, frames))
        band = (min(patch.hiss_band[0], 0.2 * sample_rate), min(patch.hiss_band[1], 0.45 * sample_rate))
        jet = struck_render.band_noise(int(rng.integers(2**31)), band, 0.0, times.size, sample_rate)
        puffs = 0.5 + 0.5 * np.cos(phase)  # the jet blows while a hole is open: its hiss comes in puffs
        return tone, np.asarray(noisy * jet * puffs * level / (float(level.max()) or 1.0))

    return struck_render.chord_of(pitches, times, velocity, patch.gain, _FADE, sound)


SIREN_SET = SirenSet(
    root=Path(__file__).with_name("siren-instruments"),
    programs=_programs(),
    drums=Kit(kit=Path(__file__).with_name("siren-instruments") / "kit", drums=_drums()),
    drum_gain=0.9,
)
# The instrument sets a render may name in place of a soundfont (midi_render.render_notes).
SIREN_SETS = {SIREN_SET.root: SIREN_SET}

# One stroke on a kit piece and its grains after it (tests strike it as every renderer's _hit).
_hit = partial(rolled_render.grained_hit, _SALT)
# The sounds this renderer has computed (render reads and fills it; tests clear it).
_SOUNDED: struck_render.Sounded[Instrument, Struck] = struck_render.Sounded(voice, _hit, 1024)
