"""The DAW edit manifest: its schema, validation, and resolution to one plan per input stem.

Shape (JSON object; every field optional):

    {"sample_rate": 48000,
     "master": {"gain_db": -1.0},
     "stems": [{"stem": "vocals.wav", "gain_db": -3, "pan": -0.5, "mute": false, "solo": false,
                "edits": [{"type": "trim", "start": 1.0, "end": 30.0},
                          {"type": "fade_in", "duration": 0.5},
                          {"type": "fade_out", "duration": 2.0},
                          {"type": "gain", "at": 12.0, "gain_db": -6, "ramp": 0.05}]}],
     "volumes": {"drums": -2.0}, "pans": {"drums": 0.3}, "mutes": ["bass"], "solos": [],
     "edits": {"drums": [...]}}

The maps (`volumes` in dB, `pans`, `mutes`, `solos`, `edits`, keyed by stem) are the DAW's own
"volumes, pans, edits" and merge into `stems`; saying one thing twice is a 422. A stem is named by
its position (0, "0"), its uploaded file name (with or without extension), its library stem id or
stem name (the names the gateway lists in `stem_names`); an entry without a name applies to the
input at its own position. Times are seconds of the stem's own timeline: a trimmed stem keeps its
place (silence where it was trimmed), so stems of one track stay aligned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from soundforge.runtime.errors import ValidationFailed

FIELD = "manifest"
MAX_EDITS = 256
MAX_GAIN_DB = 24.0
MIN_GAIN_DB = -120.0
MIN_SAMPLE_RATE = 8000
MAX_SAMPLE_RATE = 192000

GainDb = Annotated[float, Field(ge=MIN_GAIN_DB, le=MAX_GAIN_DB, allow_inf_nan=False)]
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Duration = Annotated[float, Field(gt=0, allow_inf_nan=False)]
StemRef = int | str


class _Strict(BaseModel):
    # Unknown fields are refused: a misspelt "fade_ni" silently ignored is a wrong export.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Trim(_Strict):
    type: Literal["trim"]
    start: Seconds = Field(default=0.0, validation_alias=AliasChoices("start", "from", "in"))
    end: Seconds | None = Field(default=None, validation_alias=AliasChoices("end", "to", "out"))

    @model_validator(mode="after")
    def _ordered(self) -> Trim:
        if self.end is not None and self.end <= self.start:
            raise ValueError("trim end must be after its start")
        return self


class FadeIn(_Strict):
    type: Literal["fade_in"]
    duration: Duration = Field(validation_alias=AliasChoices("duration", "seconds", "length"))


class FadeOut(_Strict):
    type: Literal["fade_out"]
    duration: Duration = Field(validation_alias=AliasChoices("duration", "seconds", "length"))


class GainChange(_Strict):
    """From `at` on, the stem plays `gain_db` louder (replacing the previous change, not adding)."""

    type: Literal["gain"]
    at: Seconds = Field(validation_alias=AliasChoices("at", "time", "position"))
    gain_db: GainDb = Field(validation_alias=AliasChoices("gain_db", "gain", "db", "volume_db"))
    # Seconds over which the level moves (linearly in amplitude) from the previous value; 0 is a step.
    ramp: Seconds = 0.0


_EDIT_TYPES = {
    "trim": "trim",
    "fade_in": "fade_in",
    "fadein": "fade_in",
    "fade_out": "fade_out",
    "fadeout": "fade_out",
    "gain": "gain",
    "gain_change": "gain",
    "volume": "gain",
}

Edit = Annotated[Trim | FadeIn | FadeOut | GainChange, Field(discriminator="type")]


class StemEntry(_Strict):
    stem: StemRef | None = Field(
        default=None, validation_alias=AliasChoices("stem", "id", "stem_id", "name", "ref")
    )
    gain_db: GainDb = Field(
        default=0.0, validation_alias=AliasChoices("gain_db", "gain", "volume_db", "volume")
    )
    pan: float = Field(default=0.0, ge=-1.0, le=1.0, allow_inf_nan=False)
    mute: bool = Field(default=False, validation_alias=AliasChoices("mute", "muted"))
    solo: bool = Field(default=False, validation_alias=AliasChoices("solo", "soloed"))
    edits: list[Edit] = Field(default_factory=list, max_length=MAX_EDITS)

    @field_validator("edits", mode="before")
    @classmethod
    def _edit_types(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [_normalise_edit(edit) for edit in value]

    @model_validator(mode="after")
    def _one_of_each(self) -> StemEntry:
        for kind in ("trim", "fade_in", "fade_out"):
            if sum(edit.type == kind for edit in self.edits) > 1:
                raise ValueError(f"at most one {kind} edit per stem")
        return self


class Master(_Strict):
    gain_db: GainDb = Field(
        default=0.0, validation_alias=AliasChoices("gain_db", "gain", "volume_db", "volume")
    )


class Manifest(_Strict):
    sample_rate: int | None = Field(
        default=None,
        ge=MIN_SAMPLE_RATE,
        le=MAX_SAMPLE_RATE,
        validation_alias=AliasChoices("sample_rate", "rate"),
    )
    master: Master = Field(default_factory=Master)
    stems: list[StemEntry] = Field(default_factory=list, validation_alias=AliasChoices("stems", "tracks"))
    # Set by the gateway, one list per input: the names that input answers to.
    stem_names: list[list[str]] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _merge_maps(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return _merged(dict(data))


# The DAW's per-stem maps and the entry field each sets.
_MAPS = {
    "volumes": "gain_db",
    "gains": "gain_db",
    "pans": "pan",
    "mutes": "mute",
    "solos": "solo",
    "edits": "edits",
}


def _normalise_edit(edit: Any) -> Any:
    if isinstance(edit, dict) and isinstance(edit.get("type"), str):
        kind = edit["type"].strip().lower().replace("-", "_").replace(" ", "_")
        return {**edit, "type": _EDIT_TYPES.get(kind, kind)}
    return edit


def _merged(data: dict[str, Any]) -> dict[str, Any]:
    """Folds `volumes`/`pans`/`mutes`/`solos`/`edits` into `stems` entries, by stem name."""
    maps = {name: data.pop(name) for name in list(data) if name in _MAPS}
    if not maps:
        return data
    stems = data.get("stems", data.pop("tracks", []))
    if not isinstance(stems, list):
        return data
    entries = [dict(entry) if isinstance(entry, dict) else entry for entry in stems]

    def entry_for(ref: str) -> dict[str, Any]:
        for entry in entries:
            if isinstance(entry, dict) and str(_ref_of(entry)) == ref:
                return entry
        created: dict[str, Any] = {"stem": ref}
        entries.append(created)
        return created

    for name, given in maps.items():
        target = _MAPS[name]
        listed = isinstance(given, list) and target in ("mute", "solo")
        values = {str(ref): True for ref in given} if listed else given
        if not isinstance(values, dict):
            raise ValueError(f"{name} must map stem names to values")
        for ref, value in values.items():
            entry = entry_for(str(ref))
            if target in entry:
                raise ValueError(f"{name} sets {target} of stem {ref!r} a second time")
            entry[target] = value
    data["stems"] = entries
    return data


def _ref_of(entry: dict[str, Any]) -> Any:
    for alias in ("stem", "id", "stem_id", "name", "ref"):
        if alias in entry:
            return entry[alias]
    return None


@dataclass(frozen=True)
class GainPoint:
    at: float
    gain: float  # amplitude
    ramp: float


@dataclass(frozen=True)
class StemPlan:
    """What the mixer does with one input: all levels as amplitudes, all times in seconds."""

    gain: float = 1.0
    pan: float = 0.0
    audible: bool = True
    trim_start: float = 0.0
    trim_end: float | None = None
    fade_in: float = 0.0
    fade_out: float = 0.0
    gain_points: tuple[GainPoint, ...] = ()


@dataclass(frozen=True)
class MixPlan:
    stems: tuple[StemPlan, ...]
    master_gain: float = 1.0
    sample_rate: int | None = None  # None: the highest rate among the stems


def db_to_amplitude(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def parse(manifest_json: str, default_names: list[list[str]]) -> MixPlan:
    """Validates the manifest against `len(default_names)` inputs; ValidationFailed names the fields.

    `default_names` are the names each input answers to when the manifest lists none (e.g. the
    stem's file name from its key); its position always names it too.
    """
    try:
        raw = json.loads(manifest_json) if manifest_json.strip() else {}
    except (ValueError, RecursionError):
        raise ValidationFailed({FIELD: ["is not valid JSON"]}) from None
    if not isinstance(raw, dict):
        raise ValidationFailed({FIELD: ["must be a JSON object"]})
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as err:
        raise ValidationFailed(_details(err)) from None
    count = len(default_names)
    names = manifest.stem_names or default_names
    if len(names) != count:
        raise ValidationFailed({f"{FIELD}.stem_names": [f"must list {count} inputs"]})
    entries = _assign(manifest.stems, [[str(i), *n] for i, n in enumerate(names)])
    soloing = any(entry.solo for entry in entries.values())
    plans = tuple(_plan(entries.get(i), soloing) for i in range(count))
    return MixPlan(plans, db_to_amplitude(manifest.master.gain_db), manifest.sample_rate)


def _assign(stems: list[StemEntry], names: list[list[str]]) -> dict[int, StemEntry]:
    assigned: dict[int, StemEntry] = {}
    errors: dict[str, list[str]] = {}
    for position, entry in enumerate(stems):
        field = f"{FIELD}.stems[{position}]"
        ref = position if entry.stem is None else entry.stem
        matches = [i for i, known in enumerate(names) if str(ref) in known]
        if isinstance(ref, int) and not isinstance(ref, bool):
            matches = [ref] if 0 <= ref < len(names) else []
        if not matches:
            errors.setdefault(field, []).append(f"names no stem of this export: {ref!r}")
        elif len(set(matches)) > 1:
            errors.setdefault(field, []).append(f"{ref!r} names more than one stem; use its position")
        elif matches[0] in assigned:
            errors.setdefault(field, []).append(f"stem {ref!r} is given twice")
        else:
            assigned[matches[0]] = entry
    if errors:
        raise ValidationFailed(errors)
    return assigned


def _plan(entry: StemEntry | None, soloing: bool) -> StemPlan:
    if entry is None:
        return StemPlan(audible=not soloing)
    trim = next((e for e in entry.edits if isinstance(e, Trim)), None)
    fade_in = next((e.duration for e in entry.edits if isinstance(e, FadeIn)), 0.0)
    fade_out = next((e.duration for e in entry.edits if isinstance(e, FadeOut)), 0.0)
    points = sorted((e for e in entry.edits if isinstance(e, GainChange)), key=lambda e: e.at)
    return StemPlan(
        gain=db_to_amplitude(entry.gain_db),
        pan=entry.pan,
        # Mute wins over solo, as on a mixing desk.
        audible=not entry.mute and (entry.solo or not soloing),
        trim_start=trim.start if trim else 0.0,
        trim_end=trim.end if trim else None,
        fade_in=fade_in,
        fade_out=fade_out,
        gain_points=tuple(GainPoint(p.at, db_to_amplitude(p.gain_db), p.ramp) for p in points),
    )


def _details(err: ValidationError) -> dict[str, list[str]]:
    details: dict[str, list[str]] = {}
    for error in err.errors():
        path = FIELD
        for part in error["loc"]:
            if isinstance(part, int):
                path += f"[{part}]"
            elif part in ("trim", "fade_in", "fade_out", "gain") and path.endswith("]"):
                continue  # the union's branch name: the edit's own `type` already says it
            else:
                path += f".{part}"
        message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
        details.setdefault(path, []).append(message)
    return details
