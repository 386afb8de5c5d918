"""What blocks refer to must exist: key figures and event lists in facts.yaml, a timeline's
texts for exactly its events, the contact details a contact block shows, images among the
project's files. Each mistake is located at
the reference in the text file, with the names that would do."""

from __future__ import annotations

from pathlib import Path

from ..content.validate import did_you_mean
from ..content.yamlsrc import Source
from ..errors import Problem
from .compile import values_of
from .registry import Registry
from .sections import Sections


def check_references(sections: Sections, registry: Registry, facts, src: Source,
                     root: Path) -> list[Problem]:
    if facts is None:
        return []
    problems: list[Problem] = []
    for section in sections.sections.values():
        for block in section.blocks.values():
            kind = registry.kinds[block.kind]
            at = (section.id, block.id)
            if block.kind == "contact" and kind.builtin and facts.contact is None:
                # Its template would fail at render time, far from the block that needs them.
                problems.append(src.problem(
                    at, f"block '{section.id}.{block.id}' shows the contact details, but "
                        "data/facts.yaml has no 'contact:'",
                    "add 'contact:' to data/facts.yaml (see docs/kinds.md#contact)"))
            for path, fid in values_of(kind, block.raw, {"figure"}):
                if fid not in facts.key_figures:
                    problems.append(src.problem(at + path, f"unknown key figure '{fid}'",
                                                _known(fid, facts.key_figures, "key_figures")))
            for path, name in values_of(kind, block.raw, {"event list"}):
                if name not in facts.events:
                    problems.append(src.problem(at + path, f"unknown event list '{name}'",
                                                _known(name, facts.events, "events")))
                elif block.kind == "timeline":
                    problems += _timeline_texts(src, at, block.raw, facts.events[name])
            for path, image in values_of(kind, block.raw, {"image"}):
                if not (root / image).is_file():
                    problems.append(src.problem(at + path, f"image '{image}' not found",
                                                "put the file in the project (assets/, say) "
                                                "and write its path from the project's folder"))
    return problems


def _timeline_texts(src: Source, at: tuple, raw: dict, events) -> list[Problem]:
    texts = raw.get("texts") or {}
    ids = [e.id for e in events]
    problems = [src.problem(at + ("texts",), f"no text for event '{eid}'",
                            f"add '{eid}: …' under texts") for eid in ids if eid not in texts]
    problems += [src.problem(at + ("texts", eid), f"text for unknown event '{eid}'",
                             did_you_mean(str(eid), ids) or "events of this list: " + ", ".join(ids),
                             key=True) for eid in texts if eid not in ids]
    return problems


def _known(name: str, table: dict, where: str) -> str:
    if not table:
        return f"define it under '{where}' in data/facts.yaml first"
    return did_you_mean(name, table) or f"known in facts.yaml: {', '.join(table)}"
