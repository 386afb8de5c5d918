"""Check a source-language text file's sections of typed blocks against the kinds.

Each block is validated by its kind's model at its own place in the file, so a mistake
deep inside a card prints at that card's line, and every problem of the file is found in
one pass: a broken block never stops the blocks after it from being checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content import NOT_SECTIONS, RESERVED
from ..content.base import Ident, Strict, Text
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import Source
from ..errors import Problem
from .registry import Registry

SECTION_KEYS = ("heading", "beside")
"""A section's own fields; every other key of a section is a block id."""
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_ID_HINT = "use lowercase letters, digits, '_' and '-', starting with a letter"


@dataclass(frozen=True, eq=False)
class Block:
    id: str
    kind: str
    data: BaseModel
    """Validated by the kind's model: defaults filled in, shorthands spelt out."""
    raw: dict
    """The block as written, without ``type``: its key paths are the translation keys
    (``compile.text_paths(kind, raw)``)."""


@dataclass(frozen=True, eq=False)
class Section:
    id: str
    heading: str | None
    """None for a section without a heading (a cover, a band of figures)."""
    beside: str | None
    blocks: dict[str, Block]
    """In reading order (the file's)."""


@dataclass(frozen=True, eq=False)
class Sections:
    path: Path
    """The source file, named in messages about its translations."""
    sections: dict[str, Section]
    """In reading order; only the sections and blocks that are valid."""
    skipped: frozenset[tuple] = field(default=frozenset())
    """(section,) and (section, block) left out for their problems: a translation's keys
    under them are not checked, so one mistake is not reported twice."""
    reserved: dict = field(default_factory=dict)
    """The source's reserved keys as written (document, labels…): what a translation of
    them may hold."""


class _Head(Strict):
    heading: Text | None = None
    beside: Ident | None = None


def validate_sections(src: Source, registry: Registry) -> tuple[Sections, list[Problem]]:
    """The sections of a source text file, and every problem in it.

    The structure holds what is valid even when there are problems, so a translation can
    still be checked against it; a build must stop when the problems are not empty.
    """
    data = src.data
    if not isinstance(data, dict):
        return Sections(src.path, {}), [src.problem((), "a text file must be a mapping of "
                                                    "section ids to sections",
                                                    "each top-level key is a section: its "
                                                    "heading, then its blocks")]
    ids = [k for k in data if k not in RESERVED]
    problems: list[Problem] = []
    sections, skipped = {}, set()
    for sid in ids:
        section, more, skip = _section(src, sid, data[sid], registry, ids)
        problems += more
        skipped |= skip
        if section is not None:
            sections[sid] = section
    reserved = {k: data[k] for k in RESERVED if k in data}
    return Sections(src.path, sections, frozenset(skipped), reserved), problems


def not_sections(src: Source) -> list[Problem]:
    """A top-level key of ``src`` that no section may be called (``NOT_SECTIONS``)."""
    data = src.data if isinstance(src.data, dict) else {}
    return [_reserved(src, sid) for sid in NOT_SECTIONS if sid in data]


def _reserved(src: Source, sid: str) -> Problem:
    return src.problem((sid,), f"section id '{sid}' is reserved",
                       "rename the section: translation exports (PO, XLIFF) key an "
                       f"audience's texts '{sid}.<name>.…'", key=True)


def _section(src: Source, sid: Any, value: Any, registry: Registry, ids: list):
    if not isinstance(sid, str) or not _ID.match(sid):
        return None, [src.problem((sid,), f"section id '{sid}' is not an id", _ID_HINT,
                                  key=True)], {(sid,)}
    if sid in NOT_SECTIONS:
        return None, [_reserved(src, sid)], {(sid,)}
    if not isinstance(value, dict):
        return None, [src.problem((sid,), f"section '{sid}' should be a mapping with 'heading' "
                                  "and its blocks", "e.g. heading: …, then one key per block",
                                  key=True)], {(sid,)}
    view = Source(src.path, {sid: {k: v for k, v in value.items() if k in SECTION_KEYS}},
                  src.values, src.keys, src.origin)
    head, problems = validate(_Head, view, (sid,))
    if head and head.beside is not None and (head.beside == sid or head.beside not in ids):
        problems.append(src.problem((sid, "beside"), f"'{sid}.beside': unknown section "
                                    f"'{head.beside}'" if head.beside != sid else
                                    f"'{sid}.beside': a section cannot be beside itself",
                                    did_you_mean(head.beside, [str(i) for i in ids if i != sid])
                                    or "name another section of this file"))
    blocks, skipped = {}, set()
    for bid, raw in value.items():
        if bid in SECTION_KEYS:
            continue
        block, more = _block(src, sid, bid, raw, registry)
        problems += more
        if block is None:
            skipped.add((sid, bid))
        else:
            blocks[bid] = block
    if not value:  # 'foo: {}': a typo's leftover as likely as a section to come
        problems.append(src.problem((sid,), f"section '{sid}' is empty",
                                    "give it a heading and blocks, or remove it", key=True))
    if head is None or not value:
        return None, problems, skipped | {(sid,)}
    return Section(sid, head.heading, head.beside, blocks), problems, skipped


def _block(src: Source, sid: str, bid: Any, raw: Any, registry: Registry):
    loc = (sid, bid)
    known = ", ".join(registry.known())
    if not isinstance(bid, str) or not _ID.match(bid):
        return None, [src.problem(loc, f"block id '{bid}' is not an id", _ID_HINT, key=True)]
    if not isinstance(raw, dict):
        close = did_you_mean(bid, SECTION_KEYS)
        if close:  # "hedding: About us" is a misspelt heading more likely than a block
            return None, [src.problem(loc, f"unknown key '{bid}'", close, key=True)]
        return None, [src.problem(loc, f"block '{sid}.{bid}' should be a mapping with 'type:'",
                                  f"e.g. {{type: text, paragraphs: […]}}; kinds: {known}",
                                  key=True)]
    if "type" not in raw:
        return None, [src.problem(loc, f"block '{sid}.{bid}' has no type",
                                  f"add 'type:' with one of the kinds: {known}", key=True)]
    kind_name = raw["type"]
    if not isinstance(kind_name, str) or kind_name not in registry.known():
        close = did_you_mean(str(kind_name), registry.known())
        return None, [src.problem(loc + ("type",), f"unknown block type '{kind_name}'",
                                  f"known kinds: {known}" + (f"; {close}" if close else ""))]
    kind = registry.kinds.get(kind_name)
    if kind is None:  # its schema.yaml has problems, reported there
        return None, []
    fields = {k: v for k, v in raw.items() if k != "type"}
    # The view keeps the origins: a text laid over from a translation or an audience's file
    # is located in that file, not in the source.
    data, problems = validate(kind.model, Source(src.path, {sid: {bid: fields}}, src.values,
                                                 src.keys, src.origin), loc)
    if data is None:
        return None, problems
    return Block(bid, kind_name, data, fields), []
