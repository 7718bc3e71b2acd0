"""The DAW mixdown: DSP measured in numbers, manifest validation, and the StemMixer over a real store."""

from __future__ import annotations

import json
import math
import os
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
import soundfile
import soxr

from soundforge.runtime.errors import NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from soundforge.separation import mix_manifest
from soundforge.separation.mix_manifest import MixPlan
from soundforge.separation.mix_sources import StemReader
from soundforge.separation.mixdown import StemMixer
from soundforge.separation.mixing import Block, mix_blocks, pan_gains
from soundforge.separation.settings import SeparationSettings
from soundforge.storage import LocalBlobStore, keys

RATE = 1000  # a round rate makes every time below an exact frame
OWNER = "owner-1"


class ArraySource:
    """A StemSource over an array already at the mix rate."""

    def __init__(self, audio: npt.NDArray[np.float64], rate: int = RATE) -> None:
        self.audio = audio.reshape(len(audio), -1).astype(np.float32)
        if self.audio.shape[1] == 1:
            self.audio = np.repeat(self.audio, 2, axis=1)
        self.seconds = len(audio) / rate
        self.position = 0

    def read(self, frames: int) -> Block:
        out = np.zeros((frames, 2), dtype=np.float32)
        piece = self.audio[self.position : self.position + frames]
        out[: len(piece)] = piece
        self.position += frames
        return out


def ones(seconds: float = 1.0) -> npt.NDArray[np.float64]:
    return np.ones(round(seconds * RATE))


def sine(freq: float, seconds: float, rate: int, amplitude: float = 0.5) -> npt.NDArray[np.float64]:
    return amplitude * np.sin(2 * np.pi * freq * np.arange(round(seconds * rate)) / rate)


def plan(manifest: dict[str, Any], inputs: int) -> MixPlan:
    return mix_manifest.parse(json.dumps(manifest), [[f"in{i}"] for i in range(inputs)])


def mix(manifest: dict[str, Any], *audio: npt.NDArray[np.float64], block: int = 4096) -> Block:
    sources = [ArraySource(a) for a in audio]
    blocks = list(mix_blocks(sources, plan(manifest, len(audio)), RATE, block_frames=block))
    return np.concatenate(blocks) if blocks else np.zeros((0, 2), dtype=np.float32)


def rms(x: npt.NDArray[Any]) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def invalid(manifest: Any, inputs: int = 2) -> dict[str, list[str]]:
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    with pytest.raises(ValidationFailed) as caught:
        mix_manifest.parse(text, [[f"in{i}"] for i in range(inputs)])
    details: dict[str, list[str]] = caught.value.details
    return details


# -- DSP, measured ---------------------------------------------------------------------------


@pytest.mark.parametrize("gain_db", [-12.0, -6.0, 0.0, 3.5])
def test_gain_in_db_is_measured_on_the_output(gain_db: float) -> None:
    audio = sine(50, 1.0, RATE)
    out = mix({"stems": [{"gain_db": gain_db}]}, audio)
    measured = 20 * math.log10(rms(out[:, 0]) / rms(audio))
    assert measured == pytest.approx(gain_db, abs=1e-4)


def test_an_untouched_mix_is_the_plain_sum() -> None:
    a, b = sine(50, 1.0, RATE), sine(70, 0.6, RATE, 0.3)
    out = mix({}, a, b)
    expected = a.copy()
    expected[: len(b)] += b
    np.testing.assert_allclose(out[:, 0], expected, atol=1e-6)
    np.testing.assert_allclose(out[:, 1], expected, atol=1e-6)


@pytest.mark.parametrize("pan", [-1.0, -0.5, 0.0, 0.25, 1.0])
def test_pan_is_constant_power_with_unity_centre(pan: float) -> None:
    out = mix({"stems": [{"pan": pan}]}, ones())
    left, right = float(out[0, 0]), float(out[0, 1])
    assert left**2 + right**2 == pytest.approx(2.0, abs=1e-6)
    theta = (pan + 1) * math.pi / 4
    assert (left, right) == pytest.approx((math.sqrt(2) * math.cos(theta), math.sqrt(2) * math.sin(theta)))
    assert pan_gains(0.0) == pytest.approx((1.0, 1.0))


