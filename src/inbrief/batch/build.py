"""``build()``: the one function every command and test goes through.

Stages are kept apart so a bad input is found before any PDF is written:
1. load and validate all content (every problem of every language at once: exit 2);
2. render every target's HTML (template mistakes: exit 2);
3. render PDFs, skipping targets whose fingerprint is unchanged; a failing
   target is reported and the rest go on (exit 1); its last good PDF stays.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from .. import __version__
from ..config.loader import Project
from ..errors import ContentError, Problem
from ..locale import glyphs
from ..pdf import atomic
from ..pdf.fonts import Face, fingerprint as font_fingerprint, resolve_faces
from ..project.defaults import builtin_root
from ..render.direction import text_direction
from ..blocks.load import BlockContent as Content, load_block_content
from ..render.slots import check_config_slots, layout_slots
from ..render.blocks_doc import load_block_design, render_block_document
from ..render.document import Design
from ..render.rendered import Rendered
from . import copyfit, inputs, manifest
from .matrix import Target, matrix
from .options import Options
from .job import Deferred, Job, Result, make
from .produce import Budget, Hint, hinted_document


@dataclass
class Report:
    out: Path
    results: list[Result]
    worker_peak_rss_kb: int = 0
    """The largest peak memory of any worker process (0 when rendering in this process)."""

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.status == "failed"]


Progress = Callable[[Result], None]


Contents = dict[tuple[str, str], Content]
"""Content by (language, audience)."""


@dataclass
class Prepared:
    targets: list[Target]
    contents: Contents
    rendered: dict[Target, Rendered]
    faces: dict[str, list[Face]]
    failed: dict[Target, list[Problem]] = field(default_factory=dict)
    """Targets whose templates failed (a broken audience override, say): the rest go on."""


def _with_link_warnings(content):
    """The links of the rich texts that are shown as text, located in the file that holds
    each: a warning, as the Markdown subset makes no link of them."""
    import dataclasses

    from ..blocks.paths import get
    from ..render.rich import refused_links

    found = []
    for path in content.rich:
        text, key = get(content.texts, path), ".".join(map(str, path))
        for url in refused_links(text) if isinstance(text, str) else ():
            where, line, col = content.origins.get(key, ("<text>", None, None))
            found.append(Problem(where, line, col,
                                 f"{content.lang}: '{key}' links to '{url}', which is shown as "
                                 "text: only http(s) and mailto links are made",
                                 "use a full https:// address, or remove the link"))
    return dataclasses.replace(content, warnings=content.warnings + tuple(found)) if found \
        else content


def prepare(project: Project, opts: Options, *, partial: bool = False) -> Prepared:
    """Stages 1 and 2; raises ContentError with every problem found.

    Content problems stop everything. A template problem stops only the targets it
    affects when ``partial`` (a build) is asked, unless it affects them all; ``check``
    treats every problem as fatal.
    """
    targets = matrix(project.config, opts.langs, opts.layouts, opts.audiences, opts.shard)
    contents: Contents = {}
    problems: list[Problem] = []
    designs: dict[str, Design] = {}
    slots: dict[str, dict] = {}
    problems += check_config_slots(project)
    for audience in sorted({t.audience for t in targets}):
        designs[audience] = load_block_design(project, audience)
        slots[audience] = layout_slots(project, designs[audience].env)
    # The faces first: a language's typography uses only the characters its faces have.
    faces = {lang: resolve_faces(project.config.fonts, lang) for lang in
             sorted({t.lang for t in targets})}
    for lang, audience in sorted({(t.lang, t.audience) for t in targets}):
        try:
            contents[(lang, audience)] = load_block_content(
                project.root, project.data_dir, lang, project.config.source_language,
                audience, slots[audience], covered=glyphs.coverage(faces[lang]))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    contents = {key: _with_link_warnings(c) for key, c in contents.items()}
    if opts.strict:
        warned = sorted({w for c in contents.values() for w in c.warnings})
        if warned:
            raise ContentError(warned)
    for (lang, _audience), content in contents.items():
        problems += glyphs.check_texts(lang, content.texts, content.origins, faces[lang])
    if problems:
        raise ContentError(problems)
    rendered: dict[Target, Rendered] = {}
    failed: dict[Target, list[Problem]] = {}
    for t in targets:
        try:
            if t.audience not in designs:
                designs[t.audience] = load_block_design(project, t.audience)
            r = render_block_document(
                project, contents[(t.lang, t.audience)], t.layout, t.audience, faces[t.lang],
                paper=opts.paper, print_mode=opts.print_mode, design=designs[t.audience])
        except ContentError as exc:
            failed[t] = exc.problems
            continue
        missing = glyphs.check_rendered(t.lang, _visible_text(r.html),
                                        f"templates/layouts/{t.layout}.html.j2", faces[t.lang])
        if missing:
            failed[t] = missing
        else:
            rendered[t] = r
    if failed and (not partial or not rendered):
        raise ContentError(list(dict.fromkeys(p for ps in failed.values() for p in ps)))
    return Prepared(targets, contents, rendered, faces, failed)


def _visible_text(html: str) -> str:
    import html as htmlmod
    import re

    body = html.split("<body", 1)[-1]
    return htmlmod.unescape(re.sub(r"<[^>]+>", " ", body))


def target_fingerprint(project: Project, t: Target, r: Rendered, faces: list[Face],
                       opts: Options) -> str:
    """Everything the PDF's bytes depend on; the rendered HTML covers data and templates."""
    h = hashlib.sha256()
    layout = project.config.layouts[t.layout].model_dump(mode="json")
    h.update(json.dumps({"inbrief": __version__, "code": inputs.code_digest(),
                         **inputs.engine(), "layout": layout, "format": opts.format,
                         "variant": opts.pdf_variant, "remote": opts.allow_remote}, sort_keys=True).encode())
    h.update(r.html.encode())
    for _path, css in r.stylesheets:
        h.update(b"\0" + css.encode())
    h.update(font_fingerprint(faces).encode())
    # The HTML names the project's pictures by their file: an edited picture must rebuild.
    for uri in sorted(set(_PROJECT_FILE.findall(r.html))):
        path = Path(unquote(uri.removeprefix("file://")))
        if path.is_relative_to(project.root.resolve()):
            h.update(f"\0{uri}\0{manifest.sha256_file(path)}".encode())
    return h.hexdigest()


