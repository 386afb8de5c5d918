"""`inbrief i18n export/import`: PO and XLIFF out to translators and back, on real files."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import polib
import pytest
import yaml
from pypdf import PdfReader

from conftest import run
from inbrief.i18n import yamledit


def snapshot(project: Path) -> dict[str, bytes]:
    text = project / "data" / "text"
    return {str(p.relative_to(text)): p.read_bytes()
            for p in sorted(text.rglob("*")) if p.is_file()}


def export(project: Path, fmt: str, lang: str = "fr") -> Path:
    out = project / f"{lang}.{'po' if fmt == 'po' else 'xlf'}"
    result = run("--project", str(project), "i18n", "export", "--lang", lang, "--format", fmt,
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def do_import(project: Path, path: Path, *args: str):
    return run("--project", str(project), "i18n", "import", str(path), *args)


def entries(po_path: Path) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in polib.pofile(str(po_path))}


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """1-based line of the first ``needle`` (after the first ``after``), to check messages."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def status(project: Path, lang: str = "fr") -> dict:
    result = run("--project", str(project), "translations", "--json", "--lang", lang)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["languages"][0]


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_unchanged_round_trip_is_byte_identical(project, fmt):
    before = snapshot(project)
    path = export(project, fmt)
    result = do_import(project, path)
    assert result.exit_code == 0, result.output
    assert "changed 0 text(s)" in result.stdout
    assert snapshot(project) == before  # fr.yaml, audience files and sources.json


def test_po_entries_carry_key_source_and_notes(project):
    po = entries(export(project, "po"))
    assert len(po) == status(project)["total"]
    e = po["labels.as_of"]
    assert (e.msgid, e.msgstr) == ("as of {year}", "en {year}")
    assert e.occurrences[0] == ("data/text/en.yaml", str(line_of(project / "data/text/en.yaml",
                                                                   "as_of:")))
    assert "{year}" in e.comment and "fuzzy" not in e.flags
    aud = po["audiences.government.mission.heading"]
    assert (aud.msgid, aud.msgstr) == ("Our mandate", "Notre mandat")
    assert aud.occurrences[0][0] == "data/text/audiences/government/en.yaml"


def test_stale_translation_is_fuzzy_and_needs_review(project):
    en = project / "data/text/en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("  heading: Mission\n",
                                                         "  heading: Our mission\n"),
                  encoding="utf-8")
    assert status(project)["stale"] == ["mission.heading"]
    before = snapshot(project)

    po_path = export(project, "po")
    po = entries(po_path)
    assert "fuzzy" in po["mission.heading"].flags
    assert po["mission.heading"].msgid == "Our mission"
    assert not [k for k, e in po.items() if "fuzzy" in e.flags and k != "mission.heading"]
    xlf = export(project, "xliff").read_text(encoding="utf-8")
    unit = re.search(r'<trans-unit id="mission.heading".*?</trans-unit>', xlf, re.S).group(0)
    assert '<target state="needs-review-translation">Mission</target>' in unit
    assert xlf.count('state="translated"') == len(po) - 1

    assert do_import(project, po_path).exit_code == 0  # still fuzzy: keeps the old hash
    assert snapshot(project) == before
    assert status(project)["stale"] == ["mission.heading"]

    po_file = polib.pofile(str(po_path))  # the translator checked it and cleared the flag
    po_file.find("Our mission", msgctxt="mission.heading").flags.remove("fuzzy")
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 0, result.output
    assert status(project)["stale"] == []
    assert (project / "data/text/fr.yaml").read_bytes() == before["fr.yaml"]


def test_missing_translations_export_empty_and_import_inserts_them(project):
    fr = project / "data/text/fr.yaml"
    comment = fr.read_text(encoding="utf-8").splitlines()[0]
    assert comment == "# fr: moved to sections of blocks by `inbrief migrate`."
    fr.write_text(fr.read_text(encoding="utf-8").replace(
        "  subtitle: Gérer les migrations au profit de tous\n", ""), encoding="utf-8")
    (project / "data/text/audiences/partners/fr.yaml").unlink()
    (project / "data/text/audiences/partners/fr.sources.json").unlink()
    missing = status(project)["missing"]
    assert "document.subtitle" in missing and "audiences.partners.callout.heading" in missing

    po_path = export(project, "po")
    po = entries(po_path)
    assert {k for k, e in po.items() if e.msgstr == ""} == set(missing)
    xlf = export(project, "xliff").read_text(encoding="utf-8")
    assert xlf.count('<target state="new" />') == len(missing)

    po_file = polib.pofile(str(po_path))
    entry = po_file.find("Managing Migration for the Benefit of All", msgctxt="document.subtitle")
    entry.msgstr = "Gérer les migrations, au profit de tous"
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 0, result.output
    text = fr.read_text(encoding="utf-8")
    assert "  subtitle: Gérer les migrations, au profit de tous\n" in text
    assert text.startswith(comment + "\n")  # comments kept
    after = status(project)
    assert "document.subtitle" not in after["missing"] and after["stale"] == []
    assert not (project / "data/text/audiences/partners/fr.yaml").exists()  # empty: not written


def test_imported_translation_shows_in_built_pdf(project, tmp_path):
    po_path = export(project, "po")
    po_file = polib.pofile(str(po_path))
    po_file.find("Mission", msgctxt="mission.heading").msgstr = "Notre engagement fondateur"
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 0, result.output
    assert "mission.heading" in result.stdout
    fr = (project / "data/text/fr.yaml").read_text(encoding="utf-8")
    assert "  heading: Notre engagement fondateur\n" in fr

    out = tmp_path / "out"
    result = run("--project", str(project), "build", "--lang", "fr", "--layout", "factsheet",
                 "--audience", "general", "--out", str(out))
    assert result.exit_code == 0, result.output
    pdf = next(out.rglob("*.pdf"))
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "notre engagement fondateur" in " ".join(text.split()).lower()


