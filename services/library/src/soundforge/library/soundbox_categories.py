"""Model families (MAGNeT models are in theirs) and the categories of each (/soundbox/api/categories)."""

from __future__ import annotations

from soundforge.runtime.errors import InvalidArgument

_MUSIC = (
    "ambient", "electronic", "piano", "cinematic", "orchestral", "rock", "jazz", "hip-hop", "lofi",
    "classical", "pop", "folk", "synthwave", "techno", "house", "drum-and-bass", "chiptune",
    "acoustic", "guitar", "drums", "bass", "strings", "choir", "epic", "peaceful", "dark",
    "upbeat", "sad", "happy", "meditation", "game", "retro", "world", "blues", "funk",
)  # fmt: skip
_AUDIO = (
    "notification", "explosion", "nature", "rain", "wind", "water", "fire", "thunder", "animal",
    "birds", "footsteps", "door", "vehicle", "machine", "weapon", "impact", "whoosh", "ui",
    "alarm", "crowd", "voice", "magic", "sci-fi", "horror", "ambience", "city", "household",
)  # fmt: skip


def _titled(names: tuple[str, ...]) -> dict[str, str]:
    return {
        name: name.replace("-", " ").title().replace("Ui", "UI").replace("Sci Fi", "Sci-Fi") for name in names
    }


CATEGORIES: dict[str, dict[str, str]] = {"music": _titled(_MUSIC), "audio": _titled(_AUDIO)}
ALL_CATEGORIES = frozenset(_MUSIC) | frozenset(_AUDIO)


def family(model: str) -> str:
    """MAGNeT models share the categories of their family: "magnet-music" -> "music"."""
    return model.removeprefix("magnet-") or "music"


def members(model: str) -> tuple[str, ...]:
    """The stored models a filter by `model` keeps: a family ("music", "audio") has its MAGNeT model
    too, as Sound Box's "music" or "audio" filter and counts mean the family; "magnet-music" is itself."""
    return (model, f"magnet-{model}") if model in CATEGORIES else (model,)


def categories_of(model: str) -> dict[str, str]:
    return CATEGORIES[family(model)]


def check_category(category: str, model: str = "") -> str:
    """`category` as stored (lower case); InvalidArgument naming it when the model (any if "") lacks it."""
    name = category.strip().lower()
    known = categories_of(model) if model else ALL_CATEGORIES
    if name not in known:
        raise InvalidArgument(f"unknown category {category!r}")
    return name
