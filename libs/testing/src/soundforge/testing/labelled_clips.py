"""The harder labelled set: songs that dwell on vi, ii and IV, modal and ambiguous material, detuned,
in General MIDI timbres (FluidSynth, TiMidity++, recordings played by sample_render, STK's models
played by stk_render, waveguide strings played by waveguide_render, analog patches played by
analog_render, formant voices, additive organs and mallets played by formant_render,
phase-distortion patches played by phase_render, operator FM patches played by fm_render,
waveshaping patches played by shaper_render, wavetable patches played by wavetable_render,
granular patches played by grain_render, a sound chip's channels played by chip_render, vocoder
and talk-box patches played by vocoder_render, tonewheel organs and free reeds played by
tonewheel_render, tuned bars, bells, plates and tines played by modal_render, struck and plucked
keyboard strings and electric pianos played by hammer_render, additive resynthesis patches played by
additive_render, drone strings over a buzzing bridge played by jawari_render, linear-arithmetic
tones played by arithmetic_render, brass and reeds played by bore_render, a tape-replay keyboard's
frames played by tape_render, bowed and plucked strings played by bow_render, fretted strings
played by fret_render, a pipe organ's ranks played by pipe_render, early electronic instruments
played by ether_render, glass and friction instruments played by glass_render, instruments that
wind and water sound played by flow_render, mechanical music played by barrel_render, instruments
of stone, earth and wood played by earth_render, a gamelan's bronzes played by bronze_render, a
nursery's toys played by toy_render, psalteries plucked by hand played by psaltery_render, mouth
harps plucked at the lips played by trump_render, strings bowed by a wheel played by gurdy_render,
vessel flutes and blown vessels played by vessel_render, mirlitons, membranes set buzzing by a
player's voice, played by mirliton_render, singing flames, tubes set sounding by heat, played by
flame_render, sirens, air chopped by turning discs and sliding pistons, played by siren_render,
sparks and arcs, electric discharges that sing, played by spark_render, steppers and drives,
machines whose motors are made to sing, played by stepper_render, crickets, cicadas and frogs,
creatures that sing by file, tymbal and sac, played by creature_render, birds singing through the
syrinx, played by bird_render, strings, bars and forks driven by electromagnets, played by
magnet_render, light-tone instruments, a lamp's light through waves printed or pierced in turning
discs read by a photocell, played by light_render, musical bows and string drums, one string
tethered between a flexible stave, neck or pole and a gourd, a skin, a tub or the mouth, played by
tether_render, harps plucked by the fingers, strings running from a neck straight into a
soundboard, played by harp_render or skins tuned to notes, timpani, loaded skins, skins over tubes
and a rubbed cuica, played by skin_render or bamboo tubes tuned to notes, angklung and calung, played
by bamboo_render or free-reed mouth organs, khaen, sheng and their kin, played by reed_render or
handpans and steel tongue drums, note fields hammered into a steel shell and tongues cut into a steel
tank, played by pan_render or steel guitars, pedal steels, lap steels, a resonator and a Weissenborn,
strings stopped by a steel bar, played by steel_render or flutes blown across an edge, recorders,
flutes, siku, a shakuhachi, a bansuri and a tin whistle, a jet of breath swung across an edge by the
air column it drives, played by jet_render or lamellophones, an mbira dzavadzimu, a kalimba, a
sansula, a likembe and a marimbula, tongues of metal plucked by the thumbs, played by lamella_render
or bagpipes, Highland chanters and drones, smallpipes, a zampogna, uilleann pipes and a gaida, reeds
blown from a bag, played by bag_render or huqin, an erhu, a zhonghu, a gaohu, a jinghu, a banhu, a gehu
and a diyin gehu, a matouqin and a haegeum, bowed fiddles whose bridge stands on a skin or a thin board,
played by huqin_render or frame xylophones, a balafon, a gyil, timbila, a marimba de tecomates and an
amadinda, wooden bars over gourds whose membranes buzz, played by balafon_render or clavichords, a
fretted and an unfretted one and a large German one with 4' strings in its bass, and a tangent piano,
tangent-struck keyboard strings, played by clavichord_render or two koras, an n'goni, a bolon and an
adungu, West African harp-lutes and bridge harps, played by kora_render) or synthetic ones, and clips
with no key or no pulse.

Seventy-one splits from one generator: "tune" (what the analysis methods may be tuned on), "held-out"
(a different seed, plus progressions, modes and drum patterns that only it has), "fresh"
(written once the methods were frozen, with material neither other split has), "blind"
(written before the fourth pass of method work, once held-out and fresh had been read too often,
with material none of the others has; read only to report final numbers), "sealed" (written
before the fifth pass of method work by someone other than whoever tunes, with material none of
the others has; read once, only for the final numbers), "vault" (written before the sixth pass
of method work by someone other than whoever tunes, with material none of the others has; read
once, only for the final numbers), "cellar" (written for the seventh pass of method work by
someone other than whoever tunes, with material none of the others has; read once, for that pass's
final numbers, and a development split since), "crypt" (written for the eighth pass of method
work by someone other than whoever tunes, with material none of the others has; read once, for
that pass's final numbers, and a development split since), "tomb" (written for the ninth pass
of method work by someone other than whoever tunes, with material none of the others has; read
once, for that pass's final numbers, and a development split since), "catacomb" (written for
the tenth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for that pass's final numbers, and a development split since), "ossuary"
(written for the eleventh pass of method work by someone other than whoever tunes, with material
none of the others has; read once, for that pass's final numbers, and a development split since),
"charnel" (written for the twelfth pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for that pass's final numbers, and a development split
since), "sepulchre" (written for the thirteenth pass of method work by someone other than whoever
tunes, with material none of the others has; read once, for that pass's final numbers, and a
development split since), "barrow" (written for the fourteenth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for that pass's final
numbers, and a development split since), "mausoleum" (written for the fifteenth pass of method
work by someone other than whoever tunes, with material none of the others has; read once, for
that pass's final numbers, and a development split since), "undercroft" (written for the
sixteenth pass of method work by someone other than whoever tunes, with material none of the others
has; read once, for that pass's final numbers, and a development split since), "reliquary"
(written for the seventeenth pass of method work by someone other than whoever tunes, with material
none of the others has; read once, for that pass's final numbers, and a development split since),
"cenotaph" (written for the eighteenth pass of method work by someone other than whoever tunes,
with material none of the others has; read once, for that pass's final numbers, and a development
split since), "columbarium" (written for the nineteenth pass of method work by someone other than
whoever tunes, with material none of the others has; read once, for that pass's final numbers, and
a development split since), "hypogeum" (written for the twentieth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for that pass's final
numbers, and a development split since), "necropolis" (written for the twenty-first pass of
method work by someone other than whoever tunes, with material none of the others has; read once,
for that pass's final numbers, and a development split since), "tumulus" (written for the
twenty-second pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for that pass's final numbers, and a development split since), "mastaba"
(written for the twenty-third pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for that pass's final numbers, and a development split
since), "cairn" (written for the twenty-fourth pass of method work by someone other than whoever
tunes, with material none of the others has; read once, beside mastaba, for the twenty-third pass's
final numbers, and a development split since), "dolmen" (written for the twenty-fifth pass of
method work by someone other than whoever tunes, with material none of the others has; read once,
beside mastaba and cairn, for the twenty-third pass's final numbers, and a development split since),
"kurgan" (written for the twenty-sixth pass of method work by someone other than whoever tunes,
with material none of the others has; read once, for the twenty-fourth pass's final numbers, and a
development split since), "tholos" (written
for the twenty-seventh pass of method work by someone other than whoever tunes, with material none
of the others has; read once, for the twenty-fifth pass's final numbers, and a development split
since), "sarcophagus" (written for the
twenty-eighth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the twenty-sixth pass's final numbers, and a development split since)
"stupa" (written for the twenty-ninth pass of method work by someone other than whoever tunes,
with material none of the others has; read once, for the twenty-seventh pass's final numbers, and
a development split since), "pyramid" (written for the thirtieth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for the twenty-eighth
pass's final numbers, and a development split since), "ziggurat" (written for the thirty-first
pass of method work by someone other than whoever tunes, with material none of the others has;
read once, for the twenty-ninth pass's final numbers, and a development split since), "henge"
(written for the thirty-second pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for the thirtieth pass's final numbers, and a
development split since), "cromlech" (written
for the thirty-third pass of method work by someone other than whoever tunes, with material none of
the others has; read once, for the thirty-first pass's final numbers, and a development split
since), "menhir" (written for the thirty-fourth pass of method work by someone other than whoever
tunes, with material none of the others has; read once, for the thirty-second pass's final
numbers, and a development split since), "obelisk" (written for the thirty-fifth pass of method
work by someone other than whoever tunes, with material none of the others has; read once, for the
thirty-third pass's final numbers, and a development split since) and "trilithon" (written for
the thirty-sixth pass of method work by someone other than whoever tunes, with material none of
the others has; read once, for the thirty-third pass's final numbers, and a development split
since), "stele" (written for the thirty-seventh pass of method work by someone other than whoever
tunes, with material none of the others has; read once, for the thirty-fourth pass's final
numbers, and a development split since), "cist" (written for the thirty-eighth pass of method
work by someone other than whoever tunes, with material none of the others has; read once, for
the thirty-fifth pass's final numbers, and a development split since), "broch" (written for the
thirty-ninth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the thirty-sixth pass's final numbers, and a development split since),
"nuraghe" (written for the fortieth pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for the thirty-seventh pass's final numbers, and a
development split since), "talayot" (written for the forty-first pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for the thirty-eighth
pass's final numbers, and a development split since), "naveta" (written for the forty-second pass
of method work by someone other than whoever tunes, with material none of the others has; read once,
for the thirty-ninth pass's final numbers, and a development split since) and "taula" (written for
the forty-third pass of method work by someone other than whoever tunes, with material none of the
others has; read once, beside naveta, for the thirty-ninth pass's final numbers, and a development
split since), "quoit" (written for the forty-fourth pass of method work by someone other than
whoever tunes, with material none of the others has; read once, for the fortieth pass's final
numbers, and a development split since),
"hunebed" (written for the forty-fifth pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for the forty-first pass's final numbers, and a
development split since), "dysse" (written for the
forty-sixth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the forty-second pass's final numbers, and a development split since),
"anta" (written for the forty-seventh pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for the forty-third pass's final numbers, and a
development split since), "mamoa" (written for the forty-eighth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for the forty-fourth
pass's final numbers, and a development split since), "galgal" (written for the forty-ninth
pass of method work by someone other than whoever tunes, with material none of the others has;
read once, for the forty-sixth pass's final numbers, and a development split since), "fogou"
(written for the fiftieth pass of method work by someone other than whoever tunes, with material
none of the others has; read once, for the forty-seventh pass's final numbers, and a development
split since), "souterrain" (written for the fifty-first pass of method work by someone other than
whoever tunes, with material none of the others has; read once, for the forty-eighth pass's final
numbers, and a development split since), "crannog" (written for the fifty-second pass of method
work by someone other than whoever tunes, with material none of the others has; read once, for the
forty-ninth pass's final numbers, and a development split since), "cashel" (written for the
fifty-third pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the fiftieth pass's final numbers, and a development split since),
"clochan" (written for the fifty-fourth pass
of method work by someone other than whoever tunes, with material none of the others has; read
once, for the fifty-first pass's final numbers, and a development split since), "rath" (written
for the fifty-fifth pass of method work by someone other than whoever tunes, with material none of
the others has; read once, for the fifty-second pass's final numbers, and a development split
since), "castro" (written for the fifty-sixth pass of method work by someone other than whoever
tunes, with material none of the others has; read once, for the fifty-third pass's final numbers,
and a development split since), "motte" (written for the fifty-seventh pass of method work by
someone other than whoever tunes, with material none of the others has; read once, for the
fifty-sixth pass's final numbers, and a development split since), "oppidum" (written for the
fifty-eighth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the fifty-seventh pass's final numbers, and a development split since),
"bailey" (written for the fifty-ninth pass of method work by someone other than whoever tunes, with
material none of the others has; read once, for the fifty-eighth pass's final numbers, and a
development split since), "barbican" (written for the sixtieth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for the fifty-ninth
pass's final numbers, and a development split since), "keep" (written for the sixty-first pass of
method work by someone other than whoever tunes, with material none of the others has; read once,
for the sixtieth pass's final numbers, and a development split since), "bastion" (written for
the sixty-second pass of method work by someone other than whoever tunes, with material none of
the others has; read once, for the sixtieth pass's final numbers too, and a development split
since), "donjon" (written for the sixty-second pass of method work by someone other than whoever
tunes, with material none of the others has; read once, for the sixty-first pass's final numbers,
and a development split since), "citadel"
(written for the sixty-third pass of method work by someone other than whoever tunes, with material
none of the others has; read once, for the sixty-second pass's final numbers, and a development split
since), "rampart" (written for the
sixty-fourth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the sixty-third pass's final numbers, and a development split since),
"palisade" (written for the sixty-fifth pass of method work by someone other than whoever tunes,
with material none of the others has; read once, for the sixty-fourth pass's final numbers, and a
development split since), "bulwark" (written for the sixty-sixth pass of method work by someone
other than whoever tunes, with material none of the others has; read once, for the sixty-fifth
pass's final numbers, and a development split since), "redoubt" (written for the sixty-seventh
pass of method work by someone other than whoever tunes, with material none of the others has; read
once, for the sixty-eighth pass's final numbers, and a development split since), "ravelin" (written
for the seventieth pass of method work by someone other than whoever tunes, with material none of the
others has; read once, for the seventieth pass's final numbers, and a development split since),
"casemate" (written for the seventy-first pass of method work by someone other than whoever tunes,
with material none of the others has; read once, for the seventy-first pass's final numbers, and a
development split since) and "glacis" (written for the seventy-second pass of method work by someone
other than whoever tunes, with material none of the others has; read once, only for the final
numbers).
Each split's material is in labelled_material.py, except blind's, sealed's, vault's, cellar's,
crypt's, tomb's, catacomb's, ossuary's, charnel's, sepulchre's, barrow's, mausoleum's, undercroft's,
reliquary's, cenotaph's, columbarium's, hypogeum's, necropolis's, tumulus's, mastaba's, cairn's,
dolmen's, kurgan's, tholos's, sarcophagus's, stupa's, pyramid's, ziggurat's, henge's, cromlech's,
menhir's, obelisk's, trilithon's, stele's, cist's, broch's, nuraghe's, talayot's, naveta's, taula's,
quoit's, hunebed's, dysse's, anta's, mamoa's, galgal's, fogou's, souterrain's, crannog's, cashel's,
clochan's, rath's, castro's, motte's, oppidum's, bailey's, barbican's, keep's, bastion's, donjon's,
citadel's, rampart's, palisade's, bulwark's, redoubt's, ravelin's, casemate's and glacis's own, which
sit in
labelled_material_blind.py,
labelled_material_sealed.py,
labelled_material_vault.py, labelled_material_cellar.py, labelled_material_crypt.py,
labelled_material_tomb.py, labelled_material_catacomb.py, labelled_material_ossuary.py,
labelled_material_charnel.py, labelled_material_sepulchre.py, labelled_material_barrow.py,
labelled_material_mausoleum.py, labelled_material_undercroft.py, labelled_material_reliquary.py,
labelled_material_cenotaph.py, labelled_material_columbarium.py, labelled_material_hypogeum.py,
labelled_material_necropolis.py, labelled_material_tumulus.py, labelled_material_mastaba.py,
labelled_material_cairn.py, labelled_material_dolmen.py, labelled_material_kurgan.py,
labelled_material_tholos.py, labelled_material_sarcophagus.py, labelled_material_stupa.py,
labelled_material_pyramid.py, labelled_material_ziggurat.py, labelled_material_henge.py,
labelled_material_cromlech.py, labelled_material_menhir.py, labelled_material_obelisk.py,
labelled_material_trilithon.py, labelled_material_stele.py, labelled_material_cist.py,
labelled_material_broch.py, labelled_material_nuraghe.py, labelled_material_talayot.py,
labelled_material_naveta.py, labelled_material_taula.py, labelled_material_quoit.py,
labelled_material_hunebed.py, labelled_material_dysse.py, labelled_material_anta.py,
labelled_material_mamoa.py, labelled_material_galgal.py, labelled_material_fogou.py,
labelled_material_souterrain.py, labelled_material_crannog.py, labelled_material_cashel.py,
labelled_material_clochan.py, labelled_material_rath.py, labelled_material_castro.py,
labelled_material_motte.py, labelled_material_oppidum.py, labelled_material_bailey.py,
labelled_material_barbican.py, labelled_material_keep.py, labelled_material_bastion.py,
labelled_material_donjon.py, labelled_material_citadel.py, labelled_material_rampart.py,
labelled_material_palisade.py, labelled_material_bulwark.py, labelled_material_redoubt.py,
labelled_material_ravelin.py, labelled_material_casemate.py and labelled_material_glacis.py.
A split with a soundfont of its own (labelled_material.SOUNDFONTS) renders every General MIDI note
through it (TiMidity++ renders one that is a configuration of GUS patches, sample_render one that is
a set of recordings, stk_render one that is a set of STK's instrument models, waveguide_render one
that is a set of waveguide string models, analog_render one that is a set of analog synthesizer
patches, formant_render one that is a set of formant voices, additive organs and mallets,
phase_render one that is a set of phase-distortion patches, fm_render one that is a set of
operator FM patches, shaper_render one that is a set of waveshaping patches, wavetable_render one
that is a set of wavetable patches, grain_render one that is a set of granular patches, chip_render
one that is a set of a sound chip's patches, vocoder_render one that is a set of vocoder and
talk-box patches, tonewheel_render one that is a set of tonewheel organs and free reeds,
modal_render one that is a set of tuned bars, bells, plates and tines, hammer_render one that is a
set of struck and plucked keyboard strings and electric pianos, additive_render one that is a set of
additive resynthesis patches, jawari_render one that is a set of drone strings over a buzzing
bridge, arithmetic_render one that is a set of linear-arithmetic tones, bore_render one that is a
set of brass and reeds, tape_render one that is a tape-replay keyboard's frames, bow_render one
that is a set of bowed and plucked strings, fret_render one that is a set of fretted strings,
pipe_render one that is a pipe organ's ranks, ether_render one that is a set of early electronic
instruments, glass_render one that is a set of glass and friction instruments, flow_render one
that is a set of instruments that wind and water sound, barrel_render one that is a set of
mechanical music, earth_render one that is a set of instruments of stone, earth and wood,
bronze_render one that is a set of a gamelan's bronzes, toy_render one that is a set of a
nursery's toys, psaltery_render one that is a set of psalteries plucked by hand, trump_render one
that is a set of mouth harps plucked at the lips, gurdy_render one that is a set of strings bowed
by a wheel, vessel_render one that is a set of vessel flutes and blown vessels, mirliton_render one
that is a set of mirlitons, membranes set buzzing by a player's voice, flame_render one that is a
set of singing flames, tubes set sounding by heat, siren_render one that is a set of sirens, air
chopped by turning discs and sliding pistons, spark_render one that is a set of sparks and arcs,
electric discharges that sing, stepper_render one that is a set of steppers and drives, machines
whose motors are made to sing, creature_render one that is a set of crickets, cicadas and frogs,
creatures that sing by file, tymbal and sac, bird_render one that is a set of birds singing through
the syrinx, magnet_render one that is a set of strings, bars and forks driven by electromagnets,
light_render one that is a set of light-tone instruments, a lamp's light through waves printed or
pierced in turning discs read by a photocell, tether_render one that is a set of musical bows and
string drums, one string tethered between a flexible stave, neck or pole and a gourd, a skin, a tub
or the mouth, harp_render one that is a set of harps plucked by the fingers, strings running from a
neck straight into a soundboard, skin_render one that is a set of skins tuned to notes, timpani,
loaded skins, skins over tubes and a rubbed cuica, bamboo_render one that is a set of bamboo tubes tuned
to notes, angklung and calung, reed_render one that is a set of free-reed mouth organs, khaen, sheng
and their kin, pan_render one that is a set of handpans and steel tongue drums, note fields hammered
into a steel shell and tongues cut into a steel tank, steel_render one that is a set of steel guitars,
pedal steels, lap steels, a resonator and a Weissenborn, strings stopped by a steel bar, jet_render one
that is a set of flutes blown across an edge, recorders, flutes, siku, a shakuhachi, a bansuri and a
tin whistle, lamella_render one that is a set of lamellophones, an mbira dzavadzimu, a kalimba, a
sansula, a likembe and a marimbula, tongues of metal plucked by the thumbs, bag_render one that is a
set of bagpipes, Highland chanters and drones, smallpipes, a zampogna, uilleann pipes and a gaida,
reeds blown from a bag, huqin_render one that is a set of huqin, an erhu, a zhonghu, a gaohu, a jinghu,
a banhu, a gehu and a diyin gehu, a matouqin and a haegeum, bowed fiddles whose bridge stands on a skin
or a thin board, balafon_render one that is a set of frame xylophones, a balafon, a gyil, timbila, a
marimba de tecomates and an amadinda, wooden bars over gourds whose membranes buzz, clavichord_render
one that is a set of tangent-struck keyboard strings, a fretted and an unfretted clavichord, a large
German one with 4' strings in its bass and a tangent piano, kora_render one that is a set of West
African harp-lutes and bridge harps, two koras, an n'goni, a bolon and an adungu), one with drum kits
of their own
(labelled_material.DRUM_SOUNDFONTS) its drums through the kit drawn, and one with a production
(labelled_material.PRODUCTION) each clip through the chain its seed draws. Labels: `key` None means
no tonal centre (noise, one tone, drums alone); `bpm` None means no pulse.
Modal clips are labelled by their tonic, minor for dorian/phrygian/aeolian and major for
lydian/mixolydian, as key datasets annotate them; each dwells on its tonic chord (half the bars
or more), as a modal vamp must to name its tonic at all (an equal i-IV vamp is also v-I).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from soundforge.testing import music, production
from soundforge.testing.labelled_material import (
    BASS_PROGRAMS,
    CADENTIAL,
    CHORD_PROGRAMS,
    COUNTS,
    DEVELOPMENT_SPLITS,
    DRUM_KITS,
    DRUM_PATTERNS,
    DRUM_SOUNDFONTS,
    LEAD_PROGRAMS,
    METERS,
    PRODUCTION,
    PROGRESSIONS,
    SONG_METERS,
    SOUNDFONTS,
    SPLITS,
    TEMPO_RANGES,
    pattern_names,
    programs,
    sustained_programs,
)
from soundforge.testing.labelled_notation import (
    ACCENTED,
    CLAP,
    KICK,
    QUALITIES,
    RIMSHOT,
    SNARE,
    Progression,
    written,
)
from soundforge.testing.midi_render import DRUM_CHANNEL, SOUNDFONT, Note, render_notes

__all__ = [
    "COUNTS",
    "DEVELOPMENT_SPLITS",
    "PROGRESSIONS",
    "SPLITS",
    "Clip",
    "Progression",
    "clip_set",
    "render_clip",
    "song",
    "training_clips",
    "written",
]

Samples = npt.NDArray[np.float32]

PITCH_NAMES = music.PITCH_NAMES
LEAD_IN = 0.25


@dataclass(frozen=True)
class Clip:
    """One labelled clip and everything that decides how it sounds."""

    category: str
    split: str
    seed: int
    seconds: float
    key: tuple[int, str] | None  # None: no tonal centre
    bpm: float | None  # None: no pulse
    meter: str = "4/4"
    progression: Progression | None = None
    tonic: int = 0
    band: str = "gm"  # "gm" (FluidSynth) or "synth" (music.py's timbres)
    reference_hz: float = 440.0
    drums: str = ""  # a DRUM_PATTERNS name, "" for none
    detail: str = ""  # noise colour, tone kind, comping style

    @property
    def beats_per_bar(self) -> int | None:
        return METERS[self.meter][0] if self.bpm is not None else None

    @property
    def key_name(self) -> str | None:
        return f"{PITCH_NAMES[self.key[0]]} {self.key[1]}" if self.key else None

    def describe(self) -> str:
        parts = [self.category, self.key_name or "no key", f"{self.bpm:.1f} BPM" if self.bpm else "no pulse"]
        if self.progression is not None:
            parts.append(self.progression.name)
        parts += [p for p in (self.meter if self.bpm else "", self.band, self.drums, self.detail) if p]
        parts.append(f"A={self.reference_hz:.1f}")
        return ", ".join(parts)


def clip_set(split: str, seed: int = 0) -> list[Clip]:
    """Every clip of `split`; deterministic for a (split, seed)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split: {split}")
    rng = np.random.default_rng([seed, SPLITS.index(split), 1315])
    clips: list[Clip] = []
    for category, count in COUNTS[split].items():
        for index in range(count):
            clip_seed = int(rng.integers(2**31))
            clips.append(_make(category, split, index, clip_seed, np.random.default_rng(clip_seed)))
    return clips