def test_po_problems_are_all_reported_with_their_lines(project):
    before = snapshot(project)
    po_path = export(project, "po")
    po_file = polib.pofile(str(po_path))
    po_file.find("as of {year}", msgctxt="labels.as_of").msgstr = "en {annee}"
    po_file.find("Mission", msgctxt="mission.heading").msgctxt = "mision.heading"
    po_file.find("Source", msgctxt="labels.source").msgstr = "x" * 5001
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    err = result.stderr
    name = po_path.name
    as_of = line_of(po_path, "msgstr", after='msgctxt "labels.as_of"')
    assert re.search(rf"{name}:{as_of}: 'labels.as_of': placeholders differ .*missing \{{year\}}"
                     r".*not in the source: \{annee\}.* — keep \{year\}", err), err
    mision = line_of(po_path, 'msgctxt "mision.heading"')
    assert (f"{name}:{mision}: unknown key 'mision.heading' — "
            "did you mean 'mission.heading'?") in err
    source = line_of(po_path, "msgstr", after='msgctxt "labels.source"')
    assert f"{name}:{source}: 'labels.source': the translation is 5,001 characters long" in err
    assert "3 problems found." in err
    assert snapshot(project) == before  # all or nothing


def test_unsafe_links_in_a_translation_are_refused(project):
    po_path = export(project, "po")
    po_file = polib.pofile(str(po_path))
    po_file.find("Mission", msgctxt="mission.heading").msgstr = "[Mission](file:///etc/passwd)"
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 2
    line = line_of(po_path, "msgstr", after='msgctxt "mission.heading"')
    assert (f"{po_path.name}:{line}: 'mission.heading': the translation links to "
            "'file:///etc/passwd', which would be shown as text") in result.stderr
    assert "the Markdown marks differ from the source text" in result.stderr


def test_a_translation_over_its_length_budget_is_refused(project):
    po_path = export(project, "po")
    po_file = polib.pofile(str(po_path))
    po_file.find("Mission", msgctxt="mission.heading").msgstr = "Notre mission " * 10
    po_file.save()
    result = do_import(project, po_path)
    assert result.exit_code == 2
    line = line_of(po_path, "msgstr", after='msgctxt "mission.heading"')
    assert re.search(rf"{po_path.name}:{line}: 'mission.heading': the translation is 1\d\d "
                     r"characters, over this text's budget of 67 ", result.stderr), result.stderr


def test_dry_run_writes_nothing(project):
    before = snapshot(project)
    po_path = export(project, "po")
    po_file = polib.pofile(str(po_path))
    po_file.find("Mission", msgctxt="mission.heading").msgstr = "Notre mission"
    po_file.save()
    result = do_import(project, po_path, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would change 1 text(s)" in result.stdout
    assert snapshot(project) == before


def test_wrong_language_is_refused(project):
    po_path = export(project, "po")
    result = do_import(project, po_path, "--lang", "es")
    assert result.exit_code == 2
    line = line_of(po_path, '"Language: fr')
    assert f"{po_path.name}:{line}: the file is for language 'fr', not 'es'" in result.stderr


def test_xliff_problems_point_at_target_lines(project):
    path = export(project, "xliff")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(">Page {page} sur {pages}<", ">Page {page}<"), encoding="utf-8")
    result = do_import(project, path)
    assert result.exit_code == 2
    line = line_of(path, ">Page {page}<")
    assert f"{path.name}:{line}: 'labels.page_of': placeholders differ from the source text " \
           "(missing {pages})" in result.stderr


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    '<!DOCTYPE xliff SYSTEM "file:///etc/passwd">',
])
def test_xliff_with_dtd_or_entities_is_refused(project, doctype):
    before = snapshot(project)
    path = export(project, "xliff")
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n<xliff", f"\n{doctype}\n<xliff", 1)
    path.write_text(text.replace(">Notre mandat<", ">&lol2;<"), encoding="utf-8")
    result = do_import(project, path)
    assert result.exit_code == 2
    assert f"{path.name}:2: DOCTYPE or entity declarations are not allowed" in result.stderr
    assert snapshot(project) == before


def test_help_has_examples():
    for cmd in ("export", "import"):
        result = run("i18n", cmd, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output


def test_yaml_edits_keep_comments_and_layout():
    shape = {"doc": {"title": "T", "subtitle": "S", "keywords": ["a", "b"]},
             "points": ["one", {"text": "two", "footnote": "fn"}],
             "figs": {"m": {"label": "M"}}}
    text = ("# top comment\n"
            "doc:\n"
            "  title: Titre   # keep me\n"
            "  keywords: [a, b]\n"
            "\n"
            "points:\n"
            "  - un\n"
            "  - ~\n"
            "figs:\n"
            "  m: {label: MM}\n")
    changes = {("doc", "subtitle"): "Sous-titre", ("doc", "keywords", 1): "bé, c'est",
               ("points", 1, "footnote"): "note " * 30 + "fin", ("figs", "m", "label"): "yes"}
    new = yamledit.update(text, yaml.safe_load(text), changes, shape)
    assert new.startswith("# top comment\ndoc:\n  title: Titre   # keep me\n"
                          "  subtitle: Sous-titre\n  keywords: [a, \"bé, c'est\"]\n\npoints:\n")
    assert "  m: {label: \"yes\"}\n" in new
    assert "  - footnote: >-\n      note note" in new
    assert yaml.safe_load(new)["points"][1] == {"footnote": "note " * 30 + "fin"}
