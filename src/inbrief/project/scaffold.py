"""``inbrief init``: a new project that builds as-is and is the user's to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UserError
from .defaults import builtin_root

PARTS = ("inbrief.yaml", "data", "templates", "styles")


def init_project(target: Path) -> list[Path]:
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        clashes = [p for p in PARTS if (target / p).exists()]
        if clashes:
            raise UserError(f"{target}: already holds {', '.join(clashes)} — "
                            f"choose an empty or new folder")
    target.mkdir(parents=True, exist_ok=True)
    src = builtin_root()
    written = []
    for part in PARTS:
        s, d = src / part, target / part
        if s.is_dir():
            shutil.copytree(s, d, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(s, d)
        written.append(d)
    (target / ".gitignore").write_text("/output/\n", encoding="utf-8")
    written += _editor_support(target)
    return written


def _editor_support(target: Path) -> list[Path]:
    """JSON Schemas and the VS Code setting that applies them: completion and red squiggles."""
    import json

    import yaml

    from ..content.schema import globs, write_schemas

    written = write_schemas(target / "schema")
    config = yaml.safe_load((target / "inbrief.yaml").read_text(encoding="utf-8"))
    patterns = globs(config.get("source_language", "en"))
    settings = target / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps({"yaml.schemas": {
        f"./schema/{name}.schema.json": glob for name, glob in patterns.items()
    }}, indent=2) + "\n", encoding="utf-8")
    return written + [settings]
