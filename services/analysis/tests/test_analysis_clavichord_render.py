"""The renderer of tangent-struck keyboard strings: its notes' pitch, the stiff strings' stretched
partials, the tangent's rise and the tangent piano's stroke, the pair's beats, the 4' strings in the
bass, the key's pressure and bebung, the cloth that stops a clavichord the instant its key rises, the
fretted pairs on which the higher key wins, the board, a note drawn by its seed, its kit and its
grains, what a split it renders draws and that what casemate labels is what its scores sound; and
the production casemate brought, a museum's audio guide heard through its handset."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from soundforge.testing import clavichord_render, labelled_clips, production_bus
from soundforge.testing.clavichord_render import CLAVICHORD_SET, CLAVICHORD_SETS, Instrument
from soundforge.testing.labelled_clips import clip_set
from soundforge.testing.labelled_material import SOUNDFONTS
from soundforge.testing.midi_render import Note

from . import test_analysis_labelled_clips as checks

SR = checks.SR
Signal = npt.NDArray[np.float64]
Complex = npt.NDArray[np.complex128]
# 6 a double-fretted clavichord, 7 an unfretted one, 1 a tangent piano, 3 a large German clavichord's
# bass, 4 a tangent piano's bass, 8 a triple-fretted clavichord, 2 the German clavichord's treble, 5 a
# tangent piano with its moderator, 48 the German clavichord held under bebung, 49 the unfretted one
CLAVICHORD = CLAVICHORD_SET.programs


def _levels(patch: Instrument) -> Callable[[float, Signal, np.random.Generator], Complex]:
    """What assert_sounds_its_pitch reads of `patch`: its partials' levels over the frames, held 2 s
    and struck at velocity 100."""

    def weights(hz: float, frames: Signal, rng: np.random.Generator) -> Complex:
        return clavichord_render.levels(patch, hz, 2.0, 100, frames, SR)

    return weights


def _level(samples: npt.NDArray[np.float32], start: float, seconds: float) -> float:
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    return float(np.sqrt(np.mean(part**2)))


@pytest.mark.parametrize("program", sorted(CLAVICHORD_SET.programs))
def test_every_instrument_sounds_its_note_at_its_pitch(program: int) -> None:
    """A note on every instrument, bent to A=432, from E2 to E5: pressed with no force and no bebung,
    the strongest frequency near the note is its pitch within a cent, and as it is played within 10
    cents; the note's partial is never under FUNDAMENTAL_FLOOR of the loudest; its level never passes
    a quarter of its gain, and it is silent at its end; the pair's strings symmetric about the pitch."""
    patch = CLAVICHORD[program]
    checks.assert_sounds_its_pitch(clavichord_render, patch, patch.still, _levels(patch))


def test_the_strings_are_stiff_their_partials_stretched_more_up_the_treble() -> None:
    """Partial n stands at n sqrt(1 + B n^2) / sqrt(1 + B) times the first, the first on the note; B
    grows by B_TREBLE an octave up and shrinks by B_BASS an octave down from middle C."""
    stretched = clavichord_render.stretched(3, 1e-4)
    assert stretched[0] == 1.0
    assert stretched[2] == pytest.approx(3.0 * np.sqrt(1.0009) / np.sqrt(1.0001))
    unfretted = CLAVICHORD[7]
    at_c = clavichord_render.stiffness_of(unfretted, clavichord_render.MIDDLE_C)
    up = clavichord_render.stiffness_of(unfretted, 2.0 * clavichord_render.MIDDLE_C)
    down = clavichord_render.stiffness_of(unfretted, 0.5 * clavichord_render.MIDDLE_C)
    assert at_c == unfretted.stiffness
    assert up == pytest.approx(clavichord_render.B_TREBLE * at_c)
    assert down == pytest.approx(clavichord_render.B_BASS * at_c)


def test_the_tangent_sets_the_partials_going_and_a_harder_stroke_is_brighter() -> None:
    """A clavichord's tangent lifts the end of the speaking length: its partials go as 1 / n through
    the rise; struck harder, the rise is quicker and the upper partials stronger against the first. A
    tangent piano's tangent strikes an eighth of the way along: its eighth partial, a node there, is
    silent; its moderator's cloth dulls it and takes level."""
    unfretted = dataclasses.replace(CLAVICHORD[7], board=(), radiates=1.0)
    n = np.arange(1.0, 9.0)
    ratio = clavichord_render.stretched(8, 0.0)
    loud = clavichord_render.excited(unfretted, 220.0, 127, n, ratio)
    soft = clavichord_render.excited(unfretted, 220.0, 40, n, ratio)
    assert loud[5] / loud[0] > 1.2 * soft[5] / soft[0]
    flat = clavichord_render.excited(dataclasses.replace(unfretted, contact=1e-7), 220.0, 127, n, ratio)
    assert flat / flat[0] == pytest.approx(1.0 / n, rel=1e-3)
    piano = dataclasses.replace(CLAVICHORD[1], board=(), radiates=1.0)
    struck = clavichord_render.excited(piano, 220.0, 100, n, ratio)
    assert struck[7] < 1e-9 * struck[0]
    moderated = clavichord_render.excited(dataclasses.replace(piano, moderator=0.6), 220.0, 100, n, ratio)
    assert moderated[0] < struck[0] and moderated[4] / moderated[0] < struck[4] / struck[0]


