"""Where the built-in default project lives.

In a wheel it is package data (``inbrief/_project``); in a source checkout it is
the repository root, which is itself an inbrief project.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PACKAGED = Path(__file__).resolve().parent.parent / "_project"
CHECKOUT = Path(__file__).resolve().parents[3]


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    for candidate in (PACKAGED, CHECKOUT):
        if (candidate / "inbrief.yaml").is_file() and (candidate / "data").is_dir():
            return candidate
    raise RuntimeError("the built-in default project is missing from this installation")
