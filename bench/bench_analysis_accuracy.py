"""Tempo, key and "does not know" accuracy on the harder labelled clips (71 splits), and the classic set.

The clips (soundforge.testing.labelled_clips): songs whose progressions dwell on vi, ii and IV,
modal and ambiguous material, detuned to A=432-446 Hz, in General MIDI timbres rendered by
FluidSynth (or TiMidity++, or recordings played by sample_render, or STK's models played by
stk_render, or waveguide strings played by waveguide_render, or analog patches played by
analog_render, or formant voices, additive organs and mallets played by formant_render, or
phase-distortion patches played by phase_render, or operator FM patches played by fm_render, or
waveshaping patches played by shaper_render, or wavetable patches played by wavetable_render, or
granular patches played by grain_render, or a sound chip's patches played by chip_render, or
vocoder and talk-box patches played by vocoder_render, or tonewheel organs and free reeds played
by tonewheel_render, or tuned bars, bells, plates and tines played by modal_render, or struck and
plucked keyboard strings and electric pianos played by hammer_render, or additive resynthesis
patches played by additive_render, or drone strings over a buzzing bridge played by jawari_render,
or linear-arithmetic tones played by arithmetic_render, or brass and reeds played by bore_render, or
a tape-replay keyboard's frames played by tape_render, or bowed and plucked strings played by
bow_render, or fretted strings played by fret_render, or a pipe organ's ranks played by
pipe_render, or early electronic instruments played by ether_render, or glass and friction
instruments played by glass_render, or instruments that wind and water sound played by
flow_render, or mechanical music played by barrel_render, or instruments of stone, earth and wood
played by earth_render, or a gamelan's bronzes played by bronze_render, or a nursery's toys played
by toy_render, or psalteries plucked by hand played by psaltery_render, or mouth harps plucked at the
lips played by trump_render, or strings bowed by a wheel played by gurdy_render, or vessel flutes
and blown vessels played by vessel_render, or mirlitons played by mirliton_render, or singing
flames played by flame_render, or sirens played by siren_render, or sparks and arcs played by
spark_render, or steppers and drives played by stepper_render, or crickets, cicadas and frogs played
by creature_render, or birds singing through the syrinx played by bird_render, or strings, bars and
forks driven by electromagnets played by magnet_render, or light-tone instruments played by
light_render, or musical bows and string drums played by tether_render, or harps plucked by the
fingers played by harp_render, or skins tuned to notes played by skin_render, or bamboo tubes tuned to
notes played by bamboo_render, or free-reed mouth organs played by reed_render, or handpans and steel
tongue drums played by pan_render, or steel guitars played by steel_render, or flutes blown across an
edge played by jet_render, or lamellophones plucked by the thumbs played by lamella_render, or
bagpipes, reeds blown from a bag, played by bag_render, or huqin, bowed fiddles whose bridge stands on
a skin or a thin board, played by huqin_render, or frame xylophones, wooden bars over gourds whose
membranes buzz, played by balafon_render, or clavichords and a tangent piano, tangent-struck keyboard
strings, played by clavichord_render, or koras, an n'goni, a bolon and an adungu, West African
harp-lutes and bridge harps, played by kora_render) or synthetic ones; legato
chords in free time (a key, no pulse); drums alone (a pulse, no key); noise and single held tones
(neither). Goals: key exact >= 90%, MIREX >= 0.93, tempo within 4% >= 95%, and no confident answer
(a key, or a tempo) on a clip that has none, read on a split the method never saw while it was
chosen or fit. The splits: "tune" (seed 0 here;
the weights are fit on its material drawn with other seeds, scripts/train_key_weights.py and
scripts/train_tempo_weights.py); "held-out", "fresh" and "blind", each written with material the
others lacked and each read while choosing in passes 1-4 of method work -- development splits now,
whose material drawn with other seeds the fifth pass also trains on (their seed 0, reported here,
never); "sealed", written before the fifth pass by someone other than whoever tunes and read for
that pass's final numbers, a development split like them from the sixth pass on; "vault", written
before the sixth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the seventh pass on; "cellar", written for the
seventh pass of method work by someone other than whoever tunes and read once for that pass's final
numbers, a development split from the eighth pass on; "crypt", written for the eighth pass of
method work by someone other than whoever tunes and read once for that pass's final numbers, a
development split from the ninth pass on; "tomb", written for the ninth pass of method work by
someone other than whoever tunes and read once for that pass's final numbers, a development split
from the tenth pass on; "catacomb", written for the tenth pass of method work by someone other than
whoever tunes and read once for that pass's final numbers, a development split from the eleventh
pass on; "ossuary", written for the eleventh pass of method work by someone other than whoever
tunes and read once for that pass's final numbers, a development split from the twelfth pass on;
"charnel", written for the twelfth pass of method work by someone other than whoever tunes and read
once for that pass's final numbers, a development split from the thirteenth pass on; "sepulchre",
written for the thirteenth pass of method work by someone other than whoever tunes and read once
for that pass's final numbers, a development split from the fourteenth pass on; "barrow", written
for the fourteenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the fifteenth pass on; "mausoleum", written for
the fifteenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the sixteenth pass on; "undercroft", written for
the sixteenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the seventeenth pass on; "reliquary", written for
the seventeenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the eighteenth pass on; "cenotaph", written for
the eighteenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the nineteenth pass on; "columbarium", written
for the nineteenth pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the twentieth pass on; "hypogeum", written for
the twentieth pass of method work by someone other than whoever tunes and read once for that pass's
final numbers, a development split from the twenty-first pass on; "necropolis", written for the
twenty-first pass of method work by someone other than whoever tunes and read once for that pass's
final numbers, a development split from the twenty-second pass on; "tumulus", written for the
twenty-second pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the twenty-third pass on; "mastaba", written for
the twenty-third pass of method work by someone other than whoever tunes and read once for that
pass's final numbers, a development split from the twenty-fourth pass on; "cairn", written for
the twenty-fourth pass of method work by someone other than whoever tunes and read once, beside
mastaba, for the twenty-third pass's final numbers, a development split from the twenty-fourth
pass on; "dolmen", written for the twenty-fifth pass of method work by someone other than whoever
tunes and read once, beside mastaba and cairn, for the twenty-third pass's final numbers, a
development split from the twenty-fourth pass on; "kurgan", written for the twenty-sixth pass
of method work by someone other than whoever tunes and read once for the twenty-fourth pass's
final numbers, a development split from the twenty-fifth pass on; "tholos", written for the
twenty-seventh pass of method work by someone other than whoever tunes and read once for the
twenty-fifth pass's final numbers, a development split from the twenty-sixth pass on;
"sarcophagus", written for the twenty-eighth pass of method work by someone other than whoever
tunes and read once for the twenty-sixth pass's final numbers, a development split from the
twenty-seventh pass on; "stupa", written for the twenty-ninth pass of method work by someone
other than whoever tunes and read once for the twenty-seventh pass's final numbers, a development
split from the twenty-eighth pass on; "pyramid", written for the thirtieth pass of method work
by someone other than whoever tunes and read once for the twenty-eighth pass's final numbers, a
development split from the twenty-ninth pass on; "ziggurat", written for the thirty-first pass
of method work by someone other than whoever tunes and read once for the twenty-ninth pass's final
numbers, a development split from the thirtieth pass on; "henge", written for the
thirty-second pass of method work by someone other than whoever tunes and read once for the
thirtieth pass's final numbers, a development split from the thirty-first pass on; "cromlech",
written for the thirty-third pass of method work by someone other than whoever tunes and read once
for the thirty-first pass's final numbers, a development split from the thirty-second pass on;
"menhir", written for the thirty-fourth pass of
method work by someone other than whoever tunes and read once for the thirty-second pass's final
numbers, a development split from the thirty-third pass on; "obelisk", written for the thirty-fifth
pass of method work by someone other than whoever tunes and read once for the thirty-third pass's
final numbers, a development split from the thirty-fourth pass on; "trilithon",
written for the thirty-sixth pass of method work by someone other than whoever tunes and read once
for the thirty-third pass's final numbers, a development split from the thirty-fourth pass on;
and "stele", written for the thirty-seventh pass of method work by someone other than whoever
tunes and read once for the thirty-fourth pass's final numbers, a development split from the
thirty-fifth pass on; and "cist", written for the thirty-eighth pass of method work by someone
other than whoever tunes and read once for the thirty-fifth pass's final numbers, a development
split from the thirty-sixth pass on; and "broch",
written for the thirty-ninth pass of method work by someone other than whoever tunes and read once
for the thirty-sixth pass's final numbers, a development split from the thirty-seventh pass on;
and "nuraghe", written for the fortieth pass of method work by someone other than whoever tunes
and read once for the thirty-seventh pass's final numbers, a development split from the
thirty-eighth pass on; and "talayot", written for the forty-first pass of method work by someone
other than whoever tunes and read once for the thirty-eighth pass's final numbers, a development
split from the thirty-ninth pass on; and "naveta" and "taula", written for the forty-second and
forty-third passes of method work by someone other than whoever tunes and read once (together) for
the thirty-ninth pass's final numbers, development splits from the fortieth pass on; and "quoit",
written for the forty-fourth pass of method work by someone other than whoever tunes and read once
for the fortieth pass's final numbers, a development split from the forty-first pass on; and
"hunebed", written for the forty-fifth pass of method work by someone other than whoever tunes and
read once for the forty-first pass's final numbers, a development split from the forty-second pass
on; and "dysse", written for the forty-sixth pass of method work by someone other than whoever
tunes and read once for the forty-second pass's final numbers, a development split from the
forty-third pass on; and "anta", written for the forty-seventh pass of method work by someone
other than whoever tunes and read once for the forty-third pass's final numbers, a development split
from the forty-fourth pass on; and "mamoa", written for the forty-eighth pass of method work by
someone other than whoever tunes and read once for the forty-fourth pass's final numbers, a
development split from the forty-fifth pass on; and "galgal",
written for the forty-ninth pass of method work by someone other than whoever tunes and read once
for the forty-sixth pass's final numbers, a development split from the forty-seventh pass on; and
"fogou", written for the fiftieth pass of method work by someone other than whoever tunes and read
once for the forty-seventh pass's final numbers, a development split from the forty-eighth pass on;
and "souterrain", written for the fifty-first pass of method work by someone other than whoever
tunes and read once for the forty-eighth pass's final numbers, a development split from the
forty-ninth pass on; and "crannog", written for the fifty-second pass of method work by someone
other than whoever tunes and read once for the forty-ninth pass's final numbers, a development
split from the fiftieth pass on; and "cashel", written for the fifty-third pass of method work by
someone other than whoever tunes and read once for the fiftieth pass's final numbers, a development
split from the fifty-first pass on; and "clochan", written for the fifty-fourth pass of method work
by someone other than whoever tunes and read once for the fifty-first pass's final numbers, a
development split from the fifty-second pass on; and "rath", written for the fifty-fifth pass of
method work by someone other than whoever tunes and read once for the fifty-second pass's final
numbers, a development split from the fifty-third pass on; and "castro", written for the fifty-sixth
pass of method work by someone other than whoever tunes and read once for the fifty-third pass's final
numbers, a development split from the fifty-fourth pass on; and "motte", written for the
fifty-seventh pass of method work by someone other than whoever tunes and read once for the
fifty-sixth pass's final numbers, a development split from the fifty-seventh pass on; and
"oppidum", written for the fifty-eighth pass of method work by
someone other than whoever tunes and read once for the fifty-seventh pass's final numbers, a
development split from the fifty-eighth pass on; and
"bailey", written for the fifty-ninth pass of method work by someone other than whoever tunes and
read once for the fifty-eighth pass's final numbers, a development split from the fifty-ninth pass
on; and "barbican", written for the sixtieth pass of method work by someone other than whoever
tunes and read once for the fifty-ninth pass's final numbers, a development split from the
sixtieth pass on; and "keep", written for the sixty-first pass of method work by someone other
than whoever tunes and read once for the sixtieth pass's final numbers, a development split from
the sixty-first pass on; and "bastion", written for the sixty-second pass of method work by
someone other than whoever tunes and read once for the sixtieth pass's final numbers too, a
development split from the sixty-first pass on; and "donjon", written for the sixty-second pass
of method work by someone other than whoever tunes and read once for the sixty-first pass's final
numbers, a development split from the sixty-second pass on; and "citadel", written for the
sixty-third pass of method work by someone other than whoever tunes and read once for the
sixty-second pass's final numbers, a development split from the sixty-third pass on; and
"rampart", written for the sixty-fourth pass of method work by someone other than whoever tunes
and read once for the sixty-third pass's final numbers, a development split from the sixty-fourth
pass on; and "palisade", written for the sixty-fifth pass of method work by someone other than
whoever tunes and read once for the sixty-fourth pass's final numbers, a development split from the
sixty-fifth pass on; and "bulwark", written for the sixty-sixth pass of method work by someone
other than whoever tunes and read once for the sixty-fifth pass's final numbers, a development split
from the sixty-sixth pass on; and "redoubt", written for the sixty-seventh pass of method work by
someone other than whoever tunes and read once for the sixty-eighth pass's final numbers, a
development split from the sixty-ninth pass on; and "ravelin", written for the seventieth pass of
method work by someone other than whoever tunes and read once for the seventieth pass's final
numbers, a development split from the seventy-first pass on; and "casemate", written for the
seventy-first pass of method work by someone other than whoever tunes and read once for the
seventy-first pass's final numbers, a development split from the seventy-second pass on; and
"glacis", written for the seventy-second pass of method work by someone other than whoever tunes,
read once with --split glacis, only for the final numbers.
Misses are listed for the tune split only (--show-clips lists them for the development splits;
never for a split in READ_ONCE, which refuses it).
Also printed: the profile method alone and madmom's key CNN on the same clips, and the classic
synthetic set (soundforge.testing.music.labelled_set) as a regression check.
Each goal's line gives its 95% interval (Wilson's for a share, the normal one for the MIREX
mean): one split's 128 keys measure key exact to about five points either way. --split takes
several splits: each is reported, then their clips pooled into one read of the goals.
Run: .venv/bin/python bench/bench_analysis_accuracy.py
[--split held-out|fresh|tune|blind|sealed|vault|cellar|crypt|tomb|catacomb|ossuary|charnel|sepulchre
|barrow|mausoleum|undercroft|reliquary|cenotaph|columbarium|hypogeum|necropolis|tumulus|mastaba|cairn
|dolmen|kurgan|tholos|sarcophagus|stupa|pyramid|ziggurat|henge|cromlech|menhir|obelisk
|trilithon|stele|cist|broch|nuraghe|talayot|naveta|taula|quoit|hunebed|dysse|anta|mamoa|galgal|fogou
|souterrain|crannog|cashel|clochan|rath|castro|motte|oppidum|bailey|barbican|keep|bastion|donjon
|citadel|rampart|palisade|bulwark|redoubt|ravelin|casemate|glacis]
[--madmom-every 3]
"""

