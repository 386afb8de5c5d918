"""The user's cache folder, shared by compiled templates and recalled answers:
``$XDG_CACHE_HOME/inbrief``, else ``~/.cache/inbrief``, or ``INBRIEF_CACHE_DIR``;
``INBRIEF_CACHE_DIR=off`` turns every cache off. Nothing in it is needed: deleting it
only makes the next command slower."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    chosen = os.environ.get("INBRIEF_CACHE_DIR")
    if chosen:
        return None if chosen.lower() in ("off", "0", "no", "false") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "inbrief"
