"""The JSON Schemas of a project of sections: its source text file's, composed from the kinds
it can use, and those of its other files (``project_schemas``).

Editors complete a block's fields once they know its ``type``; the schema therefore
depends on the project (its own kinds and overrides), and is made from the registry rather
than shipped. ``inbrief check`` stays the authority: facts references, translations and
files on disk are beyond a schema.
"""

from __future__ import annotations

from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from ..content.base import Text
from .registry import Registry
from .reserved import Document, Organization, kind_labels, label_names
from .sections import SECTION_KEYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = "^[a-z][a-z0-9_-]*$"
_RESERVED_MODELS = {"document": Document, "organization": Organization}


def source_schema(registry: Registry, title: str = "data/text/<source>.yaml") -> dict:
    """Draft 2020-12: reserved keys, then sections of blocks with ``type`` picking the kind."""
    kinds = [registry.kinds[name] for name in sorted(registry.kinds)]
    models = [(k.model, "validation") for k in kinds] + [
        (m, "validation") for m in _RESERVED_MODELS.values()]
    refs, top = models_json_schema(models, ref_template="#/$defs/{model}")
    defs = top.get("$defs", {})
    variants = []
    for kind in kinds:
        ref = refs[(kind.model, "validation")]["$ref"]
        name = ref.rsplit("/", 1)[1]
        block = dict(defs[name])
        block["properties"] = {"type": {"const": kind.name}, **block.get("properties", {})}
        block["required"] = ["type", *block.get("required", [])]
        defs[name] = block
        variants.append({"if": {"properties": {"type": {"const": kind.name}}},
                         "then": {"$ref": ref}})
    text = TypeAdapter(Text).json_schema()
    defs["block"] = {
        "type": "object", "required": ["type"],
        "properties": {"type": {"enum": [k.name for k in kinds],
                                "description": "The block's kind: " + "; ".join(
                                    f"{k.name}: {k.schema.description}" for k in kinds)}},
        "allOf": variants,
    }
    defs["section"] = {
        "type": "object",
        "properties": {"heading": text,
                       "beside": {"type": "string", "pattern": ID_PATTERN,
                                  "description": "A section to share a two-column row with."}},
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"$ref": "#/$defs/block"},
    }
    return {
        "$schema": DIALECT, "title": title,
        "description": "The source language's text: sections of typed blocks, in reading order.",
        "type": "object",
        "properties": {
            **{key: refs[(m, "validation")] for key, m in _RESERVED_MODELS.items()},
            "labels": {"type": "object", "additionalProperties": False,
                       "description": "The layouts' and kinds' own words, changed for this "
                                      "project (they ship in every language).",
                       "properties": {k: text for k in label_names(kind_labels(registry)[0])}},
            "figures": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                        "additionalProperties": text,
                        "description": "The label of each key figure of facts.yaml, by id."},
        },
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"$ref": "#/$defs/section"},
        "$defs": defs,
    }


# --- Every file of a project of sections --------------------------------------------------------

_DOCS = {  # name: (title, description, file pattern)
    "inbrief": ("inbrief.yaml", "Project configuration: name, languages, layouts and their "
                "slots, audiences, fonts and output.", "inbrief.yaml"),
    "facts": ("data/facts.yaml",
              "Language-neutral facts: edition, contact details, sources, key figures and "
              "named lists of dated events.", "data/facts.yaml"),
    "text": ("data/text/{source}.yaml",
             "The source language's text: sections of typed blocks, in reading order.",
             "data/text/{source}.yaml"),
    "translation": ("data/text/<lang>.yaml (a translation)",
                    "A translation of the source language's text: its texts at the source "
                    "file's keys, any of which may be left out (the source text is used in "
                    "its place). Made from the source file's sections and blocks: write it "
                    "again (inbrief schema --out) after adding one there.",
                    "data/text/*.yaml"),
    "audience": ("data/audiences/<name>.yaml",
                 "What one audience sees: which sections, in which order, and the slots it "
                 "changes per layout.", "data/audiences/*.yaml"),
    "audience-texts": ("data/text/audiences/<name>/<lang>.yaml",
                       "An audience's own words, overlaid key by key on the language's text: "
                       "rewordings of its keys, and sections of its own.",
                       "data/text/audiences/*/*.yaml"),
    "glossary": ("data/glossary.yaml",
                 "Terms whose translation is fixed: each term's forms in the source language "
                 "and the forms a translation must use, per language (inbrief translations "
                 "checks them).", "data/glossary.yaml"),
}


def project_documents(source: str = "en") -> list[tuple[str, str, str]]:
    """(name, file pattern, description) of each schema of a project of sections, in order.

    The source text matches two patterns, and an editor applies
    both: the translation schema accepts the source's types and data too (a translation may
    not hold them: ``inbrief check`` says so)."""
    return [(name, glob.format(source=source), description)
            for name, (_title, description, glob) in _DOCS.items()]


