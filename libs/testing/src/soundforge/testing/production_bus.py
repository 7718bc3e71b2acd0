"""Mix-bus steps of a production: a transient shaper, parallel compression, an exciter, a mains hum,
an equaliser's tilt, a bus compressor's glue, a downward expander, a de-esser, a parametric
equaliser's bells, a denoiser's spectral gate, a spring tank's reverb, a DJ's high-pass sweep, a
flanger's sweep, a game console's output stage, a rotary speaker, a plate's reverb, a valve amplifier
into a speaker cabinet, a turntable's rumble, a concert hall's long reverb, a shimmer reverb, an FM
broadcast chain, a worn cassette's dropouts, a shellac 78's acoustic horn, a telephone line's codec,
a field recording across open ground, a tape deck's noise reduction mistracking, a film's optical
soundtrack, a medium-wave AM radio, a party wall, a laptop's speakers, a car's stereo, a phone
filming a gig, a Bluetooth link's SBC codec, a dummy head's far ear, a hearing aid, a phone's
speaker in a glass, a low-bitrate stream's spectral band replication, a church's column loudspeaker
heard off its axis, a wire recorder's steel wire, a carbon microphone, a two-way radio's channel and
its squelch, an off-centre LP's eccentric wow and its inner grooves, a swimming pool's underwater
loudspeaker heard under the water, a Super 8 film's magnetic stripe and its flutter, a brown wax
phonograph cylinder's hill-and-dale groove, a baby monitor's ADPCM link and its parent unit's speaker,
a railway concourse's horn loudspeakers, near and far, under its long reverb, a video call's noise
suppressor on its wideband link, an airliner's pneumatic headset over its cabin's roar, a
microcassette dictaphone's automatic level control, tape and hiss, a smartphone's speakerphone on a
call and its echo canceller's suppressor, a lift car's ceiling speaker in its small metal room, a
stadium's delay tower with the main stacks far behind it and the far stand's echo, a church's
induction loop heard on a hearing aid's telecoil, a ship's tannoy heard on its open deck, a cassette
dubbed at high speed, a megaphone held up in a town square, a sound-on-disc cinema's record in its
picture palace; and what the steps share (rms, envelope, peak_hold, reverberate)."""

from __future__ import annotations

import itertools
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import interpolate, ndimage, signal, special
from scipy.fft import next_fast_len

Signal = npt.NDArray[np.float64]

_TRANSIENT_TIMES = (0.002, 0.04)  # s: the fast and the slow envelope a transient shaper compares
_TRANSIENT_POWER = 0.8  # how hard their ratio drives the gain: attacks up, sustains down
_TRANSIENT_RANGE = (-6.0, 9.0)  # dB: the gain's floor under a sustain and its ceiling on an attack
_SQUASH_RATIO = 8.0  # the parallel copy's ratio above its threshold
_SQUASH_THRESHOLD = 0.5  # its threshold, against the music's RMS
_SQUASH_RELEASE = 0.12  # s: how fast its gain recovers once a peak has passed
_SQUASH_WET = 0.8  # the squashed copy against the dry sound, at the dry sound's RMS
_EXCITE_CORNER = 3000.0  # Hz: only what is above it is driven
_EXCITE_DRIVE = 4.0  # the highs' peak goes in at 4x the level where the curve starts to bend
_EXCITE_MIX = 0.35  # the harmonics it makes against the highs it made them from
_HUM_DB = -40.0  # a ground loop's hum against the music's RMS
_HUM_PARTIALS = (1.0, 0.6, 0.35, 0.25, 0.15, 0.1, 0.07, 0.05)  # the mains' harmonics: a buzz under it
_TILT_PIVOT = 800.0  # Hz: where a tilt equaliser turns the lows one way and the highs the other
_TILT_DB = (2.0, 4.5)  # how far each end moves, drawn, darker or brighter
_GLUE_RATIO = 2.0  # a bus compressor's ratio above its threshold
_GLUE_THRESHOLD = 0.7  # its threshold, against the music's RMS (its own level detector's)
_GLUE_TIMES = (0.03, 0.3)  # s: its attack (slow enough to let every attack through) and its release
_GLUE_WINDOW = 0.01  # s: the RMS window its detector reads
_EXPAND_THRESHOLD = 0.5  # a downward expander's threshold, against the music's RMS
_EXPAND_RATIO = 2.0  # below it, every dB the level falls the gain falls by another dB
_EXPAND_FLOOR_DB = -18.0  # the furthest it turns anything down
_EXPAND_TIMES = (0.002, 0.08)  # s: its gain opening (fast, so no attack is lost) and closing
_DEESS_CORNER = 5000.0  # Hz: a de-esser's band, everything above it (4th-order Butterworth, both ways)
_DEESS_THRESHOLD = 1.5  # its threshold, against the band's own RMS
_DEESS_RATIO = 4.0  # the band's ratio above it
_DEESS_TIMES = (0.001, 0.05)  # s: its detector's attack and release
# Hz: where a parametric equaliser's three bells are drawn (log-uniformly), one in each range
_BELLS = ((80.0, 250.0), (300.0, 2500.0), (3000.0, 8000.0))
_BELL_DB = (2.0, 6.0)  # how far each is turned up or down, drawn
_BELL_Q = (0.7, 2.0)  # how narrow each is, drawn
_GATE_FRAME = 0.046  # s: a denoiser's frames (the nearest power of two in samples), overlapping by 3/4
_GATE_DEPTH_DB = -36.0  # a bin this far under its frame's loudest is taken for noise
_GATE_FLOOR_DB = -18.0  # and turned down this far
_SPRING_DELAYS = ((0.029, 0.036), (0.039, 0.047))  # s: each of a tank's two springs' round trip, drawn
_SPRING_RT60 = (1.4, 2.6)  # s: how long its echoes take to fall 60 dB, drawn
_SPRING_STAGES = 60  # first-order all-pass sections a round trip passes: a spring's dispersion
_SPRING_ALLPASS = 0.6  # their coefficient: a low reaches the far end before a high does
_SPRING_POLE = 0.55  # a round trip's one-pole low-pass: a spring carries little above a few kHz
_SPRING_WET = 0.3  # the tank's share of the mix
_SPRING_FLOOR = 60.0  # Hz: the corner of the one-pole high-pass its return goes through
_SWEEP_FLOOR = 25.0  # Hz: a DJ filter's high-pass corner at rest, where it starts and ends
_SWEEP_TOPS = (180.0, 480.0)  # Hz: how far it is swept up, drawn
_SWEEP_PEAKS = (0.3, 0.7)  # where in the clip it is at its top, drawn (shares of its length)
_SWEEP_Q = 1.0  # its resonance: a gentle bump at the corner, never a pitch of its own
_SWEEP_BLOCK = 64  # samples its coefficients hold
_FLANGE_DELAYS = (0.0003, 0.003)  # s: a flanger's shortest and longest delay, where it sweeps between
_FLANGE_RATES = (0.1, 0.25)  # Hz: how fast it sweeps there and back, drawn (at most 4 cents of bend)
_FLANGE_MIX = 0.7  # the delayed copy against the dry sound: notches that sweep, a jet's whoosh
_CONSOLE_HIGH_PASSES = (90.0, 440.0)  # Hz: a console's output stage's two first-order high-passes
_CONSOLE_LOW_PASS = 14000.0  # Hz: and its first-order low-pass (at most 0.45 of the rate)
_CONSOLE_BEND = 0.35  # its mixer's curve: the louder the sum, the less each step adds to it
_ROTARY_CROSSOVER = 800.0  # Hz: a rotary speaker's crossover, its drum below and its horn above
_ROTARY_RATES = ((0.6, 0.9), (0.7, 1.1))  # Hz: the drum's and the horn's turns a second, drawn (chorale)
_ROTARY_RADII = (0.00015, 0.0003)  # s: how far each mouth swings toward the listener and back
_ROTARY_DEPTHS = (0.15, 0.3)  # how far each one's level dips as it turns away
_PLATE_DECAYS = (1.2, 2.2)  # s: a plate's reverb time, drawn
_PLATE_DELAY = 0.01  # s: its pre-delay
_PLATE_COMBS = (0.0297, 0.0371, 0.0411, 0.0437)  # s: its feedback combs' loops (no common divisor)
_PLATE_ALLPASSES = ((0.005, 0.7), (0.0017, 0.7))  # s, gain: the diffusers after them
_PLATE_DAMPING = 0.3  # each comb's one-pole low-pass in its loop: the highs die first
_PLATE_WET = 0.3  # its share of the mix
_CABINET_DRIVES = (1.2, 2.2)  # a valve stage's drive, drawn: the peak goes in at this many times its knee
_CABINET_BIAS = 0.2  # the valve's bias: its curve bends one side sooner, adding even harmonics too
_CABINET_FLOOR = 75.0  # Hz: a closed cabinet's second-order high-pass, where its speaker stops moving air
_CABINET_THUMP = (95.0, 140.0)  # Hz: its box's resonance, drawn
_CABINET_THUMP_DB = 4.0  # how far the resonance lifts
_CABINET_CORNERS = (5000.0, 8000.0)  # Hz: where its speaker's cone stops following, drawn (4th order)
_RUMBLE_DB = (-32.0, -24.0)  # a turntable's rumble against the music's RMS, drawn
_RUMBLE_ARM = (8.0, 14.0)  # Hz: its tone arm's resonance on the cartridge's compliance, drawn
_RUMBLE_BAND = (15.0, 45.0)  # Hz: the platter's bearing and motor, the rumble's body
_HALL_RT60S = ((2.6, 3.6), (1.8, 2.4), (1.1, 1.5))  # s: its low, middle and high bands' reverb times, drawn
_HALL_CROSSOVERS = (300.0, 2500.0)  # Hz: where those bands part (4th-order Butterworth)
_HALL_PREDELAY = (0.006, 0.012)  # s: the direct sound's lead on the first reflection, drawn
_HALL_REFLECTIONS = 12  # early reflections off its walls, within _HALL_EARLY after the pre-delay
_HALL_EARLY = 0.02  # s: close enough behind an attack to be heard as its body, never as another
_HALL_WET = 0.3  # its share of the mix
_SHIMMER_RT60S = (3.0, 5.0)  # s: a shimmer's reverb time, drawn
_SHIMMER_PREDELAY = 0.01  # s: the direct sound's lead on its tail
_SHIMMER_OCTAVE = 0.5  # the tail's octave-up copy against the tail
_SHIMMER_FRAME = 512  # samples in each short-time frame the octave is moved in: short, so that an
# attack's tail moves by no more than a frame and still starts with the attack
_SHIMMER_WET = 0.25  # its share of the mix
_EMPHASIS = 75e-6  # s: an FM broadcast's pre-emphasis time constant (75 us: the highs lifted above 2.1 kHz)
_BROADCAST_LOW_PASS = 15000.0  # Hz: the stereo multiplex's audio band (at most 0.45 of the rate)
_BROADCAST_CLIP = 0.5  # its composite clipper's ceiling, against the emphasised peak
_BROADCAST_AGC = 1.5  # s: its slow gain rider's time constant, riding every song to one level
_DROPOUTS = (0.15, 0.5)  # a worn cassette's dropouts a second, drawn
_DROPOUT_SECONDS = (0.08, 0.3)  # how long each lasts, drawn: a patch of shed oxide passing the head
_DROPOUT_DB = (3.0, 8.0)  # how far each one dips the level, drawn
_DROPOUT_HIGHS = 2.0  # the highs (above _DROPOUT_CORNER) dip this many times as far: spacing loss
_DROPOUT_CORNER = 3000.0  # Hz
_SHELLAC_BAND = (180.0, 4500.0)  # Hz: what an acoustic recording's horn and diaphragm carried
_SHELLAC_HORN = ((450.0, 700.0), (1100.0, 1600.0), (2200.0, 3200.0))  # Hz: the horn's resonances, drawn
_SHELLAC_HORN_DB = (4.0, 9.0)  # how far each one lifts, drawn
_SHELLAC_HORN_Q = (2.0, 4.0)  # how narrow each one is, drawn
_SHELLAC_HISS_DB = (-40.0, -34.0)  # the shellac's surface hiss against the music's RMS, drawn
_SHELLAC_HISS_BAND = (1500.0, 8000.0)  # Hz: where the hiss sits
_SHELLAC_CLICKS = (0.5, 2.0)  # clicks a second, drawn, at random times (never on a revolution's beat)
_SHELLAC_CLICK_DB = -20.0  # a click's peak against the music's RMS
_TELEPHONE_BAND = (300.0, 3400.0)  # Hz: a telephone channel's band
_TELEPHONE_MU = 255.0  # its codec's companding (G.711's mu-law)
_TELEPHONE_BITS = 8  # and its word length
_AIR_DISTANCES = (8.0, 40.0)  # m: how far across open ground the recorder stood from the players, drawn
_AIR_CORNER = 16000.0  # Hz: the air's low-pass corner at 10 m, falling as the square root of the distance
_GROUND_DELAYS = (0.0008, 0.0025)  # s: the bounce off the ground behind the direct sound, drawn
_GROUND_GAINS = (0.3, 0.6)  # its level against the direct sound, drawn
_WIND_DB = (-30.0, -22.0)  # the wind buffeting the microphone, against the music's RMS, drawn
_WIND_CORNER = 150.0  # Hz: its rumble lies below this
_GUSTS = (0.1, 0.4)  # Hz: how fast it gusts, drawn: far slower than any beat
_GUST_DEPTH = 0.8  # how far a gust swings the wind's level either way
_COMPANDER_WINDOW = 0.03  # s: the RMS detector both of a noise reduction's sides read
_COMPANDER_FLOOR = 1e-3  # the detector's floor, against the music's RMS: silence is lifted 30 dB at most
_COMPANDER_EMPHASIS = 2000.0  # Hz: the corner of the pre-emphasis it records with (and undoes on play)
_COMPANDER_HEADS = (6000.0, 11000.0)  # Hz: where the playing deck's worn head loses the highs, drawn
_COMPANDER_HISS_DB = -50.0  # the tape's hiss against the recorded (compressed) level
_ACADEMY_CORNERS = (4500.0, 7000.0)  # Hz: where a cinema's playback curve takes the highs away, drawn
_ACADEMY_LOW = 60.0  # Hz: and where it takes the lows
_TRACK_CLIP = (0.6, 0.85)  # a variable-area track's full width, as a share of the music's peak, drawn
_GRAIN_DB = (-42.0, -36.0)  # the film's grain noise against the music's RMS, drawn
_NOISE_REDUCTION = (0.2, 0.15)  # the bias's floor (the track's width in silence) and its time constant, s
_AM_BAND = (150.0, (2800.0, 4500.0))  # Hz: a cheap receiver's IF passband, its top drawn
_AM_DEPTH = (0.85, 1.2)  # the station's modulation depth at the music's peak, drawn: past 1 it pinches off
_SKY_DELAYS = (0.0003, 0.0012)  # s: the sky wave behind the ground wave, drawn, drifting by a third
_SKY_GAINS = (0.3, 0.8)  # its level against the ground wave, drawn
_FADING = (0.05, 0.2)  # Hz: how fast the ionosphere moves the sky wave's delay and level, drawn
_WALL_CORNERS = (
    350.0,
    700.0,
)  # Hz: where a party wall's mass starts to stop the sound (6 dB an octave), drawn
_WALL_COINCIDENCE = ((1600.0, 3200.0), 2.0)  # Hz, Q: the wall's coincidence dip, drawn, where it passes more
_WALL_COINCIDENCE_DB = 6.0  # how far that lifts
_WALL_NOISE_DB = (-46.0, -38.0)  # the listener's own room (its air, a fridge, a street) against the music
_LAPTOP_FLOORS = (130.0, 210.0)  # Hz: where a laptop's small speakers stop moving air, drawn (4th order)
_LAPTOP_TOP = 11000.0  # Hz: where they stop following (2nd order)
_LAPTOP_RESONANCE = ((700.0, 1300.0), 1.5, 5.0)  # Hz drawn, Q and dB: their enclosure's honk
_BASS_DRIVES = (2.0, 4.0)  # a bass enhancer's drive on the lows it cannot play, drawn
_BASS_MIX = 0.6  # the harmonics it makes against the lows it made them from
_DOOR_BAND = ((55.0, 90.0), (6000.0, 9000.0))  # Hz: a car door's speakers' floor and top, each drawn
_CABIN_MODE = ((60.0, 110.0), 1.2, (5.0, 9.0))  # Hz drawn, Q, dB drawn: the cabin's first standing wave
_CABIN_LINING = (3500.0, 6000.0)  # Hz: where the seats and the roof lining soak up the highs, drawn
_ROAD_DB = (-28.0, -20.0)  # the tyres' and the engine's roar against the music's RMS, drawn
_ROAD_CORNER = 250.0  # Hz: the roar lies below this (2nd order)
_WIND_HISS_DB = (-46.0, -40.0)  # the wind past the mirrors, against the music's RMS, drawn
_WIND_HISS_BAND = (1500.0, 6000.0)  # Hz: where the wind hisses
_PHONE_FLOORS = (180.0, 300.0)  # Hz: where a phone's microphone and its wind filter cut, drawn (4th order)
_PHONE_TOP = (7000.0, 10000.0)  # Hz: where its microphone's highs fall (2nd order), drawn
_PHONE_AGC = (1.5, 3.0)  # s: its automatic gain control's time constant, drawn: far slower than a beat
_PHONE_AGC_RANGE = 0.5  # how far the gain control closes a level's gap to its target (its slope)
_CROWD_DB = (-30.0, -22.0)  # the crowd's murmur around the phone, against the music's RMS, drawn
_CROWD_BAND = (250.0, 2500.0)  # Hz: where its voices sit
_CROWD_SWELLS = (0.03, 0.12)  # Hz: how fast the murmur swells and ebbs, drawn
_SBC_BANDS = 8  # a Bluetooth link's SBC codec: its subbands (a filter bank of 2 x 8-sample frames)
_SBC_BLOCKS = 16  # the frames a scale factor and a bit allocation hold for
_SBC_BITPOOLS = (16.0, 26.0)  # bits a block's subbands share per frame, drawn: a crowded link's low pool
_SBC_OFFSETS = (-2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)  # its loudness allocation's offsets, low to high
_SBC_MOST = 16  # bits a subband is given at most
_SHADOW = ((1200.0, 2200.0), (6.0, 11.0))  # Hz, dB, drawn: the head's shadow taking the far ear's highs
_EAR_CANAL = ((2500.0, 3100.0), 2.0, (8.0, 12.0))  # Hz drawn, Q, dB drawn: the ear canal's quarter wave
_CONCHA = ((4600.0, 5600.0), 3.0, 5.0)  # Hz drawn, Q and dB: the concha's resonance
_PINNA_NOTCH = ((6500.0, 9500.0), 4.0, (-16.0, -10.0))  # Hz drawn, Q, dB drawn: the pinna's notch
_AID_EDGES = (500.0, 1500.0, 3500.0)  # Hz: where a hearing aid's four compression channels meet
_AID_FITTING = (0.0, 6.0, 14.0, 20.0)  # dB: the gain each channel gives a sloping high-frequency loss
_AID_FITTING_SPREAD = 4.0  # dB: how far each channel's fitted gain is drawn about its prescription
_AID_RATIOS = (1.5, 3.0)  # its compression ratio over the knee, drawn
_AID_KNEE_DB = -18.0  # dB against each channel's RMS: the knee above which it compresses
_AID_TIME = 0.08  # s: each channel's level follower (a one-pole, far slower than a cycle of a note)
_AID_RECEIVER = (5000.0, 7000.0)  # Hz: where the aid's receiver's highs fall (2nd order), drawn
_AID_NOISE_DB = -52.0  # its microphone's hiss against the music's RMS
_GLASS_SPEAKER = (250.0, 350.0)  # Hz: a phone's loudspeaker's floor (2nd order), drawn
_GLASS_TOP = 9000.0  # Hz: its top (2nd order)
_GLASS_DEPTHS = (0.09, 0.14)  # m: the glass's depth, drawn: a quarter wave and its odd harmonics
_GLASS_RESONANCES = ((1, 9.0), (3, 6.0), (5, 4.0))  # (odd multiple, dB) each, Q _GLASS_Q
_GLASS_Q = 5.0
_SOUND_SPEED = 343.0  # m/s
_SBR_CROSSOVERS = (4500.0, 6500.0)  # Hz: where a stream's coded band ends and its replicated one starts
_SBR_FRAME = 512  # samples: the replication's frames (a quarter of one apart)
_SBR_BANDS = 6  # the replicated highs' envelope: its bands, each one level a frame
_SBR_STEP_DB = 3.0  # the envelope's levels are sent in steps of this
_SBR_NOISE_DB = (-18.0, -10.0)  # the noise floor added in each band against its level, drawn
_COLUMN_DRIVERS = (4, 8)  # a column loudspeaker's drivers in a vertical line, drawn
_COLUMN_PITCH = 0.1  # m: between two drivers' centres
_COLUMN_ANGLES = (8.0, 25.0)  # degrees: how far off the column's axis a listener in the pews sits, drawn
_COLUMN_BAND = (180.0, 7000.0)  # Hz: a small driver's passband (2nd order)
_COLUMN_LINE = (80.0, 140.0)  # Hz: the 100-volt line's transformer's floor (1st order), drawn
_WIRE_BAND = ((120.0, 200.0), (3500.0, 5500.0))  # Hz: a wire recorder's floor and top, drawn (2nd order)
_WIRE_TOE = (0.004, 0.012)  # the magnetisation curve's toe without bias, against the peak, drawn
_WIRE_KNEE = 1.5  # its saturation: the peak goes in at this many times where the curve bends
_WIRE_TWIST = ((0.3, 1.2), (0.4, 0.8))  # Hz and depth, drawn: the wire twisting under the head
_WIRE_TWIST_CORNER = 1500.0  # Hz: the highs a twisted track's azimuth loses (2nd order)
_WIRE_HISS_DB = (-48.0, -42.0)  # the wire's hiss against the music's RMS, drawn, over its highs
_CARBON_CURVE = (0.1, 0.25)  # a carbon button's square-law share at the peak, drawn: its even harmonics
_CARBON_BAND = (250.0, (3200.0, 4000.0))  # Hz: its floor and its top, drawn (2nd order)
_CARBON_DIAPHRAGM = ((900.0, 1600.0), (2.0, 3.0), (6.0, 10.0))  # Hz, Q and dB, drawn: its resonance
_CARBON_FRY_DB = (-40.0, -34.0)  # the granules' frying against the music's RMS, drawn
_CARBON_FRY_BAND = (1500.0, 6000.0)  # Hz: where the frying sits
_CARBON_FRY_FLOOR = 0.2  # the frying in silence against its loudest, the rest following the music
_CARBON_PACKING = ((0.05, 0.15), 1.0)  # Hz drawn, dB: the granules packing and loosening
_WALKIE_AGC = ((0.3, 0.8), 0.6)  # s drawn, slope: a handheld's microphone gain rider and how far it closes
_WALKIE_EMPHASIS = 300.0  # Hz: the transmitter lifts what is above it, the receiver lowers it back
_WALKIE_DEVIATION = (0.35, 0.6)  # the deviation limiter's ceiling, against the emphasised peak, drawn
_WALKIE_SPLATTER = 3000.0  # Hz: the splatter filter after the limiter (4th order)
_WALKIE_BAND = (300.0, 3000.0)  # Hz: the receiver's audio band (4th order)
_WALKIE_NOISE_DB = (-34.0, -26.0)  # the channel's noise against the music's RMS, drawn
_WALKIE_FADING = ((0.1, 0.3), (4.0, 8.0))  # Hz and dB, drawn: the carrier's slow fading lifting the noise
_WALKIE_TAIL = ((0.12, 0.22), (-12.0, -8.0))  # s and dB drawn: the squelch tail when it is unkeyed
_LP_TURNS = (100.0 / 3.0 / 60.0, 45.0 / 60.0)  # turns a second: an LP's 33 1/3 rpm or a single's 45, drawn
_LP_RADII = (0.062, 0.09)  # m: where the stylus sits at the clip's start, drawn (toward a side's end)
_LP_GROOVE_PITCH = 0.00008  # m: how far inward the stylus moves each turn
_LP_ECCENTRICITY = (0.00006, 0.00017)  # m: the spindle hole off the groove's centre, drawn (under 5 cents)
_LP_TRACING = (25e-6, 40e-6)  # m: the shortest groove wavelength the stylus tip traces, drawn
_LP_PINCH = (0.04, 0.1)  # the tracing distortion's share at 62 mm, drawn, growing as the radius shrinks
_LP_PINCH_CORNER = 1500.0  # Hz: the highs whose curvature the tip cannot follow
_POOL_SPEAKER = (150.0, 9000.0)  # Hz: an underwater loudspeaker's passband (2nd order)
_POOL_RESONANCE = ((500.0, 900.0), 1.5, 5.0)  # its piston's resonance: Hz drawn, Q, dB
_WATER_SPEED = 1480.0  # m/s: sound in water
_POOL_GEOMETRY = ((1.0, 1.5), (0.8, 1.5), (3.0, 8.0))  # m drawn: the speaker's depth, the swimmer's, apart
_POOL_RT60 = (0.5, 1.0)  # s drawn: the tiled tank's reverb
_POOL_WET = 0.3  # the tank's tail against the direct sound and the surface's reflection
_POOL_HEARING = (2500.0, 5000.0)  # Hz drawn: a swimmer's head heard by bone conduction (2nd order)
_POOL_PUMPS_DB = (-36.0, -28.0)  # the filtration's pumps and bubbles against the music's RMS, drawn
_POOL_PUMPS_BAND = (100.0, 3000.0)  # Hz: where they sit
_STRIPE_FRAMES = (18.0, 24.0)  # frames a second, one drawn: the claw pulls the film down once a frame
_STRIPE_FLUTTER = (0.0015, 0.0035)  # the film's speed past the sound head swinging by this share, drawn
_STRIPE_BAND = ((60.0, 100.0), (5000.0, 8000.0))  # Hz drawn: the narrow stripe's floor and top (2nd order)
_STRIPE_HISS_DB = (-42.0, -34.0)  # the stripe's hiss against the music's RMS, drawn
_STRIPE_HISS_CORNER = 2000.0  # Hz: the hiss lies above it (1st order)
_CYLINDER_TURNS = 160.0 / 60.0  # turns a second: a brown wax cylinder's 160 rpm
_CYLINDER_RADIUS = 0.0278  # m: the groove's radius on a standard 2 3/16-inch cylinder
_CYLINDER_DEPTH = (6e-6, 14e-6)  # m drawn: the hill-and-dale groove's loudest swing up and down
_CYLINDER_BALL = (0.0001, 0.00016)  # m drawn: the reproducer's sapphire ball's radius
_CYLINDER_BAND = ((180.0, 300.0), (2800.0, 4200.0))  # Hz drawn: the horn's and diaphragm's band (2nd order)
_CYLINDER_DIAPHRAGM = ((1200.0, 2400.0), 2.5, (5.0, 9.0))  # its mica diaphragm's resonance: Hz, Q, dB drawn
_CYLINDER_SWISH_DB = (-36.0, -28.0)  # the wax's surface noise against the music's RMS, drawn
_CYLINDER_SWISH_BAND = (400.0, 6000.0)  # Hz: where it sits (2nd order)
_CYLINDER_SWISH_SWELL = (0.1, 0.25)  # the swish's swing once a turn, drawn: the wax worn out of round
_MONITOR_RATE = 8000  # Hz: a DECT link's sampling
_MONITOR_PEAK = (6000.0, 20000.0)  # the loudest sample the nursery unit's gain sends, of 32767, drawn
_MONITOR_NURSERY = ((0.3, 0.6), 0.25)  # s drawn and share: the nursery's reverb as its microphone hears it
_MONITOR_SPEAKER = ((350.0, 550.0), (3000.0, 3400.0))  # Hz drawn: the parent unit's speaker (2nd order)
_MONITOR_RESONANCE = ((700.0, 1300.0), 2.0, 6.0)  # the speaker's cone in its small box: Hz drawn, Q, dB
# IMA ADPCM's quantiser steps and how each code moves along them (the link codes 4 bits a sample).
_ADPCM_STEPS = (
    7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80,
    88, 97, 107, 118, 130, 143, 157, 173, 190, 209, 230, 253, 279, 307, 337, 371, 408, 449, 494, 544, 598,
    658, 724, 796, 876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327,
    3660, 4026, 4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289,
    16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767,
)  # fmt: skip
_ADPCM_MOVES = (-1, -1, -1, -1, 2, 4, 6, 8)
_CONCOURSE_HORN = ((150.0, 220.0), (4500.0, 6000.0))  # Hz drawn: a re-entrant horn's band (2nd order)
_CONCOURSE_THROAT = ((1400.0, 2400.0), 3.0, (5.0, 9.0))  # its folded throat's resonance: Hz, Q, dB drawn
_CONCOURSE_DISTANCES = ((5.0, 9.0), (1.0, 4.0))  # m drawn: the nearer horn, and how much farther the other
_CONCOURSE_RT60 = (2.5, 4.0)  # s drawn: the concourse's stone and glass hall
_CONCOURSE_WET = 0.35  # its reverb's share of the mix
_CONCOURSE_CROWD_DB = (-38.0, -32.0)  # the travellers' murmur and footsteps against the music, drawn
_CONCOURSE_CROWD_BAND = (200.0, 3000.0)  # Hz: where it sits (2nd order)
_CALL_RATE = 16000  # Hz: a wideband call's sampling
_CALL_BAND = (100.0, 7000.0)  # Hz: its codec's passband (4th order, both ways)
_CALL_FRAME = 0.02  # s: a packet's audio (and the suppressor's hop)
_CALL_MEMORY = (1.0, 2.0)  # s drawn: how far back the suppressor's noise estimate takes its minimum
_CALL_OVER = (1.5, 2.5)  # drawn: how much of the estimate it takes away (over-subtraction)
_CALL_FLOOR_DB = -14.0  # the furthest it turns a bin down
_CALL_SMOOTH = 0.7  # its per-bin power's one-pole smoothing from frame to frame
_AIRLINE_DRIVER = ((200.0, 300.0), (4500.0, 6000.0))  # Hz drawn: the armrest transducer's band (2nd order)
_AIRLINE_TUBE = (0.8, 1.2)  # m drawn: the hollow tube from the armrest's transducer to the ear
_AIRLINE_REFLECTION = (0.25, 0.45)  # drawn: what the ear's end of the tube sends back down it
_AIRLINE_LOSS = 0.006  # nepers a metre per sqrt(Hz): the tube's walls taking the highs as they go
_AIRLINE_ROAR_DB = (-24.0, -16.0)  # the cabin's roar through the headset's loose cups, against the music
_AIRLINE_ROAR_CORNER = (350.0, 700.0)  # Hz drawn: where the roar falls off (2nd order)
_DICTAPHONE_ALC = ((0.005, 0.012), (1.0, 3.0), 10.0)  # s drawn: attack; s drawn: release; the most it lifts
_DICTAPHONE_ALC_BLOCK = 0.001  # s: the steps its level detector moves in
_DICTAPHONE_ROOM_DB = (-46.0, -40.0)  # the room's noise at the built-in microphone, against the music
_DICTAPHONE_BAND = ((200.0, 300.0), (3500.0, 5000.0))  # Hz drawn: a microcassette at 2.4 cm/s (2nd order)
_DICTAPHONE_FLUTTER = ((3.0, 6.0), (0.0008, 0.0015))  # Hz drawn: the capstan's turns; its speed swing, drawn
_DICTAPHONE_HISS_DB = (-34.0, -28.0)  # the tape's hiss against the music, drawn
_DICTAPHONE_HISS_CORNER = 2000.0  # Hz: the hiss's first-order high-pass
_SPEAKERPHONE_RATE = 16000  # Hz: a wideband mobile call's sampling (AMR-WB)
_SPEAKERPHONE_BAND = ((90.0, 160.0), 7000.0)  # Hz: the call's band, its low edge drawn (4th order, both ways)
_SPEAKERPHONE_TALK = ((0.4, 1.6), (1.0, 4.0))  # s drawn: each of the far end's talk spurts; each pause
_SPEAKERPHONE_DUCK_DB = (9.0, 18.0)  # drawn: how far the suppressor turns the song down while they talk
_SPEAKERPHONE_TIMES = (0.015, 0.3)  # s: the suppressor's attack and release
_SPEAKERPHONE_BLOCK = 0.001  # s: the steps the suppressor's depth moves in
_SPEAKERPHONE_COMFORT_DB = (-44.0, -38.0)  # the comfort noise it fills with, against the music, drawn
_SPEAKERPHONE_TABLE = (
    (0.0004, 0.0012),
    (0.3, 0.5),
)  # s drawn: the table's bounce behind the direct; its share
_LIFT_SPEAKER = ((250.0, 400.0), (5000.0, 7000.0))  # Hz drawn: a ceiling panel's small cone (2nd order)
_LIFT_CONE = ((700.0, 1200.0), 2.0, (6.0, 9.0))  # its resonance behind the panel: Hz drawn, Q, dB drawn
_LIFT_CAR = ((2.2, 2.5), (0.6, 0.9))  # m drawn: the car's height; the ear's distance under the ceiling
_LIFT_FLOOR = 0.5  # the floor's reflection against the direct sound (a hard floor, a distance farther)
_LIFT_RT60 = ((0.3, 0.5), 0.3)  # s drawn: the metal car's reverb; its share of the mix
_LIFT_RIDE_DB = (-30.0, -22.0)  # the hoist's rumble and the car's fan against the music, drawn
_LIFT_RIDE_CORNER = (180.0, 400.0)  # Hz drawn: where the ride's noise falls off (2nd order)
_STADIUM_HORN = ((70.0, 110.0), (8000.0, 11000.0))  # Hz drawn: a delay tower's horns' band (2nd order)
_STADIUM_MAIN = (
    (90.0, 160.0),
    (0.4, 0.7),
)  # m drawn: the main stacks' distance; their level against the tower's
_STADIUM_HAAS = (0.008, 0.02)  # s drawn: how far behind the main stacks' sound the tower is set to sound
_STADIUM_STAND = (
    (40.0, 80.0),
    (0.06, 0.12),
)  # m drawn: the far stand's distance past the ear; its echo's share
_STADIUM_RT60 = ((1.8, 3.0), (0.15, 0.25))  # s drawn: the open bowl's reverb; its share of the mix, drawn
_STADIUM_CROWD_DB = (-32.0, -26.0)  # the crowd's murmur against the music, drawn
_STADIUM_CROWD_BAND = (200.0, 2500.0)  # Hz: the crowd's band (2nd order)
_TELECOIL_ALC = ((0.3, 1.0), (2.0, 3.0))  # s drawn: the loop driver's level control's release; its ratio
_TELECOIL_ATTACK = 0.005  # s: how fast the level control turns an attack down
_TELECOIL_METAL = ((1200.0, 2500.0), (4.0, 9.0))  # Hz, dB drawn: the floor's steel taking the loop's highs
_TELECOIL_BAND = ((200.0, 300.0), (4000.0, 5000.0))  # Hz drawn: the coil and the aid's T program (2nd order)
_TELECOIL_MAINS_DB = (-34.0, -28.0)  # the building's stray mains field in the coil against the music
_TELECOIL_RECEIVER = (
    (2500.0, 3200.0),
    2.0,
    (5.0, 8.0),
)  # the aid's receiver's resonance: Hz drawn, Q, dB drawn
_TELECOIL_HISS_DB = (-50.0, -44.0)  # the aid's own circuit's hiss against the music, drawn
_TANNOY_HORN = ((160.0, 260.0), (4000.0, 6000.0))  # Hz drawn: a marine re-entrant horn's band (2nd order)
# The tannoy's driver's diaphragm resonance: Hz drawn, Q, dB drawn.
_TANNOY_DRIVER = ((1800.0, 3000.0), 3.0, (4.0, 7.0))
# m drawn: the deckhouse's steel wall to the bulwark; each one's reflection, drawn.
_TANNOY_BULKHEADS = ((2.5, 4.5), (0.35, 0.5))
_TANNOY_FLUTTERS = 8  # the bounces between them that are heard
_TANNOY_STEEL = (2000.0, 4000.0)  # Hz drawn: what each bounce off painted steel keeps (1st order)
# A diesel's rpm drawn; its cylinders drawn; its knock's dB against the music, drawn.
_TANNOY_ENGINE = ((500.0, 900.0), (6, 8), (-30.0, -24.0))
_TANNOY_ENGINE_CORNER = 160.0  # Hz: the hull carries the engine's knock under it (2nd order)
_TANNOY_SEA = ((0.08, 0.17), (-32.0, -26.0))  # Hz drawn: the swell's rate; the wash's level, drawn
_TANNOY_SEA_BAND = (250.0, 2500.0)  # Hz: the wash along the hull (2nd order)
_TANNOY_WIND = ((300.0, 600.0), (-34.0, -28.0))  # Hz drawn: the wind's rumble's corner; its level, drawn
_DUB_SPEED = 0.0476  # m/s: a compact cassette's tape speed
_DUB_TRACK = 0.00061  # m: one of its four tracks' width
_DUB_AZIMUTH = (20.0, 40.0)  # arc minutes drawn: the dubbing head tilted against the first tape's track
_DUB_HISS_DB = ((-46.0, -40.0), (-44.0, -38.0))  # the first tape's hiss and the copy's, drawn
_DUB_HISS_CORNER = 2000.0  # Hz: tape hiss lies above it (1st order)
# Hz, dB drawn: the copy's highs lost to a bias set for the normal speed, recorded at twice it.
_DUB_SHELF = ((3500.0, 6000.0), (3.0, 7.0))
_DUB_BUMP = ((55.0, 95.0), 1.5, (2.0, 3.5))  # the playback heads' low bump: Hz drawn, Q, dB drawn
# m drawn: the wound copy's layer's radius; the pre-echo's dB, drawn; how many dB the post-echo is under it.
_DUB_PRINT = ((0.011, 0.025), (-52.0, -44.0), 4.0)
# Hz drawn: a parade megaphone's folded re-entrant horn's band, its bell 25-30 cm (2nd order); its
# driver and throat's resonance: Hz drawn, Q, dB drawn.
_MEGAPHONE_HORN = ((150.0, 240.0), (3200.0, 4800.0))
_MEGAPHONE_THROAT = ((1100.0, 2000.0), 2.5, (5.0, 9.0))
_MEGAPHONE_DRIVE = (1.2, 2.5)  # drawn: how far past its battery's rails its amplifier is driven (tanh)
_MEGAPHONE_DISTANCE = (15.0, 40.0)  # m drawn: across the town square to the listener
_MEGAPHONE_AIR = 0.0017  # dB a metre the air takes at 1 kHz, growing as the frequency's square
# m drawn: the listener to the facade behind; its reflection, drawn; what the stone keeps, Hz drawn.
_MEGAPHONE_FACADE = ((4.0, 9.0), (0.15, 0.25), (3000.0, 5000.0))
_MEGAPHONE_CROWD = ((0.05, 0.2), (-26.0, -20.0))  # Hz drawn: the crowd's swell; its murmur's dB, drawn
_MEGAPHONE_CROWD_BAND = (200.0, 2000.0)  # Hz: the crowd's voices (2nd order)
_VITAPHONE_BAND = ((80.0, 120.0), (4500.0, 6000.0))  # Hz drawn: the electrical recording's band (2nd order)
_VITAPHONE_RPM = 100.0 / 3.0  # the sixteen-inch disc's turns a minute
_VITAPHONE_RADIUS = (0.06, 0.19)  # m drawn: where on the disc, played from the inside out, the clip falls
_VITAPHONE_TRACE = 6.25e-5  # m: the shortest wavelength the steel needle traces (1st order, v / this)
_VITAPHONE_SURFACE = ((-36.0, -30.0), 0.3)  # the shellac's hiss, dB drawn; how much it swells each turn
_VITAPHONE_CRACKLE = ((2.0, 6.0), (-52.0, -46.0), 0.0008)  # a second drawn; dB drawn; s each dies over
_VITAPHONE_HORNS = ((90.0, 140.0), (4000.0, 5500.0))  # Hz drawn: the screen's horns' band (2nd order)
_VITAPHONE_HALL = ((1.2, 2.2), (0.02, 0.04), 0.25)  # the picture palace: RT60 s, pre-delay s, drawn; wet
# Frames a second of the projector's intermittent; its clatter through the booth's port: dB drawn, Hz.
_VITAPHONE_PROJECTOR = (24.0, (-44.0, -38.0), (1000.0, 3000.0))
_DRIVE_IN_BAND = ((50.0, 15000.0), (4000.0, 7000.0))  # the transmitter's Hz; the radio's high blend, Hz drawn
_DRIVE_IN_HISS_DB = (-40.0, -30.0)  # the weak carrier's FM hiss after de-emphasis, against the music
_DRIVE_IN_EMPHASIS = 75e-6  # s: the pre-emphasis the radio's de-emphasis undoes, which shapes the hiss
_DRIVE_IN_DASH = ((120.0, 200.0), (5000.0, 8000.0))  # the dashboard speaker's passband, Hz drawn
_DRIVE_IN_CABIN = ((70.0, 120.0), 1.2, (4.0, 8.0))  # the parked car's first standing wave: Hz, Q, dB
_DRIVE_IN_LOT = ((2, 4), (4.0, 25.0), 0.7, (2000.0, 4000.0))  # cars, m drawn, m to one's own speaker, Hz
_DRIVE_IN_FAN_DB = ((-42.0, -34.0), (60.0, 400.0))  # the car's blower fan against the music, drawn; Hz
_EARBUDS_DRIVER = ((120.0, 250.0), (7000.0, 10000.0))  # its diaphragm's resonance, its top: Hz drawn
_EARBUDS_HEAD = ((0.0004, 0.0007), 0.6, 1500.0)  # the far ear's leak round the head: s drawn, share, Hz
_EARBUDS_CARRIAGE = ((0.3, 0.6), (0.008, 0.015), 0.2)  # the carriage's RT60 and pre-delay, s drawn; wet
_EARBUDS_TRAIN_DB = ((-14.0, -8.0), 25.0, (180.0, 300.0))  # the wheels' and motors' roar: dB, Hz, Hz drawn
_EARBUDS_AIR_DB = ((-36.0, -30.0), (800.0, 4000.0))  # the air past the carriage, dB drawn, Hz
_CRYSTAL_BAND = (100.0, (4000.0, 5000.0))  # Hz: the station's audio band, its top drawn (2nd order)
_CRYSTAL_DEPTH = (0.6, 0.9)  # the station's modulation depth at the music's peak, drawn
_CRYSTAL_LAW = (0.3, 0.7)  # the cat's whisker's square-law share at a weak carrier, drawn
# The headphones: their band, Hz; the steel diaphragm's resonance, Hz drawn; its Q; its lift, dB drawn.
_CRYSTAL_PHONES = ((250.0, 3500.0), (800.0, 1200.0), 3.0, (8.0, 12.0))
_CRYSTAL_STATIC = ((-38.0, -30.0), (0.1, 0.4), 0.6)  # the atmospherics' dB, drawn; swells, Hz drawn; depth
_UNDERPASS_AMP = ((90.0, 130.0), (6000.0, 8000.0))  # the busker's amplifier's speaker: Hz drawn
_UNDERPASS_CLIP = ((1.5, 3.0), (0.2, 0.4), 0.3)  # its drive and its battery's sag, drawn; s it recovers
_UNDERPASS_WALLS = ((2.5, 4.0), (0.35, 0.5), 0.4)  # m apart, a bounce's reflection, drawn; its pole
_UNDERPASS_TUNNEL = ((1.2, 2.0), 0.25)  # the tunnel's diffuse RT60, s drawn; the reverb's wet share
# The traffic overhead: its dB, drawn; its band's floor and its top, Hz drawn; lorries' swells, Hz drawn.
_UNDERPASS_TRAFFIC = ((-32.0, -26.0), 30.0, (120.0, 250.0), (0.05, 0.2))
# A string telephone's cans: their bottoms' band, Hz (its top drawn); their two plate modes, Hz drawn; Q;
# their lift, dB drawn.
_STRING_CANS = ((300.0, (3500.0, 4500.0)), ((700.0, 1100.0), (1800.0, 2600.0)), 4.0, (6.0, 10.0))
# The string: m, m/s, the far can's reflection, drawn; the one-pole low-pass a round trip passes.
_STRING_LINE = ((8.0, 20.0), (900.0, 1400.0), (0.05, 0.1), 0.5)
_STRING_LOSS = (2500.0, 4000.0)  # Hz: the string's low-pass over its length, drawn
_STRING_RUB = ((-34.0, -28.0), (1000.0, 5000.0))  # the hand's rub on the string: dB drawn, Hz
_STRING_SLACK = ((0.2, 0.5), 0.15)  # the holder's arm slackening the string: Hz drawn; depth
_CAMPFIRE_PHONE = ((250.0, 400.0), (7000.0, 9000.0))  # a phone's speaker by the fire: Hz drawn
_CAMPFIRE_PLUME = ((2.0, 8.0), (0.08, 0.15))  # the plume's scintillation: its corner Hz, its depth, drawn
_CAMPFIRE_HISS = ((-40.0, -34.0), (1500.0, 8000.0))  # the embers' and the burning sap's hiss: dB drawn, Hz
_CAMPFIRE_ROAR = ((-30.0, -24.0), 300.0)  # the flames' roar: dB drawn, its top Hz
# A laser microphone's window pane: its first mode, Hz drawn; its Q (the putty damps it), drawn.
_LASER_PANE = ((45.0, 110.0), (3.0, 6.0))
# A square pane's modes a pressure across it drives (odd both ways): (m, n) at (m^2 + n^2) / 2 times
# the first, each taken at 1 / (m n)^2 of it (its share of the pane's area swinging one way).
_LASER_MODES = ((1, 1), (1, 3), (3, 1), (3, 3))
_LASER_LIFT = (2500.0, 3500.0)  # Hz drawn: where the eavesdropper's 12 dB an octave lift stops
_LASER_FLOOR = (60.0, 90.0)  # Hz drawn: the receiver's high-pass under the building's sway (2nd order)
_LASER_SPECKLE = ((0.05, 0.2), (0.2, 0.35))  # the spot wandering on the detector: Hz, depth, drawn
_LASER_SHOT = (-50.0, -44.0)  # the photodiode's shot noise, dB drawn (louder, its start reads as an onset)
_LASER_TRAFFIC = ((-38.0, -32.0), 150.0)  # the street shaking the pane: dB drawn, its top Hz
_SHOWER_SPEAKER = ((150.0, 250.0), (6000.0, 8000.0))  # a waterproof speaker hung in the cubicle: Hz drawn
# The cubicle: its width, depth and height, m drawn; its axial modes' Q; their lift, dB drawn.
_SHOWER_CUBICLE = (((0.8, 1.0), (0.8, 1.2), (2.0, 2.3)), 10.0, (4.0, 7.0))
_SHOWER_MODES = 600.0  # Hz: the axial modes taken lie under it (above, they crowd into the reverb)
_SHOWER_TILES = ((0.5, 0.9), 0.35)  # the tiles' RT60, s drawn; the reverb's wet share
# The spray's hiss and the water drumming on the tray: dB drawn, Hz. Louder, a burst of either at the
# clip's start reads as an onset (seen on the production test's clicks).
_SHOWER_SPRAY = ((-46.0, -40.0), (1500.0, 12000.0))
_SHOWER_TRAY = ((-46.0, -40.0), (200.0, 1500.0))
# A stage in a forest clearing heard through the trees: the distance, m drawn; the share of it under
# the trees, drawn; the stage's loudspeakers' and the listener's ears' heights, m drawn.
_WOODLAND_PATH = ((40.0, 120.0), (0.5, 0.9), (3.0, 6.0), (1.4, 1.8))
_WOODLAND_AIR = ((8.0, 22.0), (55.0, 90.0))  # the air's temperature, C, and relative humidity, %, drawn
# The foliage's loss, dB a metre, at the octave bands from 63 Hz to 8 kHz (ISO 9613-2's Table A.1, for
# 20-200 m of foliage), over at most so many metres.
_WOODLAND_FOLIAGE = (
    (63.0, 125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0),
    (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.09, 0.12),
    200.0,
)
_WOODLAND_FLOOR = (10e3, 60e3)  # the forest floor's flow resistivity, Pa s/m^2 drawn: leaf litter, humus
# The trunks scattering the sound about: the tail's RT60, s drawn; the band they scatter (a trunk
# scatters what is short against its girth), Hz; the tail's wet share, drawn.
_WOODLAND_TRUNKS = ((1.0, 2.0), (400.0, 8000.0), (0.15, 0.3))
# The leaves rustling in the breeze: dB drawn, Hz, the breeze's rates (Hz) and depth, drawn.
_WOODLAND_LEAVES = ((-46.0, -40.0), (1500.0, 9000.0), (0.05, 0.15), (0.2, 0.4))
_AIR_DENSITY = 1.2  # kg/m^3
# A piano with its sustain pedal held: its A4, Hz drawn; its notes (A0-C8); the first note of its
# pairs and of its trios of strings (those under the pairs single); how far a unison's strings are
# mistuned, cents either way at most, drawn per string.
_PIANO_TUNING = (438.0, 444.0)
_PIANO_NOTES = (21, 108)
_PIANO_UNISONS = (31, 49)
_PIANO_UNISON = 1.0
# A string's inharmonicity B at C4 and how many times it grows an octave (a treble string is short
# and stiff), n f sqrt(1 + B n^2) its n-th partial; the partials taken, at most, and under what Hz.
_PIANO_STIFFNESS = (4e-4, 2.0)
_PIANO_PARTIALS = (12, 5000.0)
# The first partial's T60 at A0 and at C8, s (log-linear between); the n-th's T60 is the first's over
# 1 + (n - 1) times the third; the Hz either side of a partial its own resonance is worked out over
# (resonances: beyond them, all at once).
_PIANO_RING = (25.0, 2.0, 0.25)
_PIANO_REACH = 40.0
_PIANO_WET = (-14.0, -8.0)  # the strings' ringing against the loudspeaker's own sound, dB drawn
# A song played in a neighbour's garden, heard over the fence: a garden speaker's floor and top, Hz
# drawn; the fence's height, m drawn, and the share of its face its boards' gaps leave open, drawn.
_FENCE_SPEAKER = ((60.0, 100.0), (9000.0, 13000.0))
_FENCE_BOARDS = ((1.6, 2.1), (0.02, 0.06))
# m drawn: the speaker to the fence and its height (on a garden table), the listener to the fence and
# the ear's height (standing).
_FENCE_PLACES = ((2.0, 10.0), (0.7, 1.2), (1.0, 4.0), (1.5, 1.75))
_FENCE_HOUSE = ((1.0, 3.0), (0.7, 0.9))  # the neighbour's house wall behind the speaker: m, its reflection
_FENCE_MOST = 24.0  # dB: the most one barrier takes (the air's turbulence scatters sound into its shadow)
# The breeze buffeting the boards: dB drawn, Hz, its gusts' rates (Hz) and depth, drawn.
_FENCE_BREEZE = ((-46.0, -40.0), (20.0, 300.0), (0.05, 0.2), (0.3, 0.6))
# A song on a site radio in a workshop, heard under a pair of ear defenders: the radio's speaker, Hz
# drawn; the workshop's concrete and steel, its RT60 s drawn and its wet share drawn.
_MUFF_RADIO = ((120.0, 200.0), (6000.0, 9000.0))
_MUFF_WORKSHOP = ((0.8, 1.6), (0.15, 0.25))
# The cup, a mass on its cushion's and its air's stiffness: its resonance, Hz drawn, and its Q drawn;
# what passes it whatever its mass (the cushion's leak round the hair, the skull's bone conduction),
# dB drawn; the cup's cavity's first mode under its foam lining: Hz drawn, Q, its lift in dB drawn.
_MUFF_CUP = ((120.0, 220.0), (1.2, 2.5))
_MUFF_FLOOR = (-28.0, -20.0)
_MUFF_CAVITY = ((1800.0, 2800.0), 3.0, (3.0, 6.0))
# The wearer's blood flowing, which the closed ear hears as a low rumble (dB drawn, Hz), and the
# cushions rubbing the hair (dB drawn, Hz).
_MUFF_RUMBLE = ((-52.0, -46.0), (20.0, 150.0))
_MUFF_RUB = ((-56.0, -50.0), (300.0, 2000.0))
# A song played on a far shore, heard across a lake on a still night: the PA's floor and top, Hz
# drawn; the water between, m drawn, and the speaker's and the ear's heights above it, m drawn.
_LAKE_SPEAKER = ((70.0, 110.0), (8000.0, 12000.0))
_LAKE_PATH = ((250.0, 700.0), (1.5, 3.0), (1.2, 1.8))
_LAKE_AIR = ((4.0, 14.0), (70.0, 95.0))  # the night air's temperature, C, and relative humidity, %, drawn
_LAKE_WATER = (0.9, 0.98)  # still water's reflection, drawn: nearly rigid, a few ripples scattering
# The inversion, cool air on the water under warmer air, bending rays sent upward back down: so many
# arrivals beside the direct sound and the water's, each later by ms drawn and weaker by dB drawn.
_LAKE_INVERSION = (3, (2.0, 12.0), (-12.0, -4.0))
# The water lapping at the shore by the listener: dB drawn, Hz, its swells' rates (Hz) and depth, drawn.
_LAKE_LAPPING = ((-48.0, -42.0), (100.0, 1200.0), (0.1, 0.3), (0.3, 0.6))
# A song played by a phone under a pillow, heard by the head on it: the phone's speaker, Hz drawn;
# the pillow's fill, its flow resistivity, Pa s/m^2 drawn (polyester fibre, down), and the depth of
# it the sound crosses, m drawn; Delany and Bazley's fit holds for X = rho f / sigma in this span.
_PILLOW_PHONE = ((300.0, 500.0), (7000.0, 10000.0))
_PILLOW_FILL = ((3e3, 12e3), (0.05, 0.12))
_PILLOW_FIT = (0.01, 1.0)
# The ear pressed into the pillow, its canal closed: the occlusion's low lift (the skull's bone
# conduction kept in), Hz drawn, Q, dB drawn; the bedroom's quiet (dB drawn, Hz).
_PILLOW_OCCLUSION = ((150.0, 400.0), 0.7, (4.0, 9.0))
_PILLOW_ROOM = ((-50.0, -44.0), (40.0, 4000.0))
# A song played on a speaker in the next tent at a campsite, heard lying in one's own: the speaker's
# floor and top, Hz drawn; each tent's double wall, its inner's and its flysheet's mass, kg/m^2 drawn
# (a breathable nylon inner, a coated polyester fly), the air between them, m drawn, and the share of
# its face left open (mesh vents and a door's zip), drawn.
_TENT_SPEAKER = ((150.0, 250.0), (9000.0, 13000.0))
_TENT_WALLS = ((0.03, 0.05), (0.06, 0.1), (0.04, 0.12), (0.005, 0.03))
# The grass between the tents, m drawn, the speaker's and the ear's heights above it, m drawn, and the
# turf's flow resistivity, Pa s/m^2 drawn; Delany and Bazley's fit holds for X = rho f / sigma in this span.
_TENT_GROUND = ((3.0, 8.0), (0.1, 0.4), (0.1, 0.25), (1.5e5, 3e5))
_TENT_FIT = (0.01, 1.0)
# The night breeze stirring the flysheet: dB drawn, Hz, its gusts' rates (Hz) and depth, drawn; the
# campsite's far murmur (dB drawn, Hz).
_TENT_BREEZE = ((-44.0, -38.0), (30.0, 400.0), (0.05, 0.2), (0.3, 0.6))
_TENT_MURMUR = ((-52.0, -46.0), (200.0, 2500.0))
# A song played from a parked car's stereo, its windows down, on a multi-storey car park's deck, heard
# across the deck: the door speakers' floor and top, Hz drawn; the cabin's first standing wave, Hz
# drawn, Q, dB drawn.
_CAR_PARK_DOORS = ((50.0, 90.0), (6000.0, 9000.0))
_CAR_PARK_CABIN = ((70.0, 110.0), 2.0, (4.0, 8.0))
# The deck: the floor slab to the soffit above it, the open windows' and the ear's heights, and the
# way across, m drawn; the concrete's reflection a bounce, drawn; so many bounces at most on a path.
_CAR_PARK_DECK = ((2.1, 2.6), (0.9, 1.3), (1.5, 1.75), (8.0, 30.0), (0.9, 0.97), 6)
# The deck's air's temperature, C, and relative humidity, %, drawn.
_CAR_PARK_AIR = ((5.0, 18.0), (55.0, 85.0))
# The deck's long diffuse tail off concrete and parked cars: RT60 s drawn, its wet share drawn.
_CAR_PARK_TAIL = ((1.4, 2.6), (0.2, 0.35))
# The jet fans that push the fumes out, steady: dB drawn, Hz.
_CAR_PARK_FANS = ((-42.0, -36.0), (40.0, 1800.0))
# A song played in another office, heard through the ventilation duct joining the two rooms: the far
# room's desk speaker's floor and top, Hz drawn; the duct's side and its length, m drawn; the lining's
# absorption, (at the lowest, at the highest) and the Hz it turns over at, drawn; the near grille's
# louvres' top, Hz drawn; so many round trips end to end at most before the duct has let its sound go.
_DUCT_SPEAKER = ((120.0, 200.0), (9000.0, 12000.0))
_DUCT_SIZE = ((0.2, 0.4), (4.0, 12.0))
_DUCT_LINING = ((0.05, 0.1), (0.6, 0.8), (250.0, 700.0))
_DUCT_GRILLE = (3500.0, 6500.0)
_DUCT_TURNS = 64
# The air handler's rush down the duct, steady: dB drawn, Hz.
_DUCT_RUSH = ((-40.0, -34.0), (50.0, 2500.0))
# A song played from a phone on a landing some floors up a concrete stairwell, heard at its foot: the
# phone's floor and top, Hz drawn; the floors between, the height of a floor, and the well's width
# between its walls, m drawn; the walls' reflection a bounce, drawn; so many bounces at most.
_STAIR_PHONE = ((250.0, 450.0), (8000.0, 11000.0))
_STAIR_WELL = ((2.0, 5.0), (2.7, 3.1), (1.0, 2.4), (0.75, 0.9), 3)
# The flights' steps, each sending a little back: the step's run along the line of sight, m drawn,
# each one's reflection, drawn, and so many steps a flight.
_STAIR_STEPS = ((0.26, 0.34), (0.02, 0.05), 16)
# The shaft's long tail off bare concrete: RT60 s drawn, its wet share drawn; the street's traffic
# through the door at its foot (dB drawn, Hz).
_STAIR_TAIL = ((1.2, 2.0), (0.15, 0.3))
_STAIR_TRAFFIC = ((-46.0, -40.0), (30.0, 600.0))
# A song played from a car's stereo, its doors open, on a quarry's floor, heard from across the floor:
# the door speakers' floor and top, Hz drawn; the way across, m drawn; the air's temperature, C, and
# relative humidity, %, drawn.
_QUARRY_CAR = ((70.0, 120.0), (8000.0, 11000.0))
_QUARRY_WAY = (60.0, 140.0)
_QUARRY_AIR = ((4.0, 24.0), (40.0, 85.0))
# The quarry's worked faces, each sending the song back: so many faces; each one's path past the
# direct sound's, m drawn; its reflection, drawn (the benches and the fissures scattering the rest);
# the rms height of its face's roughness, m drawn, and the angle the sound meets it at, degrees drawn.
_QUARRY_FACES = (3, (120.0, 320.0), (0.12, 0.25), (0.01, 0.05), (15.0, 60.0))
# The pit's diffuse tail: RT60 s drawn, its wet share drawn; the wind over the rim (dB drawn, Hz, its
# gusts' rates, Hz drawn, and how deep they swing it, drawn).
_QUARRY_TAIL = ((0.8, 1.6), (0.06, 0.12))
_QUARRY_WIND = ((-42.0, -36.0), (40.0, 700.0), (0.05, 0.2), (0.3, 0.5))
# A song on a radio in a house's hall, heard on the doorstep through the front door: the radio's floor
# and top, Hz drawn; the hall's reverb, RT60 s drawn, and its wet share, drawn.
_LETTERBOX_RADIO = ((90.0, 160.0), (6000.0, 9000.0))
_LETTERBOX_HALL = ((0.4, 0.8), (0.25, 0.4))
# The door: its leaf's mass, kg/m^2 drawn, and its thickness, m; the letterbox's slot, its width and
# its height, m drawn, and the gap round its flap, m drawn; the flap's mass, kg drawn, the Hz its
# spring holds it at, drawn, and its Q; the listener's distance from the slot, m drawn.
_LETTERBOX_DOOR = ((15.0, 30.0), 0.045)
_LETTERBOX_SLOT = ((0.22, 0.3), (0.035, 0.05), (0.0008, 0.003))
_LETTERBOX_FLAP = ((0.03, 0.12), (15.0, 40.0), 4.0)
_LETTERBOX_EAR = (0.6, 1.5)
# The street behind the listener, steady: dB drawn, Hz.
_LETTERBOX_STREET = ((-42.0, -36.0), (50.0, 2000.0))
_AIR_VISCOSITY = 1.8e-5  # Pa s
# A song played loud on a parked car's stereo with its windows shut, heard on the pavement beside it:
# the stereo's floor and top, Hz drawn (its door speakers and its box under the parcel shelf).
_KERBSIDE_STEREO = ((35.0, 55.0), (8000.0, 11000.0))
# The car's cabin: its length, its width and its height, m drawn, their first axial modes lifting at
# a Q; the time constant its vents and seals let a pressure out at, s drawn.
_KERBSIDE_CABIN = (((2.2, 2.8), (1.3, 1.5), (1.0, 1.2)), 6.0, (0.05, 0.2))
# The car's side, the sound crossing it: its windows' share of it, drawn; the glass's thickness, m
# drawn, its density, kg/m^3, the speed of its plate's longitudinal waves, m/s, a pane's first mode,
# Hz drawn, and its loss factor there, held in its rubber channel, drawn, and the glass's own loss
# factor, drawn; the doors' steel skin, kg/m^2 drawn, its first mode, Hz drawn, and its loss factor
# under its deadening pads, drawn, the trim, kg/m^2 drawn, the gap between, m drawn, and the felt in
# it, the share of a wavelength's phase it takes as loss, drawn; the share its seals and vents let
# through whole, drawn; the angles, degrees, a diffuse field meets a pane at (up to field
# incidence's) and how many are taken between.
_KERBSIDE_GLASS = ((0.25, 0.4), (0.0035, 0.005), 2500.0, 5400.0, (40.0, 80.0), (0.1, 0.25), (0.01, 0.04))
_KERBSIDE_DOOR = ((5.5, 7.0), (30.0, 60.0), (0.1, 0.25), (2.0, 4.0), (0.05, 0.12), (0.15, 0.3))
_KERBSIDE_SEALS = (0.0002, 0.001)
_KERBSIDE_FIELD = (78.0, 48)
# The points from 0 Hz to half the rate the car's and the ear trumpet's filters are worked out at,
# read between them (their resonances are far wider than their spacing; gridded).
_FILTER_GRID = 8193
# The street the listener stands in, its traffic passing, steady: dB drawn, Hz.
_KERBSIDE_STREET = ((-46.0, -40.0), (40.0, 2500.0))
# A song on a wireless set in a parlour, heard through an ear trumpet: the set's loudspeaker's floor
# and top, Hz drawn; the parlour's reverb, RT60 s drawn, and its wet share, drawn.
_TRUMPET_WIRELESS = ((90.0, 150.0), (4500.0, 6500.0))
_TRUMPET_PARLOUR = ((0.4, 0.7), (0.2, 0.35))
# The trumpet, a cone: its length, its mouth's radius and its earpiece's radius, m drawn; the
# cylinders it is worked out in, a step of the cone each; Benade's wall loss, alpha = this sqrt(f) /
# a (per m, a the radius in m).
_TRUMPET_HORN = ((0.25, 0.45), (0.035, 0.06), (0.003, 0.0045), 64, 3e-5)
# The ear behind the earpiece: the canal's and the eardrum's volume, m^3 drawn (their compliance); the
# middle ear's resistance against rho c over the canal's area, drawn; the canal's radius, m.
_TRUMPET_EAR = ((1.2e-6, 2.0e-6), (0.6, 1.2), 0.0037)
# The parlour's hush (the fire in the grate, the street beyond its windows), steady, gathered by the
# trumpet with the song: dB drawn, Hz.
_TRUMPET_HUSH = ((-46.0, -40.0), (60.0, 3000.0))
# A song played from the stage of an open-air stone theatre, heard from a seat in its tiers: the
# stage's loudspeakers' floor and top, Hz drawn; the listener's way out from the stage, m drawn, and
# height over the orchestra's floor, m drawn; the loudspeakers' height over it, m drawn; the angle the
# line of sight clears the rows in front by (the tiers raked to keep it), degrees drawn; the
# listener's ear over the heads and shoulders of the rows in front, m drawn.
_THEATRE_STAGE = ((50.0, 80.0), (9000.0, 12000.0))
_THEATRE_SEAT = ((25.0, 60.0), (6.0, 18.0), (1.5, 3.0), (4.0, 12.0), (0.2, 0.4))
# The rows of seated listeners in front, the sound grazing over them: the wells between the rows, m
# deep drawn, their open share of the surface, drawn, and their loss (the clothes, the bodies) at 100
# Hz, drawn, rising as the square root of the frequency.
_THEATRE_ROWS = ((0.45, 0.8), (0.4, 0.7), (0.05, 0.12))
# The orchestra's paved floor's reflection, drawn; the stage building's (skene's) facade behind the
# loudspeakers, m drawn, and its reflection, drawn (its columns and doors scatter the rest); the
# grazing angle, degrees, under which the rows in front hide a path.
_THEATRE_STONE = ((0.85, 0.95), (2.0, 6.0), (0.5, 0.8), 0.5)
# The air of a summer's evening: C and relative humidity %, drawn; the cavea's faint tail off the
# tiers above (RT60 s drawn, its wet share drawn); the audience's rustle and the breeze in the pines,
# steady: dB drawn, Hz.
_THEATRE_AIR = ((16.0, 30.0), (30.0, 70.0))
_THEATRE_TAIL = ((0.7, 1.2), (0.04, 0.1))
_THEATRE_EVENING = ((-44.0, -38.0), (60.0, 3000.0))
# A song played by a busker's small amplifier across a park, heard with an ear at the focus of one of
# the park's whispering dishes, turned toward it: the amplifier's floor and top, Hz drawn; the way to
# it, m drawn; the dish's radius, m drawn, and its focal length against its radius, drawn; the rms
# error of its surface, m drawn (Ruze's loss); the ear's offset from the focus, m drawn.
_DISH_BUSKER = ((80.0, 150.0), (6000.0, 9000.0))
_DISH_WAY = (20.0, 60.0)
_DISH_BOWL = ((0.6, 0.9), (0.55, 0.75))
_DISH_SURFACE = (0.001, 0.004)
_DISH_EAR = (0.02, 0.05)
# The park's air (C and relative humidity %, drawn); its noise (children playing, the wind in the
# leaves), steady: dB drawn, Hz.
_DISH_AIR = ((8.0, 26.0), (40.0, 85.0))
_DISH_PARK = ((-44.0, -38.0), (80.0, 4000.0))
# A song through bone-conduction headphones on a cyclist's cheekbones, the ears left open to the road:
# the transducer's band, Hz drawn; its mass on the skin's spring over the cheekbone, their resonance,
# Hz drawn, and its Q, drawn; the skull's first resonances (its shell's ovalling), Hz drawn, each with
# its Q and its lift, drawn; the inner ear's fall above, a corner Hz drawn.
_BONE_TRANSDUCER = ((120.0, 200.0), (9000.0, 12000.0))
_BONE_SKIN = ((250.0, 450.0), (0.8, 1.4))
_BONE_SKULL = (((800.0, 1200.0), (3.0, 5.0), (1.5, 2.5)), ((1500.0, 2200.0), (4.0, 7.0), (1.2, 1.8)))
_BONE_COCHLEA = (4000.0, 6000.0)
# The traffic and the wind at the cyclist's open ears, steady: dB drawn, Hz.
_BONE_ROAD = ((-42.0, -36.0), (40.0, 2500.0))
# A song from a radio on a beach, heard with a seashell held to the ear: the radio's band, Hz drawn;
# the shell's cavity, m^3 drawn, the leak round its rim against the ear, m^2 drawn, and the leak's
# length with its end corrections, m drawn, its Q, drawn; the spiral's length from the mouth to its
# apex, m drawn, its modes' Q, drawn, and their lift, drawn.
_SHELL_RADIO = ((90.0, 160.0), (6000.0, 9000.0))
_SHELL_CAVITY = ((1.0e-4, 3.0e-4), (5.0e-5, 2.0e-4), (0.006, 0.012), (2.0, 4.0))
_SHELL_SPIRAL = ((0.15, 0.3), (6.0, 10.0), (0.6, 1.2))
# The surf on the beach, steady, gathered by the shell with the song (the sea in the shell): dB drawn,
# Hz.
_SHELL_SURF = ((-42.0, -36.0), (100.0, 5000.0))

# A song from headphones hung round the listener's neck, their cups turned up to the ears a hand's
# span away, no seal: the drivers' band, Hz drawn; each cup's back open, the sound from the driver's
# back reaching the ear round the cup's rim, the extra path, m drawn (a dipole); the collarbone and
# the chest under the cups, the extra path of their reflection, m drawn, and its share, drawn.
_NECK_DRIVERS = ((40.0, 80.0), (12000.0, 16000.0))
_NECK_RIM = (0.04, 0.07)
_NECK_CHEST = ((0.08, 0.16), (0.3, 0.5))
# The room round the listener, steady: dB drawn, Hz.
_NECK_ROOM = ((-44.0, -38.0), (60.0, 4000.0))

# A song through a motorcycle helmet's intercom, the rider at speed: its two thin speakers' band, Hz
# drawn; each speaker in its pocket of the liner a finger's width off the ear, no seal, the ear's
# little volume leaking round it into the helmet's (a first-order high-pass), its corner Hz drawn;
# the air between the head and the shell, its first two modes round the head: each one's Hz, Q and
# lift (dB), drawn.
_HELMET_SPEAKERS = ((100.0, 200.0), (6000.0, 9000.0))
_HELMET_LEAK = (200.0, 400.0)
_HELMET_CAVITY = (((380.0, 520.0), (2.5, 4.0), (3.0, 6.0)), ((900.0, 1300.0), (3.0, 5.0), (2.0, 4.0)))
# The wind over the shell, the chin bar and the neck roll at the rider's speed, km/h drawn: the
# turbulence's roar, pink from 20 Hz to a corner drawn at 100 km/h (rising with the speed), Hz; its dB
# against the music, drawn (the intercom's volume turned up with the speed keeps it under); the
# buffeting's slow swells, their rate Hz drawn and their depth drawn.
_HELMET_WIND = ((60.0, 110.0), (300.0, 600.0), (-26.0, -18.0), (0.2, 0.6), (0.2, 0.4))

# A song from a phone lying face-down on a wooden table, heard by someone sitting at it: its speaker's
# band, Hz drawn; the phone's face, its length and width, m drawn, a millimetre or two off the wood on
# its camera's bump and its case's lip, and the way from the speaker to its nearest edge, m drawn; the
# air trapped under it, its resonance's Q drawn (the thin layer's boundary layers, the air leaving its
# edge and the speaker's cone all draw on it).
_FACE_DOWN_SPEAKER = ((300.0, 450.0), (8000.0, 11000.0))
_FACE_DOWN_PHONE = ((0.14, 0.16), (0.068, 0.078), (0.015, 0.035))
_FACE_DOWN_Q = (2.0, 4.0)
# The table top shaken through the phone's body by its speaker's motor: its first bending modes, each
# one's Hz drawn, their Q drawn, and the wood's share against the air's, drawn; the top's thickness, m
# drawn, setting where it starts to radiate well (its coincidence, c^2 / 1.8 c_L t, c_L the wood's
# quasi-longitudinal wave speed along the grain).
_FACE_DOWN_TOP = (((90.0, 140.0), (220.0, 320.0), (480.0, 680.0)), (8.0, 15.0), (0.2, 0.5), (0.018, 0.03))
_WOOD_SPEED = 3500.0  # m/s
# The kitchen round the table, steady: dB drawn, Hz.
_FACE_DOWN_ROOM = ((-46.0, -40.0), (50.0, 4000.0))

# A song from a museum's audio spotlight, a flat panel of ultrasonic transducers hung over an exhibit,
# heard standing in its beam: the panel's equaliser, the song integrated twice above a corner, Hz drawn
# (the air's demodulation differentiates it twice; under the corner the panel cannot swing the
# ultrasound as far as that would need); how deep the song modulates the carrier, drawn, its envelope
# the square root of 1 + m s so that what the air squares is the song.
_SPOTLIGHT_PANEL = ((350.0, 700.0), (0.7, 0.95))
# The transducers: the carrier, Hz drawn, and their resonance's Q, drawn (a film transducer's, broad).
_SPOTLIGHT_TRANSDUCERS = ((40000.0, 60000.0), (2.0, 4.0))
# The beam on past the listener's head to the gallery's stone floor and back up: the ear's height, m
# drawn, and the floor's share, drawn.
_SPOTLIGHT_FLOOR = ((1.45, 1.75), (0.3, 0.6))
# The gallery round the beam, which lights little of it: its RT60 s drawn and its wet share drawn; its
# hush (the air handling, visitors further off), steady: dB drawn, Hz.
_SPOTLIGHT_GALLERY = ((1.2, 2.2), (0.04, 0.12))
_SPOTLIGHT_HUSH = ((-44.0, -36.0), (60.0, 5000.0))

# A song from a transistor radio on a garden shed's shelf, heard inside the shed while rain drums on
# its corrugated iron roof: the radio's small speaker in its closed plastic box, the cone's resonance
# against the box's air (Hz drawn, Q drawn: the highs pass over it, the lows fall 12 dB an octave under
# it) and its highs' corner (Hz drawn, where the cone stops moving as one).
_TIN_ROOF_RADIO = ((180.0, 320.0), (0.8, 1.4), (3500.0, 6000.0))
# The rain: drops a second on the roof, drawn log-uniformly (a shower to a downpour over a shed's
# roof, thousands a second, their pings running together into a roar, no drop standing out), the
# spread of their sizes (a log-normal's sigma, drawn), and how long a drop presses on the sheet as it
# splashes, s drawn (its force a half-sine that long, so its highs fall away past 1 / 2 tau).
_TIN_ROOF_DROPS = ((2000.0, 20000.0), (0.2, 0.4), (0.0004, 0.001))
# The sheet: galvanised steel a fraction of a millimetre thick, its coincidence frequency far above
# the band (Hz drawn: c^2 / 1.8 c_L h), so it radiates as the square root of the frequency under it;
# its loss factor drawn, each frequency f ringing down at pi f eta a second (a drop's ping dies soon in
# the highs, on in the lows); the octave bands its ring is drawn in, Hz.
_TIN_ROOF_SHEET = ((18000.0, 30000.0), (0.005, 0.015))
_TIN_ROOF_BANDS = (100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0, 6400.0)
# The gusts: the rain thickening and thinning as the wind drives it, a new strength every so many s
# (drawn, far slower than any beat: no pulse), smoothed between, by up to a share drawn; the rain's
# level against the song's RMS, dB drawn.
_TIN_ROOF_GUSTS = ((3.0, 7.0), (0.3, 0.7))
_TIN_ROOF_LEVEL = (-30.0, -24.0)
# The shed round the radio and the listener, bare boards, small: its RT60 s drawn and its wet share
# drawn (the rain sounding through it too).
_TIN_ROOF_SHED = ((0.25, 0.5), (0.15, 0.3))

# A song from a market stall's cheap speaker, caught on a phone's voice memo in a crowded open-air
# market. The stall's small amplifier, run off the generator and turned up into its rails: the peak
# goes in at a drive drawn times the level where its curve bends (tanh). Its cheap speaker in a
# plastic box: the cone's resonance on the box's air, Hz drawn, Q drawn, and its highs' corner, Hz
# drawn (radio_speaker).
_MARKET_AMP = (1.5, 3.0)
_MARKET_SPEAKER = ((150.0, 260.0), (1.0, 1.8), (4000.0, 7000.0))
# The way from the stall to the phone: metres drawn (the air's absorption over them, air_absorption
# at 25 C and 60%), and the stalls' awnings and the ground sending it again, so many reflections each
# late by s drawn at a share drawn (all within 25 ms: heard as the sound's body, never as another
# beat).
_MARKET_PATH = (3.0, 10.0)
_MARKET_AWNINGS = (3, (0.003, 0.025), (0.15, 0.45))
# Where the phone hears the market: its voice codec's rate, the microphone's floor (a wind filter's
# high-pass, Hz drawn, 2nd order) and its top (the voice band's, Hz drawn, 2nd order).
_MEMO_RATE = 8000
_MEMO_AHEAD = 0.5  # s: how long the phone was recording before the clip starts
_MEMO_MICROPHONE = ((100.0, 220.0), (3000.0, 3400.0))
# The crowd round the phone: its level against the song's RMS, dB drawn (the phone is held up by the
# stall, the song far over the crowd; the gain control lifts the crowd in the song's quiet bars); how
# many talk near enough to be told apart, drawn; each voice's pitch, Hz drawn (men's to women's),
# swaying up to so many semitones either way as the phrase goes; the syllables a second, drawn per
# talker; a phrase's length and the breath between two, s drawn; and the whole market's murmur, the
# most of what the phone hears of the crowd (pink noise over its band, Hz, its level against the
# voices').
_CROWD_LEVEL = (-42.0, -36.0)
_CROWD_TALKERS = (10, 24)
_CROWD_VOICES = ((90.0, 260.0), 4.0)
_CROWD_SYLLABLES = (3.0, 6.0)
_CROWD_PHRASES = ((1.0, 4.0), (0.3, 2.0))
_CROWD_MURMUR = ((200.0, 2500.0), 3.0)
_CROWD_CONTROL = 400.0  # Hz: how often a talker's pitch and swell are worked out (read between)
# Vowels (F1, F2, F3 in Hz; a man's, Peterson and Barney's means) the talkers' syllables are spoken on,
# each formant's bandwidth a tenth of its frequency plus 50 Hz.
_CROWD_VOWELS = (
    (270.0, 2290.0, 3010.0),
    (530.0, 1840.0, 2480.0),
    (730.0, 1090.0, 2440.0),
    (570.0, 840.0, 2410.0),
    (300.0, 870.0, 2240.0),
)
# The stalls' generator, a single-cylinder four-stroke petrol engine turning its alternator at 3000
# rpm (50 Hz mains) or 3600 (60 Hz), drawn: it fires once every two turns; its governor hunts, the
# speed swinging by a share drawn at a rate drawn, Hz; each firing's strength varies by a share and
# its moment by a share of a period, drawn; its exhaust's bark is noise through the muffler's band, Hz
# drawn for its middle, an octave wide, dying over s (the muffler smooths each into the next); its
# level against the song's RMS, dB drawn (it stands across the market). The
# mains it makes hum in the stall's amplifier (at its own frequency, swinging with the governor, with
# _HUM_PARTIALS), dB against the song drawn.
_GENERATOR_HUNTING = ((0.01, 0.03), (0.3, 0.9))
_GENERATOR_FIRING = (0.25, 0.02)
_GENERATOR_EXHAUST = ((150.0, 350.0), 0.03)
_GENERATOR_LEVEL = (-42.0, -36.0)
_GENERATOR_HUM = (-44.0, -36.0)
# The phone's automatic gain control, over blocks of s: its level follower's attack and release, s
# drawn (a peak lowers the gain at once, a quiet passage lifts it over a second or so); how far it
# closes the gap to its target (its slope); the most it lifts and cuts, dB.
_MEMO_AGC_BLOCK = 0.01
_MEMO_AGC_TIMES = ((0.01, 0.03), (0.5, 1.5))
_MEMO_AGC_SLOPE = 0.6
_MEMO_AGC_RANGE = (12.0, 18.0)
# The level the gain control leaves the memo at before the codec, its peak against full scale, drawn.
_MEMO_PEAK = (0.5, 0.9)

# A song on a television's soundbar in a living room, its wireless subwoofer in a corner, heard from
# the sofa. The bar hands what is under its crossover (Hz drawn) to the subwoofer (bass management: a
# 2nd-order Butterworth each way, each run both ways, so the two halves sum flat).
_SOUNDBAR_CROSSOVER = (80.0, 150.0)
# The subwoofer: its lows lifted by the bar's bass setting, dB drawn; its amplifier's limiter holding
# their peaks to a share drawn of their own peak, recovering over s; its ported box's tuning, Hz drawn,
# under which the lows fall 24 dB an octave (a 4th-order Butterworth high-pass's magnitude); and how
# late its lows arrive against the bar's, s drawn (its wireless link's buffer not quite matched, the
# corner a metre or two farther than the bar) -- a kick's thump a little behind its click, never a
# beat's worth.
_SOUNDBAR_SUB = ((3.0, 8.0), (0.4, 0.7), 0.2, (32.0, 45.0), (0.002, 0.012))
# The bar's small drivers in its slim box: the cones' resonance on the box's air, Hz drawn, Q drawn,
# and their highs' corner, Hz drawn (radio_speaker); its dialogue enhancement, a bell at Hz drawn, Q
# drawn, lifting dB drawn; the television's screen just over the bar and the bench under it sending
# the bar's sound again, late by s drawn at a share drawn (a comb in the mids and highs).
_SOUNDBAR_DRIVERS = ((110.0, 170.0), (0.7, 1.1), (9000.0, 14000.0))
_SOUNDBAR_DIALOGUE = ((2000.0, 3500.0), (0.7, 1.2), (2.0, 6.0))
_SOUNDBAR_SCREEN = ((0.0008, 0.0025), (0.15, 0.35))
# Its night mode, a compressor on the whole: its RMS detector's window, s; its threshold against the
# mix's RMS, drawn; its ratio, drawn; its attack and its release, s.
_SOUNDBAR_NIGHT = (0.01, (0.6, 1.0), (2.0, 4.0), (0.005, 0.2))
# The living room: its length, width and height, m drawn; its axial modes under a top, Hz, c n / 2 L
# along each, each lifting the lows near it (or, where the sofa sits near its node, sinking them) by
# dB drawn, Q drawn; its furnished reverb, RT60 s drawn and wet share drawn; its hush (a fridge through
# the door, the street through the window), steady: dB drawn, Hz.
_LIVING_ROOM = ((4.5, 6.5), (3.2, 4.5), (2.35, 2.7))
_ROOM_MODES = (200.0, (-6.0, 8.0), (4.0, 10.0))
_LIVING_REVERB = ((0.3, 0.55), (0.1, 0.2))
_LIVING_HUSH = ((-52.0, -44.0), (50.0, 4000.0))

# A song on an FM station, heard on a portable radio on a table in a flat high in a tower block, the
# station's signal reaching the radio's aerial twice: straight from the mast and off the tower across the
# road. The station's pre-emphasis, s (50 us in Europe, 75 us in the Americas), drawn, and its peak
# deviation, kHz drawn (a loud station swings to the band's 75 kHz).
_HIGH_RISE_STATION = ((50e-6, 75e-6), (55.0, 75.0))
# The echo off the tower across the road: how much later it reaches the aerial, s drawn (its way 0.6 to
# 2.4 km longer than the mast's), how strong against the mast's signal, drawn (never as strong: the
# radio would flip from one to the other), and how fast its phase against the mast's turns as the
# tenants walk about the room and the lift's doors open and shut, rad a second drawn, from a phase drawn.
_HIGH_RISE_ECHO = ((2e-6, 8e-6), (0.4, 0.85), (0.05, 0.3))
# The discriminator is read this many times faster than the clip's rate, so the echo's distortion (its
# harmonics of the highs) is made above the clip's top and filtered away as a radio's audio stage does,
# not folded back under it (only a fourth harmonic of the top octave would fold that far).
_HIGH_RISE_OVERSAMPLE = 2
# The discriminator's hiss where the mast's signal arrives alone, dB drawn under the music's RMS (a
# strong local station), its spectrum rising with the frequency; as the echo cancels the carrier the
# hiss rises as one over what is left of it.
_HIGH_RISE_HISS_DB = (-64.0, -56.0)
# The radio: its de-emphasis, s, drawn apart from the station's (a radio made for the other side of the
# Atlantic leaves the highs up or down), and its coupling capacitor's floor, Hz drawn; its small speaker
# in its plastic box, the cone's resonance Hz drawn, its Q drawn, the highs' corner Hz drawn
# (radio_speaker); the table top under it sending its sound again, late by s drawn at a share drawn.
_HIGH_RISE_RADIO = ((50e-6, 75e-6), (40.0, 90.0))
_HIGH_RISE_SPEAKER = ((170.0, 280.0), (0.9, 1.4), (4000.0, 7000.0))
_HIGH_RISE_TABLE = ((0.0006, 0.0015), (0.2, 0.4))
# The flat: its bare concrete room's reverb, RT60 s drawn and wet share drawn; its hush (the tower's
# ventilation, the road far below through the window), steady: dB drawn, Hz.
_HIGH_RISE_ROOM = ((0.35, 0.65), (0.12, 0.25))
_HIGH_RISE_HUSH = ((-54.0, -46.0), (40.0, 2500.0))

# A festival's stage heard from far across a field, upwind of it, on a summer evening: the stage's line
# arrays' band, its floor and its top, Hz drawn; the way across the field, m drawn, and the air's
# temperature, C, and relative humidity, %, drawn (air_absorption).
_UPWIND_STAGE = ((45.0, 70.0), (14000.0, 18000.0))
_UPWIND_PATH = ((100.0, 300.0), (12.0, 26.0), (40.0, 85.0))
# The refraction shadow: the wind, faster with height, bends the sound up and over a listener upwind, so
# what reaches the ear crept along the ground under the shadow's edge, losing more the higher it is (a
# creeping wave's loss grows as the cube root of the frequency): dB at 1 kHz drawn, none under a corner
# (Hz drawn, where the wave is long enough to bend round the shadow's edge), at most so many dB.
_UPWIND_SHADOW = ((8.0, 14.0), (150.0, 300.0), 25.0)
# The eddies scattering sound down into the shadow from the beam passing over it: that sound's level
# against the creeping wave's, dB drawn; how long an eddy takes to pass, s drawn (how slowly the level
# wanders); how far the level swings, dB rms, the creeping wave's and the scattered sound's (its path
# through the eddies is longer, so it swings more), drawn; how far the scattered path's length wanders,
# s rms drawn (its phase against the creeping wave's, so the two comb and the comb drifts; tens of
# microseconds, up to a third of a turn at 8 kHz, bending no pitch by a tenth of a cent).
_UPWIND_SCATTER = ((-4.0, 0.0), (1.0, 3.0), ((1.0, 2.5), (3.0, 5.0)), (1e-5, 4e-5))
# The eddies' wander is drawn this many times a second and read between (far faster than it moves).
_UPWIND_EDDY_RATE = 50
# The wind at the listener's ear and in the grass about them: its roar, dB under the music drawn, below
# Hz; the grass rustling, dB drawn, over its band, Hz; both gusting together, a gust passing in s drawn,
# its level swinging by dB rms drawn (slow and broad: no gust a listener could take for a beat). Both
# stay far under the music: with its highs gone, a louder rustle would stand alone in the top octaves,
# and a limiter after the step would pump it up after every beat.
_UPWIND_WIND = ((-38.0, -30.0), 180.0)
_UPWIND_GRASS = ((-54.0, -46.0), (1800.0, 9000.0))
_UPWIND_GUSTS = ((1.5, 4.0), (3.0, 6.0))

# A song on a museum's audio guide, heard through its handset held to one ear in a gallery. The
# player's store: its band's top, Hz drawn (what the rate it stores at keeps); its samples companded
# by mu-law (G.711's 255) to so many bits, the track's peak so many dB under the store's full scale,
# drawn (a quiet track grainier).
_GUIDE_STORE = ((5000.0, 7500.0), 255.0, 8, (-14.0, -4.0))
# The handset's receiver, a small dynamic capsule: its band's floor and top, Hz drawn, and its
# diaphragm's resonance, Hz drawn, its Q, and its lift, dB drawn.
_GUIDE_RECEIVER = ((160.0, 240.0), (6000.0, 8000.0), ((2200.0, 3200.0), 2.0, (4.0, 8.0)))
# The handset on the ear: the seal's leak lets the lows out through a first-order high-pass at its
# corner, Hz drawn, the handset pressed close and held loosely; the visitor's hand drifting between
# the two over s drawn (eddies: how long a shift of the hand takes).
_GUIDE_SEAL = ((100.0, 220.0), (450.0, 800.0), (2.0, 5.0))
# The gallery, heard by the other ear and round the handset: its ventilation, dB drawn, under Hz; the
# visitors across the room murmuring, dB drawn, over its band, Hz, swelling and ebbing as they drift
# from room to room, the swells s drawn (eddies) and dB rms.
_GUIDE_VENTS = ((-44.0, -36.0), 350.0)
_GUIDE_MURMUR = ((-50.0, -42.0), (250.0, 2500.0), (4.0, 9.0), 3.0)

# A song played to a caller on hold, heard through the telephone's handset. The hold source's automatic
# gain control: its level read over s drawn (a zero-phase window, so no attack is ridden before it
# comes), how far it evens the level (the share of each dB taken back, drawn), its gain's floor and
# ceiling, dB.
_HOLD_AGC = ((0.8, 2.0), (0.4, 0.7), (-10.0, 12.0))
# The line: the trunk's 8 kHz sampling (its anti-alias band's floor and top, Hz drawn) and G.711's
# mu-law (255, 8 bits), the music's peak so many dB under the codec's full scale, drawn.
_HOLD_LINE = ((250.0, 330.0), (3300.0, 3500.0), 255.0, 8, (-9.0, -2.0))
# The VoIP leg's comfort noise, the line's floor, dB drawn under the music, over the band, Hz.
_HOLD_COMFORT = ((-50.0, -42.0), (300.0, 3400.0))
# The handset's earpiece: its diaphragm's resonance, Hz drawn, its Q, its lift, dB drawn.
_HOLD_EARPIECE = ((900.0, 1400.0), 1.5, (3.0, 6.0))
# The sidetone: the caller's own room, caught by the handset's microphone and fed back to the earpiece,
# dB drawn under the music, through the telephone's band (Hz).
_HOLD_SIDETONE = ((-34.0, -26.0), (300.0, 3400.0))


def usable(hz: float, sample_rate: int) -> float:
    """`hz` held under 0.45 of `sample_rate`: a Butterworth design needs its corner under Nyquist, and
    0.45 of the rate keeps it clear of it at every rate the clips render at."""
    return min(hz, 0.45 * sample_rate)


def drawn(rng: np.random.Generator, span: tuple[float, float]) -> float:
    """A value drawn by `rng` uniformly in `span`."""
    return float(rng.uniform(*span))


def rms(samples: Signal, silent: float = 1.0) -> float:
    """The root mean square of `samples`, or `silent` where they are all zero: a level to scale by."""
    return float(np.sqrt(np.mean(samples**2))) or silent


def envelope(level: Signal, sample_rate: int, seconds: float) -> Signal:
    """`level` smoothed by a one-pole low-pass whose time constant is `seconds`."""
    pole = np.exp(-1.0 / (seconds * sample_rate))
    return np.asarray(signal.lfilter([1.0 - pole], [1.0, -pole], level))


def peak_hold(level: Signal, sample_rate: int) -> Signal:
    """Each sample's `level` as the loudest within 5 ms either side: a limiter's look-ahead and hold."""
    window = max(1, int(0.005 * sample_rate))
    return np.asarray(ndimage.maximum_filter1d(level, size=2 * window + 1))


def reverberate(samples: Signal, tail: Signal, wet_share: float) -> Signal:
    """`samples` through a reverb's impulse response `tail`, its level matched to the dry sound's
    and mixed in at `wet_share` under it: what every reverb here (and production's rooms) ends with."""
    wet = signal.fftconvolve(samples, tail)[: samples.size]
    wet *= rms(samples, 0.0) / rms(wet)
    return (1.0 - wet_share) * samples + wet_share * wet


def decaying_noise(rng: np.random.Generator, rt60: float, sample_rate: int) -> tuple[Signal, Signal]:
    """A reverb's tail drawn as noise: its `times` (s, over 1.2 `rt60`) and white noise falling 60 dB
    over `rt60` along them (what every room, hall and carriage here convolves with)."""
    times = np.arange(int(1.2 * rt60 * sample_rate)) / sample_rate
    return times, rng.standard_normal(times.size) * 10.0 ** (-3.0 * times / rt60)


def band_passed(samples: Signal, sample_rate: int, low: float, high: float) -> Signal:
    """`samples` through a 2nd-order Butterworth band-pass from `low` to `high` Hz (held usable), run
    both ways so that no filter's delay moves an onset: a speaker's or a can's band, or white noise
    made a hiss, a rub or a spray."""
    sos = signal.butter(2, (low, usable(high, sample_rate)), btype="bandpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfiltfilt(sos, samples))


def transient(samples: Signal, sample_rate: int) -> Signal:
    """A transient shaper, as a mix engineer sharpens a dull drum bus: the gain follows how far a fast
    envelope runs ahead of a slow one (_TRANSIENT_TIMES), up on every attack and down through every
    sustain (within _TRANSIENT_RANGE); the attacks stay where they were, and a gain moves no note."""
    level = np.abs(samples)
    floor = 1e-3 * rms(samples)
    fast, slow = (envelope(level, sample_rate, seconds) + floor for seconds in _TRANSIENT_TIMES)
    low, high = (10.0 ** (db / 20.0) for db in _TRANSIENT_RANGE)
    gain = np.clip((fast / slow) ** _TRANSIENT_POWER, low, high)
    return samples * envelope(gain - 1.0, sample_rate, 0.001) + samples


def parallel(samples: Signal, sample_rate: int) -> Signal:
    """Parallel ("New York") compression: a copy squashed hard (_SQUASH_RATIO above _SQUASH_THRESHOLD
    of the music's RMS, its gain falling within 5 ms before a peak and recovering over
    _SQUASH_RELEASE) brought up to the dry sound's level and mixed under it, so that tails and quiet
    strokes come up while the attacks keep their edge."""
    level = rms(samples)
    held = peak_hold(np.abs(samples), sample_rate) / (_SQUASH_THRESHOLD * level)
    gain = np.minimum(1.0, np.maximum(held, 1e-9) ** (1.0 / _SQUASH_RATIO - 1.0))
    gain = np.minimum(gain, envelope(gain - 1.0, sample_rate, _SQUASH_RELEASE) + 1.0)
    squashed = samples * gain
    squashed *= level / rms(squashed)
    return samples + _SQUASH_WET * squashed


def excite(samples: Signal, sample_rate: int) -> Signal:
    """An exciter, as a master is made to sound airy: what is above _EXCITE_CORNER driven through a
    soft clipping curve, the harmonics that makes (above the corner again: no difference tone comes
    down) mixed back in; harmonics of the highs' own notes, never a new pitch under them."""
    sos = signal.butter(2, _EXCITE_CORNER, btype="highpass", fs=sample_rate, output="sos")
    highs = signal.sosfiltfilt(sos, samples)
    peak = float(np.max(np.abs(highs))) or 1.0
    made = signal.sosfiltfilt(sos, np.tanh(_EXCITE_DRIVE * highs / peak) - _EXCITE_DRIVE * highs / peak)
    scale = rms(highs, 0.0) / rms(made)
    return samples + _EXCITE_MIX * scale * made


def hum(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A ground loop's hum, as a cheap desk or a guitar amp leaves on a record: the mains' 50 or 60 Hz
    (drawn) and its buzzing harmonics (_HUM_PARTIALS), steady, _HUM_DB under the music; it moves no
    note and no beat, and no musician hears it as part of the key."""
    mains = float(rng.choice([50.0, 60.0]))
    t = np.arange(samples.size) / sample_rate
    buzz = sum(
        level * np.sin(2.0 * np.pi * k * mains * t + drawn(rng, (0.0, 2.0 * np.pi)))
        for k, level in enumerate(_HUM_PARTIALS, start=1)
    )
    buzz = np.asarray(buzz) / np.sqrt(np.sum(np.square(_HUM_PARTIALS)) / 2.0)
    return samples + rms(samples) * 10.0 ** (_HUM_DB / 20.0) * buzz


def tilt(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A tilt equaliser, as a mastering engineer darkens or brightens a whole mix: one first-order
    shelf turns everything below _TILT_PIVOT one way and everything above it the other, each end by
    a drawn amount (_TILT_DB) and direction, run forward and back so no partial moves in time; a
    level per frequency moves no note and no beat."""
    db = drawn(rng, _TILT_DB) * float(rng.choice([-1.0, 1.0]))
    gain = 10.0 ** (db / 20.0)  # the highs against the pivot; the lows the inverse
    # A first-order high shelf (bilinear): unity at DC, gain**2 at Nyquist, its midpoint at the pivot.
    warped = np.tan(np.pi * _TILT_PIVOT / sample_rate)
    b = np.array([gain + warped, warped - gain]) / (1.0 + warped)
    a = np.array([1.0, (warped - 1.0) / (1.0 + warped)])
    shelf = signal.filtfilt(b, a, samples) / gain  # forward and back: gain per pass squared overall
    return np.asarray(shelf)


def glue(samples: Signal, sample_rate: int) -> Signal:
    """A bus compressor's glue, as a mix is held together: its RMS detector (_GLUE_WINDOW) above
    _GLUE_THRESHOLD of the music's RMS pulls the gain down at _GLUE_RATIO, slowly (_GLUE_TIMES), so
    each attack passes before the gain falls and the mix's quiet tails come up against its loud
    bars; a gain moves no note, and the attacks stay where they were."""
    window = max(1, int(_GLUE_WINDOW * sample_rate))
    power = np.maximum(ndimage.uniform_filter1d(samples**2, size=window), 0.0)  # no rounding below 0
    level = np.sqrt(power) / (_GLUE_THRESHOLD * rms(samples))
    wanted = np.minimum(1.0, np.maximum(level, 1e-9) ** (1.0 / _GLUE_RATIO - 1.0))
    attack, release = _GLUE_TIMES
    # Falling at the attack's pace, recovering at the release's: a one-pole follower on each side.
    gain = np.maximum(envelope(wanted - 1.0, sample_rate, attack) + 1.0, wanted)
    gain = envelope(gain - 1.0, sample_rate, release) + 1.0
    return np.asarray(samples * np.minimum(gain, 1.0))


def expand(samples: Signal, sample_rate: int) -> Signal:
    """A downward expander, as a mix engineer quietens the bleed and the tails between the hits:
    where the level (its envelope, _EXPAND_TIMES: opening fast, closing slowly) falls below
    _EXPAND_THRESHOLD of the music's RMS, the gain falls _EXPAND_RATIO times as fast, never below
    _EXPAND_FLOOR_DB; above it nothing moves. A gain moves no note, and every attack opens it at once."""
    level = np.abs(samples) / (_EXPAND_THRESHOLD * rms(samples))
    opening, closing = _EXPAND_TIMES
    followed = np.maximum(envelope(level, sample_rate, opening), envelope(level, sample_rate, closing))
    floor = 10.0 ** (_EXPAND_FLOOR_DB / 20.0)
    gain = np.clip(np.maximum(followed, 1e-9) ** (_EXPAND_RATIO - 1.0), floor, 1.0)
    return np.asarray(samples * gain)


def deess(samples: Signal, sample_rate: int) -> Signal:
    """A de-esser on the whole mix, as a mastering engineer tames its sibilance and its hats: the
    band above _DEESS_CORNER (split off with zero phase, the rest its exact complement) is turned
    down at _DEESS_RATIO wherever its own envelope (_DEESS_TIMES) rises above _DEESS_THRESHOLD of
    its RMS; the band below is untouched, so no note moves, and the hits stay where they were."""
    sos = signal.butter(4, _DEESS_CORNER, btype="highpass", fs=sample_rate, output="sos")
    high = signal.sosfiltfilt(sos, samples)
    low = samples - high
    attack, release = _DEESS_TIMES
    level = np.abs(high)
    followed = np.maximum(envelope(level, sample_rate, attack), envelope(level, sample_rate, release))
    over = np.maximum(followed / (_DEESS_THRESHOLD * rms(high, 1e-12)), 1.0)
    return np.asarray(low + high * over ** (1.0 / _DEESS_RATIO - 1.0))


def parametric(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A parametric equaliser, as a mix engineer carves a mix: three peaking bells (the Audio EQ
    Cookbook's), each at a frequency drawn in its range (_BELLS), turned up or down by a drawn amount
    (_BELL_DB) over a drawn width (_BELL_Q), each run forward and back (half its amount a pass) so no
    partial moves in time; a level per frequency moves no note and no beat."""
    out = samples
    for low, high in _BELLS:
        centre = float(np.exp(rng.uniform(np.log(low), np.log(min(high, 0.4 * sample_rate)))))
        db = drawn(rng, _BELL_DB) * float(rng.choice([-1.0, 1.0]))
        out = peaking(out, sample_rate, centre, drawn(rng, _BELL_Q), db)
    return np.asarray(out)


def denoise(samples: Signal, sample_rate: int) -> Signal:
    """A denoiser's spectral gate, as a restoration tool cleans a noisy transfer: in every short
    frame (_GATE_FRAME, Hann windows overlapping by 3/4) each bin more than _GATE_DEPTH_DB under the
    frame's loudest is turned down by _GATE_FLOOR_DB, the rest kept, and the frames overlapped and
    added back. Tails, bleed and the room go, in flickering patches (a denoiser's "musical noise");
    every note's loud partials and every attack keep their frequency and their time."""
    frame = 2 ** round(np.log2(_GATE_FRAME * sample_rate))
    _, _, spectrum = signal.stft(samples, nperseg=frame, noverlap=3 * frame // 4)
    level = np.abs(spectrum)
    loudest = np.max(level, axis=0, keepdims=True)
    kept = level >= loudest * 10.0 ** (_GATE_DEPTH_DB / 20.0)
    gated = spectrum * np.where(kept, 1.0, 10.0 ** (_GATE_FLOOR_DB / 20.0))
    _, out = signal.istft(gated, nperseg=frame, noverlap=3 * frame // 4)
    return np.asarray(np.pad(out, (0, max(0, samples.size - out.size)))[: samples.size])


def spring(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A spring tank's reverb, as a guitar amplifier's or a dub mixer's: the sound sent down two springs,
    each a dispersive line (_SPRING_STAGES all-pass sections a round trip, so every echo arrives as a
    chirp, its lows before its highs) fed back on itself every round trip (drawn in _SPRING_DELAYS),
    losing its highs and enough level that its echoes fall 60 dB in a time drawn in _SPRING_RT60; the
    tank's response is summed as the geometric series of its round trips, in frequency, and mixed
    under the dry sound at _SPRING_WET. A reverb adds the notes' own echoes, never a pitch of its own."""
    rt60 = drawn(rng, _SPRING_RT60)
    size = 2 ** int(np.ceil(np.log2(2.0 * rt60 * sample_rate)))
    turns = np.exp(-1j * np.linspace(0.0, np.pi, size // 2 + 1))  # e^-jw from 0 to the Nyquist
    allpass = ((_SPRING_ALLPASS + turns) / (1.0 + _SPRING_ALLPASS * turns)) ** _SPRING_STAGES
    lowpass = (1.0 - _SPRING_POLE) / (1.0 - _SPRING_POLE * turns)
    response = np.zeros_like(turns)
    for low, high in _SPRING_DELAYS:
        delay = drawn(rng, (low, high))
        loss = 10.0 ** (-3.0 * delay / rt60)
        trip = loss * lowpass * allpass * turns ** round(delay * sample_rate)
        response += trip / (1.0 - trip)
    floor = np.exp(-2.0 * np.pi * _SPRING_FLOOR / sample_rate)
    response *= (1.0 - turns) / (1.0 - floor * turns)  # a spring carries no offset and little bass
    tail = np.fft.irfft(response, size)
    return reverberate(samples, tail, _SPRING_WET)


def sweep(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A DJ mixer's high-pass filter swept up and back down once across the clip, as a mix builds into
    a drop: a resonant second-order high-pass (the Audio EQ Cookbook's, _SWEEP_Q) whose corner rises
    from _SWEEP_FLOOR to a top drawn in _SWEEP_TOPS, reached at a point drawn in _SWEEP_PEAKS, and
    falls back, evenly in log frequency on a raised cosine, its coefficients moving every
    _SWEEP_BLOCK samples. The bass and the kick's thump thin out and come back; a level per
    frequency moves no note and no beat."""
    top = float(np.exp(rng.uniform(*np.log(_SWEEP_TOPS))))
    peak = drawn(rng, _SWEEP_PEAKS)
    starts = np.arange(0, samples.size, _SWEEP_BLOCK)
    share = starts / max(1, samples.size - 1)
    rising = np.where(share < peak, share / peak, (1.0 - share) / (1.0 - peak))
    corners = _SWEEP_FLOOR * (top / _SWEEP_FLOOR) ** (0.5 - 0.5 * np.cos(np.pi * rising))
    out = np.empty_like(samples)
    state = np.zeros(2)
    for start, corner in zip(starts, corners, strict=True):
        turn = 2.0 * np.pi * corner / sample_rate
        width = np.sin(turn) / (2.0 * _SWEEP_Q)
        b = np.array([1.0 + np.cos(turn), -2.0 * (1.0 + np.cos(turn)), 1.0 + np.cos(turn)]) / 2.0
        a = np.array([1.0 + width, -2.0 * np.cos(turn), 1.0 - width])
        block = slice(start, start + _SWEEP_BLOCK)
        out[block], state = signal.lfilter(b / a[0], a / a[0], samples[block], zi=state)
    return out


def flange(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A flanger: the sound mixed (at _FLANGE_MIX) with a copy delayed by a time that sweeps on a
    raised cosine between _FLANGE_DELAYS at a rate drawn in _FLANGE_RATES, read between samples, so
    its comb's notches sweep up and down the spectrum. The delay moves slowly enough to bend a pitch
    by at most a few cents, and is too short to be heard as an echo or to move a beat."""
    rate = drawn(rng, _FLANGE_RATES)
    phase = drawn(rng, (0.0, 2.0 * np.pi))
    times = np.arange(samples.size) / sample_rate
    shortest, longest = _FLANGE_DELAYS
    delay = shortest + (longest - shortest) * (0.5 - 0.5 * np.cos(2.0 * np.pi * rate * times + phase))
    read = np.arange(samples.size) - delay * sample_rate
    copy = np.interp(read, np.arange(samples.size), samples, left=0.0)
    return (samples + _FLANGE_MIX * copy) / (1.0 + _FLANGE_MIX)


def console(samples: Signal, sample_rate: int) -> Signal:
    """A game console's output stage, as its chip's sound leaves the machine: the mix bent by a
    mixer's curve (_CONSOLE_BEND: the louder the sum, the less a step adds, as a chip's resistor
    ladder sums its channels), then two first-order high-passes (_CONSOLE_HIGH_PASSES: a thin bass)
    and a first-order low-pass. A curve and filters move no note and no beat."""
    peak = float(np.max(np.abs(samples))) or 1.0
    level = samples / peak
    out = peak * level * (1.0 + _CONSOLE_BEND) / (1.0 + _CONSOLE_BEND * np.abs(level))
    for corner in _CONSOLE_HIGH_PASSES:
        b, a = signal.butter(1, corner, btype="highpass", fs=sample_rate)
        out = signal.lfilter(b, a, out)
    b, a = signal.butter(1, usable(_CONSOLE_LOW_PASS, sample_rate), btype="lowpass", fs=sample_rate)
    return np.asarray(signal.lfilter(b, a, out))


def rotary(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A rotary speaker at its slow (chorale) speed: the sound split at _ROTARY_CROSSOVER, the drum
    below and the horn above each turning at a rate drawn in _ROTARY_RATES, each heard through a
    delay that swings by its radius (_ROTARY_RADII: a Doppler sway of a few cents either side, never
    off the pitch) and a level that dips as its mouth turns away (_ROTARY_DEPTHS). Slow turns move no
    beat."""
    low_pass = signal.butter(4, _ROTARY_CROSSOVER, btype="lowpass", fs=sample_rate, output="sos")
    high_pass = signal.butter(4, _ROTARY_CROSSOVER, btype="highpass", fs=sample_rate, output="sos")
    times = np.arange(samples.size) / sample_rate
    out = np.zeros(samples.size)
    for sos, rates, radius, depth in zip(
        (low_pass, high_pass), _ROTARY_RATES, _ROTARY_RADII, _ROTARY_DEPTHS, strict=True
    ):
        turn = 2.0 * np.pi * drawn(rng, rates) * times + drawn(rng, (0.0, 2.0 * np.pi))
        part = signal.sosfilt(sos, samples)
        read = np.arange(samples.size) - radius * sample_rate * (1.0 + np.sin(turn))
        swung = np.interp(read, np.arange(samples.size), part, left=0.0)
        out += swung * (1.0 - depth * (0.5 + 0.5 * np.cos(turn)))
    return out


def plate(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A plate's reverb, as an algorithm would model one: the sound after a short pre-delay through
    four feedback combs in parallel (loops of _PLATE_COMBS, a one-pole low-pass in each so the highs
    die first, their gains set for a reverb time drawn in _PLATE_DECAYS), then two all-pass
    diffusers, its impulse response mixed in at _PLATE_WET under the dry sound. A dense, bright
    tail, no early reflections: it blurs no attack that the dry sound leaves clear."""
    decay = drawn(rng, _PLATE_DECAYS)
    length = int(1.5 * decay * sample_rate)
    impulse = np.zeros(length)
    impulse[int(_PLATE_DELAY * sample_rate)] = 1.0
    tail = np.zeros(length)
    for loop in _PLATE_COMBS:
        delay = int(loop * sample_rate)
        feedback = 10.0 ** (-3.0 * loop / decay)
        a = np.zeros(delay + 2)
        a[0] = 1.0
        a[delay] = -feedback * (1.0 - _PLATE_DAMPING)
        a[delay + 1] = -feedback * _PLATE_DAMPING
        tail += signal.lfilter([1.0], a, impulse)
    for seconds, gain in _PLATE_ALLPASSES:
        delay = int(seconds * sample_rate)
        b, a = np.zeros(delay + 1), np.zeros(delay + 1)
        b[0], b[delay], a[0], a[delay] = -gain, 1.0, 1.0, -gain
        tail = signal.lfilter(b, a, tail)
    tail /= np.sqrt(np.sum(tail**2))
    return reverberate(samples, tail, _PLATE_WET)


def cabinet(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A valve amplifier into a closed speaker cabinet, as an organ or an accordion is miked through
    one: the sound driven (its peak at a drive drawn in _CABINET_DRIVES times the knee) through a
    biased tanh, then the cabinet: a high-pass at _CABINET_FLOOR, its box's resonance (drawn in
    _CABINET_THUMP, _CABINET_THUMP_DB high) and its cone's fourth-order low-pass (drawn in
    _CABINET_CORNERS). The curve adds harmonics of the notes it carries, never a new pitch, and the
    filters move no attack."""
    drive = drawn(rng, _CABINET_DRIVES) / (float(np.max(np.abs(samples))) or 1.0)
    bias = np.tanh(_CABINET_BIAS)
    out = np.tanh(drive * samples + _CABINET_BIAS) - bias
    out -= float(np.mean(out))
    sos = signal.butter(2, _CABINET_FLOOR, btype="highpass", fs=sample_rate, output="sos")
    out = signal.sosfilt(sos, out)
    thump = drawn(rng, _CABINET_THUMP)
    b, a = signal.iirpeak(thump, 1.5, fs=sample_rate)
    lift = 10.0 ** (_CABINET_THUMP_DB / 20.0) - 1.0
    out = out + lift * signal.lfilter(b, a, out)
    corner = usable(drawn(rng, _CABINET_CORNERS), sample_rate)
    sos = signal.butter(4, corner, btype="lowpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfilt(sos, out))


def rumble(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A turntable's rumble under a record: noise from its platter's bearing and motor (band-passed
    in _RUMBLE_BAND) and its tone arm swaying on the cartridge's compliance (a resonance drawn in
    _RUMBLE_ARM), at a level drawn in _RUMBLE_DB under the music's RMS. All of it lies below the
    lowest note a song plays, and none of it strikes."""
    noise = rng.standard_normal(samples.size)
    sos = signal.butter(2, _RUMBLE_BAND, btype="bandpass", fs=sample_rate, output="sos")
    body = signal.sosfilt(sos, noise)
    b, a = signal.iirpeak(drawn(rng, _RUMBLE_ARM), 2.0, fs=sample_rate)
    sway = signal.lfilter(b, a, rng.standard_normal(samples.size))
    noise = body / rms(body) + 0.7 * sway / rms(sway)
    level = 10.0 ** (drawn(rng, _RUMBLE_DB) / 20.0) * rms(samples, 0.0)
    return samples + level * noise / rms(noise)


def hall(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A concert hall's (or a church's) long reverb, where bells and mallets are recorded: a
    pre-delay drawn in _HALL_PREDELAY, _HALL_REFLECTIONS early reflections off its walls, then a tail
    of decaying noise whose low, middle and high bands (parted at _HALL_CROSSOVERS) die over their
    own reverb times, drawn in _HALL_RT60S (the lows longest, as a hall's air and walls take the
    highs first), mixed in at _HALL_WET under the dry sound."""
    rt60s = [drawn(rng, band) for band in _HALL_RT60S]
    predelay = drawn(rng, _HALL_PREDELAY)
    t = np.arange(int((predelay + 1.2 * max(rt60s)) * sample_rate)) / sample_rate
    noise = rng.standard_normal(t.size)
    low, high = _HALL_CROSSOVERS
    bands = (
        signal.butter(4, low, btype="lowpass", fs=sample_rate, output="sos"),
        signal.butter(4, (low, high), btype="bandpass", fs=sample_rate, output="sos"),
        signal.butter(4, high, btype="highpass", fs=sample_rate, output="sos"),
    )
    late = np.maximum(t - predelay, 0.0)
    tail = np.zeros(t.size)
    for sos, rt60 in zip(bands, rt60s, strict=True):
        tail += signal.sosfilt(sos, noise) * 10.0 ** (-3.0 * late / rt60)
    tail *= t >= predelay
    scale = float(np.abs(tail).max()) or 1.0
    for delay in rng.uniform(0.0, _HALL_EARLY, size=_HALL_REFLECTIONS):
        at = int((predelay + delay) * sample_rate)
        tail[at] += drawn(rng, (0.4, 1.0)) * scale * float(rng.choice((-1.0, 1.0)))
    tail /= np.sqrt(np.sum(tail**2))
    return reverberate(samples, tail, _HALL_WET)


def shimmer(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A shimmer reverb, as ambient mallet and bell records use one: a long tail of decaying noise
    (its reverb time drawn in _SHIMMER_RT60S, past a pre-delay of _SHIMMER_PREDELAY) and a copy of
    that tail an octave up, every short-time bin moved to twice its frequency with its phase doubled
    (so a note's partials land on their own octaves: no new pitch class), at _SHIMMER_OCTAVE of the
    tail, both mixed in at _SHIMMER_WET under the dry sound. A tail strikes nothing: no beat is moved
    or added."""
    rt60 = drawn(rng, _SHIMMER_RT60S)
    t = np.arange(int((_SHIMMER_PREDELAY + 1.2 * rt60) * sample_rate)) / sample_rate
    late = np.maximum(t - _SHIMMER_PREDELAY, 0.0)
    tail = rng.standard_normal(t.size) * 10.0 ** (-3.0 * late / rt60)
    tail *= t >= _SHIMMER_PREDELAY
    tail /= np.sqrt(np.sum(tail**2))
    wet = signal.fftconvolve(samples, tail)[: samples.size]
    sos = signal.butter(4, 0.2 * sample_rate, btype="lowpass", fs=sample_rate, output="sos")
    _, _, bins = signal.stft(signal.sosfilt(sos, wet), nperseg=_SHIMMER_FRAME)
    octave = np.zeros_like(bins)
    half = (bins.shape[0] + 1) // 2
    octave[0 : 2 * half : 2] = np.abs(bins[:half]) * np.exp(2j * np.angle(bins[:half]))
    _, up = signal.istft(octave, nperseg=_SHIMMER_FRAME)
    up = np.pad(up, (0, max(0, samples.size - up.size)))[: samples.size]
    wet = wet / rms(wet) + _SHIMMER_OCTAVE * up / rms(up)
    wet *= rms(samples, 0.0) / rms(wet)
    return (1.0 - _SHIMMER_WET) * samples + _SHIMMER_WET * wet


def broadcast(samples: Signal, sample_rate: int) -> Signal:
    """An FM station's chain, as a song reaches a radio: a slow gain rider (_BROADCAST_AGC, starting
    at the clip's mean level), the highs lifted by the pre-emphasis (_EMPHASIS), a clipper that cuts
    the emphasised peaks flat at _BROADCAST_CLIP of them (a loud station), the multiplex's low-pass
    (_BROADCAST_LOW_PASS), and the receiver's de-emphasis turning the highs back down. The rider is
    slower than any beat and the clipper adds only harmonics of what it cuts: no note and no beat
    moves."""
    power = samples**2
    pole = float(np.exp(-1.0 / (_BROADCAST_AGC * sample_rate)))
    mean = float(np.mean(power))
    level = np.sqrt(signal.lfilter([1.0 - pole], [1.0, -pole], power, zi=[pole * mean])[0])
    ridden = samples * (np.sqrt(mean) / np.maximum(level, 0.1 * float(np.max(level)) or 1.0))
    corner = 1.0 / (2.0 * np.pi * _EMPHASIS)
    pole = float(np.exp(-2.0 * np.pi * corner / sample_rate))
    emphasised = signal.lfilter([1.0, -pole], [1.0 - pole], ridden)
    ceiling = _BROADCAST_CLIP * (float(np.max(np.abs(emphasised))) or 1.0)
    clipped = np.clip(emphasised, -ceiling, ceiling)
    low = usable(_BROADCAST_LOW_PASS, sample_rate)
    sos = signal.butter(6, low, btype="lowpass", fs=sample_rate, output="sos")
    band = signal.sosfilt(sos, clipped)
    return np.asarray(signal.lfilter([1.0 - pole], [1.0, -pole], band))


def dropout(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A worn cassette's dropouts: drawn _DROPOUTS a second, each a dip of a length drawn in
    _DROPOUT_SECONDS and a depth drawn in _DROPOUT_DB, shaped as a raised cosine (the tape lifting
    off the head and settling back, never a cut), the highs above _DROPOUT_CORNER dipping
    _DROPOUT_HIGHS times as far. A dip is slower than an attack and strikes nothing."""
    seconds = samples.size / sample_rate
    count = int(rng.poisson(drawn(rng, _DROPOUTS) * seconds))
    loss = np.zeros(samples.size)  # in dB, the whole band's
    for _ in range(count):
        length = int(drawn(rng, _DROPOUT_SECONDS) * sample_rate)
        start = int(rng.integers(0, max(1, samples.size - length)))
        shape = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(length) / length)
        end = min(samples.size, start + length)
        loss[start:end] = np.maximum(loss[start:end], drawn(rng, _DROPOUT_DB) * shape[: end - start])
    sos = signal.butter(2, _DROPOUT_CORNER, btype="highpass", fs=sample_rate, output="sos")
    highs = signal.sosfiltfilt(sos, samples)
    lows = samples - highs
    return lows * 10.0 ** (-loss / 20.0) + highs * 10.0 ** (-_DROPOUT_HIGHS * loss / 20.0)


def shellac(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A shellac 78 cut acoustically, as an old song is heard off one: the band its horn and
    diaphragm carried (_SHELLAC_BAND), the horn's resonances (one drawn in each of _SHELLAC_HORN,
    lifted by _SHELLAC_HORN_DB, as narrow as _SHELLAC_HORN_Q), the surface's hiss (_SHELLAC_HISS_DB,
    over _SHELLAC_HISS_BAND) and clicks at random times (_SHELLAC_CLICKS a second, each a single
    sample's spike through the hiss's band). Filters and noise move no note, and clicks that fall at
    random count no beat."""
    sos = signal.butter(2, _SHELLAC_BAND, btype="bandpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, samples)  # both ways: no filter's delay moves an attack
    for low, high in _SHELLAC_HORN:
        hz = usable(drawn(rng, (low, high)), sample_rate)
        b, a = signal.iirpeak(hz, drawn(rng, _SHELLAC_HORN_Q), fs=sample_rate)
        gain = 10.0 ** (drawn(rng, _SHELLAC_HORN_DB) / 20.0) - 1.0
        out = out + gain * signal.filtfilt(b, a, out)
    level = rms(out)
    band = signal.butter(2, (_SHELLAC_HISS_BAND[0], usable(_SHELLAC_HISS_BAND[1], sample_rate)),
                         btype="bandpass", fs=sample_rate, output="sos")  # fmt: skip
    hiss = signal.sosfilt(band, rng.standard_normal(out.size))
    out = out + hiss * (level * 10.0 ** (drawn(rng, _SHELLAC_HISS_DB) / 20.0) / rms(hiss))
    spikes = np.zeros(out.size)
    count = int(rng.poisson(drawn(rng, _SHELLAC_CLICKS) * out.size / sample_rate))
    spikes[rng.integers(0, out.size, count)] = rng.choice((-1.0, 1.0), count)
    clicks = signal.sosfilt(band, spikes)
    peak = float(np.max(np.abs(clicks))) or 1.0
    return np.asarray(out + clicks * (10.0 ** (_SHELLAC_CLICK_DB / 20.0) * level / peak))


def telephone(samples: Signal, sample_rate: int) -> Signal:
    """A telephone line, as a song played down one is heard: its channel's band (_TELEPHONE_BAND,
    4th-order Butterworth) and its codec's companding (mu_law with _TELEPHONE_MU, the companded
    signal quantised to _TELEPHONE_BITS bits and expanded again: quiet passages grainier, loud ones
    clean). A band and a quantiser move no note and no beat."""
    sos = signal.butter(4, _TELEPHONE_BAND, btype="bandpass", fs=sample_rate, output="sos")
    band = signal.sosfilt(sos, samples)
    peak = float(np.max(np.abs(band))) or 1.0
    return np.asarray(mu_law(band / peak, _TELEPHONE_MU, _TELEPHONE_BITS) * peak)


def open_air(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A field recording across open ground, as a courtyard concert is taped from its edge: the air's
    loss of highs over a distance drawn in _AIR_DISTANCES (a low-pass whose corner falls with it,
    filtered both ways), the ground's bounce (_GROUND_DELAYS behind the direct sound at
    _GROUND_GAINS: a comb, far too close behind to be heard as another attack) and the wind
    buffeting the microphone (a rumble under _WIND_CORNER at _WIND_DB, gusting at _GUSTS). Filters,
    a bounce and a slow rumble move no note and no beat."""
    distance = drawn(rng, _AIR_DISTANCES)
    corner = usable(_AIR_CORNER * np.sqrt(10.0 / distance), sample_rate)
    sos = signal.butter(2, corner, btype="lowpass", fs=sample_rate, output="sos")
    direct = signal.sosfiltfilt(sos, samples)
    delay = max(1, round(drawn(rng, _GROUND_DELAYS) * sample_rate))
    out = direct.copy()
    out[delay:] += drawn(rng, _GROUND_GAINS) * direct[:-delay]
    sos = signal.butter(2, _WIND_CORNER, btype="lowpass", fs=sample_rate, output="sos")
    rumble = signal.sosfilt(sos, rng.standard_normal(out.size))
    wind = rumble * (1.0 + _GUST_DEPTH * sway(rng, _GUSTS, out.size, sample_rate))
    return np.asarray(out + under(out, wind, rng, _WIND_DB))


def compander(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A tape deck's noise reduction, mistracking, as a home-taped record is heard: recorded through
    a pre-emphasis (_COMPANDER_EMPHASIS) and a 2:1 compressor on an RMS detector (_COMPANDER_WINDOW),
    onto tape with its hiss (_COMPANDER_HISS_DB), played back on a deck whose worn head loses the highs
    (a corner drawn in _COMPANDER_HEADS) through the 1:2 expander and the de-emphasis that should undo
    them: its detector reads too little where the music is bright, so the level and the hiss breathe
    with it. Gains and filters move no note, and the two detectors move no attack."""
    pole = float(np.exp(-2.0 * np.pi * _COMPANDER_EMPHASIS / sample_rate))
    emphasised = signal.lfilter([1.0, -pole], [1.0 - pole], samples)
    reference = rms(emphasised)
    floor = _COMPANDER_FLOOR * reference

    def detected(x: Signal) -> Signal:
        return np.sqrt(np.maximum(envelope(x**2, sample_rate, _COMPANDER_WINDOW), 0.0)) + floor

    recorded = emphasised * np.sqrt(reference / detected(emphasised))
    head = usable(drawn(rng, _COMPANDER_HEADS), sample_rate)
    sos = signal.butter(2, head, btype="lowpass", fs=sample_rate, output="sos")
    hiss = rng.standard_normal(recorded.size)
    played = signal.sosfiltfilt(sos, recorded) + hiss * rms(recorded) * 10.0 ** (_COMPANDER_HISS_DB / 20.0)
    expanded = played * detected(played) / reference
    return np.asarray(signal.lfilter([1.0 - pole], [1.0, -pole], expanded))


def optical(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A film's optical soundtrack, as a song is heard off a print in a cinema: the variable-area
    track cut flat at its full width (_TRACK_CLIP of the peak), the film's grain hiss under a
    ground-noise reduction whose bias follows the music slowly (the track narrowed in quiet passages,
    _NOISE_REDUCTION), and the playback's Academy curve taking the highs (a corner drawn in
    _ACADEMY_CORNERS) and the lows (_ACADEMY_LOW), filtered both ways. A clip adds only harmonics of
    what it cuts, a slow bias moves no attack and filters no note."""
    ceiling = drawn(rng, _TRACK_CLIP) * (float(np.max(np.abs(samples))) or 1.0)
    track = np.clip(samples, -ceiling, ceiling)
    floor, seconds = _NOISE_REDUCTION
    bias = envelope(np.abs(track), sample_rate, seconds)
    bias = floor + (1.0 - floor) * bias / (float(np.max(bias)) or 1.0)
    grain = rng.standard_normal(track.size) * bias
    out = track + under(track, grain, rng, _GRAIN_DB)
    corner = usable(drawn(rng, _ACADEMY_CORNERS), sample_rate)
    sos = signal.butter(4, corner, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, out)
    sos = signal.butter(2, _ACADEMY_LOW, btype="highpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfiltfilt(sos, out))


def mediumwave(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A medium-wave AM station on a cheap receiver, as a song is heard at night: the receiver's
    passband (_AM_BAND, filtered both ways), the station's modulation (_AM_DEPTH at the peak; past
    full depth the carrier pinches off and the detector cuts the troughs flat) and the sky wave's
    selective fading (a copy _SKY_DELAYS behind at _SKY_GAINS, its delay and level drifting at
    _FADING, so notches sweep slowly through the band). A one-sided clip adds only harmonics of what
    it cuts, and a sub-millisecond copy is no echo, its drift far too slow to bend a note."""
    low, (top, highest) = _AM_BAND
    high = usable(drawn(rng, (top, highest)), sample_rate)
    sos = signal.butter(4, (low, high), btype="bandpass", fs=sample_rate, output="sos")
    band = signal.sosfiltfilt(sos, samples)
    depth = drawn(rng, _AM_DEPTH) / (float(np.max(np.abs(band))) or 1.0)
    detected = np.maximum(1.0 + depth * band, 0.0) - 1.0
    times = np.arange(detected.size) / sample_rate
    drift = sway(rng, _FADING, detected.size, sample_rate)
    delay = drawn(rng, _SKY_DELAYS) * (1.0 + drift / 3.0)
    gain = drawn(rng, _SKY_GAINS) * (0.75 + 0.25 * np.cos(np.pi * drift))
    return np.asarray(detected + gain * np.interp(times - delay, times, detected, left=0.0))


def wall(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song heard through a party wall from the next room: the wall's mass stopping the highs (a
    first-order low-pass at a corner drawn in _WALL_CORNERS), its coincidence dip passing a band
    again (_WALL_COINCIDENCE, lifted _WALL_COINCIDENCE_DB), both filtered both ways, and the
    listener's own room's noise (_WALL_NOISE_DB, pink). Filters and noise move no note and no beat."""
    corner = drawn(rng, _WALL_CORNERS)
    sos = signal.butter(1, corner, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, samples)
    (low, high), q = _WALL_COINCIDENCE
    out = out + peaking(samples, sample_rate, drawn(rng, (low, high)), q, _WALL_COINCIDENCE_DB) - samples
    pink = pink_noise(rng, samples.size)
    noise_db = drawn(rng, _WALL_NOISE_DB)
    return np.asarray(out + pink * (rms(out) * 10.0 ** (noise_db / 20.0) / rms(pink)))


def laptop(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A laptop's small speakers, as a song is played off one: the lows they cannot move air for
    (under a floor drawn in _LAPTOP_FLOORS) made into their harmonics by the bass enhancer's soft
    clip (_BASS_DRIVES, at _BASS_MIX) so that the ear still hears the bass's note, the speakers'
    passband (the floor, 4th order, and _LAPTOP_TOP) and their enclosure's honk
    (_LAPTOP_RESONANCE), all filtered both ways. A soft clip of one bass note adds only its own
    harmonics; the filters move no note and no beat."""
    floor = drawn(rng, _LAPTOP_FLOORS)
    sos = signal.butter(4, floor, btype="lowpass", fs=sample_rate, output="sos")
    lows = signal.sosfiltfilt(sos, samples)
    peak = float(np.max(np.abs(lows))) or 1.0
    drive = drawn(rng, _BASS_DRIVES)
    made = peak * np.tanh(drive * lows / peak) / np.tanh(drive)
    sos = signal.butter(4, floor, btype="highpass", fs=sample_rate, output="sos")
    heard = signal.sosfiltfilt(sos, samples) + _BASS_MIX * signal.sosfiltfilt(sos, made)
    top = usable(_LAPTOP_TOP, sample_rate)
    sos = signal.butter(2, top, btype="lowpass", fs=sample_rate, output="sos")
    heard = signal.sosfiltfilt(sos, heard)
    (low, high), q, lift = _LAPTOP_RESONANCE
    return peaking(heard, sample_rate, drawn(rng, (low, high)), q, lift)


def car(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a car's stereo on the motorway: the door speakers' passband (_DOOR_BAND, 2nd order),
    the cabin's first standing wave lifting a band of the lows (_CABIN_MODE), the seats and the lining
    soaking up the highs (a first-order low-pass in _CABIN_LINING), all filtered both ways, and the
    road's roar (_ROAD_DB, brown noise under _ROAD_CORNER) with the wind hissing past the mirrors
    (_WIND_HISS_DB over _WIND_HISS_BAND), both steady. Filters and steady noise move no note and no
    beat."""
    (floors, tops) = _DOOR_BAND
    band = (drawn(rng, floors), usable(drawn(rng, tops), sample_rate))
    out = band_passed(samples, sample_rate, *band)
    (low, high), q, (least, most) = _CABIN_MODE
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    sos = signal.butter(1, drawn(rng, _CABIN_LINING), btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, out)
    white = np.fft.rfft(rng.standard_normal(samples.size))
    brown = np.fft.irfft(white / np.maximum(np.arange(white.size), 1.0), samples.size)
    sos = signal.butter(2, _ROAD_CORNER, btype="lowpass", fs=sample_rate, output="sos")
    roar = signal.sosfilt(sos, brown)
    sos = signal.butter(2, _WIND_HISS_BAND, btype="bandpass", fs=sample_rate, output="sos")
    hiss = signal.sosfilt(sos, rng.standard_normal(samples.size))
    level = rms(out)
    roar *= level * 10.0 ** (drawn(rng, _ROAD_DB) / 20.0) / rms(roar)
    hiss *= level * 10.0 ** (drawn(rng, _WIND_HISS_DB) / 20.0) / rms(hiss)
    return np.asarray(out + roar + hiss)


def gig(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song filmed on a phone from the crowd: the phone's microphone and its wind filter cutting the
    lows (a floor drawn in _PHONE_FLOORS, 4th order) and its highs falling (_PHONE_TOP), filtered
    both ways; the crowd's murmur (_CROWD_DB, pink over _CROWD_BAND, swelling and ebbing at a rate
    drawn in _CROWD_SWELLS); and the phone's automatic gain control riding what it hears towards one
    level (its detector's time constant drawn in _PHONE_AGC, closing _PHONE_AGC_RANGE of the gap in
    dB). A gain that moves over seconds moves no note and no beat."""
    floor = drawn(rng, _PHONE_FLOORS)
    top = usable(drawn(rng, _PHONE_TOP), sample_rate)
    sos = signal.butter(4, floor, btype="highpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, samples)
    sos = signal.butter(2, top, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, out)
    sos = signal.butter(2, _CROWD_BAND, btype="bandpass", fs=sample_rate, output="sos")
    murmur = signal.sosfilt(sos, pink_noise(rng, samples.size))
    times = np.arange(samples.size) / sample_rate
    swell = 1.0 + 0.5 * np.sin(2.0 * np.pi * drawn(rng, _CROWD_SWELLS) * times + rng.uniform(0.0, 6.3))
    murmur *= swell * rms(out) * 10.0 ** (drawn(rng, _CROWD_DB) / 20.0) / rms(murmur)
    heard = out + murmur
    target = rms(heard)
    # The detector starts at the clip's own level, not at silence, so its first seconds are not lifted.
    power = envelope(heard**2 - target**2, sample_rate, drawn(rng, _PHONE_AGC)) + target**2
    level = np.sqrt(np.maximum(power, 1e-6 * target**2))
    return np.asarray(heard * (target / level) ** _PHONE_AGC_RANGE)


def bluetooth(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song sent to a speaker over a crowded Bluetooth link, coded by SBC at a low bitpool: split
    into _SBC_BANDS subbands (a short-time transform of 2 x _SBC_BANDS-sample frames, half
    overlapping), each subband's scale factor (the power of two over its loudest in a block of
    _SBC_BLOCKS frames) and its bits shared out of the pool drawn in _SBC_BITPOOLS by the loudness
    allocation (a subband's need is its scale factor's exponent less its offset, _SBC_OFFSETS; the
    pool goes where the need is greatest, _SBC_MOST bits at most, none where a subband is too quiet
    for a bit), each sample quantised to its bits, and the subbands put back together. Its noise
    follows the music within a block of a few milliseconds and sits at every note's own subband: it
    moves no note and no beat."""
    frame = 2 * _SBC_BANDS
    _, _, bands = signal.stft(samples, nperseg=frame, noverlap=_SBC_BANDS, window="hann", boundary="even")
    bands = bands[:_SBC_BANDS]  # the transform's top bin (the rate's half) carries nothing kept
    blocks = -(-bands.shape[1] // _SBC_BLOCKS)
    padded = np.zeros((_SBC_BANDS, blocks * _SBC_BLOCKS), dtype=np.complex128)
    padded[:, : bands.shape[1]] = bands
    grouped = padded.reshape(_SBC_BANDS, blocks, _SBC_BLOCKS)
    loudest = np.maximum(np.abs(grouped.real), np.abs(grouped.imag)).max(axis=2)
    exponent = np.ceil(np.log2(np.maximum(loudest, 1e-12)))
    need = exponent - exponent.max(axis=0) + 12.0 - np.asarray(_SBC_OFFSETS)[:, None]
    pool = drawn(rng, _SBC_BITPOOLS)
    low, high = np.full(blocks, -_SBC_MOST - 32.0), np.full(blocks, _SBC_MOST + 32.0)
    for _ in range(30):  # the water level at which each block's bits fill its pool
        level = 0.5 * (low + high)
        spent = np.clip(np.floor(need - level), 0.0, _SBC_MOST).sum(axis=0)
        low, high = np.where(spent > pool, level, low), np.where(spent > pool, high, level)
    bits = np.clip(np.floor(need - high), 0.0, _SBC_MOST)
    bits[bits < 2.0] = 0.0
    step = 2.0 ** (exponent + 1.0) / np.maximum(2.0**bits, 1.0)
    coded = np.where(bits[:, :, None] > 0, 1.0, 0.0) * (
        np.round(grouped.real / step[:, :, None]) + 1j * np.round(grouped.imag / step[:, :, None])
    )
    coded = (coded * step[:, :, None]).reshape(_SBC_BANDS, -1)[:, : bands.shape[1]]
    full = np.zeros((_SBC_BANDS + 1, bands.shape[1]), dtype=np.complex128)
    full[:_SBC_BANDS] = coded
    _, out = signal.istft(full, nperseg=frame, noverlap=_SBC_BANDS, window="hann", boundary=True)
    heard = np.zeros(samples.size)
    heard[: min(out.size, samples.size)] = out[: samples.size]
    return heard


def binaural(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song recorded on a dummy head's microphones in the hall, heard from the ear turned away from
    the players: the head's shadow taking the highs (a first-order split at a corner drawn in
    _SHADOW, the highs turned down by the dB drawn), the ear canal's quarter-wave resonance
    (_EAR_CANAL), the concha's (_CONCHA) and the pinna's notch (_PINNA_NOTCH), all filtered both
    ways. Filters move no note and no beat."""
    (corners, depths) = _SHADOW
    sos = signal.butter(1, drawn(rng, corners), btype="lowpass", fs=sample_rate, output="sos")
    lows = signal.sosfiltfilt(sos, samples)
    out = lows + (samples - lows) * 10.0 ** (-drawn(rng, depths) / 20.0)
    (low, high), q, (least, most) = _EAR_CANAL
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    (low, high), q, lift = _CONCHA
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, lift)
    (low, high), q, (least, most) = _PINNA_NOTCH
    centre = min(drawn(rng, (low, high)), 0.4 * sample_rate)
    return peaking(out, sample_rate, centre, q, drawn(rng, (least, most)))


def hearing_aid(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song heard through a hearing aid fitted to a sloping high-frequency loss: four channels (split
    at _AID_EDGES, 4th order, filtered both ways, so they add back up), each turned up by its fitted
    gain (_AID_FITTING, each drawn within _AID_FITTING_SPREAD) and compressed above its knee
    (_AID_KNEE_DB) by the ratio drawn in _AID_RATIOS, its level followed over _AID_TIME s; the
    receiver's highs falling over a corner drawn in _AID_RECEIVER, and its microphone's hiss. The
    gains ride each channel's level far slower than any note's cycle: they move no note and no
    beat."""
    ratio = drawn(rng, _AID_RATIOS)
    out, rest = np.zeros(samples.size), samples
    for edge, fitted in zip((*_AID_EDGES, 0.0), _AID_FITTING, strict=True):
        if edge:
            sos = signal.butter(4, edge, btype="lowpass", fs=sample_rate, output="sos")
            channel = signal.sosfiltfilt(sos, rest)
            rest = rest - channel
        else:
            channel = rest
        level = np.sqrt(envelope(channel**2, sample_rate, _AID_TIME)) + 1e-9
        knee = rms(channel, 1e-9) * 10.0 ** (_AID_KNEE_DB / 20.0)
        squeeze = np.minimum(1.0, (knee / level) ** (1.0 - 1.0 / ratio))
        gain = 10.0 ** ((fitted + drawn(rng, (-1.0, 1.0)) * _AID_FITTING_SPREAD) / 20.0)
        out += gain * squeeze * channel
    top = usable(drawn(rng, _AID_RECEIVER), sample_rate)
    sos = signal.butter(2, top, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, out)
    return np.asarray(out + rms(out) * 10.0 ** (_AID_NOISE_DB / 20.0) * rng.standard_normal(samples.size))


def glass(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played off a phone's loudspeaker laid in a drinking glass to sound louder: the speaker's
    passband (a floor drawn in _GLASS_SPEAKER, _GLASS_TOP), and the glass's air column, open at the
    top and closed at the bottom, ringing at a quarter wave of its depth (drawn in _GLASS_DEPTHS)
    and its odd multiples (_GLASS_RESONANCES), all filtered both ways. Filters move no note and no
    beat."""
    floor = drawn(rng, _GLASS_SPEAKER)
    top = usable(_GLASS_TOP, sample_rate)
    out = band_passed(samples, sample_rate, floor, top)
    quarter = _SOUND_SPEED / (4.0 * drawn(rng, _GLASS_DEPTHS))
    for multiple, lift in _GLASS_RESONANCES:
        if multiple * quarter < 0.4 * sample_rate:
            out = peaking(out, sample_rate, multiple * quarter, _GLASS_Q, lift)
    return np.asarray(out)


def replicate(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song streamed at a low bitrate by a codec that codes only the band under a crossover (drawn in
    _SBR_CROSSOVERS) and rebuilds the highs above it from it (spectral band replication): in frames
    of _SBR_FRAME samples, the octave under the crossover copied up above it, again and again to the
    top (so its partials land a whole patch's width higher, not on their notes' harmonics), each of
    _SBR_BANDS bands of it brought to the level the song had there in that frame (sent in steps of
    _SBR_STEP_DB), with a noise floor drawn in _SBR_NOISE_DB under it. What is under the crossover,
    every note's fundamental and the beat's, passes as it was; the highs follow the song's frame by
    frame: it moves no note and no beat."""
    hop = _SBR_FRAME // 4
    _, _, spectrum = signal.stft(
        samples, nperseg=_SBR_FRAME, noverlap=_SBR_FRAME - hop, window="hann", boundary="even"
    )
    bins = spectrum.shape[0]
    cross = min(int(drawn(rng, _SBR_CROSSOVERS) * _SBR_FRAME / sample_rate), bins - _SBR_BANDS)
    lower = cross // 2
    sources = lower + (np.arange(cross, bins) - cross) % (cross - lower)
    rebuilt = spectrum.copy()
    rebuilt[cross:] = spectrum[sources]
    edges = np.linspace(cross, bins, _SBR_BANDS + 1).astype(int)
    for start, end in itertools.pairwise(edges):
        wanted = np.sum(np.abs(spectrum[start:end]) ** 2, axis=0)
        sent = 10.0 ** (_SBR_STEP_DB * np.round(10.0 * np.log10(wanted + 1e-20) / _SBR_STEP_DB) / 10.0)
        copied = np.sum(np.abs(rebuilt[start:end]) ** 2, axis=0)
        floor = 10.0 ** (drawn(rng, _SBR_NOISE_DB) / 10.0)
        noise = rng.standard_normal(rebuilt[start:end].shape) + 1j * rng.standard_normal(
            rebuilt[start:end].shape
        )
        scale = np.sqrt(sent * floor / (2.0 * (end - start)))
        rebuilt[start:end] = (
            rebuilt[start:end] * np.sqrt(sent * (1.0 - floor) / (copied + 1e-20)) + noise * scale
        )
    _, out = signal.istft(
        rebuilt, nperseg=_SBR_FRAME, noverlap=_SBR_FRAME - hop, window="hann", boundary=True
    )
    heard = np.zeros(samples.size)
    heard[: min(out.size, samples.size)] = out[: samples.size]
    return heard


def column(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song through a church's column loudspeaker heard from the pews: its drivers (drawn in
    _COLUMN_DRIVERS, _COLUMN_PITCH apart in a vertical line) each reaching a listener drawn
    _COLUMN_ANGLES off its axis a little later than the one above it, their sum (taken about the
    middle driver, so nothing moves in time: the line's response is real) cancelling the highs in
    lobes and notches that a listener on the axis would not hear; each driver's small cone's
    passband (_COLUMN_BAND) and the 100-volt line's transformer's floor (drawn in _COLUMN_LINE), all
    filtered both ways. The delays are under a couple of milliseconds: no echo, no note moved."""
    drivers = int(rng.integers(_COLUMN_DRIVERS[0], _COLUMN_DRIVERS[1] + 1))
    lag = _COLUMN_PITCH * np.sin(np.radians(drawn(rng, _COLUMN_ANGLES))) / _SOUND_SPEED
    freqs = np.fft.rfftfreq(samples.size, 1.0 / sample_rate)
    places = np.arange(drivers) - (drivers - 1) / 2.0
    line = np.cos(2.0 * np.pi * freqs[:, None] * places[None, :] * lag).mean(axis=1)
    out = np.fft.irfft(np.fft.rfft(samples) * line, samples.size)
    sos = signal.butter(2, (_COLUMN_BAND[0], usable(_COLUMN_BAND[1], sample_rate)), btype="bandpass",
                        fs=sample_rate, output="sos")  # fmt: skip
    out = signal.sosfiltfilt(sos, out)
    sos = signal.butter(1, drawn(rng, _COLUMN_LINE), btype="highpass", fs=sample_rate, output="sos")
    return np.asarray(signal.sosfiltfilt(sos, out))


def wire(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song recorded on a wire recorder's steel wire and played back: its band (a floor and a top
    drawn in _WIRE_BAND), the wire's magnetisation without bias (the quietest of it sunk in its
    curve's toe, drawn in _WIRE_TOE; the loudest bent at _WIRE_KNEE), the wire twisting under the
    head so its track's azimuth turns, the highs above _WIRE_TWIST_CORNER swaying slowly in level
    (_WIRE_TWIST), and its hiss (_WIRE_HISS_DB). Every filter runs both ways and the curves have no
    memory: no note and no beat moves."""
    (floor_low, floor_high), (top_low, top_high) = _WIRE_BAND
    band = (
        drawn(rng, (floor_low, floor_high)),
        usable(drawn(rng, (top_low, top_high)), sample_rate),
    )
    out = band_passed(samples, sample_rate, *band)
    out /= float(np.max(np.abs(out))) or 1.0
    toe = drawn(rng, _WIRE_TOE)
    out = out * np.abs(out) / (np.abs(out) + toe)
    out = np.tanh(_WIRE_KNEE * out) / np.tanh(_WIRE_KNEE)
    sos = signal.butter(2, _WIRE_TWIST_CORNER, btype="highpass", fs=sample_rate, output="sos")
    highs = signal.sosfiltfilt(sos, out)
    rates, (shallow, deep) = _WIRE_TWIST
    out = out - drawn(rng, (shallow, deep)) * (0.5 + 0.5 * sway(rng, rates, out.size, sample_rate)) * highs
    sos = signal.butter(2, (_WIRE_TWIST_CORNER, band[1]), btype="bandpass", fs=sample_rate, output="sos")
    return out + under(out, signal.sosfiltfilt(sos, rng.standard_normal(out.size)), rng, _WIRE_HISS_DB)


def carbon(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song sung into a carbon microphone, as a 1920s broadcast or a paging line took it: its button's
    resistance falling as the diaphragm presses (a square law, drawn in _CARBON_CURVE: even
    harmonics), the diaphragm's resonance (_CARBON_DIAPHRAGM) and its narrow band (_CARBON_BAND), the
    granules frying (_CARBON_FRY_DB), louder as the music is (its level smoothed both ways), and
    packing and loosening slowly (_CARBON_PACKING). Every filter runs both ways: no note and no beat
    moves."""
    out = samples / (float(np.max(np.abs(samples))) or 1.0)
    out = out + drawn(rng, _CARBON_CURVE) * out**2
    (low, high), (narrow, wide), (least, most) = _CARBON_DIAPHRAGM
    out = peaking(out, sample_rate, drawn(rng, (low, high)), drawn(rng, (narrow, wide)),
                  drawn(rng, (least, most)))  # fmt: skip
    floor, (top_low, top_high) = _CARBON_BAND
    top = usable(drawn(rng, (top_low, top_high)), sample_rate)
    out = band_passed(out, sample_rate, floor, top)
    level = signal.sosfiltfilt(signal.butter(1, 20.0, fs=sample_rate, output="sos"), np.abs(out))
    level = np.maximum(level, 0.0) / (float(np.max(level)) or 1.0)
    sos = signal.butter(2, _CARBON_FRY_BAND, btype="bandpass", fs=sample_rate, output="sos")
    fry = signal.sosfiltfilt(sos, rng.standard_normal(out.size)) * (
        _CARBON_FRY_FLOOR + (1.0 - _CARBON_FRY_FLOOR) * level
    )
    out = out + under(out, fry, rng, _CARBON_FRY_DB)
    rates, swing = _CARBON_PACKING
    return np.asarray(out * 10.0 ** (swing * sway(rng, rates, out.size, sample_rate) / 20.0))


def walkie(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played into a handheld two-way radio and heard from another one: the handheld's
    microphone gain rider pulling the level toward the song's own (its time constant and slope in
    _WALKIE_AGC), the narrowband FM transmitter's pre-emphasis (_WALKIE_EMPHASIS) and deviation
    limiter (clipping the emphasised peaks at a ceiling drawn in _WALKIE_DEVIATION) and its splatter
    filter, the receiver's de-emphasis and audio band (_WALKIE_BAND), the channel's noise
    (_WALKIE_NOISE_DB) rising as the carrier fades slowly (_WALKIE_FADING), and the squelch's tail:
    once the transmitter is let go at the clip's end, a burst of the channel's noise before the
    squelch shuts (_WALKIE_TAIL). Every filter runs both ways (the de-emphasis undoing the
    pre-emphasis exactly), and the gain rider only turns the level: no note and no beat moves."""
    (quick, slow), slope = _WALKIE_AGC
    mean = rms(samples) ** 2  # the rider starts at the song's own level
    power = mean + envelope(samples**2 - mean, sample_rate, drawn(rng, (quick, slow)))
    level = np.sqrt(np.maximum(power, 1e-6 * mean))
    out = samples * (rms(samples) / level) ** slope
    pole = float(np.exp(-2.0 * np.pi * _WALKIE_EMPHASIS / sample_rate))
    out = signal.filtfilt([1.0, -pole], [1.0 - pole], out)
    ceiling = drawn(rng, _WALKIE_DEVIATION) * (float(np.max(np.abs(out))) or 1.0)
    out = np.clip(out, -ceiling, ceiling)
    splatter = usable(_WALKIE_SPLATTER, sample_rate)
    out = signal.sosfiltfilt(signal.butter(4, splatter, fs=sample_rate, output="sos"), out)
    out = signal.filtfilt([1.0 - pole], [1.0, -pole], out)
    sos = signal.butter(4, _WALKIE_BAND, btype="bandpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, out)
    channel = signal.sosfiltfilt(sos, rng.standard_normal(out.size))
    rates, (shallow, deep) = _WALKIE_FADING
    fading = 10.0 ** (drawn(rng, (shallow, deep)) * sway(rng, rates, out.size, sample_rate) / 20.0)
    out = out + under(out, channel, rng, _WALKIE_NOISE_DB) * fading
    times = np.arange(out.size) / sample_rate
    seconds, decibels = _WALKIE_TAIL
    let_go = times[-1] - drawn(rng, seconds)
    keyed = np.clip((let_go - times) / 0.005, 0.0, 1.0)
    tail = under(out, channel, rng, decibels) * (1.0 - keyed) * np.clip((times[-1] - times) / 0.01, 0.0, 1.0)
    return np.asarray(out * keyed + tail)


def eccentric(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on an LP (or a single) pressed with its spindle hole off the groove's centre, toward the
    end of a side: once a turn (_LP_TURNS) the groove runs a little faster and then slower under the
    stylus, the pitch swaying by the eccentricity (_LP_ECCENTRICITY) over the radius (_LP_RADII,
    falling by _LP_GROOVE_PITCH a turn), under 5 cents; the inner groove's tracing loss (the highs
    whose wavelength on the groove is under _LP_TRACING, 2nd order) and its tracing distortion (the
    highs above _LP_PINCH_CORNER bent by a share drawn in _LP_PINCH, more as the radius shrinks: even
    harmonics). Every filter runs both ways and the audio is read under a millisecond off its time: no
    note and no beat moves."""
    turns = _LP_TURNS[int(rng.integers(2))]
    times = np.arange(samples.size) / sample_rate
    radius = drawn(rng, _LP_RADII) - _LP_GROOVE_PITCH * turns * times
    depth = drawn(rng, _LP_ECCENTRICITY) / radius / (2.0 * np.pi * turns)
    read = times - depth * sway(rng, (turns, turns), samples.size, sample_rate)
    out = np.interp(read * sample_rate, np.arange(samples.size), samples)
    speed = 2.0 * np.pi * float(np.mean(radius)) * turns
    corner = usable(speed / drawn(rng, _LP_TRACING), sample_rate)
    out = signal.sosfiltfilt(signal.butter(2, corner, fs=sample_rate, output="sos"), out)
    sos = signal.butter(2, _LP_PINCH_CORNER, btype="highpass", fs=sample_rate, output="sos")
    highs = signal.sosfiltfilt(sos, out)
    bend = drawn(rng, _LP_PINCH) * 0.062 / float(np.mean(radius))
    curve = highs**2 / (float(np.max(np.abs(highs))) or 1.0)
    return np.asarray(out + bend * (curve - float(np.mean(curve))))


def pool(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played through a swimming pool's underwater loudspeaker and heard by a swimmer under the
    water: the loudspeaker's passband (_POOL_SPEAKER) and its piston's resonance (_POOL_RESONANCE);
    the direct sound and its reflection off the water's surface, which a pressure-release boundary
    sends back inverted (the speaker's and the swimmer's depths and the distance between them drawn
    in _POOL_GEOMETRY), so that the lows, whose wavelengths dwarf the two paths' difference, cancel
    (Lloyd's mirror); the tiled tank's tail (_POOL_RT60, mixed in at _POOL_WET); the swimmer's head
    hearing it by bone conduction (a low-pass drawn in _POOL_HEARING); the filtration's pumps
    (_POOL_PUMPS_DB over _POOL_PUMPS_BAND). The surface's path is taken about the direct one, every
    filter runs both ways: no note and no beat moves."""
    low, high = _POOL_SPEAKER
    sos = signal.butter(2, (low, usable(high, sample_rate)), btype="bandpass", fs=sample_rate, output="sos")
    out = signal.sosfiltfilt(sos, samples)
    (lowest, highest), q, lift = _POOL_RESONANCE
    out = peaking(out, sample_rate, drawn(rng, (lowest, highest)), q, lift)
    speaker, swimmer, apart = (drawn(rng, span) for span in _POOL_GEOMETRY)
    direct = np.hypot(apart, speaker - swimmer)
    mirrored = np.hypot(apart, speaker + swimmer)
    freqs = np.fft.rfftfreq(out.size, 1.0 / sample_rate)
    surface = -(direct / mirrored) * np.exp(-2j * np.pi * freqs * (mirrored - direct) / _WATER_SPEED)
    out = np.fft.irfft(np.fft.rfft(out) * (1.0 + surface), out.size)
    rt60 = drawn(rng, _POOL_RT60)
    _, tail = decaying_noise(rng, rt60, sample_rate)
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), _POOL_WET)
    corner = usable(drawn(rng, _POOL_HEARING), sample_rate)
    out = signal.sosfiltfilt(signal.butter(2, corner, fs=sample_rate, output="sos"), out)
    sos = signal.butter(2, _POOL_PUMPS_BAND, btype="bandpass", fs=sample_rate, output="sos")
    pumps = signal.sosfiltfilt(sos, pink_noise(rng, out.size))
    return np.asarray(out + under(out, pumps, rng, _POOL_PUMPS_DB))


def stripe(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song off a Super 8 sound film's magnetic stripe, as a home movie's projector plays it: the
    claw pulling the film down through the gate once a frame (18 or 24 frames a second, drawn in
    _STRIPE_FRAMES) and the flywheel not quite smoothing it, so the film passes the sound head at a
    speed swinging once a frame by a share drawn in _STRIPE_FLUTTER (flutter: the pitch swings by a
    few cents and the audio is read tens of microseconds off its time); the narrow stripe's band
    (_STRIPE_BAND, filtered both ways) and its hiss (_STRIPE_HISS_DB, above _STRIPE_HISS_CORNER). No
    note and no beat moves."""
    frames = _STRIPE_FRAMES[int(rng.integers(2))]
    depth = drawn(rng, _STRIPE_FLUTTER)
    times = np.arange(samples.size) / sample_rate
    read = times - depth / (2.0 * np.pi * frames) * sway(rng, (frames, frames), samples.size, sample_rate)
    out = np.interp(read * sample_rate, np.arange(samples.size), samples)
    (lowest, highest), (dullest, brightest) = _STRIPE_BAND
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    sos = signal.butter(1, _STRIPE_HISS_CORNER, btype="highpass", fs=sample_rate, output="sos")
    hiss = signal.sosfilt(sos, rng.standard_normal(out.size))
    return np.asarray(out + under(out, hiss, rng, _STRIPE_HISS_DB))


def cylinder(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song off a brown wax phonograph cylinder, turning at 160 rpm (_CYLINDER_TURNS), its groove
    cut hill-and-dale (the stylus moving up and down, the groove's loudest swing drawn in
    _CYLINDER_DEPTH): the reproducer's sapphire ball (its radius drawn in _CYLINDER_BALL) rides over
    the hills and cannot follow the dales' bottoms, so the path it traces stands above the groove's
    own by r/2 (dy/dx)^2, the groove's slope at the speed it passes under the ball (_CYLINDER_RADIUS
    at _CYLINDER_TURNS): even harmonics, strongest on the loud highs; the horn's and diaphragm's
    band (_CYLINDER_BAND) and the mica diaphragm's resonance (_CYLINDER_DIAPHRAGM); the wax's swish
    (_CYLINDER_SWISH_DB over _CYLINDER_SWISH_BAND), swelling once a turn by a share drawn in
    _CYLINDER_SWISH_SWELL where the wax is worn out of round. The mandrel's governor holds its speed
    and every filter runs both ways: no note and no beat moves."""
    depth = drawn(rng, _CYLINDER_DEPTH)
    ball = drawn(rng, _CYLINDER_BALL)
    speed = 2.0 * np.pi * _CYLINDER_RADIUS * _CYLINDER_TURNS
    peak = float(np.max(np.abs(samples))) or 1.0
    hills = samples * (depth / peak)
    slope = np.gradient(hills) * sample_rate / speed
    traced = hills + 0.5 * ball * slope**2
    out = (traced - float(np.mean(traced))) * (peak / depth)
    (lowest, highest), (dullest, brightest) = _CYLINDER_BAND
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    (low, high), q, (least, most) = _CYLINDER_DIAPHRAGM
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    sos = signal.butter(2, _CYLINDER_SWISH_BAND, btype="bandpass", fs=sample_rate, output="sos")
    swish = signal.sosfiltfilt(sos, pink_noise(rng, out.size))
    swell = drawn(rng, _CYLINDER_SWISH_SWELL)
    swish = swish * (1.0 + swell * sway(rng, (_CYLINDER_TURNS, _CYLINDER_TURNS), out.size, sample_rate))
    return np.asarray(out + under(out, swish, rng, _CYLINDER_SWISH_DB))


def monitor(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song playing in a nursery, heard on a baby monitor's parent unit: the nursery's reverb as the
    baby's unit's microphone hears it (_MONITOR_NURSERY: a reverb time drawn, its share); the link
    sampling at _MONITOR_RATE (resampled, its anti-aliasing filter linear-phase) and its gain sending
    the loudest sample at a level drawn in _MONITOR_PEAK; every sample coded in 4 bits by adaptive
    differential PCM (IMA's step tables: adpcm), as a DECT link's G.726 codes it, so the quantiser's
    step lags a loud attack and grinds under a quiet passage; the parent unit's small speaker
    (_MONITOR_SPEAKER, filtered both ways) and its cone's resonance in its box (_MONITOR_RESONANCE).
    No note and no beat moves."""
    (shortest, longest), wet = _MONITOR_NURSERY
    rt60 = drawn(rng, (shortest, longest))
    _, tail = decaying_noise(rng, rt60, sample_rate)
    out = reverberate(samples, tail / np.sqrt(np.sum(tail**2)), wet)
    common = int(np.gcd(sample_rate, _MONITOR_RATE))
    link = signal.resample_poly(out, _MONITOR_RATE // common, sample_rate // common)
    level = drawn(rng, _MONITOR_PEAK) / (float(np.max(np.abs(link))) or 1.0)
    link = adpcm(link * level) / level
    out = signal.resample_poly(link, sample_rate // common, _MONITOR_RATE // common)[: samples.size]
    out = np.pad(out, (0, samples.size - out.size))
    (lowest, highest), (dullest, brightest) = _MONITOR_SPEAKER
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    (low, high), q, lift = _MONITOR_RESONANCE
    return peaking(out, sample_rate, drawn(rng, (low, high)), q, lift)


def concourse(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played over a railway concourse's announcement loudspeakers, heard from its floor: each
    of two re-entrant horns carrying its band (_CONCOURSE_HORN) and its folded throat's resonance
    (_CONCOURSE_THROAT), the nearer at a distance drawn in _CONCOURSE_DISTANCES[0] and the farther
    further by a distance drawn in [1], its sound arriving that much later over the speed of sound
    (3-12 ms: too short to be heard as another beat) and each one's level falling as 1 / distance; the
    hall's long reverb (an RT60 drawn in _CONCOURSE_RT60, its highs dying first, at _CONCOURSE_WET:
    reverberate); the travellers' murmur (pink_noise over _CONCOURSE_CROWD_BAND, swelling by a
    third at a slow rate: sway, brought under: under). Every filter runs both ways: no note moves."""
    near, further = (drawn(rng, distances) for distances in _CONCOURSE_DISTANCES)
    horns = []
    for distance in (near, near + further):
        (lowest, highest), (dullest, brightest) = _CONCOURSE_HORN
        band = (
            drawn(rng, (lowest, highest)),
            usable(drawn(rng, (dullest, brightest)), sample_rate),
        )
        horn = band_passed(samples, sample_rate, *band)
        (low, high), q, (least, most) = _CONCOURSE_THROAT
        horn = peaking(horn, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
        delay = round((distance - near) / _SOUND_SPEED * sample_rate)
        horns.append(np.pad(horn, (delay, 0))[: samples.size] / distance)
    out = horns[0] + horns[1]
    rt60 = drawn(rng, _CONCOURSE_RT60)
    times, tail = decaying_noise(rng, rt60, sample_rate)
    dull = signal.sosfilt(signal.butter(1, 2500.0, btype="lowpass", fs=sample_rate, output="sos"), tail)
    tail = tail + (dull - tail) * (times / times[-1])  # its highs die first
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), _CONCOURSE_WET)
    sos = signal.butter(2, _CONCOURSE_CROWD_BAND, btype="bandpass", fs=sample_rate, output="sos")
    pad = sample_rate // 2  # the murmur was there before the clip began: its filter's edges are cut off
    crowd = signal.sosfiltfilt(sos, pink_noise(rng, out.size + 2 * pad))[pad : pad + out.size]
    crowd = crowd * (1.0 + 0.33 * sway(rng, (0.05, 0.15), out.size, sample_rate))
    return np.asarray(out + under(out, crowd, rng, _CONCOURSE_CROWD_DB))


def video_call(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played into a laptop on a video call, heard at the other end: the link sampling at
    _CALL_RATE and its codec's band (_CALL_BAND, both ways); its noise suppressor, which takes for
    noise whatever each frequency never falls below over the last second or two (the per-bin
    minimum of its smoothed power over a span drawn in _CALL_MEMORY, in _CALL_FRAME hops) and
    subtracts it over-much (_CALL_OVER, drawn), so a chord held long is worn down toward
    _CALL_FLOOR_DB while each new attack comes through, its gain changing frame by frame (_CALL_FRAME)
    and overlap-added. No note's pitch moves and no beat: it only takes away."""
    common = int(np.gcd(sample_rate, _CALL_RATE))
    link = signal.resample_poly(samples, _CALL_RATE // common, sample_rate // common)
    top = usable(_CALL_BAND[1], _CALL_RATE)
    link = signal.sosfiltfilt(
        signal.butter(4, (_CALL_BAND[0], top), btype="bandpass", fs=_CALL_RATE, output="sos"), link
    )
    hop = round(_CALL_FRAME * _CALL_RATE)
    _, _, frames = signal.stft(link, fs=_CALL_RATE, nperseg=2 * hop, noverlap=hop)
    power = np.abs(frames) ** 2
    smoothed = signal.lfilter([1.0 - _CALL_SMOOTH], [1.0, -_CALL_SMOOTH], power, axis=1)
    span = max(1, round(drawn(rng, _CALL_MEMORY) / _CALL_FRAME))
    noise = ndimage.minimum_filter1d(smoothed, size=span, axis=1, origin=(span - 1) // 2, mode="nearest")
    over = drawn(rng, _CALL_OVER)
    floor = 10.0 ** (_CALL_FLOOR_DB / 20.0)
    gain = np.sqrt(np.maximum(1.0 - over * noise / np.maximum(smoothed, 1e-20), floor**2))
    _, cleaned = signal.istft(frames * gain, fs=_CALL_RATE, nperseg=2 * hop, noverlap=hop)
    cleaned = np.pad(cleaned, (0, max(0, link.size - cleaned.size)))[: link.size]
    out = signal.resample_poly(cleaned, sample_rate // common, _CALL_RATE // common)[: samples.size]
    return np.asarray(np.pad(out, (0, samples.size - out.size)))


def airline(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on an airliner's in-flight channel, heard through a pneumatic headset: the armrest's
    transducer and its band (_AIRLINE_DRIVER, both ways), the sound carried to the ear up a hollow
    tube (its length drawn in _AIRLINE_TUBE) that the ear's end reflects in part (_AIRLINE_REFLECTION)
    and the transducer's end wholly, so the tube rings at every multiple of the speed of sound over
    twice its length (140-215 Hz apart: the comb such a headset is known by), its walls taking more
    of the highs each way they pass (_AIRLINE_LOSS times the root of the frequency); and the cabin's
    roar (pink_noise under _AIRLINE_ROAR_CORNER, swelling by a fifth at a slow rate: sway, brought
    under: under). The tube's echoes are milliseconds apart and die within a few tens: no note moves
    and no beat."""
    (lowest, highest), (dullest, brightest) = _AIRLINE_DRIVER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    tube = drawn(rng, _AIRLINE_TUBE)
    reflection = drawn(rng, _AIRLINE_REFLECTION)
    pad = sample_rate // 4  # the tube's echoes have died long before they could wrap round
    freqs = np.fft.rfftfreq(out.size + pad, 1.0 / sample_rate)
    way = np.exp(-_AIRLINE_LOSS * tube * np.sqrt(freqs))  # one way up the tube, its delay left out
    trip = reflection * way**2 * np.exp(-2j * np.pi * freqs * 2.0 * tube / _SOUND_SPEED)
    out = np.fft.irfft(np.fft.rfft(out, out.size + pad) * way / (1.0 - trip), out.size + pad)[: samples.size]
    corner = usable(drawn(rng, _AIRLINE_ROAR_CORNER), sample_rate)
    roar = signal.sosfiltfilt(
        signal.butter(2, corner, fs=sample_rate, output="sos"), pink_noise(rng, out.size)
    )
    roar = roar * (1.0 + 0.2 * sway(rng, (0.05, 0.2), out.size, sample_rate))
    return np.asarray(out + under(out, roar, rng, _AIRLINE_ROAR_DB))


def dictaphone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song caught by a microcassette dictaphone's built-in microphone across a room and played back
    on it: the room's noise at the microphone (pink_noise, under _DICTAPHONE_ROOM_DB); the automatic
    level control, its detector rising onto each loud attack within milliseconds and falling back over
    a second or more (_DICTAPHONE_ALC, in _DICTAPHONE_ALC_BLOCK steps), its gain holding the level at
    the song's own and lifting quiet passages (and the room's noise under them) by as much as it may,
    so the mix ducks under each loud attack and breathes back up; the tape's narrow band at its slow
    speed (_DICTAPHONE_BAND, both ways); the capstan's flutter (the tape passing the head at a speed
    swinging once a turn by a share drawn in _DICTAPHONE_FLUTTER: under 3 cents, read well under a
    millisecond off its time); the tape's hiss (_DICTAPHONE_HISS_DB above _DICTAPHONE_HISS_CORNER).
    The level control only turns the level: no note and no beat moves."""
    out = samples + under(samples, pink_noise(rng, samples.size), rng, _DICTAPHONE_ROOM_DB)
    (quick, slow), (short, long), most = _DICTAPHONE_ALC
    block = max(1, round(_DICTAPHONE_ALC_BLOCK * sample_rate))
    blocks = -(-out.size // block)
    peaks = np.abs(np.pad(out, (0, blocks * block - out.size))).reshape(blocks, block).max(axis=1)
    rise = 1.0 - float(np.exp(-_DICTAPHONE_ALC_BLOCK / drawn(rng, (quick, slow))))
    fall = float(np.exp(-_DICTAPHONE_ALC_BLOCK / drawn(rng, (short, long))))
    target = rms(samples)
    followed = np.empty(blocks)
    level = target
    for k, peak in enumerate(peaks.tolist()):
        level = level + (peak - level) * rise if peak > level else max(level * fall, peak)
        followed[k] = level
    gain = np.minimum(most, target / np.maximum(followed, 1e-9))
    out = out * np.interp(np.arange(out.size), (np.arange(blocks) + 0.5) * block, gain)
    (lowest, highest), (dullest, brightest) = _DICTAPHONE_BAND
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    rates, swings = _DICTAPHONE_FLUTTER
    turns = drawn(rng, rates)
    depth = drawn(rng, swings) / (2.0 * np.pi * turns)
    times = np.arange(out.size) / sample_rate
    read = times - depth * sway(rng, (turns, turns), out.size, sample_rate)
    out = np.interp(read * sample_rate, np.arange(out.size), out)
    sos = signal.butter(1, _DICTAPHONE_HISS_CORNER, btype="highpass", fs=sample_rate, output="sos")
    hiss = signal.sosfilt(sos, rng.standard_normal(out.size))
    return np.asarray(out + under(out, hiss, rng, _DICTAPHONE_HISS_DB))


def speakerphone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song playing beside a smartphone that lies on a table on speakerphone, heard at the other end
    of the call: the table's bounce just behind the direct sound at the phone's microphone
    (_SPEAKERPHONE_TABLE: a delay under 1.2 ms and its share); the echo canceller's suppressor, which,
    while the far end talks (spurts and pauses drawn in _SPEAKERPHONE_TALK), turns what the phone hears
    down by a depth drawn in _SPEAKERPHONE_DUCK_DB so that no echo of their voice goes back, moving
    over _SPEAKERPHONE_TIMES (quick to duck, slower to let go, in _SPEAKERPHONE_BLOCK steps), and
    fills the hole it makes with comfort noise (pink_noise, under _SPEAKERPHONE_COMFORT_DB, as deep as
    it ducks); the call's wideband link (_SPEAKERPHONE_RATE, its band _SPEAKERPHONE_BAND, both ways).
    The suppressor only turns the level: no note and no beat moves."""
    (soonest, latest), share = _SPEAKERPHONE_TABLE
    bounce = max(1, round(drawn(rng, (soonest, latest)) * sample_rate))
    out = samples + drawn(rng, share) * np.pad(samples, (bounce, 0))[: samples.size]
    (shortest, longest), (briefest, slowest) = _SPEAKERPHONE_TALK
    talking = np.zeros(out.size)
    at = drawn(rng, (briefest, slowest))
    while at * sample_rate < out.size:
        spurt = drawn(rng, (shortest, longest))
        talking[round(at * sample_rate) : round((at + spurt) * sample_rate)] = 1.0
        at += spurt + drawn(rng, (briefest, slowest))
    block = max(1, round(_SPEAKERPHONE_BLOCK * sample_rate))
    marks = talking[::block].tolist()
    attack, release = (1.0 - float(np.exp(-_SPEAKERPHONE_BLOCK / t)) for t in _SPEAKERPHONE_TIMES)
    followed = np.empty(len(marks))
    depth_now = 0.0
    for k, mark in enumerate(marks):
        depth_now += (mark - depth_now) * (attack if mark > depth_now else release)
        followed[k] = depth_now
    depth = np.interp(np.arange(out.size), np.arange(len(marks)) * block, followed)
    ducked = 1.0 - 10.0 ** (-drawn(rng, _SPEAKERPHONE_DUCK_DB) / 20.0)
    comfort = under(out, pink_noise(rng, out.size), rng, _SPEAKERPHONE_COMFORT_DB)
    out = out * (1.0 - ducked * depth) + comfort * depth
    common = int(np.gcd(sample_rate, _SPEAKERPHONE_RATE))
    link = signal.resample_poly(out, _SPEAKERPHONE_RATE // common, sample_rate // common)
    (lowest, highest), top = _SPEAKERPHONE_BAND
    band = (drawn(rng, (lowest, highest)), usable(top, _SPEAKERPHONE_RATE))
    link = signal.sosfiltfilt(
        signal.butter(4, band, btype="bandpass", fs=_SPEAKERPHONE_RATE, output="sos"), link
    )
    out = signal.resample_poly(link, sample_rate // common, _SPEAKERPHONE_RATE // common)[: samples.size]
    return np.asarray(np.pad(out, (0, samples.size - out.size)))


def lift_car(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a lift car's ceiling speaker, heard standing in the car: the ceiling panel's small
    cone and its band (_LIFT_SPEAKER, both ways) and its resonance behind the panel (_LIFT_CONE:
    peaking); the car's floor sending it back up (_LIFT_FLOOR, less by how much farther it went)
    behind the direct sound by the floor's path (the car's height H and the ear's distance d under
    the ceiling drawn in _LIFT_CAR: 2 H - d against d, some 8-11 ms later); the small metal car's
    bright, short reverb (_LIFT_RT60: reverberate); the hoist's rumble and the car's fan (pink_noise
    under _LIFT_RIDE_CORNER, swelling by a quarter as the car runs: sway, brought under: under). No
    note and no beat moves."""
    (lowest, highest), (dullest, brightest) = _LIFT_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    (low, high), q, (least, most) = _LIFT_CONE
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    (shortest, tallest), (nearest, farthest) = _LIFT_CAR
    height, ear = drawn(rng, (shortest, tallest)), drawn(rng, (nearest, farthest))
    behind = round((2.0 * height - 2.0 * ear) / _SOUND_SPEED * sample_rate)
    out = out + _LIFT_FLOOR * ear / (2.0 * height - ear) * np.pad(out, (behind, 0))[: out.size]
    (quickest, slowest), wet = _LIFT_RT60
    rt60 = drawn(rng, (quickest, slowest))
    _, tail = decaying_noise(rng, rt60, sample_rate)
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), wet)
    corner = usable(drawn(rng, _LIFT_RIDE_CORNER), sample_rate)
    ride = signal.sosfiltfilt(
        signal.butter(2, corner, fs=sample_rate, output="sos"), pink_noise(rng, out.size)
    )
    ride = ride * (1.0 + 0.25 * sway(rng, (0.05, 0.15), out.size, sample_rate))
    return np.asarray(out + under(out, ride, rng, _LIFT_RIDE_DB))


def stadium(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song over a stadium's sound system, heard from a seat near one of its delay towers: the
    tower's horns' band (_STADIUM_HORN, both ways); the main stacks' own sound, from a distance drawn
    in _STADIUM_MAIN, arriving first at a level drawn there against the tower's, its highs lost over
    the air (a low-pass whose corner falls as the square root of the distance, as open_air's does),
    the tower set to sound a Haas offset behind it (_STADIUM_HAAS: too short to be heard as another
    attack, so the ear hears the stage, loudest from the tower); the far stand sending the main
    stacks' sound back a path drawn in _STADIUM_STAND later (twice the stand's distance past the ear
    over the speed of sound, a quarter to half a second, quiet and dull); the open bowl's long reverb
    (_STADIUM_RT60: reverberate); the crowd (pink_noise over _STADIUM_CROWD_BAND, swelling by a
    third: sway, brought under: under). Every arrival is taken about the tower's, the loudest (the
    main stacks' a Haas offset before it), so no note moves; every filter runs both ways."""
    (lowest, highest), (dullest, brightest) = _STADIUM_HORN
    band = (
        drawn(rng, (lowest, highest)),
        usable(drawn(rng, (dullest, brightest)), sample_rate),
    )
    tower = band_passed(samples, sample_rate, *band)
    (nearest, farthest), (least, most) = _STADIUM_MAIN
    distance = drawn(rng, (nearest, farthest))
    corner = usable(_AIR_CORNER * np.sqrt(10.0 / distance), sample_rate)
    main = drawn(rng, (least, most)) * signal.sosfiltfilt(
        signal.butter(1, corner, fs=sample_rate, output="sos"), tower
    )
    behind = max(1, round(drawn(rng, _STADIUM_HAAS) * sample_rate))
    out = tower + np.pad(main, (0, behind))[behind:]
    (closest, furthest), (faintest, loudest) = _STADIUM_STAND
    echo = round(2.0 * drawn(rng, (closest, furthest)) / _SOUND_SPEED * sample_rate)
    dull = usable(0.5 * corner, sample_rate)
    stand = signal.sosfiltfilt(signal.butter(1, dull, fs=sample_rate, output="sos"), main)
    out = out + drawn(rng, (faintest, loudest)) * np.pad(stand, (echo, 0))[: samples.size]
    (quickest, slowest), (dry, wet) = _STADIUM_RT60
    rt60 = drawn(rng, (quickest, slowest))
    _, tail = decaying_noise(rng, rt60, sample_rate)
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), drawn(rng, (dry, wet)))
    murmur = band_passed(pink_noise(rng, out.size), sample_rate, *_STADIUM_CROWD_BAND)
    murmur = murmur * (1.0 + 0.3 * sway(rng, (0.05, 0.2), out.size, sample_rate))
    return np.asarray(out + under(out, murmur, rng, _STADIUM_CROWD_DB))


def telecoil(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song fed to a church's induction loop from its desk and heard on a hearing aid switched to its
    telecoil: the loop driver's level control holding the current steady (its level followed over
    _TELECOIL_ATTACK and a release drawn in _TELECOIL_ALC, compressing by the ratio drawn there:
    envelope); the floor's steel taking the loop's field's highs (a shelf _TELECOIL_METAL dB down over
    a corner drawn there); the coil's rising response and the aid's T program's band
    (_TELECOIL_BAND, both ways); the building's stray mains field, a transformer's and a dimmer's
    odd harmonics of 50 or 60 Hz (the coil hears them all, the higher ones lifted by its rise),
    under _TELECOIL_MAINS_DB (under); the aid's receiver's resonance (_TELECOIL_RECEIVER: peaking)
    and its circuit's hiss (_TELECOIL_HISS_DB). The level control rides the level far slower than
    any note's cycle and every filter runs both ways: no note and no beat moves."""
    (shortest, longest), (gentlest, hardest) = _TELECOIL_ALC
    release, ratio = drawn(rng, (shortest, longest)), drawn(rng, (gentlest, hardest))
    level = np.abs(samples)
    follow = np.maximum(envelope(level, sample_rate, _TELECOIL_ATTACK), envelope(level, sample_rate, release))
    follow = np.maximum(follow / (rms(follow) or 1.0), 0.05)
    out = samples * follow ** (1.0 / ratio - 1.0)
    out = out * (rms(samples) / rms(out))
    (lowest, highest), (least, most) = _TELECOIL_METAL
    corner = usable(drawn(rng, (lowest, highest)), sample_rate)
    low = signal.sosfiltfilt(signal.butter(1, corner, fs=sample_rate, output="sos"), out)
    out = low + 10.0 ** (-drawn(rng, (least, most)) / 20.0) * (out - low)
    (floor, top), (dullest, brightest) = _TELECOIL_BAND
    band = (drawn(rng, (floor, top)), usable(drawn(rng, (dullest, brightest)), sample_rate))
    out = band_passed(out, sample_rate, *band)
    mains = float(rng.choice([50.0, 60.0]))
    t = np.arange(out.size) / sample_rate
    field = sum(
        np.sin(2.0 * np.pi * k * mains * t + drawn(rng, (0.0, 2.0 * np.pi)))
        for k in range(1, 16, 2)
        if k * mains < 0.45 * sample_rate
    )
    out = out + under(out, np.asarray(field), rng, _TELECOIL_MAINS_DB)
    (low_hz, high_hz), q, (gentle, strong) = _TELECOIL_RECEIVER
    out = peaking(out, sample_rate, drawn(rng, (low_hz, high_hz)), q, drawn(rng, (gentle, strong)))
    return np.asarray(out + under(out, rng.standard_normal(out.size), rng, _TELECOIL_HISS_DB))


def tannoy(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song over a ship's public-address horns, heard on its open deck: a marine re-entrant horn's
    band (_TANNOY_HORN, both ways) and its driver's diaphragm resonance (_TANNOY_DRIVER: peaking); the
    flutter in the passage between the deckhouse's steel wall and the bulwark, a distance drawn in
    _TANNOY_BULKHEADS apart, each bounce the distance there and back later (15-26 ms, too close to
    be heard as another attack), at the reflection drawn there to the bounce's power and
    a little duller each time off the painted steel (_TANNOY_STEEL), _TANNOY_FLUTTERS of them; the
    engines' knock through the hull (brown noise under _TANNOY_ENGINE_CORNER swelling at each firing,
    rpm / 60 * cylinders / 2 a second for a four-stroke diesel drawn in _TANNOY_ENGINE, brought under:
    under); the sea's wash along the hull (pink_noise over _TANNOY_SEA_BAND swelling with the swell,
    sway); the wind's rumble (pink_noise under a corner drawn in _TANNOY_WIND). Every bounce comes
    after the horn's own sound, every filter runs both ways: no note and no beat moves."""
    (lowest, highest), (dullest, brightest) = _TANNOY_HORN
    horn = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    (low, high), q, (least, most) = _TANNOY_DRIVER
    horn = peaking(horn, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    (nearest, farthest), (faintest, loudest) = _TANNOY_BULKHEADS
    apart = round(2.0 * drawn(rng, (nearest, farthest)) / _SOUND_SPEED * sample_rate)
    reflection = drawn(rng, (faintest, loudest))
    corner = usable(drawn(rng, _TANNOY_STEEL), sample_rate)
    steel = signal.butter(1, corner, fs=sample_rate, output="sos")
    out, bounce = horn.copy(), horn
    for k in range(1, _TANNOY_FLUTTERS + 1):
        bounce = signal.sosfiltfilt(steel, bounce)
        out += reflection**k * np.pad(bounce, (k * apart, 0))[: horn.size]
    (slowest, fastest), (fewest, most_cylinders), decibels = _TANNOY_ENGINE
    firing = drawn(rng, (slowest, fastest)) / 60.0 * int(rng.integers(fewest, most_cylinders + 1)) / 2.0
    white = np.fft.rfft(rng.standard_normal(out.size))
    brown = np.fft.irfft(white / np.maximum(np.arange(white.size), 1.0), out.size)
    knock = 1.0 + 0.6 * np.sin(2.0 * np.pi * firing * np.arange(out.size) / sample_rate) ** 8
    engine = signal.sosfiltfilt(
        signal.butter(2, _TANNOY_ENGINE_CORNER, fs=sample_rate, output="sos"), brown * knock
    )
    out = out + under(out, engine, rng, decibels)
    rates, level = _TANNOY_SEA
    wash = band_passed(pink_noise(rng, out.size), sample_rate, *_TANNOY_SEA_BAND)
    wash = wash * (1.0 + 0.5 * sway(rng, rates, out.size, sample_rate))
    out = out + under(out, wash, rng, level)
    (calm, gusty), breeze = _TANNOY_WIND
    wind = signal.sosfiltfilt(
        signal.butter(2, usable(drawn(rng, (calm, gusty)), sample_rate), fs=sample_rate, output="sos"),
        pink_noise(rng, out.size),
    )
    return np.asarray(out + under(out, wind, rng, breeze))


def high_speed_dub(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song taped onto a cassette, that cassette dubbed at twice the speed onto another on a
    twin-well deck, and the copy played: the first tape's hiss (_DUB_HISS_DB's first, over
    _DUB_HISS_CORNER) going through the dub with the song; the dubbing deck's head tilted against
    the first tape's track by an azimuth error drawn in _DUB_AZIMUTH, so each wavelength on the tape
    is read across the track's width out of step (the loss sinc(w tan(theta) f / v), _DUB_TRACK wide
    at _DUB_SPEED: nulls from 5-11 kHz up, a real response, so nothing moves in time); the copy's
    highs lost to a bias set for the normal speed (a shelf drawn in _DUB_SHELF); the playback heads'
    low bump (_DUB_BUMP: peaking); the copy's print-through, the next layer of the wound tape
    magnetising this one a turn of the reel before and after (2 pi r / v, 1.4-3.3 s, r drawn in
    _DUB_PRINT, the pre-echo at its dB and the post-echo a few dB under); the copy's own hiss. The
    copy runs at the speed it was made for: no note moves, and the print-through's echoes are 40 dB
    and more under the song."""
    first, copy = _DUB_HISS_DB
    hiss = signal.sosfiltfilt(
        signal.butter(1, _DUB_HISS_CORNER, btype="highpass", fs=sample_rate, output="sos"),
        rng.standard_normal(samples.size),
    )
    out = samples + under(samples, hiss, rng, first)
    tilt = np.tan(np.deg2rad(drawn(rng, _DUB_AZIMUTH) / 60.0))
    frequencies = np.fft.rfftfreq(out.size, 1.0 / sample_rate)
    out = np.fft.irfft(np.fft.rfft(out) * np.sinc(_DUB_TRACK * tilt * frequencies / _DUB_SPEED), out.size)
    (lowest, highest), (least, most) = _DUB_SHELF
    corner = usable(drawn(rng, (lowest, highest)), sample_rate)
    low = signal.sosfiltfilt(signal.butter(1, corner, fs=sample_rate, output="sos"), out)
    out = low + 10.0 ** (-drawn(rng, (least, most)) / 20.0) * (out - low)
    (low_hz, high_hz), q, (gentle, strong) = _DUB_BUMP
    out = peaking(out, sample_rate, drawn(rng, (low_hz, high_hz)), q, drawn(rng, (gentle, strong)))
    (inner, outer), (quiet, loud), weaker = _DUB_PRINT
    turn = round(2.0 * np.pi * drawn(rng, (inner, outer)) / _DUB_SPEED * sample_rate)
    before = 10.0 ** (drawn(rng, (quiet, loud)) / 20.0)
    layers = np.pad(out, (0, turn))[turn:] + 10.0 ** (-weaker / 20.0) * np.pad(out, (turn, 0))[: out.size]
    out = out + before * layers
    hiss = signal.sosfiltfilt(
        signal.butter(1, _DUB_HISS_CORNER, btype="highpass", fs=sample_rate, output="sos"),
        rng.standard_normal(out.size),
    )
    return np.asarray(out + under(out, hiss, rng, copy))


def megaphone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played into a hand megaphone held up in a town square and heard across it: its
    amplifier driven past its battery's rails at the peaks (tanh, a drive drawn in _MEGAPHONE_DRIVE:
    the notes' odd harmonics and, a little, their sums and differences); its folded horn's band
    (_MEGAPHONE_HORN, both ways) and its driver and throat's resonance (_MEGAPHONE_THROAT: peaking);
    the air over a distance drawn in _MEGAPHONE_DISTANCE taking the highs (_MEGAPHONE_AIR dB a metre
    at 1 kHz, as the frequency's square, a real response); the facade behind the listener
    (_MEGAPHONE_FACADE: twice its distance later, at its reflection less the spreading over the longer
    path, duller off the stone); the crowd's murmur (pink_noise over _MEGAPHONE_CROWD_BAND, swelling:
    sway, brought under: under). Every filter runs both ways and the facade's echo comes after the
    horn's own sound: no note and no beat moves."""
    peak = float(np.max(np.abs(samples))) or 1.0
    drive = drawn(rng, _MEGAPHONE_DRIVE)
    out = peak * np.tanh(drive * samples / peak) / np.tanh(drive)
    (lowest, highest), (dullest, brightest) = _MEGAPHONE_HORN
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    (low, high), q, (least, most) = _MEGAPHONE_THROAT
    out = peaking(out, sample_rate, drawn(rng, (low, high)), q, drawn(rng, (least, most)))
    distance = drawn(rng, _MEGAPHONE_DISTANCE)
    frequencies = np.fft.rfftfreq(out.size, 1.0 / sample_rate)
    air = 10.0 ** (-_MEGAPHONE_AIR * distance * (frequencies / 1000.0) ** 2 / 20.0)
    out = np.fft.irfft(np.fft.rfft(out) * air, out.size)
    (nearest, farthest), (faintest, loudest), (duller, brighter) = _MEGAPHONE_FACADE
    behind = drawn(rng, (nearest, farthest))
    late = round(2.0 * behind / _SOUND_SPEED * sample_rate)
    share = drawn(rng, (faintest, loudest)) * distance / (distance + 2.0 * behind)
    stone = signal.butter(1, usable(drawn(rng, (duller, brighter)), sample_rate), fs=sample_rate,
                          output="sos")  # fmt: skip
    out = out + share * np.pad(signal.sosfiltfilt(stone, out), (late, 0))[: out.size]
    rates, level = _MEGAPHONE_CROWD
    crowd = band_passed(pink_noise(rng, out.size), sample_rate, *_MEGAPHONE_CROWD_BAND) * (
        1.0 + 0.4 * sway(rng, rates, out.size, sample_rate)
    )
    return np.asarray(out + under(out, crowd, rng, level))


def vitaphone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a sound-on-disc cinema's record, played in a picture palace: the electrical
    recording's band (_VITAPHONE_BAND, both ways); the steel needle's tracing loss where the clip
    falls on the sixteen-inch disc turning _VITAPHONE_RPM, played from the inside out (a radius drawn
    in _VITAPHONE_RADIUS, the groove's speed 2 pi r rpm / 60 over _VITAPHONE_TRACE the corner: 3.4-10.6
    kHz, 1st order, both ways); the shellac's hiss swelling once a turn of the disc (sway at the
    disc's rate, _VITAPHONE_SURFACE) and its crackle (_VITAPHONE_CRACKLE: clicks drawn in time, each
    dying in a millisecond, brought under: under); the horns behind the screen (_VITAPHONE_HORNS, both
    ways); the palace's reverb (_VITAPHONE_HALL: decaying noise after a pre-delay, reverberate); the
    projector's intermittent clattering _VITAPHONE_PROJECTOR's frames a second through the booth's
    port. The disc turns at the speed it was cut at: no note moves."""
    (lowest, highest), (dullest, brightest) = _VITAPHONE_BAND
    band = (
        drawn(rng, (lowest, highest)),
        usable(drawn(rng, (dullest, brightest)), sample_rate),
    )
    out = band_passed(samples, sample_rate, *band)
    groove = 2.0 * np.pi * drawn(rng, _VITAPHONE_RADIUS) * _VITAPHONE_RPM / 60.0
    corner = usable(groove / _VITAPHONE_TRACE, sample_rate)
    out = signal.sosfiltfilt(signal.butter(1, corner, fs=sample_rate, output="sos"), out)
    level, swell = _VITAPHONE_SURFACE
    turn = _VITAPHONE_RPM / 60.0
    hiss = signal.sosfiltfilt(
        signal.butter(1, 1500.0, btype="highpass", fs=sample_rate, output="sos"),
        rng.standard_normal(out.size),
    ) * (1.0 + swell * sway(rng, (turn, turn), out.size, sample_rate))
    surface = under(out, hiss, rng, level)
    rates, loud, dies = _VITAPHONE_CRACKLE
    clicks = np.zeros(out.size)
    at = rng.integers(0, out.size, int(drawn(rng, rates) * out.size / sample_rate) + 1)
    clicks[at] = rng.uniform(0.3, 1.0, at.size) * rng.choice((-1.0, 1.0), at.size)
    pole = np.exp(-1.0 / (dies * sample_rate))
    clicks = signal.lfilter([1.0], [1.0, -pole], clicks)
    out = out + surface + under(out, clicks, rng, loud)
    (lowest, highest), (dullest, brightest) = _VITAPHONE_HORNS
    out = band_passed(out, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dullest, brightest)))
    rt60s, predelays, wet = _VITAPHONE_HALL
    rt60, predelay = drawn(rng, rt60s), drawn(rng, predelays)
    t = np.arange(int((predelay + 1.2 * rt60) * sample_rate)) / sample_rate
    tail = (
        rng.standard_normal(t.size) * 10.0 ** (-3.0 * np.maximum(t - predelay, 0.0) / rt60) * (t >= predelay)
    )
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), wet)
    frames, clatter, port = _VITAPHONE_PROJECTOR
    pulls = (np.arange(out.size) / sample_rate * frames) % 1.0
    rattle = band_passed(rng.standard_normal(out.size) * np.exp(-pulls / 0.12), sample_rate, *port)
    return np.asarray(out + under(out, rattle, rng, clatter))


def drive_in(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a drive-in cinema's low-power FM transmitter, heard on a parked car's radio with its
    window down: the transmitter's band (_DRIVE_IN_BAND's first, both ways); the weak carrier's hiss,
    which FM's detector makes rise with frequency and the radio's de-emphasis (_DRIVE_IN_EMPHASIS)
    holds flat above its corner (brought under: under, _DRIVE_IN_HISS_DB); the radio's high blend
    closing on the weak signal (a low-pass drawn in _DRIVE_IN_BAND's second, both ways); the
    dashboard speaker (_DRIVE_IN_DASH, both ways) and the cabin's first standing wave
    (_DRIVE_IN_CABIN: peaking); the lot's other cars playing the same transmitter through their own
    windows (_DRIVE_IN_LOT: a few cars drawn, each at a distance drawn, so its sound comes that far
    later and fainter by the spreading against one's own speaker's distance, duller through its
    window and one's own); the car's blower fan (_DRIVE_IN_FAN_DB: pink_noise over its band, brought
    under: under). Every filter runs both ways and the other cars come after one's own: no note and
    no beat moves."""
    (low, top), (dullest, brightest) = _DRIVE_IN_BAND
    band = (low, usable(top, sample_rate))
    out = band_passed(samples, sample_rate, *band)
    corner = 1.0 / (2.0 * np.pi * _DRIVE_IN_EMPHASIS)
    rising = np.diff(rng.standard_normal(out.size + 1))  # its spectrum rising with the frequency
    flat = signal.sosfiltfilt(signal.butter(1, usable(corner, sample_rate), fs=sample_rate, output="sos"),
                              rising)  # fmt: skip
    out = out + under(out, flat, rng, _DRIVE_IN_HISS_DB)
    blend = usable(drawn(rng, (dullest, brightest)), sample_rate)
    out = signal.sosfiltfilt(signal.butter(2, blend, fs=sample_rate, output="sos"), out)
    (lowest, highest), (dull, bright) = _DRIVE_IN_DASH
    dash = (drawn(rng, (lowest, highest)), usable(drawn(rng, (dull, bright)), sample_rate))
    out = signal.sosfiltfilt(signal.butter(2, dash, btype="bandpass", fs=sample_rate, output="sos"), out)
    (low_mode, high_mode), q, (least, most) = _DRIVE_IN_CABIN
    out = peaking(out, sample_rate, drawn(rng, (low_mode, high_mode)), q, drawn(rng, (least, most)))
    (fewest, most_cars), (nearest, farthest), own, (duller, brighter) = _DRIVE_IN_LOT
    lot = np.zeros(out.size)
    for _ in range(int(rng.integers(fewest, most_cars + 1))):
        distance = drawn(rng, (nearest, farthest))
        late = round((distance - own) / _SOUND_SPEED * sample_rate)
        dulled = usable(drawn(rng, (duller, brighter)), sample_rate)
        window = signal.butter(2, dulled, fs=sample_rate, output="sos")
        lot += own / distance * np.pad(signal.sosfiltfilt(window, out), (late, 0))[: out.size]
    fan_db, fan_band = _DRIVE_IN_FAN_DB
    fan = band_passed(pink_noise(rng, out.size), sample_rate, *fan_band)
    return np.asarray(out + lot + under(out, fan, rng, fan_db))


def earbuds(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song leaking from a neighbour's earbuds on a commuter train, heard from the next seat: each
    earbud's driver, made to fill a sealed ear canal (its pressure there following the diaphragm's
    travel), radiating through its leak into the open air as a small source, whose pressure follows
    the travel's acceleration (12 dB an octave less below the diaphragm's resonance, drawn in
    _EARBUDS_DRIVER's first, where its travel stops being stiffness-controlled: a second-order
    high-pass, which run both ways as every filter here falls 24 dB an octave) up to where its top
    rolls off (its second); the far ear's leak coming round the
    wearer's head (_EARBUDS_HEAD: later, fainter and duller); the carriage's short reverb
    (_EARBUDS_CARRIAGE: decaying noise after a pre-delay, reverberate); the wheels' and the motors'
    roar (_EARBUDS_TRAIN_DB: pink_noise over its band, its top drawn) and the air rushing past the
    carriage (_EARBUDS_AIR_DB), both brought under: under. Every filter runs both ways and the head's
    path comes after the near ear's: no note and no beat moves."""
    (low, high), (dull, bright) = _EARBUDS_DRIVER
    band = (drawn(rng, (low, high)), usable(drawn(rng, (dull, bright)), sample_rate))
    out = band_passed(samples, sample_rate, *band)
    (soonest, latest), share, shadow = _EARBUDS_HEAD
    late = round(drawn(rng, (soonest, latest)) * sample_rate)
    head = signal.sosfiltfilt(signal.butter(1, shadow, fs=sample_rate, output="sos"), out)
    out = out + share * np.pad(head, (late, 0))[: out.size]
    rt60s, predelays, wet = _EARBUDS_CARRIAGE
    rt60 = drawn(rng, rt60s)
    _, tail = decaying_noise(rng, rt60, sample_rate)
    tail = np.pad(tail, (round(drawn(rng, predelays) * sample_rate), 0))
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), wet)
    roar_db, floor, (lowest, highest) = _EARBUDS_TRAIN_DB
    roar = signal.sosfiltfilt(
        signal.butter(
            2, (floor, drawn(rng, (lowest, highest))), btype="bandpass", fs=sample_rate, output="sos"
        ),
        pink_noise(rng, out.size),
    )
    air_db, air_band = _EARBUDS_AIR_DB
    air = band_passed(pink_noise(rng, out.size), sample_rate, *air_band)
    return np.asarray(out + under(out, roar, rng, roar_db) + under(out, air, rng, air_db))


def crystal_set(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a distant medium-wave station, heard on a crystal set's high-impedance headphones: the
    station's audio band (_CRYSTAL_BAND, both ways) modulating its carrier (_CRYSTAL_DEPTH at the
    peak, never past it); the cat's whisker on its galena detecting the weak carrier's envelope partly
    by its square law (_CRYSTAL_LAW: that share of the envelope squared, the rest as it is: the
    music's second harmonics and its notes' sums and differences, softly), its steady part gone
    (the headphones' diaphragm rests under it); the atmospherics of far-off thunderstorms, so many
    distant strokes that they rustle (_CRYSTAL_STATIC: pink_noise swelling and ebbing far slower than
    any beat, sway, brought under: under); the headphones (_CRYSTAL_PHONES: their band, both ways,
    and their steel diaphragm's resonance: peaking). The set has no amplifier, so no hiss. Every
    filter runs both ways: no note and no beat moves."""
    low, (dullest, brightest) = _CRYSTAL_BAND
    band = (low, usable(drawn(rng, (dullest, brightest)), sample_rate))
    out = band_passed(samples, sample_rate, *band)
    carrier = 1.0 + drawn(rng, _CRYSTAL_DEPTH) * out / (float(np.abs(out).max()) or 1.0)
    law = drawn(rng, _CRYSTAL_LAW)
    out = (1.0 - law) * carrier + law * carrier**2
    out = out - out.mean()
    static_db, swells, depth = _CRYSTAL_STATIC
    static = pink_noise(rng, out.size) * (1.0 + depth * sway(rng, swells, out.size, sample_rate))
    out = out + under(out, static, rng, static_db)
    phones, (low_mode, high_mode), q, (least, most) = _CRYSTAL_PHONES
    out = signal.sosfiltfilt(signal.butter(2, phones, btype="bandpass", fs=sample_rate, output="sos"), out)
    return peaking(out, sample_rate, drawn(rng, (low_mode, high_mode)), q, drawn(rng, (least, most)))


def underpass(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played by a busker's battery amplifier in a pedestrian underpass, heard by a passer-by:
    the amplifier's small speaker (_UNDERPASS_AMP, both ways); its output stage clipping softly
    (tanh, driven by _UNDERPASS_CLIP's first) under a ceiling that sags as its battery's voltage
    droops on the loud passages (its second, recovering over its third); the underpass's parallel
    concrete walls (_UNDERPASS_WALLS: so many metres apart, drawn) trading the sound back and forth,
    a flutter echo, each round trip 2 W / c later, fainter by the wall's reflection and duller by a
    one-pole low-pass a bounce, beside the tunnel's long diffuse tail (_UNDERPASS_TUNNEL: decaying
    noise after the first round trip; reverberate); the traffic on the road overhead
    (_UNDERPASS_TRAFFIC: pink_noise over its band, swelling as lorries pass, sway, brought under:
    under). Every filter but the walls' runs both ways, and the walls' sound comes after the
    speaker's own: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _UNDERPASS_AMP
    band = (drawn(rng, (lowest, highest)), usable(drawn(rng, (dull, bright)), sample_rate))
    out = band_passed(samples, sample_rate, *band)
    drives, sags, recovery = _UNDERPASS_CLIP
    level = envelope(np.abs(out), sample_rate, recovery)
    knee = (float(np.abs(out).max()) or 1.0) / drawn(rng, drives)
    ceiling = knee * (1.0 - drawn(rng, sags) * level / (float(level.max()) or 1.0))
    out = ceiling * np.tanh(out / ceiling)
    widths, reflections, pole = _UNDERPASS_WALLS
    trip = round(2.0 * drawn(rng, widths) / _SOUND_SPEED * sample_rate)
    reflection = drawn(rng, reflections)
    rt60s, wet = _UNDERPASS_TUNNEL
    rt60 = drawn(rng, rt60s)
    times, diffuse = decaying_noise(rng, rt60, sample_rate)
    feedback = np.zeros(trip + 1)
    feedback[0], feedback[1], feedback[trip] = 1.0, -pole, -reflection * (1.0 - pole)
    impulse = np.zeros(times.size)
    impulse[trip] = 1.0
    flutter = signal.lfilter([1.0, -pole], feedback, impulse)
    diffuse *= times >= times[trip]
    flutter /= np.sqrt(np.sum(flutter**2))
    diffuse /= np.sqrt(np.sum(diffuse**2))
    tail = flutter + diffuse
    out = reverberate(out, tail / np.sqrt(np.sum(tail**2)), wet)
    traffic_db, floor, (low, high), swells = _UNDERPASS_TRAFFIC
    top = drawn(rng, (low, high))  # drawn before the noise, as it always was
    traffic = band_passed(pink_noise(rng, out.size), sample_rate, floor, top)
    traffic *= 1.0 + 0.5 * sway(rng, swells, out.size, sample_rate)
    return np.asarray(out + under(out, traffic, rng, traffic_db))


def string_telephone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played into one tin can of a string telephone and heard at the other: each can's bottom,
    a clamped plate, driven by the air and driving the string (_STRING_CANS: their band, both ways,
    and the plate's first two modes: peaking, for each can); the taut string carrying the bottom's
    swing along it as a longitudinal wave (_STRING_LINE: so many metres at so many m/s, drawn), duller
    over its length (_STRING_LOSS, both ways), the far can's bottom sending back a share of it, so
    it arrives again every round trip, 2 L / v later, fainter by that share and duller by a one-pole
    low-pass each time; the hand's rub on the string (_STRING_RUB: band noise, brought under: under)
    and the holder's arm slackening it now and then (_STRING_SLACK: the level swaying slowly, sway).
    Every filter but the string's echoes runs both ways, and those come after the sound itself: no
    note and no beat moves."""
    (low, (dull, bright)), modes, q, lifts = _STRING_CANS
    top = drawn(rng, (dull, bright))
    out = samples
    for _ in range(2):  # the sending can's bottom, then the hearing one's
        out = band_passed(out, sample_rate, low, top)
        for span in modes:
            out = peaking(out, sample_rate, drawn(rng, span), q, drawn(rng, lifts))
    out = signal.sosfiltfilt(
        signal.butter(2, usable(drawn(rng, _STRING_LOSS), sample_rate), fs=sample_rate, output="sos"), out
    )
    lengths, speeds, reflections, pole = _STRING_LINE
    trip = round(2.0 * drawn(rng, lengths) / drawn(rng, speeds) * sample_rate)
    feedback = np.zeros(trip + 1)
    feedback[0], feedback[1], feedback[trip] = 1.0, -pole, -drawn(rng, reflections) * (1.0 - pole)
    out = signal.lfilter([1.0, -pole], feedback, out)  # the sound, then its round trips
    slack_rates, depth = _STRING_SLACK
    out = out * (1.0 - depth * (0.5 + 0.5 * sway(rng, slack_rates, out.size, sample_rate)))
    rub_db, (rub_low, rub_high) = _STRING_RUB
    rub = band_passed(rng.standard_normal(out.size), sample_rate, rub_low, rub_high)
    return np.asarray(out + under(out, rub, rng, rub_db))


def campfire(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a phone's speaker by a campfire, heard across the fire: the speaker's band
    (_CAMPFIRE_PHONE, both ways); the fire's hot plume between, its turbulence bending the sound's
    path this way and that, so the level scintillates (_CAMPFIRE_PLUME: noise low-passed under its
    corner, both ways, swinging the level by its depth; no delay moves, so no pitch does); the embers'
    and the burning sap's hiss (_CAMPFIRE_HISS: band noise, brought under: under; steady, no pop a
    listener could take for a beat) and the flames' roar (_CAMPFIRE_ROAR: pink_noise under its top,
    both ways, brought under). No note and no beat moves."""
    (lowest, highest), (dull, bright) = _CAMPFIRE_PHONE
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    corners, depths = _CAMPFIRE_PLUME
    turbulence = signal.sosfiltfilt(
        signal.butter(2, drawn(rng, corners), fs=sample_rate, output="sos"), rng.standard_normal(out.size)
    )
    turbulence /= float(np.abs(turbulence).max()) or 1.0
    out = out * (1.0 + drawn(rng, depths) * turbulence)
    hiss_db, (hiss_low, hiss_high) = _CAMPFIRE_HISS
    hiss = band_passed(rng.standard_normal(out.size), sample_rate, hiss_low, hiss_high)
    roar_db, top = _CAMPFIRE_ROAR
    roar = signal.sosfiltfilt(signal.butter(2, top, fs=sample_rate, output="sos"), pink_noise(rng, out.size))
    out = out + under(out, hiss, rng, hiss_db)
    return np.asarray(out + under(out, roar, rng, roar_db))


def laser_microphone(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played in a room, heard by an eavesdropper's laser microphone aimed at its window: the
    pane's swing under the sound's pressure (_LASER_PANE: its first mode, drawn, and the modes a
    pressure across the whole pane drives, _LASER_MODES, each a resonance its stiffness holds back
    by its frequency squared, so above the first the swing falls 12 dB an octave); the beam's spot
    moving with it on a split photodiode (the reading follows the swing); the eavesdropper's
    equaliser lifting 12 dB an octave from the pane's first mode to _LASER_LIFT, and the receiver's
    high-pass under the building's sway (_LASER_FLOOR) -- all one zero-phase filter, its magnitude
    applied to the whole clip's spectrum, so nothing moves in time; the spot's speckle wandering on
    the detector as the building sways (_LASER_SPECKLE: the level swaying slowly, sway); the
    photodiode's shot noise (_LASER_SHOT: white, brought under: under) and the street shaking the pane
    (_LASER_TRAFFIC: pink_noise under its top, through the same filter, brought under). No note and
    no beat moves."""
    (lowest, highest), qs = _LASER_PANE
    first, q = drawn(rng, (lowest, highest)), drawn(rng, qs)
    f = np.fft.rfftfreq(samples.size, 1.0 / sample_rate)
    pane = np.zeros(f.size, dtype=np.complex128)
    for m, n in _LASER_MODES:
        ratio = (m * m + n * n) / 2.0
        r = f / (first * ratio)
        pane += 1.0 / ((m * n) ** 2 * ratio**2 * (1.0 - r**2 + 1j * r / q))
    top = usable(drawn(rng, _LASER_LIFT), sample_rate)
    lift = np.abs((1.0 + 1j * f / first) / (1.0 + 1j * f / top)) ** 2
    floor = drawn(rng, _LASER_FLOOR)
    high_pass = (f / floor) ** 2 / np.sqrt(1.0 + (f / floor) ** 4)  # a 2nd-order Butterworth's magnitude
    heard = np.abs(pane) * lift * high_pass

    def through(sound: Signal) -> Signal:
        return np.asarray(np.fft.irfft(np.fft.rfft(sound) * heard, sound.size))

    out = through(samples)
    rates, depths = _LASER_SPECKLE
    out = out * (1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, rates, out.size, sample_rate)))
    traffic_db, traffic_top = _LASER_TRAFFIC
    street = signal.butter(2, traffic_top, fs=sample_rate, output="sos")
    traffic = through(signal.sosfiltfilt(street, pink_noise(rng, out.size)))
    out = out + under(out, rng.standard_normal(out.size), rng, _LASER_SHOT)
    return np.asarray(out + under(out, traffic, rng, traffic_db))


def shower(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a waterproof speaker hung in a tiled shower cubicle, heard from the bathroom
    while the water runs: the speaker's band (_SHOWER_SPEAKER, both ways); the cubicle's axial modes,
    k c / (2 L) along each of its width, depth and height (_SHOWER_CUBICLE: drawn, those under
    _SHOWER_MODES), ringing on the hard tiles (peaking: each lifted by a drawn amount, run both
    ways); the tiles' short bright reverb (_SHOWER_TILES: decaying_noise over an RT60 drawn,
    reverberate); the spray's hiss (_SHOWER_SPRAY) and the water drumming on the tray (_SHOWER_TRAY:
    band noise each, brought under: under; thousands of drops a second, so steady, no drop a listener
    could take for a beat). No note and no beat moves."""
    (lowest, highest), (dull, bright) = _SHOWER_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    sides, q, lifts = _SHOWER_CUBICLE
    for side in sides:
        first = _SOUND_SPEED / (2.0 * drawn(rng, side))
        for k in range(1, int(_SHOWER_MODES // first) + 1):
            out = peaking(out, sample_rate, k * first, q, drawn(rng, lifts))
    rt60s, wet = _SHOWER_TILES
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, wet)
    for decibels, (low, high) in (_SHOWER_SPRAY, _SHOWER_TRAY):
        out = out + under(
            out, band_passed(rng.standard_normal(out.size), sample_rate, low, high), rng, decibels
        )
    return np.asarray(out)


def air_absorption(hz: Signal, celsius: float, humidity: float) -> Signal:
    """The air's absorption at `hz`, dB a metre, at `celsius` and `humidity` (% relative) at sea level:
    ISO 9613-1's pure-tone formula, the oxygen's and the nitrogen's relaxation and the classical loss."""
    kelvin, reference = celsius + 273.15, 293.15
    saturation = 10.0 ** (-6.8346 * (273.16 / kelvin) ** 1.261 + 4.6151)  # against the pressure
    water = humidity * saturation  # the molar concentration of water vapour, %
    oxygen = 24.0 + 4.04e4 * water * (0.02 + water) / (0.391 + water)
    ratio = kelvin / reference
    nitrogen = ratio**-0.5 * (9.0 + 280.0 * water * np.exp(-4.170 * (ratio ** (-1.0 / 3.0) - 1.0)))
    relaxing = 0.01275 * np.exp(-2239.1 / kelvin) / (oxygen + hz**2 / oxygen)
    relaxing = relaxing + 0.1068 * np.exp(-3352.0 / kelvin) / (nitrogen + hz**2 / nitrogen)
    return np.asarray(8.686 * hz**2 * (1.84e-11 * ratio**0.5 + ratio**-2.5 * relaxing))


def woodland(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a stage in a forest clearing, heard through the trees: the air's absorption
    over the distance (_WOODLAND_PATH; air_absorption at a temperature and a humidity drawn in
    _WOODLAND_AIR) and the foliage's over the share of it under the trees (_WOODLAND_FOLIAGE, between
    its octave bands on a log-frequency axis), one zero-phase filter; the sound off the forest floor
    (_WOODLAND_FLOOR: a porous ground, its impedance Delany and Bazley's, 1 + 0.0571 X^-0.754 -
    j 0.087 X^-0.732 with X = rho f / sigma, and the plane wave's reflection off it, (Z cos t - 1) /
    (Z cos t + 1) at the angle t it meets it) behind the direct sound by the paths' difference (under
    a millisecond; weaker by their ratio), so the lows and the mids dip where it arrives turned
    against it, the ground effect; the trunks scattering the sound about, a tail (_WOODLAND_TRUNKS:
    decaying_noise over its band, reverberate); the leaves rustling in the breeze (_WOODLAND_LEAVES:
    band noise swelling slowly, sway, brought under: under; thousands of leaves, so steady, none a
    listener could take for a beat). The ground's sound comes after the direct sound and every other
    filter runs both ways: no note and no beat moves."""
    distances, shares, stages, ears = _WOODLAND_PATH
    distance, source, ear = drawn(rng, distances), drawn(rng, stages), drawn(rng, ears)
    celsius, humidity = (drawn(rng, span) for span in _WOODLAND_AIR)
    bands, rates, most = _WOODLAND_FOLIAGE
    under_trees = min(drawn(rng, shares) * distance, most)
    f = np.fft.rfftfreq(samples.size, 1.0 / sample_rate)
    heard = np.maximum(f, 1.0)
    foliage = np.interp(np.log(heard), np.log(bands), rates)
    lost = air_absorption(heard, celsius, humidity) * distance + foliage * under_trees
    direct = np.hypot(distance, source - ear)
    bounced = np.hypot(distance, source + ear)
    x = _AIR_DENSITY * heard / drawn(rng, _WOODLAND_FLOOR)
    impedance = 1.0 + 0.0571 * x**-0.754 - 0.087j * x**-0.732
    cosine = (source + ear) / bounced
    reflection = (impedance * cosine - 1.0) / (impedance * cosine + 1.0)
    late = np.exp(-2j * np.pi * f * (bounced - direct) / _SOUND_SPEED)
    ground = 1.0 + reflection * (direct / bounced) * late
    out = np.fft.irfft(np.fft.rfft(samples) * 10.0 ** (-lost / 20.0) * ground, samples.size)
    rt60s, (low, high), wets = _WOODLAND_TRUNKS
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, band_passed(tail, sample_rate, low, high), drawn(rng, wets))
    decibels, (low, high), breezes, depths = _WOODLAND_LEAVES
    breeze = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, breezes, out.size, sample_rate))
    leaves = band_passed(rng.standard_normal(out.size), sample_rate, low, high) * breeze
    return np.asarray(out + under(out, leaves, rng, decibels))


def resonances(partials: list[tuple[float, float, float]], size: int, sample_rate: int,
               reach: float) -> npt.NDArray[np.complex128]:  # fmt: skip
    """The spectrum (rfft of `size` points) of a bank of resonances, each (Hz, time constant s, weight)
    of `partials` a decaying sinusoid from its cause on (a pole and its mirror, 1 / (1 - p e^-jw), p
    = exp((-1 / time constant + j 2 pi Hz) / rate)): each one's own within `reach` Hz of it; beyond,
    every one's far side at once, its weight on its bin convolved with 1 / (1 - e^-jw) (where its
    decay no longer tells), so the bank is causal however long it rings."""
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    bins, step = f.size, f[1]
    near = np.zeros(bins, dtype=np.complex128)
    line = np.zeros(2 * bins - 1)  # the weights on the bins from -(bins - 1) to bins - 1
    for hz, time_constant, weight in partials:
        pole = np.exp((-1.0 / time_constant + 2j * np.pi * hz) / sample_rate)
        for centre, turning in ((hz, pole), (-hz, np.conj(pole))):
            low, high = max(0, int(np.ceil((centre - reach) / step))), int((centre + reach) / step) + 1
            if high > low:
                near[low:high] += weight / (1.0 - turning * np.exp(-2j * np.pi * f[low:high] / sample_rate))
            line[bins - 1 + round(centre / step)] += weight
    offsets = np.arange(-(2 * bins - 2), 2 * bins - 1) * step
    far = np.zeros(offsets.size, dtype=np.complex128)
    beyond = np.abs(offsets) > reach
    far[beyond] = 1.0 / (1.0 - np.exp(-2j * np.pi * offsets[beyond] / sample_rate))
    return np.asarray(near + signal.fftconvolve(line, far)[3 * bins - 3 : 4 * bins - 3])


def piano_strings(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a loudspeaker into an open piano whose sustain pedal is held, as a studio
    uses one for a reverb, heard over its strings: every string of every note (_PIANO_NOTES, single,
    in pairs or in trios, _PIANO_UNISONS, each mistuned a little from its unison, _PIANO_UNISON) of a
    piano tuned to an A4 drawn (_PIANO_TUNING) is free to ring, and the soundboard drives each of its
    partials (n f sqrt(1 + B n^2), B growing up the keyboard, _PIANO_STIFFNESS; those of
    _PIANO_PARTIALS, each driven by 1 / n) as a resonance of its own, ringing over its T60
    (_PIANO_RING: long in the bass, short in the treble, shorter up the partials), so the strings take
    up what sounds on their partials and ring on in sympathy (resonances); the strings' ringing is
    brought under the loudspeaker's own sound (_PIANO_WET: under). A string rings after what drives
    it, never before, over the clip padded by the longest ring, so none wraps round to its start. The
    strings ring at their own pitches, in a piano's tuning, beside the song: no note of the song moves
    and no beat does."""
    notes = np.arange(_PIANO_NOTES[0], _PIANO_NOTES[1] + 1)
    a4 = drawn(rng, _PIANO_TUNING)
    lowest_t60, highest_t60, shorter = _PIANO_RING
    stiff, growth = _PIANO_STIFFNESS
    most, top = _PIANO_PARTIALS
    partials = []
    for note in notes:
        along = (note - notes[0]) / (notes[-1] - notes[0])
        first_t60 = lowest_t60 * (highest_t60 / lowest_t60) ** along
        stiffness = stiff * growth ** ((note - 60) / 12.0)
        for _ in range(1 + sum(note >= first for first in _PIANO_UNISONS)):
            tuned = a4 * 2.0 ** ((note - 69 + drawn(rng, (-_PIANO_UNISON, _PIANO_UNISON)) / 100.0) / 12.0)
            for n in range(1, most + 1):
                partial = n * tuned * np.sqrt(1.0 + stiffness * n * n)
                if partial >= min(top, 0.45 * sample_rate):
                    break
                time_constant = first_t60 / (1.0 + (n - 1) * shorter) / np.log(1000.0)
                partials.append((float(partial), time_constant, 1.0 / n))
    size = samples.size + int(lowest_t60 * sample_rate)
    strings = resonances(partials, size, sample_rate, _PIANO_REACH)
    ringing = np.fft.irfft(np.fft.rfft(samples, size) * strings, size)[: samples.size]
    return np.asarray(samples + under(samples, ringing, rng, _PIANO_WET))


def garden_fence(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a speaker in a neighbour's garden, heard over the boarded fence between: the
    speaker's band (_FENCE_SPEAKER, both ways); the sound that reaches the listener bent over the
    fence's top (_FENCE_BOARDS, _FENCE_PLACES: its path over the top longer by d than the straight
    line, Maekawa's barrier loss 10 log10(3 + 20 N) dB at Fresnel's number N = 2 d f / c, at most
    _FENCE_MOST, and weaker by the paths' ratio) and what passes the gaps between its boards along the
    straight line (their share of its face); the same again from the neighbour's house wall behind
    the speaker (_FENCE_HOUSE: an image of the speaker behind the wall, its reflection drawn), one
    filter in the clip's spectrum with every path timed from the first sound through the gaps, the
    clip padded by the latest so none wraps round to its start; the breeze buffeting the boards
    (_FENCE_BREEZE: pink_noise over its band, band_passed, swelling slowly, sway, brought under:
    under; no gust a listener could take for a beat). Every path comes after the first sound: no
    note and no beat moves."""
    (lowest, highest), (dull, bright) = _FENCE_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    heights, gaps = _FENCE_BOARDS
    fence, gap = drawn(rng, heights), drawn(rng, gaps)
    sides, sources, ears, standing = _FENCE_PLACES
    near, source, far, ear = (drawn(rng, span) for span in (sides, sources, ears, standing))
    walls, reflections = _FENCE_HOUSE
    wall, reflection = drawn(rng, walls), drawn(rng, reflections)
    first = np.hypot(near + far, source - ear)
    paths = []  # (s after the first sound, Fresnel's path difference m, amplitude against the first)
    for behind, share in ((near, 1.0), (near + 2.0 * wall, reflection)):
        straight = np.hypot(behind + far, source - ear)
        over = np.hypot(behind, fence - source) + np.hypot(far, fence - ear)
        paths.append(((straight - first) / _SOUND_SPEED, 0.0, share * gap * first / straight))
        paths.append(((over - first) / _SOUND_SPEED, over - straight, share * (1.0 - gap) * first / over))
    size = out.size + int(max(late for late, _, _ in paths) * sample_rate) + 1
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    heard = np.zeros(f.size, dtype=np.complex128)
    for late, detour, amplitude in paths:
        loss = np.minimum(10.0 * np.log10(3.0 + 20.0 * 2.0 * detour * f / _SOUND_SPEED), _FENCE_MOST)
        kept = 10.0 ** (-loss / 20.0) if detour else 1.0
        heard += amplitude * kept * np.exp(-2j * np.pi * f * late)
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    decibels, (low, high), gusts, depths = _FENCE_BREEZE
    gusting = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, gusts, out.size, sample_rate))
    breeze = band_passed(pink_noise(rng, out.size), sample_rate, low, high) * gusting
    return np.asarray(out + under(out, breeze, rng, decibels))


def ear_defenders(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a site radio in a workshop, heard by a worker under a pair of passive ear defenders:
    the radio's speaker (_MUFF_RADIO, both ways) and the workshop's hard walls (_MUFF_WORKSHOP:
    decaying_noise over an RT60 drawn, reverberate); each cup a mass on its cushion's and its air's
    stiffness (_MUFF_CUP: a resonance drawn), passing what is under it, lifting what is at it by its
    Q and letting through 12 dB an octave less above, down to what passes whatever its mass
    (_MUFF_FLOOR: the cushion's leak round the hair, the skull's bone conduction), summed in power,
    one zero-phase filter, its magnitude applied to the whole clip's spectrum; the cup's cavity's
    first mode under its foam lining (_MUFF_CAVITY: peaking, both ways); the wearer's own blood
    flowing, which the closed ear hears as a low rumble (_MUFF_RUMBLE: pink_noise over its band,
    band_passed, brought under: under; the flow, not the pulse), and the cushions rubbing the hair
    (_MUFF_RUB: band noise, brought under). Steady noise, nothing a listener could take for a beat:
    no note and no beat moves."""
    (lowest, highest), (dull, bright) = _MUFF_RADIO
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    rt60s, wets = _MUFF_WORKSHOP
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    resonances_hz, qs = _MUFF_CUP
    cup, q = drawn(rng, resonances_hz), drawn(rng, qs)
    floor = 10.0 ** (drawn(rng, _MUFF_FLOOR) / 20.0)
    r = np.fft.rfftfreq(out.size, 1.0 / sample_rate) / cup
    passed = np.sqrt(1.0 / ((1.0 - r**2) ** 2 + (r / q) ** 2) + floor**2)
    out = np.fft.irfft(np.fft.rfft(out) * passed, out.size)
    centres, cavity_q, lifts = _MUFF_CAVITY
    out = peaking(out, sample_rate, drawn(rng, centres), cavity_q, drawn(rng, lifts))
    rumble_db, (rumble_low, rumble_high) = _MUFF_RUMBLE
    rumble = band_passed(pink_noise(rng, out.size), sample_rate, rumble_low, rumble_high)
    rub_db, (rub_low, rub_high) = _MUFF_RUB
    rub = band_passed(rng.standard_normal(out.size), sample_rate, rub_low, rub_high)
    out = out + under(out, rumble, rng, rumble_db)
    return np.asarray(out + under(out, rub, rng, rub_db))


def night_lake(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a PA on a lake's far shore, heard across the water on a still night: the
    speaker's band (_LAKE_SPEAKER, both ways); the sound off the still water (_LAKE_PATH, _LAKE_WATER:
    an image of the speaker under the water, its reflection drawn, nearly rigid, behind the direct
    sound by the paths' difference and weaker by their ratio); the inversion's arrivals, rays sent
    upward bent back down by the warmer air above the cool air on the water (_LAKE_INVERSION: each
    later and weaker, drawn); the air's absorption over the distance on every path (_LAKE_AIR:
    air_absorption at a temperature and a humidity drawn), one filter in the clip's spectrum with
    every path timed from the direct sound, the clip padded by the latest so none wraps round to its
    start; the water lapping at the shore by the listener (_LAKE_LAPPING: pink_noise over its band,
    band_passed, swelling slowly, sway, brought under: under; no swell a listener could take for a
    beat). Every path comes after the direct sound: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _LAKE_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    distances, sources, ears = _LAKE_PATH
    distance, source, ear = drawn(rng, distances), drawn(rng, sources), drawn(rng, ears)
    celsius, humidity = (drawn(rng, span) for span in _LAKE_AIR)
    direct, bounced = np.hypot(distance, source - ear), np.hypot(distance, source + ear)
    paths = [(0.0, 1.0), ((bounced - direct) / _SOUND_SPEED, drawn(rng, _LAKE_WATER) * direct / bounced)]
    arrivals, lates, weaker = _LAKE_INVERSION
    for _ in range(arrivals):  # (s after the direct sound, amplitude against it)
        paths.append((drawn(rng, lates) / 1000.0, 10.0 ** (drawn(rng, weaker) / 20.0)))
    # Padded by the latest path, and on to a length the FFT takes fast (a clip's own may be prime).
    size = next_fast_len(out.size + int(max(late for late, _ in paths) * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    absorbed = 10.0 ** (-air_absorption(np.maximum(f, 1.0), celsius, humidity) * distance / 20.0)
    heard = sum(amplitude * np.exp(-2j * np.pi * f * late) for late, amplitude in paths) * absorbed
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    decibels, (low, high), swells, depths = _LAKE_LAPPING
    swelling = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, swells, out.size, sample_rate))
    lapping = band_passed(pink_noise(rng, size)[: out.size], sample_rate, low, high) * swelling
    return np.asarray(out + under(out, lapping, rng, decibels))


def under_pillow(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played by a phone under a pillow, heard by the head lying on it: the phone's speaker
    (_PILLOW_PHONE, both ways); the pillow's fill between, a porous layer (_PILLOW_FILL: its flow
    resistivity sigma and the depth d of it the sound crosses, drawn), which the sound crosses losing
    alpha d nepers, alpha = (2 pi f / c) 0.189 X^-0.595 at X = rho f / sigma (Delany and Bazley's
    propagation constant, X held in the span their fit holds for, _PILLOW_FIT), its loss alone, one
    zero-phase filter on the clip's spectrum (the delay through a few centimetres of fill, under a
    millisecond, left out); the ear pressed into the pillow, its canal closed, keeping in the bone
    conduction's lows (_PILLOW_OCCLUSION: peaking, both ways); the bedroom's quiet (_PILLOW_ROOM:
    pink_noise over its band, band_passed, brought under: under). Steady noise, nothing a listener
    could take for a beat: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _PILLOW_PHONE
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    resistivities, depths = _PILLOW_FILL
    sigma, depth = drawn(rng, resistivities), drawn(rng, depths)
    size = next_fast_len(out.size, real=True)  # a length the FFT takes fast (a clip's own may be prime)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    x = np.clip(_AIR_DENSITY * f / sigma, *_PILLOW_FIT)
    alpha = 2.0 * np.pi * f / _SOUND_SPEED * 0.189 * x**-0.595
    out = np.fft.irfft(np.fft.rfft(out, size) * np.exp(-alpha * depth), size)[: out.size]
    centres, q, lifts = _PILLOW_OCCLUSION
    out = peaking(out, sample_rate, drawn(rng, centres), q, drawn(rng, lifts))
    decibels, (low, high) = _PILLOW_ROOM
    room = band_passed(pink_noise(rng, size)[: out.size], sample_rate, low, high)
    return np.asarray(out + under(out, room, rng, decibels))


def next_tent(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played on a speaker in the next tent at a campsite, heard lying in one's own: the
    speaker's band (_TENT_SPEAKER, both ways); each tent's double wall, an inner and a flysheet with
    air between (_TENT_WALLS: each tent's own, drawn), two limp sheets the sound crosses at normal
    incidence (tent_wall: the mass law of each and the air between, so a mass-air-mass resonance and
    more lost above it than one sheet loses), beside its vents and its door's zip, which pass the
    sound whole (their share of its face), its loss alone; the grass between (_TENT_GROUND: the direct
    sound and the turf's reflection from an image of the speaker under it, later by the paths'
    difference and weaker by their ratio, times the plane wave's reflection off the turf, (Z cos t -
    1) / (Z cos t + 1), Z its impedance by Delany and Bazley, Z = 1 + 0.0571 X^-0.754 - j 0.087
    X^-0.732 at X = rho f / sigma held in the span their fit holds for, _TENT_FIT); one filter in the
    clip's spectrum, the clip padded by the reflection's delay so none wraps round to its start; the
    night breeze stirring the flysheet (_TENT_BREEZE: pink_noise over its band, band_passed, swelling
    slowly, sway, brought under: under; no gust a listener could take for a beat) and the campsite's
    far murmur (_TENT_MURMUR: pink_noise over its band, band_passed, brought under: under). The
    reflection comes after the direct sound and the walls' filter is zero-phase: no note and no beat
    moves."""
    (lowest, highest), (dull, bright) = _TENT_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    inners, flies, gaps, vents = _TENT_WALLS
    walls = [tuple(drawn(rng, span) for span in (inners, flies, gaps, vents)) for _ in range(2)]
    distances, sources, ears, resistivities = _TENT_GROUND
    distance, source, ear, sigma = (drawn(rng, span) for span in (distances, sources, ears, resistivities))
    direct, bounced = np.hypot(distance, source - ear), np.hypot(distance, source + ear)
    late = (bounced - direct) / _SOUND_SPEED
    size = next_fast_len(out.size + int(late * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate).astype(np.float64)
    x = np.clip(_AIR_DENSITY * np.maximum(f, 1.0) / sigma, *_TENT_FIT)
    z = 1.0 + 0.0571 * x**-0.754 - 0.087j * x**-0.732
    cosine = (source + ear) / bounced
    reflected = (z * cosine - 1.0) / (z * cosine + 1.0)
    heard = 1.0 + reflected * direct / bounced * np.exp(-2j * np.pi * f * late)
    for inner, fly, gap, vent in walls:
        heard = heard * np.sqrt(vent + (1.0 - vent) * np.abs(tent_wall(f, inner, fly, gap)) ** 2)
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    decibels, (low, high), gusts, depths = _TENT_BREEZE
    gusting = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, gusts, out.size, sample_rate))
    breeze = band_passed(pink_noise(rng, size)[: out.size], sample_rate, low, high) * gusting
    out = out + under(out, breeze, rng, decibels)
    decibels, (low, high) = _TENT_MURMUR
    murmur = band_passed(pink_noise(rng, size)[: out.size], sample_rate, low, high)
    return np.asarray(out + under(out, murmur, rng, decibels))


def tent_wall(f: Signal, inner: float, fly: float, gap: float) -> npt.NDArray[np.complex128]:
    """The pressure a plane wave keeps crossing two limp sheets at normal incidence, `inner` and `fly`
    kg/m^2 with `gap` m of air between, at `f` Hz: each sheet's transfer matrix [[1, j w m], [0, 1]],
    the air's [[cos kd, j Z0 sin kd], [j sin kd / Z0, cos kd]], chained, and the wave on its far side
    2 / (T11 + T12 / Z0 + Z0 T21 + T22) of it (Z0 = rho c): one sheet's mass law 1 / (1 + j w m / 2
    Z0) where the gap closes; else a resonance where the air between springs the two masses, 18 dB an
    octave lost above it while the gap is short against the wavelength, and the gap's own standing
    waves (kd a multiple of pi) letting the sound through again above that."""
    w, z0 = 2.0 * np.pi * f, _AIR_DENSITY * _SOUND_SPEED
    kd = w / _SOUND_SPEED * gap
    a = np.cos(kd) - w * inner * np.sin(kd) / z0
    b = 1j * (z0 * np.sin(kd) + w * inner * np.cos(kd))
    c, d = 1j * np.sin(kd) / z0, np.cos(kd)
    t11, t12, t21, t22 = a, 1j * w * fly * a + b, c, 1j * w * fly * c + d
    return np.asarray(2.0 / (t11 + t12 / z0 + z0 * t21 + t22))


def car_park(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a parked car's stereo with its windows down, on a multi-storey car park's
    deck, heard across the deck: the door speakers' band (_CAR_PARK_DOORS, both ways) and the cabin's
    first standing wave (_CAR_PARK_CABIN: peaking, both ways); the low deck between the floor slab
    and the soffit above it (_CAR_PARK_DECK: the way across, the open windows' and the ear's heights,
    drawn), the direct sound and the images of the windows in the two slabs, each path bounced
    between them up to so many times, weaker by the concrete's reflection drawn at every bounce and
    by the paths' ratio, later by their difference; the air's absorption over every path
    (_CAR_PARK_AIR: air_absorption at a temperature and a humidity drawn), one filter in the clip's
    spectrum with every path timed from the direct sound, the clip padded by the latest so none
    wraps round to its start; the deck's long diffuse tail (_CAR_PARK_TAIL: decaying_noise,
    reverberate); the jet fans pushing the fumes out (_CAR_PARK_FANS: pink_noise over their band,
    band_passed, steady, brought under: under). Every path comes after the direct sound: no note and
    no beat moves."""
    (lowest, highest), (dull, bright) = _CAR_PARK_DOORS
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    centres, q, lifts = _CAR_PARK_CABIN
    out = peaking(out, sample_rate, drawn(rng, centres), q, drawn(rng, lifts))
    heights, windows, ears, ways, reflections, bounces = _CAR_PARK_DECK
    height, window, ear, way = (drawn(rng, span) for span in (heights, windows, ears, ways))
    reflection = drawn(rng, reflections)
    celsius, humidity = (drawn(rng, span) for span in _CAR_PARK_AIR)
    direct = np.hypot(way, window - ear)
    paths = []  # (the path's length m, its amplitude against the direct sound's)
    for n in range(-bounces, bounces + 1):
        # The window's image 2 n H above it bounces 2 |n| times, and its mirror 2 n H above the
        # floor's image of it |2 n - 1| times.
        images = ((2 * n * height + window, abs(2 * n)), (2 * n * height - window, abs(2 * n - 1)))
        for above, bounced in images:
            if bounced <= bounces:
                length = float(np.hypot(way, above - ear))
                paths.append((length, reflection**bounced * direct / length))
    latest = (max(length for length, _ in paths) - direct) / _SOUND_SPEED
    size = next_fast_len(out.size + int(latest * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    absorbed = air_absorption(np.maximum(f, 1.0), celsius, humidity)
    heard = np.zeros(f.size, dtype=np.complex128)
    for length, amplitude in paths:
        late = (length - direct) / _SOUND_SPEED
        heard += amplitude * 10.0 ** (-absorbed * length / 20.0) * np.exp(-2j * np.pi * f * late)
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    rt60s, wets = _CAR_PARK_TAIL
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _CAR_PARK_FANS)


def air_duct(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played in another office, heard through the ventilation duct joining the two rooms: the
    far room's desk speaker's band (_DUCT_SPEAKER, both ways); the duct (_DUCT_SIZE: its side a and its
    length L drawn), a lined square tube carrying the sound as a plane wave, losing by its lining
    Sabine's 1.05 alpha^1.4 P / S dB a metre (P / S = 4 / a), alpha rising from its lowest to its
    highest over the Hz drawn (_DUCT_LINING: 1 - exp(-f / turn) of the way, a porous layer's), and
    bouncing between its two open ends, each sending back R = -exp(-(k r)^2 / 2) exp(-2 j k 0.61 r)
    (an unflanged end's, r the radius of the tube's area, its end correction 0.61 r) and letting 1 +
    R out: (1 + R) A / (1 - R^2 A^2 exp(-2 j k L)) with A the lining's loss over its length, timed
    from the first arrival (so no onset moves), one filter in the clip's spectrum, the clip padded by
    _DUCT_TURNS round trips or until they have died so none wraps round to its start; the near grille's
    louvres (_DUCT_GRILLE: a first-order low-pass, its corner drawn, zero-phase); the air handler's
    rush (_DUCT_RUSH: pink_noise over its band, band_passed, steady, brought under: under)."""
    (lowest, highest), (dull, bright) = _DUCT_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    sides, lengths = _DUCT_SIZE
    side, length = drawn(rng, sides), drawn(rng, lengths)
    lows, highs, turns = _DUCT_LINING
    low, high, turn = drawn(rng, lows), drawn(rng, highs), drawn(rng, turns)
    radius = side / np.sqrt(np.pi)
    trip = 2.0 * length / _SOUND_SPEED
    # The quietest loop round the duct sets how long its sound takes to die (60 dB), at most _DUCT_TURNS.
    loss = 1.05 * low**1.4 * 4.0 / side * length
    lasting = min(_DUCT_TURNS, int(np.ceil(60.0 / (2.0 * loss))) + 1)
    size = next_fast_len(out.size + int(lasting * trip * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    k = 2.0 * np.pi * f / _SOUND_SPEED
    alpha = low + (high - low) * (1.0 - np.exp(-f / turn))
    kept = 10.0 ** (-1.05 * alpha**1.4 * 4.0 / side * length / 20.0)
    end = -np.exp(-((k * radius) ** 2) / 2.0) * np.exp(-2j * k * 0.61 * radius)
    heard = (1.0 + end) * kept / (1.0 - end**2 * kept**2 * np.exp(-2j * k * length))
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    corner = drawn(rng, _DUCT_GRILLE)
    out = np.fft.irfft(np.fft.rfft(out) / np.sqrt(1.0 + (np.fft.rfftfreq(out.size, 1.0 / sample_rate)
                                                          / corner) ** 2), out.size)  # fmt: skip
    return hushed(out, sample_rate, rng, _DUCT_RUSH)


def stairwell(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a phone on a landing some floors up a concrete stairwell, heard at its foot:
    the phone's band (_STAIR_PHONE, both ways); the direct sound down the open well (_STAIR_WELL: the
    floors between and a floor's height drawn) and its images across the well's two parallel walls
    (the width between them drawn), each path bounced between them up to so many times, weaker by the
    walls' reflection drawn at every bounce and by the paths' ratio, later by their difference (the
    well's flutter); the flights' steps below the phone each sending a little of it back up and round
    (_STAIR_STEPS: a step's run along the line of sight and its reflection drawn, each step later by
    twice its run over the speed of sound than the one before, weaker by its distance: the stairs'
    echo train); one filter in the clip's spectrum with every path timed from the direct sound, the
    clip padded by the latest so none wraps round to its start; the shaft's long tail
    (_STAIR_TAIL: decaying_noise, reverberate); the street's traffic through the door at its foot
    (_STAIR_TRAFFIC: pink_noise over its band, band_passed, steady, brought under: under). Every path
    comes after the direct sound: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _STAIR_PHONE
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    floors, heights, widths, reflections, bounces = _STAIR_WELL
    drop = round(drawn(rng, floors)) * drawn(rng, heights)
    width, reflection = drawn(rng, widths), drawn(rng, reflections)
    paths = []  # (the path's extra length over the direct sound's, m; its amplitude against it)
    for n in range(-bounces, bounces + 1):
        # The phone's image n widths across the well bounces |n| times off the walls.
        length = float(np.hypot(drop, n * width))
        paths.append((length - drop, reflection ** abs(n) * drop / length))
    runs, steps_back, per_flight = _STAIR_STEPS
    run, step_back = drawn(rng, runs), drawn(rng, steps_back)
    for k in range(1, per_flight + 1):
        paths.append((2.0 * k * run, step_back * drop / (drop + 2.0 * k * run)))
    latest = max(extra for extra, _ in paths) / _SOUND_SPEED
    size = next_fast_len(out.size + int(latest * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    heard = np.zeros(f.size, dtype=np.complex128)
    for extra, amplitude in paths:
        heard += amplitude * np.exp(-2j * np.pi * f * extra / _SOUND_SPEED)
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    rt60s, wets = _STAIR_TAIL
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _STAIR_TRAFFIC)


def quarry(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from a car's stereo, its doors open, on a quarry's floor, heard from across the
    floor: the door speakers' band (_QUARRY_CAR, both ways); the direct sound over the way across
    (_QUARRY_WAY) and the quarry's faces each sending it back (_QUARRY_FACES: a path past the direct
    sound's, a reflection, a roughness sigma and an angle t drawn for each), weaker by the paths'
    ratio and the face's reflection, later by their difference, the face's coherent reflection losing
    the highs its roughness scatters, exp(-2 (k sigma cos t)^2) (Kirchhoff's), so each echo comes
    back duller; the air's absorption over every path (_QUARRY_AIR: air_absorption at a temperature
    and a humidity drawn); one filter in the clip's spectrum with every path timed from the direct
    sound, the clip padded by the latest so none wraps round to its start; the pit's diffuse tail
    (_QUARRY_TAIL: decaying_noise, reverberate); the wind over the rim (_QUARRY_WIND: pink_noise over
    its band, band_passed, gusting, sway, brought under: under). Every echo comes after the direct
    sound: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _QUARRY_CAR
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    way = drawn(rng, _QUARRY_WAY)
    celsius, humidity = (drawn(rng, span) for span in _QUARRY_AIR)
    faces, extras, reflections, roughnesses, angles = _QUARRY_FACES
    echoes = [
        (way + drawn(rng, extras), drawn(rng, reflections), drawn(rng, roughnesses), drawn(rng, angles))
        for _ in range(faces)
    ]
    latest = max(length for length, *_ in echoes) - way
    size = next_fast_len(out.size + int(latest / _SOUND_SPEED * sample_rate) + 1, real=True)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    absorbed = air_absorption(np.maximum(f, 1.0), celsius, humidity)
    k = 2.0 * np.pi * f / _SOUND_SPEED
    heard = 10.0 ** (-absorbed * way / 20.0) + 0j
    for length, reflection, roughness, angle in echoes:
        coherent = reflection * np.exp(-2.0 * (k * roughness * np.cos(np.radians(angle))) ** 2)
        late = np.exp(-2j * np.pi * f * (length - way) / _SOUND_SPEED)
        heard += coherent * way / length * 10.0 ** (-absorbed * length / 20.0) * late
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    rt60s, wets = _QUARRY_TAIL
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    decibels, (low, high), gusts, depths = _QUARRY_WIND
    gusting = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, gusts, out.size, sample_rate))
    wind = band_passed(pink_noise(rng, out.size), sample_rate, low, high) * gusting
    return np.asarray(out + under(out, wind, rng, decibels))


def letterbox(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played on a radio in a house's hall, heard on the doorstep through the front door's
    letterbox: the radio's band (_LETTERBOX_RADIO, both ways) and the hall's reverb (_LETTERBOX_HALL:
    decaying_noise, reverberate); the door's leaf passing its mass law's share, 1 / (1 + j w m / 2
    rho c) (_LETTERBOX_DOOR: m drawn), beside the slot (_LETTERBOX_SLOT), whose air the pressure on
    the hall's side, doubled at the door, pushes through two ways: round the flap, a slit of the
    slot's perimeter P by the gap g drawn, as deep as the door is thick (its air's mass rho (d + 2 g)
    / P g and its viscous resistance 12 mu d / P g^3), and with the flap itself (_LETTERBOX_FLAP: its
    mass M, the Hz its spring holds it at and its Q: (j w M + R + K / j w) / S^2 over the slot's area
    S), the flow radiating from the door's face into the half-space, j w rho U / 2 pi r at the
    listener's distance (_LETTERBOX_EAR); one filter in the clip's spectrum, the clip padded so the
    flap's ring never wraps round to its start; the street behind the listener (_LETTERBOX_STREET:
    pink_noise over its band, band_passed, steady, brought under: under). The door passes the lows,
    falling 6 dB an octave, and the slit the highs, flat: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _LETTERBOX_RADIO
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    rt60s, wets = _LETTERBOX_HALL
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    masses, depth = _LETTERBOX_DOOR
    widths, heights, gaps = _LETTERBOX_SLOT
    leaf, width, height, gap = drawn(rng, masses), drawn(rng, widths), drawn(rng, heights), drawn(rng, gaps)
    flaps, holds, q = _LETTERBOX_FLAP
    flap, hold, ear = drawn(rng, flaps), drawn(rng, holds), drawn(rng, _LETTERBOX_EAR)
    size = next_fast_len(out.size + int(sample_rate * 2.0 * q / hold) + 1, real=True)
    w = 2.0 * np.pi * np.maximum(np.fft.rfftfreq(size, 1.0 / sample_rate), 1.0)
    z0 = _AIR_DENSITY * _SOUND_SPEED
    door = 1.0 / (1.0 + 1j * w * leaf / (2.0 * z0))
    perimeter, area = 2.0 * (width + height), width * height
    resistance = 12.0 * _AIR_VISCOSITY * depth / (perimeter * gap**3)
    slit = resistance + 1j * w * _AIR_DENSITY * (depth + 2.0 * gap) / (perimeter * gap)
    stiffness = flap * (2.0 * np.pi * hold) ** 2
    swing = (1j * w * flap + 2.0 * np.pi * hold * flap / q + stiffness / (1j * w)) / area**2
    flow = 2.0 * (1.0 / slit + 1.0 / swing)  # per pascal on the hall's side
    heard = door + 1j * w * _AIR_DENSITY * flow / (2.0 * np.pi * ear)
    out = np.fft.irfft(np.fft.rfft(out, size) * heard, size)[: out.size]
    return hushed(out, sample_rate, rng, _LETTERBOX_STREET)


def kerbside(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played loud on a parked car's stereo with its windows shut, heard on the pavement beside
    it: the stereo's band (_KERBSIDE_STEREO, both ways); the cabin (_KERBSIDE_CABIN: car_cabin), a
    pressure chamber under its first standing wave, so its lows rise 12 dB an octave against the open
    air's down to where its vents let the pressure out, and its first axial modes lifting; the sound
    crossing the car's side (_KERBSIDE_GLASS, _KERBSIDE_DOOR, _KERBSIDE_SEALS: car_side), the
    windows by a pane's mass, its first mode's stiffness and its bending stiffness averaged over a
    diffuse field's angles (car_pane: stiff under its first mode, a mass above it, its coincidence
    letting a band round its critical frequency through), the doors by their steel skin and trim
    with air between (car_door), the seals and vents whole; one zero-phase filter in the clip's
    spectrum (gridded: worked out at _FILTER_GRID points and read between them), the clip padded so nothing
    wraps round to its start; the street's traffic passing (_KERBSIDE_STREET: pink_noise over its
    band, band_passed, steady, brought under: under). The filter is zero-phase: no note and no beat
    moves."""
    (lowest, highest), (dull, bright) = _KERBSIDE_STEREO
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    out = gridded(out, sample_rate, lambda grid: np.abs(car_cabin(grid, rng)) * car_side(grid, rng))
    return hushed(out, sample_rate, rng, _KERBSIDE_STREET)


def car_cabin(f: Signal, rng: np.random.Generator) -> npt.NDArray[np.complex128]:
    """A car's cabin with its stereo playing, at `f` Hz against the open air (_KERBSIDE_CABIN, drawn
    by `rng`): its first axial modes, c / 2 L along its length, its width and its height, each lifting
    a resonance, 1 / (1 + j Q (f / f0 - f0 / f)); and the pressure chamber its air is under the lowest
    of them, - w1^2 / (j w (j w + 1 / tau)) (its air a spring the speakers press, rising 12 dB an
    octave against the open air's and meeting it at w1, down to where its vents and seals let the
    pressure out in tau)."""
    sides, q, taus = _KERBSIDE_CABIN
    modes = [_SOUND_SPEED / (2.0 * drawn(rng, side)) for side in sides]
    tau = drawn(rng, taus)
    w, w1 = 2.0 * np.pi * f, 2.0 * np.pi * min(modes)
    out = 1.0 - w1**2 / (1j * w * (1j * w + 1.0 / tau))
    for mode in modes:
        out = out + 1.0 / (1.0 + 1j * q * (f / mode - mode / f))
    return np.asarray(out)


def car_side(f: Signal, rng: np.random.Generator) -> Signal:
    """The pressure a car's side lets through at `f` Hz (_KERBSIDE_GLASS, _KERBSIDE_DOOR,
    _KERBSIDE_SEALS, drawn by `rng`): the square root of the power its windows pass (car_pane, their
    share of the side, the glass's coincidence at c^2 / (1.8 cL h)), its doors pass (car_door: the steel
    skin and the trim with air between) and its seals and vents pass whole (their share)."""
    shares, thicknesses, density, longitudinal, firsts, mounts, losses = _KERBSIDE_GLASS
    spans = (shares, thicknesses, firsts, mounts, losses)
    share, thickness, first, mount, loss = (drawn(rng, span) for span in spans)
    skins, modes, dampings, trims, gaps, felts = _KERBSIDE_DOOR
    doors = (skins, modes, dampings, trims, gaps, felts)
    skin, mode, damping, trim, gap, felt = (drawn(rng, span) for span in doors)
    leak = drawn(rng, _KERBSIDE_SEALS)
    critical = _SOUND_SPEED**2 / (1.8 * longitudinal * thickness)
    glass = car_pane(f, density * thickness, (first, mount), critical, loss)
    passed = np.abs(car_door(f, (skin, mode, damping), trim, (gap, felt))) ** 2
    return np.asarray(np.sqrt(share * glass + leak + (1.0 - share - leak) * passed))


def car_pane(f: Signal, mass: float, first: tuple[float, float], critical: float, loss: float) -> Signal:
    """The power a pane, `mass` kg/m^2 with its first mode at `first` (Hz, its loss factor there,
    held at its edges), its coincidence at `critical` Hz and its own loss factor `loss`, passes at `f`
    Hz in a diffuse field: at each angle t, 1 / |1 + j w m cos t (1 - (f0 / f)^2 (1 + j loss0) - (f /
    fc)^2 sin^4 t (1 + j loss)) / 2 rho c|^2 (its stiffness held at its edges, its mass, and its
    bending stiffness, Cremer's), averaged over the
    angles up to field incidence's (_KERBSIDE_FIELD) weighted by sin t cos t; so it is stiff under
    its first mode (6 dB an octave lost toward the lows), passes much at that mode, keeps to the
    mass law above it and lets a band round the critical frequency through where its bending waves
    match the air's."""
    top, count = _KERBSIDE_FIELD
    edges = np.radians(np.linspace(0.0, top, count + 1))
    angles = 0.5 * (edges[1:] + edges[:-1])
    weights = np.sin(angles) * np.cos(angles) * np.diff(edges)
    z = 1j * 2.0 * np.pi * f * mass / (2.0 * _AIR_DENSITY * _SOUND_SPEED)
    mode, mount = first
    held, ratio = (mode / f) ** 2 * (1.0 + 1j * mount), (f / critical) ** 2
    out = np.zeros(f.size)
    for angle, weight in zip(angles, weights, strict=True):
        bending = 1.0 - held - ratio * np.sin(angle) ** 4 * (1.0 + 1j * loss)
        out += weight / np.abs(1.0 + z * np.cos(angle) * bending) ** 2
    return np.asarray(out / weights.sum())


def car_door(
    f: Signal, skin: tuple[float, float, float], trim: float, gap: tuple[float, float]
) -> npt.NDArray[np.complex128]:
    """The pressure a plane wave keeps crossing a car's door at normal incidence at `f` Hz: its steel
    `skin` (kg/m^2, held stiff at its edges under its first mode at Hz, its loss factor there: its
    impedance j w m (1 - (f0 / f)^2 (1 + j loss))), the air inside it (`gap`: m deep, the felt in it
    taking a share of kd's phase as loss, k d (1 - j share)) and the trim, `trim` kg/m^2, limp: each
    sheet's transfer matrix [[1, Z], [0, 1]], the air's [[cos kd, j Z0 sin kd], [j sin kd / Z0, cos
    kd]], chained, and the wave on its far side 2 / (T11 + T12 / Z0 + Z0 T21 + T22) of it (Z0 = rho
    c), as tent_wall's two limp sheets but for the skin's stiffness and the felt."""
    mass, mode, loss = skin
    depth, felt = gap
    w, z0 = 2.0 * np.pi * f, _AIR_DENSITY * _SOUND_SPEED
    outer = 1j * w * mass * (1.0 - (mode / f) ** 2 * (1.0 + 1j * loss))
    kd = w / _SOUND_SPEED * depth * (1.0 - 1j * felt)
    a = np.cos(kd) + 1j * outer * np.sin(kd) / z0
    b = 1j * z0 * np.sin(kd) + outer * np.cos(kd)
    c, d = 1j * np.sin(kd) / z0, np.cos(kd)
    t11, t12, t21, t22 = a, 1j * w * trim * a + b, c, 1j * w * trim * c + d
    return np.asarray(2.0 / (t11 + t12 / z0 + z0 * t21 + t22))


def ear_trumpet(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a wireless set in a parlour, heard through an ear trumpet: the set's band
    (_TRUMPET_WIRELESS, both ways) and the parlour's reverb (_TRUMPET_PARLOUR: decaying_noise,
    reverberate); the parlour's hush gathered with it (_TRUMPET_HUSH: pink_noise over its band,
    band_passed, steady, brought under: under); the trumpet, a cone from its mouth to its earpiece
    (_TRUMPET_HORN: its length and both radii drawn), worked out as a chain of short cylinders, each
    [[cos kl, j Z sin kl], [j sin kl / Z, cos kl]] (Z = rho c / S its own, k losing Benade's alpha =
    3e-5 sqrt(f) / a to its wall), closed at the earpiece by the ear (_TRUMPET_EAR: the canal's and
    the eardrum's compliance beside the middle ear's resistance, drawn) and driven at its mouth by the
    room's pressure behind the mouth's radiation impedance (an unflanged pipe's, (ka)^2 / 4 + 0.61 j
    ka, going over to rho c / S where the mouth is wide against the wave): the eardrum's pressure
    against the room's, 1 / (T11 + T12 / Ze + Zr (T21 + T22 / Ze)) (trumpet); one filter in the
    clip's spectrum (gridded: worked out at _FILTER_GRID points and read between them), the clip padded so
    the trumpet's ring never wraps round to its start. The trumpet's
    resonances stand along it and its cone's lift grows up to where its mouth is wide; it rings only
    after each note's onset: no note and no beat moves."""
    (lowest, highest), (dull, bright) = _TRUMPET_WIRELESS
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    rt60s, wets = _TRUMPET_PARLOUR
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    out = hushed(out, sample_rate, rng, _TRUMPET_HUSH)
    lengths, mouths, throats, _, _ = _TRUMPET_HORN
    horn = (drawn(rng, lengths), drawn(rng, mouths), drawn(rng, throats))
    volumes, resistances, _ = _TRUMPET_EAR
    ear = (drawn(rng, volumes), drawn(rng, resistances))
    return gridded(out, sample_rate, lambda grid: trumpet(grid, horn, ear))


def gridded(
    samples: Signal, sample_rate: int, response: Callable[[Signal], npt.NDArray[np.generic]]
) -> Signal:
    """`samples` through the filter whose response (real or complex) `response` gives at _FILTER_GRID
    points from 0 Hz to half the rate, read between them, in the clip's spectrum; the clip padded
    half a second, so the filter's ring never wraps round to its start (kerbside, ear_trumpet)."""
    size = next_fast_len(samples.size + sample_rate // 2, real=True)
    grid = np.maximum(np.linspace(0.0, sample_rate / 2.0, _FILTER_GRID), 1.0)
    at = response(grid)
    f = np.fft.rfftfreq(size, 1.0 / sample_rate)
    heard = np.interp(f, grid, at.real)
    if np.iscomplexobj(at):
        heard = heard + 1j * np.interp(f, grid, at.imag)
    return np.asarray(np.fft.irfft(np.fft.rfft(samples, size) * heard, size)[: samples.size])


def trumpet(
    f: Signal, horn: tuple[float, float, float], ear: tuple[float, float]
) -> npt.NDArray[np.complex128]:
    """The eardrum's pressure against the room's at `f` Hz through an ear trumpet (`horn`: its length,
    its mouth's radius and its earpiece's, m; _TRUMPET_HORN's cylinders and wall loss) closed by an
    ear (`ear`: the canal's and the eardrum's volume, m^3, and the middle ear's resistance against rho
    c over the canal's area; _TRUMPET_EAR's canal): 1 / (T11 + T12 / Ze + Zr (T21 + T22 / Ze)), T the
    cylinders' transfer matrices chained from the mouth, Ze the ear's impedance, Zr the mouth's."""
    length, mouth, throat = horn
    volume, resistance = ear
    _, _, _, pieces, wall = _TRUMPET_HORN
    canal = _TRUMPET_EAR[2]
    w, z0 = 2.0 * np.pi * f, _AIR_DENSITY * _SOUND_SPEED
    step = length / pieces
    t11, t12 = np.ones(f.size, dtype=np.complex128), np.zeros(f.size, dtype=np.complex128)
    t21, t22 = np.zeros(f.size, dtype=np.complex128), np.ones(f.size, dtype=np.complex128)
    for radius in mouth + (throat - mouth) * (np.arange(pieces) + 0.5) / pieces:  # mouth to earpiece
        k = w / _SOUND_SPEED - 1j * wall * np.sqrt(f) / radius
        z = z0 / (np.pi * radius**2)
        a, b, c = np.cos(k * step), 1j * z * np.sin(k * step), 1j * np.sin(k * step) / z
        t11, t12, t21, t22 = t11 * a + t12 * c, t11 * b + t12 * a, t21 * a + t22 * c, t21 * b + t22 * a
    eardrum = 1.0 / (1j * w * volume / (z0 * _SOUND_SPEED) + np.pi * canal**2 / (resistance * z0))
    ka = w / _SOUND_SPEED * mouth
    opening = 0.25 * ka**2 + 0.61j * ka
    radiation = z0 / (np.pi * mouth**2) * opening / (1.0 + opening)
    return np.asarray(1.0 / (t11 + t12 / eardrum + radiation * (t21 + t22 / eardrum)))


def amphitheatre(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played from the stage of an open-air stone theatre, heard from a seat in its tiers: the
    stage's loudspeakers' band (_THEATRE_STAGE, both ways); three paths to the listener (_THEATRE_SEAT:
    the way out, the listener's height over the orchestra and the loudspeakers' drawn) -- the direct
    sound, its image in the orchestra's paved floor (_THEATRE_STONE: its reflection drawn) and its
    image behind the stage building's facade (the facade's distance and reflection drawn), each
    weaker by its length's ratio to the direct sound's and later by their difference, losing the air's
    absorption over its length (_THEATRE_AIR: air_absorption at a temperature and a humidity drawn),
    and each grazing over the rows of seated listeners in front at the angle the tiers' rake leaves it
    (the rake keeping the line of sight an angle drawn clear of them), so each carries the seat dip
    (seat_rows); a path the rows in front hide (grazing them
    at under _THEATRE_STONE's last, degrees) is not heard; one filter in the clip's spectrum (gridded);
    the cavea's faint tail off the tiers above (_THEATRE_TAIL: decaying_noise, reverberate); the
    audience's rustle and the breeze in the pines (_THEATRE_EVENING: pink_noise over its band,
    band_passed, steady, brought under: under). Every path comes after the direct sound: no note and no
    beat moves."""
    (lowest, highest), (dull, bright) = _THEATRE_STAGE
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    way, height, stage, clearance, ear = (drawn(rng, span) for span in _THEATRE_SEAT)
    rake = float(np.degrees(np.arctan2(height - stage, way))) + clearance
    depths, opens, losses = _THEATRE_ROWS
    wells = (drawn(rng, depths), drawn(rng, opens), drawn(rng, losses))
    floors, behinds, facades, hidden = _THEATRE_STONE
    floor, behind, facade = drawn(rng, floors), drawn(rng, behinds), drawn(rng, facades)
    celsius, humidity = (drawn(rng, span) for span in _THEATRE_AIR)
    paths = (  # (horizontal way, rise to the ear, reflection)
        (way, height - stage, 1.0),
        (way, height + stage, floor),
        (way + 2.0 * behind, height - stage, facade),
    )
    direct = float(np.hypot(way, height - stage))

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        absorbed = air_absorption(f, celsius, humidity)
        out = np.zeros(f.size, dtype=np.complex128)
        for across, rise, reflection in paths:
            grazing = rake - float(np.degrees(np.arctan2(rise, across)))
            if grazing < hidden:
                continue
            length = float(np.hypot(across, rise))
            late = np.exp(-2j * np.pi * f * (length - direct) / _SOUND_SPEED)
            loss = 10.0 ** (-absorbed * length / 20.0)
            out += reflection * direct / length * loss * late * seat_rows(f, np.radians(grazing), ear, wells)
        return np.asarray(out)

    out = gridded(out, sample_rate, heard)
    rt60s, wets = _THEATRE_TAIL
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _THEATRE_EVENING)


def seat_rows(
    f: Signal, grazing: float, ear: float, wells: tuple[float, float, float]
) -> npt.NDArray[np.complex128]:
    """The pressure at an ear `ear` m over the rows of seated listeners in front, against the sound
    grazing over them at `grazing` radians (the seat dip): the rows a surface of wells between them
    (`wells`: m deep, their open share of the surface, their loss at 100 Hz rising as sqrt(f)), each
    a tube closed at its foot, so the surface's admittance is the open share times j tan(k d (1 - j
    loss)) (rho c normalised); the sound off it, (sin t - beta) / (sin t + beta) of it at the grazing
    angle t, behind the direct sound by 2 h sin t: 1 + R exp(-j k 2 h sin t). Well under the wells'
    quarter wave the surface is hard and the two add; at it the wells open to the air, R is -1, and
    the two cancel: the dip, at c / 4 d."""
    depth, share, loss = wells
    k = 2.0 * np.pi * f / _SOUND_SPEED
    damped = k * depth * (1.0 - 1j * loss * np.sqrt(f / 100.0))
    admitted = share * 1j * np.tan(damped)
    slant = np.sin(grazing)
    reflection = (slant - admitted) / (slant + admitted)
    return np.asarray(1.0 + reflection * np.exp(-1j * k * 2.0 * ear * slant))


def whispering_dish(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played by a busker's small amplifier across a park, heard with an ear at the focus of one
    of the park's whispering dishes, turned toward it: the amplifier's band (_DISH_BUSKER, both ways);
    the air's absorption over the way (_DISH_WAY, drawn; _DISH_AIR: air_absorption at a temperature
    and a humidity drawn); the dish (_DISH_BOWL: its radius and its focal length drawn) gathering the
    sound onto its focus (dish_focus) beside letting it pass, its surface, out of true by an rms error
    drawn (_DISH_SURFACE), keeping Ruze's exp(-(4 pi e / lambda)^2 / 2) of what it focuses; the ear,
    off the focus by a distance drawn (_DISH_EAR), in the focal spot's Airy pattern (dish_spot); one
    filter in the clip's spectrum (gridded), timed from the sound passing the focus; the park's noise
    (_DISH_PARK: pink_noise over its band, band_passed, steady, brought under: under). What the dish
    gathers comes 2 F / c after the sound passing (a few milliseconds): no note and no beat moves."""
    (lowest, highest), (dull, bright) = _DISH_BUSKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    way = drawn(rng, _DISH_WAY)
    radii, focals = _DISH_BOWL
    radius = drawn(rng, radii)
    dish = (radius, radius * drawn(rng, focals))
    error, offset = drawn(rng, _DISH_SURFACE), drawn(rng, _DISH_EAR)
    celsius, humidity = (drawn(rng, span) for span in _DISH_AIR)

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        true = np.exp(-0.5 * (2.0 * error * 2.0 * np.pi * f / _SOUND_SPEED) ** 2)  # (4 pi e / lambda)^2
        gathered = 1.0 + true * dish_spot(f, dish, offset) * dish_focus(f, dish)
        return np.asarray(gathered * 10.0 ** (-air_absorption(f, celsius, humidity) * way / 20.0))

    out = gridded(out, sample_rate, heard)
    return hushed(out, sample_rate, rng, _DISH_PARK)


def dish_focus(f: Signal, dish: tuple[float, float]) -> npt.NDArray[np.complex128]:
    """What a dish gathers onto its focus at `f` Hz against a plane wave's pressure at its focal plane
    (`dish`: its mouth's radius a and its focal length F, m): Kirchhoff's integral over its mouth, every
    ray reaching the focus 2 F later, in phase, j k 2 F ln(1 + (a / 2 F)^2) exp(-j k 2 F): nothing where
    the dish is small against the wave, 6 dB an octave more above."""
    radius, focal = dish
    k = 2.0 * np.pi * f / _SOUND_SPEED
    return np.asarray(
        1j * k * 2.0 * focal * np.log1p((radius / (2.0 * focal)) ** 2) * np.exp(-2j * k * focal)
    )


def dish_spot(f: Signal, dish: tuple[float, float], offset: float) -> Signal:
    """The focal spot an ear `offset` m off the focus hears of what a dish gathers at `f` Hz: Airy's
    pattern, 2 J1(v) / v, v = k offset sin a, a the angle its rim stands at from the focus (sin a = a /
    (F + a^2 / 4 F))."""
    radius, focal = dish
    rim = radius / (focal + radius**2 / (4.0 * focal))
    v = np.maximum(2.0 * np.pi * f / _SOUND_SPEED * offset * rim, 1e-9)
    return np.asarray(2.0 * special.j1(v) / v)


def bone_conduction(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song through bone-conduction headphones on a cyclist's cheekbones, the ears left open to the
    road: the transducer's band (_BONE_TRANSDUCER, both ways); its mass on the skin's spring over the
    cheekbone (_BONE_SKIN: their resonance and its Q drawn), below which the skin gives way and passes
    little of its force, a second-order high-pass (bone_drive); the skull's first resonances, its shell
    ovalling (_BONE_SKULL: each one's Hz, Q and lift drawn), each lifting what falls near it; the inner
    ear's fall above (_BONE_COCHLEA: a second-order low-pass at a corner drawn); one filter in the
    clip's spectrum (gridded); the traffic and the wind at the open ears (_BONE_ROAD: pink_noise over
    its band, band_passed, steady, brought under: under). A filter moves no note and no beat."""
    (lowest, highest), (dull, bright) = _BONE_TRANSDUCER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    resonant, qs = _BONE_SKIN
    skin = (drawn(rng, resonant), drawn(rng, qs))
    skull = tuple((drawn(rng, hz), drawn(rng, q), drawn(rng, lift)) for hz, q, lift in _BONE_SKULL)
    corner = drawn(rng, _BONE_COCHLEA)

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        lifted = np.ones(f.size, dtype=np.complex128)
        for hz, q, lift in skull:
            lifted += (lift - 1.0) / (1.0 + 1j * q * (f / hz - hz / f))
        fall = 1.0 / (1.0 - (f / corner) ** 2 + 1j * np.sqrt(2.0) * f / corner)
        return np.asarray(bone_drive(f, skin) * lifted * fall)

    out = gridded(out, sample_rate, heard)
    decibels, (low, high) = _BONE_ROAD
    road = band_passed(pink_noise(rng, out.size), sample_rate, low, high)
    return np.asarray(out + under(out, road, rng, decibels))


def bone_drive(f: Signal, skin: tuple[float, float]) -> npt.NDArray[np.complex128]:
    """What a bone-conduction transducer's mass, sitting on the skin's spring over the bone, passes of
    its force at `f` Hz (`skin`: their resonance f0 and its Q): (f / f0)^2 / ((f / f0)^2 - 1 - j (f /
    f0) / Q), a second-order high-pass, 1 well above f0, 40 dB a decade under it, Q at it."""
    resonant, q = skin
    x = f / resonant
    return np.asarray(x**2 / (x**2 - 1.0 - 1j * x / q))


def seashell(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from a radio on a beach, heard with a seashell held to the ear: the radio's band
    (_SHELL_RADIO, both ways); the shell's cavity closed by the ear, the song reaching it through the
    leak round the rim (_SHELL_CAVITY: the cavity's volume, the leak's area, its length and its Q
    drawn), the leak's air a mass on the spring of the cavity's, so a Helmholtz resonance and a
    second-order low-pass above it (shell_leak); the spiral's air column, closed at its apex, its
    quarter-wave modes lifting what falls near them (_SHELL_SPIRAL: its length, the modes' Q and
    their lift drawn); one filter in the clip's spectrum (gridded); the surf gathered by the shell
    through the same filter, the sea in the shell (_SHELL_SURF: pink_noise over its band, band_passed,
    steady, brought under: under). A filter moves no note and no beat."""
    (lowest, highest), (dull, bright) = _SHELL_RADIO
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    volumes, areas, lengths, qs = _SHELL_CAVITY
    cavity = (drawn(rng, volumes), drawn(rng, areas), drawn(rng, lengths), drawn(rng, qs))
    spirals, spiral_qs, lifts = _SHELL_SPIRAL
    spiral, spiral_q, lift = drawn(rng, spirals), drawn(rng, spiral_qs), drawn(rng, lifts)

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        lifted = np.ones(f.size, dtype=np.complex128)
        quarter = _SOUND_SPEED / (4.0 * spiral)
        for k in range(1, 2 * int(f[-1] / quarter) + 2, 2):
            lifted += lift / (1.0 + 1j * spiral_q * (f / (k * quarter) - k * quarter / f))
        return np.asarray(shell_leak(f, cavity) * lifted)

    out = gridded(out, sample_rate, heard)
    surf = gridded(pink_noise(rng, out.size), sample_rate, heard)
    decibels, (low, high) = _SHELL_SURF
    surf = band_passed(surf, sample_rate, low, high)
    return np.asarray(out + under(out, surf, rng, decibels))


def shell_resonance(cavity: tuple[float, float, float, float]) -> float:
    """The Helmholtz resonance of a shell's cavity closed by the ear (`cavity`: its volume V m^3, the
    leak's area A m^2 and length l m, its Q): c / 2 pi sqrt(A / V l)."""
    volume, area, length, _ = cavity
    return float(_SOUND_SPEED / (2.0 * np.pi) * np.sqrt(area / (volume * length)))


def shell_leak(f: Signal, cavity: tuple[float, float, float, float]) -> npt.NDArray[np.complex128]:
    """What of the pressure outside reaches the ear inside a shell at `f` Hz through the leak round its
    rim: 1 / (1 - (f / fH)^2 + j (f / fH) / Q), fH its Helmholtz resonance (shell_resonance): all of it
    well under fH, Q times it at fH, 12 dB an octave less above."""
    x = f / shell_resonance(cavity)
    return np.asarray(1.0 / (1.0 - x**2 + 1j * x / cavity[3]))


def neck_headphones(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from headphones hung round the listener's neck, the cups turned up to the ears, no seal:
    the drivers' band (_NECK_DRIVERS, both ways); each open cup's driver a dipole (_NECK_RIM: the extra
    path round the rim drawn), its back's sound cancelling its front's where the path is short against
    the wave (open_back); the collarbone's and the chest's reflection a comb over it (_NECK_CHEST: its
    extra path and share drawn, chest_comb); one filter in the clip's spectrum (gridded); the room's
    noise (_NECK_ROOM: pink_noise over its band, band_passed, steady, brought under: under). A filter
    moves no note and no beat."""
    (lowest, highest), (dull, bright) = _NECK_DRIVERS
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    rim = drawn(rng, _NECK_RIM)
    paths, shares = _NECK_CHEST
    chest = (drawn(rng, paths), drawn(rng, shares))

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        return np.asarray(open_back(f, rim) * chest_comb(f, chest))

    out = gridded(out, sample_rate, heard)
    decibels, (low, high) = _NECK_ROOM
    room = band_passed(pink_noise(rng, out.size), sample_rate, low, high)
    return np.asarray(out + under(out, room, rng, decibels))


def open_back(f: Signal, rim: float) -> npt.NDArray[np.complex128]:
    """An open cup's driver, its back's sound reaching the ear `rim` m further than its front's and
    inverted: 1 - exp(-j 2 pi f d / c), halved so it is at most 1: rising 6 dB an octave from nothing
    at 0 Hz to its first peak where d is half a wave, c / 2 d."""
    return np.asarray((1.0 - np.exp(-2j * np.pi * f * rim / _SOUND_SPEED)) / 2.0)


def chest_comb(f: Signal, chest: tuple[float, float]) -> npt.NDArray[np.complex128]:
    """The collarbone's and the chest's reflection on what reaches the ear (`chest`: its extra path m
    and its share r): 1 + r exp(-j 2 pi f l / c), a comb, its notches where l is an odd number of half
    waves, 1 - r deep, its peaks 1 + r."""
    path, share = chest
    return np.asarray(1.0 + share * np.exp(-2j * np.pi * f * path / _SOUND_SPEED))


def helmet(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song through a motorcycle helmet's intercom, the rider at speed: its thin speakers' band
    (_HELMET_SPEAKERS, both ways); each speaker a finger's width off the ear in its pocket of the
    liner, no seal, the ear's little volume leaking round it (_HELMET_LEAK: its corner drawn,
    helmet_leak); the air between the head and the shell, its first modes round the head lifting what
    falls near them (_HELMET_CAVITY: each one's Hz, Q and lift drawn, helmet_cavity); one filter in
    the clip's spectrum (gridded); the wind over the shell (_HELMET_WIND: the speed drawn, pink_noise
    from 20 Hz to a corner rising with it, band_passed, swelling slowly with the buffeting, sway,
    brought under: under; no swell a listener could take for a beat). A filter moves no note and no
    beat."""
    (lowest, highest), (dull, bright) = _HELMET_SPEAKERS
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    leak = drawn(rng, _HELMET_LEAK)
    modes = tuple((drawn(rng, hz), drawn(rng, q), drawn(rng, lift)) for hz, q, lift in _HELMET_CAVITY)

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        return np.asarray(helmet_leak(f, leak) * helmet_cavity(f, modes))

    out = gridded(out, sample_rate, heard)
    speeds, corners, decibels, swells, depths = _HELMET_WIND
    corner = drawn(rng, corners) * drawn(rng, speeds) / 100.0
    roar = band_passed(pink_noise(rng, out.size), sample_rate, 20.0, corner)
    gusting = 1.0 - drawn(rng, depths) * (0.5 + 0.5 * sway(rng, swells, out.size, sample_rate))
    return np.asarray(out + under(out, roar * gusting, rng, decibels))


def helmet_leak(f: Signal, corner: float) -> npt.NDArray[np.complex128]:
    """What reaches the ear of a speaker held off it with no seal, the ear's little volume leaking into
    the helmet's at `f` Hz: j f / fc over 1 + j f / fc, fc the leak's `corner` -- all of it well above,
    6 dB an octave less below."""
    x = f / corner
    return np.asarray(1j * x / (1.0 + 1j * x))


def helmet_cavity(f: Signal, modes: tuple[tuple[float, float, float], ...]) -> npt.NDArray[np.complex128]:
    """The air between the head and the shell at `f` Hz, each of its `modes` (Hz, Q, lift in dB)
    lifting what falls near it: 1 + the sum of (10^(dB / 20) - 1) / (1 + j Q (f / f0 - f0 / f))."""
    out = np.ones(np.shape(f), dtype=np.complex128)
    for hz, q, lift in modes:
        out += (10.0 ** (lift / 20.0) - 1.0) / (1.0 + 1j * q * (f / hz - hz / f))
    return np.asarray(out)


def face_down(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from a phone lying face-down on a wooden table, heard by someone sitting at it: its
    speaker's band (_FACE_DOWN_SPEAKER, both ways); the speaker firing into the thin layer of air
    trapped between the screen and the wood, which leaves by the slit round the phone's edge, the
    layer's springiness against the slit's air mass a resonance (_FACE_DOWN_PHONE: the face and the way
    to its edge drawn, _FACE_DOWN_Q its Q; trapped_air) over which the highs fall 12 dB an octave; the table
    top shaken through the phone's body, its first modes sounding beside the air's (_FACE_DOWN_TOP:
    their Hz and Q, the wood's share and the top's thickness drawn; table_top); one filter in the clip's
    spectrum (gridded); the kitchen's steady hush (_FACE_DOWN_ROOM: hushed). A filter moves no note and
    no beat."""
    (lowest, highest), (dull, bright) = _FACE_DOWN_SPEAKER
    out = band_passed(samples, sample_rate, drawn(rng, (lowest, highest)), drawn(rng, (dull, bright)))
    lengths, widths, ways = _FACE_DOWN_PHONE
    face = (drawn(rng, lengths), drawn(rng, widths), drawn(rng, ways))
    q = drawn(rng, _FACE_DOWN_Q)
    centres, qs, shares, thicknesses = _FACE_DOWN_TOP
    modes = tuple((drawn(rng, hz), drawn(rng, qs)) for hz in centres)
    share, thickness = drawn(rng, shares), drawn(rng, thicknesses)
    corner = slit_resonance(*face)

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        return np.asarray(trapped_air(f, corner, q) + share * table_top(f, modes, thickness))

    out = gridded(out, sample_rate, heard)
    return hushed(out, sample_rate, rng, _FACE_DOWN_ROOM)


def slit_resonance(length: float, width: float, way: float) -> float:
    """Where the air trapped under a phone lying face-down resonates (Hz): the layer's volume V = S g (S
    the face, `length` by `width` m, g its gap) its spring, the slit round its edge, P g in section (P
    the face's perimeter), its air a mass over the `way` l m from the speaker to the edge: c / 2 pi
    sqrt(P g / V l) = c / 2 pi sqrt(P / S l), the gap gone from it."""
    perimeter, face = 2.0 * (length + width), length * width
    return float(_SOUND_SPEED / (2.0 * np.pi) * np.sqrt(perimeter / (face * way)))


def trapped_air(f: Signal, corner: float, q: float) -> npt.NDArray[np.complex128]:
    """What leaves the slit of what the speaker drives into the layer at `f` Hz: a mass on a spring,
    1 / (1 - x^2 + j x / Q), x = f / `corner` -- all of it well below, Q times it at the corner, 12 dB
    an octave less above."""
    x = f / corner
    return np.asarray(1.0 / (1.0 - x**2 + 1j * x / q))


def table_top(
    f: Signal, modes: tuple[tuple[float, float], ...], thickness: float
) -> npt.NDArray[np.complex128]:
    """What a wooden table top shaken at a point radiates at `f` Hz: each of its `modes` (Hz, Q) answering
    near its own, 1 / (1 + j Q (f / f0 - f0 / f)), summed, through the top's radiation efficiency,
    sqrt(f / fc) under its coincidence fc = c^2 / 1.8 c_L t (`thickness` t m) and 1 over it."""
    out = np.zeros(np.shape(f), dtype=np.complex128)
    for hz, q in modes:
        out += 1.0 / (1.0 + 1j * q * (f / hz - hz / f))
    coincidence = _SOUND_SPEED**2 / (1.8 * _WOOD_SPEED * thickness)
    return np.asarray(out * np.sqrt(np.minimum(f / coincidence, 1.0)))


def spotlight(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from a museum's audio spotlight, heard standing in its beam: the panel's equaliser
    integrating it twice above a corner (_SPOTLIGHT_PANEL: the corner drawn; spotlight_equaliser); its
    envelope on the ultrasonic carrier the square root of 1 + m s (the depth m drawn; the song s brought
    to a peak of 1), through the transducers' resonance (_SPOTLIGHT_TRANSDUCERS: the carrier and the Q
    drawn; transducer_band); the air's nonlinearity demodulating it as Berktay's far field has it, the
    second derivative of the envelope squared (berktay): the song back above the corner, 12 dB an octave
    less under it, and what the transducers' band left of the square root's squaring; the beam back up off
    the stone floor under the listener (_SPOTLIGHT_FLOOR: floor_bounce); the gallery, lit little by the
    beam (_SPOTLIGHT_GALLERY: decaying_noise, reverberate), and its hush (_SPOTLIGHT_HUSH: hushed). No
    filter, nor the squaring, moves a note or a beat."""
    corners, depths = _SPOTLIGHT_PANEL
    corner, depth = drawn(rng, corners), drawn(rng, depths)
    carriers, qs = _SPOTLIGHT_TRANSDUCERS
    carrier, q = drawn(rng, carriers), drawn(rng, qs)
    heights, shares = _SPOTLIGHT_FLOOR
    height, share = drawn(rng, heights), drawn(rng, shares)
    song = gridded(samples, sample_rate, lambda f: spotlight_equaliser(f, corner))
    envelope = np.sqrt(1.0 + depth * song / (float(np.max(np.abs(song))) or 1.0))
    envelope = gridded(envelope, sample_rate, lambda f: transducer_band(f, carrier, q))
    squared = envelope**2 - float(np.mean(envelope**2))  # a second derivative has no constant in it

    def heard(f: Signal) -> npt.NDArray[np.complex128]:
        return np.asarray(berktay(f, corner) * floor_bounce(f, height, share))

    out = gridded(squared, sample_rate, heard)
    rt60s, wets = _SPOTLIGHT_GALLERY
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _SPOTLIGHT_HUSH)


def spotlight_equaliser(f: Signal, corner: float) -> npt.NDArray[np.complex128]:
    """What an audio spotlight's panel does to the song at `f` Hz before it modulates the carrier:
    integrates it twice above its `corner`, 1 / (1 + j f / fc)^2 -- what the air's second derivative
    takes back, so that the two together pass the song whole above the corner."""
    return np.asarray(1.0 / (1.0 + 1j * f / corner) ** 2)


def transducer_band(f: Signal, carrier: float, q: float) -> npt.NDArray[np.complex128]:
    """What the transducers' resonance at the `carrier` (Hz), `q` its Q, passes of the envelope at `f`
    Hz from the carrier: 1 / (1 + j 2 Q f / fc), the resonance's low-pass equivalent, its corner at
    half its bandwidth."""
    return np.asarray(1.0 / (1.0 + 2j * q * f / carrier))


def berktay(f: Signal, corner: float) -> npt.NDArray[np.complex128]:
    """What the air's nonlinearity makes of the squared envelope at `f` Hz, far along the beam
    (Berktay's solution, p ~ d^2 E^2 / dt^2): (j f / fc)^2, against its level at the panel's equaliser's
    `corner`."""
    return np.asarray((1j * f / corner) ** 2)


def floor_bounce(f: Signal, height: float, share: float) -> npt.NDArray[np.complex128]:
    """The ear in a beam aimed down at a stone floor, at `f` Hz: the beam, and its reflection up from
    the floor `height` m below the ear at `share` of it, 2 `height` m later: 1 + r exp(-j 2 pi f 2 h /
    c), a comb."""
    return np.asarray(1.0 + share * np.exp(-2j * np.pi * f * 2.0 * height / _SOUND_SPEED))


def tin_roof(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from a transistor radio on a garden shed's shelf, heard inside the shed while rain drums
    on its corrugated iron roof: the radio's small speaker in its closed box (_TIN_ROOF_RADIO: the
    cone's resonance, its Q and its highs' corner drawn; radio_speaker), one filter in the clip's
    spectrum (gridded); the shed's bare boards (_TIN_ROOF_SHED: decaying_noise, reverberate); the rain
    on the roof (_TIN_ROOF_DROPS, _TIN_ROOF_SHEET, _TIN_ROOF_GUSTS: rain_on_roof), falling and ringing
    through the same shed before the clip starts, brought under the song to a level drawn in
    _TIN_ROOF_LEVEL (under). The drops fall at random,
    thickening and thinning far slower than any beat, and no filter moves a note: no note and no beat
    moves."""
    resonances, qs, tops = _TIN_ROOF_RADIO
    resonance, q, top = drawn(rng, resonances), drawn(rng, qs), drawn(rng, tops)
    out = gridded(samples, sample_rate, lambda f: radio_speaker(f, resonance, q, top))
    rt60s, wets = _TIN_ROOF_SHED
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    wet = drawn(rng, wets)
    out = reverberate(out, tail, wet)
    # The rain fell, and the shed rang with it, before the clip starts: no swell of its own at the start.
    rain = reverberate(rain_on_roof(out.size + tail.size, sample_rate, rng), tail, wet)[tail.size :]
    return np.asarray(out + under(out, rain, rng, _TIN_ROOF_LEVEL))


def radio_speaker(f: Signal, resonance: float, q: float, top: float) -> npt.NDArray[np.complex128]:
    """A small speaker in a closed box at `f` Hz: its cone on the box's air a second-order high-pass at
    its `resonance`, x^2 / (x^2 - 1 - j x / Q) for x = f / f0 (Q times at it, 12 dB an octave less
    under it), and past its `top` the cone no longer moving as one, 1 / (1 + j f / top)."""
    x = f / resonance
    return np.asarray(x**2 / (x**2 - 1.0 - 1j * x / q) / (1.0 + 1j * f / top))


def rain_on_roof(size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """`size` samples of rain on a corrugated iron roof, heard under it, already falling as they start:
    drops at random times, a roof's worth (_TIN_ROOF_DROPS: so many a second drawn, the rate swaying
    with the gusts, downpour_swells), each pressing on the sheet for a drawn time with a force of a
    log-normal size (its spread drawn); each drop's ping the sheet ringing (sheet_ring: its loss factor
    drawn), radiated as the square root of the frequency under the sheet's coincidence (its Hz drawn)
    and through the half-sine of the drop's press (drop_press). Peak 1."""
    rates, spreads, presses = _TIN_ROOF_DROPS
    rate = float(np.exp(drawn(rng, (np.log(rates[0]), np.log(rates[1])))))
    spread, press = drawn(rng, spreads), drawn(rng, presses)
    coincidences, losses = _TIN_ROOF_SHEET
    coincidence, loss = drawn(rng, coincidences), drawn(rng, losses)
    ping = sheet_ring(rng, loss, sample_rate)
    falling = size + ping.size  # the rain already falling, and the sheet ringing, as the clip starts
    thickening = downpour_swells(falling, sample_rate, rng)
    count = int(rng.poisson(rate * float(np.mean(thickening)) * falling / sample_rate))
    places = rng.choice(falling, size=count, p=thickening / float(np.sum(thickening)))
    drops = np.zeros(falling)
    np.add.at(drops, places, rng.lognormal(0.0, spread, count))
    out = signal.fftconvolve(drops, ping)[ping.size : falling]

    def radiated(f: Signal) -> Signal:
        return np.asarray(np.sqrt(np.minimum(f / coincidence, 1.0)) * drop_press(f, press))

    out = gridded(out, sample_rate, radiated)
    return np.asarray(out / (float(np.max(np.abs(out))) or 1.0))


def downpour_swells(size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """How thick the rain falls over `size` samples, about 1: a new strength every so many s
    (_TIN_ROOF_GUSTS: the spacing drawn, each strength up to a share drawn either side of 1), cosine-eased
    between -- no two swells alike, nor a steady swing a listener could count."""
    spacings, depths = _TIN_ROOF_GUSTS
    spacing, depth = drawn(rng, spacings), drawn(rng, depths)
    knots = int(np.ceil(size / (spacing * sample_rate))) + 2
    strengths = 1.0 + depth * rng.uniform(-1.0, 1.0, knots)
    place = np.arange(size) / (spacing * sample_rate)
    whole = place.astype(np.int64)
    ease = 0.5 - 0.5 * np.cos(np.pi * (place - whole))
    return np.asarray(strengths[whole] * (1.0 - ease) + strengths[whole + 1] * ease)


def sheet_ring(rng: np.random.Generator, loss: float, sample_rate: int) -> Signal:
    """A drop's ping on a thin steel sheet, struck at a point: white noise in each octave band of
    _TIN_ROOF_BANDS (band_passed), each ringing down at pi f eta a second (f the band's centre, eta the
    sheet's `loss` factor), summed -- the sheet's modes too dense to sound a pitch, the highs dying
    first."""
    longest = 6.9 / (np.pi * _TIN_ROOF_BANDS[0] * loss)  # s: the lowest band 60 dB down
    times = np.arange(int(longest * sample_rate)) / sample_rate
    out = np.zeros(times.size)
    for low in _TIN_ROOF_BANDS:
        band = band_passed(rng.standard_normal(times.size), sample_rate, low, 2.0 * low)
        out += band * np.exp(-np.pi * np.sqrt(2.0) * low * loss * times)
    return out


def drop_press(f: Signal, press: float) -> Signal:
    """What a drop pressing on the sheet for `press` s, its force a half-sine, gives at `f` Hz against
    its level at 0 Hz: |cos(pi f tau) / (1 - (2 f tau)^2)| (pi / 4 where 2 f tau is 1)."""
    x = 2.0 * f * press
    near = np.abs(1.0 - x**2) < 1e-9
    ratio = np.cos(np.pi * f * press) / np.where(near, 1.0, 1.0 - x**2)
    return np.asarray(np.abs(np.where(near, np.pi / 4.0, ratio)))


def market_memo(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song from a market stall's cheap speaker, caught on a phone's voice memo in a crowded open-air
    market: the stall's small amplifier driven into its rails (_MARKET_AMP: tanh, its drive drawn) and
    humming with the mains its generator makes (generator_mains); its cheap speaker in a plastic box
    (_MARKET_SPEAKER: radio_speaker) and the air over the way to the phone (_MARKET_PATH: market_air),
    one filter in the clip's spectrum (gridded); the awnings' and the ground's reflections (awnings);
    at the phone's codec's rate (_MEMO_RATE, resampled, its anti-aliasing filter linear-phase) the
    crowd round it (market_talk) and the generator's exhaust (generator_exhaust), each brought under the
    song to a level drawn (under); the phone's microphone and its wind filter (_MEMO_MICROPHONE, both
    ways); its automatic gain control riding it all (automatic_gain) to a peak drawn in _MEMO_PEAK;
    and its voice codec (gsm_coded); the phone recording for _MEMO_AHEAD s before the clip starts, so
    that neither its gain nor its codec is still settling as it does. The crowd talks and the engine
    fires at random, the gain moves with the level and the codec follows whatever pitch is loudest,
    but no filter moves a note and no delay is long enough to be heard as another beat."""
    governor = generator_governor(rng)
    peak = float(np.max(np.abs(samples))) or 1.0
    drive = drawn(rng, _MARKET_AMP)
    out = peak * np.tanh(drive * samples / peak) / np.tanh(drive)
    out = out + under(out, generator_mains(out.size, sample_rate, governor), rng, _GENERATOR_HUM)
    resonances, qs, tops = _MARKET_SPEAKER
    resonance, q, top = drawn(rng, resonances), drawn(rng, qs), drawn(rng, tops)
    metres = drawn(rng, _MARKET_PATH)
    out = gridded(out, sample_rate, lambda f: radio_speaker(f, resonance, q, top) * market_air(f, metres))
    out = awnings(out, sample_rate, rng)
    common = int(np.gcd(sample_rate, _MEMO_RATE))
    ahead = round(_MEMO_AHEAD * _MEMO_RATE)  # the phone was recording the market before the clip starts
    memo = np.pad(signal.resample_poly(out, _MEMO_RATE // common, sample_rate // common), (ahead, 0))
    memo = memo + under(memo, market_talk(memo.size, _MEMO_RATE, rng), rng, _CROWD_LEVEL)
    exhaust = generator_exhaust(memo.size, _MEMO_RATE, governor, rng)
    memo = memo + under(memo, exhaust, rng, _GENERATOR_LEVEL)
    floors, tops = _MEMO_MICROPHONE
    sos = signal.butter(2, drawn(rng, floors), btype="highpass", fs=_MEMO_RATE, output="sos")
    memo = signal.sosfiltfilt(sos, memo)
    sos = signal.butter(2, usable(drawn(rng, tops), _MEMO_RATE), btype="lowpass", fs=_MEMO_RATE, output="sos")
    memo = automatic_gain(signal.sosfiltfilt(sos, memo), _MEMO_RATE, rng)
    memo = gsm_coded(memo * drawn(rng, _MEMO_PEAK) / (float(np.max(np.abs(memo))) or 1.0))[ahead:]
    out = signal.resample_poly(memo, sample_rate // common, _MEMO_RATE // common)[: samples.size]
    return np.asarray(np.pad(out, (0, samples.size - out.size)))


def market_air(f: Signal, metres: float) -> Signal:
    """What the air passes at `f` Hz over `metres` (air_absorption at 25 C and 60%)."""
    return np.asarray(10.0 ** (-air_absorption(f, 25.0, 60.0) * metres / 20.0))


def awnings(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """`samples` and the stalls' awnings' and the ground's reflections of them on the way to the phone
    (_MARKET_AWNINGS: so many, each late by a time drawn at a share drawn), none late enough to be
    heard apart from the sound it follows."""
    count, delays, shares = _MARKET_AWNINGS
    heard = samples.copy()
    for _ in range(count):
        delay = max(1, round(drawn(rng, delays) * sample_rate))
        heard[delay:] += drawn(rng, shares) * samples[:-delay]
    return heard


def market_talk(size: int, sample_rate: int, rng: np.random.Generator) -> Signal:
    """`size` samples of a crowded market's talk round the phone, peak 1: so many talkers drawn in
    _CROWD_TALKERS, each at a distance of its own, speaking in phrases with breaths between
    (_CROWD_PHRASES), syllable after syllable (_CROWD_SYLLABLES, each a swell on a vowel of
    _CROWD_VOWELS, some opening on a hiss), voiced by a pulse at the talker's pitch (_CROWD_VOICES),
    rising and falling with the phrase; the vowels' formants (vowel_formants) and the voice's tilt
    shared by all; and the far crowd's murmur under them (_CROWD_MURMUR). Talkers by the dozen each
    at a pitch of their own that never holds still: no pitch class, and no beat. What moves slowly
    (a pitch, a swell) is worked out _CROWD_CONTROL times a second and read between."""
    times = np.arange(size) / sample_rate
    slow = np.arange(0.0, times[-1] + 2.0 / _CROWD_CONTROL, 1.0 / _CROWD_CONTROL)
    voiced = np.zeros((len(_CROWD_VOWELS), size))
    hissing = np.zeros(slow.size)
    (lowest, highest), sway_semitones = _CROWD_VOICES
    for _ in range(int(rng.integers(_CROWD_TALKERS[0], _CROWD_TALKERS[1] + 1))):
        loudness = 1.0 / drawn(rng, (1.5, 8.0))  # its distance, m
        knots = np.arange(0.0, slow[-1] + 0.6, 0.3)
        contour = np.interp(slow, knots, rng.uniform(-sway_semitones, sway_semitones, knots.size))
        cycles = np.cumsum(drawn(rng, (lowest, highest)) * 2.0 ** (contour / 12.0)) / _CROWD_CONTROL
        when = np.interp(np.arange(np.floor(cycles[-1])), cycles, slow)  # each glottal pulse, s
        pulses = np.minimum(np.round(when * sample_rate).astype(np.int64), size - 1)
        swell, vowel, opening = talker_syllables(slow, rng)
        at = np.minimum(np.round(when * _CROWD_CONTROL).astype(np.int64), slow.size - 1)
        np.add.at(voiced, (vowel[at], pulses), loudness * np.interp(when, slow, swell))
        hissing += loudness * opening
    out = np.zeros(size)
    for row, formants in zip(voiced, _CROWD_VOWELS, strict=True):
        out += signal.sosfilt(vowel_formants(formants, sample_rate), row)
    sos = signal.butter(1, 150.0, btype="lowpass", fs=sample_rate, output="sos")
    out = signal.sosfilt(sos, out)  # the glottis's pulse falls 6 dB an octave over the lips' lift
    hiss = band_passed(rng.standard_normal(size), sample_rate, 2500.0, 0.45 * sample_rate)
    hiss *= np.interp(times, slow, hissing)
    out = out + 0.3 * rms(out, 0.0) / rms(hiss) * hiss
    (low, high), share = _CROWD_MURMUR
    murmur = band_passed(pink_noise(rng, size), sample_rate, low, high)
    out = out + share * rms(out, 0.0) / rms(murmur) * murmur
    return np.asarray(out / (float(np.max(np.abs(out))) or 1.0))


def talker_syllables(times: Signal, rng: np.random.Generator) -> tuple[Signal, npt.NDArray[np.int64], Signal]:
    """One talker's syllables over `times`: how loud the voice is (each syllable a sine's swell, at its
    own rate drawn in _CROWD_SYLLABLES, jittered, silent between phrases, _CROWD_PHRASES), which vowel
    of _CROWD_VOWELS each sample is on, and the hiss opening half the syllables (their first quarter)."""
    rate = drawn(rng, _CROWD_SYLLABLES)
    count = int(times[-1] * rate) + 4
    starts = np.cumsum(rng.uniform(0.6, 1.4, count) / rate) - drawn(rng, (0.0, 1.0 / rate))
    which = np.clip(np.searchsorted(starts, times, side="right") - 1, 0, count - 2)
    lengths = starts[which + 1] - starts[which]
    along = np.clip((times - starts[which]) / lengths, 0.0, 1.0)
    (talk, breath), pieces = _CROWD_PHRASES, int(times[-1]) + 4
    edges = np.cumsum(np.column_stack([rng.uniform(*talk, pieces), rng.uniform(*breath, pieces)]).ravel())
    edges -= drawn(rng, (0.0, float(edges[1])))
    speaking = (np.searchsorted(edges, times, side="right") % 2 == 1).astype(np.float64)
    speaking = np.convolve(speaking, np.hanning(round(0.04 / (times[1] - times[0]))), mode="same")
    speaking /= float(np.max(speaking)) or 1.0
    swell = np.sin(np.pi * along) ** 2 * speaking
    vowel = rng.integers(0, len(_CROWD_VOWELS), count)[which]
    opens = rng.random(count)[which] < 0.5
    opening = np.where(opens & (along < 0.25), np.sin(4.0 * np.pi * along), 0.0) * speaking
    return swell, vowel, opening


def vowel_formants(formants: tuple[float, float, float], sample_rate: int) -> Signal:
    """A vowel's formants as a cascade of resonators (second-order, all poles, 1 at 0 Hz), each
    `formants` Hz, its bandwidth a tenth of it and 50 Hz (second-order sections)."""
    sections = []
    for hz in formants:
        radius = np.exp(-np.pi * (0.1 * hz + 50.0) / sample_rate)
        turn = -2.0 * radius * np.cos(2.0 * np.pi * usable(hz, sample_rate) / sample_rate)
        sections.append([1.0 + turn + radius**2, 0.0, 0.0, 1.0, turn, radius**2])
    return np.asarray(sections)


def generator_governor(rng: np.random.Generator) -> tuple[float, float, float, float]:
    """The generator's mains (50 or 60 Hz, drawn) and its governor's hunting (_GENERATOR_HUNTING: the
    share the speed swings by, the rate it swings at, Hz, and its phase, drawn)."""
    mains = float(rng.choice([50.0, 60.0]))
    (shallow, deep), rates = _GENERATOR_HUNTING
    return mains, drawn(rng, (shallow, deep)), drawn(rng, rates), drawn(rng, (0.0, 2.0 * np.pi))


def generator_speed(times: Signal, governor: tuple[float, float, float, float]) -> Signal:
    """The generator's mains at `times` s, Hz: its own, swinging as its governor hunts."""
    mains, depth, rate, phase = governor
    return np.asarray(mains * (1.0 + depth * np.sin(2.0 * np.pi * rate * times + phase)))


def generator_mains(size: int, sample_rate: int, governor: tuple[float, float, float, float]) -> Signal:
    """`size` samples of the hum the generator's mains leave in the stall's amplifier: its frequency
    swinging with the governor (generator_speed) and its harmonics (_HUM_PARTIALS, each sin(k theta)
    from the two before it: 2 cos(theta) sin((k - 1) theta) - sin((k - 2) theta)), RMS 1."""
    turned = 2.0 * np.pi * np.cumsum(generator_speed(np.arange(size) / sample_rate, governor)) / sample_rate
    twice_cos, before, now = 2.0 * np.cos(turned), np.zeros(size), np.sin(turned)
    buzz = _HUM_PARTIALS[0] * now
    for level in _HUM_PARTIALS[1:]:
        before, now = now, twice_cos * now - before
        buzz += level * now
    return np.asarray(buzz / np.sqrt(np.sum(np.square(_HUM_PARTIALS)) / 2.0))


def generator_exhaust(size: int, sample_rate: int, governor: tuple[float, float, float, float],
                      rng: np.random.Generator) -> Signal:  # fmt: skip
    """`size` samples of the generator's engine, peak 1: a firing every other turn (half its mains,
    swinging with the governor), each one's strength and moment varying (_GENERATOR_FIRING), each a
    bark of noise through the muffler's octave (_GENERATOR_EXHAUST: its middle drawn) dying as it goes."""
    firing = 0.5 * generator_speed(np.arange(size) / sample_rate, governor)
    fires = np.flatnonzero(np.diff(np.floor(np.cumsum(firing) / sample_rate), prepend=0.0) > 0.0)
    strength, lateness = _GENERATOR_FIRING
    late = rng.normal(0.0, lateness, fires.size) * sample_rate / firing[fires]
    at = np.clip(fires + np.round(late).astype(np.int64), 0, size - 1)
    pulses = np.zeros(size)
    np.add.at(pulses, at, 1.0 + strength * rng.uniform(-1.0, 1.0, fires.size))
    middles, dies = _GENERATOR_EXHAUST
    middle = drawn(rng, middles)
    noise = rng.standard_normal(round(8.0 * dies * sample_rate))
    bark = band_passed(noise, sample_rate, middle / np.sqrt(2.0), middle * np.sqrt(2.0))
    bark *= np.exp(-np.arange(bark.size) / (dies * sample_rate))
    out = signal.fftconvolve(pulses, bark)[:size]
    return np.asarray(out / (float(np.max(np.abs(out))) or 1.0))


def automatic_gain(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A phone's automatic gain control: the level of each block of _MEMO_AGC_BLOCK s (dB), followed
    fast as it rises and slowly as it falls (_MEMO_AGC_TIMES, drawn), the gain closing _MEMO_AGC_SLOPE
    of its gap to the clip's own level, within _MEMO_AGC_RANGE dB (the most it cuts, the most it
    lifts), read between the blocks' middles: a drum hit pulls the whole down at once, a quiet bar
    comes up over a second. A gain moves no note and no beat."""
    block = round(_MEMO_AGC_BLOCK * sample_rate)
    count = max(1, samples.size // block)
    level = 10.0 * np.log10(np.mean(samples[: count * block].reshape(count, block) ** 2, axis=1) + 1e-12)
    target = 10.0 * np.log10(rms(samples) ** 2)
    attack, release = (np.exp(-_MEMO_AGC_BLOCK / drawn(rng, times)) for times in _MEMO_AGC_TIMES)
    followed = np.empty(count)
    now = target  # the follower starts at the clip's own level, so its first seconds are not lifted
    for k, here in enumerate(level.tolist()):
        pole = attack if here > now else release
        now = pole * now + (1.0 - pole) * here
        followed[k] = now
    cut, lift = _MEMO_AGC_RANGE
    gain = np.clip(_MEMO_AGC_SLOPE * (target - followed), -cut, lift)
    middles = (np.arange(count) + 0.5) * block
    return samples * 10.0 ** (np.interp(np.arange(samples.size), middles, gain) / 20.0)


def gsm_coded(samples: Signal) -> Signal:
    """`samples` at _MEMO_RATE (full scale 1) coded by GSM 06.10's full-rate codec, as a phone's voice
    recorder stores a memo -- 20 ms frames, each an 8th-order predictor's reflection coefficients, a
    long-term predictor's lag and gain for each 5 ms (the one pitch it follows) and the rest as a third
    of its pulses, 13 kbit/s (ffmpeg's libgsm) -- and decoded, the decoder reading what the encoder
    writes as it writes it; as long as they were."""
    rate = ["-ar", str(_MEMO_RATE), "-ac", "1"]
    with tempfile.TemporaryDirectory() as tmp:
        pcm = Path(tmp) / "memo.s16"
        np.round(np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tofile(pcm)
        encode = ["ffmpeg", "-v", "error", "-f", "s16le", *rate, "-i", str(pcm), "-c:a", "libgsm"]
        decode = ["ffmpeg", "-v", "error", "-f", "gsm", "-i", "pipe:0", "-f", "f32le", *rate, "pipe:1"]
        with subprocess.Popen([*encode, "-f", "gsm", "pipe:1"], stdout=subprocess.PIPE) as encoder:
            decoded = subprocess.run(decode, stdin=encoder.stdout, check=True, capture_output=True).stdout
        if encoder.returncode:
            raise subprocess.CalledProcessError(encoder.returncode, encode)
    out = np.frombuffer(decoded, dtype=np.float32).astype(np.float64)
    return np.asarray(np.pad(out, (0, max(0, samples.size - out.size)))[: samples.size])


def soundbar(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a television's soundbar in a living room, its wireless subwoofer in a corner, heard
    from the sofa: the bar's bass management splitting it at a crossover drawn (_SOUNDBAR_CROSSOVER);
    the subwoofer's lows lifted, limited and through its ported box (_SOUNDBAR_SUB: sub_limited,
    ported_box), arriving a few ms after the bar's sound; the bar's small drivers (_SOUNDBAR_DRIVERS:
    radio_speaker), its dialogue enhancement's bell (_SOUNDBAR_DIALOGUE: peaking) and the screen's and
    the bench's reflection (_SOUNDBAR_SCREEN); its night mode's compressor on the whole
    (_SOUNDBAR_NIGHT: night_mode); the room's axial modes (_LIVING_ROOM, _ROOM_MODES: room_modes),
    one filter in the clip's spectrum (gridded), its furnished reverb (_LIVING_REVERB: decaying_noise,
    reverberate) and its hush (_LIVING_HUSH: hushed). The filters take and lift levels, the
    compressor and the limiter turn gains, and the subwoofer's lateness is far under a beat's onset:
    no note and no beat moves."""
    crossover = drawn(rng, _SOUNDBAR_CROSSOVER)
    lows = signal.sosfiltfilt(signal.butter(2, crossover, fs=sample_rate, output="sos"), samples)
    sos = signal.butter(2, crossover, btype="highpass", fs=sample_rate, output="sos")
    highs = signal.sosfiltfilt(sos, samples)
    lifts, ceilings, release, tunings, lates = _SOUNDBAR_SUB
    lows = sub_limited(lows * 10.0 ** (drawn(rng, lifts) / 20.0), sample_rate, drawn(rng, ceilings), release)
    tuning = drawn(rng, tunings)
    lows = gridded(lows, sample_rate, lambda f: ported_box(f, tuning))
    late = max(1, round(drawn(rng, lates) * sample_rate))
    lows = np.pad(lows, (late, 0))[: samples.size]
    resonances, qs, tops = _SOUNDBAR_DRIVERS
    resonance, q, top = drawn(rng, resonances), drawn(rng, qs), drawn(rng, tops)
    highs = gridded(highs, sample_rate, lambda f: radio_speaker(f, resonance, q, top))
    centres, widths, lifted = _SOUNDBAR_DIALOGUE
    centre = min(drawn(rng, centres), 0.4 * sample_rate)
    highs = peaking(highs, sample_rate, centre, drawn(rng, widths), drawn(rng, lifted))
    delays, shares = _SOUNDBAR_SCREEN
    delay = max(1, round(drawn(rng, delays) * sample_rate))
    highs = highs + drawn(rng, shares) * np.pad(highs, (delay, 0))[: samples.size]
    out = night_mode(lows + highs, sample_rate, rng)
    room = tuple(drawn(rng, side) for side in _LIVING_ROOM)
    top_mode, decibels, q_range = _ROOM_MODES
    modes = [(hz, drawn(rng, decibels), drawn(rng, q_range)) for hz in axial_modes(room, top_mode)]
    out = gridded(out, sample_rate, lambda f: room_modes(f, modes))
    rt60s, wets = _LIVING_REVERB
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _LIVING_HUSH)


def sub_limited(lows: Signal, sample_rate: int, ceiling: float, release: float) -> Signal:
    """A subwoofer amplifier's limiter: wherever the lows' peak (peak_hold, its look-ahead) passes
    `ceiling` of their loudest, the gain drops at once to hold it there, and recovers over `release` s;
    a gain moves no note."""
    level = peak_hold(np.abs(lows), sample_rate) / ((ceiling * float(np.max(np.abs(lows)))) or 1.0)
    wanted = np.minimum(1.0, 1.0 / np.maximum(level, 1e-9))
    gain = np.minimum(envelope(wanted - 1.0, sample_rate, release) + 1.0, wanted)
    return np.asarray(lows * gain)


def ported_box(f: Signal, tuning: float) -> Signal:
    """What a ported subwoofer passes at `f` Hz, its port tuned to `tuning` Hz: a 4th-order Butterworth
    high-pass's magnitude there, x^4 / sqrt(1 + x^8), x = f / tuning -- flat above, 24 dB an octave less
    under it (the port's air and the cone out of step)."""
    x = np.asarray(f) / tuning
    return np.asarray(x**4 / np.sqrt(1.0 + x**8))


def night_mode(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A soundbar's night mode, a compressor on the whole (_SOUNDBAR_NIGHT): its RMS detector over a
    window, above a threshold drawn against the mix's RMS, pulls the gain down at a ratio drawn, at its
    attack's pace, and lets it back at its release's; a gain moves no note, and an attack passes
    before the gain falls."""
    seconds, thresholds, ratios, (attack, release) = _SOUNDBAR_NIGHT
    window = max(1, int(seconds * sample_rate))
    power = np.maximum(ndimage.uniform_filter1d(samples**2, size=window), 0.0)  # no rounding below 0
    level = np.sqrt(power) / (drawn(rng, thresholds) * rms(samples))
    wanted = np.minimum(1.0, np.maximum(level, 1e-9) ** (1.0 / drawn(rng, ratios) - 1.0))
    gain = np.maximum(envelope(wanted - 1.0, sample_rate, attack) + 1.0, wanted)
    gain = envelope(gain - 1.0, sample_rate, release) + 1.0
    return np.asarray(samples * np.minimum(gain, 1.0))


def axial_modes(room: tuple[float, ...], top: float) -> list[float]:
    """A box room's axial modes under `top` Hz (`room`: its length, width and height, m): c n / 2 L
    along each, n = 1, 2, ..."""
    return [
        n * _SOUND_SPEED / (2.0 * side)
        for side in room
        for n in range(1, int(top * 2.0 * side / _SOUND_SPEED) + 1)
    ]


def room_modes(f: Signal, modes: list[tuple[float, float, float]]) -> Signal:
    """The room's lows at the sofa at `f` Hz against the open air's: |1 + the sum of (g - 1) / (1 + j Q
    (f / f0 - f0 / f))| over its `modes` ((Hz, dB, Q) each, g = 10^(dB / 20)), never under a tenth --
    a mode lifting what falls near it, or sinking it where the sofa sits near its node."""
    lifted = np.zeros(np.shape(f), dtype=np.complex128)
    for hz, decibels, q in modes:
        lifted += (10.0 ** (decibels / 20.0) - 1.0) / (1.0 + 1j * q * (f / hz - hz / f))
    return np.asarray(np.maximum(np.abs(1.0 + lifted), 0.1))


def high_rise(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on an FM station, heard on a portable radio on a table in a flat high in a tower block,
    the signal reaching its aerial twice, straight from the mast and off the tower across the road: the
    station's pre-emphasis (_HIGH_RISE_STATION: fm_emphasis) and its deviation at the peak; the radio's
    discriminator reading the frequency of the two signals summed (_HIGH_RISE_ECHO: discriminated, at
    _HIGH_RISE_OVERSAMPLE times the rate), the echo's phase turning slowly, so the highs splatter with
    the distortion an echo makes and the hiss (_HIGH_RISE_HISS_DB) rises as one over the carrier where
    the two cancel; the radio's de-emphasis, drawn apart from the station's, and its coupling
    capacitor's floor (_HIGH_RISE_RADIO); its small speaker (_HIGH_RISE_SPEAKER: radio_speaker) and the
    table's reflection (_HIGH_RISE_TABLE); the flat's bare room (_HIGH_RISE_ROOM: decaying_noise,
    reverberate) and its hush (_HIGH_RISE_HUSH: hushed). The distortion is the notes' own harmonics and
    their sums, the filters are zero-phase, the resampling is linear-phase and its delay taken back, and
    the table's reflection comes a millisecond late: no note and no beat moves."""
    emphases, deviations = _HIGH_RISE_STATION
    station = drawn(rng, emphases)
    deviation = 1e3 * drawn(rng, deviations)
    emphasised = gridded(samples, sample_rate, lambda f: fm_emphasis(f, station))
    emphasised /= float(np.max(np.abs(emphasised))) or 1.0  # the peak swings the carrier `deviation`
    message = signal.resample_poly(emphasised, _HIGH_RISE_OVERSAMPLE, 1)
    fast = _HIGH_RISE_OVERSAMPLE * sample_rate
    lates, strengths, turns = _HIGH_RISE_ECHO
    late, strength, turn = drawn(rng, lates), drawn(rng, strengths), drawn(rng, turns)
    phase = drawn(rng, (0.0, 2.0 * np.pi)) + turn * np.arange(message.size) / fast
    heard, carrier = discriminated(message, fast, deviation, late, strength, phase)
    rising = np.diff(rng.standard_normal(message.size + 1))  # the discriminator's hiss, rising with f
    hiss = under(message, rising, rng, _HIGH_RISE_HISS_DB)
    out = signal.resample_poly(heard + hiss / carrier, 1, _HIGH_RISE_OVERSAMPLE)[: samples.size]
    emphases, floors = _HIGH_RISE_RADIO
    radio = drawn(rng, emphases)
    sos = signal.butter(2, drawn(rng, floors), btype="highpass", fs=sample_rate, output="sos")
    resonances, qs, tops = _HIGH_RISE_SPEAKER
    resonance, q, top = drawn(rng, resonances), drawn(rng, qs), usable(drawn(rng, tops), sample_rate)
    out = gridded(out, sample_rate, lambda f: radio_speaker(f, resonance, q, top) / fm_emphasis(f, radio))
    out = signal.sosfiltfilt(sos, out)
    delays, shares = _HIGH_RISE_TABLE
    delay = max(1, round(drawn(rng, delays) * sample_rate))
    out = out + drawn(rng, shares) * np.pad(out, (delay, 0))[: out.size]
    rt60s, wets = _HIGH_RISE_ROOM
    _, tail = decaying_noise(rng, drawn(rng, rt60s), sample_rate)
    out = reverberate(out, tail, drawn(rng, wets))
    return hushed(out, sample_rate, rng, _HIGH_RISE_HUSH)


def fm_emphasis(f: Signal, seconds: float) -> Signal:
    """An FM station's pre-emphasis at `f` Hz, its time constant `seconds`: |1 + j 2 pi f tau|, flat
    under 1 / 2 pi tau, 3 dB up at it, rising 6 dB an octave above it (a radio's de-emphasis is one
    over it)."""
    return np.asarray(np.sqrt(1.0 + (2.0 * np.pi * np.asarray(f) * seconds) ** 2))


def discriminated(message: Signal, sample_rate: int, deviation: float, late: float, strength: float,
                  phase: Signal) -> tuple[Signal, Signal]:  # fmt: skip
    """What an FM radio's discriminator reads of a station sent `message` (peak 1, swinging the carrier
    `deviation` Hz at the peak) when the signal also arrives `late` s later at `strength` a of it, `phase`
    rad turned against it: the two summed, e^j phi (1 + a e^j x), x = phase - 2 pi deviation late message
    (over so few microseconds the frequency the echo left with is the one the mast sends now). The
    limiter keeps the sum's phase alone and the discriminator reads its rate, so the message comes out
    with the rate of arg(1 + a e^j x) = atan2(a sin x, 1 + a cos x), a (a + cos x) / (1 + a^2 + 2 a cos
    x) times x's, over 2 pi deviation added: distortion that grows with the message's own rate and
    leaps where the two nearly cancel. Returns that, and the carrier left, |1 + a e^j x| = sqrt(1 + a^2
    + 2 a cos x), which the hiss is read against."""
    x = phase - 2.0 * np.pi * deviation * late * message
    cos = np.cos(x)
    power = 1.0 + strength**2 + 2.0 * strength * cos
    turning = np.gradient(x) * sample_rate
    added = strength * (strength + cos) / power * turning / (2.0 * np.pi * deviation)
    return np.asarray(message + added), np.asarray(np.sqrt(power))


def upwind(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A festival's stage heard from far across a field, upwind of it: the line arrays' band
    (_UPWIND_STAGE: band_passed); the air's absorption over the way across the field (_UPWIND_PATH:
    air_absorption); the wind bending the sound up over the listener, so the sound that reaches them
    crept along the ground in the refraction shadow, its highs lost (_UPWIND_SHADOW: shadow_loss), its
    level wandering as the eddies pass (eddies); beside it, the sound the eddies scatter down into the
    shadow from the beam passing over it (_UPWIND_SCATTER), only the air's loss on it, its level
    swinging more and its path's length wandering, so it combs against the creeping wave and the comb
    drifts; the wind's roar at the ear and the grass rustling (_UPWIND_WIND, _UPWIND_GRASS: pink and
    band noise, brought under: under), gusting together (_UPWIND_GUSTS). Every filter is zero-phase,
    the levels wander over seconds and the scattered path's length by a fraction of a millisecond: no
    note and no beat moves (the scattered path's wander read by a cubic spline, not straight lines,
    whose smoothing would swing the highs each time the delay crosses a sample)."""
    (floors, tops) = _UPWIND_STAGE
    stage = band_passed(samples, sample_rate, drawn(rng, floors), usable(drawn(rng, tops), sample_rate))
    distances, temperatures, humidities = _UPWIND_PATH
    distance = drawn(rng, distances)
    celsius, humidity = drawn(rng, temperatures), drawn(rng, humidities)
    depths, corners, most = _UPWIND_SHADOW
    depth, corner = drawn(rng, depths), drawn(rng, corners)

    def air(f: Signal) -> Signal:
        return np.asarray(air_absorption(f, celsius, humidity) * distance)

    shadowed = gridded(stage, sample_rate, lambda f: 10.0 ** (-shadow_loss(f, depth, corner, most) / 20.0))
    creeping = gridded(shadowed, sample_rate, lambda f: 10.0 ** (-air(f) / 20.0))
    scattered = gridded(stage, sample_rate, lambda f: 10.0 ** (-air(f) / 20.0))
    decibels, passes, (steadier, wilder), wanders = _UPWIND_SCATTER
    scattered *= rms(creeping) / rms(scattered) * 10.0 ** (drawn(rng, decibels) / 20.0)
    passing = drawn(rng, passes)
    creeping *= 10.0 ** (drawn(rng, steadier) * eddies(rng, passing, stage.size, sample_rate) / 20.0)
    scattered *= 10.0 ** (drawn(rng, wilder) * eddies(rng, passing, stage.size, sample_rate) / 20.0)
    late = drawn(rng, wanders) * eddies(rng, passing, stage.size, sample_rate)
    times = np.arange(stage.size) / sample_rate
    out = creeping + interpolate.CubicSpline(times, scattered)(times - late)
    (roars, below), (rustles, (low, high)) = _UPWIND_WIND, _UPWIND_GRASS
    gust_passes, gust_swings = _UPWIND_GUSTS
    swing, gusting = drawn(rng, gust_swings), drawn(rng, gust_passes)
    gust = 10.0 ** (swing * eddies(rng, gusting, out.size, sample_rate) / 20.0)
    sos = signal.butter(2, below, btype="lowpass", fs=sample_rate, output="sos")
    roar = signal.sosfiltfilt(sos, pink_noise(rng, out.size)) * gust
    grass = band_passed(rng.standard_normal(out.size), sample_rate, low, usable(high, sample_rate)) * gust
    return np.asarray(out + under(out, roar, rng, roars) + under(out, grass, rng, rustles))


def shadow_loss(f: Signal, depth: float, corner: float, most: float) -> Signal:
    """What the refraction shadow takes from the sound creeping along the ground into it at `f` Hz,
    dB: none under `corner`, growing as the cube root of the frequency above it, `depth` at 1 kHz
    (taken from the corner's), `most` at most (what the ground wave keeps however high)."""
    root = np.cbrt(np.maximum(np.asarray(f, dtype=np.float64), corner)) - np.cbrt(corner)
    return np.asarray(np.minimum(depth * root / (np.cbrt(1000.0) - np.cbrt(corner)), most))


def eddies(rng: np.random.Generator, passing: float, size: int, sample_rate: int) -> Signal:
    """A slow random wander over `size` samples, zero mean and unit root mean square: white noise drawn
    _UPWIND_EDDY_RATE times a second, smoothed twice by a one-pole low-pass whose time constant is
    `passing` s (envelope: an eddy passing), read between its points, then its mean taken out."""
    count = int(size / sample_rate * _UPWIND_EDDY_RATE) + 2
    lead = int(4.0 * passing * _UPWIND_EDDY_RATE)  # drawn ahead, so the clip starts mid-wander
    raw = rng.standard_normal(count + lead)
    smooth = envelope(envelope(raw, _UPWIND_EDDY_RATE, passing), _UPWIND_EDDY_RATE, passing)[lead:]
    out = np.interp(np.arange(size) / sample_rate, np.arange(count) / _UPWIND_EDDY_RATE, smooth)
    out = out - float(np.mean(out))
    return np.asarray(out / rms(out))


def audio_guide(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song on a museum's audio guide, heard through its handset held to one ear in a gallery: the
    player's store (_GUIDE_STORE: its band, a low-pass both ways; mu_law, its track's peak under full
    scale); the handset's receiver (_GUIDE_RECEIVER: its band, band_passed, and its diaphragm's
    resonance, peaking, both ways); the seal at the ear (_GUIDE_SEAL: the leak's first-order
    high-pass, seal_leak, the handset pressed close and held loosely, the sound moving between the two
    as the visitor's hand drifts over seconds, eddies); the gallery's ventilation and its visitors'
    murmur, swelling and ebbing slowly (_GUIDE_VENTS, _GUIDE_MURMUR: pink and band noise, brought
    under: under). Every filter is zero-phase and the seal's mix moves over seconds: no note and no
    beat moves."""
    tops, mu, bits, headroom = _GUIDE_STORE
    sos = signal.butter(
        4, usable(drawn(rng, tops), sample_rate), btype="lowpass", fs=sample_rate, output="sos"
    )
    peak = float(np.max(np.abs(samples))) or 1.0
    full = 10.0 ** (-drawn(rng, headroom) / 20.0)
    stored = mu_law(signal.sosfiltfilt(sos, samples) / (peak * full), mu, bits) * peak * full
    floors, tops, (centres, q, lifts) = _GUIDE_RECEIVER
    heard = band_passed(stored, sample_rate, drawn(rng, floors), drawn(rng, tops))
    heard = peaking(heard, sample_rate, drawn(rng, centres), q, drawn(rng, lifts))
    pressed, loose, shifts = _GUIDE_SEAL
    tight, leaking = drawn(rng, pressed), drawn(rng, loose)
    close = gridded(heard, sample_rate, lambda f: seal_leak(f, tight))
    leaky = gridded(heard, sample_rate, lambda f: seal_leak(f, leaking))
    hand = 0.5 + 0.5 * np.tanh(eddies(rng, drawn(rng, shifts), heard.size, sample_rate))
    out = close * (1.0 - hand) + leaky * hand
    (hums, below), (murmurs, (low, high), drifts, swing) = _GUIDE_VENTS, _GUIDE_MURMUR
    vents = signal.sosfiltfilt(
        signal.butter(2, below, btype="lowpass", fs=sample_rate, output="sos"), pink_noise(rng, out.size)
    )
    crowd = band_passed(pink_noise(rng, out.size), sample_rate, low, high)
    crowd *= 10.0 ** (swing * eddies(rng, drawn(rng, drifts), out.size, sample_rate) / 20.0)
    return np.asarray(out + under(out, vents, rng, hums) + under(out, crowd, rng, murmurs))


def mu_law(x: Signal, mu: float, bits: int) -> Signal:
    """`x` (full scale 1) companded by mu-law with `mu`, quantised to `bits` bits and expanded again,
    what passes full scale clipped: quiet passages grainier, loud ones clean."""
    x = np.clip(x, -1.0, 1.0)
    companded = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    steps = 2 ** (bits - 1)
    coded = np.round(companded * steps) / steps
    return np.asarray(np.sign(coded) * np.expm1(np.abs(coded) * np.log1p(mu)) / mu)


def on_hold(samples: Signal, sample_rate: int, rng: np.random.Generator) -> Signal:
    """A song played to a caller on hold, heard through the telephone's handset: the hold source's
    automatic gain control (_HOLD_AGC: the level read over a zero-phase window of a second or two and
    evened by a drawn share, within its floor and ceiling: held_even); the trunk (_HOLD_LINE: its 8 kHz
    sampling's band, filtered both ways, and G.711's mu-law, mu_law, its peak under full scale); the
    VoIP leg's comfort noise at the line's floor (_HOLD_COMFORT); the handset's earpiece (_HOLD_EARPIECE:
    its diaphragm's resonance, peaking, both ways); the sidetone, the caller's own room fed back through
    the telephone's band (_HOLD_SIDETONE). Every filter is zero-phase and the gain moves over seconds:
    no note and no beat moves."""
    windows, evens, (floor, ceiling) = _HOLD_AGC
    evened = held_even(samples, sample_rate, drawn(rng, windows), drawn(rng, evens), (floor, ceiling))
    floors, tops, mu, bits, headroom = _HOLD_LINE
    line = band_passed(evened, sample_rate, drawn(rng, floors), drawn(rng, tops))
    peak = float(np.max(np.abs(line))) or 1.0
    full = 10.0 ** (-drawn(rng, headroom) / 20.0)
    coded = mu_law(line / (peak * full), mu, bits) * peak * full
    comforts, (low, high) = _HOLD_COMFORT
    comfort = band_passed(rng.standard_normal(coded.size), sample_rate, low, high)
    heard = coded + under(coded, comfort, rng, comforts)
    centres, q, lifts = _HOLD_EARPIECE
    heard = peaking(heard, sample_rate, drawn(rng, centres), q, drawn(rng, lifts))
    sidetones, (low, high) = _HOLD_SIDETONE
    room = band_passed(pink_noise(rng, heard.size), sample_rate, low, high)
    return np.asarray(heard + under(heard, room, rng, sidetones))


def held_even(samples: Signal, sample_rate: int, window: float, share: float, limits: tuple[float, float]
              ) -> Signal:  # fmt: skip
    """`samples` through a slow automatic gain control: the level (rms over a one-pole window of
    `window` s, run forward and back so it leads no attack) taken back toward the whole clip's by
    `share` of each dB it strays, the gain held within `limits` dB."""
    pole = np.exp(-1.0 / (window * sample_rate))
    power = signal.filtfilt([1.0 - pole], [1.0, -pole], samples**2)
    level = np.sqrt(np.maximum(power, 1e-12))
    decibels = np.clip(-share * 20.0 * np.log10(level / rms(samples)), *limits)
    return np.asarray(samples * 10.0 ** (decibels / 20.0))


def seal_leak(f: Signal, corner: float) -> Signal:
    """What a handset's leaky seal at the ear keeps at `f` Hz: a first-order high-pass's modulus at
    `corner` Hz, x / sqrt(1 + x^2), x = f / corner (zero-phase: only its loss)."""
    x = np.asarray(f, dtype=np.float64) / corner
    return np.asarray(x / np.sqrt(1.0 + x**2))


def adpcm(samples: Signal) -> Signal:
    """`samples` (on a 16-bit scale) coded 4 bits a sample by IMA's adaptive differential PCM and
    decoded: each sample's difference from the last one decoded, quantised in the step the codes so
    far have moved to (_ADPCM_STEPS, up for a large code and down for a small one, _ADPCM_MOVES),
    the decoder's sum clipped to 16 bits."""
    decoded = np.empty(samples.size)
    predicted, index = 0, 0
    for k, sample in enumerate(np.clip(np.rint(samples), -32768, 32767).astype(np.int64).tolist()):
        step = _ADPCM_STEPS[index]
        difference = sample - predicted
        code = 8 if difference < 0 else 0
        difference = abs(difference)
        change = step >> 3
        if difference >= step:
            code |= 4
            difference -= step
            change += step
        if difference >= step >> 1:
            code |= 2
            difference -= step >> 1
            change += step >> 1
        if difference >= step >> 2:
            code |= 1
            change += step >> 2
        predicted = max(-32768, min(32767, predicted - change if code & 8 else predicted + change))
        index = max(0, min(88, index + _ADPCM_MOVES[code & 7]))
        decoded[k] = predicted
    return decoded


def sway(rng: np.random.Generator, rates: tuple[float, float], size: int, sample_rate: int) -> Signal:
    """A slow sine over `size` samples, its rate drawn in `rates` (Hz) and its phase drawn: how wind
    gusts, a sky wave fades, a wire twists under a head, a microphone's granules pack, a radio's
    carrier fades, an off-centre record turns, a film's claw pulls it down a frame, a worn wax
    cylinder turns, a concourse's crowd swells, an airliner's cabin roars or a dictaphone's capstan
    turns."""
    times = np.arange(size) / sample_rate
    return np.asarray(np.sin(2.0 * np.pi * drawn(rng, rates) * times + drawn(rng, (0.0, 2.0 * np.pi))))


def under(music: Signal, noise: Signal, rng: np.random.Generator, decibels: tuple[float, float]) -> Signal:
    """`noise` brought to a level drawn in `decibels` against `music`'s RMS (a field recording's wind, a
    mistracking noise reduction's grain, a wire's hiss, a carbon button's frying, a radio channel's
    noise and its squelch's tail, a pool's pumps, a film stripe's hiss, a wax cylinder's swish, a
    concourse's crowd, an airliner cabin's roar, a dictaphone's room noise and its tape's hiss)."""
    return np.asarray(noise * (rms(music) * 10.0 ** (drawn(rng, decibels) / 20.0) / rms(noise)))


def hushed(
    music: Signal,
    sample_rate: int,
    rng: np.random.Generator,
    hush: tuple[tuple[float, float], tuple[float, float]],
) -> Signal:
    """`music` with a steady hush beside it (a car park's fans, a duct's rush, a street's traffic, a
    parlour's, a theatre's evening, a park's): pink noise (pink_noise) over its band (`hush`'s second,
    Hz; band_passed), brought under the music to a level drawn in its first, dB (under). The noise is
    drawn before its level, as every production that adds one always drew them."""
    decibels, (low, high) = hush
    noise = band_passed(pink_noise(rng, music.size), sample_rate, low, high)
    return np.asarray(music + under(music, noise, rng, decibels))


def pink_noise(rng: np.random.Generator, size: int) -> Signal:
    """`size` samples of pink noise (white noise's spectrum falling 3 dB an octave), drawn by `rng`: a
    listener's room through a wall, a crowd's murmur, a pool's pumps, a wax cylinder's swish, a
    concourse's travellers, an airliner's cabin, the room a dictaphone listens across."""
    white = np.fft.rfft(rng.standard_normal(size))
    return np.asarray(np.fft.irfft(white / np.sqrt(np.maximum(np.arange(white.size), 1.0)), size))


def peaking(samples: Signal, sample_rate: int, centre: float, q: float, db: float) -> Signal:
    """A peaking bell (the Audio EQ Cookbook's) at `centre` Hz, `q` its width, turning `samples` up
    (or down) by `db`, run forward and back (half its amount a pass) so no partial moves in time."""
    amplitude = 10.0 ** (db / 80.0)  # the cookbook's A for half the amount in dB
    width = np.sin(2.0 * np.pi * centre / sample_rate) / (2.0 * q)
    turn = -2.0 * np.cos(2.0 * np.pi * centre / sample_rate)
    b = [1.0 + width * amplitude, turn, 1.0 - width * amplitude]
    a = [1.0 + width / amplitude, turn, 1.0 - width / amplitude]
    return np.asarray(signal.filtfilt(b, a, samples))
