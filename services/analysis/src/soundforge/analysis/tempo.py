"""Tempo and beats: librosa's beat tracker on the shared log-mel, run at each metrical level, one kept."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import librosa
import numpy as np
import numpy.typing as npt
import scipy.ndimage
import scipy.signal

from soundforge.analysis.decoding import ANALYSIS_RATE
from soundforge.analysis.spectra import HOP, N_FFT, N_MELS

TOP_DB = 80.0
AMIN = 1e-10
# Tempos reported, in BPM; a level outside is never chosen. 40, not 50, since the twenty-second
# pass: slow songs counted in dotted quarters (a 12/8 ballad at 44-48 BPM) had no level within 4%
# of their beat at all, so no scorer could pick it: 12 of necropolis's 20 tempo misses.
MIN_BPM, MAX_BPM = 40.0, 220.0
# Where the beat level is looked for, relative to the tracker's first guess.
LEVELS = (1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1.0, 4 / 3, 3 / 2, 2.0, 3.0, 4.0)
# The bass band: kick drums, bass lines and chord roots mark beats; hi-hats mark subdivisions.
BASS_MAX_HZ = 300.0
# Ties (contrast within noise) go to the level nearest the tracker's own guess.
_LEVEL_PRIOR = 0.1
_IBI_TOLERANCE = 0.2
_MIN_IBIS = 3
_CHUNK = 4096  # frames per step when walking the whole-track log-mel
_TEMPOGRAM_CHUNK = 512  # each frame of the tempogram costs ~20 kB while it is computed
# librosa.feature.tempo's defaults: an 8 s autocorrelation window under a log-normal prior.
AC_SECONDS, START_BPM, STD_OCTAVES, MAX_TEMPO = 8.0, 120.0, 1.0, 320.0

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


# Beats are reported only at this pulse confidence or above (else: no pulse, tempo null). 0.3 until
# the thirty-first pass: legato chords in free time reached 0.301 and 0.313 (stupa's, henge's, the
# one-frame flux meeting their changes by chance), and the lowest right tempo over them on the 32
# development splits is 0.322 (one at 0.303 is given up).
MIN_CONFIDENCE = 0.32
# Pulse clarity (autocorrelation peak prominence) at which the confidence reaches 1.
_FULL_CLARITY = 0.5
# Onsets on the beats (median flux peak, dB per band): noise and held tones stay near 1 or below,
# music with any attack (plucks, drums, a played bass) is above 4. The median, not the mean: legato
# chords changing in free time rise loudly at a few changes that a grid can meet by chance, while
# a pulse has an onset on most of its beats (tune split: free-time chords 0.7-1.8, songs 3 or more).
_WEAK_ONSETS, _FULL_ONSETS = 1.0, 4.0
# The grids of beats beat_confidence reads onsets on (every beat, every 2nd, 3rd, 4th at each phase),
# each holding at least _MIN_GRID_BEATS beats.
_GRIDS = (1, 2, 3, 4)
_MIN_GRID_BEATS = 4
# A track whose harmony never moves (harmony.harmonic_motion under STATIC_MOTION: a held note,
# a drone, drums alone) keeps its pulse only if the onsets on its beats are broadband, as drums'
# are: a held flute's or string's vibrato repeats too, but rises in a few bands. Spread: the
# share of mel bands rising _SPREAD_RISE dB or more around the beats (tune split: held General
# MIDI tones 0.74 at most, drums 0.9 or more).
STATIC_MOTION = 0.05
_NARROW_SPREAD, _BROAD_SPREAD = 0.75, 0.9
_SPREAD_RISE = 3.0
# ...or if they are loud where they rise: a kick alone on the beats (a dembow's, with its snare
# between them) rises in the low bands only, but by 30 dB; vibrato by a few. The rise is the
# loudest tenth of the bands at each beat, its median over the beats (all four splits: held
# General MIDI and synthetic tones 6.2 dB at most, drums alone 15.8 dB or more).
_QUIET_RISE, _LOUD_RISE = 8.0, 12.0
# ...but if one pitch sounds throughout (its pitch class over _ONE_PITCH of the mean chroma: held
# tones 0.56 or more among those with a pulse-like loop, drums alone 0.23 at most, pitched hand
# drums included), loud rises count only if the sound dies away between beats: a sampled pad's
# loop swells and clicks at a period that goes with its pitch, loud enough to pass the above in a
# few bands (spread 0.77 at most), but its level dips 8.2 dB at most between swells, where a note
# repeated on every beat dips far more (TimGM6mb's and FluidR3's sustained programs over three
# octaves, development splits' drums). Broadband onsets need no dip: drums over a drone.
_ONE_PITCH = 0.4
_SHALLOW_DIP, _DEEP_DIP = 9.0, 15.0
# ...and, one pitch throughout, the beats must stand out from what sounds between them: a tremolo
# (a cimbalom's, a grand's under the pedal: 9-14 strokes a second) is as loud at every stroke, and
# the tracker takes every third or fourth stroke as a beat; its strokes are broadband, as drums'
# are. The onsets at a quarter, a half and three quarters of each beat over those on the beats
# (the medians): stupa's two tremolo tones 0.86 and 0.88 (read 184.9 BPM at 0.834 and 129.8 at
# 0.338 before), drums over a drone 0.01. Full pulse at _ACCENTED or under, none from _EVEN. On
# tune's and every development split's seed 0 (29 splits) the clips whose harmony never moves
# with one pitch over _ONE_PITCH are 490 held tones and 4 drums alone (0.04-0.18: they keep 0.79-1).
# The test of the beats' accent reads a pitch sounding throughout from _SOME_PITCH: a psaltery's
# string repicked in tremolo spreads its chroma over its partials' pitch classes, and hunebed's
# held General MIDI tones (repicked in tremolo, the strokes' line at 11.0 Hz) put 0.30 and 0.34
# on theirs, their beats 0.87 and 0.96 of the strokes between (read 167.2 BPM at 1.0 and 164.9 at
# 0.56). On tune's and the 44 development splits' seed 0 (2790 clips whose harmony never moves),
# the clips with a pulse that reach _SOME_PITCH are drums alone with a cowbell or a cascara
# (0.26-0.36), their beats 0.05 or under: no tempo changes, and the three tones answered (those two
# and quoit's toy at 0.397, 137.4 BPM at 0.849) and four more heard under the threshold lose theirs.
_SOME_PITCH = 0.25
_ACCENTED, _EVEN = 0.6, 0.8
_BETWEEN = (0.25, 0.5, 0.75)
# Whatever the harmony does, the tracker's own confidence is scaled by how far its beats stand out
# from what sounds between them (accent): in full at _TRACKED_ACCENTED or under, none at
# _TRACKED_EVEN, so a faint grid over an even stream of strokes is given up and a clear one only
# lowered. Talayot's mechanical zither repicks its held chords 9-12 times a second in free time,
# and the tracker took every sixth stroke or so for a beat (91.2 BPM at 0.373, the onsets between
# its beats 0.90 of those on them). Where the tracker's confidence alone answers a right tempo, the
# onsets between sit at 0.81 or under (a triangle-and-temple-block groove; songs 0.80); where they
# sit higher (running sixteenths, a samba's), the bass or the slow pulse carries the tempo. On
# tune's and 35 development splits' seed 0 (4929 clips with a pulse, 1745 without; henge, menhir,
# trilithon, cist and nuraghe from the thirty-eighth pass's probe of the same measures) no right
# tempo is withheld (the lowest stays 0.322), two wrong ones are, and the highest confidence on a
# clip without a pulse falls from 0.373 to 0.224 (stupa's free-time chords' 0.303 with it).
_TRACKED_ACCENTED, _TRACKED_EVEN = 0.8, 1.0
# ...and by how much its onsets repeat one to four beats on (the mean of lag_clarities): in full
# from _REPEATING, none under _UNREPEATED. A pulse's onsets repeat at its beat and bar; a grid the
# level scorer lays on free-time chords can meet their rises by chance and repeat at none. Refit on
# the 47 development splits' draws, the scorer took 40.3 BPM for cromlech's free-time chords
# I-vi-IV-V7-I, a level no song of them has, and the tracker gave it 0.355 (repeats 0.05, 0.03,
# 0.06, 0.44: mean 0.15; henge's 0.16 at 0.254). Of 1226 right tempos the tracker gives 0.32 or
# more on twenty splits' seed 0, the lowest mean is 0.28 (castro's lilting 12/8 song, its bar the
# only repeat), their first percentile 0.54.
_UNREPEATED, _REPEATING = 0.2, 0.3
# Where the autocorrelation's valley around a beat lag is looked for, in beats either side.
_VALLEY_OFFSETS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
# The bass pulse's flux (bass_pulse) measures each band's rise from the loudest of its neighbours
# one band (26 Hz) either side in the frame before.
_BASS_REACH = 1
# The slow pulse's flux (slow_pulse) measures each band's rise over this many frames (70 ms), and
# counts only where the rises between the beats are at most _SLOW_ACCENTED of those on them (full)
# and under _SLOW_EVEN (none). Measured on 53 withheld songs of the development splits, pyramid
# and ziggurat, and 392 free-time clips of 25 splits: 25 songs answered (20 at their tempo), no
# free-time clip over 0.18; spans of 2 and 4 frames answer fewer or a free-time clip.
_SLOW_SPAN = 3
_SLOW_ACCENTED, _SLOW_EVEN = 0.5, 0.6
# ...where those rises also repeat one to four beats on: the accent counts in full from a mean
# lag clarity (lag_clarities) of _SLOW_STEADY, none under _SLOW_FADING. Refit on 47 splits, the
# tempo scorer takes the slower level of crannog's free-time chords i-VI-iv-V-i, whose rises between
# the beats are 0.41 of those on them but fade with the lag (0.36, 0.14, 0.13, 0.20: mean 0.21),
# and answered 60.6 BPM at 0.359; the nine songs only the slow accent answers on eight splits'
# seed 0 read a mean of 0.87-1.0.
_SLOW_FADING, _SLOW_STEADY = 0.25, 0.5
# ...or where the rises repeat at every lag from one to four beats (pulse_persistence: full from
# _PERSISTENT, none under _SCATTERED). Running sixteenths (arpeggios, maracas) rise between the
# beats nearly as much as on them: five of menhir's 52/16 songs (four sixteenths a beat, their
# drums masked by a tape keyboard's chords) were withheld at its read, their rises between the
# beats 0.64-0.84 of those on them, as free-time chords' are. Their rises repeat one to four beats
# on (the lowest lag 0.80-1.0), where free-time chords' peak at one lag and fade by the fourth
# (0.45 at most on the 33 development splits' and tune's seed 0, 1670 clips without a pulse).
_PERSISTENT_LAGS = (1, 2, 3, 4)
_SCATTERED, _PERSISTENT = 0.55, 0.75
# ...and, where the harmony moves and the rises repeat so, a faint attack is enough: full at
# _FAINT_FULL dB over three frames on the median beat, not _FULL_ONSETS. Broch's glass and friction
# instruments (bowed and rubbed: no strike) in its bar of fourteen beats rise 2.0-2.4 dB there; in
# 4/4 a chord change on every fourth beat lifts its grid over the bar, but a chord held fourteen
# beats lifts none, and seven of its eight withheld songs were in that bar. Free-time chords never
# reach _SCATTERED (0.45 at most on tune's and the 38 development splits' seed 0, 329 clips);
# held tones and drones repeat at every lag, so the harmony must move (levels.STATIC_MOTION).
_FAINT_FULL = 2.0
# A faint pulse whose beats stand out (accented_pulse): where the harmony moves and the onsets
# between the beats are at most _STANDING_ACCENTED of those on them (full) to _STANDING_EVEN (none),
# the median beat's onset counts in full from _STANDING_FULL dB, not _FULL_ONSETS, and the onsets'
# clarity is their mean over one to four beats (lag_clarities), not the best. Held and arpeggiated
# chords over a soft bass and tune (galgal's General MIDI pads and arpeggios, a quiet kit under some)
# rise 1.0-1.9 dB on the median beat and were withheld at 0.02-0.29, though what sounds between
# their beats is 0.45-0.64 of what sounds on them; a grid laid on legato chords in free time meets
# as much between its beats as on them (0.64 or more where the clarity is high; the lowest, 0.49,
# where it is not: kurgan's, 0.25-0.33 at every lag). The mean, since free-time chords that meet
# one lag by chance fade by the fourth beat (crypt's 0.93 at one beat, 0.41 at four). On tune's and
# the 48 development splits' seed 0 (2356 clips without a pulse; the songs of all but the nine
# oldest) 17 songs withheld at their right tempo are answered, no wrong tempo is, and the highest
# this raises a clip without a pulse to is 0.246 (tomb's free-time chords, 0.64 between their
# beats; 0.132 before), then kurgan's 0.228.
_STANDING_ACCENTED, _STANDING_EVEN = 0.55, 0.7
_STANDING_FULL = 1.25
# A pulse told by new pitches (pitched_pulse): where the harmony moves, a tune and a bass on the
# beats bring pitches a held chord did not sound, however softly they speak. Held pads over a
# legato bass and tune (General MIDI's sustained programs) rise too little in level on the beats for
# any path above, but the chroma's rises over _SLOW_SPAN frames (chroma_rises) repeat at every lag
# from one to four beats and stand out from what changes between the beats. Counted in full from a
# lowest lag clarity of _PITCH_PERSISTENT (none under _PITCH_SCATTERED) and where the rises between
# the beats are at most _PITCH_ACCENTED of those on them (none from _PITCH_EVEN). Free-time chords
# bring new pitches only at their changes: where a grid meets those changes and stands out, its
# clarity fades by the fourth beat (cashel's I-IV-V-I: 0.86, 0.73, 0.48, 0.34 with 0.16 between).
# On 21 development splits' seed 0, 8 of the 31 songs withheld at their right tempo come back, and
# no free-time clip of the 57 splits' seeds 0 and 1 (1936) is raised over 0.007; by the mean lag
# rather than the lowest, 11 come back but cashel's free-time grid above reads 0.67.
_PITCH_SCATTERED, _PITCH_PERSISTENT = 0.35, 0.55
_PITCH_ACCENTED, _PITCH_EVEN = 0.5, 0.65
# ...or by the pitch classes the learned front end hears (pitch_class_pulse): its frames hold what
# notes sound, not the level's swell and vibrato, so a grid laid on chords changing in free time
# meets their changes and nothing between them, and its rises do not repeat at every lag. Notes
# driven by a magnet or bowed (castro's EBows and sustainers: no attack, the onset envelopes read
# 0.00-0.13 on its songs) and a tune over chords held 22 beats (rampart's 88/16) still bring new
# pitch classes on the beats. Over tune's and seven development splits' seed 0, the lowest lag
# clarity (1-4 beats) of those rises over three frames at the chosen level reads 0.23 at most on
# the 134 free-time clips (0.24 at the best of every tracked level; bailey's and palisade's legato
# chords), 0.38-0.61 on five songs withheld at their right tempo; _CLASSES_SCATTERED (none) to
# _CLASSES_PERSISTENT (full), times how far the rises on the beats stand out of those between them
# (accent, _CLASSES_ACCENTED to _CLASSES_EVEN: those five 0.34-0.55, the free-time clips over
# 0.2 persistence 0.59-1.35).
_CLASSES_SCATTERED, _CLASSES_PERSISTENT = 0.3, 0.45
_CLASSES_ACCENTED, _CLASSES_EVEN = 0.6, 0.8
# A chord rolled while it is held (a mallet's roll on a slab, a kettle or a rod, a zither's repicked
# strings: 8-12 strokes a second) over harmony changing in free time is no pulse, whichever path
# heard one: the tracker takes every third to sixth stroke for a beat, and the slow pulse's rises
# repeat at every lag as a pulse's do. What gives the roll away is that its strokes come faster than
# anyone taps (stroke_period: the onsets' clearest repetition within 70-210 ms is at 116 ms or less,
# clear from _LOOSE_STROKES to _CLEAR_STROKES) and that each beat's onset brings no pitch the held
# chord did not sound (held_pitches: the chroma after each beat against before it, from
# _NEW_PITCHES to _SAME_PITCHES); the harmony must move, since drums alone have no chord and their
# noise's chroma repeats too. Naveta's and taula's reads gave 24 of their 36 free-time clips a tempo,
# all rolled, at 0.32-1.0: their chroma 0.995-1.0 alike across the beats, their strokes 93-116 ms
# apart and 0.36-1.2 clear. On tune's and the 42 development splits' seed 0 (5923 clips with a
# pulse, 2169 without) none of those 24 keeps a tempo and no right or wrong tempo is withheld: of
# the 101 right tempos over so fast and clear a stream, one song's beats bring pitches as little
# (tholos's sustained 40/16 over sixteenths, 0.990: lowered from 1.0 to 0.93), the next 0.964.
_STROKE_LAGS = range(3, 10)
_ROLL_LAG = 5
_LOOSE_STROKES, _CLEAR_STROKES = 0.2, 0.35
# ...or, since a lag is whole frames, as the onset envelope's strongest spectral line within
# _STROKE_BAND Hz (stroke_line: the share of the _LINE_AROUND Hz power within _LINE_WIDTH Hz of it,
# from _LOOSE_LINE to _CLEAR_LINE), at _ROLL_HZ or faster. Quoit's toy piano rolls its rods 12
# times a second, 3.6 frames apart, between two whole lags: its clearest repetition is at two
# strokes (7 frames), and 7 of quoit's 18 free-time clips kept a tempo at its read (0.47-0.98), the
# line at 11.9-12.1 Hz (0.61-0.74 of the power). The rolls of naveta, taula and quoit put their line
# at 7.9-12.1 Hz; the right tempos whose beats bring pitches as little (0.99 or more) at 7.45 Hz or
# faster are tholos's song above (8.8 Hz, 0.42) and songs at 0.11-0.27, and a dorian vamp of
# quoit's over a toy drum march sits at 7.0 Hz (0.34). A slower stream's harmonic is not taken for
# a line of its own (_SUBHARMONIC: eighths at 5.4 a second are as strong at 10.8 Hz). On tune's and
# the 42 development splits' seed 0 and quoit's (the 321 clips whose harmony moves and whose beats
# bring pitches as little as 0.985: no other can be scaled), every free-time clip answered before
# is withheld, no right tempo is, and none is lowered that the lag did not lower. The floor was
# 7.5 Hz until drums' hits were read (_DRUMMED, below); with them it is 7.0, under taula's slowest
# roll by 0.9 Hz, and on those 321 clips nothing changes with it anywhere from 7.5 down to 6.0.
_STROKE_BAND = (6.0, 16.0)
_LINE_AROUND = (4.0, 20.0)
_LINE_WIDTH = 0.3
_ROLL_HZ = 7.0
_LOOSE_LINE, _CLEAR_LINE = 0.2, 0.3
_SUBHARMONIC = 0.5
_NEW_PITCHES, _SAME_PITCHES = 0.99, 0.995
# A roll whose strokes bring pitches less alike is judged one all the same where nothing marks any
# phase of its grid: each beat's pitches held from _LOOSE_PITCHES (none) to _HELD_LOOSELY (full),
# and no band (the whole onsets, the bass, the kick's, the snare's) louder on the beats than between
# them, or between than on them, by more than a factor e^_UNMARKED (in full; none from e^_MARKED).
# Bailey's harps hold their free-time chords by re-plucking them string by string 9-11 times a
# second: five of its 18 free-time clips were given a tempo at its read (0.51-1.0, by the slow
# pulse's persistence), their beats' pitches 0.973-0.988 alike and every band 0.72-1.22 as loud
# between their beats as on them (e^0.30 at most). Songs over so fast a stream whose beats bring
# pitches as little have a band that marks a phase: on twenty development splits' seed 0 (the
# 255 clips whose harmony moves over a fast, clear stroke line) the fourteen right tempos whose
# beats bring pitches 0.965 alike or more have one at e^0.61 or more
# (tholos's 40/16: its kick 1.83 times as loud between its beats, its snare 0.61; quoit's
# vi-IV-I-V arpeggios, 0.988 alike: a bass 11 times as loud between), and none is lost; of the
# free-time clips there with pitches so alike, 104 of 130 read e^0.30 or less, 119 e^0.40 or less.
# The looser reading takes each stroke's pitches too (strokes: the onsets' peaks over their median,
# the median over them) where they are more alike than the beats': at some levels the beats land on
# the strokes that change strings. Refit with six more development splits, the scorer put one of
# bailey's rolls at 181.3 BPM, its beats' pitches 0.959 alike and its strokes' 0.973 (0.970 at the
# median tracked level). Of the 306 clips whose harmony moves over a fast stroke stream (the
# fifty-ninth pass's 264 and five newer splits' seed 0), no song whose grid no band marks reads its
# strokes over 0.962 (bastion's III-i song at 122.4 BPM); a song whose beats each bring a new pitch
# over a roll is no roll (the strict reading keeps the beats').
_LOOSE_PITCHES, _HELD_LOOSELY = 0.965, 0.975
_UNMARKED, _MARKED = 0.4, 0.5
# A pulse that drums carry over a tremolo is kept: their hits on the beats stand out of the strokes
# between (onsets_between at _DRUMMED or under keeps the pulse whole, from _ROLLED on it is judged
# as a roll), where a roll's "beats" are every few strokes, no louder than the rest. On the 321 clips
# above the free-time ones read 0.56-1.12 (the 41 answered at 0.3 or more, 0.56-1.02) and the right
# tempos 0.08-0.90, 30 of 63 at 0.3 or under; quoit's dorian vamp over a toy drum march (its line
# at 7.01 Hz, 0.34; its beats bring pitches as little as 0.998) reads 0.15 and keeps its pulse.
_DRUMMED, _ROLLED = 0.3, 0.45
_PITCH_REACH = (2, 6)  # held_pitches reads frames 2-5 after each beat against frames 2-5 before it
# Frames from a rise in the log-mel to where onset_envelope places it (its beat frame).
_RISE_LAG = 1 + N_FFT // (2 * HOP)


@dataclass(frozen=True)
class Beats:
    tempo: float  # BPM; 0.0 when no beat was found
    frames: Ints  # beat frame indices (HOP apart at ANALYSIS_RATE)
    confidence: float = 0.0  # 0-1: how clear a periodic pulse at this tempo is (beat_confidence)

    @property
    def found(self) -> bool:
        return self.tempo > 0 and self.confidence >= MIN_CONFIDENCE

    @property
    def times(self) -> npt.NDArray[np.float64]:
        return np.asarray(librosa.frames_to_time(self.frames, sr=ANALYSIS_RATE, hop_length=HOP), np.float64)


class BeatModel(Protocol):
    """A beat tracker over a decoded mono signal: what a pretrained model (madmom) is compared through."""

    def beats(self, samples: Floats, sample_rate: int) -> tuple[float, npt.NDArray[np.float64]]:
        """(tempo in BPM, beat times in seconds)."""
        ...


def to_decibels(mel_power: Floats) -> Floats:
    """librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80), in place and in chunks (no full-size copy)."""
    peak = -np.inf
    for start in range(0, mel_power.shape[1], _CHUNK):
        part = mel_power[:, start : start + _CHUNK]
        np.maximum(part, AMIN, out=part)
        np.log10(part, out=part)
        part *= 10.0
        peak = max(peak, float(part.max()))
    for start in range(0, mel_power.shape[1], _CHUNK):
        part = mel_power[:, start : start + _CHUNK]
        np.maximum(part, np.float32(peak - TOP_DB), out=part)
    return mel_power


def onset_envelope(log_mel: Floats, max_hz: float | None = None, reach: int = 0, span: int = 1) -> Floats:
    """librosa.onset.onset_strength(S=log_mel) over the bands up to `max_hz` (all when None), chunked.

    Spectral flux: the mean over bands of the rise since the previous frame, delayed by
    1 + N_FFT / (2 HOP) frames as librosa centres it. With `reach`, each band's rise is measured
    from the loudest of the previous frame's bands within +-reach (SuperFlux, Boeck and Widmer
    2013): a note's vibrato or wobble moves its power to a neighbouring band, which plain flux
    counts as an onset; a note struck again rises over all of them. With `span`, the rise is
    measured from `span` frames before (placed where the one-frame rise ending at the same frame
    is): a note that speaks over 50-100 ms rises a little in each frame and far more over three.
    """
    rows = log_mel
    if max_hz is not None:
        centres = librosa.mel_frequencies(n_mels=N_MELS + 2, fmax=ANALYSIS_RATE / 2)[1:-1]
        rows = log_mel[: max(1, int(np.searchsorted(centres, max_hz, side="right")))]
    frames = rows.shape[1]
    envelope = np.zeros(frames, dtype=np.float32)
    for start in range(span, frames, _CHUNK):
        stop = min(start + _CHUNK, frames)
        before = rows[:, start - span : stop - span]
        if reach:
            before = scipy.ndimage.maximum_filter1d(before, 2 * reach + 1, axis=0, mode="nearest")
        rise = np.maximum(0.0, rows[:, start:stop] - before)
        flux = np.mean(rise, axis=0)
        lo, hi = start - 1 + _RISE_LAG, min(stop - 1 + _RISE_LAG, frames)
        if hi > lo:
            envelope[lo:hi] = flux[: hi - lo]
    return envelope


def track_beats(
    onset: Floats,
    bass_onset: Floats,
    guess: float | None = None,
    prefer: Callable[[list[Level]], Level | None] | None = None,
) -> Beats:
    """Beats from librosa's tracker at the metrical level `prefer` picks (the service's: choose_level).

    librosa's tempo estimate (an autocorrelation under a prior around 120 BPM) often lands an
    octave or a third off on slow, fast or compound-meter music. Each level from a quarter to
    four times that guess is tracked, at the tracker's phase and half a beat later; without
    `prefer` (or when it picks none) the one kept is where bass-band onsets sit on the beats and
    not between them (at halves or thirds of the beat), minus a small penalty for straying from
    the guess. Of the kept level's two phases, the beats are the one with the higher
    beat_confidence. Its confidence is at most half_confidence's, scaled by how far the beats
    stand out from what sounds between them (accent, _TRACKED_ACCENTED to _TRACKED_EVEN) and by
    how much the onsets repeat one to four beats on (repeating).
    `guess` defaults to tempo_guess(onset).
    """
    levels = tracked_levels(onset, bass_onset, guess)
    if not levels:
        return Beats(0.0, np.zeros(0, dtype=np.int64))
    level = (prefer(levels) if prefer else None) or max(levels, key=lambda level: level.score)
    # The level's tempo is the scorer's; its phase, the one whose beats the onsets are on (the
    # tracker's, on a tie). The scorer was fit on tempo labels alone, which both phases share: a
    # click track's level read half a beat late had its beats between the clicks, and no pulse.
    phases = [other for other in levels if (other.bpm, other.multiple) == (level.bpm, level.multiple)]
    confidence, level = max(
        ((beat_confidence(onset, phase.frames), phase) for phase in phases), key=lambda pair: pair[0]
    )
    confidence = min(confidence, half_confidence(onset, level.frames))
    confidence *= accent(onset, level.frames, _TRACKED_ACCENTED, _TRACKED_EVEN)
    confidence *= repeating(onset, level.frames)
    return Beats(round(refine_tempo(level.frames, level.bpm), 1), level.frames, round(confidence, 3))


def repeating(
    onset: Floats,
    beats: Ints,
    unrepeated: float = _UNREPEATED,
    repeated: float = _REPEATING,
    short: float = 1.0,
) -> float:
    """0-1: the onsets' mean lag_clarities one to four beats on, in full from `repeated`, none
    under `unrepeated`; `short` where the track is too short to hold twice a beat's lag."""
    clarities = lag_clarities(onset, beats, _PERSISTENT_LAGS)
    if not clarities:
        return short
    return float(np.clip((np.mean(clarities) - unrepeated) / (repeated - unrepeated), 0.0, 1.0))


