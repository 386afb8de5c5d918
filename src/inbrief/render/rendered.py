"""What rendering hands the PDF stage: kept apart from the templating code so that a
rendering worker can receive a document without importing Jinja or the content models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BLEED_MM = 3


@dataclass
class Rendered:
    html: str
    stylesheets: list[tuple[Path | None, str]]
    """(file it came from, CSS text); the generated sheet has no file."""
    fill_slot: bool = False
    """The layout has sections in its ``fill`` slot, which the build may move (produce)."""
