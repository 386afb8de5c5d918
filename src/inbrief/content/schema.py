"""JSON Schemas of the configuration and content files, for editors.

The pydantic models stay the single source of truth: these schemas are
generated from them, and a test checks that the copies under docs/schema/
match. Regenerate them with::

    python -m inbrief.content.schema docs/schema

The schemas help an editor complete keys and flag mistakes while typing;
``inbrief check`` remains the authority (it also checks placeholders and the
references between files, which a schema cannot express).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..config.model import Config
from .audience import Audience
from .facts import Facts
from .texts import Texts

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


DOCUMENTS = (
    Document("inbrief", Config, "inbrief.yaml",
             "Project configuration: name, languages, layouts, audiences, fonts and output.",
             "inbrief.yaml"),
    Document("facts", Facts, "data/facts.yaml",
             "Language-neutral facts: edition, organization and contact details, sources, "
             "key figures and dated events.",
             "data/facts.yaml"),
    Document("texts", Texts, "data/text/<lang>.yaml",
             "Translatable text for one language: every sentence a translator touches. "
             "The source language's file must be complete.",
             "data/text/{source}.yaml"),
    Document("translation", Texts, "data/text/<lang>.yaml (a translation)",
             "A translation of the source language's text: any key may be left out, "
             "and the source text is used in its place.",
             "data/text/*.yaml", partial=True),
    Document("audience", Audience, "data/audiences/<name>.yaml",
             "What one audience sees: which sections, in which order, which key figures lead.",
             "data/audiences/*.yaml"),
    Document("audience-texts", Texts, "data/text/audiences/<name>/<lang>.yaml",
             "An audience's own words, overlaid key by key on the language's text: its "
             "call-out and any re-titled or reworded texts.",
             "data/text/audiences/*/*.yaml", partial=True),
)


def schema_id(name: str) -> str:
    return f"{BASE_ID}{name}.schema.json"


def schemas() -> dict[str, dict]:
    """JSON Schemas (draft 2020-12) by document name, in the order of DOCUMENTS."""
    return {doc.name: model_schema(doc) for doc in DOCUMENTS}


def model_schema(doc: Document) -> dict:
    """The JSON Schema of one document, made from its model."""
    generated = _close_maps(doc.model.model_json_schema())
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


def _close_maps(node: Any) -> Any:
    """Mappings keyed by ids (``key_figures``, ``layouts``...) come out as
    ``patternProperties``; without ``additionalProperties: false`` a key that breaks
    the id pattern would pass the schema, while the models reject it."""
    if isinstance(node, dict):
        node = {key: _close_maps(value) for key, value in node.items()}
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
    elif isinstance(node, list):
        node = [_close_maps(value) for value in node]
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


def globs(source_language: str = "en") -> dict[str, str]:
    """Document name → the files it applies to, for an editor's ``yaml.schemas`` setting.

    Files matching two globs (the source text matches "texts" and "translation") get both
    schemas, as the YAML extension combines them: the stricter one wins."""
    return {doc.name: doc.glob.format(source=source_language) for doc in DOCUMENTS}


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


def write_schemas(folder: Path, only: str | None = None) -> list[Path]:
    """Write ``<name>.schema.json`` for every document (or just ``only``) into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        if only is not None and name != only:
            continue
        path = folder / f"{name}.schema.json"
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m inbrief.content.schema FOLDER", file=sys.stderr)
        return 2
    for path in write_schemas(Path(argv[1])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