def half_confidence(onset: Floats, beats: Ints) -> float:
    """beat_confidence of every second beat, the better of its two phases: what track_beats
    reports at most.

    A pulse is one at half its tempo too: every second beat of a groove or a strum is where the
    onsets are, and the onsets repeat two and four beats on as they do one beat on. Legato General
    MIDI chords in free time rise a little at any instant (their voices' vibrato and chorus), and
    the tracker's fastest level can find a grid whose median beat meets a rise and whose onsets
    repeat one beat on, but not two or four: stupa's two free-time progressions read 163.1 and
    183.9 BPM at 0.385 and 0.382 with the tempo weights refit in the thirty-second pass (pulse
    clarity 0.60 and 0.56), every second beat at 0.18 and 0.30 (clarity 0.28 and 0.41). On the
    32 development splits' seed 0 this lowers the tracker's confidence on 142 of 4431 clips with a
    pulse and costs none of them its right tempo (the lowest right one stays at 0.322); none of the
    1605 without a pulse is given one (the highest, stupa's at 183.9 BPM, 0.303). A song whose slow
    attacks the onsets at half its tempo miss is still heard by bass_pulse and slow_pulse, which
    come after and read its beats.
    """
    return max(beat_confidence(onset, beats[phase::2]) for phase in (0, 1))


