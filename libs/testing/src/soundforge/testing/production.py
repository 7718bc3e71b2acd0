"""What a record's production does to a rendered clip: a room, a line, a tape, a limiter, a lossy encode."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile
from scipy import signal

from soundforge.testing import production_bus, step_code
from soundforge.testing.render_files import cached, ffmpeg_decode, render_cache, store

Samples = npt.NDArray[np.float32]

_WET = 0.35  # the room's share of the mix
_BAND = (110.0, 4800.0)  # Hz: an old line or a small speaker, 4th-order Butterworth
_MP3_KBPS = 48
_RT60 = (0.4, 1.1)  # s: a room's reverb time, drawn
_SMALL_RT60 = (0.15, 0.35)  # s: a small, damped room's
_WOW_CENTS = 5.0  # a tape's wow at its deepest: a slow sway around the pitch, never off it
_LIMIT = 0.3  # a limiter's ceiling against the peak (about -10 dB): what rises above it is held down
_AAC_KBPS = 40
_DRIVE = 2.5  # a saturating stage's drive: the peak goes in at 2.5x the level where it starts to bend
_OPUS_KBPS = 24
_CHORUS_CENTS = 4.0  # a chorus's voices at their deepest: a slow sway around the pitch, never off it
_CHORUS_DELAYS = (0.011, 0.017)  # s: its two voices' mean delays, behind the dry sound
_CHORUS_MIX = 0.3  # each voice's share against the dry sound
_HISS_DB = -34.0  # a worn record's surface noise against the music's level
_CRACKLE_PER_SECOND = 3.0
_PHASER_SWEEP = (400.0, 1600.0)  # Hz: where its all-pass stages' break frequency sweeps, slowly
_PHASER_STAGES = 4
_PHASER_MIX = 0.5  # the shifted copy's share against the dry sound: two notches sweeping
_PHASER_BLOCK = 64  # samples a stage's coefficient holds
_CRUSH_RATES = (9000.0, 13000.0)  # Hz: an old sampler's rate, drawn; no filter against its aliases
_CRUSH_BITS = 12
_DUCK_KEY = 120.0  # Hz: the key's low-pass, where a kick drum's thump is and little else
_DUCK_DB = 9.0  # how far the mix is turned down at the key's loudest
_DUCK_TIMES = (0.003, 0.18)  # s: the ducking's attack and release, a pump on every kick
_GATE = (0.22, 0.34)  # s: how long a gated reverb rings before its gate shuts, drawn
_GATE_WET = 0.45  # its share against the dry sound
_BANDS = (200.0, 3000.0)  # Hz: a multiband compressor's crossovers
_LOUD_RATIO = 6.0  # each band's ratio above its threshold (its own RMS)
_LOUD_CLIP = 0.5  # the summed bands, driven up and cut flat at this share of their peak
_TAPE_DRIVE = 1.3  # the peak goes in at 1.3x the level where its curve starts to bend
_TAPE_BIAS = 0.15  # a tape's asymmetry: even harmonics beside the odd ones of its curve
_TAPE_BUMP = (80.0, 3.0)  # Hz, dB: its playback head's low bump
_TAPE_HISS_DB = -48.0


# The code a chain runs (step_code: its steps' source in this module and production_bus, and what
# they read), in the produced cache's key beside the input, chain and seed: a step retuned (a
# constant, its arithmetic) produces afresh, where keyed by its inputs alone it read the old output
# back until the cache was emptied by hand.
_SOURCES = (Path(__file__).read_text(), Path(production_bus.__file__).read_text())
_STEP_TABLES = frozenset({"_PLAIN_STEPS", "_DRAWN_STEPS", "STEPS"})


@cache
def chain_code(chain: str, sources: tuple[str, ...] = _SOURCES) -> str:
    """A digest of the code produce() runs for `chain`: its own, and each step's (step_code)."""
    reads, defined = _read_steps(sources)
    roots = {"produce", *(name for step in chain.split("+") for name in reads[step])}
    return step_code.code_digest(roots, defined, skip=_STEP_TABLES)


