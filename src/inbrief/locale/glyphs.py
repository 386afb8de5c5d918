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
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


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