@dataclass(frozen=True)
class Level:
    """One metrical level the tracker was run at: its beats and how well the bass supports them."""

    bpm: float
    frames: Ints
    score: float  # bass onsets on the beats over those between, less the distance from the guess
    multiple: float = 1.0  # of the tracker's first guess


def tracked_levels(onset: Floats, bass_onset: Floats, guess: float | None = None) -> list[Level]:
    """The tracker's beats at each level from 1/4 to 4 times the guess, within MIN_BPM-MAX_BPM; then
    each level again with its beats half a beat later (off_beats).

    The tracker places a level's beats where the onsets are strongest, and a slow song that moves
    in sixteenths or eighths is as loud on its off-beats as on its beats: its slow level often
    lands on the "and", where the bass and the chord changes are not, and looks nothing like a
    beat to the level scorer, which then takes twice the tempo. With both phases to choose from
    (a tempo fit on each development split left out in turn): undercroft 78.7 -> 81.3%, mausoleum
    91.6 -> 92.3%, barrow 85.8 -> 87.1%, sepulchre 87.1 -> 89.7%; taking the phase with the
    stronger bass instead moved sepulchre alone.
    """
    guess = tempo_guess(onset) if guess is None else guess
    if guess <= 0:
        return []
    scale = float(bass_onset.mean()) or 1.0

    def level_at(bpm: float, frames: Ints, multiple: float) -> Level:
        score = metrical_contrast(bass_onset, frames) / scale - _LEVEL_PRIOR * abs(np.log2(multiple))
        return Level(bpm, frames, score, multiple)

    levels = []
    for multiple in LEVELS:
        bpm = guess * multiple
        if not MIN_BPM <= bpm <= MAX_BPM:
            continue
        _, frames = librosa.beat.beat_track(onset_envelope=onset, sr=ANALYSIS_RATE, hop_length=HOP, bpm=bpm)
        frames = np.asarray(frames, dtype=np.int64)
        if frames.size < _MIN_IBIS + 1:
            continue
        levels.append(level_at(bpm, frames, multiple))
    return levels + [
        level_at(level.bpm, off_beats(level.frames, onset.size), level.multiple) for level in levels
    ]