@cache
def _read_steps(sources: tuple[str, ...]) -> tuple[dict[str, frozenset[str]], step_code.Definitions]:
    """Per step, the names its entry in the step tables reads; and the modules' definitions."""
    tables = [step_code.table_reads(sources[0], table) for table in ("_PLAIN_STEPS", "_DRAWN_STEPS")]
    return {**tables[0], **tables[1]}, step_code.definitions(*sources)


def produce(samples: Samples, sample_rate: int, chain: str, seed: int) -> Samples:
    """`samples` through the steps named in `chain` ("dry", or steps of STEPS joined by "+"), peaking
    at about -3 dBFS again and as long as they were; the same chain and seed give the same audio. A
    production never moves a pitch or a beat: what a clip is labelled stays what it sounds."""
    if chain == "dry":
        return samples
    steps = chain.split("+")
    assert set(steps) <= set(STEPS), chain
    key = f"{sample_rate} {chain} {seed} {chain_code(chain)}".encode()
    digest = hashlib.sha256(samples.tobytes() + key).hexdigest()[:24]
    cache = render_cache() / "produced" / f"{digest}.npy"
    if cached(cache):
        return np.load(cache)
    out = samples.astype(np.float64)
    for step in steps:
        if step in _DRAWN_STEPS:
            out = _DRAWN_STEPS[step](out, sample_rate, np.random.default_rng(seed))
        else:
            out = _PLAIN_STEPS[step](out, sample_rate)
    peak = float(np.max(np.abs(out))) or 1.0
    produced = (out * (0.7 / peak)).astype(np.float32)
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_suffix(f".{os.getpid()}.npy")
    np.save(partial, produced)
    store(partial, cache)
    return produced


def _room(
    samples: npt.NDArray[np.float64],
    sample_rate: int,
    rng: np.random.Generator,
    rt60s: tuple[float, float] = _RT60,
) -> npt.NDArray[np.float64]:
    """A room's reverb: a few early reflections, then a tail of decaying noise (RT60 drawn from
    `rt60s`) that loses its highs as it decays, mixed under the dry sound."""
    rt60 = float(rng.uniform(*rt60s))
    t = np.arange(int(1.5 * rt60 * sample_rate)) / sample_rate
    tail = rng.normal(size=t.size) * 10.0 ** (-3.0 * t / rt60)
    sos = signal.butter(2, 3000.0, btype="lowpass", fs=sample_rate, output="sos")
    tail = 0.5 * tail + 0.5 * signal.sosfilt(sos, tail)
    tail[: int(0.012 * sample_rate)] = 0.0  # the direct sound comes first
    for delay in rng.uniform(0.004, 0.03, size=4):
        tail[int(delay * sample_rate)] += float(rng.uniform(0.3, 0.6)) * tail.std() * 40
    tail /= np.sqrt(np.sum(tail**2))
    return production_bus.reverberate(samples, tail, _WET)


