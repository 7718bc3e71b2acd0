"""The harder labelled set: seventy-one disjoint splits, what it labels is what it renders, its timbres."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import librosa
import numpy as np
import numpy.typing as npt
import pytest
import scipy.signal

from soundforge.testing import (
    analog_render,
    fm_render,
    formant_render,
    labelled_clips,
    labelled_material_anta,
    labelled_material_bailey,
    labelled_material_barbican,
    labelled_material_barrow,
    labelled_material_bastion,
    labelled_material_broch,
    labelled_material_bulwark,
    labelled_material_cairn,
    labelled_material_casemate,
    labelled_material_cashel,
    labelled_material_castro,
    labelled_material_catacomb,
    labelled_material_cellar,
    labelled_material_cenotaph,
    labelled_material_charnel,
    labelled_material_cist,
    labelled_material_citadel,
    labelled_material_clochan,
    labelled_material_columbarium,
    labelled_material_crannog,
    labelled_material_cromlech,
    labelled_material_crypt,
    labelled_material_dolmen,
    labelled_material_donjon,
    labelled_material_dysse,
    labelled_material_fogou,
    labelled_material_galgal,
    labelled_material_glacis,
    labelled_material_henge,
    labelled_material_hunebed,
    labelled_material_hypogeum,
    labelled_material_keep,
    labelled_material_kurgan,
    labelled_material_mamoa,
    labelled_material_mastaba,
    labelled_material_mausoleum,
    labelled_material_menhir,
    labelled_material_motte,
    labelled_material_naveta,
    labelled_material_necropolis,
    labelled_material_nuraghe,
    labelled_material_obelisk,
    labelled_material_oppidum,
    labelled_material_ossuary,
    labelled_material_palisade,
    labelled_material_pyramid,
    labelled_material_quoit,
    labelled_material_rampart,
    labelled_material_rath,
    labelled_material_ravelin,
    labelled_material_redoubt,
    labelled_material_reliquary,
    labelled_material_sarcophagus,
    labelled_material_sealed,
    labelled_material_sepulchre,
    labelled_material_souterrain,
    labelled_material_stele,
    labelled_material_stupa,
    labelled_material_talayot,
    labelled_material_taula,
    labelled_material_tholos,
    labelled_material_tomb,
    labelled_material_trilithon,
    labelled_material_tumulus,
    labelled_material_undercroft,
    labelled_material_vault,
    labelled_material_ziggurat,
    phase_render,
    rolled_render,
    sample_render,
    shaper_render,
    stk_render,
    struck_render,
    voice_render,
    waveguide_render,
)
from soundforge.testing.additive_render import ADDITIVE_SETS
from soundforge.testing.analog_render import PATCH_SETS
from soundforge.testing.arithmetic_render import ARITHMETIC_SETS
from soundforge.testing.bag_render import BAG_SETS
from soundforge.testing.balafon_render import BALAFON_SETS
from soundforge.testing.bamboo_render import BAMBOO_SETS
from soundforge.testing.barrel_render import BARREL_SETS
from soundforge.testing.bird_render import BIRD_SETS
from soundforge.testing.bore_render import BORE_SETS
from soundforge.testing.bow_render import BOW_SETS
from soundforge.testing.bronze_render import BRONZE_SETS
from soundforge.testing.chip_render import CHIP_SETS
from soundforge.testing.clavichord_render import CLAVICHORD_SETS
from soundforge.testing.creature_render import CREATURE_SETS
from soundforge.testing.earth_render import EARTH_SETS
from soundforge.testing.ether_render import ETHER_SETS
from soundforge.testing.flame_render import FLAME_SETS
from soundforge.testing.flow_render import FLOW_SETS
from soundforge.testing.fm_render import FM_SETS
from soundforge.testing.formant_render import TIMBRE_SETS
from soundforge.testing.fret_render import FRET_SETS
from soundforge.testing.glass_render import GLASS_SETS
from soundforge.testing.grain_render import GRAIN_SETS
from soundforge.testing.gurdy_render import GURDY_SETS
from soundforge.testing.hammer_render import HAMMER_SETS
from soundforge.testing.harp_render import HARP_SETS
from soundforge.testing.huqin_render import HUQIN_SETS
from soundforge.testing.jawari_render import JAWARI_SETS
from soundforge.testing.jet_render import JET_SETS
from soundforge.testing.kora_render import KORA_SETS
from soundforge.testing.labelled_clips import (
    COUNTS,
    PROGRESSIONS,
    SPLITS,
    Clip,
    clip_set,
    render_clip,
    training_clips,
)
from soundforge.testing.labelled_material import (
    BASS_PROGRAMS,
    CADENTIAL,
    CHORD_PROGRAMS,
    DRUM_KITS,
    DRUM_PATTERNS,
    LEAD_PROGRAMS,
    OWN_PROGRAMS,
    PRODUCTION,
    SOUNDFONTS,
    SUSTAINED_PROGRAMS,
    pattern_names,
    sustained_programs,
)
from soundforge.testing.labelled_notation import QUALITIES
from soundforge.testing.lamella_render import LAMELLA_SETS
from soundforge.testing.light_render import LIGHT_SETS
from soundforge.testing.magnet_render import MAGNET_SETS
from soundforge.testing.midi_render import SOUNDFONT, Note, render_notes, renders_with_timidity
from soundforge.testing.mirliton_render import MIRLITON_SETS
from soundforge.testing.modal_render import MODAL_SETS
from soundforge.testing.pan_render import PAN_SETS
from soundforge.testing.phase_render import PHASE_SETS
from soundforge.testing.pipe_render import PIPE_SETS
from soundforge.testing.production import produce
from soundforge.testing.psaltery_render import PSALTERY_SETS
from soundforge.testing.reed_render import REED_SETS
from soundforge.testing.sample_render import SAMPLE_SETS
from soundforge.testing.shaper_render import SHAPER_SETS
from soundforge.testing.siren_render import SIREN_SETS
from soundforge.testing.skin_render import SKIN_SETS
from soundforge.testing.spark_render import SPARK_SETS
from soundforge.testing.steel_render import STEEL_SETS
from soundforge.testing.stepper_render import STEPPER_SETS
from soundforge.testing.stk_render import MODEL_SETS
from soundforge.testing.tape_render import TAPE_SETS
from soundforge.testing.tether_render import TETHER_SETS
from soundforge.testing.tonewheel_render import TONEWHEEL_SETS
from soundforge.testing.toy_render import TOY_SETS
from soundforge.testing.trump_render import TRUMP_SETS
from soundforge.testing.vessel_render import VESSEL_SETS
from soundforge.testing.vocoder_render import VOCODER_SETS
from soundforge.testing.waveguide_render import STRING_SETS
from soundforge.testing.wavetable_render import WAVETABLE_SETS

SR = 22050


def test_the_splits_are_deterministic_disjoint_and_each_has_material_of_its_own() -> None:
    tune, held_out, fresh = clip_set("tune"), clip_set("held-out"), clip_set("fresh")
    assert clip_set("tune") == tune
    assert {c.seed for c in tune}.isdisjoint({c.seed for c in held_out})
    assert {c.seed for c in fresh}.isdisjoint({c.seed for c in tune} | {c.seed for c in held_out})
    for clips, split in ((tune, "tune"), (held_out, "held-out"), (fresh, "fresh")):
        assert all(c.split == split for c in clips)
        assert {c.category for c in clips} == set(COUNTS[split])
        assert len(clips) == sum(COUNTS[split].values())
    tune_names = {c.progression.name for c in tune if c.progression}
    held_out_names = {c.progression.name for c in held_out if c.progression}
    only_held_out = {p.name for group in PROGRESSIONS.values() for p in group if p.own == "held-out"}
    assert only_held_out and not only_held_out & tune_names and only_held_out & held_out_names
    only_tune = {p.name for group in PROGRESSIONS.values() for p in group if p.own == "tune"}
    assert only_tune and not only_tune & held_out_names and only_tune <= tune_names
    fresh_names = {c.progression.name for c in fresh if c.progression}
    only_fresh = {p.name for group in PROGRESSIONS.values() for p in group if p.own == "fresh"}
    assert only_fresh and not only_fresh & (tune_names | held_out_names) and only_fresh & fresh_names
    assert not (only_tune | only_held_out) & fresh_names
    # 12/8 was fresh's alone until the fifth pass of method work, which read fresh and trains on it.
    assert {c.meter for c in fresh if c.bpm} - {c.meter for c in held_out} == {"12/8"}
    shared = {"rock", "four-on-the-floor", "half-time"}
    own = [set(pattern_names(split)) - shared for split in SPLITS]
    assert all(own) and sum(map(len, own)) == len(set.union(*own)) == len(DRUM_PATTERNS) - len(shared)
    assert {c.drums for c in tune} - {""} == set(pattern_names("tune"))
    assert {c.key is None for c in tune} == {True, False} and {c.bpm is None for c in tune} == {True, False}
    assert min(c.reference_hz for c in tune) < 436 and max(c.reference_hz for c in tune) > 442
    assert {c.band for c in tune} == {"gm", "synth"}
    with pytest.raises(ValueError, match="unknown split"):
        clip_set("test")
    assert SPLITS == (
        "tune",
        "held-out",
        "fresh",
        "blind",
        "sealed",
        "vault",
        "cellar",
        "crypt",
        "tomb",
        "catacomb",
        "ossuary",
        "charnel",
        "sepulchre",
        "barrow",
        "mausoleum",
        "undercroft",
        "reliquary",
        "cenotaph",
        "columbarium",
        "hypogeum",
        "necropolis",
        "tumulus",
        "mastaba",
        "cairn",
        "dolmen",
        "kurgan",
        "tholos",
        "sarcophagus",
        "stupa",
        "pyramid",
        "ziggurat",
        "henge",
        "cromlech",
        "menhir",
        "obelisk",
        "trilithon",
        "stele",
        "cist",
        "broch",
        "nuraghe",
        "talayot",
        "naveta",
        "taula",
        "quoit",
        "hunebed",
        "dysse",
        "anta",
        "mamoa",
        "galgal",
        "fogou",
        "souterrain",
        "crannog",
        "cashel",
        "clochan",
        "rath",
        "castro",
        "motte",
        "oppidum",
        "bailey",
        "barbican",
        "keep",
        "bastion",
        "donjon",
        "citadel",
        "rampart",
        "palisade",
        "bulwark",
        "redoubt",
        "ravelin",
        "casemate",
        "glacis",
    )


def test_the_blind_split_has_its_own_seeds_and_material_and_nobody_else_draws_it() -> None:
    """Written before the fourth pass of method work and read only to report: nothing in it is tuned on."""
    blind = clip_set("blind")
    others = [c for split in ("tune", "held-out", "fresh") for c in clip_set(split)]
    assert clip_set("blind") == blind and all(c.split == "blind" for c in blind)
    assert len(blind) == sum(COUNTS["blind"].values()) and {c.category for c in blind} == set(COUNTS["blind"])
    assert {c.seed for c in blind}.isdisjoint({c.seed for c in others})
    own = [p for group in PROGRESSIONS.values() for p in group if p.own == "blind"]
    blind_names = {c.progression.name for c in blind if c.progression}
    other_names = {c.progression.name for c in others if c.progression}
    assert {p.name for p in own} <= blind_names and not {p.name for p in own} & other_names
    assert not blind_names - other_names - {p.name for p in own}  # else shared, or its own

    # New by what sounds, not by name: no other progression has the same chords in any rotation.
    def loop(chords: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
        return min(chords[k:] + chords[:k] for k in range(len(chords)))

    shared_or_others = [p for group in PROGRESSIONS.values() for p in group if p.own != "blind"]
    assert not {loop(p.chords) for p in own} & {loop(p.chords) for p in shared_or_others}
    for vamp in (p for p in own if p in PROGRESSIONS["modal"]):  # a modal vamp dwells on its tonic
        assert 2 * sum(root == 0 for root, _ in vamp.chords) >= len(vamp.chords)
        assert all((root + step) % 12 in vamp.scale for root, q in vamp.chords for step in QUALITIES[q])
    # 5/4 was blind's alone until the fifth pass of method work, which read blind and trains on it.
    before_tune_drew_it = [c for c in others if c.split != "tune"]
    assert {c.meter for c in blind if c.bpm} - {c.meter for c in before_tune_drew_it} == {"5/4"}
    patterns = set(pattern_names("blind")) - {"rock", "four-on-the-floor", "half-time"}
    assert patterns and {c.drums for c in blind} >= patterns and not patterns & {c.drums for c in others}
    programs = set().union(*OWN_PROGRAMS["blind"].values())
    drawn_elsewhere = set(CHORD_PROGRAMS + BASS_PROGRAMS + LEAD_PROGRAMS + SUSTAINED_PROGRAMS)
    for split in ("tune", "held-out", "fresh"):
        drawn_elsewhere |= set().union(*OWN_PROGRAMS[split].values())
    assert programs and not programs & drawn_elsewhere and max(programs) < 96  # no effects or percussion

    def drawn(clips: list[Clip]) -> set[int]:
        scores = [labelled_clips._score(c, np.random.default_rng(c.seed + 1)) for c in clips if c.progression]
        return {program for _, chans in scores for channel, program in chans.items() if channel != 9}

    assert drawn(blind) & programs and not drawn(others) & programs


# The splits written apart, by someone other than whoever tunes, each with the module that holds its
# own material: sealed (read for the fifth pass's final numbers), vault (the sixth's), cellar (the
# seventh's), crypt (the eighth's), tomb (the ninth's), catacomb (the tenth's), ossuary (the
# eleventh's), charnel (the twelfth's), sepulchre (the thirteenth's), barrow (the fourteenth's),
# mausoleum (the fifteenth's), undercroft (the sixteenth's), reliquary (the seventeenth's),
# cenotaph (the eighteenth's), columbarium (the nineteenth's), hypogeum (the twentieth's) and
# necropolis (the twenty-first's), tumulus (the twenty-second's), mastaba, cairn and dolmen (all
# three the twenty-third's), kurgan (the twenty-fourth's), tholos (the twenty-fifth's),
# sarcophagus (the twenty-sixth's), stupa (the twenty-seventh's), pyramid (the twenty-eighth's)
# ziggurat (the twenty-ninth's), henge (the thirtieth's), cromlech (the thirty-first's), menhir
# (the thirty-second's), obelisk and trilithon (the thirty-third's), stele (the thirty-fourth's)
# cist (the thirty-fifth's), broch (the thirty-sixth's), nuraghe (the thirty-seventh's), talayot
# (the thirty-eighth's), naveta and taula (the thirty-ninth's), quoit (the fortieth's), hunebed
# (the forty-first's), dysse (the forty-second's), anta (the forty-third's), mamoa (the
# forty-fourth's), galgal (the forty-sixth's), fogou (the forty-seventh's), souterrain (the
# forty-eighth's), crannog (the forty-ninth's), cashel (the fiftieth's), clochan (the
# fifty-first's), rath (the fifty-second's), castro (the fifty-third's), motte (the fifty-sixth's),
# oppidum (the fifty-seventh's), bailey (the fifty-eighth's), barbican (the fifty-ninth's), keep and
# bastion (the sixtieth's), donjon (the sixty-first's), citadel (the sixty-second's), rampart (the
# sixty-third's), palisade (the sixty-fourth's), bulwark (the sixty-fifth's), redoubt (the
# sixty-eighth's), ravelin (the seventieth's), casemate (the seventy-first's; all sixty-six
# development since), and glacis.
WRITTEN_APART = {
    "sealed": labelled_material_sealed,
    "vault": labelled_material_vault,
    "cellar": labelled_material_cellar,
    "crypt": labelled_material_crypt,
    "tomb": labelled_material_tomb,
    "catacomb": labelled_material_catacomb,
    "ossuary": labelled_material_ossuary,
    "charnel": labelled_material_charnel,
    "sepulchre": labelled_material_sepulchre,
    "barrow": labelled_material_barrow,
    "mausoleum": labelled_material_mausoleum,
    "undercroft": labelled_material_undercroft,
    "reliquary": labelled_material_reliquary,
    "cenotaph": labelled_material_cenotaph,
    "columbarium": labelled_material_columbarium,
    "hypogeum": labelled_material_hypogeum,
    "necropolis": labelled_material_necropolis,
    "tumulus": labelled_material_tumulus,
    "mastaba": labelled_material_mastaba,
    "cairn": labelled_material_cairn,
    "dolmen": labelled_material_dolmen,
    "kurgan": labelled_material_kurgan,
    "tholos": labelled_material_tholos,
    "sarcophagus": labelled_material_sarcophagus,
    "stupa": labelled_material_stupa,
    "pyramid": labelled_material_pyramid,
    "ziggurat": labelled_material_ziggurat,
    "henge": labelled_material_henge,
    "cromlech": labelled_material_cromlech,
    "menhir": labelled_material_menhir,
    "obelisk": labelled_material_obelisk,
    "trilithon": labelled_material_trilithon,
    "stele": labelled_material_stele,
    "cist": labelled_material_cist,
    "broch": labelled_material_broch,
    "nuraghe": labelled_material_nuraghe,
    "talayot": labelled_material_talayot,
    "naveta": labelled_material_naveta,
    "taula": labelled_material_taula,
    "quoit": labelled_material_quoit,
    "hunebed": labelled_material_hunebed,
    "dysse": labelled_material_dysse,
    "anta": labelled_material_anta,
    "mamoa": labelled_material_mamoa,
    "galgal": labelled_material_galgal,
    "fogou": labelled_material_fogou,
    "souterrain": labelled_material_souterrain,
    "crannog": labelled_material_crannog,
    "cashel": labelled_material_cashel,
    "clochan": labelled_material_clochan,
    "rath": labelled_material_rath,
    "castro": labelled_material_castro,
    "motte": labelled_material_motte,
    "oppidum": labelled_material_oppidum,
    "bailey": labelled_material_bailey,
    "barbican": labelled_material_barbican,
    "keep": labelled_material_keep,
    "bastion": labelled_material_bastion,
    "donjon": labelled_material_donjon,
    "citadel": labelled_material_citadel,
    "rampart": labelled_material_rampart,
    "palisade": labelled_material_palisade,
    "bulwark": labelled_material_bulwark,
    "redoubt": labelled_material_redoubt,
    "ravelin": labelled_material_ravelin,
    "casemate": labelled_material_casemate,
    "glacis": labelled_material_glacis,
}
# General MIDI programs with no pitch to play: the untuned percussion (agogo, woodblock, taiko,
# melodic tom, synth drum, reverse cymbal) and the sound effects.
UNPITCHED = {113, *range(115, 128)}


def _soundfont(split: str) -> Path:
    return SOUNDFONTS.get(split, SOUNDFONT)


# Each case checks its split against every other one, so what a split holds is drawn once per session
# and kept: drawn afresh in every case, the cases' cost grew with the square of the splits' number.
@functools.cache
def _clips(split: str) -> tuple[Clip, ...]:
    return tuple(clip_set(split))


@functools.cache
def _timbres_drawn(split: str) -> frozenset[tuple[Path, int]]:
    """The pitched timbres a split's scores draw: (soundfont, program) for every channel but the drums'."""
    scores = [
        labelled_clips._score(c, np.random.default_rng(c.seed + 1)) for c in _clips(split) if c.progression
    ]
    return frozenset(
        (_soundfont(split), p) for _, chans in scores for channel, p in chans.items() if channel != 9
    )


@pytest.mark.parametrize("split", WRITTEN_APART)
def test_a_split_written_apart_has_its_own_seeds_and_material_and_nobody_else_draws_it(split: str) -> None:
    """Written for a pass of method work (sealed the fifth, vault the sixth, cellar the seventh, crypt
    the eighth, tomb the ninth, catacomb the tenth, ossuary the eleventh, charnel the twelfth,
    sepulchre the thirteenth, barrow the fourteenth, mausoleum the fifteenth, undercroft the
    sixteenth, reliquary the seventeenth, cenotaph the eighteenth, columbarium the nineteenth, hypogeum
    the twentieth, necropolis the twenty-first, tumulus the twenty-second, mastaba the twenty-third,
    cairn the twenty-fourth, dolmen the twenty-fifth, kurgan the twenty-sixth, tholos the
    twenty-seventh, sarcophagus the twenty-eighth, stupa the twenty-ninth, pyramid the thirtieth,
    ziggurat the thirty-first, henge the thirty-second, cromlech the thirty-third, menhir the
    thirty-fourth, obelisk the thirty-fifth, trilithon the thirty-sixth, stele the thirty-seventh,
    cist the thirty-eighth, broch the thirty-ninth, nuraghe the fortieth, talayot the forty-first,
    naveta the forty-second, taula the forty-third, quoit the forty-fourth, hunebed the forty-fifth,
    dysse the forty-sixth, anta the forty-seventh, mamoa the forty-eighth, galgal the forty-ninth,
    fogou the fiftieth, souterrain the fifty-first, crannog the fifty-second, cashel the fifty-third,
    clochan the fifty-fourth, rath the fifty-fifth, castro the fifty-sixth, motte the fifty-seventh,
    oppidum the fifty-eighth, bailey the fifty-ninth, barbican the sixtieth, keep the sixty-first,
    bastion and donjon the sixty-second, citadel the sixty-third, rampart the sixty-fourth, palisade
    the sixty-fifth, bulwark the sixty-sixth, redoubt the sixty-seventh, ravelin the seventieth,
    casemate the seventy-first, glacis the seventy-second) by someone other than whoever tunes, for
    that pass's final numbers.
    What it holds is not spelled here: the test reads it from its own module, and checks it against
    every other split's, the other ones' too. A timbre is a program in a soundfont
    (or a TiMidity++ patch set, a set of recordings, a set of STK's models, a set of waveguide
    strings, a set of analog patches, a set of formant and additive timbres, a set of
    phase-distortion patches, a set of FM patches, a set of waveshaping patches, a set of wavetable
    patches, a set of granular patches, a set of a sound chip's patches, a set of vocoder patches, a
    set of tonewheel organs and free reeds, a set of modal bars, bells, plates and tines, a set of
    keyboard strings and electric pianos, a set of additive resynthesis patches, a set of drone
    strings over a buzzing bridge, a set of linear-arithmetic tones, a set of brass and reeds, a
    tape-replay keyboard's frames, a set of bowed and plucked strings, a set of fretted strings, a
    pipe organ's ranks, a set of early electronic instruments, a set of glass and friction
    instruments, a set of instruments that wind and water sound, a set of mechanical music, a set of
    instruments of stone, earth and wood, a set of a gamelan's bronzes, a set of a nursery's toys, a set
    of psalteries plucked by hand, a set of mouth harps plucked at the lips, a set of strings bowed by
    a wheel, a set of vessel flutes and blown vessels, a set of mirlitons, a set of singing flames, a
    set of sirens, a set of sparks and arcs, a set of steppers and drives, a set of crickets, cicadas
    and frogs, a set of birds, a set of strings, bars and forks driven by electromagnets, a set of
    light-tone instruments, a set of musical bows and string drums, a set of harps, a set of skins
    tuned to notes): a split that renders through a soundfont of its own has timbres of its own
    whatever programs it draws."""
    clips = clip_set(split)
    others = [c for other in SPLITS if other != split for c in _clips(other)]
    assert clip_set(split) == clips == list(_clips(split)) and all(c.split == split for c in clips)
    assert len(clips) == sum(COUNTS[split].values())
    assert {c.category for c in clips} == set(COUNTS[split])
    assert {c.seed for c in clips}.isdisjoint({c.seed for c in others})
    own = [p for group in PROGRESSIONS.values() for p in group if p.own == split]
    assert all(any(p.own == split for p in group) for group in PROGRESSIONS.values())
    names = {c.progression.name for c in clips if c.progression}
    other_names = {c.progression.name for c in others if c.progression}
    assert {p.name for p in own} <= names and not {p.name for p in own} & other_names
    assert not names - other_names - {p.name for p in own}  # else shared, or its own

    # New by what sounds, not by name: no other progression (nor a cadence) moves through the same
    # roots in any rotation, whatever the chords' qualities.
    def roots(chords: tuple[tuple[int, str], ...]) -> tuple[int, ...]:
        return min(tuple(r for r, _ in chords[k:] + chords[:k]) for k in range(len(chords)))

    elsewhere = [p for group in PROGRESSIONS.values() for p in group if p.own != split] + list(CADENTIAL)
    assert not {roots(p.chords) for p in own} & {roots(p.chords) for p in elsewhere}
    for vamp in (p for p in own if p in PROGRESSIONS["modal"]):  # a modal vamp dwells on its tonic
        assert 2 * sum(root == 0 for root, _ in vamp.chords) >= len(vamp.chords)
        assert all((root + step) % 12 in vamp.scale for root, q in vamp.chords for step in QUALITIES[q])
    assert {c.meter for c in clips if c.bpm} - {c.meter for c in others} == {WRITTEN_APART[split].METER}
    patterns = set(pattern_names(split)) - {"rock", "four-on-the-floor", "half-time"}
    assert patterns and {c.drums for c in clips} >= patterns and not patterns & {c.drums for c in others}
    heard = {frozenset(hits) for name, hits in DRUM_PATTERNS.items() if name not in patterns}
    assert not {frozenset(DRUM_PATTERNS[name]) for name in patterns} & heard
    assert all(0 <= k < 16 for name in patterns for k, _ in DRUM_PATTERNS[name])

    programs = set().union(*OWN_PROGRAMS[split].values())
    timbres = {(_soundfont(split), program) for program in programs}
    shared = set(CHORD_PROGRAMS + BASS_PROGRAMS + LEAD_PROGRAMS + SUSTAINED_PROGRAMS)
    heard_elsewhere = set()
    for other in (s for s in SPLITS if s != split):
        heard_elsewhere |= {(_soundfont(other), p) for p in shared.union(*OWN_PROGRAMS[other].values())}
    assert programs and not timbres & heard_elsewhere
    assert not programs & UNPITCHED
    if split != "cellar":  # cellar was written once every program below the synth effects was drawn
        assert max(programs) < 112 and not programs & set(range(96, 104))  # no effects or percussion

    drawn_elsewhere = frozenset().union(*(_timbres_drawn(other) for other in SPLITS if other != split))
    assert _timbres_drawn(split) & timbres and not drawn_elsewhere & timbres


# Re-pinned once, openly, in the fourteenth pass, before barrow was read: songs whose cycle is longer
# than 40 s were cut inside it and now hold one whole cycle (labelled_clips.song); sealed and
# tomb had none, and no other clip changed.
@pytest.mark.parametrize(
    ("split", "pinned"),
    [
        ("sealed", "585cbeaf230ff990e5686815c888b6329f40e408978c4a82cd9827235bd00c27"),
        ("vault", "df0051c40a1214c60a56b28285b15c64c9ca7ba222dff9e6e0b4faf10aa171c0"),
        ("cellar", "5f80a5d978dd9ad73059b391ddc08c74fa3b1b28892e4dea3d6f5496bf6c5bb9"),
        ("crypt", "6c3d968de99be267e5f8b0ee36cad79e78ee3649bbccab3c33b390cec9c1b592"),
        ("tomb", "00e4bd72c18c359e7bff7f48069f09b138ec87511b552ebbdc08bfed82bbb450"),
        ("catacomb", "bedeadce2d24c0d8098a840809b35d579c9ddf0712166b331574d68649eb611a"),
        ("ossuary", "4c3f8b21e671ec154443e27abcc2cc3bed51a5699ca2ed21a8018dc2c76d15ad"),
        ("charnel", "6e332f87ac6b5a07d95f534789f28c108be186d3efb6a81045cdc0c6228a00fc"),
        ("sepulchre", "357892efdd21b420d2d648548ee1247153ac8c5415faab8eeb14e75e34f5ef90"),
        ("barrow", "3ae197b10a6847859e4cb2c6d3174ec1989c220ab429316ecfd96e83b7d20310"),
        ("mausoleum", "c4554910f10e5de33a9394b6d06b19437b47946a1833b342410302eb97391c21"),
        ("undercroft", "e609cedaf443a7466b35b57c820549a95f398d177266f21aac7a8dacb3d37356"),
        ("reliquary", "026077640a05218acd0cf63f213a5d0db3cdbab093265c622b487fff1743d136"),
        ("cenotaph", "c8e4a747fd316e5acbc269578bcaf69012aea762a0081e3b5a7d6f36b642fa1b"),
        ("columbarium", "7675013468ca1f91158814a152e6a84953b605eb543c8c8889c7c778e3036393"),
        ("hypogeum", "9d365966f65b0d05745d69f70b9d2dd419bd96c10509597f391c8b103e499b45"),
        ("necropolis", "db479d50dfb81acd2b3b89000ba47b5a7af3839404292e8a6d4e3bf1c7b5ccfc"),
        ("tumulus", "0d79c9d33e2fc5977f447905874d6433d97d7827a2b8347d1353244cf60fe3a7"),
        ("mastaba", "7b65a72e630f3abda9895ebb56d2417129b796a51fda05ad4d2ed26f1ac61b31"),
        ("cairn", "be3268ce883bd2f0eeb914edb908338b391d99fecaddbe3986ea7828306e2204"),
        ("dolmen", "0f31147e7392b80cc7e5136c6c222156c47ededcae94790e08687973f923b0c7"),
        ("kurgan", "4c48fc1f7ed1f3b48df39fea76e3d6e97eb0ce11db9a6e1bf763998d6994e2e6"),
        ("tholos", "5bc13ea621e6eebd49b74f98c0d5df7331cc95ad82e6198b6f8cc3c31baded69"),
        ("sarcophagus", "71f3ab511ec82b3a837bca232d4e0072ca34fda2515ad5507e926b40837f0853"),
        ("stupa", "6317d9ed087bc7b3a024c7ab1b1cbb2863c67f1b361e2ef14f4c060c90d834f1"),
        ("pyramid", "775da4696cde512f035b14401e127bf26c4571c5b53c79215988048cbddf43ce"),
        ("ziggurat", "87f424fc8b5be0245aac0df6e1226d385b30227ae71b739b8848c768c7383fb6"),
        ("henge", "bfeffd7b6f257dec633b70d4cc60c7ca61ee09b0363d3409200f8e4abb2a8226"),
        ("cromlech", "ddfb1948da34f71fe7d21a89565b0ea9cc47441c6e07932f5831c0fe9fe5f58e"),
        ("menhir", "20c517883278b3efc5db6ad689aed98fb7e88bfd633349b1cfeeadacb64c624a"),
        ("obelisk", "66010acdfe64b1511998dfc6db31c3daa6495d50e87e3de354431775299fec67"),
        ("trilithon", "4e2c91ed506dda88a200feb8cf07de71aa39e44617cc6fbf3f84e8d0391994e7"),
        ("stele", "61bff2da8efb80ec5ce20d2ec409f9bc59e3672ad7d248c3da17ee5e84669a35"),
        ("cist", "e861c94b7cbd8b4fcb89b0a621c16d14421214fb74804e11669d8e98bb7e8577"),
        ("broch", "6f671b0a47b91e9383f654e31348fb864649a114fc93585a1e71eb874ce33482"),
        ("nuraghe", "1bf082f085dee5d04d5e6c163d3306a57dcef3630287df3d37ee8ecc84561af6"),
        ("talayot", "d24eb3e7b64e7abe5b90ba586041fc94e9358e24c55eaa3629f9c2bd40b07017"),
        ("naveta", "f5ea7f0852e03abfc946d60c954f556861af58a308925f82202485b3a28a5d62"),
        ("taula", "4ff99fb14675e3430db96bd3c5924add54f8691671ec41b724cef20f7f58a171"),
        ("quoit", "f930aca5d4f702f23ed66484e4c33073f7f4001225eb6cc3092e634a57eb1eac"),
        ("hunebed", "97bfde9a9721ca11fef3e975deb79fff3e002b74fc802d82d2e20af7ef628418"),
        ("dysse", "354ec29067becd2adeb530d262aa409f8aa99ed55d0c98f2c830cb3f574486b8"),
        ("anta", "443ceb1e5a5b8928a2f8addad0ad7bcb2261b8e407669ee61b133ade551a7ed6"),
        ("mamoa", "378828bd4faff1d7c5c0e6571ae543a6c1aee3574702e486a13acebd0dc9d65a"),
        ("galgal", "70c8286a059ebb5bbb0285ec84b6c0cfc6032d7fe229e6bb179a0cd5223867b6"),
        ("fogou", "d917067fa0322fe6454154ed844c8061c90cd36325f88b10749571d98e3548d9"),
        ("souterrain", "b27b7cd1cc1b0bf0ff548a93b5abfab1a6dc65e9da50d8ad0416b8ad85a99a50"),
        ("crannog", "23fb73266c13094d249117dbd3c2fc5d95d5759dcdbd3c034b24aeb0b72d69e1"),
        ("cashel", "7b7d91865fbcc7deea620a9f340c4549589008101924c653dc2383fb44d523cf"),
        ("clochan", "624bc460ac0f5dcc11edf1e9abc8dd385529d7d6fbfdd73fa7f3a0fe9eccf690"),
        ("rath", "c435c3294410df103206d1bab03adaca45ae032d5e3130b4b0706d6dcd9d3b79"),
        ("castro", "e063fa8293f8654781d4329acdc7352fb2d2470285644e705df875c59f732d41"),
        ("motte", "86b64dbb9d7a0caf5fe9626eb383536ce3c9c5fda326c5aa356e7e5e5d98b9ef"),
        ("oppidum", "0285f9724eb2763dc9dd2a831961ad12dae6834f6159e2474bf342a224aac02d"),
        ("bailey", "d419e01197dc9e97cb5de0789da945016c32d44ad618662f7552bb810a2766b7"),
        ("barbican", "7be33da4417971e23670403ef0521e091e127d7894224347cacbc3f5e13fadcd"),
        ("keep", "8d1cca52881389dd4b7e3f60c57904c722ca8b0218693517e018001b45a792cb"),
        ("bastion", "d304a5009a012555e8ff222453e00367409259f94b9ec949230428d1c4f8bc8c"),
        ("donjon", "66ba00f0e3b5f4cd74bc3d3cee9d30ec3f81ff568e391e9bf6f8333d07815c56"),
        ("citadel", "d2cf64eb0f0a74c84c86cb0e6d5f9f68286b04405d1e5306edbb0cae87ae7fb2"),
        ("rampart", "3fa36fde4882b955e261c28f258c35192858be4728f4a9827119869ba32c877a"),
        ("palisade", "902228c786e06bc996cecc069382b0edc49cff5966fbd26bb1421f123ae55da1"),
        ("bulwark", "5e9a6c87eca3201b7878e99ac3f34888a9f390a7ac9eac8daa56356293fe8dcf"),
        ("redoubt", "7299d87d120f5abc1ee069f5fae97d297dd89020569174eba2acc42fbe7e39d8"),
        ("ravelin", "e5f810d3257e09eec8309a8fbee1e7d049b96b9abaacd9d8f1dc724f96da2e08"),
        ("casemate", "158ce7d83191cf17b51886774796ea593c064a91d11a321736dc6725cf94f127"),
        ("glacis", "3382dbfd345adb1c421b793574eef2dd8ca3cf5decd6cf9d7c90a15d721ca2c1"),
    ],
)
def test_a_split_written_apart_never_changes(split: str, pinned: str) -> None:
    """Its clips and their scores as written: nobody may quietly change a split read for final numbers."""
    digest = hashlib.sha256()
    for clip in clip_set(split):
        digest.update(repr(clip).encode())
        if clip.category not in ("noise", "tone"):
            notes, channels = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))
            digest.update(repr((notes, sorted(channels.items()))).encode())
    assert digest.hexdigest() == pinned


def test_the_held_out_split_never_changes() -> None:
    """Its clips and their scores as first measured: growing the tune split must not move it."""
    digest = hashlib.sha256()
    for clip in clip_set("held-out"):
        # As first hashed, when a Progression said its split by one flag per split.
        first = repr(clip).replace(", own='')", ", held_out_only=False)")
        digest.update(first.replace(", own='held-out')", ", held_out_only=True)").encode())
        if clip.category not in ("noise", "tone"):
            notes, channels = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))
            digest.update(repr((notes, sorted(channels.items()))).encode())
    assert digest.hexdigest() == "188e4e571ef4a3e8bde916f0739f324466f8285207c24dc8ea0fa1188fbd4b39"


@pytest.mark.parametrize("soundfont", [SOUNDFONT, *sorted(set(SOUNDFONTS.values()))], ids=lambda f: f.stem)
def test_every_sample_set_plays_the_notes_at_the_detuned_pitch(soundfont: Path) -> None:
    """A (MIDI 57) on a General MIDI organ, bent to A=432: 216 Hz, not 220, in every soundfont a split
    renders through (FluidSynth), in the patch set one renders through (TiMidity++), in the
    recordings one renders through (sample_render), in the models one renders through (stk_render:
    a drawbar organ, its one organ), in the strings one renders through (waveguide_render: a bowed
    string section, as sustained as an organ), in the patches one renders through (analog_render:
    its program 48, as sustained), in the timbres one renders through (formant_render: its program
    48, an organ's string celeste), in the phase-distortion patches one renders through
    (phase_render: its program 48, a string ensemble), in the FM patches one renders through
    (fm_render: its program 48, a string ensemble), in the waveshaping patches one renders through
    (shaper_render: its program 48, a string ensemble), in the wavetable patches one renders
    through (wavetable_render: its program 48, a string ensemble), in the granular patches one
    renders through (grain_render: its program 48, a string ensemble), in the chip patches one
    renders through (chip_render: its program 48, strings on a pulse), in the vocoder patches one
    renders through (vocoder_render: its program 48, vocoder strings) and in the organs and reeds
    one renders through (tonewheel_render: its program 48, an organ's strings), in the bars and
    bells one renders through (modal_render: its program 48, a bowed vibraphone), in the keyboard
    strings one renders through (hammer_render: its program 48, a cimbalom's tremolo), in the
    additive patches one renders through (additive_render: its program 48, a string ensemble), in
    the drone strings one renders through (jawari_render: its program 48, a section of sarangis), in
    the linear-arithmetic tones one renders through (arithmetic_render: its program 48, a string
    section), in the brass and reeds one renders through (bore_render: its program 48, a horn choir)
    in the tape frames one renders through (tape_render: its program 48, violins on a worn frame),
    in the bowed strings one renders through (bow_render: its program 48, a string section), in
    the fretted strings one renders through (fret_render: its program 48, a mandolin orchestra's
    tremolo), in the pipe organ one renders through (pipe_render: its program 48, a string
    celeste), in the early electronic instruments one renders through (ether_render: its program
    48, ondes Martenot held), in the glass and friction instruments one renders through
    (glass_render: its program 48, a glass harmonica held), in the instruments that wind and water
    sound one renders through (flow_render: its program 48, an aeolian harp held), in the
    mechanical music one renders through (barrel_render: its program 48, a mechanical zither held
    under its star wheel's tremolo), in the instruments of stone, earth and wood one renders
    through (earth_render: its program 48, a slate slab rolled with two beaters), in the gamelan's
    bronzes one renders through (bronze_render: its program 48, a gender's key rolled with two padded
    mallets), in the nursery's toys one renders through (toy_render: its program 48, a toy piano's
    rod rolled), in the psalteries one renders through (psaltery_render: its program 48, a
    guzheng's string in tremolo), in the mouth harps one renders through (trump_render: its
    program 48, a Maultrommel strummed), in the wheel-bowed strings one renders through
    (gurdy_render: its program 48, a vielle's strings held on the wheel), in the vessel flutes
    one renders through (vessel_render: its program 48, bottles blown long), in the mirlitons one
    renders through (mirliton_render: its program 48, kazoos hummed long), in the singing flames
    one renders through (flame_render: its program 48, the pyrophone held), in the sirens one
    renders through (siren_render: its program 48, Dove's siren held), in the sparks and arcs one
    renders through (spark_render: its program 48, a vacuum-tube coil's flame held) and in the
    steppers and drives one renders through (stepper_render: its program 48, a plotter's pen carriage
    held), in the crickets, cicadas and frogs one renders through (creature_render: its program 48, a
    periodical cicada's chorus held), in the birds one renders through (bird_render: its program 48, a
    nightingale's whistle held), in the strings, bars and forks driven by electromagnets one renders
    through (magnet_render: its program 48, a maintained tuning fork held), in the light-tone
    instruments one renders through (light_render: its program 48, the ANS synthesizer's sine tracks
    held), in the musical bows and string drums one renders through (tether_render: its program 48,
    the umrhubhe rubbed and held), in the harps one renders through (harp_render: its program 48, a
    pedal harp's bisbigliando), in the skins tuned to notes one renders through (skin_render: its
    program 48, a timpani roll), in the bamboo tubes one renders through (bamboo_render: its
    program 48), in the free-reed mouth organs one renders through (reed_render), in the handpans
    and steel tongue drums one renders through (pan_render), in the steel guitars one renders
    through (steel_render: its program 48, a pedal steel's E9 neck rolled and swelled), in the
    flutes blown across an edge one renders through (jet_render: its program 48, alto flutes held), in
    the lamellophones one renders through (lamella_render: its program 48, an mbira's key plucked again
    and again), in the bagpipes one renders through (bag_render: its program 48, a Highland set's
    drones), in the huqin one renders through (huqin_render: its program 48, a gehu section bowing
    on), in the frame xylophones one renders through (balafon_render: its program 48, a balafon's
    bar rolled), in the clavichords one renders through (clavichord_render: its program 48, a
    large German clavichord's key held down under bebung) and in the koras one renders through
    (kora_render: its program 48, a kora's string plucked again and again); another sample set's
    samples are another render (and another cache entry)."""
    cents = 1200 * math.log2(432.0 / 440.0)
    sets = (
        STRING_SETS,
        PATCH_SETS,
        TIMBRE_SETS,
        PHASE_SETS,
        FM_SETS,
        SHAPER_SETS,
        WAVETABLE_SETS,
        GRAIN_SETS,
        CHIP_SETS,
        VOCODER_SETS,
        TONEWHEEL_SETS,
        MODAL_SETS,
        HAMMER_SETS,
        ADDITIVE_SETS,
        JAWARI_SETS,
        ARITHMETIC_SETS,
        BORE_SETS,
        TAPE_SETS,
        BOW_SETS,
        FRET_SETS,
        PIPE_SETS,
        ETHER_SETS,
        GLASS_SETS,
        FLOW_SETS,
        BARREL_SETS,
        EARTH_SETS,
        BRONZE_SETS,
        TOY_SETS,
        PSALTERY_SETS,
        TRUMP_SETS,
        GURDY_SETS,
        VESSEL_SETS,
        MIRLITON_SETS,
        FLAME_SETS,
        SIREN_SETS,
        SPARK_SETS,
        STEPPER_SETS,
        CREATURE_SETS,
        BIRD_SETS,
        MAGNET_SETS,
        LIGHT_SETS,
        TETHER_SETS,
        HARP_SETS,
        SKIN_SETS,
        BAMBOO_SETS,
        REED_SETS,
        PAN_SETS,
        STEEL_SETS,
        JET_SETS,
        LAMELLA_SETS,
        BAG_SETS,
        HUQIN_SETS,
        BALAFON_SETS,
        CLAVICHORD_SETS,
        KORA_SETS,
    )
    sustained = any(soundfont in voice_sets for voice_sets in sets)
    organ = 16 if soundfont in MODEL_SETS else 48 if sustained else 19
    samples = render_notes([Note(0.1, 2.8, 57, 100, 0)], {0: organ}, 3.0, SR, cents, soundfont)
    if soundfont != SOUNDFONT:
        default = render_notes([Note(0.1, 2.8, 57, 100, 0)], {0: organ}, 3.0, SR, cents)
        assert not np.allclose(samples, default, atol=0.05)
    assert samples.shape == (3 * SR,) and samples.dtype == np.float32
    assert float(np.max(np.abs(samples))) == pytest.approx(0.7, abs=1e-3)
    spectrum = np.abs(np.fft.rfft(samples[SR // 2 : SR // 2 + 2 * SR] * np.hanning(2 * SR)))
    freqs = np.fft.rfftfreq(2 * SR, 1 / SR)
    band = (freqs > 150) & (freqs < 300)
    assert freqs[band][np.argmax(spectrum[band])] == pytest.approx(216.0, abs=1.0)


def _patches_defined(config: Path) -> tuple[set[int], set[int]]:
    """The programs (bank 0) and drums (drumset 0) a TiMidity++ configuration gives patches to."""
    programs: set[int] = set()
    drums: set[int] = set()
    section: tuple[str, int] | None = None
    for words in (line.split() for line in config.read_text().splitlines()):
        if words[:1] in (["bank"], ["drumset"]):
            section = (words[0], int(words[1]))
        elif words and words[0].isdigit() and section in (("bank", 0), ("drumset", 0)):
            (programs if section == ("bank", 0) else drums).add(int(words[0]))
    return programs, drums


def _drawn(split: str) -> tuple[set[int], set[int]]:
    """The programs (sustained ones for held tones too) and the drum kits the split's clips draw."""
    drawn: set[int] = set(sustained_programs(split))
    kits: set[int] = set()
    for clip in clip_set(split):
        if clip.category not in ("noise", "tone"):
            channels = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))[1]
            drawn |= {program for channel, program in channels.items() if channel != 9}
            kits |= {program for channel, program in channels.items() if channel == 9}
    return drawn, kits


def _pattern_drums(split: str) -> set[int]:
    """The General MIDI drums the split's drum patterns strike."""
    return {drum for name in pattern_names(split) for _, drum in DRUM_PATTERNS[name]}


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if renders_with_timidity(SOUNDFONTS[s])])
def test_a_split_rendered_by_timidity_plays_only_what_its_patch_set_has(split: str) -> None:
    """TiMidity++ plays a program or drum its patch set lacks through whatever the machine's own
    configuration maps it to: every program, kit and drum the split draws must be in its set."""
    programs, drums = _patches_defined(SOUNDFONTS[split])
    drawn, kits = _drawn(split)
    assert drawn <= programs
    assert kits == set(DRUM_KITS[split]) == {0}  # the drumset the set gives patches to
    assert _pattern_drums(split) <= drums


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in SAMPLE_SETS])
def test_a_split_rendered_by_sample_render_plays_only_what_its_recordings_have(split: str) -> None:
    """sample_render refuses a program or drum its set lacks: every program, kit and drum the split
    draws (the free-time chords' bass, program 48, too) must be in its set."""
    sample_set = SAMPLE_SETS[SOUNDFONTS[split]]
    drawn, kits = _drawn(split)
    assert drawn <= set(sample_set.programs) and 48 in drawn
    assert kits == set(DRUM_KITS[split]) == {0}  # the set's one kit
    assert _pattern_drums(split) <= set(sample_set.drums)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in MODEL_SETS])
def test_a_split_rendered_by_stk_render_plays_only_what_its_models_have(split: str) -> None:
    """stk_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set, and every model renders the same audio on every run (stk-demo's noise is seeded by the
    clock: a model that uses it is left out)."""
    model_set = MODEL_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, model_set)
    for program in model_set.programs:
        assert_renders_the_same_twice(stk_render, model_set, program)


def assert_draws_only_what_its_set_has(split: str, voice_set: Any) -> None:
    """Every program, kit and drum `split` draws (the free-time chords' bass, program 48, too) is in
    `voice_set`, a renderer's set with one kit: the renderer refuses what its set lacks."""
    drawn, kits = _drawn(split)
    assert drawn <= set(voice_set.programs) and 48 in drawn
    assert kits == set(DRUM_KITS[split]) == {0}  # the set's one kit
    assert _pattern_drums(split) <= set(voice_set.drums.drums)


def assert_renders_the_same_twice(renderer: ModuleType, voice_set: Any, program: int) -> None:
    """`program` of `voice_set` sounds, and sounds the same again with `renderer`'s cache of
    sounded notes, where it keeps one, emptied (whatever varies, a copy's or a vibrato's phase, is
    seeded by the note)."""
    notes = [Note(0.1, 0.4, 57, 100, 0), Note(0.3, 0.6, 64, 80, 0)]
    first = renderer.render(notes, {0: program}, 1.5, SR, -31.0, voice_set)
    if hasattr(renderer, "_SOUNDED"):
        renderer._SOUNDED.clear()
    assert np.abs(first).max() > 0.01 and np.array_equal(
        first, renderer.render(notes, {0: program}, 1.5, SR, -31.0, voice_set)
    )


def assert_drawn_by_its_seed_and_strict(
    renderer: ModuleType, voice_set: Any, program: int, absent_program: int
) -> None:
    """`renderer`'s voice of `program` is the same note again with the same seed and another with
    another seed; a program (`absent_program`) or a drum (82) that `voice_set` lacks is an error,
    never a stand-in."""
    patch = voice_set.programs[program]
    first = renderer.voice(patch, (60.0,), 100, 1.0, SR, seed=[1])
    assert np.array_equal(first, renderer.voice(patch, (60.0,), 100, 1.0, SR, seed=[1]))
    assert not np.allclose(first, renderer.voice(patch, (60.0,), 100, 1.0, SR, seed=[2]))
    with pytest.raises(KeyError):
        renderer.render([Note(0.1, 0.5, 60, 90, 0)], {0: absent_program}, 1.0, SR, 0.0, voice_set)
    with pytest.raises(KeyError):
        renderer.render([Note(0.1, 0.1, 82, 90, 9)], {9: 0}, 1.0, SR, 0.0, voice_set)


def assert_every_drum_hits_the_same_twice(renderer: ModuleType, voice_set: Any) -> None:
    """Every drum of `voice_set`'s kit, hit by `renderer`'s _hit, is the same hit again, stays within
    its level (a quarter of its gain) and rings out within its length."""
    for drum in voice_set.drums.drums.values():
        hit = renderer._hit(drum, 127, SR)
        assert np.array_equal(hit, renderer._hit(drum, 127, SR))
        assert 0.01 < float(np.abs(hit).max()) <= 0.25 * drum.gain
        assert float(np.abs(hit[-5:]).max()) < 1e-3  # rung out within its length


def hz_of(pitch: float) -> float:
    """The frequency of `pitch` (a fractional MIDI number) at A=440."""
    return 440.0 * 2 ** ((pitch - 69) / 12)


def cents_between(got: float, hz: float) -> float:
    return float(1200 * np.log2(got / hz))


def strongest_near(
    samples: npt.NDArray[np.float32], hz: float, start: float = 0.0, seconds: float = 1.0, width: float = 0.1
) -> float:
    """The strongest frequency within `width` of `hz` in `seconds` of `samples` from `start` (a
    zero-padded spectrum resolving 1/32 Hz over a second)."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(part * np.hanning(part.size), 32 * SR))
    freqs = np.fft.rfftfreq(32 * SR, 1 / SR)
    band = (freqs > (1 - width) * hz) & (freqs < (1 + width) * hz)
    return float(freqs[band][np.argmax(spectrum[band])])


def level_at(samples: npt.NDArray[np.float32], hz: float, start: float, seconds: float = 0.1) -> float:
    """The power at `hz` (within 3 Hz) in `seconds` of `samples` from `start`."""
    part = samples[int(start * SR) : int((start + seconds) * SR)].astype(np.float64)
    power = np.abs(np.fft.rfft(part * np.hanning(part.size), 4 * part.size)) ** 2
    freqs = np.fft.rfftfreq(4 * part.size, 1 / SR)
    return float(power[np.abs(freqs - hz) < 3.0].max())


def assert_held_c3_at_whole_multiples(held: npt.NDArray[np.float32], label: object) -> None:
    """`held`, a C3 held still (A=440): its fundamental within a cent of the note between 0.5 and 1.5 s,
    harmonics 2 to 10 each within a cent of that multiple of it, and nothing half-way between two
    of them (bore_render's horns, tape_render's strips and bow_render's strings; `label` names it in
    a failure)."""
    fundamental = strongest_near(held, hz_of(48), 0.5, 1.0, width=0.03)
    assert cents_between(fundamental, hz_of(48)) == pytest.approx(0.0, abs=1.0), label
    for n in range(2, 11):
        got = strongest_near(held, n * hz_of(48), 0.5, 1.0, width=0.02)
        assert cents_between(got, n * fundamental) == pytest.approx(0.0, abs=1.0), (label, n)
    between = level_at(held, 2.5 * hz_of(48), 0.5, 0.5)
    assert between < 1e-4 * level_at(held, 2 * hz_of(48), 0.5, 0.5), label


def assert_sounds_its_pitch(
    renderer: ModuleType,
    patch: Any,
    still: Any,
    weights: Callable[[float, npt.NDArray[np.float64], np.random.Generator], npt.NDArray[np.complex128]],
) -> None:
    """`patch` on `renderer`, bent to A=432, from E2 to E5: its first partial never under the
    renderer's FUNDAMENTAL_FLOOR of the loudest in any of its frames (`weights` of the note's
    frequency, the renderer's frames and a generator: frames x partials); its level never past a
    quarter of its gain, and silent at its end; held `still`, the strongest frequency near the note
    is its pitch within a cent, and as it is within 10 cents; its players symmetric about the pitch,
    one on it where they are odd."""
    for note in (40, 64, 76):
        pitch = note - 0.31
        frames = np.arange(1, 100, dtype=np.float64) * renderer.FRAME
        levels = np.abs(weights(hz_of(pitch), frames, np.random.default_rng(0)))
        assert np.all(levels[:, 0] >= renderer.FUNDAMENTAL_FLOOR * levels.max(axis=1) - 1e-12)
        held = renderer.voice(patch, (pitch,), 100, 2.0, SR)
        assert 0.01 < float(np.abs(held).max()) <= 0.25 * patch.gain
        assert float(np.abs(held[-5:]).max()) < 0.01 * float(np.abs(held).max())
        steady = renderer.voice(still, (pitch,), 100, 2.0, SR)
        assert cents_between(strongest_near(steady, hz_of(pitch)), hz_of(pitch)) == pytest.approx(
            0.0, abs=1.0
        )
        got = strongest_near(held, hz_of(pitch), seconds=min(2.0, held.size / SR))
        assert cents_between(got, hz_of(pitch)) == pytest.approx(0.0, abs=10.0)
    offsets = patch.offsets
    assert sum(offsets) == pytest.approx(0.0) and len(offsets) == patch.voices
    assert len(offsets) % 2 == 0 or 0.0 in offsets


def assert_every_patch_and_drum_drawn_by_its_seed(renderer: ModuleType, voice_set: Any) -> None:
    """Every program of `voice_set` renders the same twice (assert_renders_the_same_twice), its
    program 48 is drawn by its seed and the set is strict (assert_drawn_by_its_seed_and_strict),
    every drum hits the same twice (assert_every_drum_hits_the_same_twice), and a loud chord on every
    patch stays within a quarter of its gain."""
    for program in voice_set.programs:
        assert_renders_the_same_twice(renderer, voice_set, program)
    assert_drawn_by_its_seed_and_strict(renderer, voice_set, 48, absent_program=0)
    assert_every_drum_hits_the_same_twice(renderer, voice_set)
    for program, patch in voice_set.programs.items():
        chord = renderer.voice(patch, (55.0, 60.0, 64.0, 67.0), 127, 1.0, SR)
        assert float(np.abs(chord).max()) <= 0.25 * patch.gain + 1e-6, program


def level_swing(samples: npt.NDArray[np.float32], rate: float) -> tuple[float, float]:
    """The level of `samples` from 0.5 to 2.5 s (200 a second, its slow fall taken out by a cubic):
    the frequency of its strongest swing between 2 and 30 Hz, and how deep it swings within 0.5 Hz
    of `rate`."""
    level = np.abs(samples[SR // 2 : 5 * SR // 2].astype(np.float64))
    hop = SR // 200
    level = level[: level.size // hop * hop].reshape(-1, hop).mean(axis=1)
    times = np.arange(level.size) / 200
    level = level - np.polyval(np.polyfit(times, level, 3), times)
    spectrum = np.abs(np.fft.rfft(level * np.hanning(level.size), 8 * level.size))
    freqs = np.fft.rfftfreq(8 * level.size, 1 / 200)
    band = (freqs > 2) & (freqs < 30)
    near = np.abs(freqs - rate) < 0.5
    return float(freqs[band][np.argmax(spectrum[band])]), float(spectrum[near].max())


def assert_rolled_at_its_rate(renderer: ModuleType, rolled: Any) -> None:
    """`rolled` (nothing sounding but its modes) held 3 s by `renderer`: its strokes come 1/roll s
    apart, each within its jitter, as long as it is held, each no softer than 1 - 4 jitter; its level
    swings at the roll's rate (the strongest swing between 2 and 30 Hz within 5% of it); struck once
    (roll 0), it has no such swing."""
    times, strengths = renderer.strokes(rolled, 3.0, np.random.default_rng(2))
    period = 1.0 / rolled.roll
    assert times[0] == 0.0 and times[-1] < 3.0 <= times[-1] + 1.5 * period
    assert np.all(np.abs(np.diff(times) - period) <= 2.0 * rolled.jitter * period + 1e-12)
    assert strengths[0] == 1.0 and np.all(strengths >= 1.0 - 4.0 * rolled.jitter)
    rate, depth = level_swing(renderer.voice(rolled, (57.0,), 100, 3.0, SR), rolled.roll)
    assert rate == pytest.approx(rolled.roll, rel=0.05)
    once = renderer.voice(dataclasses.replace(rolled, roll=0.0), (57.0,), 100, 3.0, SR)
    assert level_swing(once, rolled.roll)[1] < 0.2 * depth


def assert_strummed_at_its_rate(renderer: ModuleType, strummed: Any, once: Any) -> None:
    """`strummed` held 2 s by `renderer` (through rolled_render) is struck every 1/roll s (each within
    `jitter` of a period) and sounds while held; `once`, with no roll, is struck once."""
    rng = np.random.default_rng(3)
    times, strengths = rolled_render.strokes(strummed.roll, strummed.jitter, 2.0, rng)
    assert times.size == int(np.ceil(2.0 * strummed.roll)) and strengths[0] == 1.0
    steps = np.diff(times) * strummed.roll
    assert np.all(np.abs(steps - 1.0) <= 2 * strummed.jitter + 1e-9)
    held = renderer.voice(strummed, (60.0,), 100, 2.0, SR)
    assert level_at(held, hz_of(60), 1.8, 0.1) > 0.1 * level_at(held, hz_of(60), 0.1, 0.1)
    assert rolled_render.strokes(once.roll, once.jitter, 2.0, rng)[0].size == 1


def assert_the_kit_sounds_no_pitch_class_over_the_others(
    split: str, renderer: ModuleType, voice_set: Any
) -> None:
    """Each of `split`'s drum patterns, four bars at 100 BPM through `voice_set`'s kit played by
    `renderer`: no pitch class (50 Hz to 5 kHz, a semitone a class) holds a third of what they sound,
    so the drums give no key."""
    for name in pattern_names(split):
        notes = [
            Note(bar * 2.4 + k * 0.15, 0.1, drum, 100, 9)
            for bar in range(4)
            for k, drum in DRUM_PATTERNS[name]
        ]
        samples = renderer.render(notes, {}, 10.0, SR, 0.0, voice_set).astype(np.float64)
        power = np.abs(np.fft.rfft(samples)) ** 2
        f = np.fft.rfftfreq(samples.size, 1.0 / SR)
        band = (f > 50.0) & (f < 5000.0)
        classes = np.round(12.0 * np.log2(f[band] / 440.0)).astype(int) % 12
        share = np.bincount(classes, power[band], 12) / float(power[band].sum())
        assert share.max() < 1.0 / 3.0, (name, share.round(2))


def assert_a_harder_stroke_is_brighter(
    renderer: ModuleType, patch: Any, at: float, mode: int, margin: float, struck: Any
) -> None:
    """`patch`'s `mode` (0 the first) against its first, `at` s into C4 held 1 s and `struck` as the
    renderer's levels take its strokes, is over `margin` times stronger at velocity 127 than at 40."""
    frames = np.array([at])
    ratio = renderer.ratios(patch, hz_of(60), SR)
    loud = renderer.levels(patch, hz_of(60), 1.0, 127, frames, ratio, struck)[0]
    soft = renderer.levels(patch, hz_of(60), 1.0, 40, frames, ratio, struck)[0]
    assert loud[mode] / loud[0] > margin * soft[mode] / soft[0]


def assert_grains_follow_the_stroke(
    renderer: ModuleType, drums: Any, stroked: Callable[[Any], bool] = lambda drum: True
) -> None:
    """Every drum of `drums` (a kit's number -> drum) rings or hisses, finite; of those `stroked`
    (struck_render's stroke under what the renderer adds), one with grains carries its stroke again
    at each grain (as long as the stroke and its spread, brought back to the stroke's peak), and one
    with none is its stroke alone."""
    for drum in drums.values():
        hit = renderer._hit(drum, 100, SR).astype(np.float64)
        assert np.all(np.isfinite(hit)) and float(np.abs(hit).max()) > 0.005
        if not stroked(drum):
            continue
        stroke = struck_render.hit(renderer._SALT, drum, 100, SR).astype(np.float64)
        if not drum.grains:
            assert np.array_equal(hit, stroke)
            continue
        assert hit.size == stroke.size + round(drum.spread * SR) + 1
        assert float(np.abs(hit).max()) == pytest.approx(float(np.abs(stroke).max()), rel=1e-5)


# Strokes of a note while it is held come faster than anyone taps from this rate up (a mallet's roll,
# a tremolo); slower, they are a pulse a listener taps, which held tones and free-time chords are
# labelled without. Anta's vielle played in strokes of the wrist, 4 a second, held them until the
# forty-fourth pass of analysis work, and the tracker gave 17 of anta's 18 free-time clips a tempo.
TREMOLO_HZ = 7.0


def assert_draws_its_kinds_and_holds_what_sustains(split: str, voice_set: Any, kinds: set[str]) -> None:
    """`split` draws only what `voice_set` has (assert_draws_only_what_its_set_has), the set has every
    kind in `kinds`, and what holds a tone or a free-time chord (program 48 too) is sustained and
    struck again while held, if at all, no slower than TREMOLO_HZ."""
    assert_draws_only_what_its_set_has(split, voice_set)
    assert {p.kind for p in voice_set.programs.values()} == kinds
    held = [voice_set.programs[program] for program in {*sustained_programs(split), 48}]
    assert all(p.sustained for p in held)
    for patch in held:
        rates = [getattr(patch, name, 0.0) for name in ("roll", "tremolo")]
        assert all(not rate or rate >= TREMOLO_HZ for rate in rates if isinstance(rate, float)), patch


def assert_each_copy_in_tune(renderer: ModuleType, timbre: Any, copies: str) -> None:
    """`timbre`'s detuned copies (its field `copies` says how many) are symmetric around the note,
    and each, played alone by `renderer`'s _voice, sounds its own detuning within a cent at E2 and
    E4 (A=432), bent, vibrato and all."""
    assert sum(timbre.offsets) == pytest.approx(0.0) and len(timbre.offsets) == getattr(timbre, copies)
    alone = dataclasses.replace(timbre, **{copies: 1})
    for note in (40, 64):
        for pitch in (note - 0.31 + offset / 100.0 for offset in timbre.offsets):
            assert_sounds_within_a_cent(renderer._voice(alone, pitch, 100, 2.0, SR), pitch)


def assert_sounds_within_a_cent(held: npt.NDArray[np.float32], pitch: float) -> None:
    """The strongest frequency within 10% of `pitch` (a fractional MIDI number) in the first second
    of `held` is the pitch's own, within a cent (a 32x zero-padded spectrum resolves 1/32 Hz)."""
    spectrum = np.abs(np.fft.rfft(held[:SR] * np.hanning(SR), 32 * SR))
    freqs = np.fft.rfftfreq(32 * SR, 1 / SR)
    expected = 440.0 * 2 ** ((pitch - 69) / 12)
    band = (freqs > 0.9 * expected) & (freqs < 1.1 * expected)
    assert freqs[band][np.argmax(spectrum[band])] == pytest.approx(expected, rel=5e-4)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in STRING_SETS])
