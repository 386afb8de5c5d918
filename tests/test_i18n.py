"""Five languages: right language, right script, right direction, honest fallbacks."""

from __future__ import annotations

import json
import re
import unicodedata

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from conftest import REPO, run
from inbrief.locale import formatting as fmt

OFFICIAL = {
    "en": "International Organization for Migration",
    "fr": "Organisation internationale pour les migrations",
    "es": "Organización Internacional para las Migraciones",
    "ar": "المنظمة الدولية للهجرة",
    "uk": "Міжнародна організація з міграції",
}
SCRIPT = {"en": "LATIN", "fr": "LATIN", "es": "LATIN", "ar": "ARABIC", "uk": "CYRILLIC"}


def pdf_path(built, lang, layout):
    return built / lang / f"iom-in-brief-{layout}-general.pdf"


def text(path) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", raw)


@pytest.mark.parametrize("lang", OFFICIAL)
def test_lang_and_one_page_factsheet(built, lang):
    for layout in ("brief", "factsheet"):
        reader = PdfReader(pdf_path(built, lang, layout))
        assert reader.trailer["/Root"]["/Lang"] == lang
    assert len(PdfReader(pdf_path(built, lang, "factsheet")).pages) == 1
    assert 2 <= len(PdfReader(pdf_path(built, lang, "brief")).pages) <= 4


@pytest.mark.parametrize("lang", OFFICIAL)
def test_official_name_and_script(built, lang):
    body = text(pdf_path(built, lang, "brief"))
    assert unicodedata.normalize("NFKC", OFFICIAL[lang]) in body
    letters = [c for c in body if c.isalpha()]
    share = sum(SCRIPT[lang] in unicodedata.name(c, "") for c in letters) / len(letters)
    assert share >= 0.6, f"{lang}: only {share:.0%} of letters are {SCRIPT[lang]}"


def _aligned_share(values):
    return max(sum(abs(w - v) <= 1.5 for w in values) for v in values) / len(values)


def _edges(path):
    pdf = pdfium.PdfDocument(str(path))
    lefts, rights = [], []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        rects = [tp.get_rect(k) for k in range(tp.count_rects())]
        lines = [r for r in rects if r[2] - r[0] > 60]  # whole lines, not labels
        lefts.append(_aligned_share([r[0] for r in lines]))
        rights.append(_aligned_share([r[2] for r in lines]))
    pdf.close()
    return sum(lefts) / len(lefts), sum(rights) / len(rights)


def test_arabic_is_right_aligned_and_ragged_left(built):
    left, right = _edges(pdf_path(built, "ar", "brief"))
    assert right > 2 * left, (left, right)
    left, right = _edges(pdf_path(built, "en", "brief"))
    assert left > 2 * right, (left, right)


def test_arabic_page_is_mirrored(built):
    """The cover title block hugs the right edge in Arabic, the left in English."""
    def title_x(lang):
        pdf = pdfium.PdfDocument(str(pdf_path(built, lang, "brief")))
        page = pdf[0]
        width = page.get_size()[0]
        tp = page.get_textpage()
        rects = [tp.get_rect(k) for k in range(tp.count_rects())]
        top = max(rects, key=lambda r: r[3])  # highest line on the page
        pdf.close()
        return top[0] / width, top[2] / width

    en_left, _ = title_x("en")
    _, ar_right = title_x("ar")
    assert en_left < 0.2 and ar_right > 0.8


def test_locale_formatting():
    assert fmt.money(1.2e9, "USD", "en") == "USD\u00a01.2 billion"
    assert fmt.money(1.2e9, "USD", "fr") == "1,2 milliard\u00a0USD"
    assert fmt.number(7800, "fr") == "7\u00a0800"
    assert fmt.number(7800, "en") == "7,800"
    assert fmt.partial_date("1953-10-19", "es") == "19 de octubre de 1953"
    assert fmt.partial_date("1951-12", "fr") == "décembre 1951"
    assert fmt.country("CH", "uk") == "Швейцарія"


def _remove_line(path, startswith):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith(startswith):
            del lines[i]
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise AssertionError(startswith)


def test_missing_french_text_falls_back_with_warning(project):
    fr = project / "data/text/fr.yaml"
    _remove_line(fr, "subtitle:")
    result = run("--project", str(project), "build", "--audience", "general", "--lang", "fr", "--layout", "factsheet")
    assert result.exit_code == 0, result.output
    assert re.search(r"data/text/fr\.yaml:\d+:\d+: fr: no translation for 'document\.subtitle', "
                     r"using the en text", result.stderr)
    body = text(project / "output/fr/iom-in-brief-factsheet-general.pdf")
    assert "Managing Migration for the Benefit of All" in body
    manifest = json.loads((project / "output/manifest.json").read_text())
    [entry] = manifest["targets"]
    assert any("document.subtitle" in w for w in entry["warnings"])

    strict = run("--project", str(project), "build", "--audience", "general", "--lang", "fr", "--strict")
    assert strict.exit_code == 2
    assert "document.subtitle" in strict.stderr and "Traceback" not in strict.output

    report = run("--project", str(project), "translations", "--json")
    fr_row = next(r for r in json.loads(report.stdout)["languages"] if r["lang"] == "fr")
    assert fr_row["missing"] == ["document.subtitle"] and fr_row["percent"] < 100
    gate = run("--project", str(project), "translations", "--min-complete", "100")
    assert gate.exit_code == 1 and "fr (" in gate.stderr


def test_changed_english_marks_translations_stale(project):
    en = project / "data/text/en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "  heading: General information", "  heading: General overview"), encoding="utf-8")
    report = run("--project", str(project), "translations", "--json")
    rows = {r["lang"]: r for r in json.loads(report.stdout)["languages"]}
    for lang in ("fr", "es", "ar", "uk"):
        assert rows[lang]["stale"] == ["overview.heading"]
        assert rows[lang]["percent"] < 100
    assert rows["en"]["percent"] == 100
    table = run("--project", str(project), "translations", "--verbose")
    assert "stale    overview.heading" in table.stdout
    confirm = run("--project", str(project), "translations", "confirm", "--lang", "fr",
                  "overview.heading")
    assert confirm.exit_code == 0 and "confirmed 1" in confirm.stdout
    rows = {r["lang"]: r for r in json.loads(
        run("--project", str(project), "translations", "--json").stdout)["languages"]}
    assert rows["fr"]["stale"] == [] and rows["es"]["stale"] == ["overview.heading"]


def test_character_without_glyph_is_an_error(project):
    uk = project / "data/text/uk.yaml"
    uk.write_text(uk.read_text(encoding="utf-8").replace("  heading: ", "  heading: ა ", 1),
                  encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(r"data/text/uk\.yaml:\d+:\d+: uk: '[a-z_.]+heading' contains U\+10D0 "
                     r"GEORGIAN LETTER AN, which no font for 'uk' has \(Fira Sans\)", result.stderr)


def test_unknown_key_in_translation(project):
    fr = project / "data/text/fr.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("mission:\n", "mision:\n", 1),
                  encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    line = fr.read_text(encoding="utf-8").splitlines().index("mision:") + 1
    assert re.search(rf"data/text/fr\.yaml:{line}:1: unknown section 'mision' — did you mean "
                     r"'mission'\?", result.stderr), result.stderr


def test_source_hashes_are_committed_for_every_translation():
    for lang in ("fr", "es", "ar", "uk"):
        data = json.loads((REPO / f"data/text/{lang}.sources.json").read_text(encoding="utf-8"))
        assert len(data["keys"]) > 100
