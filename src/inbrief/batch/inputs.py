"""A digest of every input a build can read, so an unchanged project skips all work.

The per-target fingerprint (rendered HTML, styles, fonts, options) is precise but
needs the content loaded and every page templated first. When nothing at all has
changed — the common CI case, with the output folder cached between runs — this
one digest proves it in a few milliseconds, and the build does no templating at
all. Any change sends the build down the precise path, which then rebuilds only
the targets whose own fingerprint moved.

Content hashes, not mtimes: a fresh CI checkout has new mtimes but the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..config.loader import CONFIG_NAME, Project
from ..pdf import subsetting
from ..pdf.fonts import fingerprint as font_fingerprint, resolve_faces
from ..project.defaults import builtin_root

SCANNED = ("data", "templates", "styles", "assets", "blocks")
"""Folders of a project whose files can reach a PDF (besides inbrief.yaml and the fonts)."""

_PACKAGE = Path(__file__).resolve().parent.parent


def project_files(root: Path) -> list[Path]:
    """Every file of a project that can reach a PDF: what the digest hashes and watch polls."""
    found = [root / CONFIG_NAME] if (root / CONFIG_NAME).is_file() else []
    for name in SCANNED:
        folder = root / name
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file() and not _ignored(p)]
    return sorted(found)


def _ignored(path: Path) -> bool:
    """Hidden files and folders, caches, and editors' swap, backup and temporary files."""
    return (any(part.startswith(".") or part == "__pycache__" for part in path.parts[-3:])
            or path.suffix in (".tmp", ".swp") or path.name.endswith("~"))


def _hash_tree(h, label: str, root: Path, files: list[Path]) -> None:
    for path in files:
        h.update(f"{label}:{path.relative_to(root).as_posix()}\0".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The code itself, and the design and block kinds shipped with it: an edited checkout (or
    an upgrade that kept the version) must rebuild."""
    h = hashlib.sha256()
    code = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix != ".pyc")
    _hash_tree(h, "code", _PACKAGE, code)
    return h.hexdigest()


@lru_cache(maxsize=1)
def weasyprint_version() -> str:
    """Read from the package metadata once, not once per target."""
    from importlib.metadata import version

    return version("weasyprint")


@lru_cache(maxsize=1)
def engine() -> dict:
    """What else the bytes depend on: the engine, and how (and by what) fonts are subset.

    The two ways of subsetting each give reproducible bytes, but not the same bytes: a cache
    restored on a machine that subsets the other way must rebuild.
    """
    from importlib.metadata import version

    return {"weasyprint": weasyprint_version(), "fonttools": version("fonttools"),
            "font_subsetting": subsetting.expected()}


def digest(project: Project, options: dict) -> str:
    """Changes whenever anything a target could depend on changes."""
    h = hashlib.sha256()
    h.update(json.dumps({"inbrief": __version__, **engine(),
                         "options": options}, sort_keys=True).encode())
    roots = {"project": project.root.resolve(), "builtin": builtin_root().resolve()}
    if roots["builtin"] == roots["project"]:  # a source checkout is its own built-in project
        del roots["builtin"]
    for label, root in roots.items():
        _hash_tree(h, label, root, project_files(root))
    h.update(code_digest().encode())
    for lang in project.config.languages:
        h.update(font_fingerprint(resolve_faces(project.config.fonts, lang)).encode())
    return h.hexdigest()
