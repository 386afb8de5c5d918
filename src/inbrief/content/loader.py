"""Load and validate a project's content for one language, reporting every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Problem
from .facts import Facts
from .texts import Texts
from .validate import validate
from .yamlsrc import Source, dotted, load as load_yaml

FACTS_FILE = "facts.yaml"
TEXT_DIR = "text"

_PLACEHOLDERS = {
    ("labels", "as_of"): ("{year}",),
    ("labels", "edition"): ("{year}",),
    ("labels", "page_of"): ("{page}", "{pages}"),
    ("labels", "qr"): ("{site}",),
    ("labels", "trend"): ("{label}",),
}


@dataclass(frozen=True)
class Content:
    """Everything a template may show for one language."""

    lang: str
    facts: Facts
    texts: Texts
    warnings: tuple[Problem, ...] = field(default=())
    """Fallbacks to the source language and stale translations."""
    origins: dict = field(default_factory=dict)
    """Dotted key → (file, line, col) each text was read from, after fallback."""
    audience: str = "general"
    spec: object = None
    """The audience's definition (content.audience.Audience)."""


def text_path(data_dir: Path, lang: str) -> Path:
    return data_dir / TEXT_DIR / f"{lang}.yaml"


def load_content(data_dir: Path, lang: str, source_lang: str | None = None,
                 audience: str = "general") -> Content:
    """Facts plus the text of ``lang`` for ``audience``, falling back to ``source_lang`` key by key."""
    from ..i18n import catalog, fingerprints
    from . import audience as aud

    source_lang = source_lang or lang
    root = data_dir.parent

    def load(path: Path):
        return load_yaml(path, root)

    facts_src, problems = load(data_dir / FACTS_FILE)
    text_src, more = load(text_path(data_dir, source_lang))
    problems += more
    tr_src = None
    if lang != source_lang:
        tr_file = text_path(data_dir, lang)
        if tr_file.exists():
            tr_src, more = load(tr_file)
            problems += more
    facts = texts = None
    warnings: list[Problem] = []
    if facts_src:
        facts, more = validate(Facts, facts_src)
        problems += more
        if facts:
            problems += _check_facts(facts, facts_src)
    if text_src:
        texts, more = validate(Texts, text_src)
        problems += more + _check_placeholders(text_src)
        shown = text_src
        if texts and lang != source_lang:
            ov = catalog.overlay(text_src, tr_src)
            problems += ov.problems
            tr_file = text_path(data_dir, lang)
            shown = Source(path=tr_file, data=ov.data,
                           values=tr_src.values if tr_src else {}, keys=tr_src.keys if tr_src else {})
            warnings += [_fallback(tr_src, tr_file, lang, k, source_lang) for k in ov.fallbacks]
            src_leaves = catalog.leaves(text_src.data)
            warnings += [_stale(tr_src, lang, k, source_lang)
                         for k in fingerprints.stale_keys(tr_file, src_leaves, ov.translated)]
            texts, more = validate(Texts, shown)
            problems += more + _check_placeholders(shown)
    spec, more, _spec_file = aud.load_spec(data_dir, audience)
    problems += more
    aud_origins: dict = {}
    if texts and spec is not None:
        a_src_file = aud.text_path(data_dir, audience, source_lang)
        a_src = a_tr = None
        if a_src_file.exists():
            a_src, more = load(a_src_file)
            problems += more
        audience_source = a_src  # the audience's source-language file, before any overlay
        if a_src and lang != source_lang:
            a_tr_file = aud.text_path(data_dir, audience, lang)
            if a_tr_file.exists():
                a_tr, more = load(a_tr_file)
                problems += more
            ov = catalog.overlay(a_src, a_tr)
            problems += ov.problems
            warnings += [_fallback(a_tr, a_tr_file, lang, k, source_lang) for k in ov.fallbacks]
            warnings += [_stale(a_tr, lang, k, source_lang) for k in fingerprints.stale_keys(
                a_tr_file, catalog.leaves(a_src.data), ov.translated)]
            translated = set(ov.translated)
            a_src = Source(path=a_tr_file if a_tr else a_src_file, data=ov.data,
                           values=a_tr.values if a_tr else a_src.values,
                           keys=a_tr.keys if a_tr else a_src.keys)
            origin_of = {k: (a_tr if k in translated else None) for k in catalog.leaves(ov.data)}
        else:
            origin_of = {}
        if a_src and not problems:
            merged, applied, more = aud.apply(shown, a_src)
            problems += more
            if not more:
                texts, more = validate(Texts, merged)
                problems += more
                for key in applied:
                    src = origin_of.get(key) or audience_source
                    aud_origins[catalog.dotted(key)] = (str(src.path), *src.position(key))
        if spec.lead_figures and facts:
            for i, fid in enumerate(spec.lead_figures):
                if fid not in facts.key_figures:
                    problems.append(Problem(str(aud.spec_path(data_dir, audience)), None, None,
                                            f"audience '{audience}': unknown key figure '{fid}'",
                                            _known("key_figures", facts.key_figures)))
    if facts and texts:
        problems += _cross_check(facts, facts_src, texts, text_src)
    if problems:
        raise ContentError(problems)
    origins = _origins(text_src, tr_src if lang != source_lang else None)
    origins.update(aud_origins)
    warnings += _link_warnings(texts, origins, lang)
    return Content(lang=lang, facts=facts, texts=texts, warnings=tuple(warnings),
                   origins=origins, audience=audience, spec=spec)


