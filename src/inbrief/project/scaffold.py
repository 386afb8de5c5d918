"""``inbrief init``: a new project that builds as-is and is the user's to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UserError
from .defaults import builtin_root

PARTS = ("inbrief.yaml", "data", "templates", "styles", "blocks", "assets")
STARTERS_DIR = Path(__file__).resolve().parent.parent / "starters"
STARTER_FILE = "starter.yaml"
"""A starter's name and description for ``init --list``; never copied into the new project."""


def starters() -> dict[str, tuple[str, Path]]:
    """Name → (description, folder): the built-in default project first (the default starter),
    then each folder of ``starters/`` that has a starter file."""
    import yaml

    found: dict[str, tuple[str, Path]] = {}
    for folder in (builtin_root(), *sorted(STARTERS_DIR.iterdir())):
        meta = folder / STARTER_FILE
        if meta.is_file():
            data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
            found[str(data.get("name", folder.name))] = (
                " ".join(str(data.get("description", "")).split()), folder)
    return found


def starter_root(name: str | None) -> Path:
    known = starters()
    if name is None:
        return next(iter(known.values()))[1]
    if name not in known:
        from ..content.validate import did_you_mean

        raise UserError(f"no starter '{name}' — " + (did_you_mean(name, known) or
                        "starters: " + ", ".join(known)) + " (inbrief init --list)")
    return known[name][1]


def init_project(target: Path, template: str | None = None) -> list[Path]:
    """Copy a starter (by name; none: the default) into ``target``."""
    src = starter_root(template)
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        clashes = [p for p in PARTS if (target / p).exists()]
        if clashes:
            raise UserError(f"{target}: already holds {', '.join(clashes)} — "
                            f"choose an empty or new folder")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for part in PARTS:
        s, d = src / part, target / part
        if not s.exists():
            continue
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

    config = yaml.safe_load((target / "inbrief.yaml").read_text(encoding="utf-8"))
    written, patterns = _schemas(target, config.get("source_language", "en"))
    settings = target / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps({"yaml.schemas": {
        f"./schema/{name}.schema.json": glob for name, glob in patterns.items()
    }}, indent=2) + "\n", encoding="utf-8")
    return written + [settings]


def _schemas(target: Path, source: str) -> tuple[list[Path], dict[str, str]]:
    """The schemas of the project's files, made from the kinds it can use and its source
    file's sections."""
    from ..blocks.schema_json import project_documents, project_schemas
    from ..content.schema import dumps

    folder = target / "schema"
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in project_schemas(target, source).items():
        path = folder / f"{name}.schema.json"
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        written.append(path)
    return written, {name: glob for name, glob, _ in project_documents(source)}