def training_clips(split: str, seed: int) -> list[Clip]:
    """clip_set(split, seed) for a script that fits weights: tune at any seed (its seed 0 only as
    the check the bench also reports), a development split at seeds >= 1 (sealed too, since the
    sixth pass, vault since the seventh, cellar since the eighth, crypt since the ninth, tomb since
    the tenth, catacomb since the eleventh, ossuary since the twelfth, charnel since the thirteenth,
    sepulchre since the fourteenth, barrow since the fifteenth, mausoleum since the sixteenth,
    undercroft since the seventeenth, reliquary since the eighteenth, cenotaph since the
    nineteenth, columbarium since the twentieth, hypogeum since the twenty-first,
    necropolis since the twenty-second, tumulus since the twenty-third, mastaba, cairn and dolmen
    since the twenty-fourth, kurgan since the twenty-fifth, tholos since the twenty-sixth,
    sarcophagus since the twenty-seventh, stupa since the twenty-eighth, pyramid since the
    twenty-ninth, ziggurat since the thirtieth, henge since the thirty-first, cromlech since the
    thirty-second, menhir since the thirty-third, obelisk and trilithon since the
    thirty-fourth, stele since the thirty-fifth, cist since the thirty-sixth, broch since the
    thirty-seventh, nuraghe since the thirty-eighth, talayot since the thirty-ninth, naveta and
    taula since the fortieth, quoit since the forty-first, hunebed since the forty-second, dysse
    since the forty-third, anta since the forty-fourth, mamoa since the forty-fifth, galgal since
    the forty-seventh, fogou since the forty-eighth, souterrain since the forty-ninth, crannog
    since the fiftieth, cashel since the fifty-first, clochan since the fifty-second, rath since the
    fifty-third, castro since the fifty-fourth, motte since the fifty-seventh, oppidum since the
    fifty-eighth, bailey since the fifty-ninth, barbican since the sixtieth, keep since the
    sixty-first, bastion since the sixty-first, donjon since the sixty-second, citadel since the
    sixty-third, rampart since the sixty-fourth, palisade since the sixty-fifth, bulwark since the
    sixty-sixth, redoubt since the sixty-ninth, ravelin since the seventy-first,
    casemate since the seventy-second), glacis never."""
    if split not in ("tune", *DEVELOPMENT_SPLITS):
        raise ValueError(f"the {split} split is never trained on")
    if split != "tune" and seed == 0:
        raise ValueError(f"the bench reads {split} at seed 0: train on its other seeds")
    return clip_set(split, seed)


