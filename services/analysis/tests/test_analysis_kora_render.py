"""The renderer of West African harp-lutes and bridge harps: its notes' pitch, the stiff strings'
stretched partials, the thumb's and the index finger's plucks, the skin under the bridge that colours,
drains and couples the strings, the resonator's Helmholtz resonance, the pluck's stretch, the
sesego's buzz, the held tones plucked on, a note drawn by its seed, its kit and its grains, what a
split it renders draws and that what glacis labels is what its scores sound; and the production
glacis brought, a song played to a caller on hold."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import kora_render, labelled_clips, production_bus
from soundforge.testing.kora_render import KORA_SET, KORA_SETS, Instrument
from soundforge.testing.labelled_clips import clip_set
from soundforge.testing.labelled_material import SOUNDFONTS

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 46 a Mande kora, 24 a Gambian kora in sauta, 105 an n'goni, 32 a bolon, 33 the Mande kora's bass, 25
# the Gambian kora's treble, 106 an n'goni played high, 107 an adungu, 48 a kora's string plucked on,
# 49 an adungu's
KORA = KORA_SET.programs


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its partials' levels over the frames, held 2 s
    and plucked at velocity 100."""

    def weights(hz: float, frames: Signal, rng: np.random.Generator) -> Complex:
        return kora_render.levels(patch, hz, 2.0, 100, frames, SR, None, kora_render.strokes(patch, 2.0, rng))

    return weights


def _band_level(samples: npt.NDArray[np.float32], low: float, high: float) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64)))
    freqs = np.fft.rfftfreq(samples.size, 1 / SR)
    return float(np.sqrt(np.sum(spectrum[(freqs > low) & (freqs < high)] ** 2)))


