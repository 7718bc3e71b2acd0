"""The renderer of mirlitons, membranes set buzzing by a player's voice: its notes' pitch, the voice's
glottal pulse, the membrane forced through its first mode and saturating as it slaps its rim (every
partial on a harmonic of the note, the slap spreading the voice's few strong harmonics into many),
a harder hum buzzing brighter, the tube's resonances at c / (2 L) lifting the harmonics near them,
the slaps' rattle coming once a period, the singer's scoop onto the note, its levels, its kit and its
grains, and what a split it renders draws."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from scipy import signal

from soundforge.testing import mirliton_render
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.mirliton_render import MIRLITON_SET, MIRLITON_SETS, Instrument

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
HUMMED = MIRLITON_SET.programs  # 56 metal kazoos, 22 combs and paper, 58 a bass zobo, 48 held kazoos


def _steady(patch: Instrument) -> Instrument:
    """`patch` hummed steadily: no rattle, no breath, no scoop, no vibrato and no swell, so nothing
    sounds but the membrane's forced swing and the voice out of the tube."""
    return dataclasses.replace(patch, rattle=0.0, breath=0.0, scoop=0.0, vibrato=0.0, swell=0.0)


def _hummed_levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its harmonics' levels over the frames, a note
    held 2 s at velocity 100 (nothing in them is drawn)."""

    def weights(hz: float, frames: Signal, _: np.random.Generator) -> Complex:
        harmonics = mirliton_render.count(hz, SR)
        return mirliton_render.levels(patch, hz, 2.0, 100, frames, harmonics).astype(np.complex128)

    return weights


@pytest.mark.parametrize("program", sorted(MIRLITON_SET.programs))
def test_every_mirliton_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every mirliton, bent to A=432, from E2 to E5: hummed steadily, the strongest frequency
    near the note is its pitch within a cent; as it is (the rattle, the scoop, the vibrato), within 10
    cents. Its first harmonic is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end."""
    hummed = HUMMED[program]
    checks.assert_sounds_its_pitch(mirliton_render, hummed, _steady(hummed), _hummed_levels(hummed))