def _make(category: str, split: str, index: int, seed: int, rng: np.random.Generator) -> Clip:
    reference = float(rng.uniform(432.0, 446.0))
    if category in PROGRESSIONS:
        pool = [p for p in PROGRESSIONS[category] if p.in_split(split)]
        return song(category, split, seed, pool[index % len(pool)], reference, rng)
    if category == "free-time":
        progression = CADENTIAL[index % len(CADENTIAL)]
        tonic = int(rng.integers(12))
        return Clip(category, split, seed, 20.0, (tonic, progression.mode), None, progression=progression,
                    tonic=tonic, reference_hz=reference, detail="legato")  # fmt: skip
    if category == "drums":
        slowest, fastest = TEMPO_RANGES[split][2]
        bpm = round(float(np.exp(rng.uniform(np.log(slowest), np.log(fastest)))), 2)
        band = "gm" if index % 3 else "synth"
        return Clip(category, split, seed, 16.0, None, bpm, band=band, drums=_pattern(split, rng))
    if category == "noise":
        colour = ("white", "pink", "brown")[index % 3]
        return Clip(category, split, seed, 15.0, None, None, band="synth", detail=colour)
    kind = ("sine", "harmonic", "gm")[index % 3]
    return Clip(category, split, seed, 15.0, None, None, band="gm" if kind == "gm" else "synth",
                reference_hz=reference, detail=kind)  # fmt: skip


