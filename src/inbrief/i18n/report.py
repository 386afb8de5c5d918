"""Completeness, staleness and glossary terms of every language, for ``inbrief translations``."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..content.files import AUDIENCE_DIR, TEXT_DIR, audience_text_path, text_path
from ..content.yamlsrc import load
from ..errors import ContentError
from . import catalog, fingerprints


@dataclass
class TermViolation:
    """A translated text whose source has a glossary term and which has none of its forms."""

    key: str
    file: str
    """The translation file, relative to the project folder."""
    line: int
    term: str
    """The source form the source text contains."""
    required: list[str]
    """The accepted forms, one of which the translation lacks."""

    def format(self, root: Path) -> str:
        from ..errors import display_path

        forms = " or ".join(f'"{f}"' for f in self.required)
        return (f"{display_path(root / self.file)}:{self.line}: {self.key}: "
                f'"{self.term}" must be {forms}')


@dataclass
class LanguageStatus:
    lang: str
    total: int
    translated: int
    missing: list[str]
    stale: list[str]
    terms: list[TermViolation] = field(default_factory=list)
    """Glossary terms the translations lack (``data/glossary.yaml``)."""

    @property
    def up_to_date(self) -> int:
        """Translated, not stale, and true to the glossary."""
        return self.translated - len(set(self.stale) | {v.key for v in self.terms})

    @property
    def percent(self) -> float:
        """Up-to-date translations over all source texts: stale ones, and ones that lack a
        glossary term, do not count."""
        return 100.0 if self.total == 0 else round(100.0 * self.up_to_date / self.total, 1)

    def as_dict(self) -> dict:
        return {**asdict(self), "up_to_date": self.up_to_date, "percent": self.percent}


def pairs(data_dir: Path, lang: str, source_lang: str) -> list[tuple[str, Path, Path]]:
    """(key prefix, source file, translation file) for the language file and each audience."""
    pairs = [("", text_path(data_dir, source_lang), text_path(data_dir, lang))]
    root = data_dir / TEXT_DIR / AUDIENCE_DIR
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            src = audience_text_path(data_dir, folder.name, source_lang)
            if src.exists():
                pairs.append((f"audiences.{folder.name}.", src,
                              audience_text_path(data_dir, folder.name, lang)))
    return pairs


@dataclass
class TextOverlay:
    """What a translation holds of a text file: the texts the kinds mark as such, which of
    them it translates and which fall back to the source."""
    leaves: dict
    translated: list
    fallbacks: list
    data: dict
    """The translation's own data: where a translated text is read."""


def overlay_files(src_file: Path, tr_file: Path | None, registry, base=None):
    """(source, translation or None, overlay) of one text file and its translation.

    The texts are the fields the block kinds of ``registry`` mark as text, not every string
    of the file; ``base`` is the language file an audience's file is laid over."""
    from ..blocks.paths import get
    from ..blocks.sections import not_sections
    from ..blocks.texts import text_leaves

    src, problems = load(src_file)
    problems += not_sections(src) if src is not None else []  # its keys would clash
    tr = None
    if tr_file is not None and tr_file.exists():
        tr, more = load(tr_file)
        problems += more
    if problems:
        raise ContentError(problems)
    leaves = text_leaves(src.data, registry, base)
    done = [p for p in leaves if tr is not None
            and isinstance(get(tr.data, p), str) and get(tr.data, p).strip()]
    return src, tr, TextOverlay(leaves, done, [p for p in leaves if p not in done],
                                tr.data if tr is not None else {})


def _registry(data_dir: Path):
    """The block kinds the project's text files are made of."""
    from ..blocks import load_registry

    registry, problems = load_registry(data_dir.parent)
    if problems:
        raise ContentError(problems)
    return registry


@dataclass
class TextFile:
    """One text file of a language (the language's or an audience's) with its translation."""
    prefix: str
    src_file: Path
    tr_file: Path
    src: object
    tr: object
    overlay: object
    leaves: dict
    """Key path → source text of every translatable text of the file."""


def text_files(data_dir: Path, lang: str, source_lang: str, *, translation: bool = True):
    """Every text file of ``lang`` with its source: the language's, then each audience's."""
    registry = _registry(data_dir)
    base = None
    for prefix, src_file, tr_file in pairs(data_dir, lang, source_lang):
        src, tr, ov = overlay_files(src_file, tr_file if translation else None, registry, base)
        base = src.data if base is None else base
        yield TextFile(prefix, src_file, tr_file, src, tr, ov, ov.leaves)


def status(data_dir: Path, lang: str, source_lang: str, glossary=None) -> LanguageStatus:
    """The report of one language; with a ``glossary`` (i18n.glossary), its terms too."""
    total = translated = 0
    missing: list[str] = []
    stale: list[str] = []
    terms: list[TermViolation] = []
    for f in text_files(data_dir, lang, source_lang, translation=lang != source_lang):
        prefix, tr_file, ov, leaves = f.prefix, f.tr_file, f.overlay, f.leaves
        total += len(leaves)
        if lang == source_lang:
            translated += len(leaves)
            continue
        translated += len(ov.translated)
        missing += [prefix + catalog.dotted(k) for k in ov.fallbacks]
        stale += [prefix + catalog.dotted(k)
                  for k in fingerprints.stale_keys(tr_file, leaves, ov.translated)]
        if glossary is not None:
            terms += term_violations(f, lang, glossary, data_dir.parent)
    return LanguageStatus(lang, total, translated, missing, stale, terms)


def term_violations(f: "TextFile", lang: str, glossary, root: Path) -> list[TermViolation]:
    """Every translated text of ``f`` that lacks a glossary term its source text has."""
    found = []
    rel = Path(os.path.relpath(f.tr_file, root)).as_posix()
    for k in f.overlay.translated:
        for hit in glossary.violations(lang, f.leaves[k], catalog.get_key(f.overlay.data, k)):
            found.append(TermViolation(f.prefix + catalog.dotted(k), rel,
                                       f.tr.position(k)[0] or 1, hit.found,
                                       list(hit.required(lang))))
    return found


def confirm(data_dir: Path, lang: str, source_lang: str, keys: list[str] | None) -> list[str]:
    """Mark translations as made from the current source text; returns the keys changed."""
    from ..errors import UserError

    plans, known = [], set()
    for f in text_files(data_dir, lang, source_lang):
        if not f.tr_file.exists():
            continue
        prefix, src, ov, tr_file = f.prefix, f.src, f.overlay, f.tr_file
        names = {prefix + catalog.dotted(k) for k in ov.translated}
        known |= names
        plans.append((prefix, src, ov, tr_file))
    unknown = [k for k in keys or [] if k not in known]
    if unknown:
        raise UserError(f"{text_path(data_dir, lang)}: no translated text for "
                        f"{', '.join(unknown)} — check the key with `inbrief translations "
                        f"--lang {lang} --verbose`")
    changed = []
    for prefix, src, ov, tr_file in plans:
        only = None
        if keys:
            only = {k[len(prefix):] for k in keys if k.startswith(prefix)
                    and (prefix or not k.startswith("audiences."))}
            if not only:
                continue
        changed += [prefix + k for k in fingerprints.confirm(
            tr_file, ov.leaves, ov.translated, only)]
    return changed
