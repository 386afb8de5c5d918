"""Staleness, read: each translation remembers which source text it translated.

Beside ``data/text/fr.yaml`` lives ``data/text/fr.sources.json``: for every
translated key, a short hash of the source-language text the translator saw.
When the source text changes, the hash no longer matches and the translation
is stale until someone confirms it (``inbrief translations confirm``, in i18n/, which
writes the file). Here, below the content loader that warns of stale texts at build time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .yamlsrc import Loc, dotted

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


def stale_keys(text_file: Path, source_leaves: dict[Loc, str], translated: list[Loc]) -> list[Loc]:
    """Translated keys whose recorded source hash differs from the current source text."""
    recorded = read(text_file)
    return [k for k in translated if recorded.get(dotted(k)) != source_hash(source_leaves[k])]
