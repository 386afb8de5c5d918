"""Every translatable text of a sections project's file, by key path: what translations,
reports, exports and staleness count.

A block's texts are the fields its kind marks as text, at the paths the file writes (list
items by index, map items by id); the reserved keys' texts are their string leaves. An
audience's file holds rewordings of the language file's keys and sections of its own, so its
texts are read against the language file it is laid over.
"""

from __future__ import annotations

import copy
from typing import Any

from ..content import RESERVED
from .compile import text_paths
from .paths import get, merge
from .registry import Registry


def text_leaves(data: Any, registry: Registry, base: Any = None) -> dict[tuple, str]:
    """(path → text) of ``data``; with ``base``, only the paths ``data`` itself writes."""
    merged = data
    if base is not None:
        merged = copy.deepcopy(base)
        merge(merged, data if isinstance(data, dict) else {})
    if not isinstance(merged, dict):
        return {}
    out: dict[tuple, str] = {}
    for top, value in merged.items():
        if top in RESERVED:
            _strings(value, (top,), out)
        elif isinstance(value, dict):
            if isinstance(value.get("heading"), str):
                out[(top, "heading")] = value["heading"]
            for bid, block in value.items():
                if not isinstance(block, dict) or block.get("type") not in registry.kinds:
                    continue
                raw = {k: v for k, v in block.items() if k != "type"}
                for path in text_paths(registry.kinds[block["type"]], raw):
                    text = get(raw, path)
                    if isinstance(text, str):
                        out[(top, bid, *path)] = text
    if base is not None:
        out = {p: t for p, t in out.items() if get(data, p) is not None}
    return out


def _strings(value: Any, path: tuple, out: dict) -> None:
    if isinstance(value, str):
        out[path] = value
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings(v, path + (k,), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _strings(v, path + (i,), out)
