"""The schema of ``inbrief.yaml``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from ..content.base import Ident, Strict, Text

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")]


class PageBudget(Strict):
    min: Annotated[int, Field(ge=1, le=64)] = 1
    max: Annotated[int, Field(ge=1, le=64)] = 4
    multiple: Annotated[int, Field(ge=1, le=16)] = 1
    """Pad with designed filler pages (the template's ``filler_pages``) to a multiple of this."""

    @model_validator(mode="after")
    def _ordered(self):
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class Layout(Strict):
    template: str | None = None
    """Template under templates/layouts/; defaults to ``<name>.html.j2``."""
    stylesheet: str | None = None
    """Stylesheet under styles/layouts/; defaults to ``<name>.css``."""
    paper: Literal["a4", "a5", "a4-landscape"] = "a4"
    """Sheet for the default build; ``--paper letter`` swaps in the US equivalent."""
    pages: PageBudget = PageBudget()
    impose: Literal["saddle-stitch"] | None = None
    """Also write ``…-imposed.pdf``: pages 2-up in saddle-stitch order on sheets twice the size."""
    description: Text | None = None
    slots: dict[Ident, list[Ident]] = {}
    """Projects of sections: section ids placed in the layout's named slots (cover, figures,
    flap, back); every other section flows in ``body``, in the audience's order."""

    @model_validator(mode="after")
    def _foldable(self):
        if self.impose == "saddle-stitch" and self.pages.multiple % 4:
            raise ValueError("a saddle-stitched layout needs pages.multiple: 4 (each sheet "
                             "folds into four pages)")
        return self


class FontFamily(Strict):
    family: Text
    """Family name as its fontpkg package declares it, e.g. "Fira Sans"."""
    weights: Annotated[list[Annotated[int, Field(ge=100, le=900)]], Field(min_length=1)] = [400, 700]
    italic: list[Annotated[int, Field(ge=100, le=900)]] = []
    languages: list[LangCode] = []
    """Languages this family is used for; empty means every language."""


class Output(Strict):
    dir: str = "output"
    filename: Text = "{lang}/{layout}-{audience}.pdf"
    """Relative to the output folder; placeholders {lang} {layout} {audience} {slug}."""


class Config(Strict):
    """``inbrief.yaml``."""

    name: Text
    slug: Ident
    """Short id used in file names and metadata."""
    source_language: LangCode = "en"
    languages: Annotated[list[LangCode], Field(min_length=1)]
    layouts: Annotated[dict[Ident, Layout], Field(min_length=1)]
    audiences: Annotated[list[Ident], Field(min_length=1)] = ["general"]
    fonts: Annotated[list[FontFamily], Field(min_length=1)]
    output: Output = Output()
    content: Literal["sections"]
    """How the text files are written: sections of typed blocks (docs/content-format.md).
    The key marks the format: a project of the fixed model of earlier versions has none, and
    ``inbrief migrate`` rewrites it (docs/sections.md)."""

    @model_validator(mode="after")
    def _source_shipped(self):
        if self.source_language not in self.languages:
            raise ValueError(f"source_language {self.source_language!r} must be listed in languages")
        return self