def _small_room(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A small, damped room: _room with a reverb time drawn in _SMALL_RT60."""
    return _room(samples, sample_rate, rng, _SMALL_RT60)


def _band(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """An old line or a small speaker: _BAND's passband, 4th-order Butterworth."""
    sos = signal.butter(4, _BAND, btype="bandpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfilt(sos, samples))


def _wow(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A tape's wow: the audio read at a time that sways slowly (0.4-1.2 Hz) around the true one, so
    its pitch sways by at most _WOW_CENTS around where it was and no beat moves by as much as a
    millisecond."""
    rate = float(rng.uniform(0.4, 1.2))
    phase = float(rng.uniform(0.0, 2 * np.pi))
    # A delay of depth * sin(2 pi rate t) bends the pitch by up to 2 pi rate depth (relative).
    depth = (2.0 ** (_WOW_CENTS / 1200.0) - 1.0) / (2 * np.pi * rate)
    t = np.arange(samples.size) / sample_rate
    read = t - depth * np.sin(2 * np.pi * rate * t + phase)
    return np.interp(read * sample_rate, np.arange(samples.size), samples)


def _limit(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """A look-ahead limiter: whatever peaks above _LIMIT of the clip's peak is turned down to it, the
    gain falling over 5 ms before a peak and recovering over ~80 ms after, as a mastering limiter
    squashes a record's drums; what stays under it is untouched."""
    peak = float(np.max(np.abs(samples))) or 1.0
    held = production_bus.peak_hold(np.abs(samples) / peak, sample_rate)
    gain = np.minimum(1.0, _LIMIT / np.maximum(held, 1e-9))
    smoothed = production_bus.envelope(gain - 1.0, sample_rate, 0.08) + 1.0
    return samples * np.minimum(gain, smoothed)


def _saturate(samples: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """A tape or a valve stage driven hard: every sample through a soft clipping curve (tanh), so that
    loud peaks bend and add harmonics of the notes they carry, quiet passages pass almost untouched."""
    peak = float(np.max(np.abs(samples))) or 1.0
    return np.tanh(_DRIVE * samples / peak) / np.tanh(_DRIVE)


def _chorus(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A chorus pedal or an ensemble: the dry sound and two copies read a little later at times that
    sway slowly (0.3-0.9 Hz) and apart, so each copy's pitch sways by at most _CHORUS_CENTS around the
    dry one and the mix thickens without moving a note or a beat."""
    t = np.arange(samples.size) / sample_rate
    out = samples.copy()
    for delay in _CHORUS_DELAYS:
        rate = float(rng.uniform(0.3, 0.9))
        depth = (2.0 ** (_CHORUS_CENTS / 1200.0) - 1.0) / (2 * np.pi * rate)
        read = t - delay - depth * np.sin(2 * np.pi * rate * t + float(rng.uniform(0.0, 2 * np.pi)))
        out += _CHORUS_MIX * np.interp(read * sample_rate, np.arange(samples.size), samples, left=0.0)
    return out


def _vinyl(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A worn record: its surface's hiss (_HISS_DB under the music's level, its highs rolled off), a
    turntable's rumble below 40 Hz, and sparse soft crackle (clicks of a few samples at random times,
    each well under the music), added to the music played through a cartridge's gentle high cut."""
    level = production_bus.rms(samples)
    sos = signal.butter(2, 7000.0, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfilt(sos, samples)
    hiss = signal.sosfilt(sos, rng.normal(size=samples.size))
    rumble = signal.sosfilt(
        signal.butter(2, 40.0, btype="lowpass", fs=sample_rate, output="sos"), rng.normal(size=samples.size)
    )
    noise = hiss / (np.std(hiss) or 1.0) + 0.5 * rumble / (np.std(rumble) or 1.0)
    out += level * 10.0 ** (_HISS_DB / 20.0) * noise
    count = int(_CRACKLE_PER_SECOND * samples.size / sample_rate)
    for at, size in zip(rng.integers(0, samples.size - 8, count), rng.uniform(0.5, 2.0, count), strict=True):
        out[at : at + 4] += level * 0.1 * size * np.array([1.0, -0.6, 0.3, -0.1])
    return out


def _phaser(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A phaser across the mix: the sound through _PHASER_STAGES first-order all-pass stages whose
    break frequency sweeps between _PHASER_SWEEP's ends (0.1-0.3 Hz, log), mixed with the dry sound
    so that notches sweep through the spectrum; an all-pass moves phases, never a note or a beat."""
    rate = float(rng.uniform(0.1, 0.3))
    phase = float(rng.uniform(0.0, 2 * np.pi))
    starts = np.arange(0, samples.size, _PHASER_BLOCK)
    low, high = np.log(_PHASER_SWEEP[0]), np.log(_PHASER_SWEEP[1])
    sway = 0.5 + 0.5 * np.sin(2 * np.pi * rate * starts / sample_rate + phase)
    tangent = np.tan(np.pi * np.exp(low + (high - low) * sway) / sample_rate)
    coefficients = (tangent - 1.0) / (tangent + 1.0)
    wet = samples.copy()
    for _ in range(_PHASER_STAGES):
        state = np.zeros(1)
        shifted = np.empty_like(wet)
        for start, a in zip(starts, coefficients, strict=True):
            block = slice(start, start + _PHASER_BLOCK)
            shifted[block], state = signal.lfilter([a, 1.0], [1.0, a], wet[block], zi=state)
        wet = shifted
    return (1.0 - _PHASER_MIX) * samples + _PHASER_MIX * wet


def _crush(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """An old sampler: every sample held until its next tick at a low rate (drawn from _CRUSH_RATES,
    without a filter against the aliases it folds down) and kept in _CRUSH_BITS-bit words; a tick is
    never more than a tenth of a millisecond late, and no note moves."""
    rate = float(rng.uniform(*_CRUSH_RATES))
    ticks = np.floor(np.arange(samples.size) * rate / sample_rate)
    held = samples[np.floor(ticks * sample_rate / rate).astype(np.int64)]
    step = (float(np.max(np.abs(samples))) or 1.0) / 2 ** (_CRUSH_BITS - 1)
    return np.round(held / step) * step


def _follow(
    level: npt.NDArray[np.float64], sample_rate: int, attack: float, release: float
) -> npt.NDArray[np.float64]:
    """An envelope follower: `level` tracked upward over `attack` seconds, downward over `release`."""
    rising, falling = np.exp(-1.0 / (attack * sample_rate)), np.exp(-1.0 / (release * sample_rate))
    out = np.empty_like(level)
    state = 0.0
    for start in range(0, level.size, 4096):  # blocks of a plain loop: a rise and a fall differ
        block = level[start : start + 4096]
        followed = np.empty_like(block)
        for k, value in enumerate(block):
            state = (rising if value > state else falling) * (state - value) + value
            followed[k] = state
        out[start : start + 4096] = followed
    return out


def _duck(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """A sidechain pump, as a dance record ducks its pads under the kick: the mix turned down by up
    to _DUCK_DB while its lows (the key, under _DUCK_KEY) are loud, falling within _DUCK_TIMES' attack
    after a kick strikes and recovering over its release; a gain moves no note, and a kick's onset
    comes before the dip it keys."""
    sos = signal.butter(2, _DUCK_KEY, btype="lowpass", fs=sample_rate, output="sos")
    key = _follow(np.abs(signal.sosfilt(sos, samples)), sample_rate, *_DUCK_TIMES)
    share = key / (float(np.max(key)) or 1.0)
    return samples * 10.0 ** (-_DUCK_DB * share / 20.0)


def _gated_room(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A gated reverb, as records of the eighties put on a snare: a dense, bright tail that does not
    decay but is cut off by its gate after _GATE's time (drawn), mixed under the dry sound."""
    length = int(float(rng.uniform(*_GATE)) * sample_rate)
    tail = rng.normal(size=length) * np.linspace(1.0, 0.7, length)
    tail[: int(0.008 * sample_rate)] = 0.0  # the direct sound comes first
    tail[-int(0.004 * sample_rate) :] *= np.linspace(1.0, 0.0, int(0.004 * sample_rate))  # the gate shuts
    tail /= np.sqrt(np.sum(tail**2))
    return production_bus.reverberate(samples, tail, _GATE_WET)


def _loud(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """Mastering for loudness: three bands (crossovers at _BANDS, zero-phase) each compressed hard
    above its own RMS (_LOUD_RATIO, 5 ms attack, 60 ms release), summed, driven up and clipped flat
    at _LOUD_CLIP of their peak; the clipping adds harmonics of the notes it cuts, never a new pitch."""
    low = signal.butter(4, _BANDS[0], btype="lowpass", fs=sample_rate, output="sos")
    high = signal.butter(4, _BANDS[1], btype="highpass", fs=sample_rate, output="sos")
    lows, highs = signal.sosfiltfilt(low, samples), signal.sosfiltfilt(high, samples)
    out = np.zeros_like(samples)
    for band in (lows, samples - lows - highs, highs):
        threshold = production_bus.rms(band, 1e-9)
        level = _follow(np.abs(band), sample_rate, 0.005, 0.06)
        over = np.maximum(level / threshold, 1.0)
        out += band * over ** (1.0 / _LOUD_RATIO - 1.0) / threshold
    ceiling = _LOUD_CLIP * (float(np.max(np.abs(out))) or 1.0)
    return np.clip(out, -ceiling, ceiling)


def _tape(
    samples: npt.NDArray[np.float64], sample_rate: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """A tape machine run hot, with no wow and no flutter: an asymmetric saturating curve
    (_TAPE_BIAS), its playback head's low bump (_TAPE_BUMP), its highs lost above 9 kHz and its hiss
    (_TAPE_HISS_DB under the music's level); the capstan's speed is steady, so no pitch moves."""
    peak = float(np.max(np.abs(samples))) or 1.0
    driven = _TAPE_DRIVE * samples / peak + _TAPE_BIAS
    out = np.tanh(driven) - np.tanh(_TAPE_BIAS)
    frequency, gain = _TAPE_BUMP
    b, a = signal.iirpeak(frequency, 1.5, fs=sample_rate)
    out = out + (10.0 ** (gain / 20.0) - 1.0) * signal.lfilter(b, a, out)
    sos = signal.butter(2, min(9000.0, 0.45 * sample_rate), btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfilt(sos, out)
    level = production_bus.rms(out)
    hiss = signal.sosfilt(sos, rng.normal(size=samples.size))
    return out + level * 10.0 ** (_TAPE_HISS_DB / 20.0) * hiss / (np.std(hiss) or 1.0)


def _opus(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """Encoded to Opus at a low bitrate (libopus through ffmpeg, resampled to its own rate, in an Ogg
    file whose pre-skip drops the encoder's delay) and decoded, as a call's or a stream's audio."""
    return _lossy(samples, sample_rate, "opus", ["-c:a", "libopus", "-b:a", f"{_OPUS_KBPS}k"])


def _aac(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """Encoded to AAC at a low bitrate (ffmpeg's own encoder, in an MP4 whose edit list drops the
    encoder's priming) and decoded, as a stream's audio; the clip keeps its timing and length."""
    return _lossy(samples, sample_rate, "m4a", ["-c:a", "aac", "-b:a", f"{_AAC_KBPS}k"])


def _mp3(samples: npt.NDArray[np.float64], sample_rate: int) -> npt.NDArray[np.float64]:
    """Encoded to mp3 at a low bitrate and decoded (ffmpeg), as a stream or an old download; the
    encoder's delay is cut, so the clip keeps its timing and length."""
    return _lossy(samples, sample_rate, "mp3", ["-b:a", f"{_MP3_KBPS}k"])


def _lossy(
    samples: npt.NDArray[np.float64], sample_rate: int, suffix: str, codec: list[str]
) -> npt.NDArray[np.float64]:
    """`samples` encoded by ffmpeg with `codec`'s options into a .`suffix` file and decoded again, cut
    or padded to their length."""
    with tempfile.TemporaryDirectory() as tmp:
        wav, encoded = Path(tmp) / "in.wav", Path(tmp) / f"out.{suffix}"
        peak = float(np.max(np.abs(samples))) or 1.0
        soundfile.write(wav, 0.9 * samples / peak, sample_rate, subtype="FLOAT")
        subprocess.run(
            ["ffmpeg", "-v", "error", "-i", str(wav), *codec, str(encoded)], check=True, capture_output=True
        )
        decoded = ffmpeg_decode(encoded, sample_rate).astype(np.float64)
    return np.pad(decoded, (0, max(0, samples.size - decoded.size)))[: samples.size]


# Every step produce() knows, by name: those that draw (a room's reverb time, a tape's wow...) are
# handed a generator seeded by the clip, the others only the samples and their rate.
_PLAIN_STEPS: dict[str, Callable[[npt.NDArray[np.float64], int], npt.NDArray[np.float64]]] = {
    "band": _band,
    "mp3": _mp3,
    "limit": _limit,
    "aac": _aac,
    "saturate": lambda samples, _rate: _saturate(samples),
    "opus": _opus,
    "duck": _duck,
    "loud": _loud,
    "transient": production_bus.transient,
    "parallel": production_bus.parallel,
    "exciter": production_bus.excite,
    "glue": production_bus.glue,
    "expand": production_bus.expand,
    "deess": production_bus.deess,
    "denoise": production_bus.denoise,
    "console": production_bus.console,
    "broadcast": production_bus.broadcast,
    "telephone": production_bus.telephone,
}
_DRAWN_STEPS: dict[
    str, Callable[[npt.NDArray[np.float64], int, np.random.Generator], npt.NDArray[np.float64]]
] = {
    "room": _room,
    "small-room": _small_room,
    "wow": _wow,
    "chorus": _chorus,
    "vinyl": _vinyl,
    "phaser": _phaser,
    "crush": _crush,
    "gated-room": _gated_room,
    "tape": _tape,
    "hum": production_bus.hum,
    "tilt": production_bus.tilt,
    "parametric": production_bus.parametric,
    "spring": production_bus.spring,
    "sweep": production_bus.sweep,
    "flanger": production_bus.flange,
    "rotary": production_bus.rotary,
    "plate": production_bus.plate,
    "cabinet": production_bus.cabinet,
    "rumble": production_bus.rumble,
    "hall": production_bus.hall,
    "shimmer": production_bus.shimmer,
    "dropout": production_bus.dropout,
    "shellac": production_bus.shellac,
    "open-air": production_bus.open_air,
    "compander": production_bus.compander,
    "optical": production_bus.optical,
    "mediumwave": production_bus.mediumwave,
    "wall": production_bus.wall,
    "laptop": production_bus.laptop,
    "car": production_bus.car,
    "gig": production_bus.gig,
    "bluetooth": production_bus.bluetooth,
    "binaural": production_bus.binaural,
    "hearing-aid": production_bus.hearing_aid,
    "glass": production_bus.glass,
    "sbr": production_bus.replicate,
    "column": production_bus.column,
    "wire": production_bus.wire,
    "carbon": production_bus.carbon,
    "walkie": production_bus.walkie,
    "eccentric": production_bus.eccentric,
    "pool": production_bus.pool,
    "stripe": production_bus.stripe,
    "cylinder": production_bus.cylinder,
    "monitor": production_bus.monitor,
    "concourse": production_bus.concourse,
    "video-call": production_bus.video_call,
    "airline": production_bus.airline,
    "dictaphone": production_bus.dictaphone,
    "speakerphone": production_bus.speakerphone,
    "lift": production_bus.lift_car,
    "stadium": production_bus.stadium,
    "telecoil": production_bus.telecoil,
    "tannoy": production_bus.tannoy,
    "dub": production_bus.high_speed_dub,
    "megaphone": production_bus.megaphone,
    "vitaphone": production_bus.vitaphone,
    "drive-in": production_bus.drive_in,
    "earbuds": production_bus.earbuds,
    "crystal-set": production_bus.crystal_set,
    "underpass": production_bus.underpass,
    "string-telephone": production_bus.string_telephone,
    "campfire": production_bus.campfire,
    "laser-microphone": production_bus.laser_microphone,
    "shower": production_bus.shower,
    "woodland": production_bus.woodland,
    "piano-strings": production_bus.piano_strings,
    "garden-fence": production_bus.garden_fence,
    "ear-defenders": production_bus.ear_defenders,
    "night-lake": production_bus.night_lake,
    "under-pillow": production_bus.under_pillow,
    "next-tent": production_bus.next_tent,
    "car-park": production_bus.car_park,
    "air-duct": production_bus.air_duct,
    "stairwell": production_bus.stairwell,
    "quarry": production_bus.quarry,
    "letterbox": production_bus.letterbox,
    "kerbside": production_bus.kerbside,
    "ear-trumpet": production_bus.ear_trumpet,
    "amphitheatre": production_bus.amphitheatre,
    "whispering-dish": production_bus.whispering_dish,
    "bone-conduction": production_bus.bone_conduction,
    "seashell": production_bus.seashell,
    "neck-headphones": production_bus.neck_headphones,
    "helmet": production_bus.helmet,
    "face-down": production_bus.face_down,
    "spotlight": production_bus.spotlight,
    "tin-roof": production_bus.tin_roof,
    "market-memo": production_bus.market_memo,
    "soundbar": production_bus.soundbar,
    "high-rise": production_bus.high_rise,
    "upwind": production_bus.upwind,
    "audio-guide": production_bus.audio_guide,
    "on-hold": production_bus.on_hold,
}
STEPS = (*_PLAIN_STEPS, *_DRAWN_STEPS)  # what a chain may name
