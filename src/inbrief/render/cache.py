"""Compiled templates kept between processes.

Every `inbrief` command is a new process, and compiling the layouts' Jinja templates to
Python is a fifth of a cold single-target build. Jinja's own bytecode cache keys each entry
by the template's file name and a checksum of its source, so an edited template is simply
compiled again; nothing here can serve stale output. The folder is the user's cache
(cachedir.cache_root). A folder that cannot be written means no cache,
never an error.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from ..cachedir import cache_root


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
