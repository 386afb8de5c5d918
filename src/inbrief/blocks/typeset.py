"""The language's typography laid on a loaded content's texts, once, before any template runs.

Here, and not in the HTML, because this is the one place that knows which values are text
(a kind's ``text`` and ``rich text`` fields, headings, the reserved words and labels) and in
which language each is (a text that fell back is typeset as the source language it is
written in): URLs, image paths, ids, numbers and facts never pass through it. Everything
shown is made from these texts — blocks, the PDF's title, subject and keywords, alt texts,
the running footer, bookmarks (headings) — so each gets the same characters.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from pydantic import BaseModel

from ..locale.typography import Rules, typeset
from .data import Fields
from .dialect import RECORD, TEXT_TYPES, Field

RulesOf = Callable[[tuple], Rules]
"""The rules for the text at a key path (the path as the text file writes it)."""


def typeset_block(fields: dict[str, Field], data: Fields, path: tuple, rules_of: RulesOf) -> Fields:
    """A block's plain data (``blocks.data.plain``) with its texts typeset, the rest as is."""
    return _record(fields, data, path, rules_of)


def _record(fields: dict[str, Field], data: Fields, path: tuple, rules_of: RulesOf) -> Fields:
    values = data._data
    return Fields({name: _value(fields[name], v, path + (name,), rules_of) if name in fields
                   else v for name, v in values.items()})


def _value(f: Field, value: Any, path: tuple, rules_of: RulesOf) -> Any:
    if value is None:
        return None
    if f.type == RECORD and isinstance(value, Fields):
        return _record(f.fields, value, path, rules_of)
    if f.type == "list" and isinstance(value, list):
        return [_value(f.of, v, path + (i,), rules_of) for i, v in enumerate(value)]
    if f.type == "map" and isinstance(value, dict):
        return {k: _value(f.of, v, path + (k,), rules_of) for k, v in value.items()}
    if f.type in TEXT_TYPES and isinstance(value, str):
        return typeset(value, rules_of(path))
    return value


def typeset_words(words, rules_of: RulesOf):
    """The reserved words (``ReservedText``): document, organization, labels, figures."""
    org = words.organization
    return dataclasses.replace(
        words, document=_model(words.document, ("document",), rules_of),
        organization=_model(org, ("organization",), rules_of) if org is not None else None,
        labels={k: typeset(v, rules_of(("labels", k))) for k, v in words.labels.items()},
        figures={k: typeset(v, rules_of(("figures", k))) for k, v in words.figures.items()})


def _model(model: BaseModel, path: tuple, rules_of: RulesOf) -> BaseModel:
    """Every string of a reserved model (``document``, ``organization`` and its address)."""
    update: dict[str, Any] = {}
    for name in type(model).model_fields:
        value, at = getattr(model, name), path + (name,)
        if isinstance(value, str):
            update[name] = typeset(value, rules_of(at))
        elif isinstance(value, list):
            update[name] = [typeset(v, rules_of(at + (i,))) if isinstance(v, str) else v
                            for i, v in enumerate(value)]
        elif isinstance(value, BaseModel):
            update[name] = _model(value, at, rules_of)
    return model.model_copy(update=update)
