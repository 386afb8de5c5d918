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
from ..config.loader import Project
from ..pdf import subsetting
from ..pdf.fonts import fingerprint as font_fingerprint, resolve_faces
from ..project.defaults import builtin_root
from .files import _hash_tree, code_digest, project_files  # noqa: F401  (re-exported)

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
