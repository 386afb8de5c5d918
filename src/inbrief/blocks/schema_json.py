"""The JSON Schema of a project's source text file, composed from the kinds it can use.

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
from .reserved import Document, Organization, builtin_labels

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
                       "properties": {k: text for k in builtin_labels()["en"]}},
            "figures": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                        "additionalProperties": text,
                        "description": "The label of each key figure of facts.yaml, by id."},
        },
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"$ref": "#/$defs/section"},
        "$defs": defs,
    }

