"""Where the project is: the folder that holds ``inbrief.yaml``, found without loading the
configuration models, so that a command answered from its cache never imports them."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError

CONFIG_NAME = "inbrief.yaml"


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
