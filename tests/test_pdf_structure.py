"""Accessibility and quality of the PDF file itself: tags, language, metadata, fonts."""

from __future__ import annotations

import page
import pytest
from pypdf import PdfReader

PDFS = ["brief_pdf", "factsheet_pdf"]
FONT_FAMILIES = ("FiraSans", "Fira Sans", "Fira-Sans")


@pytest.fixture(params=PDFS)
def pdf(request):
    return request.getfixturevalue(request.param)


def test_tagged_with_language(pdf):
    root = PdfReader(pdf).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"


def test_metadata(pdf):
    meta = PdfReader(pdf).metadata
    assert meta.title == "The International Organization for Migration in Brief"
    assert meta.author == "International Organization for Migration"
    assert meta.subject.startswith("An introduction to the International Organization")
    assert "/CreationDate" not in meta and "/ModDate" not in meta  # reproducible bytes


def test_bookmarks_from_headings(pdf):
    titles = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                titles.append(it.title)

    walk(PdfReader(pdf).outline)
    assert "The International Organization for Migration in Brief" in titles
    assert "Mission" in titles


def test_brief_bookmarks_cover_every_section(brief_pdf):
    reader = PdfReader(brief_pdf)
    flat = []

    def walk(items):
        for it in items:
            walk(it) if isinstance(it, list) else flat.append(it.title)

    walk(reader.outline)
    for heading in ("General information", "IOM's strategic focus",
                    "Four broad areas of migration management", "Strategic Vision 2019–2023",
                    "History", "IOM Headquarters"):
        assert heading in flat


def embedded_fonts(path):
    fonts = {}
    for pg in PdfReader(path).pages:
        for font in pg["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = descendants[0].get_object() if descendants else font
            descriptor = desc["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_only_subset_fonts_from_the_font_packages(pdf):
    fonts = embedded_fonts(pdf)
    assert fonts
    for name, embedded in fonts.items():
        tag, _, family = name.lstrip("/").partition("+")
        assert len(tag) == 6 and tag.isupper(), f"{name} is not a subset"
        assert family.startswith(FONT_FAMILIES), f"{name} is not from the project's font packages"
        assert embedded, f"{name} is not embedded"


def test_passes_pdf_ua_1(pdf):
    report = page.validate_pdf(str(pdf), profile="ua1")
    assert report.is_compliant, str(report)


def test_every_default_pdf_passes_pdf_ua_1(built):
    """Every language, layout and audience; the imposed booklet is a print file, not a
    reading copy."""
    pdfs = [p for p in sorted(built.rglob("*.pdf")) if not p.name.endswith("-imposed.pdf")]
    assert len(pdfs) == 80
    failing = {}
    for path in pdfs:
        report = page.validate_pdf(str(path), profile="ua1")
        if not report.is_compliant:
            failing[path.name] = [f.rule_id for f in report.failures]
    assert not failing, failing
