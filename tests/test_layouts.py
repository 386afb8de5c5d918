"""Leaflet, booklet and imposition, paper sizes, print production, PDF variants, copyfitting."""

from __future__ import annotations

import json
import re

import page
import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, run
from inbrief.pdf.impose import saddle_order

MM = 72 / 25.4


def size(page_obj, box="mediabox"):
    b = getattr(page_obj, box)
    return round(float(b.width)), round(float(b.height))


def test_leaflet_is_two_a4_landscape_pages(built):
    reader = PdfReader(built / "en/iom-in-brief-leaflet-general.pdf")
    assert [size(p) for p in reader.pages] == [(842, 595), (842, 595)]


def test_leaflet_outside_has_cover_on_the_right(built):
    """Roll fold: the cover is the outside right panel (left for right-to-left languages)."""
    import pypdfium2 as pdfium

    def title_centre(lang):
        pdf = pdfium.PdfDocument(str(built / f"{lang}/iom-in-brief-leaflet-general.pdf"))
        first = pdf[0]
        width = first.get_size()[0]
        tp = first.get_textpage()
        rects = [tp.get_rect(i) for i in range(tp.count_rects())]
        title = max(rects, key=lambda r: r[3] - r[1])  # the largest type: the cover title
        pdf.close()
        return (title[0] + title[2]) / 2 / width

    assert title_centre("en") > 2 / 3
    assert title_centre("ar") < 1 / 3


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "uk"])
def test_leaflet_cover_panel_carries_its_lead_under_the_title(built, lang):
    """The cover's lead sentence fills the panel below the title, inside the cover panel; the
    brief's cover band has no room for it and leaves it out."""
    import pypdfium2 as pdfium
    import yaml

    def flat(text):
        return " ".join(text.split()).replace("\u00ad", "").replace("- ", "")

    def texts(path):
        pdf = pdfium.PdfDocument(str(path))
        return pdf[0].get_textpage(), pdf[0].get_size()[0], pdf

    data = yaml.safe_load((REPO / f"data/text/{lang}.yaml").read_text(encoding="utf-8"))
    lead = flat(data["cover"]["masthead"]["lead"])
    tp, width, pdf = texts(built / f"{lang}/iom-in-brief-leaflet-general.pdf")
    words = [w for w in lead.split() if len(w) > 3][:3]
    on_cover = flat(tp.get_text_bounded(left=2 * width / 3, right=width) if lang != "ar"
                    else tp.get_text_bounded(left=0, right=width / 3))
    # (Arabic extracts some words in shaped order: two of the first three suffice.)
    assert sum(w in on_cover for w in words) >= 2, (words, on_cover[:300])
    pdf.close()
    tp, width, pdf = texts(built / f"{lang}/iom-in-brief-brief-general.pdf")
    band = flat(tp.get_text_bounded(bottom=pdf[0].get_size()[1] - 200))  # the cover band
    assert flat(data["document"]["title"])[:12] in band and lead[:40] not in band
    pdf.close()


def test_booklet_is_a_multiple_of_four_a5_pages(built):
    reader = PdfReader(built / "en/iom-in-brief-booklet-general.pdf")
    n = len(reader.pages)
    assert n % 4 == 0 and n >= 8
    assert {size(p) for p in reader.pages} == {(420, 595)}


def _first_words(text):
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(words[:6])


def test_imposed_booklet_pairs_pages_in_saddle_stitch_order(built):
    booklet = PdfReader(built / "en/iom-in-brief-booklet-general.pdf")
    imposed = PdfReader(built / "en/iom-in-brief-booklet-general-imposed.pdf")
    n = len(booklet.pages)
    assert len(imposed.pages) == n // 2
    assert {size(p) for p in imposed.pages} == {(842, 595)}
    texts = [p.extract_text() for p in booklet.pages]
    for sheet, (left, right) in zip(imposed.pages, saddle_order(n)):
        sheet_text = re.sub(r"\s+", " ", sheet.extract_text())
        for number in (left, right):
            assert _first_words(texts[number - 1]) in sheet_text, (left, right)
    manifest = json.loads((built / "manifest.json").read_text())
    entry = next(t for t in manifest["targets"] if t["layout"] == "booklet" and t["lang"] == "en")
    assert entry["imposed"]["path"] == "en/iom-in-brief-booklet-general-imposed.pdf"
    assert entry["imposed"]["pages"] == n // 2


def test_saddle_order():
    assert saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert saddle_order(8, rtl=True) == [(1, 8), (7, 2), (3, 6), (5, 4)]
    with pytest.raises(ValueError):
        saddle_order(6)


def test_booklet_notes_pages_pad_to_four(built):
    reader = PdfReader(built / "en/iom-in-brief-booklet-general.pdf")
    texts = [p.extract_text() for p in reader.pages]
    assert "Headquarters" in texts[-1]  # the back cover stays last
    notes = [t for t in texts if t.strip().startswith("Notes")]
    assert len(notes) < 4


