"""Saddle-stitch imposition: booklet pages two-up on sheets twice as wide.

Printed duplex (flip on the short edge) and folded, the sheets nest into the
booklet: sheet sides carry (n, 1), (2, n-1), (n-2, 3), (4, n-3) … For a
right-to-left booklet the binding is on the right, so each pair swaps sides.
"""

from __future__ import annotations

import io


def saddle_order(n: int, *, rtl: bool = False) -> list[tuple[int, int]]:
    """1-based (left, right) page numbers for each sheet side, in printing order."""
    if n % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {n}")
    sides = []
    for i in range(n // 2):
        outer, inner = n - i, i + 1
        left, right = (outer, inner) if i % 2 == 0 else (inner, outer)
        sides.append((right, left) if rtl else (left, right))
    return sides


A4_LANDSCAPE = (841.8898, 595.2756)


def sheet_for(width: float, height: float) -> tuple[float, float]:
    """Two A5 pages (2 × 148 mm) go on A4 (297 mm); otherwise the sheet is twice the page."""
    if abs(2 * width - A4_LANDSCAPE[0]) < 6 and abs(height - A4_LANDSCAPE[1]) < 1:
        return A4_LANDSCAPE
    return (2 * width, height)


def impose(pdf: bytes, *, title: str, rtl: bool = False) -> tuple[bytes, list[tuple[int, int]]]:
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    pages = reader.pages
    width = float(pages[0].mediabox.width)
    height = float(pages[0].mediabox.height)
    order = saddle_order(len(pages), rtl=rtl)
    sheet_w, sheet_h = sheet_for(width, height)
    x0 = (sheet_w - 2 * width) / 2  # centred: the fold falls on the sheet's middle
    writer = PdfWriter()
    for left, right in order:
        sheet = writer.add_blank_page(width=sheet_w, height=sheet_h)
        sheet.merge_transformed_page(pages[left - 1], Transformation().translate(tx=x0))
        sheet.merge_transformed_page(pages[right - 1], Transformation().translate(tx=x0 + width))
    writer.add_metadata({"/Title": title, "/Producer": "inbrief"})
    # A fixed document ID: the same booklet gives the same imposed bytes.
    import hashlib

    digest = hashlib.md5(pdf).digest()
    from pypdf.generic import ArrayObject, ByteStringObject

    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), order
