"""Translations as overlays on the source-language text, key by key.

A translation file has the shape of the source file but may lack any text: the
source text is used in its place and the key is reported as a fallback. Keys
are dotted paths ("strategic_focus.points.8.footnote"), the unit a translator,
a PO file and a staleness fingerprint all share.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..content.validate import did_you_mean
from ..content.yamlsrc import Source, dotted  # noqa: F401 - dotted is part of this API
from ..blocks.paths import get as get_key, put as set_key  # noqa: F401 - part of this API
from ..errors import Problem

Key = tuple


def leaves(data: Any, prefix: Key = ()) -> dict[Key, str]:
    """Every translatable string by key path, in document order."""
    out: dict[Key, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(leaves(v, prefix + (k,)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.update(leaves(v, prefix + (i,)))
    elif isinstance(data, str):
        out[prefix] = data
    return out


@dataclass
class Overlay:
    data: Any
    """Source data with every translated text put in place."""
    translated: list[Key] = field(default_factory=list)
    fallbacks: list[Key] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def overlay(source: Source, translation: Source | None) -> Overlay:
    """Put the translation's texts over the source's; unknown keys are problems."""
    merged = copy.deepcopy(source.data)
    result = Overlay(data=merged)
    src_leaves = leaves(source.data)
    tr_data = translation.data if translation else {}
    if translation is not None and not isinstance(tr_data, dict):
        result.problems.append(translation.problem((), "a translation file must be a mapping of "
                                                   "the source file's keys"))
        tr_data = {}
    _walk(source.data, tr_data, (), translation, result)
    for key in src_leaves:
        value = get_key(tr_data, key)
        if isinstance(value, str):
            set_key(merged, key, value)
            result.translated.append(key)
        else:
            result.fallbacks.append(key)
    return result


def _walk(src: Any, tr: Any, key: Key, tsrc: Source | None, result: Overlay) -> None:
    """Report translation keys the source does not have, and shape mismatches."""
    if tsrc is None or tr is None:
        return
    if isinstance(src, dict):
        if not isinstance(tr, dict):
            result.problems.append(tsrc.problem(key, f"'{dotted(key)}' should be a mapping, as "
                                                "in the source language file"))
            return
        for k, v in tr.items():
            if k not in src:
                hint = (did_you_mean(str(k), [str(s) for s in src])
                        or "the source language file has no such key: remove it")
                result.problems.append(tsrc.problem(key + (k,), f"unknown key '{k}'", hint, key=True))
            else:
                _walk(src[k], v, key + (k,), tsrc, result)
    elif isinstance(src, list):
        if not isinstance(tr, list):
            result.problems.append(tsrc.problem(key, f"'{dotted(key)}' should be a list, as in "
                                                "the source language file"))
            return
        if len(tr) != len(src):
            result.problems.append(tsrc.problem(
                key, f"'{dotted(key)}' has {len(tr)} items, the source language has {len(src)}",
                "translate item by item, keeping the same number of items"))
            return
        for i, (s, t) in enumerate(zip(src, tr)):
            _walk(s, t, key + (i,), tsrc, result)
    elif isinstance(src, str):
        if not isinstance(tr, str):
            result.problems.append(tsrc.problem(key, f"'{dotted(key)}' should be text",
                                                "quote it if it looks like a number or a date"))
