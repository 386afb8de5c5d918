"""Glyph coverage: every character shown must exist in a font chosen for its language.

Pango would otherwise draw an empty box (or, with system fonts hidden, .notdef)
and the brief goes to print with holes in it. Checked before any rendering.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.yamlsrc import dotted, leaves
from ..errors import Problem

if TYPE_CHECKING:  # locale sits below pdf/: a face is only read here (its path and family)
    from ..pdf.fonts import Face

# Characters that need no glyph: spaces and line breaks, and format controls
# (bidi marks, soft hyphen, joiners) that shaping consumes.
_NO_GLYPH_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


@lru_cache(maxsize=None)
def _cmap(path: Path) -> frozenset[int]:
    """The characters a font file maps. Reading a cmap with fontTools is a tenth of a second
    for a build's six faces, in every cold process, so the answer is kept in the user's cache
    under the file's path, size and time (cachedir; a changed file is read again)."""
    kept = _kept(path)
    if kept is not None:
        return kept
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        found = frozenset(font.getBestCmap())
    _keep(path, found)
    return found


def _cache_file(path: Path) -> Path | None:
    import hashlib

    from ..cachedir import cache_root

    root = cache_root()
    if root is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    stamp = f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()
    return root / "cmaps" / f"{hashlib.sha256(stamp).hexdigest()[:24]}.json"


def _kept(path: Path) -> frozenset[int] | None:
    from ..cachedir import read_json

    ranges = read_json(_cache_file(path))
    try:
        return frozenset(c for a, b in ranges for c in range(a, b + 1)) if ranges else None
    except (TypeError, ValueError):
        return None


def _keep(path: Path, found: frozenset[int]) -> None:
    from ..cachedir import write_json

    file = _cache_file(path)
    if file is None or not found:
        return
    ranges: list[list[int]] = []
    for c in sorted(found):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    write_json(file, ranges)


def coverage(faces: list[Face]) -> frozenset[int]:
    return _coverage(tuple(faces))


@lru_cache(maxsize=None)
def _coverage(faces: tuple[Face, ...]) -> frozenset[int]:
    """The union is asked for per text and per target: made once per set of faces."""
    out: set[int] = set()
    for f in faces:
        out |= _cmap(f.path)
    return frozenset(out)


def needs_glyph(ch: str) -> bool:
    return unicodedata.category(ch) not in _NO_GLYPH_CATEGORIES and ch not in "\t\n\r"


def describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"


def check_texts(lang: str, data: dict, origins: dict, faces: list[Face]) -> list[Problem]:
    """One problem per text and missing character, located in the file it came from."""
    covered = coverage(faces)
    families = ", ".join(dict.fromkeys(f.family for f in faces))
    problems = []
    for key, text in leaves(data).items():
        name = dotted(key)
        seen = set()
        for ch in text:
            if ch in seen or ord(ch) in covered or not needs_glyph(ch):
                continue
            seen.add(ch)
            path, line, col = origins.get(name, ("<text>", None, None))
            problems.append(Problem(path, line, col,
                                    f"{lang}: '{name}' contains {describe(ch)}, which no font for "
                                    f"'{lang}' has ({families})",
                                    "replace the character, or add a font family that covers it "
                                    "to 'fonts' in inbrief.yaml"))
    return problems


def check_rendered(lang: str, text: str, template: str, faces: list[Face]) -> list[Problem]:
    """Characters produced by formatting (numbers, dates, country names) or by templates."""
    covered = coverage(faces)
    missing = sorted(ch for ch in set(text) if needs_glyph(ch) and ord(ch) not in covered)
    return [Problem(template, None, None,
                    f"{lang}: the rendered page contains {describe(ch)}, which no font for "
                    f"'{lang}' has", "add a font that covers it to 'fonts' in inbrief.yaml")
            for ch in missing]
