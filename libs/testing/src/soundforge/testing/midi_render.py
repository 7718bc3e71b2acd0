"""Notes to audio through FluidSynth and Debian's General MIDI soundfonts (real instrument timbres)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
import soundfile

from soundforge.testing import (
    additive_render,
    analog_render,
    arithmetic_render,
    bag_render,
    balafon_render,
    bamboo_render,
    barrel_render,
    bird_render,
    bore_render,
    bow_render,
    bronze_render,
    chip_render,
    clavichord_render,
    creature_render,
    earth_render,
    ether_render,
    flame_render,
    flow_render,
    fm_render,
    formant_render,
    fret_render,
    glass_render,
    grain_render,
    gurdy_render,
    hammer_render,
    harp_render,
    huqin_render,
    jawari_render,
    jet_render,
    kora_render,
    lamella_render,
    light_render,
    magnet_render,
    mirliton_render,
    modal_render,
    pan_render,
    phase_render,
    pipe_render,
    psaltery_render,
    reed_render,
    sample_render,
    shaper_render,
    siren_render,
    skin_render,
    spark_render,
    steel_render,
    stepper_render,
    stk_render,
    tape_render,
    tether_render,
    tonewheel_render,
    toy_render,
    trump_render,
    vessel_render,
    vocoder_render,
    waveguide_render,
    wavetable_render,
)
from soundforge.testing.render_files import cached, render_cache, store

Samples = npt.NDArray[np.float32]

# Debian's fluid-soundfont-gm; `make apt` installs it with fluidsynth. Every render is through it
# unless it names another soundfont (a whole other set of General MIDI samples, also from `make apt`),
# or a TiMidity++ configuration of Gravis UltraSound patches (Debian's freepats), which FluidSynth
# cannot read: TiMidity++ renders those; or a set of recordings that is no soundfont at all
# (sample_render.SAMPLE_SETS), which sample_render plays; or a set of STK's instrument models
# (stk_render.MODEL_SETS), which stk_render plays; or a set of waveguide string models computed in
# numpy (waveguide_render.STRING_SETS), which waveguide_render plays; or a set of virtual analog
# synthesizer patches computed in numpy (analog_render.PATCH_SETS), which analog_render plays; or a
# set of formant voices, additive organs and mallets computed in numpy (formant_render.TIMBRE_SETS),
# which formant_render plays; or a set of phase-distortion patches computed in numpy
# (phase_render.PHASE_SETS), which phase_render plays; or a set of operator FM patches computed in
# numpy (fm_render.FM_SETS), which fm_render plays; or a set of waveshaping patches computed in numpy
# (shaper_render.SHAPER_SETS), which shaper_render plays; or a set of wavetable patches computed in
# numpy (wavetable_render.WAVETABLE_SETS), which wavetable_render plays; or a set of granular patches
# computed in numpy (grain_render.GRAIN_SETS), which grain_render plays; or a set of a sound chip's
# patches computed in numpy (chip_render.CHIP_SETS), which chip_render plays; or a set of vocoder and
# talk-box patches computed in numpy (vocoder_render.VOCODER_SETS), which vocoder_render plays; or a
# set of tonewheel organs and free reeds computed in numpy (tonewheel_render.TONEWHEEL_SETS), which
# tonewheel_render plays; or a set of tuned bars, bells, plates and tines computed in numpy by modal
# synthesis (modal_render.MODAL_SETS), which modal_render plays; or a set of struck and plucked
# keyboard strings and electric pianos computed in numpy (hammer_render.HAMMER_SETS), which
# hammer_render plays; or a set of additive resynthesis patches (harmonic partials under their own
# envelopes and a filtered noise residual) computed in numpy (additive_render.ADDITIVE_SETS), which
# additive_render plays; or a set of drone strings over a buzzing bridge with sympathetic strings
# computed in numpy (jawari_render.JAWARI_SETS), which jawari_render plays; or a set of
# linear-arithmetic tones (synthesised attack transients spliced onto filtered sustains, through a
# chorus) computed in numpy (arithmetic_render.ARITHMETIC_SETS), which arithmetic_render plays; or a
# set of brass and reeds (a lip or a reed valve driving a bore, through its bell) computed in numpy
# (bore_render.BORE_SETS), which bore_render plays; or a tape-replay keyboard's frames (each key a
# strip of tape holding one recorded note, played past a head by a swaying capstan) computed in numpy
# (tape_render.TAPE_SETS), which tape_render plays; or bowed strings (a bow's stick and slip driving
# each string into Helmholtz motion through its body, or the string plucked) computed in numpy
# (bow_render.BOW_SETS), which bow_render plays; or fretted strings (each string's free modes set going
# by a pick, a nail or a finger and coupled to its body through the bridge, strummed or repicked)
# computed in numpy (fret_render.FRET_SETS), which fret_render plays; or a pipe organ's ranks (each
# stop's pipes on the harmonic its footage says, flues chiffing and speaking at their own pace, reeds
# under their resonators, a swell box and tremulants) computed in numpy (pipe_render.PIPE_SETS),
# which pipe_render plays; or early electronic instruments (an ondes Martenot's timbres through its
# diffuseurs, a theremin's heterodyne, a trautonium's formants, a Clavioline's and an Ondioline's
# voicing filters) computed in numpy (ether_render.ETHER_SETS), which ether_render plays; or glass
# and friction instruments (glass, nails, a saw's blade, a Baschet's rods and bowls rubbed, their
# stick and slip locked to the body's first mode, its higher modes rung at the catch) computed in
# numpy (glass_render.GLASS_SETS), which glass_render plays; or instruments that wind and water
# sound (an aeolian harp's strings and singing wires locked to their modes by the wind's vortices, a
# hydraulophone's jets and their bubbles, whirly tubes swung round the head) computed in numpy
# (flow_render.FLOW_SETS), which flow_render plays; or mechanical music (a mechanical zither's strings
# picked by its star wheels, a music box's steel combs plucked by their pins, an orchestrion's traps
# struck by sprung levers) computed in numpy (barrel_render.BARREL_SETS), which barrel_render plays;
# or instruments of stone, earth and wood, struck (a lithophone's slabs and a rock gong's as free-free
# bars, a slit log drum's tongues as cantilevers, an udu's clay pots as their air's Helmholtz
# resonance under a clay shell) computed in numpy (earth_render.EARTH_SETS), which earth_render plays;
# or a gamelan's bronzes, struck (a gender's and a saron's keys as free-free bars over their tubes and
# trough, a bonang's, a kenong's and a kempul's bossed gongs as clamped plates whose boss lowers their
# axisymmetric modes, a Balinese pair's two instruments beating) computed in numpy
# (bronze_render.BRONZE_SETS), which bronze_render plays; or a nursery's toys, struck (a toy piano's
# rods as cantilevers clamped at one end, boomwhackers' tubes as open and capped air columns whose open
# ends lengthen them less as the mode rises) computed in numpy (toy_render.TOY_SETS), which toy_render
# plays; or psalteries plucked by hand (a kantele's, a qanun's, a guzheng's and a psaltery's strings
# over their bridges as stiff strings plucked where the finger or the plectrum meets them, their pitch
# easing onto the note as a hard pluck's tension falls, a kantele's varras doubling its low modes)
# computed in numpy (psaltery_render.PSALTERY_SETS), which psaltery_render plays; or mouth harps
# plucked at the lips (a Maultrommel's, a khomus's, a morsing's, a dan moi's and a kubing's tongues
# swinging through their frames' slots, the air they let through on either side of each swing lifted
# by the player's mouth as it moves from one vowel to another) computed in numpy
# (trump_render.TRUMP_SETS), which trump_render plays; or strings bowed by a wheel (a vielle a roue's,
# a zanfona's, a tekerolant's, a lira's, a vevlira's, an organistrum's and a Geigenwerk's strings held
# in Helmholtz motion by a rosined wheel, swelling with its speed over each turn of the crank, a
# trompette's dog hammering the soundboard while the wheel runs fast) computed in numpy
# (gurdy_render.GURDY_SETS), which gurdy_render plays; or vessel flutes and blown vessels (a Budrio
# ocarina's, a xun's, a hun's, a pendant ocarina's, a gemshorn's, a bass ocarina's, bottles blown
# across and a jug buzzed into, each a Helmholtz resonator with one resonance on the note, driven by a
# breath's jet across its window's edge or by buzzing lips) computed in numpy
# (vessel_render.VESSEL_SETS), which vessel_render plays; or mirlitons, membranes set buzzing by a
# player's voice (a kazoo's, a comb and tissue paper's, a bigophone's, a zobo's, a nyastaranga's and a
# eunuch flute's, each a slack membrane driven by the voice's glottal pulses through its first mode
# until it slaps its rim, radiated through its tube's resonances) computed in numpy
# (mirliton_render.MIRLITON_SETS), which mirliton_render plays; or singing flames, tubes set sounding
# by heat (a pyrophone's, Rijke tubes', a fire organ's, a pulse combustor's, a singing flame's, a
# Sondhauss tube's and a thermoacoustic engine's, each a limit cycle of the heat given to the air
# swinging past a flame or a gauze, driving the tube's resonances) computed in numpy
# (flame_render.FLAME_SETS), which flame_render plays; or sirens, air chopped by turning discs and
# sliding pistons (Dove's siren's rings, Cagniard de la Tour's sirens, a siren organ's rotors, an
# air-raid siren's, a diaphone's, Seebeck's siren and Helmholtz's double siren, each hole passing its
# port letting a puff through once a period, radiated as a pulsating source, through a horn or a
# resonance box) computed in numpy (siren_render.SIREN_SETS), which siren_render plays; or sparks and
# arcs, electric discharges that sing (a singing Tesla coil's streamers, Duddell's singing arc, a
# plasma arc's, a vacuum-tube coil's flame, Simon's speaking arc and Klein's ionophone, each heating
# the air once a period, the air's expansion the sound) computed in numpy (spark_render.SPARK_SETS),
# which spark_render plays; or steppers and drives, machines whose motors are made to sing (a floppy
# drive's head stepped to and fro, a scanner's and a CNC router's steppers, a hard drive's arm on its
# voice coil, a dot-matrix printer's pins, each pulled once a period toward where its coils hold it,
# the frame taking its acceleration) computed in numpy (stepper_render.STEPPER_SETS), which
# stepper_render plays; or crickets, cicadas and frogs, creatures that sing by file, tymbal and sac (a
# cricket's wing drawn across its file, a cicada's tymbals buckling, a frog's larynx into its vocal
# sac, each one pulse a period, a resonator of its body ringing with it) computed in numpy
# (creature_render.CREATURE_SETS), which creature_render plays; or birds singing through the syrinx
# (a blackbird's, a thrush's, a nightingale's, a pigeon's, an emu's and a bittern's song, the air
# parting the syrinx's labia once a period, the trachea, the gullet and the beak filtering what they
# let through) computed in numpy (bird_render.BIRD_SETS), which bird_render plays; or strings, bars
# and forks driven by electromagnets (the Magnetic Resonator Piano's strings, the Choralcelo's wire and
# bars, a Moog guitar's, an EBow's and a sustainer's strings, a maintained tuning fork, a pickup's
# signal clipped by an amplifier and pulling the steel through a coil) computed in numpy
# (magnet_render.MAGNET_SETS), which magnet_render plays; or light-tone instruments (Welte's
# Lichttonorgel, Spielmann's Superpiano, Toulon's Cellulophone, Eremeeff's Photona, Murzin's ANS
# synthesizer, Oram's drawn waves, Sholpo's Variophone, a lamp's light through a wave printed or
# pierced in a turning disc read through a slit by a photocell) computed in numpy
# (light_render.LIGHT_SETS), which light_render plays; or musical bows and string drums (the
# berimbau's bows, the uhadi, the umakhweyana, a mouth bow, the umrhubhe and the kunkulkawe rubbed,
# the Baul's gopichand and khamak, a washtub bass, an earth bow, one string tethered between a
# flexible stave, neck or pole and a gourd, a skin, a tub or the mouth, struck, plucked or rubbed)
# computed in numpy (tether_render.TETHER_SETS), which tether_render plays; or harps plucked by the
# fingers (a pedal harp's gut strings, its wound bass strings, its harmonics, a Paraguayan harp's nylon,
# a clarsach's brass wires, an Andean harp's bass, a saung gauk's silk strings, notes held by plucking
# two strings in turn, strings running from a neck straight into a soundboard) computed in numpy
# (harp_render.HARP_SETS), which harp_render plays; or skins tuned to notes (timpani and pedal timpani,
# a tabla tarang's and a pat waing's loaded skins, boobams' skins over tubes, a cuica rubbed, a
# timpani roll) computed in numpy (skin_render.SKIN_SETS), which skin_render plays; or bamboo tubes
# tuned to notes (angklung, tubes an octave apart hung in a frame, and calung, tubes struck with a
# stick) computed in numpy (bamboo_render.BAMBOO_SETS), which bamboo_render plays; or free-reed mouth
# organs (a khaen, a sheng, a sho, a bass sheng, a lusheng's great pipe, a hulusi, a bawu, a soprano
# sheng, a brass tongue swinging through its slot in each pipe, the pipe's air column tuned to it)
# computed in numpy (reed_render.REED_SETS), which reed_render plays; or handpans and steel tongue
# drums (a Hang's, a stainless handpan's and a handpan's bottom and high note fields, each a dimple
# hammered into a steel shell tuned to its note, its octave and its twelfth, and a steel tongue drum's,
# a small tongue drum's and a propane tank's tongues, the shell's air resonating through its port)
# computed in numpy (pan_render.PAN_SETS), which pan_render plays; or steel guitars (a pedal steel's E9
# and C6 necks and its low strings, lap steels, a sacred steel player's driven one and a Hawaiian one, a
# squareneck resonator over its spun aluminium cone, a Weissenborn's hollow koa body, each string
# stopped by a steel bar and heard through a pickup by the bridge, the cone or the box) computed in
# numpy (steel_render.STEEL_SETS), which steel_render plays; or flutes blown across an edge (a recorder
# consort's and a great bass recorder's windways, a flute choir's, alto flutes' and a contrabass flute's
# embouchure holes, siku stopped at their foot, a shakuhachi's notch, a bansuri's side hole and a tin
# whistle's fipple, each a jet of breath swung across its edge by the pipe's air column) computed in
# numpy (jet_render.JET_SETS), which jet_render plays; or lamellophones (an mbira dzavadzimu in its
# calabash, its bottle caps buzzing, a kalimba on a hollow box, a sansula's tines over a drumhead, a
# likembe with rings on its keys and a marimbula's broad tongues over its box, each tongue a cantilever
# plucked by the thumb) computed in numpy (lamella_render.LAMELLA_SETS), which lamella_render plays; or
# bagpipes (a pipe band's Highland chanters and drones, Scottish smallpipes, a zampogna's two chanters,
# the uilleann pipes' chanter, drones and bass regulator, Northumbrian smallpipes and a gaida, each a
# beating reed blown from a bag driving a conical or cylindrical bore) computed in numpy
# (bag_render.BAG_SETS), which bag_render plays; or huqin (an erhu, a zhonghu, a gaohu, a jinghu, a
# banhu, a gehu and a diyin gehu, a matouqin and a haegeum, each a string held in Helmholtz motion by a
# bow and stopped by a sliding finger, its bridge on a python skin or a thin board over a tube) computed
# in numpy (huqin_render.HUQIN_SETS), which huqin_render plays; or frame xylophones (a Mande balafon, a
# Dagara gyil, Chopi timbila, a marimba de tecomates and an amadinda, each a wooden bar ringing as a
# free-free beam, its overtones carved or left, struck by a mallet over a gourd whose membrane buzzes,
# or over none) computed in numpy (balafon_render.BALAFON_SETS), which balafon_render plays; or
# tangent-struck keyboard strings (a fretted and an unfretted clavichord, a large German one with 4'
# strings in its bass, and a tangent piano, each a pair of stiff strings to a key through a small
# soundboard, the clavichord's tangent held on them while the key is down) computed in numpy
# (clavichord_render.CLAVICHORD_SETS), which clavichord_render plays; or West African harp-lutes and
# bridge harps (two koras, an n'goni, a bolon and an adungu, each a plucked string whose bridge stands
# on a skin over a calabash, a gourd or a boat, the n'goni's sesego buzzing) computed in numpy
# (kora_render.KORA_SETS), which kora_render plays.
SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
DRUM_CHANNEL = 9
_TICKS_PER_SECOND = 2000  # 1000 ticks per quarter at the default 120 BPM
_BEND_RANGE_CENTS = 200.0  # General MIDI's default pitch-bend range: +-2 semitones


@dataclass(frozen=True)
class Note:
    start: float  # seconds
    seconds: float
    pitch: int  # MIDI note number; on the drum channel, the GM drum sound
    velocity: int = 90
    channel: int = 0


class FluidSynthMissing(RuntimeError):
    """fluidsynth (or timidity) or the GM soundfont (or patch set) is not installed."""


def require_fluidsynth(soundfont: Path = SOUNDFONT) -> str:
    """The fluidsynth binary; raises with the fix when it or the soundfont is missing."""
    binary = shutil.which("fluidsynth")
    if binary is None or not soundfont.is_file():
        raise FluidSynthMissing(
            f"FluidSynth renders through {soundfont} need `make apt` (fluidsynth, soundfonts)"
        )
    return binary


def require_timidity(patches: Path) -> str:
    """The timidity binary; raises with the fix when it or the patch set's configuration is missing."""
    binary = shutil.which("timidity")
    if binary is None or not patches.is_file():
        raise FluidSynthMissing(f"TiMidity++ renders through {patches} need `make apt` (timidity, freepats)")
    return binary


