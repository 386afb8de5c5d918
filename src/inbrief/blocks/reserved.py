"""The reserved top-level keys of a text file: the document's own words, not sections.

``document`` (title and metadata), ``organization`` (its name and short name, translated
like any text: an acronym differs by language), ``labels`` (the layouts' and kinds' words,
shipped in every language and changed per project) and ``figures`` (the label of each key
figure of facts.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import Field

from ..content.base import Ident, Strict, Text
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import Source
from ..errors import Problem

BUILTIN_LABELS = Path(__file__).resolve().parent.parent / "design" / "labels.yaml"
PLACEHOLDERS = {"as_of": ("{year}",), "edition": ("{year}",), "page_of": ("{page}", "{pages}"),
                "qr": ("{site}",), "trend": ("{label}",)}


class Document(Strict):
    title: Text
    subtitle: Text | None = None
    subject: Text
    """PDF metadata: one sentence saying what the document is."""
    author: Text
    keywords: list[Text] = Field(default_factory=list)


class Organization(Strict):
    name: Text
    short_name: Text | None = None


class _Reserved(Strict):
    document: Document
    organization: Organization | None = None
    labels: dict[Ident, Text] = Field(default_factory=dict)
    figures: dict[Ident, Text] = Field(default_factory=dict)
    """Label of each key figure, by its id in facts.yaml."""


@lru_cache(maxsize=1)
def builtin_labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load(BUILTIN_LABELS.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ReservedText:
    document: Document
    organization: Organization | None
    labels: dict[str, str]
    figures: dict[str, str]

    @classmethod
    def load(cls, src: Source, lang: str,
             kind_labels: dict[str, dict[str, str]] | None = None
             ) -> tuple[ReservedText | None, list[Problem]]:
        data = src.data if isinstance(src.data, dict) else {}
        view = Source(src.path, {k: data[k] for k in ("document", "organization", "labels",
                                                       "figures") if k in data},
                      src.values, src.keys, src.origin)
        words, problems = validate(_Reserved, view)
        if words is None:
            return None, problems
        builtin = builtin_labels()
        labels = {**builtin["en"], **builtin.get(lang.split("-")[0], {})}
        for words_of_kind in (kind_labels or {}).values():  # a kind's own words, by language
            labels.update({**words_of_kind.get("en", {}),
                           **words_of_kind.get(lang.split("-")[0], {})})
        for key, text in words.labels.items():
            if key not in labels:
                problems.append(src.problem(("labels", key), f"unknown label '{key}'",
                                            did_you_mean(key, labels) or
                                            "labels: " + ", ".join(labels), key=True))
            for ph in PLACEHOLDERS.get(key, ()):
                if ph not in text:
                    problems.append(src.problem(("labels", key), f"'labels.{key}' must "
                                                f"contain {ph}", "write it where the value "
                                                "belongs, as the built-in label does"))
        labels.update(words.labels)
        return cls(words.document, words.organization, labels, dict(words.figures)), problems


def reserved_text_paths(src: Source) -> list[tuple]:
    """Key paths of every reserved text the source file holds: what a translation may hold."""
    data = src.data if isinstance(src.data, dict) else {}
    out = []
    for top in ("document", "organization", "labels", "figures"):
        value = data.get(top)
        if not isinstance(value, dict):
            continue
        for key, text in value.items():
            if isinstance(text, str):
                out.append((top, key))
            elif isinstance(text, list):
                out += [(top, key, i) for i, t in enumerate(text) if isinstance(t, str)]
    return out