def test_a_split_rendered_by_waveguide_render_plays_only_what_its_strings_have(split: str) -> None:
    """waveguide_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every string renders the same audio on every run (its noise is seeded by the note) and
    sounds the pitch it is given, bent (its loop is a whole period at the rate it is computed at)."""
    string_set = STRING_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, string_set)
    for program, model in string_set.programs.items():
        assert_renders_the_same_twice(waveguide_render, string_set, program)
        pitch = 45 if model.bowed else 52  # A2 bowed, E3 plucked, at A=432
        assert_sounds_within_a_cent(waveguide_render._string(model, pitch - 0.31, 100, 2.0, SR), pitch - 0.31)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in PATCH_SETS])
def test_a_split_rendered_by_analog_render_plays_only_what_its_patches_have(split: str) -> None:
    """analog_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (its voices' phases are seeded by the
    note) and sounds the pitch it is given, bent: each voice within a cent of its own detuning, the
    detunings symmetric around the note (its wavetables are read at the note's exact frequency)."""
    patch_set = PATCH_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, patch_set)
    for program, patch in patch_set.programs.items():
        assert_renders_the_same_twice(analog_render, patch_set, program)
        offsets = voice_render.detunings(patch.detune, patch.voices)
        assert sum(offsets) == pytest.approx(0.0)
        for pitch in (40 - 0.31 + offset / 100.0 for offset in offsets):  # E2 at A=432, each voice's
            held = analog_render._voice(dataclasses.replace(patch, voices=1), pitch, 100, 2.0, SR)
            assert_sounds_within_a_cent(held, pitch)


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in TIMBRE_SETS])
def test_a_split_rendered_by_formant_render_plays_only_what_its_timbres_have(split: str) -> None:
    """formant_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every timbre renders the same audio on every run (its copies' and vibratos' phases are
    seeded by the note) and sounds the pitch it is given, bent, vibrato and all: each copy within a
    cent of its own detuning, the detunings symmetric around the note (a voice's or an organ's
    wavetable is read at the note's exact frequency, a vibrato sways symmetrically around it, a
    mallet's partials are sines at their exact frequencies)."""
    timbre_set = TIMBRE_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, timbre_set)
    vibratos = 0
    for program, timbre in timbre_set.programs.items():
        assert_renders_the_same_twice(formant_render, timbre_set, program)
        vibratos += timbre.vibrato[0] > 0
        assert_each_copy_in_tune(formant_render, timbre, "singers")
    assert vibratos  # the bent pitch is measured through a vibrato too


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in PHASE_SETS])
def test_a_split_rendered_by_phase_render_plays_only_what_its_patches_have(split: str) -> None:
    """phase_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (its copies' and vibratos' phases are
    seeded by the note) and sounds the pitch it is given, bent, vibrato, bend and ring and all: each
    copy within a cent of its own detuning, the detunings symmetric around the note (its tables are
    read at the note's exact frequency, each harmonic at one phase however far the wave is bent, a
    second line is a sine at a whole multiple of the note, a vibrato sways symmetrically around it)."""
    phase_set = PHASE_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, phase_set)
    vibratos = rings = 0
    for program, timbre in phase_set.programs.items():
        assert_renders_the_same_twice(phase_render, phase_set, program)
        vibratos += timbre.vibrato[0] > 0
        rings += timbre.ring
        assert_each_copy_in_tune(phase_render, timbre, "lines")
    assert vibratos and rings  # the bent pitch is measured through a vibrato and a ring too


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in FM_SETS])
def test_a_split_rendered_by_fm_render_plays_only_what_its_patches_have(split: str) -> None:
    """fm_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (its copies' and vibratos' phases are
    seeded by the note) and sounds the pitch it is given, bent, vibrato and all: each copy within a
    cent of its own detuning, the detunings symmetric around the note (every carrier at a whole
    multiple of the note, every modulator's sidebands whole multiples of it away, or where a
    modulator is inharmonic the note's fundamental still the strongest partial); and from the
    bottom of the keyboard to its top nothing but its partials sounds above -60 dB (no alias: a
    modulator's index falls where its sidebands would fold)."""
    fm_set = FM_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, fm_set)
    vibratos = inharmonic = 0
    for program, timbre in fm_set.programs.items():
        assert_renders_the_same_twice(fm_render, fm_set, program)
        assert all(timbre.operators[i].ratio == round(timbre.operators[i].ratio) for i in timbre.carriers)
        assert all(m > i for i, modulators in enumerate(timbre.algorithm) for m in modulators)
        vibratos += timbre.vibrato[0] > 0
        whole = all(op.ratio == round(op.ratio) for op in timbre.operators)
        inharmonic += not whole
        assert_each_copy_in_tune(fm_render, timbre, "lines")
        steady = dataclasses.replace(timbre, lines=1, vibrato=(0.0, 0.0, 0.0))
        start = 2 * SR if timbre.sustained else SR // 4  # once a held patch's swells have settled
        for note in (28, 64, 96, 108):
            f0 = 440.0 * 2 ** ((note - 0.31 - 69) / 12)
            held = fm_render._voice(steady, note - 0.31, 100, 3.5, SR)[start : start + SR].astype(np.float64)
            spectrum = np.abs(np.fft.rfft(held * scipy.signal.windows.blackmanharris(SR), 4 * SR))
            freqs = np.fft.rfftfreq(4 * SR, 1 / SR)
            step = f0 * math.gcd(*(round(2 * op.ratio) for op in timbre.operators)) / 2
            between = np.abs(freqs / step - np.round(freqs / step)) * step > 6.0
            assert spectrum[between].max() < 1e-3 * spectrum.max()
            if not whole:
                assert freqs[np.argmax(spectrum)] == pytest.approx(f0, abs=2.0)
    assert vibratos and inharmonic  # the bent pitch is measured through a vibrato and a bell too


