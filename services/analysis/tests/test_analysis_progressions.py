"""The random chord progressions the key scorer trains on: the grammar's rules hold on every draw, and
the songs drawn from them are labelled as they sound."""

from __future__ import annotations

from collections import Counter

import librosa
import numpy as np
import pytest

from soundforge.testing.labelled_clips import render_clip
from soundforge.testing.labelled_material import SONG_METERS
from soundforge.testing.labelled_notation import AEOLIAN, IONIAN, QUALITIES, written
from soundforge.testing.progressions import (
    EXTENDED_KINDS,
    KINDS,
    MODES,
    RETURNING,
    extended_song,
    progression,
    random_song,
    returning_song,
    seventh,
    triad,
)

DRAWS = 400


def draws(kind: str, seed: int = 3) -> list:
    rng = np.random.default_rng(seed)
    return [progression(kind, rng) for _ in range(DRAWS)]


def test_draws_are_deterministic_and_varied() -> None:
    for kind in (*KINDS, *EXTENDED_KINDS, RETURNING):
        first = draws(kind)
        assert first == draws(kind)
        # Thousands of songs, not a list in disguise (a blues has few forms: its voicings vary them).
        assert len({p.chords for p in first}) > DRAWS // (4 if kind == "blues" else 2)
    with pytest.raises(ValueError, match="unknown kind"):
        progression("polka", np.random.default_rng(0))


def test_triads_and_sevenths_come_from_the_scale() -> None:
    assert [triad(IONIAN, d) for d in range(7)] == [
        (0, "maj"), (2, "min"), (4, "min"), (5, "maj"), (7, "maj"), (9, "min"), None,
    ]  # fmt: skip
    assert triad(AEOLIAN, 1) is None  # ii° in minor
    assert (seventh(IONIAN, 0, "maj"), seventh(IONIAN, 4, "maj"), seventh(IONIAN, 1, "min")) == (
        "maj7",
        "dom7",
        "min7",
    )


def test_a_modal_vamp_dwells_on_its_tonic_and_stays_in_its_mode() -> None:
    vamps = draws("modal")
    assert {p.name.split()[1] for p in vamps} == set(MODES)
    for vamp in vamps:
        scale, mode, _ = MODES[vamp.name.split()[1]]
        assert (vamp.mode, vamp.scale) == (mode, scale)
        roots = [root for root, _ in vamp.chords]
        assert 2 <= len(roots) <= 4 and roots[0] == 0
        assert len(roots) <= 2 * roots.count(0) < 2 * len(roots)  # at least half the bars, never all
        tonic_third = 4 if mode == "major" else 3
        assert all(QUALITIES[q][1] == tonic_third for root, q in vamp.chords if root == 0)
        assert all((root + step) % 12 in scale for root, q in vamp.chords for step in QUALITIES[q])


