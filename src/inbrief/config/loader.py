"""Find and load the project: the folder that holds ``inbrief.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.validate import validate
from ..content.yamlsrc import Source, load
from ..errors import ContentError, Problem, UserError
from .find import CONFIG_NAME, find_project  # noqa: F401  (re-exported)
from .model import Config


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
