"""The renderer of steel guitars: its notes' pitch, a string's modes where a stiff string's stand, set
going as the pick lets it go and heard as a pickup by the bridge senses them, the pickup's coil and the
amplifier's speaker, a resonator's cone lifting and draining the partials on its modes, the bar gliding
into a note and swaying about it, a pedal moving one string of a chord into its note, the volume pedal
swelling a note in, a note starting when it is written, a held note sounding while it is held, its kit
and its grains, what a split it renders draws; and the production citadel brought, a museum's audio
spotlight."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import production_bus, steel_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note
from soundforge.testing.steel_render import STEEL_SET, STEEL_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 26 a pedal steel's E9 neck, 27 its C6 neck, 25 a squareneck resonator, 32 the pedal steel's low
# strings, 35 a Weissenborn's low strings, 28 a sacred steel player's driven lap steel, 30 a Hawaiian lap
# steel, 29 a Weissenborn's high strings, 48 and 49 held
STEEL = STEEL_SET.programs


def _still(patch: Instrument) -> Instrument:
    """`patch` played still: no glide of the bar, no pedal, no sway, so nothing moves its modes off their
    frequencies."""
    return dataclasses.replace(patch, slide=0.0, pedalled=0.0, vibrato=0.0)


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its modes' levels over the frames, a note held 2 s
    at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        return steel_render.levels(patch, hz, 2.0, 100, frames, SR).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(STEEL_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: played still, the strongest frequency
    near the note is its pitch within a cent; as it is (glided into, pedalled, swayed, driven), within
    10 cents. The note's mode is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes a
    quarter of its gain, and it is silent at its end."""
    patch = STEEL[program]
    checks.assert_sounds_its_pitch(steel_render, patch, _still(patch), _levels(patch))


def test_a_string_s_modes_stand_as_a_stiff_string_s_and_are_heard_as_picked_and_sensed() -> None:
    """The modes stand at n sqrt(1 + B n^2) / sqrt(1 + B) of the note. Picked at its middle a string
    has no even modes; a pickup a third of the way along hears nothing of the third, an acoustic bridge
    all of it. A harder pick (a shorter release) is brighter."""
    e9 = _still(STEEL[26])
    ratio = steel_render.ratios(e9, checks.hz_of(57), SR)
    n = np.arange(1, ratio.size + 1)
    assert ratio == pytest.approx(n * np.sqrt(1.0 + e9.stiffness * n**2) / np.sqrt(1.0 + e9.stiffness))
    middle = steel_render.swing(dataclasses.replace(e9, at=0.5), checks.hz_of(57), ratio, 100)
    assert middle[1::2] == pytest.approx(0.0, abs=1e-12) and middle[0] > 0.0
    f = ratio[:4] * checks.hz_of(57)
    third = steel_render.heard(dataclasses.replace(e9, pickup=1.0 / 3.0), f, n[:4].astype(np.float64))
    assert third[2] == pytest.approx(0.0, abs=1e-9) and third[0] > 0.0
    assert steel_render.heard(STEEL[25], f, n[:4].astype(np.float64))[2] > 0.0
    loud, soft = (steel_render.swing(e9, checks.hz_of(57), ratio, v) for v in (127, 40))
    assert loud[-1] / loud[0] > soft[-1] / soft[0]


def test_the_pickup_s_coil_and_the_amplifier_s_speaker_pass_their_bands() -> None:
    """The coil against the cable's capacitance passes all well under its resonance, Q times at it,
    12 dB an octave less above; the speaker half at its low corner and half at its high one, all of
    it between, nearly."""
    centre, q = 4000.0, 2.5
    coil = np.abs(steel_render.coil(np.array([10.0, centre, 8.0 * centre, 16.0 * centre]), (centre, q)))
    assert coil[0] == pytest.approx(1.0, abs=1e-4) and coil[1] == pytest.approx(q)
    assert coil[2] / coil[3] == pytest.approx(4.0, rel=0.02)
    low, high = 60.0, 5000.0
    band = steel_render.speaker(np.array([low, high, np.sqrt(low * high)]), (low, high))
    assert band[:2] == pytest.approx([0.5, 0.5], rel=0.01) and band[2] == pytest.approx(1.0, abs=0.03)


