"""Audiences of a sections project: which sections, in which order, in whose words.

``data/audiences/<name>.yaml`` lists the sections (by id) an audience sees; its text files
``data/text/audiences/<name>/<lang>.yaml`` reword any key of the language's file and may add
sections of their own, written like any other (their blocks typed, in the source language).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..content.base import Ident, Strict, Text
from ..content.files import audience_spec_path, audience_text_path
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import Source, load as load_yaml
from ..errors import Problem
from .paths import has, is_scalar, merge
from .slots import check_slot_map


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

    def unlisted(self, src: Source, shown: list[str]) -> list[Problem]:
        """Warnings for the sections the audience's own text file adds (``src``, laid over)
        that its ``sections:`` leaves out: written for this audience only, they are shown
        nowhere, which is more likely an id forgotten than a section meant to be dropped."""
        if self.spec.sections is None:
            return []
        return [src.problem((sid,), f"audience '{self.name}': section '{sid}' of its own text "
                                    "file is not in its 'sections:', so it is not shown",
                            f"add '{sid}' to 'sections:' in data/audiences/{self.name}.yaml, "
                            "or remove the section", key=True)
                for sid in shown if sid not in self.spec.sections and (sid,) in src.origin]

    def check(self, known: list[str],
              layouts: dict[str, frozenset[str]] | None = None) -> list[Problem]:
        """Every section id of the spec among ``known``; with ``layouts`` (each layout's
        slots), its layouts and slots among them too."""
        if self.source is None:
            return []
        who = f"audience '{self.name}': "
        problems = []
        for i, sid in enumerate(self.spec.sections or []):
            if sid not in known:
                problems.append(self.source.problem(
                    ("sections", i), f"{who}unknown section '{sid}'",
                    did_you_mean(sid, known) or "known sections: " + ", ".join(known)))
        for layout, mapping in self.spec.slots.items():
            if layouts is not None and layout not in layouts:
                problems.append(self.source.problem(
                    ("slots", layout), f"{who}unknown layout '{layout}'",
                    did_you_mean(layout, layouts) or "layouts: " + ", ".join(layouts), key=True))
                continue
            slots = layouts[layout] if layouts is not None else frozenset(mapping) | {"body"}
            problems += check_slot_map(self.source, ("slots", layout), layout, mapping, slots,
                                       known, who)
        return problems


def load_audience(data_dir: Path, name: str) -> tuple[Audience, list[Problem]]:
    path = audience_spec_path(data_dir, name)
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
    if spec is None:  # keep the parts that are right: their section ids are checked too
        spec = _salvage(src.data)
    return Audience(name, spec, src), problems + more


def _salvage(data) -> AudienceSpec:
    """The valid parts of a spec with problems, slot by slot."""
    ids = TypeAdapter(list[Ident])
    data = data if isinstance(data, dict) else {}
    parts: dict = {}
    try:
        parts["sections"] = ids.validate_python(data.get("sections"))
    except ValidationError:
        pass
    slots = data.get("slots")
    if isinstance(slots, dict):
        parts["slots"] = {}
        for layout, mapping in slots.items():
            if not isinstance(layout, str) or not isinstance(mapping, dict):
                continue
            parts["slots"][layout] = {}
            for slot, value in mapping.items():
                try:
                    parts["slots"][layout][str(slot)] = ids.validate_python(value)
                except ValidationError:
                    pass
    return AudienceSpec.model_construct(**parts)


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
    return overlay_file(src, audience_text_path(data_dir, name, lang), root)
