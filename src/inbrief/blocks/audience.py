"""Audiences of a sections project: which sections, in which order, in whose words.

``data/audiences/<name>.yaml`` lists the sections (by id) an audience sees; its text files
``data/text/audiences/<name>/<lang>.yaml`` reword any key of the language's file and may add
sections of their own, written like any other (their blocks typed, in the source language).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path


from ..content.base import Ident, Strict, Text
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import Source, load as load_yaml
from ..errors import Problem
from .paths import has, is_scalar, merge


class AudienceSpec(Strict):
    description: Text | None = None
    sections: list[Ident] | None = None
    """Sections in order; leave one out to drop it. None shows every section in file order."""
    slots: dict[Ident, dict[Ident, list[Ident]]] = {}
    """Per layout, slots that differ from inbrief.yaml's for this audience (``none`` leaves
    a section out of that layout): a one-page factsheet may show a call-out instead of two
    sections, say."""


@dataclass(frozen=True)
class Audience:
    name: str
    spec: AudienceSpec
    source: Source | None

    def order(self, known: list[str], _src: Source) -> list[str]:
        if self.spec.sections is None:
            return known
        return [s for s in self.spec.sections if s in known]

    def check(self, known: list[str]) -> list[Problem]:
        problems = []
        places = [(("sections", i), sid) for i, sid in enumerate(self.spec.sections or [])]
        places += [(("slots", layout, slot, i), sid)
                   for layout, slots in self.spec.slots.items()
                   for slot, ids in slots.items() for i, sid in enumerate(ids)]
        for loc, sid in places:
            if sid not in known:
                problems.append(self.source.problem(
                    loc, f"audience '{self.name}': unknown section '{sid}'",
                    did_you_mean(sid, known) or "known sections: " + ", ".join(known)))
        return problems


def load_audience(data_dir: Path, name: str) -> tuple[Audience, list[Problem]]:
    path = data_dir / "audiences" / f"{name}.yaml"
    if not path.exists():
        if name == "general":  # the default audience needs no file
            return Audience(name, AudienceSpec(), None), []
        return Audience(name, AudienceSpec(), None), [Problem(
            str(path), None, None, f"audience '{name}' has no definition",
            f"create {path.name} (see docs/audiences.md) or remove it from 'audiences' in "
            "inbrief.yaml")]
    src, problems = load_yaml(path, data_dir.parent)
    if src is None:
        return Audience(name, AudienceSpec(), None), problems
    spec, more = validate(AudienceSpec, src)
    return Audience(name, spec or AudienceSpec(), src), problems + more


def overlay_file(base: Source, path: Path, root: Path) -> tuple[Source, list[Problem]]:
    """``base`` with the audience file at ``path`` laid over it, key by key; positions of the
    audience's keys point into the audience's file."""
    if not path.exists():
        return base, []
    over, problems = load_yaml(path, root)
    if over is None or not isinstance(over.data, dict):
        return base, problems
    merged = copy.deepcopy(base.data) if isinstance(base.data, dict) else {}
    merge(merged, over.data)
    values = {**base.values, **{k: v for k, v in over.values.items()}}
    keys = {**base.keys, **over.keys}
    # A reworded value, or a whole section or block the audience adds, was written in the
    # audience's file; a key the base file already has keeps pointing there for the rest.
    added = [loc for loc in over.keys if not has(base.data, loc)]
    written = [loc for loc in over.values if is_scalar(over.data, loc)]
    origin = {**base.origin, **{loc: over.path for loc in [*written, *added]}}
    return Source(base.path, merged, values, keys, origin), problems


def apply_audience(src: Source, data_dir: Path, name: str, lang: str,
                   root: Path) -> tuple[Source, list[Problem]]:
    return overlay_file(src, data_dir / "text" / "audiences" / name / f"{lang}.yaml", root)