def test_a_returning_vamp_comes_home_every_other_bar_across_most_of_its_scale() -> None:
    """6 or 8 bars, the tonic chord on every other one and 3 or 4 of the mode's other triads between,
    none twice, the colour chord first in most; every mode drawn; every chord in the mode."""
    vamps = draws(RETURNING)
    assert {p.name.split()[1] for p in vamps} == set(MODES)
    coloured = 0
    for vamp in vamps:
        scale, mode, colours = MODES[vamp.name.split()[1]]
        assert (vamp.mode, vamp.scale) == (mode, scale)
        roots = [root for root, _ in vamp.chords]
        assert len(roots) in (6, 8) and roots[::2] == [0] * (len(roots) // 2)
        between = roots[1::2]
        assert 0 not in between and len(set(between)) == len(between)
        coloured += between[0] in {scale[degree] for degree in colours}
        tonic_third = 4 if mode == "major" else 3
        assert all(QUALITIES[q][1] == tonic_third for root, q in vamp.chords if root == 0)
        assert all((root + step) % 12 in scale for root, q in vamp.chords for step in QUALITIES[q])
    assert 0.6 * DRAWS < coloured < 0.9 * DRAWS


@pytest.mark.parametrize("kind", ["dwelling-major", "dwelling-minor"])
def test_a_song_that_dwells_elsewhere_still_cadences_home(kind: str) -> None:
    songs = draws(kind)
    dwelt = Counter(p.name.split()[4] for p in songs)
    assert set(dwelt) == ({"VI", "II", "IV"} if kind == "dwelling-major" else {"III", "VI", "IV"})
    for song in songs:
        roots = [root for root, _ in song.chords]
        assert len(roots) in (4, 8) and roots[-1] == 0
        assert roots[-2] in (7, 5, 10)  # V-I, IV-I (iv-i) or VII-i closes the loop
        counts = Counter(roots)
        assert counts[0] <= 2 and max(counts.values()) <= counts[0] + 2
        leading = {11} if kind == "dwelling-minor" else set()  # the raised V's leading tone
        assert all(
            (root + step) % 12 in set(song.scale) | leading
            for root, q in song.chords
            for step in QUALITIES[q][:3]
        )
        assert all(
            QUALITIES[q][1] == (4 if song.mode == "major" else 3) for root, q in song.chords if root == 0
        )


def test_a_blues_is_built_on_its_tonic_chord_and_named_by_its_quality() -> None:
    blueses = draws("blues")
    forms = {" ".join(p.name.split()[1:3]) for p in blueses}
    assert forms >= {"twelve-bar 0d7", "eight-bar 0d7", "jazz blues", "minor blues"}
    for blues in blueses:
        roots = [root for root, _ in blues.chords]
        assert len(roots) in (8, 12) and roots[0] == 0 and set(roots) <= {0, 2, 5, 7, 8, 9}
        assert Counter(roots).most_common(1)[0][0] == 0  # the tonic holds the most bars
        tonic_third = QUALITIES[blues.chords[0][1]][1]
        assert blues.mode == ("major" if tonic_third == 4 else "minor")
        assert all(QUALITIES[q][1] == tonic_third for root, q in blues.chords if root == 0)
        assert 7 in roots and 5 in roots  # I, IV and V, the minor blues' i, iv and V


@pytest.mark.parametrize("kind", ["coloured-major", "coloured-minor"])
def test_a_coloured_song_borrows_and_tonicises_but_cadences_home(kind: str) -> None:
    songs = draws(kind)
    mode = kind.split("-")[1]
    scale = set(IONIAN if mode == "major" else AEOLIAN)
    outside = 0
    for song in songs:
        roots = [root for root, _ in song.chords]
        assert song.mode == mode and len(roots) in (4, 8) and roots[-1] == 0
        assert QUALITIES[song.chords[-1][1]][1] == (4 if mode == "major" else 3)
        for (root, quality), following in zip(song.chords[:-1], roots[1:], strict=True):
            # A dominant seventh on a chord that is not the key's own V (or minor's VII) leads down a fifth.
            if quality == "dom7" and root not in (7, 10):
                assert (root + 5) % 12 == following, song.name
        outside += any((root + step) % 12 not in scale for root, q in song.chords for step in QUALITIES[q])
    assert DRAWS // 3 < outside < DRAWS  # most songs colour outside their key's scale, not all


@pytest.mark.parametrize("kind", EXTENDED_KINDS)
def test_an_extended_song_disguises_its_dominant_but_cadences_home(kind: str) -> None:
    songs = draws(kind)
    mode = kind.split("-")[1]
    before_home: Counter[tuple[int, str]] = Counter()
    extended = chords = 0
    for song in songs:
        roots = [root for root, _ in song.chords]
        assert song.mode == mode and len(roots) in (4, 8) and roots[-1] == 0
        assert QUALITIES[song.chords[-1][1]][1] == (4 if mode == "major" else 3)
        # Written as the labelled material is: the name's chords read back through `written`.
        notation = " ".join(song.name.split()[6:])
        assert written(song.name, mode, notation).chords == song.chords, song.name
        before_home[song.chords[-2]] += 1
        extended += sum(len(QUALITIES[q]) > 3 for _, q in song.chords)
        chords += len(roots)
    assert extended > 0.6 * chords  # sevenths and more on most chords, as the idiom voices them
    dominants = {chord: n for chord, n in before_home.items() if chord[1].startswith("dom")}
    # V as a plain dominant seventh is one of many: the tritone's substitute on bII and V suspended or
    # altered close most loops that close on a dominant.
    assert before_home[(7, "dom7")] < sum(dominants.values()) // 4
    assert sum(n for (root, _), n in dominants.items() if root == 1) > DRAWS // 10
    assert any(q in ("dom7sus4", "dom9sus4") for _, q in dominants)
    assert any(q in ("dom7b9", "dom7s9", "dom7b13") for _, q in dominants)


def test_a_random_song_is_drawn_as_the_tune_split_draws_its_songs_and_sounds_its_key() -> None:
    songs = [random_song(seed) for seed in range(len(KINDS))]
    assert songs == [random_song(seed) for seed in range(len(KINDS))]
    assert [s.category for s in songs] == list(KINDS)
    songs += [extended_song(seed) for seed in range(len(EXTENDED_KINDS))]
    assert [s.category for s in songs[len(KINDS) :]] == list(EXTENDED_KINDS)
    songs += [returning_song(seed) for seed in (0, 1)]
    assert [s.category for s in songs[-2:]] == ["modal", "modal"] and songs[-1] == returning_song(1)
    assert [s.progression.name.split()[:2] for s in songs[-2:] if s.progression] == [
        ["returning", "dorian"],
        ["returning", "phrygian"],
    ]
    for clip in songs:
        assert clip.progression is not None and clip.progression.own == "random"
        assert clip.key == (clip.tonic, clip.progression.mode) and clip.bpm is not None
        assert clip.meter in SONG_METERS["tune"] and 432.0 <= clip.reference_hz <= 446.0
    for clip in songs:  # both bands, with and without drums
        assert clip.progression is not None
        audio = render_clip(clip)
        assert audio.dtype == np.float32 and np.isfinite(audio).all()
        chroma = librosa.feature.chroma_stft(y=audio, sr=22050).mean(axis=1)
        # The chroma follows the written chords, each pitch class as many times as the bars sound it
        # (a song a semitone off correlates near 0).
        written = np.zeros(12)
        for root, quality in clip.progression.chords:
            written[[(clip.tonic + root + step) % 12 for step in QUALITIES[quality]]] += 1
        assert np.corrcoef(written, chroma)[0, 1] > 0.6, clip.describe()
        if clip.category in ("blues", "coloured-major", "coloured-minor", *EXTENDED_KINDS):
            continue  # their chords reach outside the scale on purpose
        # The song's scale, at its tonic, carries most of the chroma (7 of 12 pitch classes: 58% if flat).
        scale = [(clip.tonic + step) % 12 for step in clip.progression.scale]
        assert chroma[scale].sum() > 0.64 * chroma.sum(), clip.describe()
