"""Learned choices (key, tempo level): fitting finds a planted cue; shipped weights come from tune."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import numpy as np
import pytest

from soundforge.analysis import key_learning
from soundforge.analysis.choice_learning import chosen, fit_choice, fit_choice_network
from soundforge.analysis.harmony import (
    bass_weighted,
    chord_labels,
    chord_span,
    chords,
    dominant_seventh_shares,
    fixed_segments,
)
from soundforge.analysis.key import (
    FEATURE_BLOCKS,
    FEATURES,
    INPUTS,
    WEIGHTS_FILE,
    KeyScorer,
    candidate_inputs,
    key_features,
    trained_weights,
)
from soundforge.analysis.key_learning import (
    CandidateLoss,
    accuracy,
    bass_buried,
    fit_weights,
    refit_from,
    timbre_variant,
)
from soundforge.analysis.level_draws import PITCHES, packed, unpacked
from soundforge.analysis.levels import FEATURES as LEVEL_FEATURES
from soundforge.analysis.levels import (
    MEASURES,
    NEIGHBOURS,
    OWN_FEATURES,
    Bands,
    LevelContext,
    Pitches,
    level_features,
    subdivisions,
    with_neighbours,
)
from soundforge.analysis.levels import WEIGHTS_FILE as LEVEL_WEIGHTS_FILE
from soundforge.analysis.levels import trained_weights as trained_level_weights
from soundforge.analysis.tempo import Level, metrical_contrast, off_beats, refine_tempo, tracked_levels
from soundforge.testing.labelled_clips import DEVELOPMENT_SPLITS, SPLITS

# Where each of key.FEATURE_BLOCKS starts among the features.
FEATURE_BLOCKS_OFFSETS = {
    name: sum(size for _, size in FEATURE_BLOCKS[:index]) for index, (name, _) in enumerate(FEATURE_BLOCKS)
}


def not_trained_on(trained_on: str) -> list[str]:
    """The splits a weights document names that no fit may read: any written apart and not yet read."""
    named = set(re.findall(r"[\w-]+", trained_on))
    return [split for split in SPLITS if split not in ("tune", *DEVELOPMENT_SPLITS) and split in named]


def planted(tracks: int, cue: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Noise features where only the labelled candidate has feature `cue` raised (minor: one more)."""
    rng = np.random.default_rng(seed)
    features = rng.normal(0.0, 0.2, size=(tracks, 2, 12, FEATURES))
    targets = rng.integers(24, size=tracks)
    for index, target in enumerate(targets):
        mode, tonic = divmod(int(target), 12)
        features[index, :, tonic, cue] += 1.0  # the cue names the tonic, not the mode
        features[index, mode, tonic, cue + 1] += 1.0  # the next feature names the mode
    return features, targets


