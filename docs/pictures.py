"""Every picture in the README and docs/, made from the current build: ``make pictures``.

The pictures are drawn by PDFium from freshly built PDFs, never edited by hand, so the docs
cannot show output the code no longer produces: tests/test_docs_pictures.py renders each one
again from the test build and compares. To add a picture, add a line to PICTURES (or a
language to SHEET_LANGS) and run ``make pictures``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
GALLERY = REPO / "examples" / "kinds-gallery"
LANGS = ("en", "fr", "es", "ar", "uk")
LAYOUTS = ("brief", "factsheet", "leaflet", "booklet")

# (picture under docs/, build, PDF under that build, pages, page height in px).
# Builds: "screen" is every language and layout for the general audience; "print" adds --print;
# "gallery" is examples/kinds-gallery. A negative height crops the page to what is drawn.
PICTURES = [
    ("images/brief-page1.png", "screen", "en/iom-in-brief-brief-general.pdf", [1], 758),
    ("images/factsheet.png", "screen", "en/iom-in-brief-factsheet-general.pdf", [1], 758),
    *[(f"images/brief-{lang}.png", "screen", f"{lang}/iom-in-brief-brief-general.pdf", [1], 379)
      for lang in LANGS],
    *[(f"images/layouts/brief-en-{n}.png", "screen", "en/iom-in-brief-brief-general.pdf", [n], 337)
      for n in (1, 2, 3, 4)],
    *[(f"images/layouts/factsheet-{lang}.png", "screen",
       f"{lang}/iom-in-brief-factsheet-general.pdf", [1], 421) for lang in ("en", "ar")],
    ("images/layouts/leaflet-en-outside.png", "screen", "en/iom-in-brief-leaflet-general.pdf",
     [1], 298),
    ("images/layouts/leaflet-en-inside.png", "screen", "en/iom-in-brief-leaflet-general.pdf",
     [2], 298),
    ("images/layouts/leaflet-ar-outside.png", "screen", "ar/iom-in-brief-leaflet-general.pdf",
     [1], 298),
    *[(f"images/layouts/booklet-en-sheet-side-{n}.png", "screen",
       "en/iom-in-brief-booklet-general-imposed.pdf", [n], 239) for n in (1, 2)],
    ("images/layouts/brief-en-print-1.png", "print", "en/iom-in-brief-brief-general-print.pdf",
     [1], 355),
]
# Contact sheets (every page of a target side by side) for review: general audience.
SHEET_LANGS = ("en", "fr", "ar")
SHEET_HEIGHT = 300


def sheet_pictures() -> list[tuple[str, str, str, None, int]]:
    return [(f"images/sheets/{layout}-{lang}.png", "screen",
             f"{lang}/iom-in-brief-{layout}-general.pdf", None, SHEET_HEIGHT)
            for layout in LAYOUTS for lang in SHEET_LANGS]


# One picture per built-in kind, from examples/kinds-gallery (a kind per page, page 1 the
# cover): the page cropped to what is drawn on it, above the running footer.
KINDS = ("text", "list", "cards", "callout", "quote", "key_figures", "chart", "timeline",
         "figure", "table", "partners", "contact", "sources")


def kind_pictures() -> list[tuple]:
    out = [("images/kinds/cover.png", "gallery", "en/kinds-gallery.pdf", [1], -900)]
    out += [(f"images/kinds/{kind}.png", "gallery", "en/kinds-gallery.pdf", [n], -900)
            for n, kind in enumerate(KINDS, start=2)]
    return out


def all_pictures():
    return PICTURES + sheet_pictures() + kind_pictures()


def draw(pdf: Path, pages, height: int):
    """The picture of ``pages`` of ``pdf``: one page as it is, several as a contact sheet."""
    from inbrief.batch.sheets import compose, render_pages

    from PIL import Image

    crop = height < 0  # a negative height: crop the page to what is drawn on it
    images = render_pages(pdf, abs(height), pages)
    if crop:
        image = _cropped(images[0])
    elif pages is not None and len(pages) == 1:
        image = images[0]
    else:
        image = compose(images, caption=f"{pdf.parent.name}/{pdf.name}  ·  {len(images)} pages")
    # 64 colours, undithered: a third of the bytes in the repository's history, same look.
    return image.quantize(colors=64, dither=Image.Dither.NONE)


def _cropped(image):
    """What is drawn on the page above its running footer, with a margin."""
    from PIL import ImageOps

    body = image.crop((0, 0, image.width, int(image.height * 0.9)))
    ink = ImageOps.invert(body.convert("L")).point(lambda v: 255 if v > 12 else 0)
    box = ink.getbbox()
    if box is None:
        return body
    margin = 16
    return image.crop((max(0, box[0] - margin), max(0, box[1] - margin),
                       min(image.width, box[2] + margin), min(image.height, box[3] + margin)))


def build(dest: Path) -> dict[str, Path]:
    """The two builds the pictures come from, made with this checkout's inbrief."""
    outs = {"screen": dest / "screen", "print": dest / "print", "gallery": dest / "gallery"}
    commands = {
        "screen": [str(REPO), "--audience", "general"],
        "print": [str(REPO), "--lang", "en", "--layout", "brief", "--audience", "general",
                  "--print"],
        "gallery": [str(GALLERY)],
    }
    for name, (project, *args) in commands.items():
        subprocess.run([sys.executable, "-m", "inbrief", "--project", project, "build",
                        "--out", str(outs[name]), "--quiet", *args], check=True)
    return outs


def main() -> None:
    from inbrief.batch.sheets import save_png

    with tempfile.TemporaryDirectory(prefix="inbrief-pictures-") as tmp:
        outs = build(Path(tmp))
        for name, build_name, pdf, pages, height in all_pictures():
            save_png(draw(outs[build_name] / pdf, pages, height), DOCS / name)
            print(f"docs/{name}")


if __name__ == "__main__":
    main()
