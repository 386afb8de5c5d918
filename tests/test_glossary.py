"""The glossary (data/glossary.yaml): terms whose translation is fixed, held by
`inbrief translations` at the file and line of each text, carried to translators in PO, XLIFF
and TBX files, on small projects of their own (the default project's terms are its data)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
import yaml

from conftest import run
from inbrief.i18n.terms import first_found, readable

GLOSSARY = """\
# Terms whose translation is fixed.
terms:
  - source: [trafficking in persons, human trafficking]  # any one triggers the check
    note: UN Trafficking in Persons Protocol (2000)
    fr: [traite des personnes]
    uk: [торгівл* людьми]
  - source: the Organization
    fr: l’Organisation
  - source: Member States
    fr: [États membres]
"""

SOURCE = {
    "document": {"title": "Against trafficking", "subtitle": "A brief on trafficking in persons",
                 "subject": "What the Organization does.", "author": "My organization"},
    "organization": {"name": "My organization"},
    "about": {"heading": "About this brief",
              "intro": {"type": "text", "paragraphs": [
                  "The Organization works with Member States.",
                  "It fights human trafficking with its partners."]},
              "points": {"type": "list", "lead": "To remember:",
                         "items": ["The first point, in one sentence."]}},
}
FRENCH = {
    "document": {"title": "Contre la traite", "subtitle": "Un document sur la traite des personnes",
                 "subject": "Ce que fait l'Organisation.", "author": "Mon organisation"},
    "organization": {"name": "Mon organisation"},
    "about": {"heading": "À propos de ce document",
              "intro": {"paragraphs": [
                  "L'Organisation travaille avec les États Membres.",
                  "Elle combat la traite des personnes avec ses partenaires."]},
              "points": {"lead": "À retenir :", "items": ["Le premier point, en une phrase."]}},
}
UKRAINIAN = {"document": {"subtitle": "Про торгівлю людьми"}}
PARTNERS = {"en": {"about": {"heading": "Partners against trafficking in persons"}},
            "fr": {"about": {"heading": "Partenaires contre la traite des personnes"}}}


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def make_project(root: Path, *, glossary: str | None = GLOSSARY) -> Path:
    """A brief in English, French and (a little) Ukrainian, with a partners audience, every
    translation confirmed: only the glossary can find fault with it."""
    result = run("init", str(root), "--template", "blank")
    assert result.exit_code == 0, result.output
    config = root / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8")
                      .replace("languages: [en, fr]", "languages: [en, fr, uk]")
                      .replace("audiences: [general]", "audiences: [general, partners]"),
                      encoding="utf-8")
    text = root / "data" / "text"
    (text / "en.yaml").write_text(_dump(SOURCE), encoding="utf-8")
    (text / "fr.yaml").write_text(_dump(FRENCH), encoding="utf-8")
    (text / "uk.yaml").write_text(_dump(UKRAINIAN), encoding="utf-8")
    (root / "data" / "audiences").mkdir()
    (root / "data" / "audiences" / "partners.yaml").write_text(
        "description: Partners.\nsections: [about]\n", encoding="utf-8")
    (text / "audiences" / "partners").mkdir(parents=True)
    for lang, data in PARTNERS.items():
        (text / "audiences" / "partners" / f"{lang}.yaml").write_text(_dump(data),
                                                                      encoding="utf-8")
    if glossary is not None:
        (root / "data" / "glossary.yaml").write_text(glossary, encoding="utf-8")
    for lang in ("fr", "uk"):
        assert run("--project", str(root), "translations", "confirm", "--lang", lang).exit_code == 0
    return root


@pytest.fixture
def brief(tmp_path) -> Path:
    return make_project(tmp_path / "brief")


def replace(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``path``; the 1-based line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def report(project: Path, *args: str):
    return run("--project", str(project), "translations", *args)


def row(project: Path, lang: str) -> dict:
    result = report(project, "--json", "--lang", lang)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["languages"][0]


def test_a_true_translation_passes_every_gate(brief):
    assert row(brief, "fr")["terms"] == []
    for gate in (["--strict"], ["--min-complete", "100"]):
        result = report(brief, "--lang", "fr", *gate)
        assert result.exit_code == 0, result.output
    assert re.search(r"^fr +11 +0 +0 +0 +100\.0%$", report(brief).stdout, re.M)


def test_a_planted_wrong_term_is_reported_at_its_file_and_line(brief):
    fr = brief / "data/text/fr.yaml"
    line = replace(fr, "la traite des personnes avec", "la traite des êtres humains avec")
    result = report(brief, "--lang", "fr")
    assert result.exit_code == 0  # a report; the gates below fail
    assert re.search(rf'(^|/)data/text/fr\.yaml:{line}: about\.intro\.paragraphs\.1: '
                     r'"human trafficking" must be "traite des personnes"$',
                     result.stdout, re.M), result.stdout
    assert re.search(r"^fr +11 +0 +0 +1 +90\.9%$", result.stdout, re.M), result.stdout
    [found] = row(brief, "fr")["terms"]
    assert found == {"key": "about.intro.paragraphs.1", "file": "data/text/fr.yaml",
                     "line": line, "term": "human trafficking",
                     "required": ["traite des personnes"]}
    gate = report(brief, "--lang", "fr", "--min-complete", "100")
    assert gate.exit_code == 1 and "below --min-complete 100: fr (90.9 %)" in gate.stderr
    strict = report(brief, "--lang", "fr", "--strict")
    assert strict.exit_code == 1
    assert "--strict: not up to date: fr (0 missing, 0 stale, 1 glossary term(s))" in strict.stderr
    assert "Traceback" not in strict.output


def test_forms_match_across_case_spaces_and_apostrophes(brief):
    fr = brief / "data/text/fr.yaml"
    # "L'Organisation" (straight) meets the glossary's "l’Organisation", "États Membres" meets
    # "États membres" (already in the file); no-break spaces inside a form still separate words.
    replace(fr, "la traite des personnes avec", "la traite\u00a0des\u202fpersonnes avec")
    replace(fr, "sur la traite des personnes", "sur la TRAITE  des\n    personnes")
    assert row(brief, "fr")["terms"] == []
    replace(fr, "L'Organisation travaille", "L'Organisme travaille")
    assert [(t["key"], t["term"]) for t in row(brief, "fr")["terms"]] == [
        ("about.intro.paragraphs.0", "the Organization")]


def test_a_star_accepts_the_endings_of_a_word_and_nothing_else(brief):
    uk = brief / "data/text/uk.yaml"
    assert row(brief, "uk")["terms"] == []  # "торгівлю людьми" is a form of "торгівл* людьми"
    line = replace(uk, "Про торгівлю людьми", "Про торгівців людьми")
    [found] = row(brief, "uk")["terms"]
    assert (found["file"], found["line"], found["required"]) == (
        "data/text/uk.yaml", line, ["торгівл* людьми"])


def test_an_audiences_own_words_are_checked_in_their_file(brief):
    path = brief / "data/text/audiences/partners/fr.yaml"
    line = replace(path, "contre la traite des personnes", "contre le trafic d'êtres humains")
    result = report(brief, "--lang", "fr", "--strict")
    assert result.exit_code == 1
    assert re.search(rf'(^|/)data/text/audiences/partners/fr\.yaml:{line}: '
                     r'audiences\.partners\.about\.heading: "trafficking in persons" must be '
                     r'"traite des personnes"$', result.stdout, re.M), result.stdout


def test_untranslated_texts_and_languages_without_forms_are_not_checked(brief):
    # uk translates one text of eleven and the glossary gives no Ukrainian for the
    # Organization or Member States: nothing to hold against uk but what is missing.
    uk = row(brief, "uk")
    assert uk["terms"] == [] and len(uk["missing"]) == 10


def test_without_a_glossary_nothing_is_checked_or_written(tmp_path):
    project = make_project(tmp_path / "brief", glossary=None)
    replace(project / "data/text/fr.yaml", "la traite des personnes avec", "le trafic avec")
    assert row(project, "fr")["terms"] == []
    assert report(project, "--lang", "fr", "--strict").exit_code == 0
    out = tmp_path / "fr.po"
    assert run("--project", str(project), "i18n", "export", "--lang", "fr", "--out",
               str(out)).exit_code == 0
    assert not (tmp_path / "fr.tbx").exists()
    assert not any("Glossary" in e.comment for e in polib.pofile(str(out)))


def test_the_source_language_is_the_projects_not_english(tmp_path):
    """A project written in French: the glossary's source forms are French, 'en' a target."""
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "source_language: en", "source_language: fr"), encoding="utf-8")
    source = {k: v for k, v in FRENCH.items()}
    source["about"] = {**FRENCH["about"],
                       "intro": {"type": "text", **FRENCH["about"]["intro"]},
                       "points": {"type": "list", **FRENCH["about"]["points"]}}
    english = {k: v for k, v in SOURCE.items() if k != "about"}
    english["about"] = {"heading": "About this brief",
                        "intro": {"paragraphs": SOURCE["about"]["intro"]["paragraphs"]}}
    text = project / "data/text"
    (text / "fr.yaml").write_text(_dump(source), encoding="utf-8")
    (text / "en.yaml").write_text(_dump(english), encoding="utf-8")
    (project / "data/glossary.yaml").write_text(
        "terms:\n  - source: traite des personnes\n    en: [trafficking in persons]\n",
        encoding="utf-8")
    en = row(project, "en")
    assert [(t["file"], t["key"], t["term"]) for t in en["terms"]] == [
        ("data/text/en.yaml", "about.intro.paragraphs.1", "traite des personnes")]
    (project / "data/glossary.yaml").write_text(
        "terms:\n  - source: traite des personnes\n    fr: [traite]\n", encoding="utf-8")
    result = report(project)
    assert result.exit_code == 2
    assert "data/glossary.yaml:3:5: 'fr' is the source language — its forms go under 'source'" \
        in result.stderr


