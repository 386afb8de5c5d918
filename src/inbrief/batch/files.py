"""The files of a project that can reach a PDF, and digests of them and of the code.

Apart from inputs.py, which adds what needs the loaded configuration (fonts, versions),
so that watch and the recalled answers of commands read them without the models."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ..config.find import CONFIG_NAME

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
