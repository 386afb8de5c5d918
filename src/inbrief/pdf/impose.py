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
    """Each page becomes a Form XObject drawn twice-up on its sheet.

    The pages' content streams are copied as they are (still compressed), never
    parsed and rewritten: merging pages with pypdf's page transforms parsed
    every stream and cost over a second per booklet.
    """
    import hashlib

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject,
                               DictionaryObject, FloatObject, NameObject)

    reader = PdfReader(io.BytesIO(pdf))
    pages = reader.pages
    box = pages[0].mediabox
    width, height = float(box.width), float(box.height)
    order = saddle_order(len(pages), rtl=rtl)
    sheet_w, sheet_h = sheet_for(width, height)
    x0 = (sheet_w - 2 * width) / 2  # centred: the fold falls on the sheet's middle
    writer = PdfWriter()
    forms = {}

    def form(number: int):
        if number not in forms:
            page = pages[number - 1]
            contents = page["/Contents"].get_object()
            streams = contents if isinstance(contents, ArrayObject) else [contents]
            if len(streams) == 1:
                stream = streams[0].get_object().clone(writer)  # raw bytes, filter kept
            else:
                stream = DecodedStreamObject()
                stream.set_data(b"\n".join(s.get_object().get_data() for s in streams))
            media = page.mediabox
            stream.update({
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (
                    media.left, media.bottom, media.right, media.top)),
                NameObject("/Resources"): page["/Resources"].get_object().clone(writer),
            })
            forms[number] = (writer._add_object(stream), float(media.left), float(media.bottom))
        return forms[number]

    for left, right in order:
        sheet = writer.add_blank_page(width=sheet_w, height=sheet_h)
        xobjects, ops = DictionaryObject(), []
        for name, number, x in (("/L", left, x0), ("/R", right, x0 + width)):
            ref, llx, lly = form(number)
            xobjects[NameObject(name)] = ref
            ops.append(f"q 1 0 0 1 {_num(x - llx)} {_num(-lly)} cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data(" ".join(ops).encode())
        sheet[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": title, "/Producer": "inbrief"})
    # A fixed document ID: the same booklet gives the same imposed bytes.
    digest = hashlib.md5(pdf).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), order


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"
