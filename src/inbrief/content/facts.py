"""The parts facts are made of: figures and their dated observations, events, sources and
contact details (``blocks.facts`` puts them together as ``data/facts.yaml``).

Kept apart from translatable text so that a figure is corrected once and every
language, layout and audience shows the same value with the same year.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import Ident, PartialDate, Strict, Text, Year

Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{6,24}$")]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class Address(Strict):
    street: Text
    postcode: Text
    city: Text
    country: Country
    """ISO 3166 code; the country's name is written in each language from CLDR."""


class Contact(Strict):
    address: Address
    phone: Phone
    fax: Phone | None = None
    email: Email
    website: Url


class SourceDoc(Strict):
    title: Text
    year: Year
    url: Url | None = None


class Observation(Strict):
    value: Annotated[float, Field(ge=0)]
    as_of: Year
    """The year the value describes; a layout never shows a figure without it."""
    source: Ident
    """Key of an entry under ``sources``."""
    qualifier: Literal["exact", "over", "about"] = "exact"
    """"over" renders "470+" style; "about" renders "≈"."""


class Figure(Strict):
    unit: Literal["count", "usd"] = "count"
    observations: Annotated[list[Observation], Field(min_length=1)]

    @property
    def latest(self) -> Observation:
        """Most recent observation; ties go to the later entry in the file."""
        return max(enumerate(self.observations), key=lambda p: (p[1].as_of, p[0]))[1]


class Event(Strict):
    id: Ident
    date: PartialDate
