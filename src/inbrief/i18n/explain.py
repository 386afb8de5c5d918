"""``inbrief explain KEY``: where a text's final value comes from, layer by layer.

A translation is laid over the source as a whole, the audience's files over each
(``blocks.load``): the source-language file, the audience's source-language file,
the language's file, the audience's file in the language, a translation winning wherever it
has the text. A label (``labels.<key>``) starts from the built-in words (the design's, then
each kind's ``labels.yaml``), English then the language's.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..content.files import FACTS_FILE, audience_text_path, text_path
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


def _file_layers(files: list[tuple[str, Path]], key: str, known: set[str],
                 empty_falls_back: str | None = None) -> list[Layer]:
    """``key`` in each text file that holds it, located; every key seen goes into ``known``
    (for did-you-mean). Files whose layer name ends with ``empty_falls_back`` give no layer
    for an empty value."""
    layers = []
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
            if (empty_falls_back and kind.endswith(empty_falls_back)
                    and not (isinstance(value, str) and value.strip())):
                continue
            layers.append(Layer(kind, path, *src.position(loc), value))
    return layers


def explain(root: Path, key: str, lang: str, source_lang: str, audience: str) -> list[Layer]:
    """The layers of ``key``, in the order they apply."""
    from ..blocks.registry import load_registry
    from ..blocks.reserved import BUILTIN_LABELS, FALLBACK

    data_dir = root / "data"
    if key.startswith("facts."):
        return _facts(data_dir, key[len("facts."):])
    layers: list[Layer] = []
    known: set[str] = set()
    base = lang.split("-")[0]
    if key.startswith("labels."):
        name = key[len("labels."):]
        registry, _problems = load_registry(root, audience)
        files = [("built-in labels", BUILTIN_LABELS)] + [
            (f"block kind '{k.name}' labels", k.labels)
            for k in sorted(registry.kinds.values(), key=lambda k: k.name) if k.labels]
        for what, path in files:
            src, problems = load(path)
            if src is None or not isinstance(src.data, dict):
                continue
            for code in dict.fromkeys((FALLBACK, base, lang)):
                words = src.data.get(code)
                if not isinstance(words, dict):
                    continue
                known |= {f"labels.{k}" for k in words}
                if isinstance(words.get(name), str):
                    layers.append(Layer(f"{what}, {code}", path,
                                        *src.position((code, name)), words[name]))
    files = [("base", text_path(data_dir, source_lang)),
             (f"audience {audience}", audience_text_path(data_dir, audience, source_lang))]
    if lang != source_lang:
        files += [(f"language {lang}", text_path(data_dir, lang)),
                  (f"audience {audience}, language {lang}", audience_text_path(data_dir, audience, lang))]
    # An empty translation falls back, as the build does: it is no layer.
    layers += _file_layers(files, key, known,
                           empty_falls_back=f"language {lang}" if lang != source_lang else None)
    if not layers:
        close = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(close)}?" if close else \
            "keys are dotted paths such as about.heading, labels.key_figures or facts.edition"
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
