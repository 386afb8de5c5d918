"""``inbrief explain KEY``: where a text's final value comes from, layer by layer.

Layers, later ones winning: the source-language file, the language's file
(or a fallback to the source), the audience's source-language file, the
audience's file in the language.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..content import audience as aud
from ..content.loader import FACTS_FILE, text_path
from ..content.yamlsrc import load
from ..errors import UserError, display_path
from .catalog import dotted, leaves


@dataclass
class Layer:
    kind: str
    path: Path
    line: int | None
    col: int | None
    value: object

    def where(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.col}"


def explain(data_dir: Path, key: str, lang: str, source_lang: str, audience: str) -> list[Layer]:
    if key.startswith("facts."):
        return _facts(data_dir, key[len("facts."):])
    files = [("base", text_path(data_dir, source_lang))]
    if lang != source_lang:
        files.append((f"language {lang}", text_path(data_dir, lang)))
    files.append((f"audience {audience}", aud.text_path(data_dir, audience, source_lang)))
    if lang != source_lang:
        files.append((f"audience {audience}, language {lang}",
                      aud.text_path(data_dir, audience, lang)))
    layers, known = [], set()
    for kind, path in files:
        if not path.exists():
            continue
        src, problems = load(path)
        if problems or src is None:
            continue
        table = {dotted(k): (k, v) for k, v in leaves(src.data).items()}
        known |= set(table)
        if key in table:
            loc, value = table[key]
            layers.append(Layer(kind, path, *src.position(loc), value))
    if not layers:
        close = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(close)}?" if close else \
            "keys are dotted paths such as mission.statement or facts.key_figures.offices"
        raise UserError(f"{display_path(text_path(data_dir, source_lang))}: no text '{key}' — {hint}")
    return layers


def _facts(data_dir: Path, key: str) -> list[Layer]:
    path = data_dir / FACTS_FILE
    src, problems = load(path)
    if problems or src is None:
        raise UserError(f"{display_path(path)}: cannot be read — run `inbrief check`")
    node, loc = src.data, []
    for part in key.split("."):
        part_key = int(part) if part.isdigit() and isinstance(node, list) else part
        try:
            node = node[part_key]
        except (KeyError, IndexError, TypeError):
            raise UserError(f"{display_path(path)}: no fact '{key}' — "
                            f"check the path against data/facts.yaml") from None
        loc.append(part_key)
    return [Layer("facts", path, *src.position(tuple(loc)), node)]
