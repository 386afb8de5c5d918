"""One PDF target from its rendered HTML: copyfit, pad, check the budget, impose.

Everything here is deterministic, so a target's fingerprint (its HTML, styles,
fonts and options) fully decides its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..config.loader import Project
from ..render.document import BLEED_MM, Rendered
from . import copyfit
from .matrix import Target


class TargetFailed(Exception):
    """The target cannot be built as configured; the message says why and what to do."""


@dataclass
class Produced:
    data: bytes
    pages: int
    warnings: list[str]
    step: copyfit.Step
    filler_pages: int = 0
    imposed: tuple[bytes, list] | None = None
    extras: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Hint:
    """What this target needed last time; a guess that saves renders, never changes bytes."""

    step: copyfit.Step = copyfit.NONE
    filler: int = 0
    exact: bool = False
    """The target's fingerprint is the one these were found for: the search would find them
    again (it is a pure function of the HTML, styles and fonts), so one layout suffices."""


def produce_pdf(project: Project, t: Target, r: Rendered, *, rerender: Callable[[int], Rendered],
                roots: list[Path], variant: str, print_mode: bool, rtl: bool,
                hint: Hint = Hint(), allow_remote: bool = False) -> Produced:
    from ..pdf.engine import layout as lay_out, write

    layout = project.config.layouts[t.layout]
    budget = layout.pages

    def attempt(rendered: Rendered, step: copyfit.Step):
        sheets = rendered.stylesheets + ([(None, step.css())] if step != copyfit.NONE else [])
        laid = lay_out(rendered.html, sheets, base_url=project.root, roots=roots,
                       page_limit=budget.max, allow_remote=allow_remote)
        if laid.refused:
            raise TargetFailed(
                f"{t.key}: the page loads resources that inbrief will not fetch:\n  " +
                "\n  ".join(laid.refused) +
                "\n  Templates and styles may load files inside the project (and data: URIs) "
                "only; the previous PDF was kept")
        return laid

    step, pdf, filler = None, None, 0
    if hint.exact:
        guess = attempt(rerender(hint.filler) if hint.filler else r, hint.step)
        if guess.pages <= budget.max and (budget.multiple == 1
                                          or guess.pages % budget.multiple == 0):
            step, pdf, filler = hint.step, guess, hint.filler
    if pdf is None and hint.filler == 1 and hint.step == copyfit.NONE and budget.multiple > 1:
        # Laid out with last time's notes page: if the content pages still fit unadjusted
        # and still need exactly that one, this is the result the full path would reach
        # (more notes pages than one, the full path first tries to copyfit them away).
        guess = attempt(rerender(hint.filler), copyfit.NONE)
        content_pages = guess.pages - hint.filler
        if content_pages <= budget.max and -content_pages % budget.multiple == hint.filler:
            step, pdf, filler = copyfit.NONE, guess, hint.filler
    if pdf is None:
        laid: dict[copyfit.Step, object] = {}  # the fill's search reuses the budget's layouts

        def at(s: copyfit.Step):
            if s not in laid:
                laid[s] = attempt(r, s)
            return laid[s]

        step, pdf, _ = copyfit.fit(at, lambda p: p.pages, budget.max)
        if budget.multiple > 1 and pdf.pages <= budget.max:
            step, pdf = _fill(at, step, pdf, budget)
    if (not filler and budget.multiple > 1 and pdf.pages % budget.multiple
            and pdf.pages <= budget.max):
        filler = -pdf.pages % budget.multiple
        pdf = attempt(rerender(filler), step)
        if pdf.pages % budget.multiple:
            raise TargetFailed(
                f"{t.key}: {pdf.pages} pages after adding {filler} notes page(s); layout "
                f"'{t.layout}' needs a multiple of {budget.multiple} — check that the template "
                f"gives each filler page a page of its own")
    check_budget(t, pdf.pages, budget, pdf.overflow)
    pdf = write(pdf, variant=variant, bleed_mm=BLEED_MM if print_mode else None)
    produced = Produced(pdf.data, pdf.pages, list(pdf.warnings), step, filler)
    # No imposed file in --print mode, by design: print shops impose files with bleed themselves.
    if layout.impose == "saddle-stitch" and not print_mode:
        from ..pdf.impose import impose

        produced.imposed = impose(pdf.data, title=f"{t.key} (imposed)", rtl=rtl)
    return produced


def _fill(attempt, step: copyfit.Step, laid, budget):
    """Fill, don't pad: content that ends just past a multiple of the sheet (a booklet of 9
    pages, 3 of them would be notes) is copyfitted back to the multiple below, within the
    copyfit's typographic limits. One notes page is left as it is; where even the tightest
    step does not fit, the content keeps its step and is padded."""
    below = laid.pages - laid.pages % budget.multiple
    if -laid.pages % budget.multiple <= 1 or below < budget.min:
        return step, laid
    tighter, fitted, _ = copyfit.fit(attempt, lambda p: p.pages, below)
    return (tighter, fitted) if fitted.pages <= below else (step, laid)


def check_budget(t: Target, pages: int, budget, overflow: dict | None = None) -> None:
    if budget.min <= pages <= budget.max:
        return
    want = f"exactly {budget.min}" if budget.min == budget.max else f"{budget.min}–{budget.max}"
    if pages > budget.max:
        detail = ""
        if overflow:
            detail = f" ({overflow['mm']} mm too long"
            if overflow.get("block"):
                detail += f"; overflowing from '{overflow['block']}'"
            detail += ")"
        raise TargetFailed(
            f"{t.key}: layout '{t.layout}' overflows: {pages} pages even with the tightest "
            f"copyfitting (type 90 %), it allows {want}{detail} — shorten the content or change "
            f"layouts.{t.layout}.pages in inbrief.yaml; the previous PDF was kept")
    raise TargetFailed(f"{t.key}: {pages} pages, layout '{t.layout}' needs {want} — add content "
                       f"or lower layouts.{t.layout}.pages.min in inbrief.yaml")