def test_the_voice_forces_the_membrane_which_slaps_its_rim() -> None:
    """A kazoo's C3 hummed steadily: its partials stand on the note's harmonics within a cent and
    nothing between them. The voice is a Rosenberg pulse (open for `open_q` of a period, shut for the
    rest, its peak 1 over its floor); barely driven, the membrane's travel is the voice's pressure
    through its first mode, harmonic by harmonic; driven as it is, its travel is tanh of that swing
    `buzz` past the knee and `sag` off centre, and it slaps: its harmonics from the thirteenth to the
    forty-eighth carry over ten times the share of its power they carry barely driven."""
    patch = _steady(HUMMED[56])
    checks.assert_held_c3_at_whole_multiples(mirliton_render.voice(patch, (48.0,), 100, 2.0, SR), "kazoo")
    t = np.arange(mirliton_render.PERIOD) / mirliton_render.PERIOD
    flow = np.fft.irfft(np.concatenate([[0.0], mirliton_render.glottal(0.6)]) * (mirliton_render.PERIOD / 2))
    shut = flow[t > 0.61]  # its steady part left out: shut, the flow sits at its least, 1 under its peak
    assert float(flow.max() - flow.min()) == pytest.approx(1.0, abs=2e-3)
    assert np.all(np.abs(shut - flow.min()) < 1e-2)
    hz = checks.hz_of(48)
    n = np.arange(1, mirliton_render.PERIOD // 2 + 1, dtype=np.float64)
    barely = dataclasses.replace(patch, buzz=1e-4, sag=0.0)
    linear = np.multiply(
        mirliton_render.voiced(patch, hz, 127), mirliton_render.mode(n * hz, patch.membrane, patch.membrane_q)
    )
    linear[4 * mirliton_render.HARMONICS :] = 0.0
    got = np.abs(np.fft.rfft(mirliton_render.travel(barely, hz, 127))[1:])
    assert got[:12] / got.max() == pytest.approx(np.abs(linear[:12]) / np.abs(linear).max(), abs=1e-3)
    slapped = np.abs(np.fft.rfft(mirliton_render.travel(patch, hz, 127))[1:])

    def high(travel: npt.NDArray[np.float64]) -> float:  # the share of power from the 13th to the 48th
        return float((travel[12:48] ** 2).sum() / (travel**2).sum())

    assert high(slapped) > 10.0 * high(got)


def test_a_harder_hum_buzzes_brighter_and_the_tube_lifts_its_resonances() -> None:
    """A kazoo's and a bigophone's C3: hummed at velocity 127, the harmonics from the sixth on carry
    over 1.3 times the share they carry at 40 (the membrane driven further into its slap). The tube's
    lift peaks at c / (2 L) and its multiples; a comb and paper has no tube and no lift; a kazoo with
    its tube sounds each harmonic past the first lifted by the tube's lift there against the same kazoo
    with none, the one nearest the first resonance over 1.5 dB more than one between two."""
    for program in (56, 61):
        loud, soft = (mirliton_render.spectrum(HUMMED[program], checks.hz_of(48), v, 30) for v in (127, 40))
        assert (loud[5:] ** 2).sum() / (loud**2).sum() > 1.3 * (soft[5:] ** 2).sum() / (soft**2).sum()
    kazoo = _steady(HUMMED[56])
    first = mirliton_render.SOUND_SPEED / (2.0 * kazoo.tube)
    f = np.linspace(200.0, 5000.0, 4801)
    lift = mirliton_render.body(kazoo, f)
    peaks = f[signal.argrelmax(lift)[0]]
    assert peaks[:3] == pytest.approx(first * np.arange(1, 4), rel=0.02)
    assert np.all(mirliton_render.body(HUMMED[22], f) == 1.0)
    hz = checks.hz_of(48)
    with_tube = mirliton_render.spectrum(kazoo, hz, 100, 20)[1:]
    bare = mirliton_render.spectrum(dataclasses.replace(kazoo, tube=0.0), hz, 100, 20)[1:]
    lifted = with_tube / bare / mirliton_render.body(kazoo, np.arange(2, 21, dtype=np.float64) * hz)
    assert lifted == pytest.approx(np.full(19, lifted[0]), rel=1e-9)
    k = round(first / hz) - 2  # the harmonic nearest the first resonance, against one between two
    assert 20 * np.log10((with_tube[k] / with_tube[k + 5]) / (bare[k] / bare[k + 5])) > 1.5


def test_the_slaps_rattle_once_a_period_and_the_singer_scoops_onto_the_note() -> None:
    """A kazoo's E2 (82 Hz) with only its rattle loud: above 5 kHz, where none of its 48 harmonics
    reach, the noise's envelope swings at the note's frequency (the membrane slapping once a period).
    A plastic kazoo's note starts `scoop` cents under the note and is on it within five `glide`s."""
    patch = dataclasses.replace(_steady(HUMMED[56]), rattle=0.5, rattle_band=(5000.0, 10000.0))
    note = mirliton_render.voice(patch, (40.0,), 100, 2.0, SR).astype(np.float64)
    high = signal.sosfiltfilt(signal.butter(4, 5500.0, btype="highpass", fs=SR, output="sos"), note)
    level = np.abs(signal.hilbert(high[SR // 2 : 3 * SR // 2]))
    spectrum = np.abs(np.fft.rfft((level - level.mean()) * np.hanning(level.size), 4 * level.size))
    freqs = np.fft.rfftfreq(4 * level.size, 1 / SR)
    band = (freqs > 20.0) & (freqs < 300.0)
    assert freqs[band][np.argmax(spectrum[band])] == pytest.approx(checks.hz_of(40), abs=2.0)
    lead = dataclasses.replace(HUMMED[59], vibrato=0.0)
    times = np.array([0.0, 5.0 * lead.glide])
    assert mirliton_render.bend(lead, times) == pytest.approx([-lead.scoop, 0.0], abs=0.01 * lead.scoop)


def test_the_mirlitons_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same
    twice and stays in its level; every drum rings or hisses, the crumpled paper, the comb's teeth
    and the crackling paper as grains after the stroke; what holds a tone (kazoos hummed long) holds
    while the voice hums it; and the split rendered by mirliton_render draws only what its set has,
    every mirliton measured above among it."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(mirliton_render, MIRLITON_SET)
    checks.assert_grains_follow_the_stroke(mirliton_render, MIRLITON_SET.drums.drums)
    assert sum(drum.grains > 0 for drum in MIRLITON_SET.drums.drums.values()) == 4
    hummed = mirliton_render.voice(HUMMED[48], (57.0,), 100, 2.5, SR)
    steady_level = checks.level_at(hummed, checks.hz_of(57), 2.2, 0.1)
    assert steady_level > 0.3 * checks.level_at(hummed, checks.hz_of(57), 0.6, 0.1)
    splits = [split for split, root in SOUNDFONTS.items() if root in MIRLITON_SETS]
    assert splits == ["galgal"]
    kinds = {patch.kind for patch in MIRLITON_SET.programs.values()}
    checks.assert_draws_its_kinds_and_holds_what_sustains(
        "galgal", MIRLITON_SETS[SOUNDFONTS["galgal"]], kinds
    )
