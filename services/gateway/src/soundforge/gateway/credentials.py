"""Email and password from a browser form (user[email]) or a JSON body ({"user": {...}} or flat)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from soundforge.gateway.client_text import text_problem
from soundforge.gateway.errors import BLANK
from soundforge.runtime.errors import InvalidArgument, UnsupportedMediaType, ValidationFailed

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})

_EMAIL = {"type": "string", "format": "email"}
_PASSWORD = {"type": "string", "description": "the library decides how long a new one must be"}

# The request body both routes accept, documented for /docs since it is parsed by hand.
CREDENTIALS_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"user[email]": _EMAIL, "user[password]": _PASSWORD},
                    "required": ["user[email]", "user[password]"],
                }
            },
            "application/json": {
                "schema": {
                    "anyOf": [
                        {
                            "type": "object",
                            "properties": {
                                "user": {
                                    "type": "object",
                                    "properties": {"email": _EMAIL, "password": _PASSWORD},
                                    "required": ["email", "password"],
                                }
                            },
                            "required": ["user"],
                        },
                        {
                            "type": "object",
                            "properties": {"email": _EMAIL, "password": _PASSWORD},
                            "required": ["email", "password"],
                        },
                    ]
                }
            },
        },
    }
}


@dataclass(frozen=True)
class Credentials:
    email: str
    password: str


async def read_credentials(request: Request) -> Credentials:
    """Blank fields -> 422 with details; the library judges the email's form and the password's strength."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in FORM_TYPES:
        form = await request.form()
        raw: dict[str, Any] = {
            "email": form.get("user[email]", form.get("email")),
            "password": form.get("user[password]", form.get("password")),
        }
    elif media_type == "application/json" or media_type.endswith("+json"):
        raw = _from_json(await request.body())
    else:
        raise UnsupportedMediaType("expected a form or a JSON body")
    details: dict[str, list[str]] = {}
    values: dict[str, str] = {}
    for name in ("email", "password"):
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            details[name] = [BLANK]
        elif not isinstance(value, str):
            details[name] = ["must be a string"]
        elif problem := text_problem(value):
            details[name] = [problem]
        else:
            values[name] = value.strip() if name == "email" else value
    if details:
        raise ValidationFailed(details)
    return Credentials(email=values["email"], password=values["password"])


def json_object(body: bytes) -> dict[str, Any]:
    """A hand-parsed JSON body that must be an object: malformed JSON is 400, anything else 422."""
    try:
        payload = json.loads(body)
    except ValueError:
        raise InvalidArgument("malformed JSON") from None
    if not isinstance(payload, dict):
        raise ValidationFailed({"body": ["must be a JSON object"]})
    return payload


def _from_json(body: bytes) -> dict[str, Any]:
    payload = json_object(body)
    nested = payload.get("user")
    if isinstance(nested, dict):
        return nested
    return payload
