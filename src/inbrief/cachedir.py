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


def read_json(path: Path | None):
    """What a cache file holds, or None when it is missing, unreadable or not JSON."""
    import json

    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data) -> None:
    """Atomically (a reader never sees half a file), and silently not at all where the
    cache cannot be written: a cache is never worth a failed command."""
    import json

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
