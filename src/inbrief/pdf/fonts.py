"""Fonts come from pinned Python packages, never from the machine.

We resolve each configured family through fontpkg, emit ``@font-face`` rules for
exactly the faces the design uses, and point fontconfig at an empty private
configuration so Pango cannot substitute (and embed) a system font.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:  # a rendering worker imports this module without the config models
    from ..config.model import FontFamily


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    style: str
    path: Path


def resolve_faces(families: list[FontFamily], lang: str) -> list[Face]:
    import fontpkg

    faces: list[Face] = []
    for fam in families:
        if fam.languages and lang not in fam.languages:
            continue
        try:
            pkg = fontpkg.family(fam.family)
        except fontpkg.FamilyNotInstalled:
            slug = fontpkg.slugify(fam.family)
            raise UserError(f"inbrief.yaml: font family '{fam.family}' is not installed — "
                            f"`pip install fontpkg-{slug}` (and pin it in your requirements)")
        wanted = [(w, "normal") for w in fam.weights] + [(w, "italic") for w in fam.italic]
        for weight, style in wanted:
            match = [f for f in pkg.files if f.style == style and not f.variable and f.weight == weight]
            if not match:
                have = sorted({f"{f.weight} {f.style}" for f in pkg.files if not f.variable})
                raise UserError(f"inbrief.yaml: '{fam.family}' has no static {style} face of "
                                f"weight {weight} — available: {', '.join(have) or 'variable only'}")
            faces.append(Face(pkg.name, weight, style, Path(match[0].path)))
    return faces


def font_face_css(faces: list[Face]) -> str:
    return _font_face_css(tuple(faces))


@lru_cache(maxsize=None)
def _font_face_css(faces: tuple[Face, ...]) -> str:
    """Made once per language, not once per target (it resolves every font's path)."""
    rules = []
    for f in faces:
        rules.append(
            "@font-face { font-family: %s; font-weight: %d; font-style: %s; src: url(%s); }"
            % (_css_string(f.family), f.weight, f.style, f.path.resolve().as_uri())
        )
    return "\n".join(rules)


def families_stack(faces: list[Face]) -> str:
    names = list(dict.fromkeys(f.family for f in faces))
    return ", ".join(_css_string(n) for n in names)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fingerprint(faces: list[Face]) -> str:
    """Changes when a font file changes: part of every target's cache key."""
    h = hashlib.sha256()
    for f in faces:
        st = f.path.stat()
        h.update(f"{f.family}|{f.weight}|{f.style}|{f.path.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def isolate_fontconfig() -> Path:
    """Hide system fonts from Pango before WeasyPrint loads it.

    Must run before ``import weasyprint``; fontconfig reads FONTCONFIG_FILE once.
    """
    folder = Path(tempfile.gettempdir()) / f"inbrief-fontconfig-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    text = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
            f"<fontconfig><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n")
    if not conf.exists() or conf.read_text() != text:
        tmp = conf.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text)
        os.replace(tmp, conf)
    os.environ["FONTCONFIG_FILE"] = str(conf)
    return conf