def song(category: str, split: str, seed: int, progression: Progression, reference_hz: float,
         rng: np.random.Generator) -> Clip:  # fmt: skip
    """A song of `progression` at a random tonic, in the split's meters and tempos, played by its
    instruments and drum patterns: how every labelled split's songs are drawn (and the key
    scorer's random training songs, progressions.random_song)."""
    tonic = int(rng.integers(12))
    meter = str(rng.choice(SONG_METERS[split]))
    compound = METERS[meter][1] == 3  # 6/8 and 12/8 count dotted quarters
    slowest, fastest = TEMPO_RANGES[split][1 if compound else 0]
    bpm = round(float(np.exp(rng.uniform(np.log(slowest), np.log(fastest)))), 2)
    beats_per_bar = METERS[meter][0]
    bar_seconds = beats_per_bar * 60.0 / bpm
    cycle = len(progression.chords) * bar_seconds
    # Whole cycles, at least 16 s of them and at most 40 s, but never less than one: a clip cut inside
    # its cycle may never sound the chord that is home (a 12/4 bar at 72 BPM is 10 s, eight of them
    # 80 s; before the fourteenth pass 17-19% of charnel's and sepulchre's songs were cut so), and
    # its label would not be what the audio says.
    seconds = max(min(max(1, math.ceil(16.0 / cycle)) * cycle, 40.0), cycle) + LEAD_IN + 1.0
    return Clip(
        category,
        split,
        seed,
        round(seconds, 3),
        (tonic, progression.mode),
        bpm,
        meter=meter,
        progression=progression,
        tonic=tonic,
        band="gm" if rng.random() < 0.75 else "synth",
        reference_hz=reference_hz,
        drums=_pattern(split, rng) if rng.random() < 0.65 else "",
        detail=str(rng.choice(["block", "sustain", "arpeggio"])),
    )