def off_beats(beats: Ints, frames: int) -> Ints:
    """The frames halfway between the beats, and half a beat before the first and after the last
    where the track (`frames` long) has them."""
    gaps = np.diff(beats)
    halves = beats[:-1] + gaps // 2
    before, after = beats[0] - gaps[0] // 2, beats[-1] + gaps[-1] // 2
    return np.concatenate(
        [[before] if before >= 0 else [], halves, [after] if after < frames else []]
    ).astype(np.int64)


def bass_pulse(beats: Beats, log_mel: Floats) -> Beats:
    """The beats, their confidence raised to what the bass's own onsets give them (beat_confidence
    over the bass band's vibrato-free flux, onset_envelope's `reach`), where that is higher.

    A bass struck on every beat under chords held a bar or more (an organ's, a pad's, a chip's
    held voices) is a pulse a listener taps, but the whole band's flux barely rises at its notes:
    the held chords' own wobble fills it between the beats. Plain bass-band flux would also hear
    a held bass's vibrato or tremolo as a pulse (a sound chip's free-time bass: 0.64).
    """
    if beats.frames.size == 0:
        return beats
    bass = onset_envelope(log_mel, max_hz=BASS_MAX_HZ, reach=_BASS_REACH)
    confidence = max(beats.confidence, beat_confidence(bass, beats.frames))
    return Beats(beats.tempo, beats.frames, round(confidence, 3))


