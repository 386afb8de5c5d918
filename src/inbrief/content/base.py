"""The strict base every content and configuration model derives from."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

MAX_TEXT = 5000


class Strict(BaseModel):
    """Unknown keys are errors: a typo must never silently drop content."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              use_attribute_docstrings=True)


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
"""Non-empty plain text; rendered escaped, never as HTML or template code."""

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
Year = Annotated[int, Field(ge=1800, le=2200)]

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _check_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


PartialDate = Annotated[str, AfterValidator(_check_date),
                        Field(json_schema_extra={"pattern": _PARTIAL_DATE.pattern})]
"""A date known to the year, month or day; quoted in YAML so it stays text."""