def _link_warnings(texts: Texts, origins: dict, lang: str) -> list[Problem]:
    """Links the Markdown subset will not make (file:, javascript:, relative…): shown as text."""
    from ..i18n.catalog import dotted, leaves
    from ..render.rich import refused_links

    found = []
    for key, text in leaves(texts.model_dump(mode="json")).items():
        for url in refused_links(text):
            path, line, col = origins.get(dotted(key), ("<text>", None, None))
            found.append(Problem(path, line, col,
                                 f"{lang}: '{dotted(key)}' links to '{url}', which is shown as "
                                 "text: only http(s) and mailto links are made",
                                 "use a full https:// address, or remove the link"))
    return found


def _origins(text_src: Source, tr_src: Source | None) -> dict:
    from ..i18n.catalog import dotted, leaves

    translated = leaves(tr_src.data) if tr_src and isinstance(tr_src.data, dict) else {}
    out = {}
    for key in leaves(text_src.data):
        src = tr_src if key in translated else text_src
        out[dotted(key)] = (str(src.path), *src.position(key))
    return out


def _fallback(tr_src: Source | None, tr_file: Path, lang: str, key: tuple, source_lang: str) -> Problem:
    from ..i18n.catalog import dotted

    where = tr_src.problem(key, "") if tr_src else Problem(str(tr_file), None, None, "")
    return Problem(where.path, where.line, where.col,
                   f"{lang}: no translation for '{dotted(key)}', using the {source_lang} text",
                   f"add '{dotted(key)}' to {tr_file.name}")


def _stale(tr_src: Source, lang: str, key: tuple, source_lang: str) -> Problem:
    from ..i18n.catalog import dotted

    return tr_src.problem(key, f"{lang}: translation of '{dotted(key)}' is stale: the "
                               f"{source_lang} text changed since it was translated",
                          f"update it, then run `inbrief translations confirm --lang {lang} "
                          f"{dotted(key)}`")


def _check_placeholders(src: Source) -> list[Problem]:
    problems = []
    for loc, needed in _PLACEHOLDERS.items():
        value = src.data
        for part in loc:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            for ph in needed:
                if ph not in value:
                    problems.append(src.problem(loc, f"'{dotted(loc)}' must contain {ph}",
                                                f"write it where the value belongs, e.g. "
                                                f"{_example(loc)!r}"))
    return problems


def _example(loc: tuple) -> str:
    return {"as_of": "as of {year}", "edition": "{year} edition",
            "page_of": "Page {page} of {pages}", "qr": "Scan to visit {site}",
            "trend": "{label} over time"}[loc[-1]]


def _check_facts(facts: Facts, fsrc: Source) -> list[Problem]:
    """References inside facts.yaml: sources and lead figures must exist."""
    problems = []
    for fid, fig in facts.key_figures.items():
        for i, obs in enumerate(fig.observations):
            if obs.source not in facts.sources:
                problems.append(fsrc.problem(("key_figures", fid, "observations", i, "source"),
                                             f"unknown source '{obs.source}'",
                                             _known("sources", facts.sources)))
    for i, fid in enumerate(facts.lead_figures):
        if fid not in facts.key_figures:
            problems.append(fsrc.problem(("lead_figures", i), f"unknown key figure '{fid}'",
                                         _known("key_figures", facts.key_figures)))
    if facts.chart and facts.chart not in facts.key_figures:
        problems.append(fsrc.problem(("chart",), f"unknown key figure '{facts.chart}'",
                                     _known("key_figures", facts.key_figures)))
    return problems


def _cross_check(facts: Facts, fsrc: Source, texts: Texts, tsrc: Source) -> list[Problem]:
    """References between facts and text: every id used must exist on the other side."""
    problems = []
    for fid in facts.key_figures:
        if fid not in texts.key_figures:
            problems.append(tsrc.problem(("key_figures",),
                                         f"no label for key figure '{fid}'",
                                         f"add 'key_figures.{fid}.label'"))
    for fid in texts.key_figures:
        if fid not in facts.key_figures:
            problems.append(tsrc.problem(("key_figures", fid),
                                         f"label for unknown key figure '{fid}'",
                                         "add the figure to facts.yaml or remove the label"))
    for block in ("history", "cooperation"):
        events = getattr(facts, block)
        text = getattr(texts, block).events
        for i, ev in enumerate(events):
            if ev.id not in text:
                problems.append(tsrc.problem((block, "events"), f"no text for {block} event '{ev.id}'",
                                             f"add '{block}.events.{ev.id}'"))
        ids = {ev.id for ev in events}
        for eid in text:
            if eid not in ids:
                problems.append(tsrc.problem((block, "events", eid),
                                             f"text for unknown {block} event '{eid}'",
                                             f"add it to '{block}' in facts.yaml with its date, "
                                             f"or remove it"))
    return problems


def _known(what: str, table: dict) -> str:
    return f"known {what}: " + ", ".join(table) if table else f"define {what} first"