def test_hard_pans_silence_the_other_side() -> None:
    out = mix({"stems": [{"pan": -1}, {"pan": 1}]}, ones(), 2 * ones())
    assert out[0, 0] == pytest.approx(math.sqrt(2))
    assert out[0, 1] == pytest.approx(2 * math.sqrt(2))


def test_mute_and_solo_pick_the_audible_stems() -> None:
    stems = (ones(), 10 * ones(), 100 * ones())
    assert mix({"stems": [{}, {"mute": True}, {}]}, *stems)[0, 0] == pytest.approx(101)
    assert mix({"stems": [{}, {"solo": True}, {"solo": True}]}, *stems)[0, 0] == pytest.approx(110)
    # Mute wins over solo; the other stems stay silent because someone is soloed.
    assert mix({"stems": [{}, {"solo": True, "mute": True}, {}]}, *stems)[0, 0] == pytest.approx(0)


def test_muting_everything_keeps_the_length_in_silence() -> None:
    out = mix({"mutes": ["in0", "in1"]}, ones(0.5), ones(0.8))
    assert out.shape == (800, 2)
    assert not out.any()


def test_trim_keeps_the_stem_in_place_and_silences_the_rest() -> None:
    out = mix({"stems": [{"edits": [{"type": "trim", "start": 0.25, "end": 0.5}]}]}, ones())
    nonzero = np.flatnonzero(out[:, 0])
    assert (nonzero[0], nonzero[-1]) == (250, 499)
    assert len(out) == 500  # the trimmed end is the end of a mix of one stem


def test_fades_are_linear_from_the_trim_edges() -> None:
    edits = [
        {"type": "trim", "start": 0.1},
        {"type": "fade_in", "duration": 0.1},
        {"type": "fade-out", "seconds": 0.2},
    ]
    out = mix({"stems": [{"edits": edits}]}, ones())[:, 0]
    assert out[100] == pytest.approx(0.0)
    assert out[150] == pytest.approx(0.5)
    assert out[200:800] == pytest.approx(np.ones(600))
    assert out[900] == pytest.approx(0.5)  # 0.1 s before the end of a 0.2 s fade
    assert out[999] == pytest.approx(0.005)


def test_gain_changes_hold_from_their_time_and_ramp_when_asked() -> None:
    edits = [
        {"type": "gain", "at": 0.5, "gain_db": -6.0},
        {"type": "gain_change", "time": 0.8, "gain": 0.0, "ramp": 0.1},
    ]
    out = mix({"stems": [{"gain_db": -3.0, "edits": edits}]}, ones())[:, 0]
    base = 10 ** (-3 / 20)
    assert out[:500] == pytest.approx(np.full(500, base))
    assert out[500:800] == pytest.approx(np.full(300, base * 10 ** (-6 / 20)))
    assert out[850] == pytest.approx(base * (10 ** (-6 / 20) + 1) / 2)  # half way up the ramp
    assert out[900:] == pytest.approx(np.full(100, base))


def test_master_gain_applies_to_the_sum() -> None:
    out = mix({"master": {"gain_db": -20}}, ones(), ones())
    assert out[0, 0] == pytest.approx(0.2)


def test_block_size_does_not_change_the_mix() -> None:
    manifest = {
        "stems": [
            {
                "pan": 0.3,
                "edits": [{"type": "fade_in", "duration": 0.33}, {"type": "gain", "at": 0.41, "gain": -4}],
            },
            {"gain_db": -2, "edits": [{"type": "trim", "start": 0.123, "end": 0.77}]},
        ]
    }
    a, b = sine(31, 1.0, RATE), sine(17, 0.9, RATE)
    np.testing.assert_array_equal(mix(manifest, a, b, block=7), mix(manifest, a, b, block=100_000))