@pytest.mark.parametrize("program", sorted(KORA_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: plucked with no stretch and no
    coupling, the strongest frequency near the note is its pitch within a cent, and as it is played
    within 10 cents; the note's partial is never under FUNDAMENTAL_FLOOR of the loudest; its level
    never passes a quarter of its gain, and it is silent at its end."""
    patch = KORA[program]
    checks.assert_sounds_its_pitch(kora_render, patch, patch.still, _levels(patch))


def test_the_strings_are_stiff_their_partials_stretched_more_up_the_treble() -> None:
    """Partial n stands at n sqrt(1 + B n^2) / sqrt(1 + B) times the first, the first on the note; B
    grows by B_TREBLE an octave up and shrinks by B_BASS an octave down from middle C."""
    stretched = kora_render.stretched(3, 1e-4)
    assert stretched[0] == 1.0
    assert stretched[2] == pytest.approx(3.0 * np.sqrt(1.0009) / np.sqrt(1.0001))
    kora = KORA[46]
    at_c = kora_render.stiffness_of(kora, kora_render.MIDDLE_C)
    assert at_c == kora.stiffness
    assert kora_render.stiffness_of(kora, 2.0 * kora_render.MIDDLE_C) == pytest.approx(
        kora_render.B_TREBLE * at_c
    )
    assert kora_render.stiffness_of(kora, 0.5 * kora_render.MIDDLE_C) == pytest.approx(
        kora_render.B_BASS * at_c
    )


def test_the_thumb_plucks_the_bass_the_index_the_treble_and_a_pluck_s_point_is_a_node() -> None:
    """The thumb takes the strings under `thumbs`, the index finger the rest; plucked at a quarter of
    the length, the fourth partial is silent; the thumb's long contact is darker than the nail's, and
    a harder pluck brighter than a soft one."""
    kora = dataclasses.replace(KORA[46], skin=(190.0, 5.0, 0.0), calabash=(0.0, 11.0, 5.0, 0.0), radiates=1.0)
    low, high = checks.hz_of(kora.thumbs - 1), checks.hz_of(kora.thumbs)
    assert kora_render.finger(kora, low) == kora.thumb and kora_render.finger(kora, high) == kora.index
    n = np.arange(1.0, 9.0)
    ratio = kora_render.stretched(8, 0.0)
    quarter = dataclasses.replace(kora, thumb=(0.25, kora.thumb[1]))
    plucked = kora_render.plucked(quarter, 110.0, 100, n, ratio)
    assert plucked[3] < 1e-9 * plucked[0]
    at = dataclasses.replace(kora, thumb=(0.17, kora.thumb[1]), index=(0.17, kora.index[1]))
    thumb = kora_render.plucked(at, low, 100, n, ratio)
    index = kora_render.plucked(at, high, 100, n, ratio)
    assert index[5] / index[0] > thumb[5] / thumb[0]
    loud = kora_render.plucked(kora, 220.0, 127, n, ratio)
    soft = kora_render.plucked(kora, 220.0, 30, n, ratio)
    assert loud[5] / loud[0] > soft[5] / soft[0]


def test_the_calabash_is_a_helmholtz_resonator_and_the_body_radiates_little_low() -> None:
    """The resonator's resonance is c / 2 pi sqrt(A / V L) (a kora's calabash near 100 Hz), and lifts
    what falls on it by its lift; bare, the body radiates half as much at its corner as far above it."""
    kora = KORA[46]
    litres, diameter, _, lift = kora.calabash
    radius = diameter / 200.0
    expected = 343.0 / (2.0 * np.pi) * np.sqrt(np.pi * radius**2 / (litres / 1000.0 * 1.7 * radius))
    assert kora_render.helmholtz_hz(kora) == pytest.approx(expected)
    assert 80.0 < kora_render.helmholtz_hz(kora) < 120.0
    bare = dataclasses.replace(kora, skin=(190.0, 5.0, 0.0), calabash=(0.0, 11.0, 5.0, 0.0))
    assert kora_render.body_response(bare, np.array([bare.radiates]))[0] == pytest.approx(0.5)
    hz = np.array([kora_render.helmholtz_hz(kora)])
    no_skin = dataclasses.replace(kora, skin=(190.0, 5.0, 0.0))
    ratio = kora_render.body_response(no_skin, hz)[0] / kora_render.body_response(bare, hz)[0]
    assert ratio == pytest.approx(1.0 + lift)


def test_the_skin_under_the_bridge_drains_and_couples_the_partials_near_its_modes() -> None:
    """A partial on the skin's first mode dies `drain` a second faster than one far from every mode,
    and its level beats (the coupled pair swinging up to 2 COUPLED of it away), symmetric about its
    own pitch; far from the modes it neither drains nor beats; still, nothing beats."""
    kora = dataclasses.replace(KORA[46], partial_damping=0.0)
    first = kora.skin[0]
    on = np.array([first])
    far = np.array([40.0 * first])
    one = np.ones(1)
    extra = kora_render.dying(kora, first, one, one)[0] - kora_render.dying(kora, first, one, one * 40.0)[0]
    assert extra == pytest.approx(kora.drain * (kora_render.skin_resonance(kora, on)[0]
                                                - kora_render.skin_resonance(kora, far)[0]))  # fmt: skip
    assert kora_render.skin_resonance(kora, on)[0] > 1.0 > 20.0 * kora_render.skin_resonance(kora, far)[0]
    wide = dataclasses.replace(kora, couple=50.0)  # a wide split, to read its beat in a fraction of a second
    beat = first * (2.0 ** (wide.couple / 1200.0) - 1.0)
    frames = np.arange(0.05, 1.0 / beat, kora_render.FRAME)
    plucked = np.abs(kora_render.levels(wide, first, 1e3, 100, frames, SR)[:, 0])
    undying = plucked * np.exp(frames * kora_render.dying(kora, first, one, one)[0])
    assert undying.min() / undying.max() == pytest.approx(1.0 - 2.0 * kora_render.COUPLED, abs=0.02)
    still = np.abs(kora_render.levels(wide.still, first, 1e3, 100, frames, SR)[:, 0])
    steady = still * np.exp(frames * kora_render.dying(kora, first, one, one)[0])
    assert steady.min() / steady.max() == pytest.approx(1.0, abs=1e-6)


def test_a_hard_pluck_starts_sharp_and_settles() -> None:
    """The pluck stretches the string `glide` cents at velocity 127, as the square of the velocity,
    settling as the square of the string's swing dies; heard, a hard pluck's note sharper than a soft
    one's; still, no glide."""
    kora = KORA[105]
    times = np.arange(0, 2 * SR) / SR
    once = (np.zeros(1), np.ones(1))
    hard = kora_render.cents_of(kora, 220.0, 127, times, once)
    assert hard[0] == pytest.approx(kora.glide)
    assert kora_render.cents_of(kora, 220.0, 64, times, once)[0] == pytest.approx(
        kora.glide * (64 / 127) ** 2
    )
    assert hard[SR] < 0.2 * hard[0]
    assert not np.any(kora_render.cents_of(kora.still, 220.0, 127, times, once))
    plain = dataclasses.replace(kora, sesego=0.0)
    loud = kora_render.voice(plain, (57.0,), 127, 0.3, SR)
    soft = kora_render.voice(plain, (57.0,), 30, 0.3, SR)
    moved = checks.cents_between(
        checks.strongest_near(loud, 220.0, 0.15), checks.strongest_near(soft, 220.0, 0.15)
    )
    assert moved > 0.5


def test_the_sesego_buzzes_only_past_its_gap_and_more_the_louder_the_string() -> None:
    """Under its gap the sesego is still; past it, it slaps, and twice the swing buzzes more than
    twice as loud; rendered, a loud n'goni pluck's highs stand higher over its note than a soft one's,
    more than without its sesego."""
    ngoni = KORA[105]
    t = np.arange(SR) / SR
    swing = np.sin(2.0 * np.pi * 220.0 * t)
    assert not np.any(kora_render.sesego(ngoni, 0.9 * ngoni.gap * swing, 220.0, SR))
    small = np.abs(kora_render.sesego(ngoni, 0.5 * swing, 220.0, SR)).max()
    large = np.abs(kora_render.sesego(ngoni, 1.0 * swing, 220.0, SR)).max()
    assert large > 2.0 * small > 0.0

    def brightness(patch: Instrument, velocity: int) -> float:
        x = kora_render.voice(patch, (57.0,), velocity, 0.5, SR)
        return _band_level(x, *ngoni.rattle) / _band_level(x, 200.0, 240.0)

    quiet = dataclasses.replace(ngoni, sesego=0.0)
    assert brightness(ngoni, 127) / brightness(ngoni, 40) > 1.5 * brightness(quiet, 127) / brightness(
        quiet, 40
    )


def test_a_held_tone_is_plucked_on_at_its_rate_thumb_and_index_in_turn() -> None:
    """A kora's held string is plucked again every 1/roll s while held, and its level swings at that
    rate; plucked once, it has no such swing."""
    checks.assert_rolled_at_its_rate(kora_render, KORA[48])


def test_a_note_is_drawn_by_its_seed() -> None:
    """The same seed, the same note to the sample; another seed, other plucks."""
    held = KORA[48]
    first = kora_render.voice(held, (50.0,), 100, 1.5, SR, seed=[3])
    assert np.array_equal(first, kora_render.voice(held, (50.0,), 100, 1.5, SR, seed=[3]))
    assert not np.allclose(first, kora_render.voice(held, (50.0,), 100, 1.5, SR, seed=[4]))


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of glacis's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("glacis", kora_render, KORA_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the rattles and the seeds as grains after the
    stroke; and the split rendered by kora_render draws only what its set has, what holds a tone
    plucked on while held, no slower than TREMOLO_HZ."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(kora_render, KORA_SET)
    checks.assert_grains_follow_the_stroke(kora_render, KORA_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in KORA_SETS]
    assert splits == ["glacis"]
    kinds = {patch.kind for patch in KORA_SET.programs.values()}
    assert kinds == {"kora", "n'goni", "bolon", "adungu"}
    checks.assert_draws_its_kinds_and_holds_what_sustains("glacis", KORA_SETS[SOUNDFONTS["glacis"]], kinds)


def test_what_glacis_labels_is_what_its_scores_sound() -> None:
    """Every clip with a key sounds notes (its drums' aside), every one of them within the set's
    programs; every clip with a tempo and no key is drums alone; a clip with no tempo has no drums;
    noise and held tones have neither label."""
    for clip in clip_set("glacis"):
        if clip.category in ("noise", "tone"):
            assert clip.key is None and clip.bpm is None
            continue
        notes, channels = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))
        assert all(p in KORA for c, p in channels.items() if c != 9)
        melodic = [n for n in notes if n.channel != 9]
        assert (clip.key is None) == (not melodic), clip.category
        assert (clip.bpm is None) == (clip.category == "free-time")
        assert clip.bpm is not None or not [n for n in notes if n.channel == 9]