def test_the_pair_beats_and_the_4_foot_string_sounds_an_octave_up_in_the_bass_only() -> None:
    """The pair's two strings, detune cents apart, the second at `pair` of the first: the note's
    partial swings between 1 - pair and 1 + pair of one string's as they beat, at hz (2^(d/1200) - 1)
    Hz. Under four_foot, the 4' string adds to the even harmonics only; above it, nothing."""
    german = dataclasses.replace(CLAVICHORD[3], level=(1e-9, 0.0, 1.0, 0.006))
    hz = 440.0
    beat = hz * (2.0 ** (german.detune / 1200.0) - 1.0)
    frames = np.arange(1.0, 1.2 / beat / clavichord_render.FRAME) * clavichord_render.FRAME
    first = np.abs(clavichord_render.levels(german, hz, 10.0, 100, frames, SR)[:, 0])
    undying = first * np.exp(frames * clavichord_render.dying(german, hz, np.ones(1))[0])
    assert undying.max() / undying.min() == pytest.approx((1.0 + german.pair) / (1.0 - german.pair), rel=0.02)
    bare = dataclasses.replace(german, octave=0.0)
    low = 440.0 * 2.0 ** ((36 - 69) / 12.0)
    with_four, without = (
        np.abs(clavichord_render.levels(p, low, 1.0, 100, frames[:50], SR)) for p in (german, bare)
    )
    assert np.all(with_four[10:, 1::2] > without[10:, 1::2])
    assert np.array_equal(with_four[:, 0::2], without[:, 0::2])
    high = 440.0 * 2.0 ** ((60 - 69) / 12.0)
    assert np.array_equal(
        clavichord_render.levels(german, high, 1.0, 100, frames[:50], SR),
        clavichord_render.levels(bare, high, 1.0, 100, frames[:50], SR),
    )


def test_the_key_s_pressure_sharpens_the_note_and_bebung_swings_it_while_held() -> None:
    """The pressure, `press` cents at velocity 127 as the square of the velocity, IMPACT more as the
    tangent lands; heard: a hard stroke's note sharper than a soft one's by about the difference. The
    bebung swings a held note by `vibrato` cents (its rms vibrato / sqrt 2) once past `delay`, not
    before and not once the key has risen; a tangent piano's free tangent presses nothing."""
    unfretted = CLAVICHORD[7]
    times = np.arange(0, 2 * SR) / SR
    rng = np.random.default_rng(0)
    hard = clavichord_render.cents_of(unfretted, 127, 2.0, times, rng)
    assert hard[0] == pytest.approx(unfretted.press * (1.0 + clavichord_render.IMPACT))
    assert hard[SR] == pytest.approx(unfretted.press, abs=1e-6)
    assert clavichord_render.cents_of(unfretted, 64, 2.0, times, rng)[SR] == pytest.approx(
        unfretted.press * (64 / 127) ** 2, abs=1e-6
    )
    assert not np.any(clavichord_render.cents_of(CLAVICHORD[1], 127, 2.0, times, rng))
    loud = clavichord_render.voice(unfretted, (69.0,), 127, 1.5, SR)
    soft = clavichord_render.voice(unfretted, (69.0,), 40, 1.5, SR)
    moved = checks.cents_between(
        checks.strongest_near(loud, 440.0, 0.2), checks.strongest_near(soft, 440.0, 0.2)
    )
    assert moved == pytest.approx(unfretted.press * (1.0 - (40 / 127) ** 2), abs=0.5)
    held = CLAVICHORD[49]
    swing = clavichord_render.cents_of(held, 100, 1.5, times, rng)
    settled = swing[int(0.8 * SR) : int(1.5 * SR)] - held.press * (100 / 127) ** 2
    assert float(np.sqrt(np.mean(settled**2))) == pytest.approx(held.vibrato / np.sqrt(2.0), rel=0.1)
    assert np.ptp(swing[int(0.15 * SR) : int(held.delay * SR)]) < 0.1
    assert np.ptp(swing[int(1.6 * SR) :]) < 1e-6
    assert np.ptp(clavichord_render.cents_of(held, 100, 0.2, times, rng)[int(0.1 * SR) :]) < 0.1


