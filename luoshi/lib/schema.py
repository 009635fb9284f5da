"""The base of every JSON API input schema: text that cannot be stored is refused with its field.

PostgreSQL cannot store a NUL character in text; without this check such input reached the
database and failed there. ninja answers 422 with the field's location, like any other
validation error.
"""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import field_validator


def _check(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("must not contain a NUL character")
    if isinstance(value, list | tuple):
        for item in value:
            _check(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key)
            _check(item)
    return value


class InSchema(Schema):
    """An input (request body or query) schema."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return _check(value)
