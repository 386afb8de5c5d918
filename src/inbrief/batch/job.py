"""One target's rendering job, and the code that runs it, in or out of process.

A worker process starts before the build has loaded anything (batch.warm) and imports
only the engine and this module, so a job must be plain data: the target's final HTML,
its styles and its options. The project, content and faces, whose classes pull in the
models and Jinja (about 0.4 s of imports), travel pickled apart and are unpickled only
when copyfitting must render the document again (more notes pages, a fill panel).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..pdf import atomic, subsetting
from ..pdf.variants import DEFAULT_VARIANT
from ..render.rendered import Rendered
from . import copyfit
from .matrix import Target
from .options import Options
from .produce import Budget, Hint, TargetFailed, produce_pdf


@dataclass
class Result:
    target: Target
    status: str  # built | cached | failed
    path: str | None = None
    pages: int | None = None
    bytes: int | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


class Deferred:
    """A value pickled on its own, once however many jobs share it, and unpickled on first
    ``get()``: a worker that never needs it never imports its classes."""

    def __init__(self, value):
        self._value, self._blob = value, None

    def get(self):
        if self._value is None:
            self._value = pickle.loads(self._blob)
        return self._value

    def __getstate__(self):
        if self._blob is None:
            self._blob = pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        return {"blob": self._blob}

    def __setstate__(self, state):
        self._value, self._blob = None, state["blob"]


@dataclass
class Job:
    """One target to render: everything a worker process needs, and nothing it must import."""

    target: Target
    rendered: Rendered
    renders: dict[tuple[int, float], Rendered]
    """The document rendered again with last build's (notes pages, fill mm), when known."""
    budget: Budget
    impose: str | None
    base_url: Path
    roots: list[Path]
    opts: Options
    rel: str
    out: Path
    key: tuple
    fingerprint: str
    content_warnings: list[str]
    rtl: bool
    rerender_with: Deferred
    """(project, content, faces) for ``render_block_document``."""
    hint: Hint = Hint()

    def rerender(self, filler: int, fill_mm: float = 0.0) -> Rendered:
        from ..render.blocks_doc import render_block_document

        project, content, faces = self.rerender_with.get()
        t, opts = self.target, self.opts
        return render_block_document(project, content, t.layout, t.audience, faces,
                                     paper=opts.paper, print_mode=opts.print_mode,
                                     filler_pages=filler, fill_mm=fill_mm)


def make(job: Job) -> tuple[Result, dict | None]:
    """Render and write one target, in a worker process (the early one of batch.warm, or the
    pool's for --jobs > 1) or in this one."""
    t, opts, rel, out = job.target, job.opts, job.rel, job.out
    started = time.perf_counter()
    step, imposed_entry, filler, fill_mm = copyfit.NONE, None, 0, 0.0
    try:
        if opts.format == "html":
            data, pages, warns = _html_bundle(job.rendered, out / rel, out), None, []
        else:
            made = produce_pdf(
                t, job.rendered, budget=job.budget, base_url=job.base_url, roots=job.roots,
                variant=opts.pdf_variant or DEFAULT_VARIANT, print_mode=opts.print_mode,
                rtl=job.rtl, impose=job.impose, rerender=job.rerender, hint=job.hint,
                renders=job.renders, allow_remote=opts.allow_remote)
            data, pages, warns, step = made.data, made.pages, made.warnings, made.step
            filler, fill_mm = made.filler_pages, made.fill_mm
            if made.imposed:
                imposed_rel = rel[:-len(".pdf")] + "-imposed.pdf"
                atomic.write_bytes(out / imposed_rel, made.imposed[0])
                imposed_entry = {
                    "path": imposed_rel, "sha256": hashlib.sha256(made.imposed[0]).hexdigest(),
                    "pages": len(made.imposed[1]), "bytes": len(made.imposed[0]),
                    "order": [list(p) for p in made.imposed[1]]}
        atomic.write_bytes(out / rel, data)
    except TargetFailed as exc:
        return Result(t, "failed", rel, seconds=time.perf_counter() - started,
                      error=str(exc)), None
    except Exception as exc:  # one target's crash must not stop the others
        if opts.debug:  # the traceback travels with the result, also from a worker process
            import traceback

            detail = "\n" + traceback.format_exc()
        else:
            detail = " — this is a bug in inbrief; re-run with --debug and report the traceback"
        return Result(t, "failed", rel, seconds=time.perf_counter() - started,
                      error=f"{t.key}: internal error while rendering: "
                            f"{type(exc).__name__}: {exc}{detail}"), None
    render_warnings, warns = warns, job.content_warnings + warns
    res = Result(t, "built", rel, pages, len(data), time.perf_counter() - started, warns)
    entry = {
        "lang": t.lang, "layout": t.layout, "audience": t.audience,
        "format": opts.format, "variant": opts.variant_suffix.lstrip("-") or None,
        "paper": opts.paper, "print": opts.print_mode,
        "pdf_variant": None if opts.format == "html" else opts.pdf_variant or DEFAULT_VARIANT,
        "path": rel, "sha256": hashlib.sha256(data).hexdigest(), "pages": pages,
        "bytes": len(data), "cached": False, "warnings": warns,
        "render_warnings": render_warnings, "fingerprint": job.fingerprint,
        "font_subsetting": None if opts.format == "html" else subsetting.active(),
        "copyfit": None if opts.format == "html" or step == copyfit.NONE else step.as_dict(),
        "imposed": imposed_entry, "filler_pages": filler, "fill_mm": fill_mm or None,
    }
    return res, entry


def _html_bundle(r: Rendered, dest: Path, out: Path) -> bytes:
    """The final HTML WeasyPrint would render, styles inlined, fonts copied beside it."""
    fonts_dir = out / "assets" / "fonts"
    css = "\n".join(text for _path, text in r.stylesheets)
    for uri in sorted(set(_font_uris(css))):
        src = Path(uri[len("file://"):])
        fonts_dir.mkdir(parents=True, exist_ok=True)
        target = fonts_dir / src.name
        if not target.exists() or target.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, target)
        rel = os.path.relpath(target, dest.parent).replace(os.sep, "/")
        css = css.replace(uri, rel)
    style = "<style>\n" + css.replace("</", "<\\/") + "\n</style>\n"
    html = r.html.replace("</head>", style + "</head>", 1)
    return html.encode("utf-8")


def _font_uris(css: str) -> list[str]:
    import re

    return re.findall(r"url\((file://[^)]+)\)", css)