def slow_pulse(beats: Beats, log_mel: Floats, moving: bool = False) -> Beats:
    """The beats, their confidence raised to what the rises over _SLOW_SPAN frames give them
    (beat_confidence over onset_envelope's `span`), where those stand out from what rises between
    the beats (onsets_between under _SLOW_ACCENTED; none from _SLOW_EVEN) and repeat on the whole
    one to four beats on (_SLOW_FADING to _SLOW_STEADY), or repeat at every lag
    from one to four beats (pulse_persistence from _PERSISTENT; none under _SCATTERED); where they
    repeat so and the harmony is `moving`, faint rises count in full from _FAINT_FULL dB.

    Songs without drums whose notes speak slowly (additive patches' partials, bowed and drone
    strings, a General MIDI pad's or choir's attack) rise 1.5-1.8 dB a frame on their median beat,
    under the 4 dB a full pulse needs, and were withheld: 25 of pyramid's and ziggurat's 35 missed
    tempos. Over three frames they rise 2.8-3.9 dB (pyramid's twelve). So do chords changing in
    free time, whose legato voices' vibrato and chorus rise over three frames as much at any
    instant: the tracker's beats fall anywhere among them, and what rises between the beats is
    what rises on them (0.58 or more of it where the rises over three frames would make a pulse,
    the median over 392 free-time clips 0.91), where a bass on every beat and a tune on some of
    the eighths leave the quarters between the beats quieter (the withheld songs' median 0.55).
    """
    if beats.frames.size == 0:
        return beats
    slow = onset_envelope(log_mel, span=_SLOW_SPAN)
    persistence = (pulse_persistence(slow, beats.frames) - _SCATTERED) / (_PERSISTENT - _SCATTERED)
    persistent = float(np.clip(persistence, 0.0, 1.0))
    repeats = repeating(slow, beats.frames, _SLOW_FADING, _SLOW_STEADY, short=0.0)
    stands_out = max(accent(slow, beats.frames, _SLOW_ACCENTED, _SLOW_EVEN) * repeats, persistent)
    heard = beat_confidence(slow, beats.frames) * stands_out
    if moving and persistent > 0.0:
        rise = median_beat_onset(slow, beats.frames)
        faint = float(np.clip((rise - _WEAK_ONSETS) / (_FAINT_FULL - _WEAK_ONSETS), 0.0, 1.0))
        heard = max(heard, pulse_clarity(slow, beats.frames) * faint * persistent)
    return Beats(beats.tempo, beats.frames, round(max(beats.confidence, heard), 3))


def accented_pulse(beats: Beats, onset: Floats, moving: bool) -> Beats:
    """The beats, their confidence raised to the onsets' mean clarity one to four beats on
    (lag_clarities) times the median beat's onset counted in full from _STANDING_FULL dB, where the
    harmony is `moving` and the beats stand out from what sounds between them (accent,
    _STANDING_ACCENTED to _STANDING_EVEN).

    The tracker's confidence asks 4 dB of the median beat (_FULL_ONSETS) so that legato chords in
    free time, whose voices' vibrato rises a little at any instant, make no pulse; but a grid laid
    on such chords meets as much between its beats as on them. Soft notes on the beats and less
    between them are a pulse however softly they speak. A held tone's vibrato can stand out of
    what sounds between its "beats" too: the harmony must move (static sounds are judged by
    judge_static_pulse, rolls by judge_rolled_pulse, after this).
    """
    if not moving or beats.frames.size == 0:
        return beats
    stands_out = accent(onset, beats.frames, _STANDING_ACCENTED, _STANDING_EVEN)
    clarities = lag_clarities(onset, beats.frames, _PERSISTENT_LAGS)
    if stands_out <= 0.0 or len(clarities) < len(_PERSISTENT_LAGS):
        return beats
    strength = float(np.clip(median_beat_onset(onset, beats.frames) / _STANDING_FULL, 0.0, 1.0))
    heard = float(np.mean(clarities)) * strength * stands_out
    return Beats(beats.tempo, beats.frames, round(max(beats.confidence, heard), 3))


def pitched_pulse(beats: Beats, chroma: Floats, moving: bool) -> Beats:
    """The beats, their confidence raised to how clearly new pitches come on them: where the
    harmony is `moving`, the chroma's rises (chroma_rises) repeating at every lag from one to four
    beats (pulse_persistence, _PITCH_SCATTERED to _PITCH_PERSISTENT) times how far they
    stand out from what changes between the beats (accent, _PITCH_ACCENTED to _PITCH_EVEN).

    Every path above reads the level's rises; a pad held under a legato bass and tune barely rises
    at its notes, but each note that changes pitch moves the chroma. Rolls and tremolos bring no
    new pitch at their strokes; judge_rolled_pulse comes after this all the same.
    """
    if not moving or beats.frames.size == 0:
        return beats
    return _rising_pulse(beats, chroma, (_PITCH_SCATTERED, _PITCH_PERSISTENT), (_PITCH_ACCENTED, _PITCH_EVEN))


def pitch_class_pulse(beats: Beats, pitch_classes: Floats | None, moving: bool) -> Beats:
    """The beats, their confidence raised to how clearly new pitch classes, as the learned front end
    hears them (`pitch_classes`, 12 x frames), come on them: where the harmony is `moving`, their
    rises (chroma_rises over _SLOW_SPAN frames) repeating at every lag from one to four beats
    (pulse_persistence, _CLASSES_SCATTERED to _CLASSES_PERSISTENT) times how far they stand out from
    what changes between the beats (accent, _CLASSES_ACCENTED to _CLASSES_EVEN).

    pitched_pulse reads the chroma, whose bins a held chord's vibrato, chorus and a roll's strokes
    also move; the learned pitch classes hold still under them, so a lower persistence is enough
    here for a pulse (_CLASSES_* against _PITCH_*).
    """
    if not moving or pitch_classes is None or beats.frames.size == 0:
        return beats
    return _rising_pulse(
        beats, pitch_classes, (_CLASSES_SCATTERED, _CLASSES_PERSISTENT), (_CLASSES_ACCENTED, _CLASSES_EVEN)
    )


