"""Staleness, written: ``inbrief translations confirm`` and imports record which source text
each translation was made from (the reading side is content/staleness.py, which the build
uses to warn of stale texts)."""

from __future__ import annotations

import json
from pathlib import Path

from ..content.staleness import (  # noqa: F401  (part of this API)
    path_for, read, source_hash, stale_keys)
from ..pdf.atomic import write_text
from .catalog import Key, dotted


def confirm(text_file: Path, source_leaves: dict[Key, str], translated: list[Key],
            only: set[str] | None = None) -> list[str]:
    """Record the current source text as translated, for all or ``only`` these keys."""
    recorded = read(text_file)
    changed = []
    wanted = {dotted(k): k for k in translated}
    for name, key in wanted.items():
        if only is not None and name not in only:
            continue
        h = source_hash(source_leaves[key])
        if recorded.get(name) != h:
            recorded[name] = h
            changed.append(name)
    # Drop keys no longer translated, so the file never vouches for missing text.
    recorded = {k: v for k, v in recorded.items() if k in wanted}
    write_text(path_for(text_file), render(recorded))
    return changed


def render(recorded: dict[str, str]) -> str:
    """The text of a sources file; one format for every writer, so imports diff cleanly."""
    doc = {"about": "Hashes of the source texts these translations were made from. "
                    "Written by `inbrief translations confirm`; do not edit by hand.",
           "keys": dict(sorted(recorded.items()))}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
