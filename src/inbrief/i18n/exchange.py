"""Translations out to translation tools and back, as PO or XLIFF files.

Translators work in Weblate, Crowdin, Poedit or memoQ, not in our YAML. An
export lists every translatable text of one language as a unit keyed by its
dotted key, the same key ``inbrief translations`` and ``confirm`` use; the
texts of an audience are prefixed with ``audiences.<name>.``
(``audiences.government.about.heading``), which cannot clash because no
section may be called ``audiences`` (content.NOT_SECTIONS).

An import is all or nothing: every entry is checked first and every problem
reported at its line in the translator's file; only then are the YAML files
edited in place (see yamledit) and the source hashes recorded, so an import of
an unchanged export changes no byte.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.base import MAX_TEXT
from ..content.validate import did_you_mean
from ..errors import ContentError, Problem
from ..pdf.atomic import write_bytes
from . import catalog, fingerprints, yamledit
from .report import text_files

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
MAX_FILE_BYTES = 20_000_000


def read_capped(path: Path, incoming: "Incoming") -> bytes | None:
    """The file's bytes, or None with a problem if it is too large to be a translation file
    (checked before reading it: a wrong file can be gigabytes)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        incoming.problems.append(Problem(str(path), None, None, f"file is larger than "
                                         f"{MAX_FILE_BYTES:,} bytes", "is it the right file?"))
        return None
    return path.read_bytes()


@dataclass
class Unit:
    """One translatable text as exported."""

    key: str
    source: str
    target: str
    """The translation, or "" when the key falls back to the source text."""
    stale: bool
    refs: list[str]
    """Where the texts are, as project-relative ``path:line``: the source, then the translation."""
    origin: str
    """The source-language file, one XLIFF <file> each."""
    glossary: list[str] = field(default_factory=list)
    """For the translator: each glossary term of the source text and its required forms."""

    @property
    def placeholders(self) -> list[str]:
        return sorted(set(PLACEHOLDER.findall(self.source)))


@dataclass
class Entry:
    """One text read back from a translator's file, with the lines to point problems at."""

    key: str
    source: str
    target: str
    fuzzy: bool
    line: int
    target_line: int


@dataclass
class Incoming:
    path: Path
    lang: str | None
    """The language the file declares (PO header, XLIFF target-language)."""
    lang_line: int
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Result:
    changed: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    """Keys whose recorded source hash changed (no longer, or newly, stale)."""
    from_older_source: list[str] = field(default_factory=list)
    """Translated from a source text that has changed since: imported, but stale."""
    written: list[Path] = field(default_factory=list)


