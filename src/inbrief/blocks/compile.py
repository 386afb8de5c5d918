"""Compile a kind's schema into a strict pydantic model, and find a block's values by field type.

The model makes a block's mistakes located and did-you-mean'd exactly like every other
content file's (``content.validate`` takes any model). The walkers answer, once for every
caller, "which values of this block are text" (translations, PO export) and "which are
images, figures, Markdown" (the loader's checks that need the project: hooks below).
"""

from __future__ import annotations

import copy
from pathlib import PurePosixPath
from typing import Annotated, Any, Iterator, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field as Constraint,
                      StringConstraints, TypeAdapter, ValidationError, create_model)

from ..content.base import MAX_TEXT, Ident, PartialDate, Strict, Text, Year
from ..content.yamlsrc import Loc, dotted
from ..errors import Problem
from .dialect import RECORD, TEXT_TYPES, Field, Schema
from .options import NO_DEFAULT

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")

RichText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
"""Checked like Text here; its Markdown is checked where the renderer lives: the loader runs
``render.rich`` over ``values_of(kind, data, {"rich text"})`` (blocks may not import render)."""

Url = Annotated[str, StringConstraints(pattern=r"^(https?://|mailto:)\S+$", max_length=2000)]


def _image(value: str) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if value.startswith(("/", "\\")) or ":" in value or ".." in path.parts:
        raise ValueError("expected a path inside the project, relative to it, without '..'")
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ValueError("expected an SVG, PNG or JPEG file (.svg, .png, .jpg, .jpeg)")
    return value


Image = Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_image)]
"""The file's existence needs the project: the loader checks ``values_of(kind, data, {"image"})``."""


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true or false")
    return value


Number = Annotated[float, BeforeValidator(_number), Constraint(allow_inf_nan=False),
                   AfterValidator(lambda v: int(v) if v.is_integer() else v)]

SCALARS: dict[str, Any] = {
    "text": Text, "rich text": RichText, "number": Number, "year": Year, "date": PartialDate,
    "url": Url, "image": Image, "bool": bool,
    "figure": Ident, "event list": Ident,
    # figure: an id under facts.key_figures; event list: a list name under facts. Both are
    # references the loader resolves (values_of(kind, data, {"figure"})): facts are not here.
}


class KindModel(Strict):
    """The base of a kind's model. Made at run time, it has no source for pydantic to read
    attribute docstrings from; looking for them tokenizes the calling modules, 10-25 ms a kind
    at every start (the dialect's own descriptions document the fields)."""

    model_config = ConfigDict(use_attribute_docstrings=False)


def compile_schema(name: str, schema: Schema) -> tuple[type[BaseModel] | None, list[Problem]]:
    """The strict model of kind ``name``; problems are defaults that do not fit their field."""
    problems: list[Problem] = []
    model = _record("Block_" + name.replace("-", "_"), schema.fields, schema, problems,
                    doc=schema.description)
    return (None if problems else model), problems


def _record(model_name: str, fields: dict[str, Field], schema: Schema, problems: list[Problem],
            doc: str | None = None) -> type[BaseModel]:
    spec = {}
    for fname, f in fields.items():
        ann = _annotation(f, f"{model_name}__{fname}", schema, problems)
        spec[fname] = _with_default(f, ann, schema, problems)
    return create_model(model_name, __base__=KindModel, __module__=__name__, __doc__=doc, **spec)


def _annotation(f: Field, model_name: str, schema: Schema, problems: list[Problem]) -> Any:
    if f.type == RECORD:
        model = _record(model_name, f.fields, schema, problems)
        short = f.shorthand
        if short is None:
            return model
        scalar = _annotation(f.fields[short], model_name, schema, problems)
        return Annotated[model, BeforeValidator(
            lambda v: {short: v} if v is not None and not isinstance(v, (dict, list)) else v),
            _Shorthand(TypeAdapter(scalar).json_schema())]
    if f.type in ("list", "map"):
        item = _annotation(f.of, model_name, schema, problems)
        container = list[item] if f.type == "list" else dict[Ident, item]
        return Annotated[container, Constraint(min_length=f.min, max_length=f.max)]
    if f.type == "choice":
        return Literal[f.values]
    if f.max_length is not None:
        return Annotated[str, StringConstraints(min_length=1, max_length=f.max_length)]
    return SCALARS[f.type]


def _with_default(f: Field, ann: Any, schema: Schema, problems: list[Problem]) -> tuple:
    if f.required:
        return (ann, ...)
    if f.default is not NO_DEFAULT:
        try:
            value = TypeAdapter(ann).validate_python(f.default)
        except ValidationError as exc:
            why = exc.errors()[0]["msg"]
            problems.append(schema.source.problem(
                f.loc + ("default",), f"'{dotted(f.loc)}': the default does not fit the field: "
                + why[0].lower() + why[1:], "correct the default, or remove it"))
            return (ann, None)
        return (ann, Constraint(default_factory=lambda: copy.deepcopy(value)))
    if f.type in ("list", "map"):
        return (ann, Constraint(default_factory=list if f.type == "list" else dict))
    return (ann | None, None)


class _Shorthand:
    """JSON Schema only: the record may be written as its one required value, as validated."""

    def __init__(self, scalar: dict):
        self.scalar = scalar

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return {"anyOf": [self.scalar, handler(core_schema)]}


def values_of(kind: Any, data: Any, types) -> Iterator[tuple[Loc, Any]]:
    """(key path inside the block, value) of every value whose field type is in ``types``.

    ``kind`` is a registry Kind or a Schema. ``data`` is the block as written (without
    ``type``) or its validated model. Key paths follow what the file says: list items by
    index, map items by id, and a record written as its shorthand value (``- Assist …``)
    by the item's own path, so they are the keys translators and PO files see. Pass the
    block as written for those; a model dump spells every shorthand out.
    """
    schema = getattr(kind, "schema", kind)
    if isinstance(data, BaseModel):
        data = data.model_dump()
    yield from _walk_fields(schema.fields, data, (), frozenset(types))


def text_paths(kind: Any, data: Any) -> Iterator[Loc]:
    """Key paths of every text and rich text value of a block: what may be translated."""
    return (loc for loc, _ in values_of(kind, data, TEXT_TYPES))


def _walk_fields(fields: dict[str, Field], data: Any, loc: Loc, types) -> Iterator:
    if isinstance(data, dict):
        for name, f in fields.items():
            if name in data:
                yield from _walk(f, data[name], loc + (name,), types)


def _walk(f: Field, value: Any, loc: Loc, types) -> Iterator:
    if value is None:
        return
    if f.type == RECORD:
        if isinstance(value, dict):
            yield from _walk_fields(f.fields, value, loc, types)
        elif f.shorthand:
            yield from _walk(f.fields[f.shorthand], value, loc, types)
    elif f.type == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(f.of, item, loc + (i,), types)
    elif f.type == "map" and isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(f.of, item, loc + (key,), types)
    elif f.type in types:
        yield loc, value


def field_at(kind: Any, loc: Loc) -> Field | None:
    """The field declaring the value at ``loc`` inside a block (list index, map id, name)."""
    fields = getattr(kind, "schema", kind).fields
    f: Field | None = None
    for part in loc:
        if f is not None and f.type in ("list", "map"):
            ok = isinstance(part, int) if f.type == "list" else isinstance(part, str)
            f = f.of if ok else None
        else:
            if f is not None:
                fields = f.fields if f.type == RECORD else {}
            f = fields.get(part) if isinstance(part, str) else None
        if f is None:
            return None
    return f