def _pattern(split: str, rng: np.random.Generator) -> str:
    return str(rng.choice(pattern_names(split)))


def render_clip(clip: Clip, sample_rate: int = 22050) -> Samples:
    """The clip as mono float32 at `sample_rate`, peaking at about -3 dBFS; through the production
    its seed draws where its split has one."""
    if clip.split not in PRODUCTION:
        return _render(clip, sample_rate)
    chains = PRODUCTION[clip.split]
    chain = chains[clip.seed % len(chains)]
    return production.produce(_render(clip, sample_rate), sample_rate, chain, clip.seed)


def sounding_pitch_classes(clip: Clip, frames: int, frames_per_second: float) -> npt.NDArray[np.uint8]:
    """(24, frames): per analysis frame, the pitch classes the clip's score sounds (any channel but
    the drums), then the bass line's -- from a note's start to its end as written, however its
    instrument rings on. What the analysis service's learned pitch classes are fit to
    (scripts/train_pitch_classes.py); all zero for a clip with no score (noise, held tones)."""
    out = np.zeros((24, frames), dtype=np.uint8)
    if clip.category in ("noise", "tone"):
        return out
    notes, _ = _score(clip, _draws(clip))
    for note in notes:
        if note.channel == DRUM_CHANNEL:
            continue
        start = round(note.start * frames_per_second)
        end = round((note.start + note.seconds) * frames_per_second)
        out[note.pitch % 12, start:end] = 1
        if note.channel == 1:
            out[12 + note.pitch % 12, start:end] = 1
    return out


