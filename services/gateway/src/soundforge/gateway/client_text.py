"""Client text must be valid Unicode without NUL: gRPC strings and PostgreSQL text hold nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from soundforge.runtime.errors import ValidationFailed

NUL_MESSAGE = "must not contain NUL characters"
UNICODE_MESSAGE = "must be valid Unicode text"


def text_problem(value: str) -> str | None:
    """Why `value` cannot be passed on, or None. JSON may carry lone surrogates ("\\ud800"), which no
    UTF-8 encoder accepts; PostgreSQL refuses NUL in text, so a NUL would fail deep in the library."""
    if "\x00" in value:
        return NUL_MESSAGE
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return UNICODE_MESSAGE
    return None


def checked_text(value: str) -> str:
    """The pydantic validator of the rule (`AfterValidator(checked_text)`)."""
    if (problem := text_problem(value)) is not None:
        raise PydanticCustomError("text", problem)
    return value


# For every string parameter and body field a route passes on: 422 with the field's name otherwise.
Text = Annotated[str, AfterValidator(checked_text)]
StrictText = Annotated[str, Field(strict=True), AfterValidator(checked_text)]


def check_text(fields: Mapping[str, str]) -> None:
    """The same rule for text parsed by hand (credentials, multipart fields): 422 naming each bad field."""
    details = {name: [problem] for name, value in fields.items() if (problem := text_problem(value))}
    if details:
        raise ValidationFailed(details)