_PROJECT_FILE = re.compile(r"file://[^\"'\s)<>]+")


def build(project: Project, opts: Options, progress: Progress | None = None,
          progress_warnings: Callable[[Problem, str], None] | None = None,
          on_start: Callable[[int], None] | None = None, early: list | None = None) -> Report:
    """``early``: rendering workers already started (batch.warm), used before any new one;
    the caller stops them."""
    from ..pdf.subsetting import forced

    forced()  # a wrong INBRIEF_FONT_SUBSETTING stops the build here, not in every target
    out = (opts.out or project.output_dir).resolve()
    digest = inputs.digest(project, opts.output_options())
    if not opts.force:
        unchanged = _unchanged(project, opts, out, digest, progress, progress_warnings, on_start)
        if unchanged is not None:
            return unchanged
    prepared = prepare(project, opts, partial=True)
    targets, contents, rendered, faces = (prepared.targets, prepared.contents,
                                          prepared.rendered, prepared.faces)
    if progress_warnings:
        found = [(lang, w) for (lang, _a), c in contents.items() for w in c.warnings]
        for w, lang in _owners(found, project.config.source_language).items():
            progress_warnings(w, lang)
    out.mkdir(parents=True, exist_ok=True)
    if on_start:
        on_start(len(targets))
    old = {manifest.entry_key(e): e for e in manifest.read(out)["targets"]}
    entries = dict(old)
    results: list[Result] = []
    roots = _allowed_roots(project, faces)
    jobs: list[Job] = []
    later: dict[tuple[str, str], Deferred] = {}
    for t in targets:
        started = time.perf_counter()
        rel = t.filename(project.config, opts.format, opts.variant_suffix)
        if t in prepared.failed:
            res = Result(t, "failed", rel,
                         error=f"{t.key}: not built, its templates have errors:\n  " +
                               "\n  ".join(p.format() for p in prepared.failed[t]))
            results.append(res)
            if progress:
                progress(res)
            continue
        content = contents[(t.lang, t.audience)]
        content_warnings = [w.format() for w in content.warnings]
        key = _key(t, opts)
        fp = target_fingerprint(project, t, rendered[t], faces[t.lang], opts)
        prev = old.get(key)
        if (not opts.force and prev and prev.get("fingerprint") == fp
                and manifest.sha256_file(out / rel) == prev.get("sha256")):
            # Content warnings (fallbacks, staleness) are re-evaluated on every run.
            warns = content_warnings + list(prev.get("render_warnings", []))
            res = Result(t, "cached", rel, prev.get("pages"), prev.get("bytes"),
                         time.perf_counter() - started, warns)
            entries[key] = {**prev, "cached": True, "warnings": warns, "inputs": digest}
            results.append(res)
            if progress:
                progress(res)
        else:
            jobs.append(_job(project, t, rendered[t], opts, rel, out, key, fp, content_warnings,
                             _hint(prev, fp), roots, later.setdefault(
                                 (t.lang, t.audience),
                                 Deferred((project, content, faces[t.lang])))))
    peaks: list[int] = []
    try:
        for job, res, entry in _run(jobs, opts, peaks, early):
            results.append(res)
            if entry is not None:
                entries[job.key] = {**entry, "inputs": digest}
            if progress:
                progress(res)
    finally:
        # Also on Ctrl-C: no temporary file stays, and the manifest lists exactly
        # the intact files on disk.
        atomic.sweep(out)
        manifest.write(out, entries, _meta())
    order = {t: i for i, t in enumerate(targets)}
    results.sort(key=lambda r: order[r.target])
    return Report(out=out, results=results, worker_peak_rss_kb=max(peaks, default=0))


