"""One PDF target from its rendered HTML: copyfit, pad, check the budget, impose.

Everything here is deterministic, so a target's fingerprint (its HTML, styles,
fonts and options) fully decides its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..render.rendered import BLEED_MM, Rendered
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
    fill_mm: float = 0
    """Height of the fill panel on the last content page (0: none)."""
    imposed: tuple[bytes, list] | None = None
    extras: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Budget:
    """A layout's page budget (``layouts.NAME.pages``) as plain numbers a worker can read."""

    min: int
    max: int
    multiple: int = 1


@dataclass(frozen=True)
class Hint:
    """What this target needed last time; a guess that saves renders, never changes bytes."""

    step: copyfit.Step = copyfit.NONE
    filler: int = 0
    fill: float = 0
    exact: bool = False
    """The target's fingerprint is the one these were found for: the search would find them
    again (it is a pure function of the HTML, styles and fonts), so one layout suffices."""


def produce_pdf(t: Target, r: Rendered, *, budget: Budget, base_url: Path,
                rerender: Callable[[int, float], Rendered], roots: list[Path], variant: str,
                print_mode: bool, rtl: bool, impose: str | None = None, hint: Hint = Hint(),
                renders: dict | None = None, allow_remote: bool = False) -> Produced:
    """``renders``: documents already rendered with (notes pages, fill mm), besides ``r``."""
    from ..pdf.engine import layout as lay_out, write

    def attempt(rendered: Rendered, step: copyfit.Step):
        sheets = rendered.stylesheets + ([(None, step.css())] if step != copyfit.NONE else [])
        laid = lay_out(rendered.html, sheets, base_url=base_url, roots=roots,
                       page_limit=budget.max, allow_remote=allow_remote)
        if laid.refused:
            raise TargetFailed(
                f"{t.key}: the page loads resources that inbrief will not fetch:\n  " +
                "\n  ".join(laid.refused) +
                "\n  Templates and styles may load files inside the project (and data: URIs) "
                "only; the previous PDF was kept")
        return laid

    renders = {**(renders or {}), (0, 0.0): r}

    def document(filler: int, fill: float = 0.0) -> Rendered:
        """The HTML with ``filler`` notes pages and a fill panel of ``fill`` mm, rendered once."""
        if (filler, fill) not in renders:
            renders[(filler, fill)] = rerender(filler, fill)
        return renders[(filler, fill)]

    step, pdf, filler, fill = None, None, 0, 0.0
    hinted = hinted_document(hint)
    if hinted is not None:
        guess = attempt(document(*hinted), hint.step)
        if guess.pages <= budget.max and (budget.multiple == 1
                                          or guess.pages % budget.multiple == 0):
            step, pdf, filler, fill = hint.step, guess, hint.filler, hint.fill
    exact = pdf is not None  # the step found last time for these very inputs, loosening included
    if pdf is None and hint.filler == 1 and hint.step == copyfit.NONE and budget.multiple > 1:
        # Laid out with last time's notes page: if the content pages still fit unadjusted
        # and still need exactly that one, this is the result the full path would reach
        # (more notes pages than one, the full path first tries to copyfit them away).
        guess = attempt(document(hint.filler), copyfit.NONE)
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
        pdf = attempt(document(filler), step)
        if pdf.pages % budget.multiple:
            raise TargetFailed(
                f"{t.key}: {pdf.pages} pages after adding {filler} notes page(s); layout "
                f"'{t.layout}' needs a multiple of {budget.multiple} — check that the template "
                f"gives each filler page a page of its own")
    if not exact and pdf.pages <= budget.max:  # the passes keep the page count
        last = pdf.pages - 2 - filler  # the last content page before the closing one
        if r.fill_slot:
            fill, pdf = _fill_panel(lambda mm: attempt(document(filler, mm), step), pdf, last)
        if not fill and budget.multiple > 1:  # a booklet's last inside page, before its back
            step, pdf = _loosen(lambda s: attempt(document(filler), s), step, pdf, last)
        step, pdf = _rows_break(lambda s: attempt(document(filler, fill), s), step, pdf)
    check_budget(t, pdf.pages, budget, pdf.overflow)
    pdf = write(pdf, variant=variant, bleed_mm=BLEED_MM if print_mode else None)
    produced = Produced(pdf.data, pdf.pages, list(pdf.warnings), step, filler, fill)
    # No imposed file in --print mode, by design: print shops impose files with bleed themselves.
    if impose == "saddle-stitch" and not print_mode:
        from ..pdf.impose import impose

        produced.imposed = impose(pdf.data, title=f"{t.key} (imposed)", rtl=rtl)
    return produced


