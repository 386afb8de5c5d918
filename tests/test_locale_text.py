"""What each language prints of the locale's own words: dates from CLDR that read naturally,
the organisation's acronym and short name, the address in the language's words."""

from __future__ import annotations

import re
import unicodedata

import pypdfium2 as pdfium
import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, run
from inbrief.locale import formatting as fmt
from inbrief.render.filters import within

LANGS = ("en", "fr", "es", "ar", "uk")
NBSP = "\u00a0"


def pages(path) -> list[str]:
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(path).pages]


def logical_text(path) -> str:
    """PDFium's text, in reading order also for Arabic (pypdf gives the visual order)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def brief(built, lang):
    return built / lang / "iom-in-brief-brief-general.pdf"


# -- dates -----------------------------------------------------------------------------------

MONTH_YEAR = {"en": "December 1951", "fr": "décembre 1951", "es": "diciembre de 1951",
              "ar": "ديسمبر 1951", "uk": f"грудень 1951{NBSP}р."}
FULL_DATE = {"en": "19 October 1953", "fr": "19 octobre 1953", "es": "19 de octubre de 1953",
             "ar": "19 أكتوبر 1953", "uk": f"19 жовтня 1953{NBSP}р."}


@pytest.mark.parametrize("lang", LANGS)
def test_dates_follow_the_locales_cldr_patterns(lang):
    """Month and year by CLDR's yMMMM skeleton (Spanish "de", Ukrainian nominative "грудень"
    with "р."), a full date by the long format (Ukrainian genitive "жовтня")."""
    assert fmt.partial_date("1951-12", lang) == MONTH_YEAR[lang]
    assert fmt.partial_date("1953-10-19", lang) == FULL_DATE[lang]
    assert fmt.partial_date("1952", lang) == "1952"


@pytest.mark.parametrize("lang", ["en", "fr", "es", "uk"])
def test_history_dates_read_naturally_in_the_pdf(built, lang):
    text = re.sub(r"[ \t]*\n[ \t]*", " ", "\n".join(pages(brief(built, lang))))
    assert unicodedata.normalize("NFKC", MONTH_YEAR[lang]) in text
    assert unicodedata.normalize("NFKC", FULL_DATE[lang]) in text
    if lang == "es":
        assert "diciembre 1951" not in text


def test_arabic_history_dates_in_the_pdf(built):
    """Arabic by its letters (PDFium splits some ligatures when it extracts them)."""
    lines = logical_text(brief(built, "ar")).splitlines()
    month = next(line.strip() for line in lines if line.strip().endswith(" 1951")
                 and not any(c.isdigit() for c in line.strip()[:-5]))
    assert sorted(month.replace(" ", "")) == sorted(MONTH_YEAR["ar"].replace(" ", ""))


# -- acronym, short name, address ------------------------------------------------------------

ACRONYM = {"en": "IOM", "fr": "OIM", "es": "OIM", "uk": "МОМ"}
OFFICIAL = {"fr": "Organisation internationale pour les migrations",
            "es": "Organización Internacional para las Migraciones",
            "uk": "Міжнародна організація з міграції"}
CITY = {"en": "Geneva 19", "fr": "Genève 19", "es": "Ginebra 19", "ar": "جنيف 19",
        "uk": "Женева 19"}


def _cited(text: str) -> str:
    """The text without the sources' titles (English documents, cited as written)."""
    facts = yaml.safe_load((REPO / "data/facts.yaml").read_text(encoding="utf-8"))
    flat = re.sub(r"\s+", "", text)
    for source in facts["sources"].values():
        flat = flat.replace(re.sub(r"\s+", "", source["title"]), "")
    return flat