from __future__ import annotations

import argparse
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from soundforge.analysis.features import analyze_samples, warm_up
from soundforge.analysis.key import KeyModel, estimate_key, mirex_score, parse_key
from soundforge.analysis.spectra import Needs, frames_of
from soundforge.testing.labelled_clips import clip_set, render_clip
from soundforge.testing.labelled_material import CATEGORIES, SPLITS
from soundforge.testing.music import labelled_set, render

SR = 22050
TEMPO_TOLERANCE = 0.04
GOALS = {"key exact": 0.90, "key MIREX": 0.93, "tempo within 4%": 0.95}
# What every labelled clip is read for (bench_analysis_development.py reads the same).
READ = ("tempo", "key", "downbeats", "danceability")
# The splits written apart and not yet read: their misses are never listed.
READ_ONCE: tuple[str, ...] = ("glacis",)


@dataclass
class Read:
    """One read's scored clips, for the goals: per keyed clip (exact, MIREX), per clip with a pulse
    whether its tempo is within the tolerance, and the unknowns answered of those asked."""

    keys: list[tuple[bool, float]] = field(default_factory=list)
    tempos: list[bool] = field(default_factory=list)
    confident: int = 0
    unknowns: int = 0

    def add(self, other: Read) -> None:
        self.keys += other.keys
        self.tempos += other.tempos
        self.confident += other.confident
        self.unknowns += other.unknowns

    def goals(self) -> dict[str, tuple[float, float, float]]:
        """Per goal in GOALS: (value, low, high), the 95% interval around the value."""
        exact = [e for e, _ in self.keys]
        mirex = np.array([m for _, m in self.keys])
        spread = 1.96 * float(mirex.std(ddof=1)) / math.sqrt(mirex.size) if mirex.size > 1 else 0.0
        return {
            "key exact": (float(np.mean(exact)), *wilson(sum(exact), len(exact))),
            "key MIREX": (
                float(mirex.mean()),
                max(0.0, mirex.mean() - spread),
                min(1.0, mirex.mean() + spread),
            ),
            "tempo within 4%": (float(np.mean(self.tempos)), *wilson(sum(self.tempos), len(self.tempos))),
        }

    def print_goals(self) -> None:
        for goal, (value, low, high) in self.goals().items():
            verdict = "met" if value >= GOALS[goal] else "NOT met"
            print(f"goal {goal} >= {GOALS[goal]:.0%}: {value:.3f} (95% {low:.3f}-{high:.3f}) ({verdict})")
        verdict = "met" if self.confident == 0 else "NOT met"
        print(
            f"goal zero confident answers on no-key / no-pulse clips: {self.confident} of {self.unknowns} "
            f"({verdict})"
        )


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson's score interval for a share: unlike the normal one, it stays within 0-1 and is not
    zero wide at 0 or 1 of a few dozen clips."""
    if trials == 0:
        return 0.0, 1.0
    share = successes / trials
    middle = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return max(0.0, middle - half), min(1.0, middle + half)


def within(estimate: float | None, reference: float) -> bool:
    return estimate is not None and abs(estimate - reference) <= TEMPO_TOLERANCE * reference


def key_of(name: str | None) -> tuple[int, str] | None:
    return parse_key(name) if name else None


def scores(found: tuple[int, str] | None, reference: tuple[int, str]) -> tuple[bool, float]:
    return found == reference, mirex_score(found, reference) if found else 0.0


def madmom_key_model() -> KeyModel | None:
    try:
        from soundforge.analysis.madmom_models import MadmomKeyModel

        return MadmomKeyModel()
    except ImportError:
        return None


def clip_report(split: str, madmom_every: int, show_clips: bool) -> Read:
    clips = clip_set(split)
    madmom = madmom_key_model() if madmom_every else None
    keyed: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    tempo: dict[str, list[bool]] = defaultdict(list)
    confident_key: dict[str, list[bool]] = defaultdict(list)  # on clips with no key
    confident_tempo: dict[str, list[bool]] = defaultdict(list)  # on clips with no pulse
    others: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    misses: list[str] = []
    seconds: list[float] = []
    for index, clip in enumerate(clips):
        samples = render_clip(clip, SR)
        started = time.perf_counter()
        result = analyze_samples(samples, READ).result
        seconds.append(time.perf_counter() - started)
        found = key_of(result["key"])
        wrong = []
        if clip.key is not None:
            keyed[clip.category].append(scores(found, clip.key))
            if found != clip.key:
                wrong.append(f"key {result['key']} ({result['key_confidence']})")
            chroma = frames_of(samples, Needs(stft=True, chroma=True)).chroma
            assert chroma is not None
            plain = estimate_key(chroma.mean(axis=1))
            others["profile (EDMA) alone"].append(
                scores((plain.tonic, plain.mode) if plain else None, clip.key)
            )
            if madmom is not None and index % madmom_every == 0:
                guess = madmom.key(samples, SR)
                others["madmom key CNN (subset)"].append(
                    scores((guess.tonic, guess.mode) if guess else None, clip.key)
                )
                others["service, madmom's subset"].append(keyed[clip.category][-1])
        else:
            confident_key[clip.category].append(result["key"] is not None)
            if result["key"] is not None:
                wrong.append(f"key {result['key']} ({result['key_confidence']}) on no key")
        if clip.bpm is not None:
            tempo[clip.category].append(within(result["tempo"], clip.bpm))
            if not tempo[clip.category][-1]:
                wrong.append(f"tempo {result['tempo']} ({result.get('tempo_confidence')})")
        else:
            answered = result["tempo"] is not None or bool(result["beats"]) or bool(result["downbeats"])
            confident_tempo[clip.category].append(answered)
            if answered:
                wrong.append(f"tempo {result['tempo']} ({result.get('tempo_confidence')}) on no pulse")
        if wrong:
            misses.append(f"    {clip.describe()}: {', '.join(wrong)}")

    print(f"labelled clips, split {split!r}: {len(clips)} clips ({np.mean(seconds):.2f} s analysis each)")
    heading = ("category", "clips", "key exact", "MIREX", "tempo 4%", "confident on none")
    print("  {:10s} {:>5s} {:>10s} {:>6s} {:>9s} {:>18s}".format(*heading))
    for category in CATEGORIES:
        k, t = keyed.get(category, []), tempo.get(category, [])
        none = confident_key.get(category, []) + confident_tempo.get(category, [])
        exact = f"{np.mean([e for e, _ in k]):10.1%}" if k else f"{'-':>10s}"
        mirex = f"{np.mean([m for _, m in k]):6.3f}" if k else f"{'-':>6s}"
        rate = f"{np.mean(t):9.1%}" if t else f"{'-':>9s}"
        wrong_none = f"{sum(none)} of {len(none)}" if none else "-"
        count = sum(c.category == category for c in clips)
        print(f"  {category:10s} {count:5d} {exact} {mirex} {rate} {wrong_none:>18s}")
    all_keys = [s for values in keyed.values() for s in values]
    all_tempos = [s for values in tempo.values() for s in values]
    no_key = [s for values in confident_key.values() for s in values]
    no_pulse = [s for values in confident_tempo.values() for s in values]
    read = Read(all_keys, all_tempos, sum(no_key) + sum(no_pulse), len(no_key) + len(no_pulse))
    confident, unknowns = read.confident, read.unknowns
    overall = tuple(value for value, _, _ in read.goals().values())
    print("  {:10s} {:5d} {:10.1%} {:6.3f} {:9.1%}".format("all", len(clips), *overall), end="")
    print(f" {confident:>9d} of {unknowns}")
    print(f"  confident keys on no-key clips: {sum(no_key)} of {len(no_key)}; "
          f"tempos/beats on no-pulse clips: {sum(no_pulse)} of {len(no_pulse)}")  # fmt: skip
    for name, values in others.items():
        exact, mirex = np.mean(values, axis=0)
        print(f"  key {name:28s} exact {exact:6.1%}  MIREX {mirex:.3f}  ({len(values)} clips)")
    if madmom is None and madmom_every:
        print("  madmom: not installed (pip install -e './services/analysis[madmom]'); skipped")
    if split != "tune":
        read.print_goals()
    if misses and show_clips:
        print(f"  clips with a wrong or unwithheld answer ({len(misses)}):")
        print("\n".join(misses))
    elif misses:
        print(f"  clips with a wrong or unwithheld answer: {len(misses)} (not listed: --show-clips)")
    return read


def classic_report(per_key: int, seconds: float) -> None:
    pieces = labelled_set(per_key=per_key, seconds=seconds)
    tempo, key, bars, misses = [], [], [], []
    for piece in pieces:
        result = analyze_samples(render(piece, SR), ["tempo", "key", "downbeats"]).result
        tempo.append(within(result["tempo"], piece.bpm))
        found = key_of(result["key"])
        key.append(scores(found, (piece.tonic, piece.mode)))
        bars.append(result["beats_per_bar"] == piece.beats_per_bar)
        if not (tempo[-1] and key[-1][0] and bars[-1]):
            misses.append(
                f"    {piece.describe()}: tempo {result['tempo']} ({result.get('tempo_confidence')}), "
                f"key {result['key']} ({result['key_confidence']}), {result['beats_per_bar']} per bar"
            )
    exact, mirex = np.mean(key, axis=0)
    print(f"classic synthetic set: {len(pieces)} pieces of {seconds:.0f} s ({per_key} per key)")
    print(f"  tempo within 4% {np.mean(tempo):.1%}, key exact {exact:.1%}, MIREX {mirex:.3f}, "
          f"beats per bar {np.mean(bars):.1%}")  # fmt: skip
    if misses:
        print(f"  pieces with a wrong answer ({len(misses)}):")
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", choices=SPLITS, default=["held-out"])
    parser.add_argument("--madmom-every", type=int, default=3, help="0 skips madmom")
    parser.add_argument("--classic-per-key", type=int, default=2, help="0 skips the classic set")
    parser.add_argument("--classic-seconds", type=float, default=30.0)
    # A held-out split stays held out only while nobody tunes on what it gets wrong: by default
    # its clips are counted, never listed.
    parser.add_argument(
        "--show-clips", action="store_true", help="list every miss (default: tune split only)"
    )
    args = parser.parse_args()
    for split in args.split:
        if split in READ_ONCE and args.show_clips:
            parser.error(
                f"--show-clips never lists the {split} split's misses: it is read once, for final numbers"
            )
    warm_up()
    pooled = Read()
    for split in args.split:
        pooled.add(clip_report(split, args.madmom_every, args.show_clips or split == "tune"))
    if len(args.split) > 1:
        print(
            f"pooled over {', '.join(args.split)}: {len(pooled.keys)} clips with a key, "
            f"{len(pooled.tempos)} with a pulse"
        )
        pooled.print_goals()
    if args.classic_per_key:
        classic_report(args.classic_per_key, args.classic_seconds)


if __name__ == "__main__":
    main()