def _draws(clip: Clip) -> np.random.Generator:
    """What the clip's sound is drawn from (its noise, its tone, its score): rendering and the pitch
    classes its score sounds (sounding_pitch_classes) draw the same."""
    return np.random.default_rng(clip.seed + 1)


def _render(clip: Clip, sample_rate: int) -> Samples:
    rng = _draws(clip)
    if clip.category == "noise":
        return _noise(clip, rng, sample_rate)
    if clip.category == "tone":
        return _tone(clip, rng, sample_rate)
    notes, channels = _score(clip, rng)
    cents = 1200.0 * math.log2(clip.reference_hz / 440.0)
    if clip.band == "gm" and clip.split in DRUM_SOUNDFONTS and DRUM_CHANNEL in channels:
        return _render_with_kit(clip, notes, channels, sample_rate, cents)
    if clip.band == "gm":
        return render_notes(notes, channels, clip.seconds, sample_rate, cents, _soundfont(clip.split))
    return synth_render(notes, clip.seconds, sample_rate, clip.detail, clip.reference_hz)


# A kit of its own is rendered apart and mixed in at this peak against the rest's.
_KIT_LEVEL = 0.8


def _render_with_kit(clip: Clip, notes: list[Note], channels: dict[int, int], sample_rate: int,
                     cents: float) -> Samples:  # fmt: skip
    """The drums through the split's kit drawn (one preset, on General MIDI's drum notes, played
    unbent on a melodic channel), the rest through its soundfont, mixed, peaking at about -3 dBFS."""
    kit = DRUM_SOUNDFONTS[clip.split][channels[DRUM_CHANNEL]]
    drum_notes = [dataclasses.replace(n, channel=0) for n in notes if n.channel == DRUM_CHANNEL]
    drums = render_notes(drum_notes, {0: 0}, clip.seconds, sample_rate, 0.0, kit)
    others = [n for n in notes if n.channel != DRUM_CHANNEL]
    if not others:
        return drums
    rest = {channel: program for channel, program in channels.items() if channel != DRUM_CHANNEL}
    out = render_notes(others, rest, clip.seconds, sample_rate, cents, _soundfont(clip.split))
    out = out + _KIT_LEVEL * drums
    peak = float(np.max(np.abs(out))) or 1.0
    return (out * (0.7 / peak)).astype(np.float32)