def test_fitting_learns_the_cue_that_names_the_key_and_generalises() -> None:
    features, targets = planted(600, cue=5, seed=1)
    scorer = fit_weights(features, targets, units=8, iterations=200)
    unseen_features, unseen_targets = planted(200, cue=5, seed=2)
    assert accuracy(scorer, unseen_features, unseen_targets) > 0.95
    # The cue, not the noise, decides: moving it to another tonic moves the answer with it.
    moved = np.roll(unseen_features, 3, axis=2)
    assert accuracy(scorer, moved, (unseen_targets // 12) * 12 + (unseen_targets % 12 + 3) % 12) > 0.95
    untrained = fit_weights(features, np.roll(targets, 1), units=8, iterations=200)  # unrelated labels
    assert accuracy(untrained, unseen_features, unseen_targets) < 0.2


def test_a_fit_is_reproducible() -> None:
    features, targets = planted(100, cue=7, seed=4)
    first, second = (fit_weights(features, targets, units=4, iterations=50) for _ in range(2))
    assert np.array_equal(first.members[0].hidden, second.members[0].hidden)
    assert np.array_equal(first.members[0].output, second.members[0].output)
    # Members from other seeded starts differ, over one standardisation of the same inputs.
    pair = fit_weights(features, targets, units=4, seeds=(0, 1), iterations=50)
    assert np.array_equal(pair.mean, first.mean) and np.array_equal(
        pair.members[0].hidden, first.members[0].hidden
    )
    assert not np.array_equal(pair.members[1].hidden, first.members[0].hidden)
    # Fit side by side in processes of their own, the members are the same fits.
    apart = fit_weights(features, targets, units=4, seeds=(0, 1), iterations=50, workers=2)
    for alone, beside in zip(pair.members, apart.members, strict=True):
        assert np.allclose(alone.hidden, beside.hidden) and np.allclose(alone.output, beside.output)


def test_a_continued_fit_learns_new_material_and_keeps_what_it_knew() -> None:
    old_features, old_targets = planted(600, cue=5, seed=1)
    scorer = fit_weights(old_features, old_targets, units=8, iterations=200)
    new_features, new_targets = planted(600, cue=9, seed=3)  # another cue names the key
    unseen_old, unseen_new = planted(200, cue=5, seed=2), planted(200, cue=9, seed=4)
    assert accuracy(scorer, *unseen_new) < 0.2  # the first fit never saw that cue
    continued = refit_from(scorer, new_features, new_targets, l2=1e-2, iterations=200)
    assert accuracy(continued, *unseen_new) > 0.9
    assert accuracy(continued, *unseen_old) > 0.9  # the first cue still counts
    fresh = fit_weights(new_features, new_targets, units=8, iterations=200)
    assert accuracy(fresh, *unseen_old) < 0.2  # where a fit on the new material alone knows nothing
    assert np.array_equal(continued.mean, scorer.mean) and np.array_equal(continued.scale, scorer.scale)
    # The penalty pulls toward where the fit started: held hard, the members hardly move.
    held = refit_from(scorer, new_features, new_targets, l2=100.0, iterations=200)
    for start, member in zip(scorer.members, held.members, strict=True):
        assert np.abs(member.hidden - start.hidden).max() < 0.02
        assert np.abs(member.output - start.output).max() < 0.02


def test_the_penalty_of_a_continued_fit_and_its_gradient_measure_the_distance_from_its_start() -> None:
    rng = np.random.default_rng(8)
    features, targets = planted(30, cue=2, seed=8)
    inputs = candidate_inputs(features)
    standard = (inputs - inputs.reshape(-1, INPUTS).mean(axis=0)) / 2.0
    start = KeyScorer(rng.normal(size=(INPUTS, 4)), rng.normal(size=4), rng.normal(size=4))
    anchored = CandidateLoss(standard, targets, l2=0.5, units=4, anchor=start)
    plain = CandidateLoss(standard, targets, l2=0.0, units=4)
    at_start = np.concatenate([start.hidden.ravel(), start.bias, start.output])
    assert anchored(at_start)[0] == pytest.approx(plain(at_start)[0], rel=1e-12)  # no distance yet
    theta = at_start + rng.normal(0.0, 0.3, size=at_start.size)
    value, gradient = anchored(theta)
    moved = theta - at_start
    weights = np.r_[moved[: INPUTS * 4], moved[-4:]]  # the biases are not penalised
    assert value == pytest.approx(plain(theta)[0] + 0.5 * float(weights @ weights), rel=1e-12)
    for index in (0, INPUTS * 4 - 1, INPUTS * 4 + 1, INPUTS * 4 + 6):
        step = np.zeros_like(theta)
        step[index] = 1e-6
        numeric = (anchored(theta + step)[0] - anchored(theta - step)[0]) / 2e-6
        assert numeric == pytest.approx(gradient[index], rel=1e-4, abs=1e-8)


def _plain_loss(standard: np.ndarray, targets: np.ndarray, theta: np.ndarray, loss: CandidateLoss) -> float:
    """The loss from every candidate's full row, written out."""
    hidden, bias, output = loss.unpack(theta)
    scores = np.tanh(standard @ hidden + bias) @ output  # (tracks, 24)
    top = scores.max(axis=1)
    rows = np.arange(len(targets))
    plain = np.mean(np.log(np.exp(scores - top[:, None]).sum(axis=1)) + top - scores[rows, targets])
    return float(plain + loss.l2 * (np.sum(hidden**2) + np.sum(output**2)))


@pytest.mark.parametrize("varying", ["the profile column", "every column"])
def test_the_loss_takes_what_both_modes_share_once_per_tonic_and_its_gradient_is_exact(varying: str) -> None:
    # key_features' modes share their features but for the profile's correlation (and the mode
    # one-hot): the fit multiplies the shared ones once per tonic and adds the others' after. That
    # must be the loss every candidate's full row gives, also where every input differs by mode.
    rng = np.random.default_rng(6)
    features = rng.normal(size=(40, 1, 12, FEATURES)).repeat(2, axis=1)
    profile = FEATURE_BLOCKS_OFFSETS["profile"]
    features[:, :, :, profile] = rng.normal(size=(40, 2, 12))
    if varying == "every column":
        features += rng.normal(0.0, 0.1, size=features.shape)
    targets = rng.integers(24, size=40)
    inputs = candidate_inputs(features)
    standard = (inputs - inputs.reshape(-1, INPUTS).mean(axis=0)) / 2.0
    loss = CandidateLoss(standard, targets, l2=1e-3, units=5)
    expected = {profile, FEATURES, FEATURES + 1} if varying == "the profile column" else set(range(INPUTS))
    assert set(np.flatnonzero(loss.varying)) == expected
    theta = rng.normal(0.0, 0.3, size=INPUTS * 5 + 10)
    value, gradient = loss(theta)
    assert value == pytest.approx(_plain_loss(standard, targets, theta, loss), rel=1e-12)
    # The gradient is the loss's: central differences along weights of each kind (a shared
    # feature's, the profile's, the mode one-hot's, a bias, an output weight).
    for index in (0, profile * 5 + 2, FEATURES * 5 + 3, INPUTS * 5 - 1, INPUTS * 5 + 2, INPUTS * 5 + 7):
        step = np.zeros_like(theta)
        step[index] = 1e-6
        numeric = (loss(theta + step)[0] - loss(theta - step)[0]) / 2e-6
        assert numeric == pytest.approx(gradient[index], rel=1e-4, abs=1e-8)


def test_key_features_differ_by_mode_in_the_profile_column_alone() -> None:
    rng = np.random.default_rng(3)
    chroma = rng.random((12, 400)).astype(np.float32) ** 3
    features = key_features(chroma, chroma[:, ::-1].copy(), chord_labels(chroma))
    differing = np.flatnonzero(np.any(features[0] != features[1], axis=0))
    assert list(differing) == [FEATURE_BLOCKS_OFFSETS["profile"]]


def test_fitting_rejects_features_of_another_shape() -> None:
    with pytest.raises(ValueError, match="tracks, 2, 12"):
        fit_weights(np.zeros((3, 2, 12, FEATURES - 1)), np.zeros(3, dtype=np.int64))


def test_the_shipped_scorer_was_fit_on_the_tune_split_material_for_these_features() -> None:
    document = json.loads(WEIGHTS_FILE.read_text())
    assert document["trained_on"].startswith("clip_set('tune', seed)")
    assert not_trained_on(document["trained_on"]) == []
    assert document["feature_blocks"] == [[name, size] for name, size in FEATURE_BLOCKS]
    ensemble = trained_weights()
    assert len(ensemble.members) >= 1
    assert ensemble.mean.shape == ensemble.scale.shape == (INPUTS,) and np.all(ensemble.scale > 0)
    for scorer in ensemble.members:
        units = scorer.output.size
        assert scorer.hidden.shape == (INPUTS, units)
        assert all(np.all(np.isfinite(a)) for a in (scorer.hidden, scorer.bias, scorer.output))
        assert np.abs(scorer.output).max() > 0.1  # fitted, not a blank
    # Members fit from different starts differ; the ensemble scores their mean.
    if len(ensemble.members) > 1:
        assert not np.array_equal(ensemble.members[0].hidden, ensemble.members[1].hidden)


def test_fitting_a_choice_among_uneven_candidates_uses_only_the_real_ones() -> None:
    # Tracks with 2-5 candidates (tempo levels); any of the marked ones is right.
    rng = np.random.default_rng(3)
    tracks, most = 300, 5
    features = rng.normal(0.0, 0.3, size=(tracks, most, 4))
    valid = np.arange(most)[None, :] < rng.integers(2, most + 1, size=tracks)[:, None]
    right = rng.integers(0, valid.sum(axis=1))
    correct = np.zeros((tracks, most), dtype=bool)
    correct[np.arange(tracks), right] = True
    features[np.arange(tracks), right, 2] += 1.0  # feature 2 marks the right level
    features[~valid] = 10.0  # padding that would win if it were scored
    weights = fit_choice(features, correct, valid)
    assert np.mean(chosen(features, weights, valid) == right) > 0.95
    assert int(np.argmax(weights)) == 2
    with pytest.raises(ValueError, match="correct candidate"):
        fit_choice(features, np.zeros_like(correct), valid)
    # A NaN or an infinity in a real candidate would make the loss NaN and the "fit" its zero start.
    features[~valid] = np.nan  # padding is never read
    assert np.array_equal(fit_choice(features, correct, valid), weights)
    features[0, right[0], 1] = np.inf
    with pytest.raises(ValueError, match="finite"):
        fit_choice(features, correct, valid)


def test_a_choice_network_learns_a_cue_that_no_weight_per_feature_can_say() -> None:
    # The right candidate is the one whose features 0 and 1 agree in sign the most (their product),
    # as a snare every other beat says one thing at one tempo and another at twice it.
    rng = np.random.default_rng(5)
    tracks, most = 400, 4
    features = rng.normal(0.0, 1.0, size=(tracks, most, 3))
    valid = np.arange(most)[None, :] < rng.integers(2, most + 1, size=tracks)[:, None]
    product = np.where(valid, features[..., 0] * features[..., 1], -np.inf)
    right = product.argmax(axis=1)
    correct = np.zeros((tracks, most), dtype=bool)
    correct[np.arange(tracks), right] = True
    features[~valid] = 10.0  # padding that would win if it were scored
    network = fit_choice_network(features, correct, valid, units=8)
    linear = fit_choice(features, correct, valid)
    assert np.mean(chosen(features, network, valid) == right) > 0.85
    assert np.mean(chosen(features, linear, valid) == right) < 0.7
    again = fit_choice_network(features, correct, valid, units=8)
    assert np.array_equal(again.hidden, network.hidden)  # a fit is reproducible
    with pytest.raises(ValueError, match="correct candidate"):
        fit_choice_network(features, np.zeros_like(correct), valid)


def test_a_level_whose_beats_fall_in_silence_gets_a_bounded_subdivision_ratio() -> None:
    # A kick band silent on the level's beats, loud halfway between: the ratio used to be 1e9.
    envelope = np.zeros(400, dtype=np.float32)
    beats = np.arange(0, 400, 20, dtype=np.int64)
    envelope[beats[:-1] + 10] = 5.0
    halves, quarters, thirds = subdivisions(envelope, beats)
    assert halves == 100.0 and quarters == thirds == 0.0
    envelope[beats] = 5.0  # and where it is not silent, the plain ratio
    assert subdivisions(envelope, beats)[0] == pytest.approx(1.0)


def held(*pitch_classes: int, frames: int = 80) -> np.ndarray:
    """A (12, frames) chroma holding the pitch classes, the first (the root) loudest."""
    chroma = np.full((12, frames), 0.02, dtype=np.float32)
    for rank, pitch_class in enumerate(pitch_classes):
        chroma[pitch_class] = 1.0 if rank == 0 else 0.8
    return chroma


def test_a_dominant_seventh_counts_at_its_root_and_a_bare_triad_does_not() -> None:
    g7, g_major = held(7, 11, 2, 5), held(7, 11, 2)
    sevenths = dominant_seventh_shares(g7, fixed_segments(g7.shape[1]))
    assert int(np.argmax(sevenths)) == 7 and sevenths[7] > 0.5
    assert dominant_seventh_shares(g_major, fixed_segments(g_major.shape[1]))[7] < 0.2 * sevenths[7]
    # Read from each candidate tonic: for C, the G7 is its V7 (the block's 8th entry).
    start = block_start("dominant_sevenths")
    features = key_features(g7, None, chord_labels(g7))
    assert (
        features[0, 0, start + 7] == pytest.approx(sevenths[7])
        and features[1, 0, start + 7] == features[0, 0, start + 7]
    )
    assert features[0, 7, start] == pytest.approx(sevenths[7])


def block_start(name: str) -> int:
    """Where FEATURE_BLOCKS' block `name` starts in a candidate's features."""
    names = [block for block, _ in FEATURE_BLOCKS]
    return sum(size for _, size in FEATURE_BLOCKS[: names.index(name)])


def test_a_major_seventh_whose_root_is_in_the_bass_reads_as_itself() -> None:
    # Fmaj7 with its root weak against A, C and E: chroma alone reads A minor, its iii.
    fmaj7 = held(9, 0, 4, 5)
    fmaj7[5] = 0.3
    bass = np.zeros_like(fmaj7)
    bass[5] = 1.0
    segments = fixed_segments(fmaj7.shape[1])
    assert set(chords(fmaj7, segments)) == {12 + 9}
    assert set(chords(bass_weighted(fmaj7, bass), segments)) == {5}
    assert set(chords(bass_weighted(fmaj7, None), segments)) == {12 + 9}  # no bass: as before
    # Read from each candidate tonic: for F, the F major triad is its I (the block's first entry);
    # the chords read from the chroma alone stay A minor's.
    features = key_features(fmaj7, bass, chord_labels(fmaj7))
    assert features[0, 5, block_start("bass_chords")] == 1.0
    assert features[0, 5, block_start("chords") + 12 + 4] == 1.0  # iii


def test_a_chord_lasts_its_median_run_with_the_ends_and_gaps_not_counted() -> None:
    # Cut first run, then C for 4 segments, a chordless segment inside F's 6, G for 4, cut last run.
    labels = np.array([7, 7, 0, 0, 0, 0, 5, 5, -1, 5, 5, 5, 7, 7, 7, 7, 0], dtype=np.int64)
    assert chord_span(labels) == 4.0  # runs 4, 6, 4
    assert chord_span(np.array([0, 0, 5, 5, 5], dtype=np.int64)) == 0.0  # one change: nothing between
    assert chord_span(np.full(9, -1, dtype=np.int64)) == 0.0


def test_beats_per_chord_reads_each_level_and_nothing_when_the_harmony_is_static() -> None:
    frames = np.arange(0, 2000, 43, dtype=np.int64)  # a beat every 43 frames: 60 BPM
    levels = [Level(60.0, frames, 0.0), Level(120.0, np.arange(0, 2000, 21, dtype=np.int64), 0.0, 2.0)]
    envelope = np.random.default_rng(0).random(2000).astype(np.float32)
    bands = Bands(envelope, envelope, envelope, envelope)
    column = MEASURES.index("log2 beats per chord")
    moving = level_features(levels, LevelContext(bands, motion=1.0, chord_seconds=4.0))[:, column]
    assert moving[0] == pytest.approx(np.log2(4.0 * 60.0 / 60.0), abs=0.05)  # 4 beats a chord
    assert moving[1] - moving[0] == pytest.approx(1.0, abs=0.05)  # twice the tempo, twice the beats
    assert not level_features(levels, LevelContext(bands, motion=0.0, chord_seconds=4.0))[:, column].any()
    assert not level_features(levels, LevelContext(bands, motion=1.0, chord_seconds=0.0))[:, column].any()


def test_each_level_reads_what_its_double_its_half_and_its_thirds_look_like() -> None:
    """A level's features end with its NEIGHBOURS': the level at twice its tempo (both phases'
    own features averaged), then at half, at 3/2 and at 2/3, each with 1 where there is one, else
    zeros."""
    own = np.arange(4 * OWN_FEATURES, dtype=np.float64).reshape(4, OWN_FEATURES)
    features = with_neighbours(own, np.array([60.0, 120.0, 121.0, 90.0]))  # 121 is 120's other phase
    width = OWN_FEATURES + 1
    double, half, up, down = (
        slice(OWN_FEATURES + i * width, OWN_FEATURES + (i + 1) * width) for i in range(4)
    )
    assert NEIGHBOURS == (2.0, 0.5, 1.5, 2 / 3) and features.shape == (4, LEVEL_FEATURES)
    np.testing.assert_array_equal(features[:, :OWN_FEATURES], own)
    np.testing.assert_array_equal(features[0, double], [*own[1:3].mean(axis=0), 1.0])
    np.testing.assert_array_equal(features[0, half], np.zeros(width))  # nothing at 30 BPM
    np.testing.assert_array_equal(features[0, up], [*own[3], 1.0])  # 90 is 3/2 of 60
    np.testing.assert_array_equal(features[3, down], [*own[0], 1.0])  # and 60 is 2/3 of 90
    np.testing.assert_array_equal(features[3, up], np.zeros(width))  # nothing at 135 BPM
    for faster in (1, 2):
        np.testing.assert_array_equal(features[faster, double], np.zeros(width))
        np.testing.assert_array_equal(features[faster, half], [*own[0], 1.0])
        np.testing.assert_array_equal(features[faster, down], np.zeros(width))  # 90 is 3/4 of 120, not 2/3


def test_a_kept_tempo_draw_gives_back_the_same_levels_context_and_features() -> None:
    """level_draws keeps a draw as what the level measures read (the refit computes them again):
    unpacked(packed(sounds)) scores the same as the sounds, clip by clip."""
    rng = np.random.default_rng(5)
    sounds = []
    for frames, bpm, motion in ((2000, 60.0, 1.0), (1500, 120.0, 0.0)):
        bands = Bands(*(rng.random(frames).astype(np.float32) for _ in range(4)))
        beats = np.arange(0, frames, round(60.0 / bpm * 43), dtype=np.int64)
        faster = np.sort(np.r_[beats, off_beats(beats, frames)])
        levels = [Level(bpm, beats, 0.3), Level(bpm * 2, faster, -0.1, 2.0)]
        pitches = Pitches(*(rng.random((12, frames)).astype(np.float32) for _ in range(3)))
        sounds.append((levels, LevelContext(bands, motion=motion, chord_seconds=2.5, pitches=pitches), bpm))
    silent = Pitches(*(np.zeros((12, 10), np.float32),) * 3)
    sounds.append(([], LevelContext(Bands(*(np.zeros(10, np.float32),) * 4), 0.0, 0.0, silent), 90.0))
    back = unpacked(packed(sounds))
    assert len(back) == len(sounds) and unpacked(packed([])) == []
    # Draws kept without pitches (before the sixty-sixth pass, or a context without them) give None.
    bare = [(levels, replace(context, pitches=None), bpm) for levels, context, bpm in sounds]
    assert all(context.pitches is None for _, context, _ in unpacked(packed(bare)))
    for (levels, context, bpm), (levels_back, context_back, bpm_back) in zip(sounds, back, strict=True):
        assert context.pitches is not None and context_back.pitches is not None
        for name in PITCHES:  # kept as float16: 0-1 to within 2^-11
            kept = getattr(context_back.pitches, name)
            assert kept.dtype == np.float32
            np.testing.assert_allclose(kept, getattr(context.pitches, name), atol=2.0**-11)
        assert bpm_back == bpm and (context_back.motion, context_back.chord_seconds) == (
            context.motion,
            context.chord_seconds,
        )
        assert [(lv.bpm, lv.score, lv.multiple) for lv in levels_back] == [
            (lv.bpm, lv.score, lv.multiple) for lv in levels
        ]
        if levels:
            features = level_features(levels, context)
            np.testing.assert_array_equal(level_features(levels_back, context_back), features)


def test_the_shipped_level_weights_were_fit_on_the_tune_split_material_for_these_measures() -> None:
    document = json.loads(LEVEL_WEIGHTS_FILE.read_text())
    assert document["trained_on"].startswith("clip_set('tune', seed)")
    assert not_trained_on(document["trained_on"]) == []
    assert document["measures"] == list(MEASURES)
    network = trained_level_weights()
    assert network.linear.shape == (LEVEL_FEATURES,) and network.hidden.shape[0] == LEVEL_FEATURES
    assert network.mean.shape == network.scale.shape == (LEVEL_FEATURES,)
    assert np.abs(network.hidden).max() > 0.1 and np.abs(network.output).max() > 0.1


def test_a_buried_bass_keeps_its_line_under_noise_peaks_as_deep_as_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bass = np.zeros((12, 4000), dtype=np.float32)
    bass[0, :2000], bass[7, 2000:] = 1.0, 1.0  # C, then G, in the bass band
    first = bass_buried(bass, np.random.default_rng(3))
    assert np.array_equal(first, bass_buried(bass, np.random.default_rng(3)))  # the same draw
    assert first.shape == bass.shape and first.dtype == np.float32 and (first >= 0).all()
    assert (first[[1, 2, 3, 4, 5, 6, 8, 9, 10, 11]] > 0).all()  # noise peaks on every other class

    def kept(db: float) -> float:
        """The share of frames whose strongest pitch class is still the line's."""
        monkeypatch.setattr(key_learning, "_BURIED_DB", (db, db))
        buried = bass_buried(bass, np.random.default_rng(5))
        return float(np.mean(buried.argmax(axis=0) == bass.argmax(axis=0)))

    assert kept(5.0) > 0.99  # over the noise: the line as it was
    assert 0.25 < kept(-10.0) < 0.6  # a small speaker's: the line in some frames
    assert kept(-20.0) < 0.15  # under the noise: chance and little more
    assert bass_buried(np.zeros((12, 0), np.float32), np.random.default_rng(0)).shape == (12, 0)


def test_a_timbre_variant_leaks_each_note_into_its_partials_pitch_classes() -> None:
    chroma = np.zeros((12, 5), dtype=np.float32)
    chroma[[0, 4, 7]] = 1.0  # C major held
    bass = np.zeros((12, 5), dtype=np.float32)
    bass[0] = 1.0
    first = timbre_variant(chroma, bass, np.random.default_rng(4))
    again = timbre_variant(chroma, bass, np.random.default_rng(4))
    assert np.array_equal(first[0], again[0]) and first[1] is not None and again[1] is not None
    assert np.array_equal(first[1], again[1])  # the same draw, the same timbre
    varied, varied_bass = first
    assert varied.shape == chroma.shape and (varied >= 0).all()
    # Partials land a fifth (G, B, D), a major third (E, G#, B) and a minor seventh (Bb, D, F) above.
    reached = {int(p) for p in np.flatnonzero(varied[:, 0] > 0)}
    assert reached <= {0, 4, 7, 2, 11, 8, 10, 5} and {2, 11} <= reached
    assert np.allclose(varied[[1, 3, 6, 9]], 0.0)  # C#, D#, F#, A: no partial of C, E or G
    # The shares drawn, read back: G# is E's major third alone, F is G's minor seventh alone, B is E's
    # fifth and G's major third.
    third, seventh = float(varied[8, 0]), float(varied[5, 0])
    fifth = float(varied[11, 0]) - third
    assert third > 0 and seventh > 0
    assert np.isclose(varied[10, 0], seventh) and np.isclose(varied[2, 0], max(fifth + seventh, 0.0))
    # The bass's C leaks at half those shares.
    assert varied_bass is not None
    expected = np.zeros(12)
    expected[[0, 7, 4, 10]] = [1.0, max(0.5 * fifth, 0.0), 0.5 * third, 0.5 * seventh]
    assert np.allclose(varied_bass[:, 0], expected, atol=1e-6)
    assert timbre_variant(chroma, None, np.random.default_rng(4))[1] is None


def test_off_beats_fall_halfway_and_half_a_beat_beyond_the_ends_inside_the_track() -> None:
    beats = np.array([10, 30, 50, 70])
    assert off_beats(beats, 100).tolist() == [0, 20, 40, 60, 80]
    assert off_beats(beats, 80).tolist() == [0, 20, 40, 60]
    assert off_beats(beats + 5, 100).tolist() == [5, 25, 45, 65, 85]
    assert off_beats(np.array([4, 24, 44]), 100).tolist() == [14, 34, 54]  # none before frame 0


def test_each_level_is_tracked_at_both_phases_so_a_slow_beat_can_sit_on_its_bass() -> None:
    """A slow song moving in eighths is a little louder on its off-beats (a melody there), and its
    bass plays on the beats: the tracker's slow level takes the off-beats, its twin the beats."""
    period = 44  # frames: 58.7 BPM at 22050 Hz and 512-sample hops
    onset = np.zeros(2200, dtype=np.float32)
    onset[0::period] = 0.8
    onset[period // 2 :: period] = 1.0
    bass = np.zeros_like(onset)
    bass[0::period] = 1.0
    levels = tracked_levels(onset, bass, guess=2 * 60 / (period * 512 / 22050))
    half = len(levels) // 2
    for level, twin in zip(levels[:half], levels[half:], strict=True):
        assert (twin.bpm, twin.multiple) == (level.bpm, level.multiple)
        assert twin.frames.tolist() == off_beats(level.frames, onset.size).tolist()
    slow = [level for level in levels if abs(refine_tempo(level.frames, level.bpm) - 58.7) < 0.04 * 58.7]
    on_the_bass = [level for level in slow if metrical_contrast(bass, level.frames) > 0.5]
    assert slow and on_the_bass
    assert all(level in levels[half:] for level in on_the_bass)  # the tracker alone took the off-beats
