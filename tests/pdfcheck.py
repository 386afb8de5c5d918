"""Geometry of the text PDFium finds on a page: what a print designer checks by eye.

Shared by the whole-matrix invariant tests. Each check returns readable findings (page,
text, where) rather than a bool, so that a failure names what to look at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

MM = 72 / 25.4


@dataclass(frozen=True)
class Line:
    """One run of text on one line (PDFium's text rectangle), in PDF points."""
    page: int
    left: float
    bottom: float
    right: float
    top: float
    text: str


def text_lines(path: Path) -> tuple[list[tuple[float, float, float, float]], list[Line]]:
    """Per page its TrimBox, and every text rectangle of the document."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        trims, lines = [], []
        for index in range(len(pdf)):
            page = pdf[index]
            trims.append(page.get_trimbox())
            textpage = page.get_textpage()
            for k in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(k)
                text = textpage.get_text_bounded(left, bottom, right, top).strip()
                if text:
                    lines.append(Line(index + 1, left, bottom, right, top, text))
        return trims, lines
    finally:
        pdf.close()


def outside_safe_area(path: Path, safe_mm: float = 3) -> list[str]:
    """Glyphs closer than ``safe_mm`` to the trimmed sheet's edge, or beyond it."""
    pdf = pdfium.PdfDocument(str(path))
    safe = safe_mm * MM
    found = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            left, bottom, right, top = page.get_trimbox()
            textpage = page.get_textpage()
            run = []
            for c in range(textpage.count_chars()):
                char = textpage.get_text_range(c, 1)
                if not char.strip():
                    continue
                x0, y0, x1, y1 = textpage.get_charbox(c)
                if x0 < left + safe or x1 > right - safe or y0 < bottom + safe or y1 > top - safe:
                    run.append((char, x0, y0, x1, y1))
                elif run:
                    found.append(_describe(index + 1, run, (left, bottom, right, top)))
                    run = []
            if run:
                found.append(_describe(index + 1, run, (left, bottom, right, top)))
    finally:
        pdf.close()
    return found


def _describe(page: int, run: list, trim) -> str:
    text = "".join(r[0] for r in run)
    x0 = min(r[1] for r in run)
    y0 = min(r[2] for r in run)
    x1 = max(r[3] for r in run)
    y1 = max(r[4] for r in run)
    return (f"page {page}: {text[:60]!r} spans x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f} pt; "
            f"trim box {trim[0]:.0f} {trim[1]:.0f} {trim[2]:.0f} {trim[3]:.0f}")


def overprinted_lines(path: Path, tolerance: float = 1.0) -> list[str]:
    """Pairs of text runs whose boxes overlap by more than ``tolerance`` points both ways.

    Runs on one line abut without overlapping, and lines set with any sane leading clear
    each other, so an overlap is text drawn over text: two blocks placed on the same spot,
    a heading too tight for its script's marks, an absolutely placed box over the flow.
    """
    _, lines = text_lines(path)
    found = []
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page, runs in by_page.items():
        runs.sort(key=lambda r: r.left)
        for i, a in enumerate(runs):
            for b in runs[i + 1:]:
                if b.left >= a.right - tolerance:
                    break
                dx = min(a.right, b.right) - max(a.left, b.left)
                dy = min(a.top, b.top) - max(a.bottom, b.bottom)
                if dx > tolerance and dy > tolerance:
                    found.append(f"page {page}: {a.text[:40]!r} and {b.text[:40]!r} overlap "
                                 f"by {dx:.1f} × {dy:.1f} pt at x {max(a.left, b.left):.0f}, "
                                 f"y {max(a.bottom, b.bottom):.0f}")
    return found