@pytest.mark.parametrize("split", [s for s in SOUNDFONTS if SOUNDFONTS[s] in SHAPER_SETS])
def test_a_split_rendered_by_shaper_render_plays_only_what_its_patches_have(split: str) -> None:
    """shaper_render refuses a program its set lacks, and sample_render a drum its kit lacks: every
    program, kit and drum the split draws (the free-time chords' bass, program 48, too) must be in
    its set; every patch renders the same audio on every run (its copies' and vibratos' phases are
    seeded by the note) and sounds the pitch it is given, bent, vibrato and all: each copy within a
    cent of its own detuning, the detunings symmetric around the note (a shaper's terms are
    harmonics of the sine it is driven by, at the note's exact frequency); and from the bottom of
    the keyboard to its top nothing but the note's harmonics sounds above -60 dB (no alias: a term
    whose harmonic would pass the rate's limit is left out), its drive's offset taken off (nothing
    at 0 Hz but what the amplitude's envelope leaves)."""
    shaper_set = SHAPER_SETS[SOUNDFONTS[split]]
    assert_draws_only_what_its_set_has(split, shaper_set)
    vibratos = 0
    for program, timbre in shaper_set.programs.items():
        assert_renders_the_same_twice(shaper_render, shaper_set, program)
        assert 0.0 < timbre.floor <= 1.0 and 0.0 < timbre.drive <= 1.0
        assert all(k >= 1 and k == round(k) for k, _ in timbre.harmonics)
        vibratos += timbre.vibrato[0] > 0
        assert_each_copy_in_tune(shaper_render, timbre, "lines")
        assert_sounds_only_its_harmonics(
            shaper_render, dataclasses.replace(timbre, lines=1, vibrato=(0.0, 0.0, 0.0))
        )
    assert vibratos  # the bent pitch is measured through a vibrato too