def _key(t: Target, opts: Options) -> tuple:
    """A target's key in the manifest (as ``manifest.entry_key`` reads it back)."""
    return (t.lang, t.layout, t.audience, opts.format, opts.variant_suffix)


def _owners(found: list[tuple[str, object]], source: str) -> dict:
    """Each distinct content warning, printed once, and the language whose row of the summary
    counts it: the one whose content gave it; of several (a warning about a source file every
    language reads), the source language if built, else the first."""
    langs: dict = {}
    for lang, w in found:
        langs.setdefault(w, set()).add(lang)
    return {w: min(ls, key=lambda lang: (lang != source, lang))
            for w, ls in sorted(langs.items())}


class _StoredWarning(str):
    """A content warning read back from the manifest; prints like a fresh Problem."""

    def format(self) -> str:  # noqa: A003 - mirrors Problem.format
        return str(self)


def _unchanged(project: Project, opts: Options, out: Path, digest: str,
               progress: Progress | None, progress_warnings, on_start) -> Report | None:
    """The whole selection cached, without loading content or templating: or None.

    Holds when every selected target was last built or confirmed from these exact
    inputs (same digest) and its files are intact; warnings are replayed from the
    manifest, since they too depend only on the inputs.
    """
    started = time.perf_counter()
    targets = matrix(project.config, opts.langs, opts.layouts, opts.audiences, opts.shard)
    old = {manifest.entry_key(e): e for e in manifest.read(out)["targets"]}
    chosen = []
    for t in targets:
        rel = t.filename(project.config, opts.format, opts.variant_suffix)
        e = old.get(_key(t, opts))
        if (not e or e.get("inputs") != digest or e.get("path") != rel
                or manifest.sha256_file(out / rel) != e.get("sha256")):
            return None
        imposed = e.get("imposed")
        if imposed and manifest.sha256_file(out / imposed["path"]) != imposed.get("sha256"):
            return None
        chosen.append((t, e))
    content_warnings = sorted({w for _t, e in chosen for w in e.get("warnings", [])
                               if w not in e.get("render_warnings", [])})
    if opts.strict and content_warnings:
        return None  # let the precise path raise them as errors, with their locations
    if progress_warnings:
        found = [(t.lang, _StoredWarning(w)) for t, e in chosen for w in e.get("warnings", [])
                 if w not in e.get("render_warnings", [])]
        for w, lang in _owners(found, project.config.source_language).items():
            progress_warnings(w, lang)
    if on_start:
        on_start(len(chosen))
    results = []
    for t, e in chosen:
        res = Result(t, "cached", e["path"], e.get("pages"), e.get("bytes"),
                     (time.perf_counter() - started) / max(len(chosen), 1),
                     list(e.get("warnings", [])))
        old[_key(t, opts)] = {**e, "cached": True}
        results.append(res)
        if progress:
            progress(res)
    manifest.write(out, old, _meta())
    return Report(out=out, results=results)


