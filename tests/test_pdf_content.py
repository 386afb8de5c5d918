"""The English brief and factsheet say what the organisation's brief must say."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO


def text_of(path) -> str:
    raw = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return _normalise(raw)


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text)


def _letters(text: str) -> str:
    """Text without spaces and hyphens: line breaks and hyphenation cannot hide a word."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.fixture(scope="module")
def en():
    return yaml.safe_load((REPO / "data/text/en.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief_text(brief_pdf):
    return text_of(brief_pdf)


def test_brief_has_two_to_four_pages(brief_pdf):
    assert 2 <= len(PdfReader(brief_pdf).pages) <= 4


def test_factsheet_is_exactly_one_page(factsheet_pdf):
    assert len(PdfReader(factsheet_pdf).pages) == 1


def test_all_twelve_strategic_focus_points(brief_text, en):
    points = en["focus"]["points"]["items"]
    assert len(points) == 12
    for point in points:
        text = point if isinstance(point, str) else point["text"]
        assert _letters(text) in _letters(brief_text)


def test_point_nine_note_is_on_its_page(brief_pdf, en):
    """In the brief's rows of points the note sits under point 9, on point 9's page (WeasyPrint
    70 can put a page footnote called from a row on the page before: see base.css)."""
    note = _normalise(en["focus"]["points"]["items"][8]["footnote"])
    point = _normalise(en["focus"]["points"]["items"][8]["text"])
    reader = PdfReader(brief_pdf)
    texts = [_normalise(p.extract_text()) for p in reader.pages]
    pages = [i for i, t in enumerate(texts) if note[:60] in t]
    assert pages, "footnote text missing"
    text = _letters(texts[pages[0]])
    assert _letters(point[-40:]) in text  # the note's page is its point's page
    assert text.index(_letters(point[-40:])) < text.index(_letters(note[:60]))


def test_point_nine_footnote_is_a_footnote_in_the_booklet(built, en):
    """Where the points are one column (the booklet), the note is a real page footnote: at
    the foot of the page of point 9, after the body text and before the folio."""
    note = _normalise(en["focus"]["points"]["items"][8]["footnote"])
    point = _normalise(en["focus"]["points"]["items"][8]["text"])
    reader = PdfReader(built / "en" / "iom-in-brief-booklet-general.pdf")
    texts = [_normalise(p.extract_text()) for p in reader.pages]
    pages = [i for i, t in enumerate(texts) if note[:60] in t]
    assert pages, "footnote text missing"
    text = texts[pages[0]]
    assert re.search(r"Page \d+ of \d+\s*$", text[text.index(note[:60]):])
    text = _letters(text)
    assert _letters(point[-40:]) in text
    assert text.index(_letters(point[-40:])) < text.index(_letters(note[:60]))


def test_four_areas_and_vision_pillars(brief_text, en):
    areas = en["areas"]["areas"]["items"]
    assert len(areas) == 4
    for area in areas.values():
        assert area["title"] in brief_text
        for paragraph in area["paragraphs"]:
            assert _letters(paragraph) in _letters(brief_text)
    for pillar in en["vision"]["pillars"]["items"].values():
        assert pillar["title"] in brief_text
        assert _letters(pillar["paragraphs"][0]) in _letters(brief_text)


def test_geneva_address(brief_text):
    assert "17 Route des Morillons" in brief_text
    assert "1211 Geneva 19" in brief_text
    assert "Switzerland" in brief_text
    assert "hq@iom.int" in brief_text


@pytest.mark.parametrize("value, label, year", [
    ("173", "Member States", 2019),
    ("8", "Observer States", 2019),
    ("436", "Offices worldwide", 2019),
    ("7,800+", "Staff members", 2012),
    ("USD 1.2 billion+", "Programme budget", 2012),
    ("2,300+", "Active programmes", 2012),
])
def test_each_key_figure_shows_its_year(brief_text, value, label, year):
    assert re.search(rf"{re.escape(value)} ?{re.escape(label)} ?as of {year}",
                     brief_text.replace("- ", "")), \
        f"{value} {label} as of {year} not found"


def test_history_dates_are_formatted_for_the_language(brief_text):
    assert "19 October 1953" in brief_text
    assert "30 November 1954" in brief_text
    assert "14 November 1989" in brief_text


def test_factsheet_essentials(factsheet_pdf):
    text = text_of(factsheet_pdf)
    for needle in ("KEY FIGURES", "173", "as of 2019", "Mission", "Migration and development",
                   "Facilitating migration", "Regulating migration", "Forced migration",
                   "17 Route des Morillons"):
        assert needle in text