def test_a_clavichord_stops_the_instant_its_key_rises_and_a_tangent_piano_s_damper_later() -> None:
    """A clavichord's note held 0.5 s sounds while its key is down and, the cloth taking the string,
    is all but silent 40 ms after it rises; a tangent piano's rings on under its damper a little
    longer and is silent by 0.6 s after."""
    clavichord = clavichord_render.voice(CLAVICHORD[7], (60.0,), 100, 0.5, SR)
    assert _level(clavichord, 0.4, 0.08) > 0.05 * float(np.abs(clavichord).max())
    assert clavichord.size < 0.6 * SR
    assert float(np.abs(clavichord[int(0.54 * SR) :]).max()) < 1e-3 * float(np.abs(clavichord).max())
    piano = clavichord_render.voice(CLAVICHORD[1], (60.0,), 100, 0.5, SR)
    assert _level(piano, 0.55, 0.05) > 0.01 * float(np.abs(piano).max())
    assert piano.size < 1.1 * SR


def test_a_fretted_clavichord_lets_the_higher_of_a_shared_pair_win() -> None:
    """Double fretted (D and A free), C4 held while C#4 goes down is cut there, and C#4 pressed while
    D4 is held sounds (D has its pair); Eb4 going down while E4 is held never sounds, nor one that goes
    down with it; triple fretted, C#4 and D4 share a pair, so C#4 never sounds under D4. An unfretted
    clavichord and the drums keep every note. Rendered, C4's partial is gone once C#4 is down."""
    double, triple, unfretted = CLAVICHORD[6], CLAVICHORD[8], CLAVICHORD[7]
    notes = [
        Note(0.0, 1.0, 60, 90, 0),
        Note(0.5, 0.5, 61, 90, 0),
        Note(0.0, 1.0, 62, 90, 1),
        Note(0.2, 0.5, 61, 90, 1),
        Note(0.0, 1.0, 64, 90, 2),
        Note(0.3, 0.2, 63, 90, 2),
        Note(0.0, 0.5, 63, 90, 3),
        Note(0.0, 0.5, 64, 90, 3),
        Note(0.0, 0.1, 36, 90, 9),
    ]
    sounded = clavichord_render.fretted(notes, dict.fromkeys(range(4), double))
    assert sounded[0].seconds == pytest.approx(0.5) and sounded[1:4] == notes[1:4]
    assert notes[5] not in sounded and notes[6] not in sounded and notes[7] in sounded and notes[8] in sounded
    assert clavichord_render.fretted(notes[2:4], {1: triple}) == notes[2:3]
    assert clavichord_render.fretted(notes, dict.fromkeys(range(4), unfretted)) == notes
    rendered = clavichord_render.render(notes[:2], {0: 6}, 1.2, SR, 0.0, CLAVICHORD_SET)
    c4 = checks.hz_of(60)
    assert checks.level_at(rendered, c4, 0.7, 0.2) < 1e-3 * checks.level_at(rendered, c4, 0.2, 0.2)


def test_the_board_radiates_little_low_and_lifts_the_partials_on_its_modes() -> None:
    """Without its modes, the board radiates half as much at its corner as far above it, a fifth an
    octave under; a mode lifts a partial on it by its lift."""
    bare = dataclasses.replace(CLAVICHORD[7], board=())
    corner = bare.radiates
    assert clavichord_render.board_response(bare, np.array([corner, corner / 2.0])) == pytest.approx(
        [0.5, 0.2]
    )
    one = dataclasses.replace(bare, board=((1000.0, 10.0, 2.0),))
    lifted = clavichord_render.board_response(one, np.array([1000.0]))
    assert lifted[0] / clavichord_render.board_response(bare, np.array([1000.0]))[0] == pytest.approx(3.0)


def test_a_note_is_drawn_by_its_seed() -> None:
    """The same seed, the same note to the sample; another seed, another bebung."""
    held = CLAVICHORD[48]
    first = clavichord_render.voice(held, (50.0,), 100, 1.5, SR, seed=[3])
    assert np.array_equal(first, clavichord_render.voice(held, (50.0,), 100, 1.5, SR, seed=[3]))
    assert not np.allclose(first, clavichord_render.voice(held, (50.0,), 100, 1.5, SR, seed=[4]))


