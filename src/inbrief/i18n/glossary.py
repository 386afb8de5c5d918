"""The project's glossary: ``data/glossary.yaml``, terms whose translation is fixed.

Translation tools keep term bases inside their editors; here the terms are a project file
so that CI can hold every translation to them (``inbrief translations``) and every export
can carry them to the translator (PO comments, XLIFF notes, a TBX file)::

    terms:
      - source: [trafficking in persons, human trafficking]   # any one triggers the check
        note: UN Trafficking in Persons Protocol (2000)        # optional, for translators
        fr: [traite des personnes]     # one of these must be in the translation
        uk: торгівл* людьми            # a string is a list of one; * = the rest of a word

A project without the file has no glossary, and nothing is checked. The file's schema is
content.glossary; here it is loaded, checked beyond the schema, and matched (i18n.terms).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.files import glossary_path
from ..content.glossary import LANG_CODE, OWN_KEYS, model
from ..content.validate import did_you_mean, validate
from ..content.yamlsrc import load
from ..errors import ContentError, Problem
from .terms import first_found, normalize, readable


@dataclass(frozen=True)
class Term:
    """One term of the glossary, as the check and the exports use it."""

    line: int
    source: tuple[str, ...]
    note: str | None
    forms: dict[str, tuple[str, ...]]
    """Accepted forms by language; a language without an entry is not checked."""


@dataclass(frozen=True)
class Hit:
    """A term whose source form a source text contains."""

    term: Term
    found: str
    """The source form found, as the glossary writes it."""

    def required(self, lang: str) -> tuple[str, ...]:
        return self.term.forms[lang]

    def advice(self, lang: str) -> str:
        """The line a translator reads in a PO comment or an XLIFF note."""
        forms = self.required(lang)
        text = f"Glossary: {self.found} \u2192 {' / '.join(forms)}"
        if self.term.note:
            text += f" ({self.term.note})"
        if any("*" in f for f in forms):
            text += "; * stands for any ending of the word"
        return text


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: tuple[Term, ...]
    _seen: dict = field(default_factory=dict, compare=False, repr=False)
    """Source text → its hits: each source text is read once, not once per language."""

    def hits(self, lang: str, source_text: str) -> list[Hit]:
        """The terms with forms for ``lang`` whose source ``source_text`` contains."""
        if source_text not in self._seen:
            text = readable(source_text)
            found = [(term, first_found(term.source, text)) for term in self.terms]
            self._seen[source_text] = [Hit(t, form) for t, form in found if form is not None]
        return [h for h in self._seen[source_text] if lang in h.term.forms]

    def violations(self, lang: str, source_text: str, translation: str) -> list[Hit]:
        """The terms of ``source_text`` whose accepted forms ``translation`` all lacks."""
        hits = self.hits(lang, source_text)
        if not hits:
            return []
        text = readable(translation)
        return [h for h in hits if first_found(h.required(lang), text) is None]

    def for_language(self, lang: str) -> list[Term]:
        return [t for t in self.terms if lang in t.forms]


def load_glossary(root: Path, languages: list[str], source_language: str) -> Glossary | None:
    """The project's glossary, or None if it has none; ContentError lists every problem."""
    path = glossary_path(root / "data")
    if not path.exists():
        return None
    source, problems = load(path, root)
    if problems:
        raise ContentError(problems)
    targets = tuple(lang for lang in languages if lang != source_language)
    problems, data = _language_keys(source, languages, source_language, targets)
    checked, more = validate(model(targets), dataclasses.replace(source, data=data))
    problems += more
    if checked is not None:
        problems += _duplicates(source, checked)
    if problems:
        raise ContentError(problems)
    terms = []
    for i, t in enumerate(checked.terms):
        line = source.position(("terms", i))[0] or 1
        forms = {lang: tuple(getattr(t, lang)) for lang in targets if getattr(t, lang)}
        terms.append(Term(line, tuple(t.source), t.note, forms))
    return Glossary(path, tuple(terms))


def _language_keys(source, languages, source_language, targets) -> tuple[list[Problem], Any]:
    """Problems with keys that name a language this term cannot have, and the data without
    them (so the schema does not report them a second time, less clearly)."""
    data = source.data
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list):
        return [], data
    problems, cleaned = [], []
    for i, term in enumerate(terms):
        if not isinstance(term, dict):
            cleaned.append(term)
            continue
        keep = {}
        for key, value in term.items():
            loc = ("terms", i, key)
            if key == source_language:
                problems.append(source.problem(
                    loc, f"'{key}' is the source language", "its forms go under 'source'",
                    key=True))
            elif key not in targets and key not in OWN_KEYS and isinstance(key, str) \
                    and LANG_CODE.match(key):
                hint = (did_you_mean(key, [*OWN_KEYS, *targets])
                        or "add the language to inbrief.yaml, or remove the entry")
                problems.append(source.problem(
                    loc, f"'{key}' is not a language of this project (languages in "
                    f"inbrief.yaml: {', '.join(languages)})", hint, key=True))
            else:
                keep[key] = value
        cleaned.append(keep)
    return problems, {**data, "terms": cleaned}


def _duplicates(source, checked) -> list[Problem]:
    """A source form in two terms would be checked twice, perhaps against different forms."""
    seen: dict[str, int] = {}
    problems = []
    for i, term in enumerate(checked.terms):
        for j, form in enumerate(term.source):
            key = normalize(form)
            if key in seen and seen[key] != i:
                first = source.position(("terms", seen[key]))[0]
                problems.append(source.problem(
                    ("terms", i, "source", j), f"'{form}' is a source form of two terms "
                    f"(also at line {first})", "merge the two terms into one"))
            seen.setdefault(key, i)
    return problems
