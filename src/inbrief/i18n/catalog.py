"""Texts by key path: the unit a translator, a PO file and a staleness fingerprint share.

Keys are dotted paths ("focus.points.items.8.footnote"); ``blocks.texts`` says which of a
file's strings are texts (those its kinds mark as text), these helpers walk and address them.
"""

from __future__ import annotations

from typing import Any

from ..blocks.paths import get as get_key, put as set_key  # noqa: F401 - part of this API
from ..content.yamlsrc import dotted  # noqa: F401 - dotted is part of this API

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
