"""Contact sheets: every page of a built PDF side by side in one PNG, for review.

A layout is only done once someone has looked at every page in every language; one picture
per target makes that a matter of minutes instead of opening 80 PDFs. The pictures are drawn
from the PDFs on disk (PDFium, as a viewer would), never from HTML, so they show exactly what
was built. The docs' pictures come from here too (``make pictures``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import manifest as manifest_mod

GAP = 16        # px between pages and around the sheet
CAPTION = 22    # px of caption band above the pages
BACKGROUND = (228, 231, 236)
INK = (40, 46, 56)


@dataclass(frozen=True)
class Sheet:
    target: dict
    png: Path
    pages: int


def render_pages(pdf_path: Path, height: int, pages: list[int] | None = None):
    """PIL images of the PDF's pages (1-based numbers; all by default), ``height`` px tall."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        numbers = pages or list(range(1, len(pdf) + 1))
        images = []
        for number in numbers:
            page = pdf[number - 1]
            image = page.render(scale=height / page.get_height()).to_pil().convert("RGB")
            images.append(image)
        return images
    finally:
        pdf.close()


def compose(images, caption: str = "", per_row: int | None = None):
    """Pages in rows on a grey ground, with a caption band; landscape pages two to a row."""
    from PIL import Image, ImageDraw

    if per_row is None:
        per_row = 2 if images[0].width > images[0].height else 4
    rows = [images[i:i + per_row] for i in range(0, len(images), per_row)]
    width = max(sum(im.width for im in row) + GAP * (len(row) + 1) for row in rows)
    top = CAPTION if caption else 0
    height = top + sum(max(im.height for im in row) + GAP for row in rows) + GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    y = top + GAP
    for row in rows:
        x = GAP
        for im in row:
            sheet.paste(im, (x, y))
            x += im.width + GAP
        y += max(im.height for im in row) + GAP
    if caption:
        ImageDraw.Draw(sheet).text((GAP, 6), caption, fill=INK)
    return sheet


def save_png(image, path: Path) -> None:
    """Same pixels, same bytes: no timestamps or text chunks in the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=True)


def contact_sheets(out: Path, dest: Path, *, langs=(), layouts=(), audiences=(),
                   height: int = 420) -> list[Sheet]:
    """One PNG per built target of ``out`` (as its manifest lists it), into ``dest``."""
    targets = manifest_mod.read(out).get("targets", [])
    made = []
    for t in sorted(targets, key=lambda t: (t["layout"], t["lang"], t["audience"], t["path"])):
        if (langs and t["lang"] not in langs) or (layouts and t["layout"] not in layouts) \
                or (audiences and t["audience"] not in audiences):
            continue
        pdf = out / t["path"]
        if not pdf.is_file():
            continue
        images = render_pages(pdf, height)
        caption = f"{t['path']}  ·  {len(images)} page{'s' if len(images) != 1 else ''}"
        png = dest / Path(t["path"]).with_suffix(".png")
        save_png(compose(images, caption), png)
        made.append(Sheet(t, png, len(images)))
    return made