# -- Reading stems: rates, lengths, channels -------------------------------------------------


def write(path: Path, audio: npt.NDArray[np.float64], rate: int, **options: Any) -> Path:
    soundfile.write(str(path), audio, rate, **options)
    return path


def test_the_reader_resamples_as_a_stream_like_soxr_in_one_go(tmp_path: Path) -> None:
    audio = sine(440, 2.0, 44100)
    reader = StemReader(write(tmp_path / "a.wav", audio, 44100, subtype="FLOAT"), 48000, "stems[0]")
    streamed = np.concatenate([reader.read(5000) for _ in range(20)])[:, 0]
    reader.close()
    one_shot = soxr.resample(audio.astype(np.float32), 44100, 48000)
    n = len(one_shot)
    np.testing.assert_allclose(streamed[:n], one_shot, atol=1e-4)
    assert not streamed[n + 10 :].any()  # then silence


def test_a_mono_stem_sounds_on_both_sides(tmp_path: Path) -> None:
    reader = StemReader(write(tmp_path / "m.flac", sine(100, 0.1, 8000), 8000), 8000, "stems[0]")
    block = reader.read(800)
    reader.close()
    np.testing.assert_array_equal(block[:, 0], block[:, 1])
    assert rms(block) > 0.3


def test_more_than_two_channels_is_a_422(tmp_path: Path) -> None:
    path = write(tmp_path / "six.wav", np.zeros((100, 6)), 8000)
    with pytest.raises(ValidationFailed) as caught:
        StemReader(path, 8000, "stems[3]")
    assert "stems[3]" in caught.value.details


def test_non_finite_samples_are_silenced_not_spread(tmp_path: Path) -> None:
    audio = np.full((100, 2), 0.25)
    audio[10] = np.nan
    audio[20] = np.inf
    reader = StemReader(write(tmp_path / "nan.wav", audio, 8000, subtype="FLOAT"), 8000, "stems[0]")
    block = reader.read(100)
    reader.close()
    assert np.isfinite(block).all()
    assert block[10, 0] == 0 and block[20, 1] == 0 and block[30, 0] == 0.25


# -- Manifest validation ---------------------------------------------------------------------


def test_invalid_values_are_named_in_details() -> None:
    details = invalid({"stems": [{"pan": 2}, {"gain_db": "loud"}]})
    assert set(details) == {"manifest.stems[0].pan", "manifest.stems[1].gain_db"}


def test_edits_are_checked() -> None:
    assert "manifest.stems[0].edits[0]" in invalid(
        {"stems": [{"edits": [{"type": "trim", "start": 3, "end": 1}]}]}
    )
    assert "manifest.stems[0].edits[0]" in invalid({"stems": [{"edits": [{"type": "reverse"}]}]})
    assert "manifest.stems[0].edits[0].duration" in invalid(
        {"stems": [{"edits": [{"type": "fade_in", "duration": 0}]}]}
    )
    twice = [{"type": "fade_in", "duration": 1}, {"type": "fade_in", "duration": 2}]
    assert invalid({"stems": [{"edits": twice}]}) == {
        "manifest.stems[0]": ["at most one fade_in edit per stem"]
    }


def test_unknown_fields_and_stem_names_are_refused() -> None:
    assert "manifest.stems[0].fade_ni" in invalid({"stems": [{"fade_ni": 1}]})
    assert "manifest.stems[0]" in invalid({"stems": [{"stem": "cowbell"}]})
    assert "manifest.stems[0]" in invalid({"stems": [{"stem": 5}]})
    assert "manifest.stems[1]" in invalid({"stems": [{"stem": "in0"}, {"stem": 0}]})


def test_a_manifest_must_be_a_json_object() -> None:
    assert invalid("not json") == {"manifest": ["is not valid JSON"]}
    assert invalid("[1, 2]") == {"manifest": ["must be a JSON object"]}
    assert "manifest.sample_rate" in invalid({"sample_rate": 1})