def assert_sounds_only_its_harmonics(renderer: ModuleType, steady: Any) -> None:
    """`steady` (one copy, no vibrato), played alone by `renderer`'s _voice from E1 to C8 (A=432),
    sounds nothing more than 6 Hz from a harmonic of its note above -60 dB (no alias) once a held
    patch's swells have settled, and nothing under 6 Hz above -20 dB (no offset but what the
    amplitude's envelope leaves)."""
    start = 2 * SR if steady.sustained else SR // 4  # once a held patch's swells have settled
    for note in (28, 64, 96, 108):
        f0 = 440.0 * 2 ** ((note - 0.31 - 69) / 12)
        held = renderer._voice(steady, note - 0.31, 100, 3.5, SR)[start : start + SR]
        spectrum = np.abs(
            np.fft.rfft(held.astype(np.float64) * scipy.signal.windows.blackmanharris(SR), 4 * SR)
        )
        freqs = np.fft.rfftfreq(4 * SR, 1 / SR)
        between = np.abs(freqs / f0 - np.round(freqs / f0)) * f0 > 6.0
        assert spectrum[between].max() < 1e-3 * spectrum.max()
        assert spectrum[freqs < 6.0].max() < 0.1 * spectrum.max()


def test_a_written_bass_is_what_the_bass_plays() -> None:
    """A progression with a written bass (an inversion, a slash chord, a pedal) puts that note, not
    its chord's root or fifth, under the chord: every bass note is its bar's written one or, where
    none is written, the chord's root or fifth."""
    songs = [c for c in clip_set("undercroft") if c.progression is not None and c.progression.bass]
    assert songs
    for clip in songs[:12]:
        assert clip.progression is not None and clip.bpm is not None
        notes, _ = labelled_clips._score(clip, np.random.default_rng(clip.seed + 1))
        allowed = {
            (clip.tonic + (root if bass is None else bass)) % 12
            for (root, _), bass in zip(clip.progression.chords, clip.progression.bass, strict=True)
        }
        allowed |= {
            (clip.tonic + root + 7) % 12
            for (root, _), bass in zip(clip.progression.chords, clip.progression.bass, strict=True)
            if bass is None
        }
        assert {n.pitch % 12 for n in notes if n.channel == 1} <= allowed
        pedals = {(clip.tonic + bass) % 12 for bass in clip.progression.bass if bass is not None}
        assert pedals & {n.pitch % 12 for n in notes if n.channel == 1}


