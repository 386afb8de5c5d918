"""Starters: `inbrief init --template NAME` gives a project that builds, and a brief of one's
own grows from the blank one by editing YAML only."""

from __future__ import annotations

import json

import yaml
from conftest import run
from pypdf import PdfReader


def test_init_lists_the_starters():
    result = run("init", "--list")
    assert result.exit_code == 0
    assert "iom " in result.output and "blank " in result.output


def test_unknown_starter_is_a_clear_error(tmp_path):
    result = run("init", str(tmp_path / "x"), "--template", "blnk")
    assert result.exit_code == 2
    assert "no starter 'blnk' — did you mean 'blank'?" in result.output


def _text(pdf) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


def test_blank_starter_builds_every_layout_within_its_budgets(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    result = run("--project", str(project), "build", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    built = {(t["lang"], t["layout"]): t for t in manifest["targets"]}
    assert set(built) == {(lang, layout) for lang in ("en", "fr")
                          for layout in ("brief", "factsheet", "leaflet", "booklet")}
    assert all(not t["warnings"] for t in built.values()), manifest
    assert built[("en", "factsheet")]["pages"] == 1
    text = _text(tmp_path / "out" / built[("fr", "brief")]["path"])
    assert "À propos de ce document" in text and "Trois choses à retenir" in text


def test_a_yaml_only_edit_adds_a_section_of_three_kinds_and_removes_one(tmp_path):
    """Acceptance (#14): a new section of three built-in kinds, another removed, in two
    languages; the untranslated new texts fall back with warnings, not errors."""
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    en = project / "data" / "text" / "en.yaml"
    data = yaml.safe_load(en.read_text(encoding="utf-8"))
    data.pop("about")
    data["response"] = {
        "heading": "Our response",
        "summary": {"type": "callout", "text": "We reached 12,000 people in three months."},
        "steps": {"type": "list", "numbered": True,
                  "items": ["Assess the needs.", "Deliver the aid.", "Report on results."]},
        "partners": {"type": "cards", "items": {
            "health": {"title": "Health", "paragraphs": ["Mobile clinics in four districts."]},
            "shelter": {"title": "Shelter", "paragraphs": ["Repairs to 300 homes."]}}},
    }
    en.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fr = project / "data" / "text" / "fr.yaml"
    fr_data = yaml.safe_load(fr.read_text(encoding="utf-8"))
    fr_data.pop("about")
    fr.write_text(yaml.safe_dump(fr_data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run("--project", str(project), "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["targets"]) == 8
    fr_warnings = [w for t in manifest["targets"] if t["lang"] == "fr" for w in t["warnings"]]
    assert any("no translation for 'response.steps.items.0'" in w for w in fr_warnings), fr_warnings
    assert all(not t["warnings"] for t in manifest["targets"] if t["lang"] == "en")
    brief = next(t for t in manifest["targets"] if (t["lang"], t["layout"]) == ("en", "brief"))
    text = _text(out / brief["path"])
    assert "Our response" in text and "Mobile clinics" in text and "About this brief" not in text


def test_a_kind_of_ones_own_renders_and_its_mistakes_are_located(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    kind = project / "blocks" / "milestone"
    kind.mkdir(parents=True)
    (kind / "schema.yaml").write_text(
        "description: A target with its deadline and how far it has come.\n"
        "fields:\n  target: text\n  deadline: date\n  progress: {type: number}\n",
        encoding="utf-8")
    (kind / "block.html.j2").write_text(
        '<div class="block block-milestone"><p><strong>{{ block.target }}</strong> '
        "by {{ block.deadline }}: {{ block.progress }} %</p></div>\n", encoding="utf-8")
    en = project / "data" / "text" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8") + (
        "  goal:\n    type: milestone\n    target: Clean water for 40 villages\n"
        "    deadline: \"2027-06\"\n    progress: 35\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("--project", str(project), "build", "--out", str(out), "--lang", "en",
                 "--layout", "brief")
    assert result.exit_code == 0, result.output
    assert "Clean water for 40 villages by 2027-06: 35 %" in _text(out / "en" / "brief-general.pdf")
    en.write_text(en.read_text(encoding="utf-8").replace("    progress: 35\n",
                                                         "    progres: 35\n"), encoding="utf-8")
    result = run("--project", str(project), "build", "--out", str(out), "--lang", "en")
    assert result.exit_code == 2
    line = next(i for i, text in enumerate(en.read_text(encoding="utf-8").splitlines(), 1)
                if "progres:" in text)
    assert f"data/text/en.yaml:{line}:5: unknown key 'progres' — did you mean 'progress'?" \
        in result.output, result.output


def test_references_to_facts_and_files_are_checked_where_they_are_written(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    (project / "data" / "facts.yaml").write_text(
        "edition: 2026\nsources: {s: {title: A report, year: 2025}}\n"
        "key_figures:\n  people: {observations: [{value: 12, as_of: 2025, source: s}]}\n",
        encoding="utf-8")
    en = project / "data" / "text" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8") + (
        "  numbers:\n    type: key_figures\n    figures: [peple]\n"
        "  picture:\n    type: figure\n    image: assets/missing.png\n"
        "    alt: A picture\n    credit: Someone\n"), encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    lines = en.read_text(encoding="utf-8").splitlines()
    fig = next(i for i, t in enumerate(lines, 1) if "peple" in t)
    img = next(i for i, t in enumerate(lines, 1) if "missing.png" in t)
    assert f"data/text/en.yaml:{fig}:" in result.output
    assert "unknown key figure 'peple' — did you mean 'people'?" in result.output
    assert f"data/text/en.yaml:{img}:" in result.output and "image 'assets/missing.png' not found" \
        in result.output


def test_a_translation_holding_structure_is_an_error_in_the_translation(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    fr = project / "data" / "text" / "fr.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("  points:\n", "  points:\n    type: list\n"),
                  encoding="utf-8")
    result = run("--project", str(project), "build", "--lang", "fr", "--layout", "brief",
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "data/text/fr.yaml:" in result.output and "'about.points.type': not translatable" \
        in result.output, result.output
    assert "Traceback" not in result.output


def test_an_audience_changes_a_layouts_slots(tmp_path):
    """An audience may leave a section out of one layout (slot 'none') and keep it in the
    others; an unknown section id there is located in the audience's file."""
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "audiences: [general]", "audiences: [general, short]"), encoding="utf-8")
    (project / "data" / "audiences").mkdir()
    spec = project / "data" / "audiences" / "short.yaml"
    spec.write_text("description: Readers in a hurry.\nslots:\n  factsheet: {none: [about]}\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run("--project", str(project), "build", "--lang", "en", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "About this brief" not in _text(out / "en" / "factsheet-short.pdf")
    assert "About this brief" in _text(out / "en" / "brief-short.pdf")
    assert "About this brief" in _text(out / "en" / "factsheet-general.pdf")
    spec.write_text("description: Readers in a hurry.\nslots:\n  factsheet: {none: [abuot]}\n",
                    encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert ("data/audiences/short.yaml:3:22: audience 'short': unknown section 'abuot' — "
            "did you mean 'about'?") in result.output, result.output
