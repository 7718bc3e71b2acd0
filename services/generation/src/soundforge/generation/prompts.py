"""Random prompts for Sound Box's "surprise me": a mood, a style or source, and a detail."""

from __future__ import annotations

import random

_MUSIC = (
    ("upbeat", "melancholic", "dreamy", "driving", "peaceful", "epic", "playful", "dark", "warm", "hypnotic"),
    (
        "synthwave",
        "lo-fi hip hop",
        "orchestral score",
        "jazz trio",
        "ambient piano",
        "deep house",
        "acoustic folk",
        "drum and bass",
        "bossa nova",
        "post-rock",
    ),
    (
        "with retro 80s vibes and pulsing bass",
        "with soft rhodes chords and vinyl crackle",
        "with soaring strings and timpani",
        "with brushed drums and a walking bass",
        "with a slow build and shimmering pads",
        "at 124 BPM with a rolling bassline",
        "with fingerpicked guitar and light percussion",
        "with a catchy whistled melody",
        "in a minor key with a steady pulse",
        "with layered vocal chops",
    ),
)
_AUDIO = (
    ("distant", "close-up", "gentle", "heavy", "echoing", "muffled", "crisp", "rumbling", "steady", "sudden"),
    (
        "thunderstorm",
        "city traffic",
        "forest birdsong",
        "ocean waves",
        "crackling campfire",
        "footsteps on gravel",
        "train passing",
        "rain on a tin roof",
        "crowd applause",
        "wind through trees",
    ),
    (
        "at night",
        "with occasional dog barks",
        "in a large hall",
        "recorded from indoors",
        "with wind gusts",
        "fading in and out",
        "with distant sirens",
        "on a quiet morning",
        "with a creaking door",
        "under light rain",
    ),
)


def random_prompt(model: str, rng: random.Random | None = None) -> str:
    """A prompt for `model` ("music"/"magnet-music": music; "audio"/"magnet-audio": sound effects)."""
    pick = rng or random.SystemRandom()
    parts = _AUDIO if model.endswith("audio") else _MUSIC
    mood, subject, detail = (pick.choice(options) for options in parts)
    return f"{mood} {subject} {detail}"
