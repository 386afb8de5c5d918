"""``inbrief init``: a new project that builds as-is and is the user's to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UserError
from .defaults import builtin_root

PARTS = ("inbrief.yaml", "data", "templates", "styles", "blocks", "assets")
STARTERS_DIR = Path(__file__).resolve().parent.parent / "starters"
STARTERS = {
    "iom": "The International Organization for Migration's brief: every layout, five "
           "languages, four audiences (the default project).",
    "blank": "One section of two blocks in English and French, page budgets a short text "
             "meets: the start of your own brief.",
}
DEFAULT_STARTER = "iom"


def starter_root(name: str) -> Path:
    if name not in STARTERS:
        from ..content.validate import did_you_mean

        raise UserError(f"no starter '{name}' — " + (did_you_mean(name, STARTERS) or
                        "starters: " + ", ".join(STARTERS)) + " (inbrief init --list)")
    return builtin_root() if name == "iom" else STARTERS_DIR / name


def init_project(target: Path, template: str = DEFAULT_STARTER) -> list[Path]:
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

    from ..content.schema import globs, write_schemas

    config = yaml.safe_load((target / "inbrief.yaml").read_text(encoding="utf-8"))
    source = config.get("source_language", "en")
    if config.get("content") == "sections":
        written, patterns = _sections_schema(target, source)
    else:
        written = write_schemas(target / "schema")
        patterns = globs(source)
    settings = target / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps({"yaml.schemas": {
        f"./schema/{name}.schema.json": glob for name, glob in patterns.items()
    }}, indent=2) + "\n", encoding="utf-8")
    return written + [settings]


def _sections_schema(target: Path, source: str) -> tuple[list[Path], dict[str, str]]:
    """A project of sections: its files' schemas, the source text's made from the kinds it can
    use (what `inbrief schema --out schema` writes)."""
    from ..blocks.schema_json import project_schemas
    from ..content.schema import dumps

    written, patterns = [], {}
    (target / "schema").mkdir(exist_ok=True)
    for doc in project_schemas(target, source):
        path = target / "schema" / f"{doc.name}.schema.json"
        path.write_text(dumps(doc.schema), encoding="utf-8", newline="\n")
        written.append(path)
        patterns[doc.name] = doc.glob
    return written, patterns