@pytest.mark.parametrize("lang", ["fr", "es", "uk"])
def test_cover_footer_and_keywords_use_the_languages_acronym(built, lang):
    for layout in ("brief", "factsheet", "leaflet", "booklet"):
        pdf = built / lang / f"iom-in-brief-{layout}-general.pdf"
        texts = pages(pdf)
        cover = next(line for line in texts[0].splitlines() if line.endswith(OFFICIAL[lang]))
        assert cover.split()[0] == ACRONYM[lang], (layout, cover)
        footers = [t.splitlines()[-1] for t in texts[1:]] if layout == "brief" else []
        for footer in footers:
            assert footer.startswith(f"{ACRONYM[lang]} · "), footer
        keywords = PdfReader(pdf).metadata.get("/Keywords", "")
        assert ACRONYM[lang] in keywords.split(", ")
        assert "IOM" not in keywords and "IOM" not in _cited("\n".join(texts)), layout


def test_arabic_footer_and_cover_name_the_organization_once(built):
    """The Arabic short form is the name in full (as IOM's Arabic publications write it): the
    footer prints the title alone, as it holds the name, and the cover prints the name once."""
    name, title = "المنظمة الدولية للهجرة", "المنظمة الدولية للهجرة في سطور"
    reader = PdfReader(brief(built, "ar"))
    for page in pages(brief(built, "ar"))[1:]:
        footer = page.splitlines()[-1]
        assert "·" not in footer and footer.count(name) == 1, footer
    first = logical_text(brief(built, "ar")).splitlines()
    assert first[0].strip() == name
    assert first[1].strip() != name
    assert reader.metadata.title == title


@pytest.mark.parametrize("lang", LANGS)
def test_address_is_in_the_languages_words(built, lang):
    text = logical_text(brief(built, lang))
    assert f"1211 {CITY[lang]}" in text
    if lang != "en":
        assert "Geneva" not in text


def test_short_name_is_printed_once_where_it_would_repeat():
    assert within("المنظمة الدولية للهجرة", "المنظمة الدولية للهجرة في سطور")
    assert within("IOM", "IOM in brief") and within("IOM", "The IOM, in brief")
    assert not within("SAMPLE", "Sample Organization")  # an acronym, not a repetition
    assert not within("IOM", "The International Organization for Migration in Brief")
    assert not within("OIM", "Les OIMS")
    assert not within("", "anything")


# -- a project's own address words -----------------------------------------------------------

def test_a_translation_localises_the_address_and_reports_count_it(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    texts = project / "data" / "text"
    facts = project / "data" / "facts.yaml"
    data = yaml.safe_load(facts.read_text(encoding="utf-8"))
    data["contact"] = {"address": {"street": "1 Rue du Lac", "postcode": "1200",
                                   "city": "Geneva", "country": "CH"},
                       "phone": "+41 22 000 00 00", "email": "info@example.org",
                       "website": "https://example.org"}
    facts.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    en = yaml.safe_load((texts / "en.yaml").read_text(encoding="utf-8"))
    en["organization"]["address"] = {"city": "Geneva"}
    en["about"]["reach"] = {"type": "contact", "heading": "Contact us"}
    (texts / "en.yaml").write_text(yaml.safe_dump(en, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")

    report = run("--project", str(project), "translations", "--lang", "fr", "--verbose")
    assert "missing  organization.address.city" in report.output, report.output

    fr = yaml.safe_load((texts / "fr.yaml").read_text(encoding="utf-8"))
    fr["organization"]["address"] = {"city": "Genève", "ctiy": "x"}
    (texts / "fr.yaml").write_text(yaml.safe_dump(fr, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    bad = run("--project", str(project), "check")
    assert bad.exit_code == 2
    assert re.search(r"fr\.yaml:\d+:\d+: unknown key 'ctiy' — did you mean 'city'\?", bad.output), \
        bad.output

    del fr["organization"]["address"]["ctiy"]
    (texts / "fr.yaml").write_text(yaml.safe_dump(fr, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    assert run("--project", str(project), "translations", "confirm", "--lang", "fr",
               "organization.address.city").exit_code == 0
    report = run("--project", str(project), "translations", "--lang", "fr", "--verbose")
    assert "organization.address.city" not in report.output, report.output
    out = tmp_path / "out"
    built = run("--project", str(project), "build", "--layout", "brief", "--out", str(out))
    assert built.exit_code == 0, built.output
    assert "1200 Genève" in logical_text(out / "fr" / "brief-general.pdf")
    assert "1200 Geneva" in logical_text(out / "en" / "brief-general.pdf")
