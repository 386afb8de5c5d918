"""The JSON Schema of a project's source text file, composed from the kinds it can use.

Editors complete a block's fields once they know its ``type``; the schema therefore
depends on the project (its own kinds and overrides), and is made from the registry rather
than shipped. ``inbrief check`` stays the authority: facts references, translations and
files on disk are beyond a schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from ..content.base import Text
from ..errors import ContentError
from .registry import Registry, load_registry
from .reserved import Document, Organization, kind_labels, label_names

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



TEXT = "text"
"""The name of a project's source text schema: ``inbrief schema text``."""


@dataclass(frozen=True)
class ProjectSchema:
    name: str
    glob: str
    """The files it applies to, from the project's folder (an editor's file pattern)."""
    summary: str
    schema: dict


def project_schemas(root: Path, source: str) -> list[ProjectSchema]:
    """The schemas of a project of sections' files: its configuration, facts and audiences,
    and its source text composed from the kinds it can use (the built-in ones, its own)."""
    from ..config.model import Config
    from ..content import schema as content_schema
    from .audience import AudienceSpec
    from .facts import Facts

    registry, problems = load_registry(root)
    if problems:
        raise ContentError(problems)
    docs = [content_schema.Document("inbrief", Config, "inbrief.yaml", "Project configuration: "
                                    "name, languages, layouts and their slots, audiences, fonts "
                                    "and output.", "inbrief.yaml"),
            content_schema.Document("facts", Facts, "data/facts.yaml", "Language-neutral facts "
                                    "of a project of sections: figures, events, sources, "
                                    "contact.", "data/facts.yaml"),
            content_schema.Document("audience", AudienceSpec, "data/audiences/<name>.yaml",
                                    "What one audience sees: which sections, in which order, and "
                                    "its own slots.", "data/audiences/*.yaml")]
    out = [ProjectSchema(d.name, d.glob, d.description.split(": ")[0].split(". ")[0],
                         content_schema.model_schema(d)) for d in docs]
    own = sorted(k.name for k in registry.kinds.values() if not k.builtin)
    summary = (f"The source text: sections of blocks of {len(registry.kinds)} kinds"
               + (f", this project's own: {', '.join(own)}" if own else ""))
    text = {"$id": content_schema.schema_id(TEXT),
            **source_schema(registry, f"data/text/{source}.yaml")}
    text = {"$schema": text.pop("$schema"), **text}
    return out + [ProjectSchema(TEXT, f"data/text/{source}.yaml", summary, text)]


def kinds_line(root: Path) -> str:
    """The kinds a project's blocks may name, its own marked with their folder."""
    registry, _problems = load_registry(root)
    return "block kinds: " + ", ".join(
        k.name if k.builtin else f"{k.name} ({k.schema_path.parent.relative_to(root).as_posix()})"
        for k in sorted(registry.kinds.values(), key=lambda k: k.name))
