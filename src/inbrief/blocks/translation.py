"""Check a translation file against its validated source: text only, at the source's keys.

Structure and data (kinds, numbers, addresses, figure ids) are written once, in the source
file; a copy in a translation would drift from it unseen, so any is an error located in the
translation, where it was written, with the reason and where it belongs.
"""

from __future__ import annotations

from typing import Any

from ..content import RESERVED
from ..content.validate import did_you_mean
from ..content.yamlsrc import Loc, Source, dotted
from ..errors import Problem
from .compile import field_at, text_paths
from .dialect import Field
from .registry import Registry
from .reserved import Address, Document, Organization, kind_labels, label_names
from .sections import Sections

_DATA = {"number": "a number", "year": "a year", "date": "a date", "url": "a web address",
         "image": "an image", "figure": "a key figure's id", "event list": "an event list's name",
         "choice": "a choice", "bool": "a yes/no setting"}


def validate_translation(tr: Source, source: Sections, registry: Registry) -> list[Problem]:
    """Every problem of translation file ``tr``; a missing text is not one (it falls back)."""
    src_name = source.path.name
    if not isinstance(tr.data, dict):
        return [tr.problem((), "a translation file must be a mapping of the source file's keys")]
    problems: list[Problem] = []
    names = {"document": list(Document.model_fields),
             "organization": list(Organization.model_fields),
             "labels": label_names(kind_labels(registry)[0]), "figures": [],
             "organization.address": list(Address.model_fields)}
    for sid, value in tr.data.items():
        if sid in RESERVED:
            problems += _reserved(tr, (sid,), value, source.reserved.get(sid), names,
                                  src_name)
            continue
        if (sid,) in source.skipped:
            continue
        section = source.sections.get(sid)
        if section is None:
            problems.append(tr.problem((sid,), f"unknown section '{sid}'",
                                       did_you_mean(str(sid), source.sections)
                                       or f"{src_name} has no such section: remove it", key=True))
            continue
        if value is None:
            continue
        if not isinstance(value, dict):
            problems.append(_shape(tr, (sid,), "a mapping", src_name))
            continue
        for key, sub in value.items():
            loc = (sid, key)
            if key == "heading":
                if sub is not None and not isinstance(sub, str):
                    problems.append(_shape(tr, loc, "text", src_name))
            elif key == "beside":
                problems.append(_refuse(tr, loc, "structure", src_name))
            elif key in section.blocks:
                problems += _block(tr, loc, sub, section.blocks[key], registry, src_name)
            elif loc not in source.skipped:
                problems.append(tr.problem(loc, f"unknown key '{key}'",
                                           did_you_mean(str(key), ["heading", *section.blocks])
                                           or f"{src_name} has no such block: remove it", key=True))
    return problems


def _reserved(tr: Source, at: Loc, value: Any, original: Any, known: dict[str, list[str]],
              src_name: str) -> list[Problem]:
    """``document``, ``organization`` (and its ``address``), ``labels``, ``figures``: only the
    texts the source has."""
    if value is None:
        return []
    if not isinstance(value, dict):
        return [_shape(tr, at, "a mapping", src_name)]
    original = original if isinstance(original, dict) else {}
    names = known.get(dotted(at), [])
    problems: list[Problem] = []
    for key, sub in value.items():
        loc = at + (key,)
        if key in original:
            was = original[key]
            if sub is None:
                continue
            if isinstance(was, dict):
                problems += _reserved(tr, loc, sub, was, known, src_name)
            elif isinstance(was, list):
                if not isinstance(sub, list):
                    problems.append(_shape(tr, loc, "a list", src_name))
                elif len(sub) != len(was):
                    problems.append(tr.problem(loc, f"'{dotted(loc)}' has {len(sub)} items, "
                                               f"{src_name} has {len(was)}",
                                               "translate item by item, keeping the same number "
                                               "of items"))
                else:
                    problems += [_shape(tr, loc + (i,), "text", src_name)
                                 for i, item in enumerate(sub)
                                 if item is not None and not isinstance(item, str)]
            elif not isinstance(sub, str):
                problems.append(_shape(tr, loc, "text", src_name))
        elif key in names:
            problems.append(tr.problem(loc, f"'{dotted(loc)}': {src_name} has no text here",
                                       f"translate only what {src_name} says; add it there "
                                       "first", key=True))
        else:
            problems.append(tr.problem(loc, f"unknown key '{key}'",
                                       did_you_mean(str(key), [*map(str, original), *names])
                                       or f"{src_name} has no such key: remove it", key=True))
    return problems


def _block(tr: Source, at: Loc, value: Any, block, registry: Registry, src_name: str):
    kind = registry.kinds[block.kind]
    leaves = set(text_paths(kind, block.raw))
    inner = {leaf[:i] for leaf in leaves for i in range(len(leaf))}
    problems: list[Problem] = []

    def walk(value: Any, loc: Loc, original: Any) -> None:
        if value is None:
            return
        if loc in leaves:
            if not isinstance(value, str):
                problems.append(_shape(tr, at + loc, "text", src_name))
            return
        if isinstance(original, list):
            if not isinstance(value, list):
                problems.append(_shape(tr, at + loc, "a list", src_name))
            elif len(value) != len(original):
                problems.append(tr.problem(at + loc, f"'{dotted(at + loc)}' has {len(value)} "
                                           f"items, {src_name} has {len(original)}",
                                           "translate item by item, keeping the same number of "
                                           "items"))
            else:
                for i, item in enumerate(value):
                    step(item, loc + (i,), original[i], [])
        elif not isinstance(value, dict):
            problems.append(_shape(tr, at + loc, "a mapping", src_name))
        else:
            choices = [k for k in original if loc + (k,) in leaves | inner]
            for key, item in value.items():
                step(item, loc + (key,), original.get(key), choices)

    def step(value: Any, loc: Loc, original: Any, choices: list) -> None:
        if loc in leaves or loc in inner:
            walk(value, loc, original)
        else:
            problems.append(_refused(tr, at, loc, kind, src_name, choices))

    if value is None or isinstance(value, dict):
        walk(value, (), block.raw)
    else:
        problems.append(_shape(tr, at, "a mapping", src_name))
    return problems


def _refused(tr: Source, at: Loc, loc: Loc, kind, src_name: str, choices: list) -> Problem:
    """Why the translation may not say anything at ``loc``."""
    if loc == ("type",):
        return _refuse(tr, at + loc, "structure", src_name)
    f = field_at(kind, loc)
    if f is None:
        return tr.problem(at + loc, f"unknown key '{loc[-1]}'",
                          did_you_mean(str(loc[-1]), [str(c) for c in choices])
                          or f"{src_name} has no such key: remove it", key=True)
    if f.has_text:
        return tr.problem(at + loc, f"'{dotted(at + loc)}': {src_name} has no text here",
                          f"translate only what {src_name} says; add it there first", key=True)
    return _refuse(tr, at + loc, _what(f), src_name)


def _what(f: Field) -> str:
    return _DATA.get(f.type, "data")  # lists, maps and records with no text in them


def _refuse(tr: Source, loc: Loc, what: str, src_name: str) -> Problem:
    return tr.problem(loc, f"'{dotted(loc)}': not translatable",
                      f"{what} is written once, in {src_name}", key=True)


def _shape(tr: Source, loc: Loc, what: str, src_name: str) -> Problem:
    return tr.problem(loc, f"'{dotted(loc)}' should be {what}, as in {src_name}",
                      "quote it if it looks like a number or a date" if what == "text" else "")