def hinted_document(hint: Hint) -> tuple[int, float] | None:
    """(notes pages, fill mm) of the one document to lay out when last build's hint is for
    these very inputs; the build templates it ahead when it is not the plain one (build._job)."""
    return (hint.filler, hint.fill) if hint.exact else None


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


SLACK = 0.1
"""The share of a page that may stay empty at its foot before the content is set looser."""


FILL_GAP_MM = 4
"""The space above the fill panel where it closes the content (booklet.css: .fill.closing)."""
FILL_MIN_MM = 30
"""The least room at the foot of the last content page worth trying the fill panel in."""


def _fill_panel(attempt, laid, index: int):
    """Fill, don't leave blank: the layout's ``fill`` sections (key figures, a quotation)
    sit under the cover band; where the last content page ends with room, they move there
    instead, in a panel at least as tall as that room, in one more layout. Kept only if
    nothing moves to another page (the panel did not fit the room)."""
    from ..pdf.engine import room_mm

    if index < 1 or index >= laid.pages:
        return 0.0, laid
    room = room_mm(laid, index)
    if room < FILL_MIN_MM:
        return 0.0, laid
    mm = round(room - FILL_GAP_MM - 1, 1)  # a hair under, so rounding never moves it on
    tried = attempt(mm)
    if tried.pages != laid.pages:
        return 0.0, laid
    return mm, tried


SHORT = 0.15
"""A page but the last this empty at its foot is short (the whitespace test's limit)."""


def _rows_break(attempt, step: copyfit.Step, laid):
    """Where a page but the last ends short, lay the target out once more with rows that may
    break (copyfit.ROWS_BREAK); kept if the shortest page is fuller and the count stays."""
    from dataclasses import replace

    from ..pdf.engine import slack

    def slacks(result) -> list[float]:
        return [slack(result, i) for i in range(result.pages - 1)]

    if step.rows_break or laid.pages < 2:
        return step, laid
    short = slacks(laid)
    if max(short) <= SHORT or _fixed(laid, short):
        return step, laid
    looser = replace(step, rows_break=True)
    tried = attempt(looser)
    if tried.pages == laid.pages and max(slacks(tried)) < max(short):
        return looser, tried
    return step, laid


def _fixed(laid, slacks: list[float]) -> bool:
    """Whether rows that may break cannot make the shortest page fuller, so that the pass
    would lay the target out again only to keep it as it is: the page ends at a forced break
    (a leaflet's outside sheet, a booklet's last inside page before its back cover). It is
    then the last page of a run of content that begins after the break before it; letting rows
    break lets each page before it in the run take as much or more, which leaves it as short
    or shorter, and the pass keeps a try only if the worst slack gets smaller."""
    from ..pdf.engine import ends_at_forced_break

    return ends_at_forced_break(laid, slacks.index(max(slacks)))


def _loosen(attempt, step: copyfit.Step, laid, index: int):
    """Fill the page before the last: where content fits as written but ends well short of
    that page's foot (the last inside page of a booklet, before its back cover), set it
    looser, step by step, until that page is full or one more step would add a page."""
    from ..pdf.engine import slack

    if step != copyfit.NONE or index < 1 or index >= laid.pages or slack(laid, index) <= SLACK:
        return step, laid
    for looser in copyfit.LOOSER:
        tried = attempt(looser)
        if tried.pages != laid.pages:
            break
        step, laid = looser, tried
        if slack(tried, index) <= SLACK:
            break
    return step, laid


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