def test_a_resonator_s_cone_lifts_the_partials_on_its_modes_and_they_die_sooner() -> None:
    """A squareneck resonator's partial on its cone's mode at 640 Hz is louder than its neighbours, and
    dies sooner than a partial between the cone's modes."""
    dobro = _still(STEEL[25])
    hz = 640.0 / 4.0  # its fourth partial on the cone's mode
    ratio = steel_render.ratios(dobro, hz, SR)
    n = np.arange(1, ratio.size + 1, dtype=np.float64)
    heard = steel_render.heard(dobro, ratio * hz, n)
    assert heard[3] > 2.0 * heard[2] and heard[3] > 2.0 * heard[4]
    rates = steel_render.dying(dobro, hz, ratio)
    assert rates[3] > 1.5 * rates[2]


def test_the_bar_glides_into_the_note_and_sways_about_it() -> None:
    """The bar starts within `slide` cents of the note, arrives on it exactly by `glide` s (sooner, by
    a share of a short note's length) and stays; swayed, it sways as far either side."""
    times = np.arange(int(2.0 * SR)) / SR
    hawaiian = STEEL[30]
    glided = steel_render.bar(
        dataclasses.replace(hawaiian, vibrato=0.0), 2.0, times, np.random.default_rng(1)
    )
    assert 0.3 * hawaiian.slide <= abs(glided[0]) <= hawaiian.slide
    assert np.all(glided[int(hawaiian.glide * SR) + 1 :] == 0.0)
    short = steel_render.bar(dataclasses.replace(hawaiian, vibrato=0.0), 0.1, times, np.random.default_rng(1))
    assert np.all(short[int(0.04 * SR) + 1 :] == 0.0)
    swayed = steel_render.bar(hawaiian, 2.0, times, np.random.default_rng(1))[SR:]
    assert swayed.max() == pytest.approx(hawaiian.vibrato, rel=0.01)
    assert swayed.min() == pytest.approx(-hawaiian.vibrato, rel=0.01)


def test_a_pedal_moves_one_string_of_a_chord_into_its_note() -> None:
    """A pedal raising a string a whole tone holds it under its note until it is pressed, then brings
    it onto its note; in an E9 chord so pedalled, one string sounds a whole tone under its note early
    on, and every string its own note once the pedal has arrived."""
    e9 = dataclasses.replace(
        _still(STEEL[26]), pedals=(200.0,), pedalled=1.0, press=0.4, travel=0.1, swell=0.0
    )
    times = np.arange(SR) / SR
    pulled = steel_render.pedal(e9, 2.0, 200.0, times)
    assert np.all(pulled[: int(0.4 * SR)] == -200.0) and np.all(pulled[int(0.5 * SR) + 1 :] == 0.0)
    chord = (60.0, 64.0, 67.0)
    sound = steel_render.voice(e9, chord, 100, 2.0, SR)
    for pitch in chord:
        late = checks.strongest_near(sound, checks.hz_of(pitch), 0.8, 1.0, width=0.03)
        assert checks.cents_between(late, checks.hz_of(pitch)) == pytest.approx(0.0, abs=1.0)
    under = [checks.level_at(sound, checks.hz_of(p - 2.0), 0.1, 0.25) for p in chord]
    after = [checks.level_at(sound, checks.hz_of(p - 2.0), 0.8, 0.25) for p in chord]
    assert max(u / a for u, a in zip(under, after, strict=True)) > 100.0


def test_the_volume_pedal_swells_a_pick_in() -> None:
    """The volume pedal's gain rises from `depth` dB under to 1 over `swell` s (a share of a short
    note's length at most): an E9 neck's note is far quieter as it is picked than once swelled in."""
    e9 = _still(STEEL[26])
    times = np.array([0.0, e9.swell, 1.0])
    assert steel_render.volume(e9, 2.0, times) == pytest.approx([10.0 ** (-e9.depth / 20.0), 1.0, 1.0])
    assert steel_render.volume(e9, 0.2, np.array([0.08]))[0] == pytest.approx(1.0)
    note = steel_render.voice(e9, (57.0,), 100, 2.0, SR)
    hz = checks.hz_of(57)
    assert checks.level_at(note, hz, 0.0, 0.1) < 0.05 * checks.level_at(note, hz, e9.swell, 0.1)