def renders_with_timidity(soundfont: Path) -> bool:
    """Whether `soundfont` names a TiMidity++ configuration (of GUS patches) rather than a soundfont."""
    return soundfont.suffix == ".cfg"


def midi_file(notes: Iterable[Note], programs: Mapping[int, int], cents: float = 0.0) -> bytes:
    """A type-0 Standard MIDI File: programs and a pitch bend of `cents` on every melodic channel."""
    events: list[tuple[int, int, bytes]] = []  # (tick, order, bytes): note-offs before note-ons
    for channel, program in programs.items():
        events.append((0, 0, bytes([0xC0 | channel, program & 0x7F])))
        if channel != DRUM_CHANNEL:
            bend = round(8192 + cents / _BEND_RANGE_CENTS * 8192)
            bend = min(max(bend, 0), 16383)
            events.append((0, 0, bytes([0xE0 | channel, bend & 0x7F, bend >> 7])))
    for note in notes:
        on = max(0, round(note.start * _TICKS_PER_SECOND))
        off = max(on + 1, round((note.start + note.seconds) * _TICKS_PER_SECOND))
        pitch, velocity = note.pitch & 0x7F, min(max(note.velocity, 1), 127)
        events.append((on, 2, bytes([0x90 | note.channel, pitch, velocity])))
        events.append((off, 1, bytes([0x80 | note.channel, pitch, 0])))
    events.sort(key=lambda event: (event[0], event[1]))
    track = bytearray()
    now = 0
    for tick, _, message in events:
        track += _variable_length(tick - now) + message
        now = tick
    track += _variable_length(0) + b"\xff\x2f\x00"
    header = b"MThd" + (6).to_bytes(4, "big") + (0).to_bytes(2, "big") + (1).to_bytes(2, "big")
    header += (_TICKS_PER_SECOND // 2).to_bytes(2, "big")
    return header + b"MTrk" + len(track).to_bytes(4, "big") + bytes(track)


def render_notes(
    notes: Iterable[Note],
    programs: Mapping[int, int],
    seconds: float,
    sample_rate: int = 22050,
    cents: float = 0.0,
    soundfont: Path = SOUNDFONT,
) -> Samples:
    """Mono float32 of `seconds`, peaking at about -3 dBFS; renders are cached by their MIDI bytes
    (and by the soundfont's name, when it is not the default one, and a set's parameters). A
    TiMidity++ configuration for `soundfont` renders through timidity with its reverb and chorus
    (FluidSynth's are its own), a sample set (sample_render.SAMPLE_SETS) through sample_render, dry,
    a model set (stk_render.MODEL_SETS) through stk_render, dry, a string set (waveguide_render.STRING_SETS)
    through waveguide_render, dry, a patch set (analog_render.PATCH_SETS) through analog_render, dry, a
    timbre set (formant_render.TIMBRE_SETS) through formant_render, dry, a phase-distortion set
    (phase_render.PHASE_SETS) through phase_render, dry, an FM set (fm_render.FM_SETS) through
    fm_render, dry, a waveshaping set (shaper_render.SHAPER_SETS) through shaper_render, dry, a
    wavetable set (wavetable_render.WAVETABLE_SETS) through wavetable_render, dry, a granular set
    (grain_render.GRAIN_SETS) through grain_render, dry, a chip set (chip_render.CHIP_SETS) through
    chip_render, dry, a vocoder set (vocoder_render.VOCODER_SETS) through vocoder_render, dry, a
    tonewheel set (tonewheel_render.TONEWHEEL_SETS) through tonewheel_render, dry, a modal set
    (modal_render.MODAL_SETS) through modal_render, dry, a hammer set (hammer_render.HAMMER_SETS)
    through hammer_render, dry, an additive set (additive_render.ADDITIVE_SETS) through
    additive_render, dry, a jawari set (jawari_render.JAWARI_SETS) through jawari_render, dry, a
    linear-arithmetic set (arithmetic_render.ARITHMETIC_SETS) through arithmetic_render, dry, a
    horn set (bore_render.BORE_SETS) through bore_render, dry, a tape set (tape_render.TAPE_SETS)
    through tape_render, dry, a bow set (bow_render.BOW_SETS) through bow_render, dry, a fret set
    (fret_render.FRET_SETS) through fret_render, dry, a pipe set (pipe_render.PIPE_SETS) through
    pipe_render, dry, an ether set (ether_render.ETHER_SETS) through ether_render, dry, a glass set
    (glass_render.GLASS_SETS) through glass_render, dry, a flow set (flow_render.FLOW_SETS) through
    flow_render, dry, a barrel set (barrel_render.BARREL_SETS) through barrel_render, dry, an earth set
    (earth_render.EARTH_SETS) through earth_render, dry, a bronze set (bronze_render.BRONZE_SETS)
    through bronze_render, dry, a toy set (toy_render.TOY_SETS) through toy_render, dry, a psaltery set
    (psaltery_render.PSALTERY_SETS) through psaltery_render, dry, a trump set (trump_render.TRUMP_SETS)
    through trump_render, dry, a gurdy set (gurdy_render.GURDY_SETS) through gurdy_render, dry, a
    vessel set (vessel_render.VESSEL_SETS) through vessel_render, dry, a mirliton set
    (mirliton_render.MIRLITON_SETS) through mirliton_render, dry, a flame set
    (flame_render.FLAME_SETS) through flame_render, dry, a siren set (siren_render.SIREN_SETS)
    through siren_render, dry, a spark set (spark_render.SPARK_SETS) through spark_render, dry, a
    stepper set (stepper_render.STEPPER_SETS) through stepper_render, dry, a creature set
    (creature_render.CREATURE_SETS) through creature_render, dry, a bird set (bird_render.BIRD_SETS)
    through bird_render, dry, a magnet set (magnet_render.MAGNET_SETS) through magnet_render, dry, a
    light set (light_render.LIGHT_SETS) through light_render, dry, a tether set
    (tether_render.TETHER_SETS) through tether_render, dry, a harp set (harp_render.HARP_SETS)
    through harp_render, dry, a skin set (skin_render.SKIN_SETS) through skin_render, dry, a bamboo set
    (bamboo_render.BAMBOO_SETS) through bamboo_render, dry, a reed set (reed_render.REED_SETS) through
    reed_render, dry, a pan set (pan_render.PAN_SETS) through pan_render, dry, a steel set
    (steel_render.STEEL_SETS) through steel_render, dry, a jet set (jet_render.JET_SETS) through
    jet_render, dry, a lamella set (lamella_render.LAMELLA_SETS) through lamella_render, dry, a bag set
    (bag_render.BAG_SETS) through bag_render, dry, a huqin set (huqin_render.HUQIN_SETS) through
    huqin_render, dry, a balafon set (balafon_render.BALAFON_SETS) through balafon_render, dry, a
    clavichord set (clavichord_render.CLAVICHORD_SETS) through clavichord_render, dry, a kora set
    (kora_render.KORA_SETS) through kora_render, dry."""
    dry, parameters = _dry_renderer(soundfont) or (None, "")
    timidity = renders_with_timidity(soundfont)
    binary = ""
    if dry is None:
        binary = require_timidity(soundfont) if timidity else require_fluidsynth(soundfont)
    notes = list(notes)
    data = midi_file(notes, programs, cents)
    named = b"" if soundfont == SOUNDFONT else f" {soundfont.name}{parameters}".encode()
    digest = hashlib.sha256(data + f"{sample_rate}".encode() + named).hexdigest()[:24]
    cache = render_cache()
    cache.mkdir(parents=True, exist_ok=True)
    wav = cache / f"{digest}.wav"
    if not cached(wav):
        with tempfile.TemporaryDirectory() as tmp:
            mid, out = Path(tmp) / "in.mid", Path(tmp) / "out.wav"
            mid.write_bytes(data)
            if dry is not None:
                soundfile.write(
                    out, dry(notes, programs, seconds, sample_rate, cents), sample_rate, subtype="FLOAT"
                )
            elif timidity:
                _timidity(binary, soundfont, mid, out, sample_rate, Path(tmp))
            else:
                command = [binary, "-ni", "-q", "-g", "0.5", "-r", str(sample_rate), "-F", str(out)]
                subprocess.run([*command, str(soundfont), str(mid)], check=True, capture_output=True)
            store(out, wav)
    audio, rate = soundfile.read(wav, dtype="float32", always_2d=True)
    assert rate == sample_rate
    mono = audio.mean(axis=1)
    frames = int(seconds * sample_rate)
    mono = np.pad(mono, (0, max(0, frames - mono.size)))[:frames]
    peak = float(np.max(np.abs(mono))) or 1.0
    return (mono * (0.7 / peak)).astype(np.float32)


# What a set named in place of a soundfont is rendered by: (notes, programs, seconds, rate, cents).
DryRenderer = Callable[[list[Note], Mapping[int, int], float, int, float], Samples]


class _Checked(Protocol):
    def require(self) -> None: ...


# The renderers of sets named in place of a soundfont: each one's sets by the path that names them,
# its render function, and the keyword that function takes its set by.
_DRY_RENDERERS: tuple[tuple[Mapping[Path, _Checked], Callable[..., Samples], str], ...] = (
    (sample_render.SAMPLE_SETS, sample_render.render, "sample_set"),
    (stk_render.MODEL_SETS, stk_render.render, "model_set"),
    (waveguide_render.STRING_SETS, waveguide_render.render, "string_set"),
    (analog_render.PATCH_SETS, analog_render.render, "patch_set"),
    (formant_render.TIMBRE_SETS, formant_render.render, "timbre_set"),
    (phase_render.PHASE_SETS, phase_render.render, "phase_set"),
    (fm_render.FM_SETS, fm_render.render, "fm_set"),
    (shaper_render.SHAPER_SETS, shaper_render.render, "shaper_set"),
    (wavetable_render.WAVETABLE_SETS, wavetable_render.render, "voice_set"),
    (grain_render.GRAIN_SETS, grain_render.render, "grain_set"),
    (chip_render.CHIP_SETS, chip_render.render, "chip_set"),
    (vocoder_render.VOCODER_SETS, vocoder_render.render, "vocoder_set"),
    (tonewheel_render.TONEWHEEL_SETS, tonewheel_render.render, "tonewheel_set"),
    (modal_render.MODAL_SETS, modal_render.render, "modal_set"),
    (hammer_render.HAMMER_SETS, hammer_render.render, "hammer_set"),
    (additive_render.ADDITIVE_SETS, additive_render.render, "additive_set"),
    (jawari_render.JAWARI_SETS, jawari_render.render, "jawari_set"),
    (arithmetic_render.ARITHMETIC_SETS, arithmetic_render.render, "arithmetic_set"),
    (bore_render.BORE_SETS, bore_render.render, "bore_set"),
    (tape_render.TAPE_SETS, tape_render.render, "tape_set"),
    (bow_render.BOW_SETS, bow_render.render, "bow_set"),
    (fret_render.FRET_SETS, fret_render.render, "fret_set"),
    (pipe_render.PIPE_SETS, pipe_render.render, "pipe_set"),
    (ether_render.ETHER_SETS, ether_render.render, "ether_set"),
    (glass_render.GLASS_SETS, glass_render.render, "glass_set"),
    (flow_render.FLOW_SETS, flow_render.render, "flow_set"),
    (barrel_render.BARREL_SETS, barrel_render.render, "barrel_set"),
    (earth_render.EARTH_SETS, earth_render.render, "earth_set"),
    (bronze_render.BRONZE_SETS, bronze_render.render, "bronze_set"),
    (toy_render.TOY_SETS, toy_render.render, "toy_set"),
    (psaltery_render.PSALTERY_SETS, psaltery_render.render, "psaltery_set"),
    (trump_render.TRUMP_SETS, trump_render.render, "trump_set"),
    (gurdy_render.GURDY_SETS, gurdy_render.render, "gurdy_set"),
    (vessel_render.VESSEL_SETS, vessel_render.render, "vessel_set"),
    (mirliton_render.MIRLITON_SETS, mirliton_render.render, "mirliton_set"),
    (flame_render.FLAME_SETS, flame_render.render, "flame_set"),
    (siren_render.SIREN_SETS, siren_render.render, "siren_set"),
    (spark_render.SPARK_SETS, spark_render.render, "spark_set"),
    (stepper_render.STEPPER_SETS, stepper_render.render, "stepper_set"),
    (creature_render.CREATURE_SETS, creature_render.render, "creature_set"),
    (bird_render.BIRD_SETS, bird_render.render, "bird_set"),
    (magnet_render.MAGNET_SETS, magnet_render.render, "magnet_set"),
    (light_render.LIGHT_SETS, light_render.render, "light_set"),
    (tether_render.TETHER_SETS, tether_render.render, "tether_set"),
    (harp_render.HARP_SETS, harp_render.render, "harp_set"),
    (skin_render.SKIN_SETS, skin_render.render, "skin_set"),
    (bamboo_render.BAMBOO_SETS, bamboo_render.render, "bamboo_set"),
    (reed_render.REED_SETS, reed_render.render, "reed_set"),
    (pan_render.PAN_SETS, pan_render.render, "pan_set"),
    (steel_render.STEEL_SETS, steel_render.render, "steel_set"),
    (jet_render.JET_SETS, jet_render.render, "jet_set"),
    (lamella_render.LAMELLA_SETS, lamella_render.render, "lamella_set"),
    (bag_render.BAG_SETS, bag_render.render, "bag_set"),
    (huqin_render.HUQIN_SETS, huqin_render.render, "huqin_set"),
    (balafon_render.BALAFON_SETS, balafon_render.render, "balafon_set"),
    (clavichord_render.CLAVICHORD_SETS, clavichord_render.render, "clavichord_set"),
    (kora_render.KORA_SETS, kora_render.render, "kora_set"),
)


def _dry_renderer(soundfont: Path) -> tuple[DryRenderer, str] | None:
    """The renderer of the set of recordings, STK models, waveguide strings, analog patches, formant
    and additive timbres, phase-distortion patches, FM patches, waveshaping patches, wavetable patches,
    granular patches, a sound chip's patches, vocoder patches, tonewheel organs and free reeds, tuned
    bars, bells, plates and tines, struck and plucked keyboard strings and electric pianos, additive
    resynthesis patches, drone strings over a buzzing bridge, linear-arithmetic tones, brass and reeds,
    a tape-replay keyboard's frames, bowed strings, fretted strings, a pipe organ's ranks, early
    electronic instruments, glass and friction instruments, instruments that wind and water sound,
    mechanical music, instruments of stone, earth and wood, a gamelan's bronzes, a nursery's toys,
    psalteries plucked by hand, mouth harps plucked at the lips, strings bowed by a wheel, vessel
    flutes and blown vessels, mirlitons, singing flames, sirens, sparks and arcs, steppers and drives,
    crickets, cicadas and frogs, birds singing through the syrinx, strings, bars and forks driven by
    electromagnets, light-tone instruments, musical bows and string drums, harps or skins tuned to
    notes `soundfont` names, its set checked (require) even where the render is cached, and what its
    renders are cached under besides their notes: a digest of the set's parameters, so a patch retuned
    renders afresh (the set's files by where they sit in it, so two checkouts share a cache). None for
    a soundfont or a TiMidity++ configuration."""
    for sets, render, keyword in _DRY_RENDERERS:
        if (chosen := sets.get(soundfont)) is not None:
            chosen.require()
            parameters = repr(chosen).replace(str(soundfont.parent), "").encode()
            return partial(render, **{keyword: chosen}), " " + hashlib.sha256(parameters).hexdigest()[:16]
    return None


def _timidity(binary: str, patches: Path, mid: Path, out: Path, sample_rate: int, home: Path) -> None:
    """TiMidity++ reads /etc/timidity/timidity.cfg, then `patches`, which defines what it plays; a HOME
    of its own keeps a user's ~/.timidity.cfg out. Freeverb and chorus as MIDI's controllers set them
    (its defaults, spelt out); its default 70% volume leaves a dense mix well clear of clipping."""
    effects = ["-EFreverb=f", "-EFchorus=n", "-EFdelay=d"]
    command = [binary, "-c", str(patches), *effects, "-Ow", "-s", str(sample_rate), "-o", str(out), str(mid)]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "HOME": str(home)})


def _variable_length(value: int) -> bytes:
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))