def _rising_pulse(
    beats: Beats, classes: Floats, persistence: tuple[float, float], accented: tuple[float, float]
) -> Beats:
    """The beats, their confidence raised to how clearly the rises of `classes` (12 x frames, over
    _SLOW_SPAN frames: chroma_rises) repeat at every lag from one to four beats (pulse_persistence,
    none at `persistence`[0], full from [1]) times how far they stand out from what rises between
    the beats (accent, full at `accented`[0], none from [1])."""
    rises = chroma_rises(classes, _SLOW_SPAN)
    scattered, persistent = persistence
    repeats = (pulse_persistence(rises, beats.frames) - scattered) / (persistent - scattered)
    heard = float(np.clip(repeats, 0.0, 1.0)) * accent(rises, beats.frames, *accented)
    return Beats(beats.tempo, beats.frames, round(max(beats.confidence, heard), 3))


def chroma_rises(chroma: Floats, span: int) -> Floats:
    """Per frame, the sum over the pitch classes of the chroma's rise from `span` frames before (0
    for the first `span` frames): where a pitch begins to sound, whatever the level does."""
    rises = np.zeros(chroma.shape[1], dtype=np.float32)
    if chroma.shape[1] > span:
        rises[span:] = np.maximum(chroma[:, span:] - chroma[:, :-span], 0.0).sum(axis=0)
    return rises


def judge_static_pulse(
    beats: Beats, log_mel: Floats, onset: Floats, motion: float, pitch_share: float = 0.0
) -> Beats:
    """The beats, their confidence scaled down when the harmony never moves and the onsets are
    narrow and quiet, or narrow and the level hardly dips between the beats while one pitch sounds
    throughout (`pitch_share`: its pitch class's share of the mean chroma), or, a pitch throughout
    (_SOME_PITCH), the beats hardly stand out from what sounds between them in `onset`, the
    log-mel's onset_envelope (onsets_between)."""
    if motion >= STATIC_MOTION or beats.frames.size == 0:
        return beats
    spread, loud = onset_spread(log_mel, beats.frames)
    broad = (spread - _NARROW_SPREAD) / (_BROAD_SPREAD - _NARROW_SPREAD)
    loudness = (loud - _QUIET_RISE) / (_LOUD_RISE - _QUIET_RISE)
    if pitch_share >= _ONE_PITCH and broad < 1.0:
        # Loud rises in a few bands of one held pitch are a loop's click unless the level dies away.
        # Broadband onsets still make a pulse: drums over a drone as loud as they are dip 2-8 dB.
        dip = level_dip(log_mel, beats.frames)
        loudness *= float(np.clip((dip - _SHALLOW_DIP) / (_DEEP_DIP - _SHALLOW_DIP), 0.0, 1.0))
    factor = float(np.clip(max(broad, loudness), 0.0, 1.0))
    if pitch_share >= _SOME_PITCH:
        factor *= accent(onset, beats.frames, _ACCENTED, _EVEN)
    return Beats(beats.tempo, beats.frames, round(beats.confidence * factor, 3))


def judge_rolled_pulse(
    beats: Beats, onset: Floats, chroma: Floats, moving: bool, bands: Sequence[Floats] = ()
) -> Beats:
    """The beats, their confidence scaled down where they are strokes of a roll on held chords: the
    harmony `moving`, the onsets repeating every _ROLL_LAG frames or faster (stroke_period) or at
    _ROLL_HZ or faster (stroke_line), each beat bringing only the pitches sounding before it
    (held_pitches), and the beats no louder than the strokes between them (onsets_between: drums'
    hits stand out of a tremolo); or each beat, or each stroke (strokes), bringing nearly only those
    (_LOOSE_PITCHES) and neither `onset` nor any of `bands` (other onset envelopes) marking a phase
    of the grid (unmarked)."""
    if not moving or beats.frames.size == 0:
        return beats
    # The beats' pitches first: nearly every song's beats bring new ones. Then the strokes' rate
    # (their spectrum, a transform eight times the track's length: 3 ms on five minutes), before
    # the pitches at every stroke (a loop over thousands of strokes on a long track: 50 ms).
    pitches = held_pitches(chroma, beats.frames)
    held = np.clip((pitches - _NEW_PITCHES) / (_SAME_PITCHES - _NEW_PITCHES), 0.0, 1.0)
    rolled = held * (1.0 - accent(onset, beats.frames, _DRUMMED, _ROLLED))
    if rolled <= 0.0 and not bands:
        return beats
    lag, clarity = stroke_period(onset)
    hz, share = stroke_line(onset)
    by_lag = np.clip((clarity - _LOOSE_STROKES) / (_CLEAR_STROKES - _LOOSE_STROKES), 0.0, 1.0)
    by_line = np.clip((share - _LOOSE_LINE) / (_CLEAR_LINE - _LOOSE_LINE), 0.0, 1.0)
    fast = max(by_lag if 0 < lag <= _ROLL_LAG else 0.0, by_line if hz >= _ROLL_HZ else 0.0)
    if fast <= 0.0:
        return beats
    loose = max(pitches, held_pitches(chroma, strokes(onset))) if bands else 0.0
    if loose > _LOOSE_PITCHES:
        loosely = np.clip((loose - _LOOSE_PITCHES) / (_HELD_LOOSELY - _LOOSE_PITCHES), 0.0, 1.0)
        rolled = max(rolled, loosely * unmarked((onset, *bands), beats.frames))
    if rolled <= 0.0:
        return beats
    return Beats(beats.tempo, beats.frames, round(beats.confidence * (1.0 - float(fast * rolled)), 3))


def unmarked(envelopes: Sequence[Floats], beats: Ints) -> float:
    """1 where no envelope sounds more than e^_UNMARKED times as loud on the beats as between them,
    or between as on them (onsets_between), 0 where one does e^_MARKED times, linear between: how
    little anything marks a phase of the grid. A band silent on the beats or between marks it."""
    marked = 0.0
    for envelope in envelopes:
        ratio = onsets_between(envelope, beats)
        marked = max(marked, abs(float(np.log(ratio))) if ratio > 0 else np.inf)
    return float(np.clip((_MARKED - marked) / (_MARKED - _UNMARKED), 0.0, 1.0))


