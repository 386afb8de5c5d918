"""The reserved top-level keys of a text file: the document's own words, not sections.

``document`` (title and metadata), ``organization`` (its name and short name, translated
like any text: an acronym differs by language), ``labels`` (the layouts' and kinds' words,
shipped in every language and changed per project) and ``figures`` (the label of each key
figure of facts.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml
from pydantic import Field

from ..content.base import Ident, Strict, Text
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import Source, load as load_yaml
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


class Address(Strict):
    """The words of facts.yaml's address in the text's language ("Wien" for "Vienna"):
    what is given here replaces that field there; postcode, country and the rest stay facts."""
    street: Text | None = None
    city: Text | None = None


class Organization(Strict):
    name: Text
    short_name: Text | None = None
    """The acronym or short form the running footer prints before the title (once, if the
    title already holds it)."""
    address: Address | None = None


class _Reserved(Strict):
    document: Document
    organization: Organization | None = None
    labels: dict[Ident, Text] = Field(default_factory=dict)
    figures: dict[Ident, Text] = Field(default_factory=dict)
    """Label of each key figure, by its id in facts.yaml."""


@lru_cache(maxsize=1)
def builtin_labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load(BUILTIN_LABELS.read_text(encoding="utf-8"))


KindWords = dict[str, dict[str, dict[str, str]]]
"""Each kind's own words: kind → language → label → text."""
FALLBACK = "en"
"""The language whose words stand in for a language a kind's labels.yaml lacks."""
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def kind_labels(registry) -> tuple[KindWords, list[Problem]]:
    """Every kind's ``labels.yaml`` (``{en: {due: Due}, fr: …}``), and its problems, located."""
    out: KindWords = {}
    problems: list[Problem] = []
    for kind in sorted(registry.kinds.values(), key=lambda k: k.name):
        if kind.labels is not None:
            out[kind.name], more = _kind_words(kind.name, kind.labels)
            problems += more
    return out, problems


def _kind_words(name: str, path: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    src, problems = load_yaml(path)
    if src is None:
        return {}, problems
    if not isinstance(src.data, dict):
        return {}, [src.problem((), f"labels.yaml of block kind '{name}' should be a mapping of "
                                    "languages to words", "e.g. en: {due: Due}, then "
                                    "fr: {due: Échéance}")]
    english = src.data.get(FALLBACK)
    if FALLBACK not in src.data:
        problems.append(src.problem((), f"labels.yaml of block kind '{name}' has no '{FALLBACK}' "
                                        "words", "the English words stand in for every language "
                                        "that lacks its own: write en: {…} first"))
    out: dict[str, dict[str, str]] = {}
    for lang, words in src.data.items():
        if not isinstance(lang, str) or not _LANG.match(lang):
            problems.append(src.problem((lang,), f"'{lang}' is not a language code",
                                        "use the codes of inbrief.yaml's languages: en, fr, es…",
                                        key=True))
            continue
        if not isinstance(words, dict):
            problems.append(src.problem((lang,), f"'{lang}' should be a mapping of label names to "
                                                 "words", "e.g. en: {due: Due}", key=True))
            continue
        out[lang] = {}
        for key, text in words.items():
            loc = (lang, key)
            if not isinstance(key, str) or not _ID.match(key):
                problems.append(src.problem(loc, f"label name '{key}' is not an id",
                                            "use lowercase letters, digits, '_' and '-', "
                                            "starting with a letter", key=True))
            elif lang != FALLBACK and isinstance(english, dict) and key not in english:
                problems.append(src.problem(loc, f"unknown label '{key}'",
                                            did_you_mean(key, [str(k) for k in english])
                                            or "the en words name the kind's labels: add it "
                                            "there first", key=True))
            elif not isinstance(text, str) or not text.strip():
                problems.append(src.problem(loc, f"'{lang}.{key}' should be text",
                                            "write the words (quote them if they look like a "
                                            "number)"))
            else:
                out[lang][key] = text
    return out, problems


def missing_kind_words(registry, words: KindWords, lang: str, used: Iterable[str]) -> list[Problem]:
    """Warnings: a label of a kind in use that falls back to the English words in ``lang``."""
    base = lang.split("-")[0]
    if base == FALLBACK:
        return []
    found = []
    for name in sorted(set(used) & set(words)):
        own = words[name].get(lang, words[name].get(base, {}))
        src, _ = load_yaml(registry.kinds[name].labels)
        for key in words[name].get(FALLBACK, {}):
            if key not in own:
                found.append(src.problem(
                    (FALLBACK, key), f"{lang}: block kind '{name}' has no {lang} words for label "
                    f"'{key}', using the {FALLBACK} words", f"add '{key}' under '{lang}:' in its "
                    "labels.yaml", key=True))
    return found


def label_names(words: KindWords) -> list[str]:
    """Every label a text file may change: the built-in ones and each kind's own."""
    names = list(builtin_labels()[FALLBACK])
    for of_kind in words.values():
        names += [k for k in of_kind.get(FALLBACK, {}) if k not in names]
    return names


@dataclass(frozen=True)
class ReservedText:
    document: Document
    organization: Organization | None
    labels: dict[str, str]
    figures: dict[str, str]

    @classmethod
    def load(cls, src: Source, lang: str, kind_words: KindWords | None = None,
             figure_ids: Iterable[str] | None = None
             ) -> tuple[ReservedText | None, list[Problem]]:
        """The reserved words of ``src`` in ``lang``, over the built-in and the kinds' labels.

        An unknown label, or the label of a key figure that ``figure_ids`` (facts.yaml's)
        does not have, is an error whatever its value (``foo:`` included)."""
        data = src.data if isinstance(src.data, dict) else {}
        builtin = builtin_labels()
        base = lang.split("-")[0]
        labels = {**builtin[FALLBACK], **builtin.get(base, {})}
        for of_kind in (kind_words or {}).values():  # a kind's own words, by language
            labels.update({**of_kind.get(FALLBACK, {}), **of_kind.get(lang, of_kind.get(base, {}))})
        problems: list[Problem] = []
        view = {k: data[k] for k in ("document", "organization", "labels", "figures") if k in data}
        checks = [("labels", labels, lambda key: (
                      f"unknown label '{key}'",
                      did_you_mean(key, labels) or "labels: " + ", ".join(labels)))]
        if figure_ids is not None:
            figures = list(figure_ids)
            checks.append(("figures", figures, lambda key: (
                f"'figures.{key}': no key figure '{key}' in facts.yaml",
                did_you_mean(key, figures) or "label only the figures under key_figures in "
                "data/facts.yaml")))
        for top, known, unknown in checks:
            if isinstance(view.get(top), dict):
                for key in view[top]:
                    if key not in known:
                        message, hint = unknown(str(key))
                        problems.append(src.problem((top, key), message, hint, key=True))
                view[top] = {k: v for k, v in view[top].items() if k in known}
        words, more = validate(_Reserved, Source(src.path, view, src.values, src.keys, src.origin))
        problems += more
        if words is None:
            return None, problems
        for key, text in words.labels.items():
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
    out: list[tuple] = []
    for top in ("document", "organization", "labels", "figures"):
        if isinstance(data.get(top), dict):
            _text_paths(data[top], (top,), out)
    return out


def _text_paths(value, path: tuple, out: list) -> None:
    """Strings, lists of them and mappings of them (``organization.address.city``)."""
    for key, text in value.items():
        if isinstance(text, str):
            out.append(path + (key,))
        elif isinstance(text, list):
            out += [path + (key, i) for i, t in enumerate(text) if isinstance(t, str)]
        elif isinstance(text, dict):
            _text_paths(text, path + (key,), out)
