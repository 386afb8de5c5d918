"""Language-neutral facts of a sections project: figures, events, sources, contact.

The same facts serve any brief, so nothing here names a section: events come in named
lists (a timeline block says which), and a figure is shown wherever a block refers to it.
Everything is optional but what a block refers to.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..content.base import Ident, Strict, Year
from ..content.facts import Contact, Event, Figure, SourceDoc
from ..content.yamlsrc import Source
from ..errors import Problem


class Facts(Strict):
    """``data/facts.yaml`` of a project written in sections of blocks."""

    edition: Year | None = None
    """Year printed on the cover as the edition; none prints no edition."""
    contact: Contact | None = None
    """What a contact block shows."""
    sources: dict[Ident, SourceDoc] = Field(default_factory=dict)
    key_figures: dict[Ident, Figure] = Field(default_factory=dict)
    events: dict[Ident, Annotated[list[Event], Field(min_length=1)]] = Field(default_factory=dict)
    """Named lists of dated events; a timeline block shows one by its name."""


def check_sources(facts: Facts, src: Source) -> list[Problem]:
    """Every observation names a source of ``sources``: the sources block prints its title."""
    known = ("known sources: " + ", ".join(facts.sources) if facts.sources
             else "define sources first")
    return [src.problem(("key_figures", fid, "observations", i, "source"),
                        f"unknown source '{obs.source}'", known)
            for fid, fig in facts.key_figures.items()
            for i, obs in enumerate(fig.observations) if obs.source not in facts.sources]