def _job(project: Project, t: Target, r: Rendered, opts: Options, rel: str, out: Path, key,
         fp: str, content_warnings: list[str], hint: Hint, roots: list[Path],
         rerender_with: Deferred) -> Job:
    layout = project.config.layouts[t.layout]
    pages = layout.pages
    job = Job(target=t, rendered=r, renders={},
              budget=Budget(pages.min, pages.max, pages.multiple), impose=layout.impose,
              base_url=project.root, roots=roots, opts=opts, rel=rel, out=out, key=key,
              fingerprint=fp, content_warnings=content_warnings,
              rtl=text_direction(t.lang) == "rtl", rerender_with=rerender_with, hint=hint)
    hinted = hinted_document(hint)
    if hinted not in (None, (0, 0.0)) and opts.format == "pdf":
        # The one document the worker will lay out, templated here while it loads the engine
        # (templating in the worker would first import the models and Jinja there). Should it
        # fail, the worker templates it again and reports the error as this target's.
        try:
            job.renders[hinted] = job.rerender(*hinted)
        except Exception:
            job.renders.clear()
    return job


def _hint(prev: dict | None, fingerprint: str) -> Hint:
    """Last build's copyfit step and notes pages for this target, if any."""
    if not prev:
        return Hint()
    try:
        step = copyfit.Step(**prev["copyfit"]) if prev.get("copyfit") else copyfit.NONE
        return Hint(step, int(prev.get("filler_pages") or 0), float(prev.get("fill_mm") or 0),
                    exact=prev.get("fingerprint") == fingerprint and "filler_pages" in prev)
    except (TypeError, ValueError):
        return Hint()


class _TimedOut(BaseException):
    """Raised by the alarm in a serial build; BaseException so no handler swallows it."""


def _run(jobs: list[Job], opts: Options, peaks: list[int], early: list | None = None):
    """Yield (job, result, manifest entry) as targets finish.

    One worker renders in this process (a timeout interrupts it with an alarm);
    more, or workers started early, run in a pool where a crash or a timeout fails only the
    target it held.
    """
    workers = min(opts.jobs, len(jobs))
    if workers <= 1 and not early:
        for job in jobs:
            yield (job, *_make_serial(job, opts.timeout))
        return
    from . import pool

    for job, outcome in pool.run(make, jobs, workers, opts.timeout, started=early):
        peaks.append(outcome.peak_rss_kb)
        if outcome.ok:
            yield (job, *outcome.value)
        else:
            yield job, Result(job.target, "failed", job.rel,
                              error=f"{job.target.key}: {outcome.error}"), None


def _make_serial(job: Job, timeout: float | None) -> tuple[Result, dict | None]:
    import signal
    import threading

    if not timeout or threading.current_thread() is not threading.main_thread():
        return make(job)

    def alarm(*_):
        raise _TimedOut()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return make(job)
    except _TimedOut:
        return Result(job.target, "failed", job.rel, seconds=timeout,
                      error=f"{job.target.key}: took longer than --timeout {timeout:g} s; "
                            "stopped"), None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _allowed_roots(project: Project, faces: dict[str, list[Face]]) -> list[Path]:
    roots = {project.root, builtin_root()}
    for fl in faces.values():
        roots.update(f.path.parent for f in fl)
    return sorted(roots)


def _meta() -> dict:
    return {"generator": f"inbrief {__version__}", "weasyprint": inputs.weasyprint_version()}