def test_no_recording_sounds_in_two_sample_sets() -> None:
    """A set of recordings gives its split timbres of its own only while no other set plays the same
    recording: no instrument's recording, and no drum kit (a model set's, a string set's, a patch
    set's, a timbre set's, a phase set's, an FM set's, a waveshaping set's, a wavetable set's, a
    granular set's, a chip set's, a vocoder set's, a tonewheel set's, a modal set's, a hammer set's, an
    additive set's, a jawari set's, an arithmetic set's, a bore set's, a tape set's, a bow set's, a
    fret set's, a pipe set's, an ether set's, a glass set's, a flow set's, a barrel set's, an earth
    set's, a bronze set's, a toy set's, a psaltery set's, a trump set's, a gurdy set's, a vessel set's,
    a mirliton set's, a flame set's, a siren set's, a spark set's, a stepper set's, a creature set's, a
    bird set's, a magnet set's, a light set's, a tether set's, a harp set's, a skin set's, a bamboo
    set's, a reed set's, a pan set's, a steel set's, a jet set's, a lamella set's, a bag set's, a
    huqin set's, a balafon set's, a clavichord set's and a kora set's too), is in two sets."""
    heard: dict[Path, Path] = {}
    for root, sample_set in SAMPLE_SETS.items():
        recordings = {
            path
            for instrument in sample_set.programs.values()
            for path in sample_render._recordings(sample_set.root / instrument.folder, instrument).values()
        }
        assert recordings and not recordings & set(heard), root
        assert sample_set.kit not in heard.values()
        heard |= dict.fromkeys(recordings, sample_set.kit)
    kits = [model_set.drums.kit for model_set in MODEL_SETS.values()]
    kits += [string_set.drums.kit for string_set in STRING_SETS.values()]
    kits += [patch_set.drums.kit for patch_set in PATCH_SETS.values()]
    kits += [timbre_set.drums.kit for timbre_set in TIMBRE_SETS.values()]
    kits += [phase_set.drums.kit for phase_set in PHASE_SETS.values()]
    kits += [fm_set.drums.kit for fm_set in FM_SETS.values()]
    kits += [shaper_set.drums.kit for shaper_set in SHAPER_SETS.values()]
    kits += [wavetable_set.drums.kit for wavetable_set in WAVETABLE_SETS.values()]
    kits += [grain_set.drums.kit for grain_set in GRAIN_SETS.values()]
    kits += [chip_set.drums.kit for chip_set in CHIP_SETS.values()]
    kits += [vocoder_set.drums.kit for vocoder_set in VOCODER_SETS.values()]
    kits += [tonewheel_set.drums.kit for tonewheel_set in TONEWHEEL_SETS.values()]
    kits += [modal_set.drums.kit for modal_set in MODAL_SETS.values()]
    kits += [hammer_set.drums.kit for hammer_set in HAMMER_SETS.values()]
    kits += [additive_set.drums.kit for additive_set in ADDITIVE_SETS.values()]
    kits += [jawari_set.drums.kit for jawari_set in JAWARI_SETS.values()]
    kits += [arithmetic_set.drums.kit for arithmetic_set in ARITHMETIC_SETS.values()]
    kits += [bore_set.drums.kit for bore_set in BORE_SETS.values()]
    kits += [tape_set.drums.kit for tape_set in TAPE_SETS.values()]
    kits += [bow_set.drums.kit for bow_set in BOW_SETS.values()]
    kits += [fret_set.drums.kit for fret_set in FRET_SETS.values()]
    kits += [pipe_set.drums.kit for pipe_set in PIPE_SETS.values()]
    kits += [ether_set.drums.kit for ether_set in ETHER_SETS.values()]
    kits += [glass_set.drums.kit for glass_set in GLASS_SETS.values()]
    kits += [flow_set.drums.kit for flow_set in FLOW_SETS.values()]
    kits += [barrel_set.drums.kit for barrel_set in BARREL_SETS.values()]
    kits += [earth_set.drums.kit for earth_set in EARTH_SETS.values()]
    kits += [bronze_set.drums.kit for bronze_set in BRONZE_SETS.values()]
    kits += [toy_set.drums.kit for toy_set in TOY_SETS.values()]
    kits += [psaltery_set.drums.kit for psaltery_set in PSALTERY_SETS.values()]
    kits += [trump_set.drums.kit for trump_set in TRUMP_SETS.values()]
    kits += [gurdy_set.drums.kit for gurdy_set in GURDY_SETS.values()]
    kits += [vessel_set.drums.kit for vessel_set in VESSEL_SETS.values()]
    kits += [mirliton_set.drums.kit for mirliton_set in MIRLITON_SETS.values()]
    kits += [flame_set.drums.kit for flame_set in FLAME_SETS.values()]
    kits += [siren_set.drums.kit for siren_set in SIREN_SETS.values()]
    kits += [spark_set.drums.kit for spark_set in SPARK_SETS.values()]
    kits += [stepper_set.drums.kit for stepper_set in STEPPER_SETS.values()]
    kits += [creature_set.drums.kit for creature_set in CREATURE_SETS.values()]
    kits += [bird_set.drums.kit for bird_set in BIRD_SETS.values()]
    kits += [magnet_set.drums.kit for magnet_set in MAGNET_SETS.values()]
    kits += [light_set.drums.kit for light_set in LIGHT_SETS.values()]
    kits += [tether_set.drums.kit for tether_set in TETHER_SETS.values()]
    kits += [harp_set.drums.kit for harp_set in HARP_SETS.values()]
    kits += [skin_set.drums.kit for skin_set in SKIN_SETS.values()]
    kits += [bamboo_set.drums.kit for bamboo_set in BAMBOO_SETS.values()]
    kits += [reed_set.drums.kit for reed_set in REED_SETS.values()]
    kits += [pan_set.drums.kit for pan_set in PAN_SETS.values()]
    kits += [steel_set.drums.kit for steel_set in STEEL_SETS.values()]
    kits += [jet_set.drums.kit for jet_set in JET_SETS.values()]
    kits += [lamella_set.drums.kit for lamella_set in LAMELLA_SETS.values()]
    kits += [bag_set.drums.kit for bag_set in BAG_SETS.values()]
    kits += [huqin_set.drums.kit for huqin_set in HUQIN_SETS.values()]
    kits += [balafon_set.drums.kit for balafon_set in BALAFON_SETS.values()]
    kits += [clavichord_set.drums.kit for clavichord_set in CLAVICHORD_SETS.values()]
    kits += [kora_set.drums.kit for kora_set in KORA_SETS.values()]
    assert len(set(kits)) == len(kits) and not set(kits) & set(heard.values())


