"""Find and load the project: the folder that holds ``inbrief.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.validate import validate
from ..content.yamlsrc import Source, load
from ..errors import ContentError, Problem, UserError
from .model import Config

CONFIG_NAME = "inbrief.yaml"


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config
    source: Source

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output.dir


def find_project(start: Path | None = None) -> Path:
    """The nearest folder, from ``start`` upwards, that holds ``inbrief.yaml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise UserError(
        f"{here}: no {CONFIG_NAME} here or in any parent folder — run inbrief inside a project, "
        f"pass --project DIR, or create one with `inbrief init DIR`"
    )


def load_project(root: Path | None = None) -> Project:
    if root is None:
        root = find_project()
    root = Path(root).resolve()
    path = root / CONFIG_NAME
    if not path.is_file():
        raise UserError(f"{path}: not found — is {root} an inbrief project? "
                        f"Create one with `inbrief init {root}`")
    source, problems = load(path)
    if problems:
        raise ContentError(problems)
    if isinstance(source.data, dict) and "content" not in source.data:
        raise ContentError([Problem(str(path), 1, 1,
                                    "no 'content: sections': this project is written in the "
                                    "fixed content model of earlier inbrief versions",
                                    "`inbrief migrate` rewrites it as sections of blocks, "
                                    "keeping every translation (docs/sections.md)")])
    config, problems = validate(Config, source)
    if problems:
        raise ContentError(problems)
    return Project(root=root, config=config, source=source)