BROKEN = """\
terms:
  - source: [trafficking in persons]
    fr: []
    de: [Menschenhandel]
    sorce: x
  - source: human trafficking
    uk:
  - fr: [traite]
  - source: [migrant *]
    fr: traite des personnes
"""


@pytest.mark.parametrize("command", [["translations"], ["check"]])
def test_every_mistake_in_the_glossary_is_reported_at_its_line(brief, command):
    (brief / "data/glossary.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("--project", str(brief), *command)
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line.split("glossary.yaml:", 1)[1] for line in result.stderr.splitlines()
              if "glossary.yaml:" in line]
    assert errors == [
        "3:9: 'terms.0.fr': value should have at least 1 item after validation, not 0 — add "
        "entries",
        "4:5: 'de' is not a language of this project (languages in inbrief.yaml: en, fr, uk) "
        "— add the language to inbrief.yaml, or remove the entry",
        "5:5: unknown key 'sorce' — did you mean 'source'?",
        "7:8: 'terms.1.uk': value error, no forms: write one or more, or remove the key "
        "(got None)",
        "8:5: required key 'source' is missing under 'terms.2' — add it",
        "9:14: 'terms.3.source.0': value error, '*' stands for the rest of a word and must "
        "touch one (got 'migrant *')",
    ], result.stderr
    assert "6 problems found." in result.stderr


