"""The learned pitch classes: the log-frequency axis, the network's arithmetic, the shipped weights
(what they were fit on, and that they hear a chord's notes through its partials), their targets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from soundforge.analysis.pitch_classes import (
    BINS,
    BINS_PER_SEMITONE,
    CONTEXT,
    LOW_MIDI,
    REFERENCE_FRAMES,
    WEIGHTS_FILE,
    PitchClassNet,
    log_frequency_bank,
    network_inputs,
    pitch_classes,
    save_net,
    trained_net,
)
from soundforge.analysis.spectra import HOP, N_FFT, TUNING_FRAMES, Needs, frames_of
from soundforge.testing import music
from soundforge.testing.labelled_clips import DEVELOPMENT_SPLITS, SPLITS, clip_set, sounding_pitch_classes

SR = 22050


def tones(midis: list[int], seconds: float = 3.0, timbre: str = "piano") -> np.ndarray:
    """Notes of music.py's harmonic timbres sounding together, struck every half second."""
    out = np.zeros(int(seconds * SR), dtype=np.float32)
    for start in np.arange(0.0, seconds - 0.5, 0.5):
        at = int(start * SR)
        for midi in midis:
            note = music._note(midi, 440.0, 0.5, timbre, SR)
            out[at : at + note.size] += note
    return out / np.max(np.abs(out))


def test_a_tone_lands_in_its_own_log_frequency_bin_tuned_or_not() -> None:
    for tuning in (0.0, 0.3):
        bank = log_frequency_bank(SR, N_FFT, tuning)
        hz = 440.0 * 2 ** (tuning / 12)  # A4 as the track tunes it
        power = np.zeros(N_FFT // 2 + 1)
        power[round(hz * N_FFT / SR)] = 1.0
        assert bank.shape == (BINS, N_FFT // 2 + 1)
        loudest = int(np.argmax(bank @ power))
        # STFT bins 10.8 Hz apart put the tone's bin up to 0.21 semitones off its pitch.
        assert abs(LOW_MIDI + loudest / BINS_PER_SEMITONE - 69) < 0.5


def test_network_inputs_set_each_frame_beside_its_context() -> None:
    spectrum = np.zeros((BINS, 10), dtype=np.float32)
    spectrum[5, 7] = 1.0  # one bin lit in frame 7
    inputs = network_inputs(spectrum)
    assert inputs.shape == (10, BINS * len(CONTEXT))
    for block, offset in enumerate(CONTEXT):
        lit = [frame for frame in range(10) if inputs[frame, block * BINS + 5] > 0]
        assert lit == [7 - offset] or (7 - offset not in range(10) and lit in ([], [0], [9]))


def test_the_spectral_pass_streams_what_the_network_hears_in_the_whole_track() -> None:
    # 50 s: longer than the frames the loudness is read against (held until the tuning is known).
    piece = music.render(music.Piece(tonic=3, mode="minor", bpm=124.0, seconds=50.0, seed=8), SR)
    frames = frames_of(piece, Needs(stft=True, chroma=True, pitch_classes=True, log_frequency=True))
    assert REFERENCE_FRAMES == TUNING_FRAMES < frames.frames
    assert frames.log_frequency is not None and frames.pitch_classes is not None
    whole, bass = pitch_classes(frames.log_frequency)
    assert frames.pitch_classes.shape == (12, frames.frames)
    assert np.allclose(frames.pitch_classes, whole, atol=1e-5)
    assert frames.bass_pitch_classes is not None and np.allclose(frames.bass_pitch_classes, bass, atol=1e-5)
    # The training script's inputs (network_inputs, a whole clip at once) are the ones the stream feeds.
    fit_on = trained_net().activations(network_inputs(frames.log_frequency)).T
    assert np.allclose(fit_on[:12], frames.pitch_classes, atol=1e-5)


def test_the_network_computes_relu_layers_then_a_sigmoid(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    layers = (
        (rng.normal(size=(6, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32)),
        (rng.normal(size=(4, 24)).astype(np.float32), rng.normal(size=24).astype(np.float32)),
    )
    net = PitchClassNet(np.full(6, 0.5, np.float32), np.full(6, 2.0, np.float32), layers)
    x = rng.normal(size=(3, 6)).astype(np.float32)
    hidden = np.maximum(((x - 0.5) / 2.0) @ layers[0][0] + layers[0][1], 0.0)
    expected = 1 / (1 + np.exp(-(hidden @ layers[1][0] + layers[1][1])))
    assert np.allclose(net.activations(x), expected, atol=1e-6)
    # What save_net writes, trained_net reads back, with what it was fit on beside it.
    path = tmp_path / "net.npz"
    save_net(net, path, {"trained_on": ["tune seed 1"]})
    back = trained_net.__wrapped__(path)
    assert np.allclose(back.activations(x), expected, atol=1e-6)


def test_the_shipped_network_was_fit_on_training_seeds_of_splits_already_read() -> None:
    with np.load(WEIGHTS_FILE) as stored:
        about = json.loads(str(stored["about"]))
    named = {split for entry in about["trained_on"] for split in re.findall(r"[\w-]+(?= seed)", entry)}
    assert named and named <= {"tune", *DEVELOPMENT_SPLITS}
    assert all(not entry.endswith(" seed 0") for entry in about["trained_on"])  # the bench's seed
    assert not named & (set(SPLITS) - {"tune", *DEVELOPMENT_SPLITS})  # held-out splits: never


def test_the_shipped_network_hears_a_chords_notes_and_its_bass_through_the_partials() -> None:
    # A minor, A in the bass: the piano's partials add E (3rd), C# (5th) and G (7th) of the A.
    frames = frames_of(tones([45, 57, 60, 64]), Needs(stft=True, chroma=True, log_frequency=True))
    assert frames.log_frequency is not None and frames.log_frequency.shape == (BINS, frames.frames)
    heard, bass = pitch_classes(frames.log_frequency)
    middle = slice(10, frames.frames - 10)
    mean, bass_mean = heard[:, middle].mean(axis=1), bass[:, middle].mean(axis=1)
    assert sorted(np.argsort(mean)[-3:].tolist()) == [0, 4, 9]  # C, E and A
    assert mean[[0, 4, 9]].min() > 0.5 and np.delete(mean, [0, 4, 9]).max() < 0.3
    assert int(np.argmax(bass_mean)) == 9 and np.delete(bass_mean, 9).max() < 0.5 * bass_mean[9]


def test_the_targets_are_what_the_score_sounds_frame_by_frame() -> None:
    song = next(clip for clip in clip_set("tune", 0) if clip.category == "dwelling")
    frames = 1 + int(song.seconds * SR) // HOP
    sounding = sounding_pitch_classes(song, frames, SR / HOP)
    assert sounding.shape == (24, frames) and sounding.dtype == np.uint8
    # The bass plays among the sounding pitch classes, under chords of three notes or more, on the
    # progression's roots or fifths, or its written bass notes.
    assert np.all(sounding[:12] >= sounding[12:])
    sounded = sounding[:12].sum(axis=0)
    assert np.median(sounded[sounded > 0]) >= 3
    assert song.progression is not None
    roots = {(song.tonic + root) % 12 for root, _ in song.progression.chords}
    written = [b for b in song.progression.bass or () if b is not None]
    roots |= {(root + 7) % 12 for root in roots} | {(song.tonic + b) % 12 for b in written}
    assert set(np.nonzero(sounding[12:].sum(axis=1))[0].tolist()) <= roots
    noise = next(clip for clip in clip_set("tune", 0) if clip.category == "noise")
    assert not sounding_pitch_classes(noise, 100, SR / HOP).any()
