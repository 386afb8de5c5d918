"""The largest blank band in the body of every page of a build, worst first.

    .venv/bin/python bench/whitespace.py OUT_DIR [--limit 15] [--top 30]

A page's body runs from its top margin to the running footer; a band is a run of pixel rows
with no ink across the whole sheet. Every page but a document's last counts; the limit is
15 % of the page height (25 % on A5 booklet pages), as issue 15 asks. Prints one line per page
over its limit and a summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pypdfium2 as pdfium

SCALE = 0.5  # 36 dpi: a text line is still several rows
INK = 245  # a row with any pixel darker than this holds ink


def blank_share(page) -> float:
    """Largest run of ink-free rows between the body's top and the footer, over page height."""
    width, height = page.get_size()
    image = page.render(scale=SCALE, grayscale=True).to_pil()
    rows = image.height
    tp = page.get_textpage()
    rects = [tp.get_rect(i) for i in range(tp.count_rects())]
    # The running footer: text in the bottom tenth of the sheet (pdf y runs upwards).
    foot = [r for r in rects if r[3] < height * 0.10]
    footer_top = (1 - max(r[3] for r in foot) / height) if foot else 0.92
    pixels = image.load()
    inked = [any(pixels[x, y] < INK for x in range(0, image.width, 2)) for y in range(rows)]
    first = next((y for y, ink in enumerate(inked) if ink), rows)
    top = min(first, int(rows * 0.08)) if first < rows * 0.15 else int(rows * 0.08)
    bottom = int(rows * footer_top) - 1
    best = run = 0
    for y in range(top, max(top, bottom)):
        run = 0 if inked[y] else run + 1
        best = max(best, run)
    return best / rows


def scan(out: Path, limit: float = 15.0) -> tuple[list[tuple[float, str, int, float]], int]:
    """(share, path, page, limit) of every page over its limit, worst first, and the number
    of pages looked at, over every target of the build in ``out``."""
    manifest = json.loads((out / "manifest.json").read_text())
    found, pages = [], 0
    for t in manifest["targets"]:
        pdf = pdfium.PdfDocument(str(out / t["path"]))
        page_limit = limit if t["layout"] != "booklet" else max(limit, 25.0)
        for i in range(len(pdf) - 1):
            pages += 1
            share = 100 * blank_share(pdf[i])
            if share > page_limit:
                found.append((share, t["path"], i + 1, page_limit))
        pdf.close()
    return sorted(found, reverse=True), pages


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=float, default=15.0)
    ap.add_argument("--top", type=int, default=30)
    opts = ap.parse_args()
    found, pages = scan(opts.out, opts.limit)
    for share, path, page, limit in found[:opts.top]:
        print(f"{share:5.1f} % blank (limit {limit:.0f} %)  {path} page {page}")
    print(f"{len(found)} of {pages} pages over their limit", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
