"""Translatable text: every sentence a translator touches, and nothing else.

The source language's file must be complete; other languages are overlaid on
it key by key, so a missing translation can fall back to the source text.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from .base import MAX_TEXT, Ident, Strict, Text


def _point_from_text(value):
    return {"text": value} if isinstance(value, str) else value


class _TextOrPointSchema:
    """JSON Schema only: a point is written as plain text or as a mapping, as validated."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        text = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
        return {"anyOf": [text, handler(core_schema)]}


class Point(Strict):
    text: Text
    footnote: Text | None = None
    """Rendered as a real page footnote, not as a paragraph."""


PointItem = Annotated[Point, BeforeValidator(_point_from_text), _TextOrPointSchema]


class DocumentText(Strict):
    title: Text
    subtitle: Text
    subject: Text
    """PDF metadata: one sentence saying what the document is."""
    author: Text
    keywords: list[Text] = Field(default_factory=list)


class OrganizationText(Strict):
    name: Text
    short_name: Text


class Labels(Strict):
    """Words of the layout itself, translated like content."""

    key_figures: Text
    as_of: Text
    """Must contain ``{year}``."""
    source: Text
    sources: Text
    edition: Text
    """Must contain ``{year}``."""
    page_of: Text
    """Running footer; must contain ``{page}`` and ``{pages}``."""
    contact: Text
    phone: Text
    fax: Text
    email: Text
    website: Text
    footnotes: Text
    notes: Text
    """Heading of the ruled notes pages that pad a booklet."""
    over: Text
    """Qualifier for "more than" figures, e.g. "more than"."""
    qr: Text
    """Caption and alternative text of the QR code; must contain ``{site}``."""
    trend: Text
    """Heading of the chart of a figure over time; must contain ``{label}``."""
    about: Text


class Section(Strict):
    heading: Text
    paragraphs: list[Text] = Field(default_factory=list)


class Mission(Strict):
    heading: Text
    statement: Text
    lead: Text
    commitments: Annotated[list[Text], Field(min_length=1)]


class StrategicFocus(Strict):
    heading: Text
    points: Annotated[list[PointItem], Field(min_length=1)]


class TitledText(Strict):
    title: Text
    summary: Text | None = None
    """Short form used by one-page layouts."""
    paragraphs: Annotated[list[Text], Field(min_length=1)]


class Areas(Strict):
    heading: Text
    intro: Text
    items: dict[Ident, TitledText]
    cross_cutting: TitledText


class Titled(Strict):
    heading: Text
    intro: Text | None = None
    items: dict[Ident, TitledText]


class FigureText(Strict):
    label: Text


class Timeline(Strict):
    heading: Text
    intro: Text | None = None
    events: dict[Ident, Text]
    """Text for each event id listed in facts.yaml."""


class ContactText(Strict):
    heading: Text
    cta: Text | None = None


class Callout(Strict):
    """An audience's own message, shown where its ``sections`` list ``callout``."""

    heading: Text
    summary: Text
    """One or two sentences, for one-page layouts."""
    paragraphs: list[Text] = Field(default_factory=list)
    items: list[Text] = Field(default_factory=list)
    """Short points, e.g. services or ways to get in touch."""


class Texts(Strict):
    """``data/text/<lang>.yaml``; an audience overlays ``data/text/audiences/<name>/<lang>.yaml``."""

    document: DocumentText
    organization: OrganizationText
    labels: Labels
    overview: Section
    mission: Mission
    strategic_focus: StrategicFocus
    areas: Areas
    policy: Titled
    vision: Titled
    key_figures: dict[Ident, FigureText]
    history: Timeline
    cooperation: Timeline
    contact: ContactText
    callout: Callout | None = None
