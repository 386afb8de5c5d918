"""The schema of ``data/glossary.yaml``: terms whose translation is fixed (i18n.glossary).

Built for the project's languages, so a language the project does not have is an error, not
a silently ignored key; ``inbrief schema glossary`` makes the editors' schema from it too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic import create_model

from .base import Strict, Text

LANG_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
"""What a key naming a language looks like (config.model.LangCode)."""
OWN_KEYS = ("source", "note")
MAX_FORM = 300
MAX_FORMS = 50


def _as_list(value: Any) -> Any:
    if value is None:
        raise ValueError("no forms: write one or more, or remove the key")
    return [value] if isinstance(value, str) else value


def _check_form(form: str) -> str:
    if not form.replace("*", "").strip():
        raise ValueError("a form needs words, not only '*'")
    if any(set(word) == {"*"} for word in form.split()):
        raise ValueError("'*' stands for the rest of a word and must touch one")
    return form


_FORM_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_FORM}
Form = Annotated[str, StringConstraints(min_length=1, max_length=MAX_FORM),
                 AfterValidator(_check_form)]
Forms = Annotated[list[Form], BeforeValidator(_as_list),
                  Field(min_length=1, max_length=MAX_FORMS),
                  WithJsonSchema({"anyOf": [_FORM_SCHEMA, {
                      "type": "array", "items": _FORM_SCHEMA, "minItems": 1,
                      "maxItems": MAX_FORMS}]})]
"""Accepted forms: a list, or one string (a list of one); never empty. ``*`` stands for the
rest of a word."""


def _no_default(schema: dict) -> None:
    schema.pop("default", None)  # a language left out is unchecked; null itself is refused


@lru_cache(maxsize=16)
def model(languages: tuple[str, ...]):
    """The schema of the file for a project translated into ``languages``."""
    fields: dict[str, Any] = {
        "source": (Forms, Field(description="The term in the source language: any of these "
                                "forms in a source text calls for the translation's forms.")),
        "note": (Text | None, Field(None, description="For translators: where the term "
                                    "comes from, what it means.")),
    }
    fields.update({lang: (Forms, Field(None, json_schema_extra=_no_default,
                                       description=f"Accepted forms in '{lang}': a "
                                       "translation must contain one of them."))
                   for lang in languages})  # a default is not validated: null is refused
    term = create_model("GlossaryTerm", __base__=Strict, **fields)
    return create_model("Glossary", __base__=Strict, terms=(list[term], ...))