def test_a_hold_line_s_gain_control_evens_the_level_slowly() -> None:
    """The hold source's gain control takes back its share of each dB a passage strays from the clip's
    level, within its limits: a passage 20 dB quieter comes up by about share x 20 dB, the loud one
    down; no faster than its window."""
    t = np.arange(8 * SR) / SR
    tone = np.sin(2.0 * np.pi * 220.0 * t) * np.where(t < 4.0, 1.0, 0.1)
    evened = production_bus.held_even(tone, SR, 0.2, 0.5, (-20.0, 20.0))
    loud = np.sqrt(np.mean(evened[SR : 3 * SR] ** 2)) / np.sqrt(np.mean(tone[SR : 3 * SR] ** 2))
    quiet = np.sqrt(np.mean(evened[6 * SR : 8 * SR] ** 2)) / np.sqrt(np.mean(tone[6 * SR : 8 * SR] ** 2))
    assert 20.0 * np.log10(quiet / loud) == pytest.approx(10.0, abs=1.5)
    capped = production_bus.held_even(tone, SR, 0.2, 0.5, (-1.0, 1.0))
    assert np.abs(capped).max() <= 10.0 ** (1.0 / 20.0) + 1e-9


def test_a_hold_line_keeps_every_partial_where_it_was_and_loses_what_the_line_cannot_carry() -> None:
    """The whole step, gain control, trunk, comfort noise, earpiece and sidetone: a partial in the
    telephone's band comes out where it went in, nothing standing over it near it; one under the
    band's floor far weaker against it than it went in; finite, as long; the same draw gives the same
    sound, another another."""
    t = np.arange(6 * SR) / SR
    low, mid = np.sin(2.0 * np.pi * 80.0 * t), np.sin(2.0 * np.pi * 1000.0 * t)
    heard = production_bus.on_hold(low + mid, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum[3000:5000])) + 3000 == 4000
    assert spectrum[320] < 0.1 * spectrum[4000]
    assert np.array_equal(heard, production_bus.on_hold(low + mid, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.on_hold(low + mid, SR, np.random.default_rng(6)))
