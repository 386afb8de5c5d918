"""Read a kind's ``schema.yaml``: the small dialect in which every block kind declares its fields.

A kind's author is a project's designer, not a Python programmer: every slip in the file
is reported at once, at its line, in words of the dialect (never pydantic's), so the
dialect is parsed by hand here rather than validated by a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content.validate import did_you_mean
from ..content.yamlsrc import Loc, Source, dotted, load
from ..errors import Problem
from .options import NO_DEFAULT, check_options

TEXT_TYPES = frozenset({"text", "rich text"})
"""What a translator translates; everything else is written once, in the source file."""
SCALAR_TYPES = ("text", "rich text", "number", "year", "date", "url", "image", "figure",
                "event list", "choice", "bool")
TYPES = SCALAR_TYPES + ("list", "map")
RECORD = "record"
"""Internal type of a nested ``{fields: …}``; not a word of the dialect."""

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, eq=False)
class Field:
    type: str
    """One of TYPES, or RECORD for a nested ``{fields: …}``."""
    loc: Loc
    """Where the field is declared in schema.yaml: problems found later point there."""
    required: bool = True
    default: Any = NO_DEFAULT
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    values: tuple[str, ...] = ()
    of: Field | None = None
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def has_text(self) -> bool:
        """Whether a translation may hold anything at or under this field."""
        if self.type == RECORD:
            return any(f.has_text for f in self.fields.values())
        return self.type in TEXT_TYPES or bool(self.of and self.of.has_text)

    @property
    def shorthand(self) -> str | None:
        """A record with one required scalar field may be written as just that value:
        ``- Assist in meeting …`` for ``{text: …, footnote: …}`` items."""
        required = [n for n, f in self.fields.items() if f.required]
        if self.type == RECORD and len(required) == 1 and self.fields[required[0]].type in SCALAR_TYPES:
            return required[0]
        return None


@dataclass(frozen=True, eq=False)
class Schema:
    path: Path
    description: str
    fields: dict[str, Field]
    source: Source = field(repr=False)


def parse_schema(path: Path, root: Path | None = None) -> tuple[Schema | None, list[Problem]]:
    """The kind declared in ``path`` and every problem of the file.

    With problems, the schema (when the file could be read) holds the fields that are
    right, so compiling it still finds the defaults that do not fit: all at once.
    """
    src, problems = load(path, root)
    if src is None:
        return None, problems
    data = src.data
    if not isinstance(data, dict):
        return None, [src.problem((), "a kind's schema must be a mapping with 'description' "
                                      "and 'fields'",
                                  "write 'description: …' and 'fields: …' at the top level")]
    for key in data:
        if key not in ("description", "fields"):
            problems.append(src.problem((key,), f"unknown key '{key}'",
                                        did_you_mean(str(key), ["description", "fields"])
                                        or "a schema has only 'description' and 'fields'", key=True))
    description = data.get("description")
    if not isinstance(description, str) or not description.strip():
        problems.append(src.problem(("description",), "'description' should be one sentence of "
                                    "text", "say what the kind shows: editors display it"))
    if "fields" not in data:
        problems.append(src.problem((), "required key 'fields' is missing",
                                    "add 'fields:', a mapping of field names to types"))
    if "fields" in data and data["fields"] is None:
        problems.append(src.problem(("fields",), "'fields' is empty",
                                    "list the kind's fields, or write 'fields: {}' for a kind "
                                    "without any", key=True))
    fields = _fields(src, data.get("fields") or {}, ("fields",), problems)
    text = description.strip() if isinstance(description, str) else ""
    return Schema(path=path, description=text, fields=fields, source=src), problems


def _fields(src: Source, node: Any, loc: Loc, problems: list[Problem]) -> dict[str, Field]:
    if not isinstance(node, dict):
        problems.append(src.problem(loc, f"'{dotted(loc)}' should be a mapping of field names",
                                    "one 'name: {type: …}' line per field"))
        return {}
    out = {}
    for name, spec in node.items():
        if not isinstance(name, str) or not _NAME.match(name):
            problems.append(src.problem(loc + (name,), f"field name '{name}' is not allowed",
                                        "use lowercase letters, digits and '_', starting with a "
                                        "letter", key=True))
        elif name == "type" or name.startswith("model_") or hasattr(BaseModel, name):
            problems.append(src.problem(loc + (name,), f"field name '{name}' is reserved",
                                        "choose another name: 'type' names a block's kind, and "
                                        "the names of a model's methods cannot be fields",
                                        key=True))
        else:
            parsed = _field(src, spec, loc + (name,), problems)
            if parsed is not None:
                out[name] = parsed
    return out


def _field(src: Source, spec: Any, loc: Loc, problems: list[Problem]) -> Field | None:
    """A field is a type name, a mapping of ``type`` and options, or a nested ``{fields: …}``."""
    if isinstance(spec, str):
        spec = {"type": spec}
        shorthand = True
    elif isinstance(spec, dict):
        shorthand = False
    else:
        problems.append(src.problem(loc, f"'{dotted(loc)}' should be a type name or a mapping of "
                                         "options", "e.g. {type: text, required: false}"))
        return None
    before = len(problems)
    if "type" not in spec:
        if "fields" not in spec:
            problems.append(src.problem(loc, f"'{dotted(loc)}' has no type", "add 'type: <type>' ("
                                        + ", ".join(TYPES) + "), or 'fields:' for a nested record"))
            return None
        kind = RECORD
    else:
        kind = spec["type"]
        if kind not in TYPES:
            hint = did_you_mean(str(kind), TYPES)
            problems.append(src.problem(loc + (() if shorthand else ("type",)),
                                        f"unknown field type '{kind}'",
                                        (hint + " " if hint else "") + "known types: "
                                        + ", ".join(TYPES)))
            return None
        if "fields" in spec:
            where = "a list's or map's items go under 'of:': {type: " + kind + ", of: {fields: …}}"
            problems.append(src.problem(loc + ("fields",), f"'fields' cannot go with 'type: {kind}'",
                                        where if kind in ("list", "map") else
                                        "remove 'type' for a nested record, or 'fields' for a value",
                                        key=True))
    opts = check_options(src, spec, "a nested record" if kind == RECORD else kind, loc, problems)
    if kind in ("list", "map") and "of" not in spec:
        problems.append(src.problem(loc, f"'{dotted(loc)}' needs 'of:'",
                                    f"say what its items are, e.g. {{type: {kind}, of: text}}"))
    if kind == "choice" and "values" not in spec:
        problems.append(src.problem(loc, f"'{dotted(loc)}' needs 'values:'",
                                    "list the allowed values, e.g. values: [left, right]"))
    if kind == RECORD:
        opts["fields"] = _fields(src, spec["fields"], loc + ("fields",), problems)
    elif "of" in spec and kind in ("list", "map"):
        opts["of"] = _field(src, spec["of"], loc + ("of",), problems)
    if len(problems) > before:
        return None
    return Field(type=kind, loc=loc, **opts)