@pytest.fixture(scope="module")
def pdfa(tmp_path_factory):
    """Letter and print variants come from the session's build (conftest.variants)."""
    out = tmp_path_factory.mktemp("pdfa")
    result = run("--project", str(REPO), "build", "--audience", "general", "--lang", "en",
                 "--layout", "brief", "--out", str(out), "--pdf-variant", "pdf/a-3b")
    assert result.exit_code == 0, result.output
    return out


def test_letter_paper(variants):
    reader = PdfReader(variants["letter"] / "en/iom-in-brief-brief-general-letter.pdf")
    assert {size(p) for p in reader.pages} == {(612, 792)}
    assert len(PdfReader(variants["letter"] /
                         "en/iom-in-brief-factsheet-general-letter.pdf").pages) == 1


def test_print_mode_bleed_and_trim(variants):
    for p in PdfReader(variants["print"] / "en/iom-in-brief-brief-general-print.pdf").pages:
        media, trim, bleed = p.mediabox, p.trimbox, p.bleedbox
        assert (round(float(trim.width)), round(float(trim.height))) == (595, 842)
        for outer, inner in ((media, trim), (bleed, trim)):
            assert float(inner.left) - float(outer.left) >= 3 * MM - 0.01
            assert float(inner.bottom) - float(outer.bottom) >= 3 * MM - 0.01
            assert float(outer.right) - float(inner.right) >= 3 * MM - 0.01
            assert float(outer.top) - float(inner.top) >= 3 * MM - 0.01
        assert abs(float(trim.left) - float(bleed.left) - 3 * MM) < 0.01


def test_pdf_a_3b_claim_is_true(pdfa):
    path = pdfa / "en/iom-in-brief-brief-general-pdfa-3b.pdf"
    xmp = PdfReader(path).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part(="|>)3', xmp) and re.search(r'pdfaid:conformance(="|>)B', xmp)
    report = page.validate_pdf(str(path), profile="3b")
    assert report.is_compliant, str(report)


def _lengthen(path, factor):
    """Every text of the source file ``factor`` times longer; structure (kinds, ids, figure and
    event list names) is left as it is. The texts are what a translation holds: fr.yaml's keys."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = yaml.safe_load((path.parent / "fr.yaml").read_text(encoding="utf-8"))

    def grow(value, text):
        if isinstance(value, dict):
            return {k: grow(v, text.get(k) if isinstance(text, dict) else None)
                    for k, v in value.items()}
        if isinstance(value, list):
            return [grow(v, text[i] if isinstance(text, list) and i < len(text) else None)
                    for i, v in enumerate(value)]
        if (isinstance(value, str) and isinstance(text, str) and "{" not in value
                and len(value) > 3):
            words = value.split()
            extra = []
            while len(" ".join(words + extra)) < len(value) * factor:
                extra.append(words[len(extra) % len(words)])
            return " ".join(words + extra)
        return value

    path.write_text(yaml.safe_dump(grow(data, texts), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


@pytest.mark.parametrize("factor", [1.25])
def test_copyfit_fits_longer_factsheet(project, factor):
    _lengthen(project / "data/text/en.yaml", factor)
    result = run("--project", str(project), "build", "--audience", "general", "--lang", "en", "--layout", "factsheet")
    assert result.exit_code == 0, result.output
    pdf = project / "output/en/iom-in-brief-factsheet-general.pdf"
    assert len(PdfReader(pdf).pages) == 1
    entry = json.loads((project / "output/manifest.json").read_text())["targets"][0]
    assert "copyfit" in entry  # null when the text fits as designed
    if factor >= 1.25:
        assert entry["copyfit"] and entry["copyfit"]["scale"] >= 0.9


def test_copyfit_fails_cleanly_at_150_percent(project):
    assert run("--project", str(project), "build", "--audience", "general", "--lang", "en", "--layout",
               "factsheet").exit_code == 0
    pdf = project / "output/en/iom-in-brief-factsheet-general.pdf"
    before = pdf.read_bytes()
    _lengthen(project / "data/text/en.yaml", 2.5)
    result = run("--project", str(project), "build", "--audience", "general", "--lang", "en", "--layout", "factsheet")
    assert result.exit_code == 1
    assert "en/factsheet/general: layout 'factsheet' overflows" in result.stderr
    assert re.search(r"\(\d+ mm too long; overflowing from '[^']+'\)", result.stderr)
    assert "Traceback" not in result.output
    assert pdf.read_bytes() == before


def test_print_leaflet_stays_accessible(tmp_path):
    result = run("--project", str(REPO), "build", "--audience", "general", "--lang", "en", "--layout", "leaflet", "--print",
                 "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "en/iom-in-brief-leaflet-general-print.pdf"
    assert page.validate_pdf(str(path), profile="ua1").is_compliant
    assert {size(p, "trimbox") for p in PdfReader(path).pages} == {(842, 595)}
