"""The base of every JSON API input schema: text that cannot be stored is refused with its field.

PostgreSQL cannot store a NUL character in text; without this check such input reached the
database and failed there. ninja answers 422 with the field's location, like any other
validation error.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import field_validator

from luoshi.lib.params import BIGINT_MAX

# Numbers a request may carry: beyond a 64-bit column SQLite cannot even compare them, and a page
# number times the page size must stay a valid SQL OFFSET. Out of range is a 422 naming the field.
Id = Annotated[int, Field(ge=1, le=BIGINT_MAX)]
Count = Annotated[int, Field(ge=1, le=1000)]
Page = Annotated[int, Field(ge=1, le=1_000_000)]
Year = Annotated[int, Field(ge=1900, le=2199)]


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


class Pagination(PageNumberPagination):
    """ninja's page-number pagination with a bounded page number."""

    class Input(Schema):
        page: Page = 1
        page_size: Count | None = None