def test_the_kit_sounds_no_pitch_class_over_the_others() -> None:
    """Each of casemate's drum patterns, four bars at 100 BPM through the kit: no pitch class (50 Hz to
    5 kHz, a semitone a class) holds a third of what they sound, so the drums give no key."""
    checks.assert_the_kit_sounds_no_pitch_class_over_the_others("casemate", clavichord_render, CLAVICHORD_SET)


def test_the_instruments_their_kit_and_the_split_they_render() -> None:
    """The shared checks (test_analysis_labelled_clips): every program and drum renders the same twice
    and stays in its level; every drum rings or hisses, the jingles, the rings and the snare as grains
    after the stroke; and the split rendered by clavichord_render draws only what its set has, what
    holds a tone held while its key is down, struck once."""
    checks.assert_every_patch_and_drum_drawn_by_its_seed(clavichord_render, CLAVICHORD_SET)
    checks.assert_grains_follow_the_stroke(clavichord_render, CLAVICHORD_SET.drums.drums)
    splits = [split for split, root in SOUNDFONTS.items() if root in CLAVICHORD_SETS]
    assert splits == ["casemate"]
    kinds = {patch.kind for patch in CLAVICHORD_SET.programs.values()}
    assert kinds == {"clavichord", "tangent piano"}
    checks.assert_draws_its_kinds_and_holds_what_sustains(
        "casemate", CLAVICHORD_SETS[SOUNDFONTS["casemate"]], kinds
    )


def test_what_casemate_labels_is_what_its_scores_sound() -> None:
    """Every clip with a key sounds notes (its drums' aside) and keeps, once its fretted pairs have let
    the higher of two win, every pitch class its score plays; every clip with a tempo and no key is
    drums alone; a clip with no tempo has no drums; noise and held tones have neither label."""
    for clip in clip_set("casemate"):
        if clip.category in ("noise", "tone"):
            assert clip.key is None and clip.bpm is None
            continue
        notes, channels = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))
        patches = {c: CLAVICHORD[p] for c, p in channels.items() if c != 9}
        sounded = clavichord_render.fretted(notes, patches)
        melodic = [n for n in notes if n.channel != 9]
        assert (clip.key is None) == (not melodic), clip.category
        assert {n.pitch % 12 for n in sounded if n.channel != 9} == {n.pitch % 12 for n in melodic}
        assert (clip.bpm is None) == (clip.category == "free-time")
        assert clip.bpm is not None or not [n for n in notes if n.channel == 9]


def test_an_audio_guide_s_store_companding_and_the_seal_s_leak() -> None:
    """mu-law companding to 8 bits keeps a full-scale sine within a 1% step and a quiet one within a
    few of its own steps, clipping past full scale; the seal's leak keeps 1 / sqrt 2 at its corner,
    half as much an octave and more under it, nearly all far above."""
    t = np.arange(SR) / SR
    loud = np.sin(2.0 * np.pi * 440.0 * t)
    assert np.abs(production_bus.mu_law(loud, 255.0, 8) - loud).max() < 0.04
    quiet = 0.01 * loud
    assert np.abs(production_bus.mu_law(quiet, 255.0, 8) - quiet).max() < 0.002
    assert production_bus.mu_law(np.array([2.0, -3.0]), 255.0, 8) == pytest.approx([1.0, -1.0])
    kept = production_bus.seal_leak(np.array([400.0, 100.0, 40000.0]), 400.0)
    assert kept[0] == pytest.approx(1.0 / np.sqrt(2.0)) and kept[1] == pytest.approx(0.25 / np.sqrt(1.0625))
    assert kept[2] > 0.999


def test_an_audio_guide_keeps_every_partial_where_it_was_and_loses_its_lows() -> None:
    """The whole step, store, receiver, seal, vents and murmur: a low partial and a high one both come
    out where they went in, nothing else standing over them near them, the low one weaker against the
    high one than it went in; finite, as long; the same draw gives the same sound, another another."""
    t = np.arange(6 * SR) / SR
    low, high = np.sin(2.0 * np.pi * 150.0 * t), np.sin(2.0 * np.pi * 2500.0 * t)
    heard = production_bus.audio_guide(low + high, SR, np.random.default_rng(5))
    assert heard.shape == t.shape and np.all(np.isfinite(heard))
    spectrum = np.abs(np.fft.rfft(heard[SR : 5 * SR]))
    assert int(np.argmax(spectrum[400:800])) + 400 == 600
    assert int(np.argmax(spectrum[8000:12000])) + 8000 == 10000
    assert spectrum[600] < 0.5 * spectrum[10000]
    assert np.array_equal(heard, production_bus.audio_guide(low + high, SR, np.random.default_rng(5)))
    assert not np.allclose(heard, production_bus.audio_guide(low + high, SR, np.random.default_rng(6)))
