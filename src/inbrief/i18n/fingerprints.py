"""Staleness: each translation remembers which source text it translated.

Beside ``data/text/fr.yaml`` lives ``data/text/fr.sources.json``: for every
translated key, a short hash of the source-language text the translator saw.
When the source text changes, the hash no longer matches and the translation
is stale until someone confirms it (``inbrief translations confirm``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..pdf.atomic import write_text
from .catalog import Key, dotted

SUFFIX = ".sources.json"


def source_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def path_for(text_file: Path) -> Path:
    return text_file.with_name(text_file.stem + SUFFIX)


def read(text_file: Path) -> dict[str, str]:
    try:
        data = json.loads(path_for(text_file).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    keys = data.get("keys", {}) if isinstance(data, dict) else {}
    return {k: v for k, v in keys.items() if isinstance(k, str) and isinstance(v, str)}


def stale_keys(text_file: Path, source_leaves: dict[Key, str], translated: list[Key]) -> list[Key]:
    """Translated keys whose recorded source hash differs from the current source text."""
    recorded = read(text_file)
    return [k for k in translated if recorded.get(dotted(k)) != source_hash(source_leaves[k])]


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
