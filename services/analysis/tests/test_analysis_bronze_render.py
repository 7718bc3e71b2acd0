"""The renderer of a gamelan's bronzes: its notes' pitch, a key's free-free modes lowered by its
thickness, a kettle's clamped plate's modes where physics puts them and its boss lowering only those
that move at the centre, a mode with a node under the mallet silent, a tube lifting what falls near
its resonances, a Balinese pair beating at the same rate up the range, the hand damping a key, the
mallets' roll, a harder stroke brighter, its levels, its kit and its grains, and what a split it
renders draws."""

from __future__ import annotations

import dataclasses

import numpy as np
import numpy.typing as npt
import pytest
from scipy import signal

from soundforge.testing import bronze_render
from soundforge.testing.bronze_render import BRONZE, BRONZE_SETS, Instrument
from soundforge.testing.labelled_material import SOUNDFONTS

from .test_analysis_labelled_clips import (
    SR,
    assert_a_harder_stroke_is_brighter,
    assert_draws_its_kinds_and_holds_what_sustains,
    assert_every_patch_and_drum_drawn_by_its_seed,
    assert_grains_follow_the_stroke,
    assert_rolled_at_its_rate,
    assert_sounds_its_pitch,
    cents_between,
    hz_of,
    level_at,
    strongest_near,
)

GENDER = BRONZE.programs[12]
BONANG = BRONZE.programs[13]
SARON = BRONZE.programs[14]
ROLLED = BRONZE.programs[48]
KEMPUL = BRONZE.programs[32]
GANGSA = BRONZE.programs[9]


def _quiet(patch: Instrument) -> Instrument:
    """`patch` with no knock: nothing sounds but its modes."""
    return dataclasses.replace(patch, knock=0.0)


