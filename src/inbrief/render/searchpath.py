"""The ordered search path for templates and styles: project first, then built-in.

A file of the same name earlier on the path replaces a later one, so a project
overrides one partial without copying the rest (MkDocs' theme model).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..project.defaults import builtin_root


def search_path(project_root: Path, kind: str, audience: str | None = None,
                builtin: Path | None = None) -> list[Path]:
    """Folders for ``kind`` ('templates' or 'styles'), most specific first.

    For an audience: the project's ``<kind>/audiences/<name>/``, the project's ``<kind>/``,
    then the same two in the built-in defaults (``builtin``: the package's design for a
    project of sections; else the default project's own folders).
    """
    folders = []
    for root in (project_root, builtin or builtin_root()):
        if audience:
            folders.append(root / kind / "audiences" / audience)
        folders.append(root / kind)
    out: list[Path] = []
    for f in folders:
        r = f.resolve()
        if r.is_dir() and r not in out:
            out.append(r)
    return out


def find_file(folders: list[Path], name: str, kind: str) -> Path:
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise UserError(f"{folders[0] / name}: {kind} not found (also looked in "
                    f"{', '.join(str(f) for f in folders[1:]) or 'no other folder'}) — "
                    f"create it or fix the layout's '{kind[:-1]}' setting in inbrief.yaml")
