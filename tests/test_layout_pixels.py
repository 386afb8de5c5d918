"""The pages as a reader sees them: colour, margins kept clear, nothing overflowing."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

IOM_BLUE = (0x00, 0x33, 0xA0)
MM = 72 / 25.4  # pixels per mm at scale 1 (1 px = 1 pt)


def pages(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].render(scale=1).to_pil().convert("RGB") for i in range(len(pdf))]
    finally:
        pdf.close()


def close(a, b, tol=6):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


@pytest.mark.parametrize("fixture", ["brief_pdf", "factsheet_pdf"])
def test_cover_band_is_iom_blue_to_the_edges(request, fixture):
    first = pages(request.getfixturevalue(fixture))[0]
    w, _h = first.size
    for x in (0, w // 2, w - 1):
        assert close(first.getpixel((x, 5)), IOM_BLUE), first.getpixel((x, 5))


@pytest.mark.parametrize("fixture", ["brief_pdf", "factsheet_pdf"])
def test_side_and_bottom_margins_stay_clear(request, fixture):
    """Ink in the outer 12 mm (outside the full-bleed cover band) means overflow."""
    for number, img in enumerate(pages(request.getfixturevalue(fixture)), 1):
        w, h = img.size
        strip = int(12 * MM)
        band_rows = {y for y in range(h) if close(img.getpixel((0, y)), IOM_BLUE)}
        gray = img.convert("L")
        for y in range(h):
            if y in band_rows:
                continue
            for x0, x1 in ((0, strip), (w - strip, w)):
                darkest = gray.crop((x0, y, x1, y + 1)).getextrema()[0]
                assert darkest >= 250, f"page {number}: ink in the side margin at y={y}"
        foot = gray.crop((0, h - int(8 * MM), w, h)).getextrema()[0]
        assert foot >= 250, f"page {number}: ink in the bottom 8 mm"


def test_every_brief_page_is_used(brief_pdf):
    """No near-empty page: each page has ink in at least a third of its height."""
    for number, img in enumerate(pages(brief_pdf), 1):
        gray = img.convert("L")
        w, h = gray.size
        inked = sum(1 for y in range(0, h, 2) if gray.crop((0, y, w, y + 1)).getextrema()[0] < 200)
        assert inked / (h / 2) > 0.33, f"page {number} is mostly empty"


@pytest.mark.parametrize("fixture", ["brief_pdf", "factsheet_pdf"])
def test_qr_code_decodes_to_the_website(request, fixture, tmp_path):
    import shutil
    import subprocess

    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian zbar-tools) is not installed")
    pdf = pdfium.PdfDocument(str(request.getfixturevalue(fixture)))
    png = tmp_path / "last.png"
    pdf[len(pdf) - 1].render(scale=4).to_pil().save(png)
    pdf.close()
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == "https://www.iom.int"
