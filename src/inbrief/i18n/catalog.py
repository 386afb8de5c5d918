"""Texts by key path: the unit a translator, a PO file and a staleness fingerprint share.

Keys are dotted paths ("focus.points.items.8.footnote"); ``blocks.texts`` says which of a
file's strings are texts (those its kinds mark as text), these helpers walk and address them.
"""

from __future__ import annotations

from ..blocks.paths import get as get_key, put as set_key  # noqa: F401 - part of this API
from ..content.yamlsrc import dotted, leaves  # noqa: F401 - part of this API

Key = tuple
