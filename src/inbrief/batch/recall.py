"""Answers of commands that render nothing, recalled while not one input byte has changed.

`inbrief check` runs in pre-commit on every commit and `inbrief list` in CI scripts; both are
pure functions of the project's files, the code and the fonts. Loading and validating the
configuration alone (the pydantic models) is most of a second of a cold process, so an
answer is kept in the user's cache folder under a key made without loading it: the bytes of
every project file a build reads (files.project_files, here and in the built-in project), the
code, the Python and library versions, and the size and time of the font files the answer
used. Only successful answers are kept: a failing command always runs again and reports its
problems afresh.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

from .. import __version__
from ..cachedir import cache_root, read_json, write_json
from ..project.defaults import builtin_root
from .files import _hash_tree, project_files

_LIBRARIES = ("pydantic", "pydantic_core", "jinja2", "babel", "fontTools", "yaml")
"""What validation and templating depend on besides our code (found, not imported)."""


def key(root: Path, command: str, args: object) -> str:
    h = hashlib.sha256(json.dumps([__version__, sys.version, command, args],
                                  default=str).encode())
    roots = {"project": root.resolve(), "builtin": builtin_root().resolve()}
    if roots["builtin"] == roots["project"]:
        del roots["builtin"]
    for label, folder in roots.items():
        _hash_tree(h, label, folder, project_files(folder))
    h.update(_code_stamp().encode())
    return h.hexdigest()


def _code_stamp() -> str:
    """Our package and the libraries, by file size and time: cheap, and an upgrade or an
    edited checkout changes them (the precise code digest of a build hashes every byte)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    folders = [package]
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            folders.append(Path(spec.origin).parent)
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def stamps(paths: list[Path]) -> list[list]:
    """Size and time of files an answer depends on outside the project (the fonts)."""
    found = []
    for p in sorted(set(paths)):
        try:
            st = p.stat()
            found.append([str(p), st.st_size, st.st_mtime_ns])
        except OSError:
            found.append([str(p), None, None])
    return found


def recall(root: Path, command: str, args: object) -> tuple[str | None, str | None]:
    """(the kept answer or None, the key to keep a new answer under, or None without cache)."""
    record = _record(root, command)
    if record is None:
        return None, None
    k = key(root, command, args)
    entries = read_json(record)
    kept = entries.get(k) if isinstance(entries, dict) else None
    if not isinstance(kept, dict) or not isinstance(kept.get("answer"), str):
        return None, k
    if kept.get("stamps") != stamps([Path(s[0]) for s in kept.get("stamps", [])]):
        return None, k
    return kept["answer"], k


def keep(root: Path, command: str, k: str | None, answer: str, files: list[Path] = ()) -> None:
    """Atomically, a few answers per command and project; silently not at all where the
    cache cannot be written."""
    record = _record(root, command)
    if record is None or k is None:
        return
    entries = read_json(record)
    if not isinstance(entries, dict):
        entries = {}
    entries.pop(k, None)
    entries[k] = {"answer": answer, "stamps": stamps(list(files))}
    write_json(record, dict(list(entries.items())[-16:]))


def _record(root: Path, command: str) -> Path | None:
    base = cache_root()
    if base is None:
        return None
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return base / "answers" / f"{name}-{command}.json"