def project_schemas(root, source: str = "en") -> dict[str, dict]:
    """The JSON Schema of every kind of file of the project of sections at ``root``, by name.

    The kinds (built-in, the project's own and overrides) type the blocks; the source file's
    sections and blocks, and those the audiences add, say which kind each key of a file laid
    over it holds."""
    from pathlib import Path

    from ..config.model import Config
    from ..content.glossary import model as glossary_model
    from ..content.schema import Document as Doc, close_maps, document_schema, schema_id
    from ..errors import ContentError
    from .audience import AudienceSpec
    from .facts import Facts
    from .registry import load_registry

    root = Path(root)
    registry, problems = load_registry(root)
    if problems:
        raise ContentError(problems)
    text = root / "data" / "text"
    source_data = _yaml(text / f"{source}.yaml")
    own = [_yaml(p) for p in sorted((text / "audiences").glob(f"*/{source}.yaml"))]
    config = _yaml(root / "inbrief.yaml")
    languages = config.get("languages") if isinstance(config, dict) else None
    targets = tuple(lang for lang in languages if isinstance(lang, str) and lang != source) \
        if isinstance(languages, list) else ()
    models = {"inbrief": Config, "facts": Facts, "audience": AudienceSpec,
              "glossary": glossary_model(targets)}
    out = {}
    for name, (title, description, glob) in _DOCS.items():
        title = title.format(source=source)
        if name in models:
            out[name] = document_schema(Doc(name, models[name], title, description, glob))
            continue
        if name == "text":
            schema = source_schema(registry, title)
        else:
            files = [source_data] + (own if name == "audience-texts" else [])
            schema = overlay_schema(registry, _sections_of(files), title,
                                    open_=name == "audience-texts")
        out[name] = close_maps({"$schema": DIALECT, "$id": schema_id(name), "title": title,
                                "description": description,
                                **{k: v for k, v in schema.items()
                                   if k not in ("$schema", "title", "description")}})
    return out


def _yaml(path) -> object:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None


def _sections_of(files: list) -> dict[str, dict[str, set[str]]]:
    """Section id → block id → the kinds the files give it (``type:``), in reading order."""
    from ..content import RESERVED

    found: dict[str, dict[str, set[str]]] = {}
    for data in files:
        if not isinstance(data, dict):
            continue
        for sid, section in data.items():
            if sid in RESERVED or not isinstance(sid, str) or not isinstance(section, dict):
                continue
            blocks = found.setdefault(sid, {})
            for bid, block in section.items():
                if bid in SECTION_KEYS or not isinstance(bid, str):
                    continue
                if isinstance(block, dict) and isinstance(block.get("type"), str):
                    blocks.setdefault(bid, set()).add(block["type"])
    return found


def overlay_schema(registry: Registry, sections: dict[str, dict[str, set[str]]], title: str,
                   open_: bool) -> dict:
    """A file laid over the source text, key by key (a translation, an audience's words):
    nothing required, and each known block checked by its kind, found in ``sections``.
    ``open_``: sections and blocks of its own may be added, typed (an audience's)."""
    from ..content.schema import _optional

    full = source_schema(registry, title)
    defs = {name: _optional(d) for name, d in full["$defs"].items()}
    defs["block"], defs["section"] = full["$defs"]["block"], full["$defs"]["section"]
    refs = {v["if"]["properties"]["type"]["const"]: v["then"]
            for v in full["$defs"]["block"]["allOf"]}
    head = full["$defs"]["section"]["properties"]
    more = {"$ref": "#/$defs/block"} if open_ else False
    properties = _optional(full["properties"])
    for sid, blocks in sections.items():
        known = {}
        for bid, kinds in blocks.items():
            typed = [refs[k] for k in sorted(kinds) if k in refs]
            if typed:
                known[bid] = typed[0] if len(typed) == 1 else {"anyOf": typed}
        properties[sid] = {"type": "object", "properties": {**head, **known},
                           "additionalProperties": more}
    return {**{k: v for k, v in full.items() if k not in ("properties", "additionalProperties",
                                                         "$defs")},
            "properties": properties,
            "additionalProperties": {"$ref": "#/$defs/section"} if open_ else False,
            "$defs": defs}


def kinds_line(root) -> str:
    """The kinds a project's blocks may name, its own marked with their folder."""
    from .registry import load_registry

    registry, _problems = load_registry(root)
    return "block kinds: " + ", ".join(
        k.name if k.builtin else f"{k.name} ({k.schema_path.parent.relative_to(root).as_posix()})"
        for k in sorted(registry.kinds.values(), key=lambda k: k.name))
