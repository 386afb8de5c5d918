"""Completeness and staleness of every language, for ``inbrief translations``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ..content.loader import text_path
from ..content.yamlsrc import load
from ..errors import ContentError
from . import catalog, fingerprints


@dataclass
class LanguageStatus:
    lang: str
    total: int
    translated: int
    missing: list[str]
    stale: list[str]

    @property
    def up_to_date(self) -> int:
        return self.translated - len(self.stale)

    @property
    def percent(self) -> float:
        """Up-to-date translations over all source texts: stale ones do not count."""
        return 100.0 if self.total == 0 else round(100.0 * self.up_to_date / self.total, 1)

    def as_dict(self) -> dict:
        return {**asdict(self), "up_to_date": self.up_to_date, "percent": self.percent}


def _sources(data_dir: Path, lang: str, source_lang: str):
    src, problems = load(text_path(data_dir, source_lang))
    tr = None
    if lang != source_lang and text_path(data_dir, lang).exists():
        tr, more = load(text_path(data_dir, lang))
        problems += more
    if problems:
        raise ContentError(problems)
    ov = catalog.overlay(src, tr)
    if ov.problems:
        raise ContentError(ov.problems)
    return src, ov


def status(data_dir: Path, lang: str, source_lang: str) -> LanguageStatus:
    src, ov = _sources(data_dir, lang, source_lang)
    leaves = catalog.leaves(src.data)
    if lang == source_lang:
        return LanguageStatus(lang, len(leaves), len(leaves), [], [])
    stale = fingerprints.stale_keys(text_path(data_dir, lang), leaves, ov.translated)
    return LanguageStatus(lang, len(leaves), len(ov.translated),
                          [catalog.dotted(k) for k in ov.fallbacks],
                          [catalog.dotted(k) for k in stale])


def confirm(data_dir: Path, lang: str, source_lang: str, keys: list[str] | None) -> list[str]:
    """Mark translations as made from the current source text; returns the keys changed."""
    src, ov = _sources(data_dir, lang, source_lang)
    known = {catalog.dotted(k) for k in ov.translated}
    unknown = [k for k in keys or [] if k not in known]
    if unknown:
        from ..errors import UserError

        raise UserError(f"{text_path(data_dir, lang)}: no translated text for "
                        f"{', '.join(unknown)} — check the key with `inbrief translations "
                        f"--lang {lang} --verbose`")
    return fingerprints.confirm(text_path(data_dir, lang), catalog.leaves(src.data),
                                ov.translated, set(keys) if keys else None)
