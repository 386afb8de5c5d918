"""Load a sections project's content for one language and audience, all problems at once.

The source-language file holds structure, data and text; a translation only text, at the
same key paths. Texts are overlaid path by path, so a missing one falls back to the source
with a warning located where it belongs, and each block is validated again in the target
language by its kind's model.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ..content import RESERVED
from ..content.files import FACTS_FILE, audience_text_path, text_path
from ..content.validate import validate
from ..content.yamlsrc import Source, load as load_yaml
from ..errors import ContentError, Problem
from ..locale.typography import Rules, rules_for, typeset
from .audience import apply_audience, load_audience, overlay_file
from .references import check_references
from .compile import text_paths, values_of
from .data import Fields, plain
from .facts import Facts, check_sources
from .paths import get, put
from .reserved import ReservedText, kind_labels, missing_kind_words, reserved_text_paths
from .registry import Registry, load_registry
from .sections import Section, validate_sections
from .translation import validate_translation
from .typeset import typeset_block, typeset_words


@dataclass(frozen=True)
class KindFiles:
    """What rendering needs of a kind, picklable for worker processes."""
    name: str
    short: bool
    css: Path | None


@dataclass(frozen=True)
class PlainBlock:
    id: str
    kind: str
    data: Fields


@dataclass(frozen=True)
class PlainSection:
    id: str
    heading: str | None
    beside: str | None
    blocks: list[PlainBlock]


@dataclass(frozen=True)
class BlockContent:
    lang: str
    audience: str
    facts: Facts
    words: ReservedText
    """document, organization, labels (built-in words under the project's), figure labels."""
    sections: list[PlainSection]
    """The audience's sections in its order, texts in ``lang`` and typeset (``typography``)."""
    kinds: dict[str, KindFiles]
    warnings: tuple[Problem, ...] = ()
    origins: dict = field(default_factory=dict)
    """Dotted key → (file, line, col) each text came from, after fallback."""
    texts: dict = field(default_factory=dict)
    """The text file as shown in ``lang`` (translations laid over the source), as written,
    before typography (which adds only characters the faces have): glyph and link checks."""
    slots: dict = field(default_factory=dict)
    """The audience's own slots, by layout, over inbrief.yaml's."""
    rich: tuple = ()
    """Key paths of the rich texts (Markdown): the renderer checks their links."""
    typography: Rules = Rules()
    """The rules the texts in ``lang`` were typeset with: templates apply them (``typeset``)
    to the words they compose themselves, a separator before a title say."""


def load_block_content(root: Path, data_dir: Path, lang: str, source_lang: str,
                       audience: str = "general",
                       layouts: dict[str, frozenset[str]] | None = None,
                       covered: frozenset[int] | None = None) -> BlockContent:
    """``layouts``: each layout's slots, to check the audience's own map of them; ``covered``:
    the code points the language's faces have, which its typography may use (None: all)."""
    from ..content import staleness

    problems: list[Problem] = []
    registry, more = load_registry(root, audience)
    problems += more
    broken_kinds = bool(problems)
    kind_words, more = kind_labels(registry)
    problems += more
    facts_src, more = load_yaml(data_dir / FACTS_FILE, root)
    problems += more
    facts = None
    if facts_src is not None:
        facts, more = validate(Facts, facts_src)
        problems += more + (check_sources(facts, facts_src) if facts else [])
    src_file = text_path(data_dir, source_lang)
    src, more = load_yaml(src_file, root)
    problems += more
    spec, more = load_audience(data_dir, audience)
    problems += more
    # A mistake in facts.yaml or the audience's file does not stop the text file from being
    # checked: every problem of every file is reported at once.
    if src is None or broken_kinds:
        raise ContentError(problems)
    src, more = apply_audience(src, data_dir, audience, source_lang, root)
    problems += more
    sections, more = validate_sections(src, registry)
    problems += more
    problems += spec.check(section_ids(src.data), layouts)
    paths = reserved_text_paths(src) + [
        p for s in sections.sections.values() for p in _section_paths(s, registry)]
    data, warnings, origins = copy.deepcopy(src.data), [], {}
    problems += check_references(sections, registry, facts, src, root)
    translated: list = []
    fell_back: list = []
    tr = None
    if lang != source_lang:
        tr_file = text_path(data_dir, lang)
        if tr_file.exists():
            tr, more = load_yaml(tr_file, root)
            problems += more
        aud_tr = audience_text_path(data_dir, audience, lang)
        if aud_tr.exists():
            tr, more = overlay_file(tr or Source(tr_file, {}), aud_tr, root)
            problems += more
        if tr is not None:
            problems += validate_translation(tr, sections, registry)
        data, fell_back = _overlay(data, tr.data if tr else None, paths)
        warnings += [_fallback(tr, tr_file, lang, p, source_lang) for p in fell_back]
        translated = [p for p in paths if p not in fell_back]
        leaves = {p: get(src.data, p) for p in paths}
        # Each translation file keeps its own record (an audience's beside its texts).
        by_file: dict[Path, list] = {}
        for p in translated:
            by_file.setdefault(tr.path_of(p), []).append(p)
        for path, keys in sorted(by_file.items()):
            warnings += [_stale(tr, lang, p, source_lang)
                         for p in staleness.stale_keys(path, leaves, keys)]
        origins = {_dotted(p): (str((tr if p in translated else src).path_of(p)),
                                *(tr if p in translated else src).position(p)) for p in paths}
    else:  # an audience's text is located in the audience's file (path_of), not the source
        origins = {_dotted(p): (str(src.path_of(p)), *src.position(p)) for p in paths}
    # A problem in a translated text is located in the translation that holds it.
    shown = Source(src.path, data, {**src.values, **{p: tr.values[p] for p in translated
                                                     if p in tr.values}}, src.keys,
                   {**src.origin, **{p: tr.path_of(p) for p in translated}})
    words, more = ReservedText.load(shown, lang, kind_words,
                                    facts.key_figures if facts is not None else None)
    problems += more
    final, more = validate_sections(shown, registry) if lang != source_lang else (sections, [])
    problems += more
    if problems:
        raise ContentError(problems)
    order = spec.order(list(final.sections), src)
    warnings += spec.unlisted(src, list(final.sections))
    used = {b.kind for sid in order for b in final.sections[sid].blocks.values()}
    warnings += missing_kind_words(registry, kind_words, lang, used)
    kinds = {k.name: KindFiles(k.name, k.short is not None, k.css)
             for k in registry.kinds.values()}
    rules_of = _rules(lang, source_lang, covered, fell_back)
    return BlockContent(lang=lang, audience=audience, facts=facts,
                        words=typeset_words(words, rules_of),
                        sections=[_plain(final.sections[s], registry, rules_of) for s in order],
                        kinds=kinds,
                        typography=rules_for(lang, covered),
                        warnings=tuple(warnings), origins=origins, texts=data,
                        slots={k: dict(v) for k, v in spec.spec.slots.items()},
                        rich=tuple((sid, b.id, *p) for sid in order
                                   for b in final.sections[sid].blocks.values()
                                   for p, _ in values_of(registry.kinds[b.kind], b.raw,
                                                         {"rich text"})))


def section_ids(data) -> list[str]:
    """Every section id a text file has, valid or not (a broken one is reported once, as
    itself, not again as unknown wherever it is named)."""
    return [k for k in data if k not in RESERVED] if isinstance(data, dict) else []


def _plain(section: Section, registry: Registry, rules_of) -> PlainSection:
    """The section as templates read it, its texts typeset in their language."""
    sid = section.id
    heading = typeset(section.heading, rules_of((sid, "heading"))) if section.heading else None
    return PlainSection(sid, heading, section.beside, [
        PlainBlock(b.id, b.kind, typeset_block(registry.kinds[b.kind].schema.fields,
                                               plain(b.data), (sid, b.id), rules_of))
        for b in section.blocks.values()])


def _rules(lang: str, source_lang: str, covered, fell_back: list):
    """Each text is typeset as the language it is written in: a text that fell back (at its
    path, or as the shorthand of a record at the record's path) as the source language."""
    own, source = rules_for(lang, covered), rules_for(source_lang, covered)
    if not fell_back or own == source:
        return lambda path: own
    fb = set(fell_back)
    return lambda path: source if path in fb or path[:-1] in fb else own


def _section_paths(section: Section, registry: Registry) -> list[tuple]:
    out = [(section.id, "heading")] if section.heading else []
    for block in section.blocks.values():
        out += [(section.id, block.id, *p) for p in text_paths(registry.kinds[block.kind],
                                                               block.raw)]
    return out


def _overlay(data, tr, paths):
    fell_back = []
    for p in paths:
        value = get(tr, p) if tr is not None else None
        if isinstance(value, str) and value.strip():
            put(data, p, value)
        else:
            fell_back.append(p)
    return data, fell_back


def _dotted(path) -> str:
    return ".".join(str(p) for p in path)


def _fallback(tr, tr_file: Path, lang: str, path, source_lang: str) -> Problem:
    where = tr.problem(path, "") if tr else Problem(str(tr_file), None, None, "")
    return Problem(where.path, where.line, where.col,
                   f"{lang}: no translation for '{_dotted(path)}', using the {source_lang} text",
                   f"add '{_dotted(path)}' to {tr_file.name}")


def _stale(tr, lang: str, path, source_lang: str) -> Problem:
    return tr.problem(path, f"{lang}: translation of '{_dotted(path)}' is stale: the "
                            f"{source_lang} text changed since it was translated",
                      f"update it, then run `inbrief translations confirm --lang {lang} "
                      f"{_dotted(path)}`")