def _soundfont(split: str) -> Path:
    """The General MIDI soundfont (or TiMidity++ patch set) the split's clips render through."""
    return SOUNDFONTS.get(split, SOUNDFONT)


def _score(clip: Clip, rng: np.random.Generator) -> tuple[list[Note], dict[int, int]]:
    """Notes on channels 0 (chords), 1 (bass), 2 (lead) and 9 (drums), and each channel's program."""
    channels = {DRUM_CHANNEL: 0} if clip.drums else {}
    if clip.category == "free-time":
        return _free_time(clip, rng), {0: int(rng.choice(sustained_programs(clip.split))), 1: 48}
    notes: list[Note] = []
    assert clip.bpm is not None
    beats_per_bar, subdivisions = METERS[clip.meter]
    period = 60.0 / clip.bpm
    beats = np.arange(LEAD_IN, clip.seconds - 0.5, period)
    if clip.progression is not None:
        chord_programs = programs(clip.split, "chord", CHORD_PROGRAMS)
        bass_programs = programs(clip.split, "bass", BASS_PROGRAMS)
        channels |= {0: int(rng.choice(chord_programs)), 1: int(rng.choice(bass_programs))}
        channels[2] = int(rng.choice(programs(clip.split, "lead", LEAD_PROGRAMS)))
        notes += _harmony(clip, clip.progression, beats, rng)
    if clip.drums:
        pattern = DRUM_PATTERNS[clip.drums]
        for index, start in enumerate(beats):
            beat = index % beats_per_bar
            first = 4 * (beat % 4)  # the beat's first sixteenth
            for k, drum in pattern:
                if first <= k < first + 4:
                    # In 6/8 a beat's eighth lands on its last third, a sixteenth on its first.
                    offset = (k - first) * period / 4
                    if subdivisions == 3 and offset:
                        if k - first == 3:
                            continue
                        offset = period * (k - first) / 3
                    if beats_per_bar < 4 and drum == SNARE and beat == 0:
                        continue
                    velocity = 100 if drum in ACCENTED else 70
                    notes.append(Note(_jitter(start + offset, rng), 0.1, drum, velocity, DRUM_CHANNEL))
        if clip.split in DRUM_KITS and clip.band == "gm":  # held-out keeps the draws first measured
            channels[DRUM_CHANNEL] = int(rng.choice(DRUM_KITS[clip.split]))
    return notes, channels


def _harmony(clip: Clip, progression: Progression, beats: npt.NDArray[np.float64],
             rng: np.random.Generator) -> list[Note]:  # fmt: skip
    beats_per_bar, subdivisions = METERS[clip.meter]
    period = 60.0 / (clip.bpm or 120.0)
    first_bar = int(rng.integers(len(progression.chords)))  # an excerpt starts anywhere in the loop
    notes: list[Note] = []
    for index, start in enumerate(beats):
        bar, beat = divmod(index, beats_per_bar)
        slot = (first_bar + bar) % len(progression.chords)
        root, quality = progression.chords[slot]
        written_bass = progression.bass[slot] if progression.bass else None
        chord = [root + interval for interval in QUALITIES[quality]]
        voicing = music._voicing(clip.tonic, chord, int(rng.integers(3)) if beat == 0 else 0)
        accent = 100 if beat == 0 else 80
        if clip.detail == "sustain" and beat == 0:
            notes += [Note(start, beats_per_bar * period * 0.98, m, 70, 0) for m in voicing]
        elif clip.detail == "arpeggio":
            for sub in range(subdivisions):
                midi = voicing[(beat * subdivisions + sub) % len(voicing)]
                notes.append(
                    Note(_jitter(start + sub * period / subdivisions, rng), period * 0.6, midi, 75, 0)
                )
        elif clip.detail == "block":
            notes += [Note(_jitter(start, rng), period * 0.9, m, accent - 15, 0) for m in voicing]
        if written_bass is not None:  # an inversion, a slash chord or a pedal holds its note
            bass_degree = written_bass
        else:
            bass_degree = root if beat % 2 == 0 or rng.random() < 0.7 else root + 7
        notes.append(Note(_jitter(start, rng), period * 0.9, 36 + (clip.tonic + bass_degree) % 12, accent, 1))
        for sub in range(subdivisions):
            if rng.random() < 0.4 and not (beat == 0 and sub == 0):
                continue
            degree = (
                chord[int(rng.integers(len(chord)))] if sub == 0 else _scale_step(rng, progression, chord)
            )
            time = start + sub * period / subdivisions
            notes.append(
                Note(_jitter(time, rng), period / subdivisions * 0.9, 72 + (clip.tonic + degree) % 12, 85, 2)
            )
    return notes


