"""Compiled templates kept between processes.

Every `inbrief` command is a new process, and compiling the layouts' Jinja templates to
Python is a fifth of a cold single-target build. Jinja's own bytecode cache keys each entry
by the template's file name and a checksum of its source, so an edited template is simply
compiled again; nothing here can serve stale output. The folder is the user's cache
(``$XDG_CACHE_HOME/inbrief``, else ``~/.cache/inbrief``), or ``INBRIEF_CACHE_DIR``;
``INBRIEF_CACHE_DIR=off`` turns it off. A folder that cannot be written means no cache,
never an error.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache


def cache_root() -> Path | None:
    chosen = os.environ.get("INBRIEF_CACHE_DIR")
    if chosen:
        return None if chosen.lower() in ("off", "0", "no", "false") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "inbrief"


class _Tolerant(FileSystemBytecodeCache):
    """A full disk or a read-only home loses the cache, not the build."""

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()


@lru_cache(maxsize=1)
def bytecode_cache() -> BytecodeCache | None:
    root = cache_root()
    if root is None:
        return None
    # One folder per Python and Jinja version: their bytecode is not interchangeable.
    import jinja2

    folder = root / f"templates-py{sys.version_info[0]}{sys.version_info[1]}-jinja{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Tolerant(str(folder)) if os.access(folder, os.W_OK) else None