def test_a_source_form_in_two_terms_is_an_error(brief):
    (brief / "data/glossary.yaml").write_text(
        "terms:\n  - source: [trafficking in persons]\n    fr: traite des personnes\n"
        "  - source: Trafficking\u00a0in PERSONS\n    fr: traite\n", encoding="utf-8")
    result = report(brief)
    assert result.exit_code == 2
    assert ("data/glossary.yaml:4:13: 'Trafficking\u00a0in PERSONS' is a source form of two "
            "terms (also at line 2) — merge the two terms into one") in result.stderr


def export(project: Path, fmt: str, lang: str = "fr") -> Path:
    out = project / f"{lang}.{'po' if fmt == 'po' else 'xlf'}"
    result = run("--project", str(project), "i18n", "export", "--lang", lang, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"{lang}: " in result.stderr and " glossary term(s) → " in result.stderr
    return out


def test_po_comments_name_the_terms_of_each_text(brief):
    po = {e.msgctxt: e for e in polib.pofile(str(export(brief, "po")))}
    comment = po["document.subtitle"].comment.replace("\n", " ")
    assert ("Glossary: trafficking in persons → traite des personnes (UN Trafficking in "
            "Persons Protocol (2000))") in comment
    assert "Glossary: the Organization → l’Organisation" in po["about.intro.paragraphs.0"].comment
    assert "Glossary: Member States → États membres" in po["about.intro.paragraphs.0"].comment
    assert "Glossary" not in po["about.points.items.0"].comment
    assert "Glossary: trafficking in persons" in po["audiences.partners.about.heading"].comment
    uk = {e.msgctxt: e for e in polib.pofile(str(export(brief, "po", "uk")))}
    assert ("Glossary: trafficking in persons → торгівл* людьми (UN Trafficking in Persons "
            "Protocol (2000)); * stands for any ending of the word") in \
        uk["document.subtitle"].comment.replace("\n", " ")
    assert "Glossary" not in uk["about.intro.paragraphs.0"].comment  # no uk forms for these


XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
TBX = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_xliff_notes_and_a_tbx_file_carry_the_terms(brief):
    path = export(brief, "xliff")
    units = {tu.get("id"): tu for tu in ET.parse(path).iter(f"{XLIFF}trans-unit")}
    notes = [n for n in units["about.intro.paragraphs.1"] if n.tag == f"{XLIFF}note"]
    glossary = [n for n in notes if n.text.startswith("Glossary: ")]
    assert [(n.get("annotates"), n.text) for n in glossary] == [
        ("source", "Glossary: human trafficking → traite des personnes (UN Trafficking in "
                   "Persons Protocol (2000))")]
    tags = [child.tag.removeprefix(XLIFF) for child in units["about.intro.paragraphs.1"]]
    assert tags[:2] == ["source", "target"] and set(tags[2:]) == {"note"}  # 1.2's order

    tbx = ET.parse(path.with_suffix(".tbx")).getroot()
    assert (tbx.tag, tbx.get("type"), tbx.get("style"), tbx.get(XML_LANG)) == (
        f"{TBX}tbx", "TBX-Basic", "dca", "en")
    entries = tbx.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    terms = [{sec.get(XML_LANG): [t.text for t in sec.iter(f"{TBX}term")]
              for sec in entry.findall(f"{TBX}langSec")} for entry in entries]
    assert terms == [
        {"en": ["trafficking in persons", "human trafficking"], "fr": ["traite des personnes"]},
        {"en": ["the Organization"], "fr": ["l’Organisation"]},
        {"en": ["Member States"], "fr": ["États membres"]}]
    assert entries[0].find(f"{TBX}note").text == "UN Trafficking in Persons Protocol (2000)"
    assert len({e.get("id") for e in entries}) == 3
    uk = ET.parse(export(brief, "xliff", "uk").with_suffix(".tbx")).getroot()
    assert len(uk.findall(f".//{TBX}conceptEntry")) == 1  # only terms with Ukrainian forms


def _snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes()
            for p in sorted((project / "data").rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_importing_an_export_ignores_the_glossary_notes(brief, fmt):
    before = _snapshot(brief)
    path = export(brief, fmt)
    result = run("--project", str(brief), "i18n", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "changed 0 text(s); source text recorded for 0" in result.stdout
    assert _snapshot(brief) == before
    # A translator who fixes a term in the tool brings back only the text.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Elle combat la traite des personnes",
                                 "Elle combat la traite des personnes, partout,"),
                    encoding="utf-8")
    result = run("--project", str(brief), "i18n", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "changed 1 text(s)" in result.stdout
    assert "Glossary" not in (brief / "data/text/fr.yaml").read_text(encoding="utf-8")
    assert row(brief, "fr")["terms"] == []


@pytest.mark.parametrize(("form", "text", "found"), [
    ("Member States", "the member\u00a0states of IOM", True),
    ("state", "Member States", False),                      # whole words only
    ("traite des personnes", "la **traite des personnes**", True),  # Markdown marks are not words
    ("IOM", "[IOM](https://www.iom.int)", True),
    ("l'homme", "droits de l\u2019Homme", True),               # ' ’ ʼ are one
    ("пʼять", "п'ять", True),
    ("*الاتجار بالأشخاص", "ومكافحة والاتجار بالأشخاص", True),  # * before: a prefix
    ("نهج", "نهجُ", False),                                 # a vowel sign belongs to its word
    ("café", "cafe\u0301", True),                           # NFC
    ("Straße", "STRASSE", True),                            # casefold
])
def test_matching_rules(form, text, found):
    assert (first_found([form], readable(text)) is not None) is found


def test_the_editors_schema_follows_the_projects_languages(brief):
    from jsonschema import Draft202012Validator

    result = run("--project", str(brief), "schema", "glossary")
    assert result.exit_code == 0, result.output
    schema = Draft202012Validator(json.loads(result.stdout))
    assert list(schema.iter_errors(yaml.safe_load(GLOSSARY))) == []
    for bad in ({"terms": [{"source": "x", "de": "y"}]},   # not a language of the project
                {"terms": [{"source": "x", "en": "y"}]},   # the source language
                {"terms": [{"source": "x", "fr": []}]},
                {"terms": [{"fr": "y"}]}):
        assert list(schema.iter_errors(bad)), bad