def stroke_period(onset: Floats) -> tuple[int, float]:
    """(lag in frames, clarity) of the onsets' clearest repetition within _STROKE_LAGS: the centred
    envelope's autocorrelation (over its energy) at a local peak less its lowest over the half lag
    before it; (0, 0.0) where there is none. A roll's or a tremolo's strokes repeat sharply at
    their period; a song's fastest notes less evenly, or more slowly."""
    correlation = autocorrelation(onset)
    if correlation is None or onset.size <= _STROKE_LAGS[-1] + 1:
        return 0, 0.0
    at = functools.cache(correlation)
    best = (0, 0.0)
    for lag in _STROKE_LAGS:
        if at(lag) >= at(lag - 1) and at(lag) >= at(lag + 1):
            clarity = at(lag) - min(at(other) for other in range(max(1, lag - lag // 2), lag))
            if clarity > best[1]:
                best = (lag, clarity)
    return best


def stroke_line(onset: Floats) -> tuple[float, float]:
    """(Hz, share) of the onset envelope's strongest spectral line within _STROKE_BAND: the centred,
    Hann-windowed envelope's power spectrum (zero-padded eightfold), and the share of its power
    over _LINE_AROUND within _LINE_WIDTH Hz of the line; (0.0, 0.0) where there is none. A roll's
    strokes make a sharp line at their rate, whole frames apart or not; where a line at a third or
    a half of it holds _SUBHARMONIC of its power or more, that slower line is the rate (eighths'
    second harmonic is as strong as their own line)."""
    if onset.size < 2:
        return 0.0, 0.0
    centred = (onset.astype(np.float64) - float(onset.mean())) * np.hanning(onset.size)
    size = 8 * onset.size
    power = np.abs(np.fft.rfft(centred, size)) ** 2
    hz = np.fft.rfftfreq(size, HOP / ANALYSIS_RATE)
    band = np.flatnonzero((hz >= _STROKE_BAND[0]) & (hz <= _STROKE_BAND[1]))
    around = power[(hz >= _LINE_AROUND[0]) & (hz <= _LINE_AROUND[1])].sum()
    if band.size == 0 or around <= 0:
        return 0.0, 0.0
    line = float(hz[int(band[np.argmax(power[band])])])

    def near(at: float) -> float:
        return float(power[np.abs(hz - at) <= _LINE_WIDTH].sum())

    strongest = near(line)
    # A slower stream's harmonic is no roll: a line at half or a third of it as strong is the rate.
    for below in (3, 2):
        if near(line / below) >= _SUBHARMONIC * strongest:
            return line / below, float(near(line / below) / around)
    return line, float(strongest / around)


def strokes(onset: Floats) -> Ints:
    """The frames where the onset envelope peaks above its median: every stroke, whatever the level."""
    inner = onset[1:-1]
    peaks = (inner > onset[:-2]) & (inner >= onset[2:]) & (inner > np.median(onset))
    return np.flatnonzero(peaks).astype(np.int64) + 1


def held_pitches(chroma: Floats, beats: Ints) -> float:
    """The cosine of the mean chroma 2-5 frames after each beat (_PITCH_REACH) with the mean chroma
    as far before it, the median over the beats: 1 where the onsets on the beats only strike again
    what already sounds."""
    near, far = _PITCH_REACH
    values = []
    for frame in beats[(beats >= far) & (beats <= chroma.shape[1] - far)].tolist():
        before = chroma[:, frame - far + 1 : frame - near + 1].mean(axis=1).astype(np.float64)
        after = chroma[:, frame + near : frame + far].mean(axis=1).astype(np.float64)
        norms = float(np.linalg.norm(before) * np.linalg.norm(after))
        if norms > 0:
            values.append(float(before @ after) / norms)
    return float(np.median(values)) if values else 0.0


def accent(onset: Floats, beats: Ints, accented: float, even: float) -> float:
    """1 where the onsets between the beats are at most `accented` of those on them
    (onsets_between), 0 from `even` on, linear between: how far the beats stand out."""
    return float(np.clip((even - onsets_between(onset, beats)) / (even - accented), 0.0, 1.0))


def onsets_between(onset: Floats, beats: Ints) -> float:
    """The onsets' median peak at _BETWEEN of each beat over their median peak on the beats: about
    1 where every beat is as loud as what sounds between (a tremolo, a roll), far less under drums."""
    if beats.size < 3:
        return 0.0
    gaps = np.diff(beats)
    between = [peak_values(onset, beats[:-1] + np.round(gaps * share).astype(np.int64)) for share in _BETWEEN]
    on = float(np.median(peak_values(onset, beats)))
    return float(np.median(np.concatenate(between))) / on if on > 0 else 0.0


def level_dip(log_mel: Floats, beats: Ints, reach: int = 2) -> float:
    """dB from the loudest frame at a beat (within +-reach frames) down to the quietest before the
    next beat, the median over the beats: how far a sound dies away between its beats."""
    level = np.empty(log_mel.shape[1])
    for start in range(0, log_mel.shape[1], _CHUNK):  # total power per frame, a chunk at a time
        part = log_mel[:, start : start + _CHUNK].astype(np.float64)
        level[start : start + part.shape[1]] = 10.0 * np.log10(np.sum(10.0 ** (part / 10.0), axis=0))
    at = beats - _RISE_LAG
    dips = [
        float(
            level[max(0, here - reach) : here + reach + 1].max() - level[here + reach : after - reach].min()
        )
        for here, after in itertools.pairwise(at.tolist())
        if here >= 0 and after - reach > here + reach
    ]
    return float(np.median(dips)) if dips else 0.0


def onset_spread(log_mel: Floats, beats: Ints, reach: int = 2) -> tuple[float, float]:
    """How the bands rise at the beats (within +-reach frames): the mean share of bands rising
    >= _SPREAD_RISE dB, and the median rise of the loudest tenth of the bands, in dB."""
    shares, loudest = [], []
    for frame in beats:
        start, stop = max(1, frame - _RISE_LAG - reach), min(log_mel.shape[1], frame - _RISE_LAG + reach + 1)
        if stop <= start:
            continue
        rise = (log_mel[:, start:stop] - log_mel[:, start - 1 : stop - 1]).max(axis=1)
        shares.append(float(np.mean(rise >= _SPREAD_RISE)))
        loudest.append(float(np.percentile(rise, 90)))
    if not shares:
        return 0.0, 0.0
    return float(np.mean(shares)), float(np.median(loudest))


def pulse_confidence(onset: Floats, beats: Ints) -> float:
    """0-1: how clearly the onset envelope repeats at the beat period (pulse_clarity), times the
    onsets' strength: a held tone's vibrato repeats too, but its onsets are a fraction of a dB; the
    median beat's onset, so that a few loud chord changes do not make a pulse."""
    if beats.size < _MIN_IBIS + 1:
        return 0.0
    return pulse_clarity(onset, beats) * _onset_strength(median_beat_onset(onset, beats))


def beat_confidence(onset: Floats, beats: Ints) -> float:
    """What track_beats reports: pulse_confidence, or, where the onsets come on every second, third
    or fourth beat only (chords held a bar or half a bar, no drums: the median beat has no onset),
    the same clarity times the strength of that grid's onsets, read at their 25th percentile rather
    than their median. Chords changing in free time meet a grid at a few of its beats, loudly: on
    the development splits' free-time clips the best grid's median would reach 0.29 of confidence,
    its 25th percentile stays under their pulse_confidence's 0.22; held chords in time reach 0.3-0.9."""
    if beats.size < _MIN_IBIS + 1:
        return 0.0
    values = _beat_onsets(onset, beats)
    if values.size == 0:
        return 0.0
    strength = _onset_strength(float(np.median(values)))
    grids = [values[phase::step] for step in _GRIDS for phase in range(step)]
    best = max((grid for grid in grids if grid.size >= _MIN_GRID_BEATS), key=np.median, default=None)
    if best is not None:
        strength = max(strength, _onset_strength(float(np.percentile(best, 25))))
    return pulse_clarity(onset, beats) * strength


def median_beat_onset(onset: Floats, beats: Ints) -> float:
    """The onset envelope's median peak on the beats (_beat_onsets); 0.0 where there is none."""
    values = _beat_onsets(onset, beats)
    return float(np.median(values)) if values.size else 0.0


def _beat_onsets(onset: Floats, beats: Ints) -> npt.NDArray[np.float32]:
    """The onset envelope's peak at each beat far enough from either end to have one."""
    return peak_values(onset, beats[(beats >= 2) & (beats < onset.size - 2)])


def pulse_clarity(onset: Floats, beats: Ints) -> float:
    """0-1: the centred envelope's autocorrelation (over its energy) at 1, 2 and 4 beats, minus its
    lowest point within +-(0.1-0.4) beat of the lag, the best of the three. A pulse makes a sharp
    peak there; noise (no repetition) or chords changing at irregular times make a low or ragged one."""
    return max(lag_clarities(onset, beats, (1, 2, 4)), default=0.0)


def pulse_persistence(onset: Floats, beats: Ints) -> float:
    """0-1: the lowest of lag_clarities at 1, 2, 3 and 4 beats; 0 where the track is shorter than
    twice the longest lag. A pulse repeats at every one of them, while a grid that meets rises by
    chance (legato chords in free time) makes a peak at one lag that fades at the next ones."""
    clarities = lag_clarities(onset, beats, _PERSISTENT_LAGS)
    return min(clarities) if len(clarities) == len(_PERSISTENT_LAGS) else 0.0


def lag_clarities(onset: Floats, beats: Ints, multiples: tuple[int, ...]) -> list[float]:
    """Per multiple of the beat period (in order, while twice the lag fits in the track): the centred
    envelope's autocorrelation at that lag (the best within a frame) less its lowest within
    +-(0.1-0.4) beat of it, over _FULL_CLARITY, in 0-1."""
    correlation = autocorrelation(onset)
    period = float(np.median(np.diff(beats))) if beats.size > 1 else 0.0
    if correlation is None or period < 2:
        return []
    clarities = []
    for multiple in multiples:
        lag = multiple * period
        if lag * 2 > onset.size:
            break
        peak = max(correlation(round(lag) + d) for d in (-1, 0, 1))
        near = [round(lag + sign * f * period) for f in _VALLEY_OFFSETS for sign in (-1, 1)]
        clarities.append(float(np.clip((peak - min(correlation(n) for n in near)) / _FULL_CLARITY, 0.0, 1.0)))
    return clarities


def autocorrelation(onset: Floats) -> Callable[[int], float] | None:
    """The centred envelope's autocorrelation over its energy, at a lag in frames (0 outside 1 to
    the envelope's length); None where the envelope never moves."""
    centred = onset.astype(np.float64) - float(onset.mean())
    energy = float(np.dot(centred, centred))
    if energy <= 0:
        return None

    def correlation(lag: int) -> float:
        return float(np.dot(centred[:-lag], centred[lag:])) / energy if 0 < lag < centred.size else 0.0

    return correlation


def _onset_strength(onset_db: float) -> float:
    return float(np.clip((onset_db - _WEAK_ONSETS) / (_FULL_ONSETS - _WEAK_ONSETS), 0.0, 1.0))


def tempo_guess(onset: Floats) -> float:
    """librosa.feature.tempo(onset_envelope=onset) with its defaults; 0.0 when there is no onset.

    librosa builds the whole (8 s window x frames) tempogram before averaging it over time:
    2.8 kB per frame, more than the audio it came from. The same average is taken here a chunk
    of frames at a time.
    """
    if not onset.any():
        return 0.0
    width = int(librosa.time_to_frames(AC_SECONDS, sr=ANALYSIS_RATE, hop_length=HOP))
    padded = np.pad(onset, width // 2, mode="linear_ramp", end_values=(0, 0))
    window = scipy.signal.get_window("hann", width, fftbins=True)[:, None]
    total = np.zeros(width)
    for start in range(0, onset.size, _TEMPOGRAM_CHUNK):
        stop = min(start + _TEMPOGRAM_CHUNK, onset.size)
        frames = librosa.util.frame(padded[start : stop + width - 1], frame_length=width, hop_length=1)
        correlation = librosa.autocorrelate(frames * window, axis=0)
        total += librosa.util.normalize(correlation, norm=np.inf, axis=0).sum(axis=1)
    bpms = librosa.tempo_frequencies(width, hop_length=HOP, sr=ANALYSIS_RATE)
    log_prior = -0.5 * ((np.log2(bpms) - np.log2(START_BPM)) / STD_OCTAVES) ** 2
    log_prior[: int(np.argmax(bpms < MAX_TEMPO))] = -np.inf
    return float(bpms[int(np.argmax(np.log1p(1e6 * total / onset.size) + log_prior))])


def metrical_contrast(envelope: Floats, beats: Ints) -> float:
    """Mean envelope peak on the beats minus the strongest of the half and third subdivisions."""
    gaps = np.diff(beats)
    on_beats = peak_strength(envelope, beats)
    between = max(
        peak_strength(envelope, beats[:-1] + np.round(gaps * fraction).astype(np.int64))
        for fraction in (1 / 2, 1 / 3, 2 / 3)
    )
    return on_beats - between


def peak_strength(envelope: Floats, frames: Ints, reach: int = 2) -> float:
    """Mean over `frames` of the envelope's maximum within +-reach frames (timing slack)."""
    inside = frames[(frames >= reach) & (frames < envelope.size - reach)]
    return float(peak_values(envelope, inside, reach).mean()) if inside.size else 0.0


def peak_values(envelope: Floats, frames: Ints, reach: int = 2) -> npt.NDArray[np.float32]:
    """The envelope's maximum within +-reach frames of each frame (clipped at the ends)."""
    offsets = np.arange(-reach, reach + 1)
    index = np.clip(frames[None, :] + offsets[:, None], 0, envelope.size - 1)
    return np.asarray(envelope[index].max(axis=0), dtype=np.float32)


def refine_tempo(frames: Ints, coarse_bpm: float) -> float:
    """The tempo from the mean beat interval, falling back to the tracker's tempo: what a track
    reports.

    The tracker's tempo is quantised to whole onset frames (about 2% apart near 120 BPM: a
    120 BPM click track reads 117.5), while the beats it places average out that quantisation.
    Intervals far from the beats' own period (a skipped or doubled beat) are left out. That period
    is half the median span of two beats, not the tracker's: a tracker held by uneven onsets (a
    12/8 or 6/8 lilt, a waltz's long first beat) places beats long and short in turn, their mean
    up to 14% from the period it was run at, and measured from that period the long intervals fell
    out and the short ones set the tempo: 8 of fogou's confident tempos were 5-11% off at its read
    (73.0 read 81.4, the tracker run at 83.4 BPM and its beats 65 and 83 BPM apart in turn).
    """
    if coarse_bpm <= 0 or frames.size <= _MIN_IBIS:
        return coarse_bpm
    intervals = np.diff(frames) * HOP / ANALYSIS_RATE
    return _steady_tempo(intervals, float(np.median(intervals[1:] + intervals[:-1])) / 2.0, coarse_bpm)


def level_tempo(frames: Ints, coarse_bpm: float) -> float:
    """A level's tempo as the level scorer reads it (levels.level_features, levels.candidates): the
    mean beat interval with the intervals far from the period the tracker was run at left out.

    tempo_weights.json was fit on this measure. Read through refine_tempo instead, without a refit,
    the neighbour measures (a level at twice or half another's tempo) flip on a few tracks and the
    choice with them: a synthetic dembow (test_a_kick_alone_on_the_beats_keeps_its_pulse) went from
    96 to 69.8 BPM, a jersey-club groove alone of catacomb's to half its tempo. The next tempo refit
    can read refine_tempo and retire this.
    """
    if coarse_bpm <= 0 or frames.size <= _MIN_IBIS:
        return coarse_bpm
    return _steady_tempo(np.diff(frames) * HOP / ANALYSIS_RATE, 60.0 / coarse_bpm, coarse_bpm)


def _steady_tempo(intervals: npt.NDArray[np.float64], period: float, coarse_bpm: float) -> float:
    """60 over the mean of the intervals within _IBI_TOLERANCE of `period`; `coarse_bpm` when fewer
    than _MIN_IBIS are."""
    steady = intervals[np.abs(intervals - period) <= _IBI_TOLERANCE * period]
    if steady.size < _MIN_IBIS:
        return coarse_bpm
    return float(60.0 / steady.mean())
