"""Audiences: one source, tailored briefs.

``data/audiences/<name>.yaml`` says what an audience sees (which sections, in
which order, which key figures lead); ``data/text/audiences/<name>/<lang>.yaml``
holds its own words: a call-out and re-titled or reworded texts, overlaid key by
key on the language's text, with the same fallback and staleness rules.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Literal

from pydantic import Field

from ..errors import Problem
from .base import Ident, Strict, Text
from .validate import validate
from .yamlsrc import Source, dotted, load

AUDIENCE_DIR = "audiences"
Section = Literal["callout", "overview", "mission", "focus", "areas", "vision", "policy",
                  "chart", "history", "cooperation"]
DEFAULT_SECTIONS = ["overview", "mission", "focus", "vision", "areas", "policy", "chart",
                    "history", "cooperation"]


class Audience(Strict):
    """``data/audiences/<name>.yaml``."""

    description: Text
    sections: list[Section] = Field(default_factory=lambda: list(DEFAULT_SECTIONS))
    """Sections of the long layouts, in order; leave one out to drop it."""
    lead_figures: list[Ident] = Field(default_factory=list, max_length=6)
    """Key figures that lead for this audience; empty keeps facts.yaml's order."""


def spec_path(data_dir: Path, name: str) -> Path:
    return data_dir / AUDIENCE_DIR / f"{name}.yaml"


def text_path(data_dir: Path, name: str, lang: str) -> Path:
    return data_dir / "text" / AUDIENCE_DIR / name / f"{lang}.yaml"


def load_spec(data_dir: Path, name: str) -> tuple[Audience | None, list[Problem], Path | None]:
    path = spec_path(data_dir, name)
    if not path.exists():
        if name == "general":  # the default audience needs no file
            return Audience(description="Everyone"), [], None
        return None, [Problem(str(path), None, None, f"audience '{name}' has no definition",
                              f"create {path.name} (see docs/audiences.md) or remove it from "
                              f"'audiences' in inbrief.yaml")], None
    src, problems = load(path, data_dir.parent)
    if problems:
        return None, problems, None
    spec, problems = validate(Audience, src)
    return spec, problems, path


def apply(base: Source, over: Source) -> tuple[Source, list[tuple], list[Problem]]:
    """Overlay an audience's texts on the language's; returns the merged source and keys set.

    Every key must exist in the language file, except the audience's own ``callout``.
    """
    from ..i18n.catalog import get_key, leaves, set_key

    merged = copy.deepcopy(base.data)
    problems: list[Problem] = []
    applied: list[tuple] = []
    data = over.data if isinstance(over.data, dict) else {}
    for key, text in leaves(data).items():
        if key[0] == "callout":
            continue
        if get_key(base.data, key) is None:
            problems.append(over.problem(key, f"unknown key '{dotted(key)}'",
                                         "an audience may only reword keys of the language file, "
                                         "or add its 'callout'"))
            continue
        set_key(merged, key, text)
        applied.append(key)
    if "callout" in data:
        merged["callout"] = copy.deepcopy(data["callout"])
        applied += [k for k in leaves(data) if k[0] == "callout"]
    # Problems found in the merged text can only come from the audience's own keys (the
    # language file was validated before), so they are located in the audience file.
    values = {**base.values, **over.values}
    keys = {**base.keys, **over.keys}
    return Source(path=over.path, data=merged, values=values, keys=keys), applied, problems