@pytest.mark.parametrize("program", sorted(BRONZE.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: with no knock, the strongest
    frequency near the note is its pitch within a cent; as it is (knocks, rolls and all), within 10
    cents; a pair's two instruments each played alone the same (their beat is measured below). Its
    first mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a quarter of
    its gain, and it is silent at its end."""
    patch = dataclasses.replace(BRONZE.programs[program], pair=0.0)

    def weights(
        hz: float, frames: npt.NDArray[np.float64], rng: np.random.Generator
    ) -> npt.NDArray[np.complex128]:
        ratio = bronze_render.ratios(patch, hz, SR)
        struck = bronze_render.strokes(patch, 2.0, rng)
        levels = bronze_render.levels(patch, hz, 2.0, 100, frames, ratio, struck)
        return np.asarray(levels, dtype=np.complex128)

    assert_sounds_its_pitch(bronze_render, patch, _quiet(patch), weights)


def test_a_key_rings_at_a_free_free_bars_modes_lowered_by_its_thickness() -> None:
    """A free-free beam's roots stand at 4.730, 7.853, 10.996 and 14.137 (its modes at 1, 2.756,
    5.404 and 8.933 times its first); a saron's key, C3 struck, sounds each of its first three modes
    within half a cent of (b / b1)^2 sqrt((1 + s b1^2) / (1 + s b^2)), so its second stands under
    2.756 times its first, and a thin gender key's nearer it."""
    roots = bronze_render.free_free()
    assert roots[:4] == pytest.approx((4.7300, 7.8532, 10.9956, 14.1372), abs=1e-4)
    hz = hz_of(48)
    key = bronze_render.voice(_quiet(SARON), (48.0,), 100, 1.0, SR)
    s = SARON.thickness
    for b in roots[:3]:
        where = hz * (b / roots[0]) ** 2 * np.sqrt((1 + s * roots[0] ** 2) / (1 + s * b**2))
        got = strongest_near(key, where, 0.05, 0.5, width=0.01)
        assert cents_between(got, where) == pytest.approx(0.0, abs=0.5), b
    saron = bronze_render.ratios(SARON, hz, SR)
    gender = bronze_render.ratios(GENDER, hz, SR)
    assert saron[1] < gender[1] < 2.756 and saron[2] < gender[2]


def test_a_kettle_rings_at_a_clamped_plates_modes_its_boss_lowering_those_that_move_at_the_centre() -> None:
    """A clamped circular plate's roots stand at 3.196 (n 0), 4.611 (1), 5.906 (2), 6.306 (0), 7.144
    (3) and 7.799 (1), its modes at 1, 2.081, 3.414, 3.893, 4.995 and 5.954 times its first; a boss
    lowers the first (and every mode with no nodal diameter) by Rayleigh's estimate and leaves the
    others where they were, so against the bossed first those stand higher by what the first fell,
    and the second axisymmetric mode comes nearer the first; a bonang's kettle, C4 struck on its
    boss, sounds its note and that second axisymmetric mode within half a cent of there."""
    roots, orders = bronze_render.kettle_modes()
    assert roots == pytest.approx((3.1962, 4.6109, 5.9057, 6.3064, 7.1435, 7.7993), abs=1e-3)
    assert orders == (0, 1, 2, 0, 3, 1)
    plain, bossed = bronze_render.kettle_ratios(BONANG.boss)
    assert plain == pytest.approx((1.0, 2.081, 3.414, 3.893, 4.995, 5.954), abs=2e-3)
    assert bronze_render.kettle_ratios(0.0)[1] == pytest.approx(plain)
    fell = bossed[1] / plain[1]
    assert fell > 1.2
    for k, n in enumerate(orders):
        if n:
            assert bossed[k] / plain[k] == pytest.approx(fell, rel=1e-9), k
    assert 1.0 < bossed[3] < plain[3]
    hz = hz_of(60)
    kettle = bronze_render.voice(_quiet(BONANG), (60.0,), 100, 1.0, SR)
    for ratio in (1.0, bossed[3]):
        got = strongest_near(kettle, hz * ratio, 0.05, 0.5, width=0.01)
        assert cents_between(got, hz * ratio) == pytest.approx(0.0, abs=0.5), ratio


def test_a_mode_with_a_node_under_the_mallet_is_silent() -> None:
    """A kettle struck at the very centre of its boss sounds only the modes with no nodal diameter;
    a key struck at its middle has no second mode (an odd shape, its node there); struck at an end,
    every mode of a key sounds."""
    centre = dataclasses.replace(BONANG, strike=0.0)
    levels = bronze_render.spectrum(centre, 262.0, bronze_render.ratios(centre, 262.0, SR))
    for k, n in enumerate(bronze_render.kettle_modes()[1][: levels.size]):
        assert (levels[k] < 1e-9 * levels[0]) if n else (levels[k] > 1e-3 * levels[0]), k
    middle = dataclasses.replace(SARON, strike=0.5, formants=())
    levels = bronze_render.spectrum(middle, 110.0, bronze_render.ratios(middle, 110.0, SR))
    assert levels[1] < 1e-9 * levels[0] and levels[2] > 0.01 * levels[0]
    end = dataclasses.replace(SARON, strike=0.0, formants=())
    levels = bronze_render.spectrum(end, 110.0, bronze_render.ratios(end, 110.0, SR))
    assert np.all(levels > 0.0)


def test_a_keys_tube_lifts_what_falls_near_its_resonances() -> None:
    """A gender's tube, closed at its foot and tuned to the key, lifts the note by `tube` and what
    stands at three and five times it as much, leaves two times it nearly alone, and a saron's
    trough-borne key has no tube."""
    lift = bronze_render.tube_lift(GENDER, np.array([1.0, 2.0, 3.0, 5.0]))
    assert lift[0] == pytest.approx(GENDER.tube, rel=1e-3)
    assert lift[2] == pytest.approx(GENDER.tube, rel=0.01) and lift[3] == pytest.approx(GENDER.tube, rel=0.01)
    assert lift[1] < 1.0 + 0.05 * (GENDER.tube - 1.0)
    assert np.all(bronze_render.tube_lift(SARON, np.array([1.0, 3.0])) == 1.0)


@pytest.mark.parametrize("patch", [GANGSA, GENDER], ids=["gangsa", "gender"])
def test_a_pair_beats_at_the_same_rate_up_the_range(patch: Instrument) -> None:
    """A Balinese pair, A3 and A5 struck: its two instruments sound `pair` / 2 Hz under and over the
    note (within 0.05 Hz), as loud as each other within 2 dB, so the note beats `pair` times a second
    wherever it stands; the note is their mean."""
    assert bronze_render.pair_offsets(patch) == (-patch.pair / 2.0, patch.pair / 2.0)
    for pitch in (57.0, 81.0):
        hz = hz_of(pitch)
        note = bronze_render.voice(_quiet(patch), (pitch,), 100, 3.0, SR).astype(np.float64)
        seconds = 2.0
        part = note[int(0.02 * SR) : int((0.02 + seconds) * SR)]
        size = 32 * part.size
        spectrum = np.abs(np.fft.rfft(part * np.hanning(part.size), size))
        freqs = np.fft.rfftfreq(size, 1 / SR)
        found = []
        for beside in bronze_render.pair_offsets(patch):
            near = np.abs(freqs - (hz + beside)) < patch.pair / 4.0
            found.append((float(freqs[near][np.argmax(spectrum[near])]), float(spectrum[near].max())))
        (low, low_level), (high, high_level) = found
        assert low == pytest.approx(hz - patch.pair / 2.0, abs=0.05)
        assert high == pytest.approx(hz + patch.pair / 2.0, abs=0.05)
        assert abs(20.0 * np.log10(low_level / high_level)) < 2.0


def test_the_other_hand_damps_a_key_as_its_note_ends_and_a_kempul_rings_on() -> None:
    """A gender key held 0.3 s has fallen 40 dB half a second after it ends; a kempul's gong held as
    long still rings there, within 20 dB of where it was."""
    hz = hz_of(64)
    key = bronze_render.voice(_quiet(dataclasses.replace(GENDER, pair=0.0)), (64.0,), 100, 0.3, SR)
    assert level_at(key, hz, 0.8, 0.05) < 1e-2 * level_at(key, hz, 0.05, 0.05)
    gong = bronze_render.voice(_quiet(KEMPUL), (45.0,), 100, 0.3, SR)
    low = hz_of(45)
    assert level_at(gong, low, 0.8, 0.1) > 0.1 * level_at(gong, low, 0.05, 0.1)


def test_the_mallets_roll_a_held_key_at_their_rate() -> None:
    """The gender's key rolled for 3 s: its strokes come 1/roll s apart, each within its jitter, as
    long as it is held, each no softer than 1 - 4 jitter; its level swings at the roll's rate (the
    strongest swing between 2 and 30 Hz within 5% of it); struck once, it has no such swing."""
    assert_rolled_at_its_rate(bronze_render, _quiet(ROLLED))


def test_a_harder_stroke_is_brighter() -> None:
    """The saron's third mode against its first is stronger at velocity 127 than at 40."""
    assert_a_harder_stroke_is_brighter(bronze_render, SARON, 0.05, 2, 1.05, (np.zeros(1), np.ones(1)))


def test_an_instrument_renders_the_same_twice_and_what_varies_is_drawn_by_its_seed() -> None:
    """Nothing in a note or a stroke is random but what its seed draws: a render is the same with the
    note cache emptied; a note drawn with another seed has other phases, strokes and knocks; a
    program or a drum the set lacks is an error, never a stand-in; every stroke stays within its level
    and rings out within its length; a chord stays within a quarter of the instrument's gain."""
    assert_every_patch_and_drum_drawn_by_its_seed(bronze_render, BRONZE)


def test_the_kit_rings_at_its_tuning_the_kendang_rises_onto_it_the_gong_beats_and_cymbals_are_grains() -> (
    None
):
    """The kendang's big head's strongest frequency under 100 Hz, after its rise, is within 2% of 78
    Hz, and in its first 20 ms it sits lower (its
    zero crossings under 90 Hz further apart); its small head slapped at velocity 127 is louder than
    at 40; the gong ageng's hum beats at the distance between its two near modes (2.5 Hz); a piece
    with grains carries its stroke again at each grain (the hit is the stroke plus shifted, scaled
    copies of it), and one with none is its stroke alone."""
    drums = BRONZE.drums.drums
    kendang = bronze_render._hit(drums[36], 100, SR)
    assert strongest_near(kendang, 78.0, 0.06, 0.5, width=0.3) == pytest.approx(78.0, rel=0.02)
    skin = bronze_render._hit(dataclasses.replace(drums[36], noise=(0.0, 0.0)), 100, SR).astype(np.float64)
    low = signal.sosfilt(signal.butter(2, 90.0, fs=SR, output="sos"), skin)
    crossings = np.flatnonzero(np.diff(np.signbit(low))) / SR

    def hz_within(start: float, end: float) -> float:
        return float(1.0 / (2.0 * np.mean(np.diff(crossings[(crossings >= start) & (crossings < end)]))))

    assert hz_within(0.0, 0.02) < 0.9 * 78.0 and hz_within(0.1, 0.3) == pytest.approx(78.0, rel=0.01)
    loud, soft = bronze_render._hit(drums[38], 127, SR), bronze_render._hit(drums[38], 40, SR)
    assert float(np.abs(loud).max()) > 1.5 * float(np.abs(soft).max())
    gong = bronze_render._hit(drums[49], 100, SR).astype(np.float64)
    hop = SR // 100
    hum = np.abs(gong[: 6 * SR])
    hum = hum[: hum.size // hop * hop].reshape(-1, hop).max(axis=1)
    hum = hum / np.exp(
        np.polyval(np.polyfit(np.arange(hum.size), np.log(hum + 1e-9), 1), np.arange(hum.size))
    )
    spectrum = np.abs(np.fft.rfft((hum - hum.mean()) * np.hanning(hum.size), 16 * hum.size))
    freqs = np.fft.rfftfreq(16 * hum.size, 1 / 100)
    band = (freqs > 1.0) & (freqs < 6.0)
    assert float(freqs[band][np.argmax(spectrum[band])]) == pytest.approx(2.5, abs=0.2)
    assert_grains_follow_the_stroke(bronze_render, drums)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in BRONZE_SETS])
def test_a_split_rendered_by_bronze_render_plays_only_what_its_instruments_have(split: str) -> None:
    """bronze_render refuses a program or a drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set; it has every instrument
    measured above; what holds a tone or a free-time chord is held while the mallets roll it."""
    kinds = {patch.kind for patch in BRONZE.programs.values()}
    assert_draws_its_kinds_and_holds_what_sustains(split, BRONZE_SETS[SOUNDFONTS[split]], kinds)
