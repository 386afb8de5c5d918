"""JSON Schemas from the pydantic models, for editors: the models stay the single source of
truth, and every schema made from them is closed (no unknown key passes, as in the models).

``blocks.schema_json`` composes a project's schemas from these; the copies under
docs/schema/ are the default project's: ``inbrief schema --out docs/schema``. A schema helps
an editor complete keys and flag mistakes while typing; ``inbrief check`` remains the
authority (it also checks placeholders and the references between files).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://inbrief.invalid/schema/"
"""Stable identifiers only: ``.invalid`` never resolves, nothing is fetched."""


@dataclass(frozen=True)
class Document:
    name: str
    model: type[BaseModel]
    title: str
    description: str
    glob: str
    """Files it applies to, relative to the project, as an editor's file pattern."""
    partial: bool = False
    """Overlays (translations, audience texts) may leave out any key: nothing is required."""


def schema_id(name: str) -> str:
    return f"{BASE_ID}{name}.schema.json"


def document_schema(doc: Document) -> dict:
    """The JSON Schema of one document, from its model."""
    generated = close_maps(doc.model.model_json_schema())
    if doc.partial:
        generated = _optional(generated)
    generated.pop("title", None)
    generated.pop("description", None)
    schema = {"$schema": DIALECT, "$id": schema_id(doc.name), "title": doc.title,
              "description": doc.description, **generated}
    open_objects = _open_objects(schema)
    if open_objects:  # the models forbid unknown keys; so must the schema
        raise RuntimeError(f"{doc.name}: objects without additionalProperties: false: "
                           + ", ".join(open_objects))
    return schema


def close_maps(node: Any) -> Any:
    """Mappings keyed by ids (``key_figures``, ``layouts``...) come out as
    ``patternProperties``; without ``additionalProperties: false`` a key that breaks
    the id pattern would pass the schema, while the models reject it."""
    if isinstance(node, dict):
        node = {key: close_maps(value) for key, value in node.items()}
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
    elif isinstance(node, list):
        node = [close_maps(value) for value in node]
    return node


def _optional(node: Any) -> Any:
    """An overlay falls back to the source for whatever it leaves out, so neither a key nor
    a list item is required; what it does say keeps every other rule (no unknown keys)."""
    if isinstance(node, list):
        return [_optional(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("required", "minItems", "minProperties"):
            continue
        if key in ("properties", "patternProperties", "$defs"):  # names, not keywords
            out[key] = {name: _optional(sub) for name, sub in value.items()}
        elif key in ("default", "const", "enum", "examples"):  # values, not schemas
            out[key] = value
        else:
            out[key] = _optional(value)
    return out


def _open_objects(node: Any, where: str = "#") -> list[str]:
    """Paths of object schemas with named keys that would still accept unknown keys."""
    found: list[str] = []
    if isinstance(node, dict):
        named = "properties" in node or "patternProperties" in node
        if named and node.get("additionalProperties") is not False:
            found.append(where)
        for key, value in node.items():
            found += _open_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _open_objects(value, f"{where}/{i}")
    return found


def dumps(schema: dict) -> str:
    """The exact text of a schema file: stable, so regenerating changes nothing."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
