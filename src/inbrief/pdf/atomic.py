"""Atomic file writes: readers and a failed build never see half a file."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{4,}\.tmp$")


def sweep(folder: Path) -> int:
    """Delete temporaries left by a writer that was killed; returns how many.

    A worker stopped with SIGKILL (or a power cut) cannot clean up after itself.
    Only names that ``write_bytes`` makes are touched.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.rglob(".*.tmp"):
        if _TEMPORARY.match(path.name) and path.is_file():
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass
    return removed