def _scale_step(rng: np.random.Generator, progression: Progression, chord: list[int]) -> int:
    # Over a chord whose tones leave the scale (V in minor), passing notes follow the chord.
    outside = [tone % 12 for tone in chord if tone % 12 not in progression.scale]
    scale = list(progression.scale)
    for tone in outside:
        scale = [tone if (tone - s) % 12 == 1 else s for s in scale]
    return scale[int(rng.integers(len(scale)))]


def _free_time(clip: Clip, rng: np.random.Generator) -> list[Note]:
    """Legato chords changing at irregular times (2.5-6 s): harmony without a pulse."""
    assert clip.progression is not None
    notes: list[Note] = []
    time, index = 0.1, 0
    while time < clip.seconds - 1.0:
        length = float(rng.uniform(2.5, 6.0))
        root, quality = clip.progression.chords[index % len(clip.progression.chords)]
        chord = [root + interval for interval in QUALITIES[quality]]
        notes += [Note(time, length + 0.3, m, 60, 0) for m in music._voicing(clip.tonic, chord, index % 3)]
        notes.append(Note(time, length + 0.3, 36 + (clip.tonic + root) % 12, 55, 1))
        time += length
        index += 1
    return notes


def _jitter(time: float, rng: np.random.Generator) -> float:
    return max(0.0, time + float(rng.normal(0.0, 0.004)))


def synth_render(
    notes: list[Note], seconds: float, sample_rate: int, detail: str = "", reference_hz: float = 440.0
) -> Samples:
    """A score through music.py's additive timbres and drums (the "synth" band), peaking at -3 dBFS:
    channel 0 a pad (comping `detail` "sustain" or "legato") or a piano, 1 a bass, 2 a pluck, the
    drum channel music.py's kick, snare and hat."""
    out = np.zeros(int(seconds * sample_rate), dtype=np.float32)
    timbres = {0: "pad" if detail in ("sustain", "legato") else "piano", 1: "bass", 2: "pluck"}
    drum_kind = {KICK: "kick", SNARE: "snare", CLAP: "snare", RIMSHOT: "snare"}
    for note in notes:
        if note.channel == DRUM_CHANNEL:
            sound = music._drum(drum_kind.get(note.pitch, "hat"), sample_rate, seed=note.pitch % 2)
        else:
            sound = _synth_note(note, timbres[note.channel], reference_hz, sample_rate)
        start = round(note.start * sample_rate)
        end = min(start + sound.size, out.size)
        if end > start:
            out[start:end] += (note.velocity / 127) * 0.4 * sound[: end - start]
    peak = float(np.max(np.abs(out))) or 1.0
    return (out * (0.7 / peak)).astype(np.float32)


_SYNTH_NOTES: dict[tuple[int, float, str, float, int], Samples] = {}


def _synth_note(note: Note, timbre: str, reference: float, sample_rate: int) -> Samples:
    cents = 1200.0 * math.log2(reference / 440.0)
    key = (note.pitch, round(note.seconds, 3), timbre, cents, sample_rate)
    if key not in _SYNTH_NOTES:
        if len(_SYNTH_NOTES) > 4096:
            _SYNTH_NOTES.clear()
        _SYNTH_NOTES[key] = music._note(note.pitch, reference, note.seconds, timbre, sample_rate)
    return _SYNTH_NOTES[key]


def _noise(clip: Clip, rng: np.random.Generator, sample_rate: int) -> Samples:
    size = int(clip.seconds * sample_rate)
    spectrum = np.fft.rfft(rng.normal(size=size))
    freqs = np.fft.rfftfreq(size, 1.0 / sample_rate)
    exponent = {"white": 0.0, "pink": 0.5, "brown": 1.0}[clip.detail]
    spectrum[1:] /= freqs[1:] ** exponent
    spectrum[0] = 0.0
    noise = np.fft.irfft(spectrum, size)
    swell = 1.0 + 0.3 * np.sin(2 * np.pi * rng.uniform(0.05, 0.2) * np.arange(size) / sample_rate)
    out = noise * swell
    return (out * (0.7 / np.max(np.abs(out)))).astype(np.float32)


def _tone(clip: Clip, rng: np.random.Generator, sample_rate: int) -> Samples:
    """One held pitch: a sine, an additive harmonic tone, or a sustained GM instrument."""
    midi = int(rng.integers(45, 80))
    if clip.detail == "gm":
        program = int(rng.choice(sustained_programs(clip.split)))
        cents = 1200.0 * math.log2(clip.reference_hz / 440.0)
        return render_notes([Note(0.2, clip.seconds - 0.5, midi, 90, 0)], {0: program}, clip.seconds,
                            sample_rate, cents, _soundfont(clip.split))  # fmt: skip
    t = np.arange(int(clip.seconds * sample_rate)) / sample_rate
    freq = clip.reference_hz * 2 ** ((midi - 69) / 12)
    vibrato = 1.0 + 0.003 * np.sin(2 * np.pi * 5.0 * t)
    phase = 2 * np.pi * np.cumsum(freq * vibrato) / sample_rate
    partials = (1.0,) if clip.detail == "sine" else (1.0, 0.5, 0.33, 0.25, 0.2, 0.16)
    wave = sum(amp * np.sin(k * phase) for k, amp in enumerate(partials, start=1))
    fade = np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.05)
    out = np.asarray(wave, dtype=np.float64) * fade
    return (out * (0.7 / np.max(np.abs(out)))).astype(np.float32)
