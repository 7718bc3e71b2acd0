"""The settings a user may set for themselves (`/users/settings`): one table, each key with its value rule.

The library stores `User.settings` as a free-form dict that services read (the separation service
reads `lalalai_license_key` and `lalalai_quota_minutes`); this table is the gate in front of it, so
only known keys with valid values get there. Adding a setting is one `Setting(...)` in `SETTINGS`:
validation, masking, the response model, the documented request body and the form page follow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, Field, PlainSerializer, create_model

from soundforge.gateway.errors import BLANK

MASK = "****"
# A secret shows its last characters only when it is long enough that they give little away.
SHOWN_TAIL = 4
MIN_LENGTH_TO_SHOW_TAIL = 12


class SecretText:
    """A credential: printable ASCII without spaces (it goes into HTTP headers), never shown in full."""

    secret = True
    shown_type: Any = str
    html_input = "password"

    def __init__(self, max_length: int = 256) -> None:
        self.max_length = max_length

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": "^[!-~]+$"}

    def parse(self, value: object) -> object:
        if not isinstance(value, str):
            raise ValueError("must be a string")
        if not value:
            raise ValueError(BLANK)
        if len(value) > self.max_length:
            raise ValueError(f"must be at most {self.max_length} characters")
        if any(not "!" <= char <= "~" for char in value):
            raise ValueError("must be printable ASCII without spaces")
        return value

    def from_form(self, text: str) -> object:
        return text

    def show(self, stored: object) -> object:
        if not isinstance(stored, str) or not stored:
            return None
        return MASK + stored[-SHOWN_TAIL:] if len(stored) >= MIN_LENGTH_TO_SHOW_TAIL else MASK


def _whole_as_int(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


# Shown as sent: 14 reads 14, not 14.0 (a form's text is parsed to a float, and so is a stored value).
ShownNumber = Annotated[float, PlainSerializer(_whole_as_int, return_type=int | float)]


class PositiveNumber:
    """A number greater than 0 and at most `maximum` (JSON numbers; a form's text is parsed)."""

    secret = False
    shown_type: Any = ShownNumber
    html_input = "number"

    def __init__(self, maximum: float) -> None:
        self.maximum = maximum

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "exclusiveMinimum": 0, "maximum": self.maximum}

    def parse(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError("must be a number")
        if not 0 < value <= self.maximum:
            raise ValueError(f"must be greater than 0 and at most {self.maximum:g}")
        return value

    def from_form(self, text: str) -> object:
        try:
            return float(text)
        except ValueError:
            return text  # parse() then names it as not a number

    def show(self, stored: object) -> object:
        try:
            return float(self.parse(stored))  # type: ignore[arg-type]
        except ValueError:
            return None


class ValueRule(Protocol):
    """What a setting's value rule does; `SecretText` and `PositiveNumber` are two, a new kind is a third."""

    secret: bool
    shown_type: Any  # the type GET shows (the response model's field, with None)
    html_input: str  # the form page's <input type>

    def schema(self) -> dict[str, Any]: ...  # the JSON Schema of an accepted value
    def parse(self, value: object) -> object: ...  # the value to store, or ValueError saying why not
    def from_form(self, text: str) -> object: ...  # a form field's text as the JSON value it stands for
    def show(self, stored: object) -> object: ...  # what GET shows of a stored value (None if unusable)


@dataclass(frozen=True)
class Setting:
    name: str
    label: str
    description: str
    rule: ValueRule


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "lalalai_license_key",
        "lalal.ai license key",
        "your lalal.ai license key: lalal.ai separations and /api/lalalai/quota use it instead of the "
        "server's. Shown masked: `****` and its last 4 characters",
        SecretText(),
    ),
    Setting(
        "lalalai_quota_minutes",
        "lalal.ai plan minutes",
        "the size of your lalal.ai plan in minutes (lalal.ai reports only the minutes left), so "
        "/api/lalalai/quota can tell used from quota",
        PositiveNumber(maximum=1_000_000),
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def unknown_key_problem() -> str:
    return f"is not a known setting (known: {', '.join(BY_NAME)})"


def shown(stored: dict[str, Any]) -> dict[str, Any]:
    """Every known setting as the caller may see it (secrets masked, unset None); unknown keys hidden."""
    return {setting.name: setting.rule.show(stored.get(setting.name)) for setting in SETTINGS}


def validate(changes: dict[str, object]) -> tuple[dict[str, object], dict[str, list[str]]]:
    """The values to merge into the stored settings (None removes a key) and the problems by key."""
    values: dict[str, object] = {}
    problems: dict[str, list[str]] = {}
    for name, value in changes.items():
        setting = BY_NAME.get(name)
        if setting is None:
            problems[name] = [unknown_key_problem()]
        elif value is None:
            values[name] = None
        else:
            try:
                values[name] = setting.rule.parse(value)
            except ValueError as err:
                problems[name] = [str(err)]
    return values, problems


_SHOWN_FIELDS: dict[str, Any] = {
    setting.name: (setting.rule.shown_type | None, Field(description=setting.description))
    for setting in SETTINGS
}
UserSettings: type[BaseModel] = create_model(
    "UserSettings", __doc__="Every known setting; null when unset. Secrets are masked.", **_SHOWN_FIELDS
)

UserSettingsData: type[BaseModel] = create_model("UserSettingsData", data=(UserSettings, ...))


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


# The body PUT accepts, documented for /docs since it is parsed by hand.
SETTINGS_BODY_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": "the keys to change; null removes a setting, absent keys stay",
                    "properties": {
                        s.name: {**_nullable(s.rule.schema()), "description": s.description} for s in SETTINGS
                    },
                    "additionalProperties": False,
                }
            },
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "description": "the settings form: an empty field is left as it is",
                    "properties": {s.name: {"type": "string"} for s in SETTINGS},
                    "additionalProperties": False,
                }
            },
        },
    }
}

# The body `POST /users/settings` accepts: the page's form as a browser without JavaScript sends it.
SETTINGS_FORM_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "description": "the settings form: an empty field is left as it is",
                    "properties": {
                        "_method": {"type": "string", "enum": ["put"], "description": "Phoenix style"},
                        "_csrf_token": {
                            "type": "string",
                            "description": "the CSRF cookie's value, required with a session cookie",
                        },
                        **{s.name: {"type": "string"} for s in SETTINGS},
                    },
                    "additionalProperties": False,
                }
            },
        },
    }
}