def test_maps_merge_into_stems_and_saying_a_thing_twice_is_refused() -> None:
    merged = plan(
        {"volumes": {"in1": -6}, "pans": {"in1": 0.5}, "solos": ["in0"], "stems": [{"stem": "in0"}]}, 2
    )
    assert merged.stems[1].gain == pytest.approx(10 ** (-6 / 20))
    assert merged.stems[1].pan == 0.5
    assert (merged.stems[0].audible, merged.stems[1].audible) == (True, False)
    assert "manifest" in invalid({"volumes": {"in0": -6}, "stems": [{"stem": "in0", "gain_db": 1}]})


def test_names_from_the_gateway_and_ambiguous_names() -> None:
    names = [["vocals.wav", "vocals"], ["stem-id-1", "vocals"]]
    parsed = mix_manifest.parse(
        json.dumps({"stem_names": names, "stems": [{"stem": "stem-id-1", "mute": True}]}), [[], []]
    )
    assert [s.audible for s in parsed.stems] == [True, False]
    details = invalid({"stem_names": names, "stems": [{"stem": "vocals"}]})
    assert details == {"manifest.stems[0]": ["'vocals' names more than one stem; use its position"]}


# -- StemMixer over a real store -------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> LocalBlobStore:
    return LocalBlobStore(tmp_path / "blobs")


def mixer(store: LocalBlobStore, tmp_path: Path, **settings: Any) -> StemMixer:
    return StemMixer(store, SeparationSettings(**settings), tmp_path)


async def put_audio(
    store: LocalBlobStore, key: str, audio: npt.NDArray[np.float64], rate: int, **options: Any
) -> str:
    path = Path(store.root.parent, key.replace("/", "_"))
    soundfile.write(str(path), audio, rate, **{"format": "WAV", **options})
    await store.put_file(key, path)
    return key


async def read_mix(store: LocalBlobStore, key: str, tmp_path: Path) -> tuple[npt.NDArray[np.float64], int]:
    await store.get_file(key, tmp_path / "out.wav")
    audio, rate = soundfile.read(str(tmp_path / "out.wav"), always_2d=True)
    assert soundfile.info(str(tmp_path / "out.wav")).subtype == "FLOAT"
    return audio, rate


async def test_stems_of_different_rates_and_lengths_mix_at_the_highest_rate(
    store: LocalBlobStore, tmp_path: Path
) -> None:
    first = await put_audio(store, keys.daw_upload_key(OWNER, "e1", 0), sine(1000, 1.0, 44100), 44100)
    second = await put_audio(
        store, keys.daw_upload_key(OWNER, "e1", 1), sine(3000, 0.5, 48000, 0.2), 48000, format="FLAC"
    )
    key = await mixer(store, tmp_path).export(OWNER, "t1", [first, second], "{}")
    assert keys.owned_by(key, OWNER)
    audio, rate = await read_mix(store, key, tmp_path)
    assert (rate, audio.shape) == (48000, (48000, 2))
    spectrum = np.abs(np.fft.rfft(audio[:24000, 0]))
    freqs = np.fft.rfftfreq(24000, 1 / 48000)
    assert sorted(freqs[np.argsort(spectrum)[-2:]]) == [1000.0, 3000.0]
    later = np.abs(np.fft.rfft(audio[24000:, 0]))
    later_freqs = freqs
    assert later_freqs[np.argmax(later)] == 1000.0
    assert later[np.searchsorted(later_freqs, 3000.0)] < 1e-3 * later.max()  # the short stem is padded


async def test_overs_are_kept_in_float_and_not_normalised(store: LocalBlobStore, tmp_path: Path) -> None:
    loud = [
        await put_audio(store, keys.daw_upload_key(OWNER, "e2", i), np.full(800, 0.8), 8000) for i in range(2)
    ]
    key = await mixer(store, tmp_path).export(OWNER, "t1", loud, json.dumps({"sample_rate": 8000}))
    audio, _ = await read_mix(store, key, tmp_path)
    assert audio[:, 0] == pytest.approx(np.full(800, 1.6), abs=1e-4)