def test_a_note_starts_when_it_is_written_and_ends_when_the_palm_blocks_it() -> None:
    """A resonator's note written at 0.5 s: silent before it, at its full level within a few
    milliseconds, dying while it rings and blocked soon after it ends."""
    dobro = STEEL[25]
    steel_render._SOUNDED.clear()
    out = steel_render.render([Note(0.5, 1.0, 57, 100, 0)], {0: 25}, 3.5, SR, 0.0, STEEL_SET)

    def rms(start: float) -> float:
        part = out[int(start * SR) : int((start + 0.01) * SR)].astype(np.float64)
        return float(np.sqrt(np.mean(part**2)))

    assert float(np.abs(out[: int(0.5 * SR)]).max()) == 0.0
    assert rms(0.5) > 0.3 * rms(0.51) and rms(0.51) > rms(1.4) > 0.0
    assert rms(1.5 + 6.0 * dobro.level[3]) < 0.01 * rms(0.51)


def test_a_held_note_sounds_while_it_is_held() -> None:
    """What holds a note sounds while it is held (the shared check of its picks' rate), its note as loud
    near the end as early on, and silent soon after it is let go."""
    for held, once in ((STEEL[48], STEEL[26]), (STEEL[49], STEEL[30])):
        checks.assert_strummed_at_its_rate(steel_render, held, once)
        note = steel_render.voice(held, (57.0,), 100, 2.5, SR)
        hz = checks.hz_of(57)
        assert checks.level_at(note, hz, 2.2, 0.1) > 0.3 * checks.level_at(note, hz, 0.6, 0.1)
        assert note.size / SR < 2.5 + 6.0 * held.level[3] + 0.02


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of citadel's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("citadel", steel_render, STEEL_SET)


def test_an_audio_spotlight_loses_the_lows_and_moves_no_partial() -> None:
    """The panel's double integration above its corner and the air's second derivative together pass
    the song whole far above the corner, half at it, 12 dB an octave less under it; the transducers
    pass the envelope half at their bandwidth's half; the floor's bounce is a comb, 1 + r at its peaks
    and 1 - r at its notches. The whole step takes the lows far more than the mids, and moves no
    partial."""
    corner = 500.0
    f = np.array([corner, 64.0 * corner, corner / 8.0, corner / 16.0])
    both = np.abs(production_bus.spotlight_equaliser(f, corner) * production_bus.berktay(f, corner))
    assert both[0] == pytest.approx(0.5) and both[1] == pytest.approx(1.0, abs=1e-3)
    assert both[2] / both[3] == pytest.approx(4.0, rel=0.02)
    band = np.abs(production_bus.transducer_band(np.array([50000.0 / 6.0]), 50000.0, 3.0))
    assert band[0] == pytest.approx(2.0**-0.5)
    way = 2.0 * 1.6 / 343.0  # s: the beam's way down past the ear and back
    bounce = np.abs(production_bus.floor_bounce(np.array([1.0 / way, 0.5 / way]), 1.6, 0.4))
    assert bounce == pytest.approx([1.4, 0.6])
    t = np.arange(2 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 120.0 * t), np.sin(2.0 * np.pi * 2000.0 * t)
    heard = production_bus.spotlight(low + mid, SR, np.random.default_rng(5))
    spectrum = np.abs(np.fft.rfft(heard[SR // 2 : 3 * SR // 2]))
    assert spectrum[2000] > 5.0 * spectrum[120]
    assert int(np.argmax(spectrum[1000:3000])) + 1000 == 2000


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the rattles, the rakes and the scrape as grains
    after the stroke; and the split rendered by steel_render draws only what its set has, what holds a
    tone held while its key is down."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(steel_render, STEEL_SET)
    checks.assert_grains_follow_the_stroke(steel_render, STEEL_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in STEEL_SETS]
    assert splits == ["citadel"]
    kinds = {patch.kind for patch in STEEL_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains("citadel", STEEL_SETS[SOUNDFONTS["citadel"]], kinds)