@pytest.mark.parametrize("chain", sorted({chain for chains in PRODUCTION.values() for chain in chains}))
def test_a_production_moves_no_pitch_and_no_beat(chain: str) -> None:
    """A held A at 216 Hz under clicks every 0.5 s: through any production, still 216 Hz, the clicks
    where they were (the mp3 encoder's delay cut), the same length, peaking at about -3 dBFS."""
    t = np.arange(4 * SR) / SR
    samples = 0.3 * np.sin(2 * np.pi * 216.0 * t)
    for onset in range(SR // 4, 4 * SR - SR // 4, SR // 2):
        samples[onset : onset + 200] += np.hanning(400)[200:] * np.sign(np.sin(np.arange(200)))
    produced = produce(samples.astype(np.float32), SR, chain, seed=7)
    assert produced.shape == samples.shape and produced.dtype == np.float32
    assert float(np.max(np.abs(produced))) == pytest.approx(0.7, abs=1e-3) or chain == "dry"
    spectrum = np.abs(np.fft.rfft(produced[SR : 3 * SR] * np.hanning(2 * SR)))
    freqs = np.fft.rfftfreq(2 * SR, 1 / SR)
    assert freqs[np.argmax(spectrum)] == pytest.approx(216.0, abs=1.0)
    onsets = librosa.onset.onset_detect(y=produced, sr=SR, units="time", backtrack=False)
    assert np.allclose(onsets[:6], 0.25 + 0.5 * np.arange(6), atol=0.03)


def test_a_song_clip_sounds_its_chords_and_its_tuning() -> None:
    # A major key's chords stay in its scale (a minor key's V has the raised seventh); a vibraphone's
    # or a bell's inharmonic partials do not, so the clip is one with a harmonic chord instrument.
    def harmonic_major(c: Clip) -> bool:
        channels = labelled_clips._score(c, np.random.default_rng(c.seed + 1))[1]
        return c.key is not None and c.key[1] == "major" and channels[0] in CHORD_PROGRAMS

    songs = [c for c in clip_set("tune") if c.category == "dwelling" and c.band == "gm" and harmonic_major(c)]
    clip = max(songs, key=lambda c: abs(c.reference_hz - 440.0))  # the most detuned
    samples = render_clip(clip, SR)
    assert samples.size == int(clip.seconds * SR)
    assert clip.key is not None and clip.progression is not None
    chroma = librosa.feature.chroma_stft(y=samples, sr=SR).mean(axis=1)
    scale = {(clip.tonic + degree) % 12 for degree in clip.progression.scale}
    assert set(np.argsort(chroma)[-5:].tolist()) <= scale
    # Every melodic channel is bent: against the same clip at A=440, the whole mix moves by the cents.
    at_440 = render_clip(dataclasses.replace(clip, reference_hz=440.0), SR)
    moved = librosa.estimate_tuning(y=samples, sr=SR) - librosa.estimate_tuning(y=at_440, sr=SR)
    assert moved * 100 == pytest.approx(1200 * math.log2(clip.reference_hz / 440.0), abs=5)


def test_the_unknowns_are_what_they_say() -> None:
    clips = clip_set("tune")
    noise = next(c for c in clips if c.category == "noise")
    tone = next(c for c in clips if c.category == "tone" and c.detail == "gm")
    drums = next(c for c in clips if c.category == "drums")
    assert (noise.key, noise.bpm, tone.key, tone.bpm, drums.key) == (None, None, None, None, None)
    held = librosa.feature.chroma_stft(y=render_clip(tone, SR), sr=SR).mean(axis=1)
    assert held.max() > 2.5 * np.median(held)  # one pitch class stands out
    onset = librosa.onset.onset_strength(y=render_clip(drums, SR), sr=SR)
    assert onset.max() > 5 * np.median(onset)


def test_training_reads_tune_and_the_development_splits_other_seeds_only() -> None:
    assert training_clips("tune", 0) == clip_set("tune", 0)  # the check the bench also reports
    # Read while choosing, each from the pass after its one read (docs/analysis-passes.md): their other
    # seeds are trained on, never seed 0, which the bench reports.
    development = (
        "held-out",
        "fresh",
        "blind",
        "sealed",
        "vault",
        "cellar",
        "crypt",
        "tomb",
        "catacomb",
        "ossuary",
        "charnel",
        "sepulchre",
        "barrow",
        "mausoleum",
        "undercroft",
        "reliquary",
        "cenotaph",
        "columbarium",
        "hypogeum",
        "necropolis",
        "tumulus",
        "mastaba",
        "cairn",
        "dolmen",
        "kurgan",
        "tholos",
        "sarcophagus",
        "stupa",
        "pyramid",
        "ziggurat",
        "henge",
        "cromlech",
        "menhir",
        "obelisk",
        "trilithon",
        "stele",
        "cist",
        "broch",
        "nuraghe",
        "talayot",
        "naveta",
        "taula",
        "quoit",
        "hunebed",
        "dysse",
        "anta",
        "mamoa",
        "galgal",
        "fogou",
        "souterrain",
        "crannog",
        "cashel",
        "clochan",
        "rath",
        "castro",
        "motte",
        "oppidum",
        "bailey",
        "barbican",
        "keep",
        "bastion",
        "donjon",
        "citadel",
        "rampart",
        "palisade",
        "bulwark",
        "redoubt",
        "ravelin",
        "casemate",
    )
    for split in development:
        assert training_clips(split, 1) == clip_set(split, 1)
        assert training_clips(split, 2) == clip_set(split, 2)
        with pytest.raises(ValueError, match="at seed 0"):
            training_clips(split, 0)
    for seed in (0, 1, 2):  # glacis never, at any seed, nor a split that is none
        with pytest.raises(ValueError, match="never trained on"):
            training_clips("glacis", seed)
        with pytest.raises(ValueError, match="never trained on"):
            training_clips("no such split", seed)
