"""A kind's schema decides how a field is shown: a `text` field is printed as written (an
editor's `*` is a character, not emphasis), a `rich text` field goes through the Markdown
subset. The built-in kinds' templates must agree with their schemas, in full and short form."""

from __future__ import annotations

import textwrap

import pytest
from conftest import run
from pypdf import PdfReader

FACTS = """\
    contact:
      address: {street: 1 Main Street, postcode: '1000', city: Springfield, country: CH}
      phone: +41 22 000 00 00
      email: desk@example.org
      website: https://example.org
    events:
      past:
      - {id: start, date: '2001'}
    """
TEXT = """\
    fields:
      heading: Plain or rich
      grid:
        type: cards
        items:
          one:
            title: A card
            summary: Summary *sumstars* stays
            paragraphs: [Card *cardrich* text.]
      dates:
        type: timeline
        events: past
        texts: {start: Began *datestars* here}
      reach:
        type: contact
        cta: Call *ctastars* now
    """


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, str]:
    project = tmp_path_factory.mktemp("fields") / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    (project / "data/facts.yaml").write_text(textwrap.dedent(FACTS), encoding="utf-8")
    en = project / "data/text/en.yaml"
    en.write_text(en.read_text(encoding="utf-8") + textwrap.dedent(TEXT), encoding="utf-8")
    out = {}
    for layout in ("brief", "factsheet"):
        result = run("build", "--lang", "en", "--layout", layout, cwd=project)
        assert result.exit_code == 0, result.output
        pdf = next((project / "output/en").glob(f"*{layout}-general.pdf"))
        out[layout] = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    return out


@pytest.mark.parametrize("layout", ["brief", "factsheet"])
def test_a_plain_text_field_is_printed_literally(pdfs, layout):
    shown = pdfs[layout]
    for words in ("Began *datestars* here", "Call *ctastars* now"):
        assert words in shown, (words, shown)
    if layout == "factsheet":  # a card's summary is its short form
        assert "Summary *sumstars* stays" in shown, shown


def test_a_rich_text_field_shows_emphasis_not_asterisks(pdfs):
    assert "Card cardrich text." in pdfs["brief"], pdfs["brief"]
    assert "*cardrich*" not in pdfs["brief"]