def _rel(root: Path, path: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def units(root: Path, lang: str, source_lang: str, glossary=None) -> list[Unit]:
    """Every text of ``lang``; with a ``glossary`` (i18n.glossary), the terms of each."""
    out = []
    for f in text_files(root / "data", lang, source_lang):
        prefix, src_file, tr_file, src, tr, ov, leaves = (f.prefix, f.src_file, f.tr_file, f.src,
                                                          f.tr, f.overlay, f.leaves)
        stale = set(fingerprints.stale_keys(tr_file, leaves, ov.translated))
        src_rel, tr_rel = _rel(root, src_file), _rel(root, tr_file)
        for key, text in leaves.items():
            refs = [f"{src_rel}:{src.position(key)[0]}"]
            target = ""
            if key in ov.translated:
                target = catalog.get_key(ov.data, key)
                refs.append(f"{tr_rel}:{tr.position(key)[0]}")
            advice = ([hit.advice(lang) for hit in glossary.hits(lang, text)]
                      if glossary is not None else [])
            out.append(Unit(prefix + catalog.dotted(key), text, target, key in stale, refs,
                            src_rel, advice))
    return out


def check(incoming: Incoming, lang: str, known: dict[str, str]) -> list[Problem]:
    """Every problem of the file at once; ``known`` maps each key to its source text."""
    path = str(incoming.path)
    problems = list(incoming.problems)
    if incoming.lang is not None and _norm(incoming.lang) != _norm(lang):
        problems.append(Problem(path, incoming.lang_line, None,
                                f"the file is for language '{incoming.lang}', not '{lang}'",
                                f"import it with --lang {incoming.lang}, or export again with "
                                f"--lang {lang}"))
    seen: dict[str, int] = {}
    for e in incoming.entries:
        if e.key in seen:
            problems.append(Problem(path, e.line, None, f"'{e.key}' appears twice (also at "
                                    f"line {seen[e.key]})", "keep one of the two entries"))
            continue
        seen[e.key] = e.line
        if e.key not in known:
            problems.append(Problem(path, e.line, None, f"unknown key '{e.key}'",
                                    did_you_mean(e.key, known) or
                                    "it is not a text of this project: remove the entry, or "
                                    "export a fresh file with `inbrief i18n export`"))
            continue
        if not e.target:
            continue
        if not e.source:
            problems.append(Problem(path, e.line, None, f"'{e.key}': the source text is missing",
                                    "put it back from the exported file"))
            continue
        if not e.target.strip():
            problems.append(Problem(path, e.target_line, None, f"'{e.key}': the translation is "
                                    "only spaces", "write the text, or leave it empty to use the "
                                    "source text"))
            continue
        want, got = Counter(PLACEHOLDER.findall(e.source)), Counter(PLACEHOLDER.findall(e.target))
        if want != got:
            what = [f"missing {', '.join(want - got)}" if want - got else "",
                    f"not in the source: {', '.join(got - want)}" if got - want else ""]
            problems.append(Problem(path, e.target_line, None,
                                    f"'{e.key}': placeholders differ from the source text "
                                    f"({'; '.join(filter(None, what))})",
                                    f"keep {', '.join(sorted(want)) or 'no {…}'} exactly as in "
                                    "the source text; translate only the words around them"))
        if len(e.target) > MAX_TEXT:
            problems.append(Problem(path, e.target_line, None,
                                    f"'{e.key}': the translation is {len(e.target):,} characters "
                                    f"long, more than the limit of {MAX_TEXT:,}",
                                    "shorten it"))
        elif len(e.target) > (budget := length_budget(e.source)):
            problems.append(Problem(path, e.target_line, None,
                                    f"'{e.key}': the translation is {len(e.target):,} characters, "
                                    f"over this text's budget of {budget:,} "
                                    "(three times the source text, at least 60 more): it would "
                                    "not fit its layout",
                                    "shorten it, or check that it belongs to this key"))
        problems += _markup_problems(path, e)
    return problems


def length_budget(source: str) -> int:
    """Room a translation may take: generous for real languages (French runs ~1.2×, German
    ~1.35× English), tight enough to catch a paragraph pasted into a heading."""
    return min(MAX_TEXT, max(3 * len(source), len(source) + 60))


def _markup_problems(path: str, e) -> list[Problem]:
    """The Markdown subset: links the source makes must stay links, and no unsafe ones appear."""
    from ..render.rich import refused_links

    in_source = set(refused_links(e.source))
    found = [Problem(path, e.target_line, None,
                     f"'{e.key}': the translation links to '{url}', which would be shown as "
                     "text: only http(s) and mailto links are made",
                     "keep the link address of the source text")
             for url in refused_links(e.target) if url not in in_source]
    for mark in ("**", "]("):
        if e.source.count(mark) != e.target.count(mark):
            found.append(Problem(path, e.target_line, None,
                                 f"'{e.key}': the Markdown marks differ from the source text "
                                 f"({e.source.count(mark)} '{mark}' in the source, "
                                 f"{e.target.count(mark)} in the translation)",
                                 "keep **strong** and [links](https://…) as in the source; "
                                 "translate only the words"))
    return found


def _norm(lang: str) -> str:
    return lang.strip().replace("_", "-").lower()


def apply(root: Path, lang: str, source_lang: str, incoming: Incoming, *,
          dry_run: bool = False) -> Result:
    """Check ``incoming`` against the project, then write what it changes."""
    plans = []
    known: dict[str, str] = {}
    for f in text_files(root / "data", lang, source_lang):
        prefix, src, tr, ov, tr_file = f.prefix, f.src, f.tr, f.overlay, f.tr_file
        names = {}
        for k, text in f.leaves.items():
            names[prefix + catalog.dotted(k)] = k
            known[prefix + catalog.dotted(k)] = text
        plans.append((prefix, names, src, tr, ov, tr_file))
    problems = check(incoming, lang, known)
    if problems:
        raise ContentError(problems)
    by_key = {e.key: e for e in incoming.entries}
    result = Result()
    writes: list[tuple[Path, bytes]] = []
    for prefix, names, src, tr, ov, tr_file in plans:
        translated = set(ov.translated)
        changes, hashes = {}, {}
        for name, key in names.items():
            e = by_key.get(name)
            if e is None or not e.target:
                continue  # not in the file, or untranslated: the fallback stays
            if key not in translated or catalog.get_key(ov.data, key) != e.target:
                changes[key] = e.target
                result.changed.append(name)
            if fingerprints.source_hash(e.source) != fingerprints.source_hash(known[name]):
                result.from_older_source.append(name)
            if not e.fuzzy:  # a fuzzy entry keeps its old hash, so it stays stale
                hashes[catalog.dotted(key)] = fingerprints.source_hash(e.source)
        if changes:
            raw = tr_file.read_bytes() if tr_file.exists() else b""
            bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
            text = raw[len(bom):].decode("utf-8")
            data = tr.data if tr else None  # an empty file was refused when it was loaded
            try:
                new = yamledit.update(text, data, changes, src.data)
            except yamledit.EditError as exc:  # e.g. an alias shared by two texts
                raise ContentError([Problem(str(tr_file), None, None,
                                            f"cannot change {len(changes)} text(s) in place: {exc}",
                                            "simplify the YAML (no anchors or aliases) or make "
                                            "the change by hand")]) from None
            writes.append((tr_file, bom + new.encode("utf-8")))
        recorded = fingerprints.read(tr_file)
        updated = {**recorded, **hashes}
        if updated != recorded:
            result.confirmed += [prefix + k for k in hashes if recorded.get(k) != hashes[k]]
            writes.append((fingerprints.path_for(tr_file),
                           fingerprints.render(updated).encode("utf-8")))
    if not dry_run:
        for path, data in writes:  # every text file before its hashes: a crash leaves it stale
            write_bytes(path, data)
            result.written.append(path)
    return result
