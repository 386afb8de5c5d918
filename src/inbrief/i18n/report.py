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


def pairs(data_dir: Path, lang: str, source_lang: str) -> list[tuple[str, Path, Path]]:
    """(key prefix, source file, translation file) for the language file and each audience."""
    from ..content import audience as aud

    pairs = [("", text_path(data_dir, source_lang), text_path(data_dir, lang))]
    root = data_dir / "text" / aud.AUDIENCE_DIR
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            src = aud.text_path(data_dir, folder.name, source_lang)
            if src.exists():
                pairs.append((f"audiences.{folder.name}.", src,
                              aud.text_path(data_dir, folder.name, lang)))
    return pairs


def overlay_files(src_file: Path, tr_file: Path | None):
    """(source, translation or None, overlay) of one text file and its translation."""
    src, problems = load(src_file)
    tr = None
    if tr_file is not None and tr_file.exists():
        tr, more = load(tr_file)
        problems += more
    if problems:
        raise ContentError(problems)
    ov = catalog.overlay(src, tr)
    if ov.problems:
        raise ContentError(ov.problems)
    return src, tr, ov


def status(data_dir: Path, lang: str, source_lang: str) -> LanguageStatus:
    total = translated = 0
    missing: list[str] = []
    stale: list[str] = []
    for prefix, src_file, tr_file in pairs(data_dir, lang, source_lang):
        src, _tr, ov = overlay_files(src_file, None if lang == source_lang else tr_file)
        leaves = catalog.leaves(src.data)
        total += len(leaves)
        if lang == source_lang:
            translated += len(leaves)
            continue
        translated += len(ov.translated)
        missing += [prefix + catalog.dotted(k) for k in ov.fallbacks]
        stale += [prefix + catalog.dotted(k)
                  for k in fingerprints.stale_keys(tr_file, leaves, ov.translated)]
    return LanguageStatus(lang, total, translated, missing, stale)


def confirm(data_dir: Path, lang: str, source_lang: str, keys: list[str] | None) -> list[str]:
    """Mark translations as made from the current source text; returns the keys changed."""
    from ..errors import UserError

    plans, known = [], set()
    for prefix, src_file, tr_file in pairs(data_dir, lang, source_lang):
        if not tr_file.exists():
            continue
        src, _tr, ov = overlay_files(src_file, tr_file)
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
            tr_file, catalog.leaves(src.data), ov.translated, only)]
    return changed