async def test_another_users_key_is_not_found(store: LocalBlobStore, tmp_path: Path) -> None:
    theirs = await put_audio(store, keys.daw_upload_key("owner-2", "e3", 0), np.zeros(100), 8000)
    with pytest.raises(NotFound):
        await mixer(store, tmp_path).export(OWNER, "t1", [theirs], "{}")
    with pytest.raises(NotFound):
        await mixer(store, tmp_path).export(OWNER, "t1", [f"users/{OWNER}/../owner-2/x"], "{}")
    with pytest.raises(NotFound):
        await mixer(store, tmp_path).export(OWNER, "t1", [keys.daw_upload_key(OWNER, "e3", 9)], "{}")


async def test_a_file_that_is_not_audio_is_415(store: LocalBlobStore, tmp_path: Path) -> None:
    key = keys.daw_upload_key(OWNER, "e4", 0)
    await store.put_bytes(key, b"%PDF-1.4 definitely not audio" * 50)
    with pytest.raises(UnsupportedMediaType) as caught:
        await mixer(store, tmp_path).export(OWNER, "t1", [key], "{}")
    assert "stems[0]" in caught.value.message


async def test_limits_on_count_and_length_are_413(store: LocalBlobStore, tmp_path: Path) -> None:
    stems = [
        await put_audio(store, keys.daw_upload_key(OWNER, "e5", i), np.zeros(16000), 8000) for i in range(3)
    ]
    with pytest.raises(PayloadTooLarge):
        await mixer(store, tmp_path, mix_max_stems=2).export(OWNER, "t1", stems, "{}")
    with pytest.raises(PayloadTooLarge):
        await mixer(store, tmp_path, mix_max_seconds=1.5).export(OWNER, "t1", stems, "{}")


async def test_inputs_stay_and_nothing_is_left_in_scratch(store: LocalBlobStore, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    stem = await put_audio(store, keys.daw_upload_key(OWNER, "e6", 0), np.zeros(800), 8000)
    key = await StemMixer(store, SeparationSettings(), scratch).export(OWNER, "t1", [stem], "{}")
    assert await store.exists(stem) and await store.exists(key)
    assert list(scratch.iterdir()) == []


def test_memory_stays_one_block_per_stem_whatever_the_length(tmp_path: Path) -> None:
    """Peak allocations mixing 40 s of three stems stay near those of 4 s: nothing is held whole."""

    def peak_bytes(seconds: float) -> int:
        paths = [
            write(tmp_path / f"{seconds}-{i}.wav", sine(220 * (i + 1), seconds, 44100), 44100)
            for i in range(3)
        ]
        readers = [StemReader(path, 48000, f"stems[{i}]") for i, path in enumerate(paths)]
        tracemalloc.start()
        try:
            for _ in mix_blocks(readers, plan({}, 3), 48000):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            for reader in readers:
                reader.close()

    short, long = peak_bytes(4.0), peak_bytes(40.0)
    whole_stem = 40 * 48000 * 2 * 4
    assert long < 1.5 * short
    assert long < whole_stem / 2


async def test_stale_daw_objects_of_the_owner_are_swept(store: LocalBlobStore, tmp_path: Path) -> None:
    stale = keys.daw_mix_key(OWNER, "left-behind")
    fresh = keys.daw_upload_key(OWNER, "in-flight", 0)
    for key in (stale, fresh):
        await store.put_bytes(key, b"x")
    hours_ago = time.time() - 2 * 3600
    os.utime(store.root / stale, (hours_ago, hours_ago))
    stem = await put_audio(store, keys.daw_upload_key(OWNER, "e7", 0), np.zeros(800), 8000)
    await mixer(store, tmp_path).export(OWNER, "t1", [stem], "{}")
    assert not await store.exists(stale)
    assert await store.exists(fresh)
