"""Sections of typed blocks in a source text file, and translations of them: located problems."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from inbrief.blocks.registry import load_registry
from inbrief.blocks.schema_json import source_schema
from inbrief.blocks.sections import validate_sections
from inbrief.blocks.translation import validate_translation
from inbrief.content.yamlsrc import load
from test_blocks_dialect import BUILTIN_KINDS, at, shown, write

KNOWN = ", ".join(BUILTIN_KINDS)

SOURCE = """
    document: {title: In brief}
    overview:
      heading: General information
      body:
        type: text
        paragraphs:
          - Established in 1951, …
    mission:
      heading: Mission
      beside: overview
      statement: {type: callout, text: IOM is committed to …}
      commitments:
        type: list
        lead: "IOM acts … to:"
        items: [Assist in meeting …, {text: Advance understanding …, footnote: Since 1951.}]
      lead: {type: key_figures, figures: [migrants, offices]}
    services:
      heading: Services
      areas:
        type: cards
        items:
          visas: {title: Visas, paragraphs: [Help with visas.]}
          work: {title: Work, summary: Jobs., paragraphs: [Help with work.]}
    """


def check(tmp_path: Path, text: str, project: Path | None = None):
    path = write(tmp_path, "data/text/en.yaml", text)
    registry, problems = load_registry(project or tmp_path)
    assert problems == []
    src, problems = load(path)
    assert problems == []
    sections, problems = validate_sections(src, registry)
    return path, sections, problems, registry


def translate(tmp_path: Path, text: str):
    _, sections, problems, registry = check(tmp_path, SOURCE)
    assert problems == []
    path = write(tmp_path, "data/text/fr.yaml", text)
    tr, problems = load(path)
    assert problems == []
    return path, validate_translation(tr, sections, registry)


def test_sections_and_blocks_in_reading_order(tmp_path):
    _, sections, problems, _ = check(tmp_path, SOURCE)
    assert problems == []
    assert list(sections.sections) == ["overview", "mission", "services"]
    mission = sections.sections["mission"]
    assert (mission.heading, mission.beside) == ("Mission", "overview")
    assert [(b.id, b.kind) for b in mission.blocks.values()] == [
        ("statement", "callout"), ("commitments", "list"), ("lead", "key_figures")]
    items = mission.blocks["commitments"].data.items
    assert [(i.text, i.footnote) for i in items] == [
        ("Assist in meeting …", None), ("Advance understanding …", "Since 1951.")]
    assert sections.sections["services"].blocks["areas"].data.items["work"].summary == "Jobs."


def test_unknown_field_in_a_block_is_located_with_did_you_mean(tmp_path):
    path, _, problems, _ = check(tmp_path, SOURCE.replace(
        "summary: Jobs.", "sumary: Jobs."))
    assert shown(problems, tmp_path) == [
        f"data/text/en.yaml:{at(path, 'sumary')}: unknown key 'sumary' — did you mean 'summary'?"]


def test_unknown_and_missing_block_types(tmp_path):
    path, sections, problems, _ = check(tmp_path, SOURCE.replace(
        "type: cards", "type: card").replace("        type: text\n", ""))
    assert shown(problems, tmp_path) == [
        f"data/text/en.yaml:{at(path, 'body')}: block 'overview.body' has no type — add 'type:' "
        f"with one of the kinds: {KNOWN}",
        f"data/text/en.yaml:{at(path, 'card')}: unknown block type 'card' — known kinds: "
        f"{KNOWN}; did you mean 'cards'?"]
    assert sections.skipped == {("overview", "body"), ("services", "areas")}


def test_empty_valued_unknown_keys_are_errors(tmp_path):
    path, _, problems, _ = check(tmp_path, SOURCE.replace(
        "      beside: overview\n", "      beside: overview\n      notes:\n").replace(
        "        paragraphs:\n", "        paragrahps:\n        paragraphs:\n"))
    assert shown(problems, tmp_path) == [
        f"data/text/en.yaml:{at(path, 'paragrahps')}: unknown key 'paragrahps' — did you mean "
        "'paragraphs'?",
        f"data/text/en.yaml:{at(path, 'notes')}: block 'mission.notes' should be a mapping with "
        f"'type:' — e.g. {{type: text, paragraphs: […]}}; kinds: {KNOWN}"]


def test_every_problem_of_a_file_at_once(tmp_path):
    path, sections, problems, _ = check(tmp_path, SOURCE.replace(
        "heading: General information", "hedding: General information").replace(
        "beside: overview", "beside: overveiw").replace(
        "type: callout, text:", "type: callout, txt:").replace(
        "figures: [migrants, offices]", "figures: []").replace(
        "[Help with visas.]}", "[Help with visas.], link: x}"))
    assert shown(problems, tmp_path) == [
        f"data/text/en.yaml:{at(path, 'hedding')}: unknown key 'hedding' — did you mean "
        "'heading'?",
        f"data/text/en.yaml:{at(path, 'overveiw')}: 'mission.beside': unknown section "
        "'overveiw' — did you mean 'overview'?",
        f"data/text/en.yaml:{at(path, '{type: callout')}: required key 'text' is missing under "
        "'mission.statement' — add it",
        f"data/text/en.yaml:{at(path, 'txt')}: unknown key 'txt' — did you mean 'text'?",
        f"data/text/en.yaml:{at(path, '[]')}: 'mission.lead.figures': list should have at least "
        "1 item after validation, not 0 — add entries",
        f"data/text/en.yaml:{at(path, 'link')}: unknown key 'link' — allowed keys here: title, "
        "summary, paragraphs"]
    assert sections.sections["overview"].heading is None and "services" in sections.sections


def test_a_non_text_field_in_a_translation_is_located_there(tmp_path):
    path, problems = translate(tmp_path, """
        overview:
          heading: Informations générales
          body: {paragraphs: [Fondée en 1951.]}
        mission:
          beside: overview
          commitments:
            type: list
            items: [Aider …, {text: Faire progresser …, footnote: Depuis 1951.}]
          lead: {figures: [migrants]}
        """)
    assert all(p.path == str(path) for p in problems)
    assert shown(problems, tmp_path) == [
        f"data/text/fr.yaml:{at(path, 'beside')}: 'mission.beside': not translatable — "
        "structure is written once, in en.yaml",
        f"data/text/fr.yaml:{at(path, 'type')}: 'mission.commitments.type': not translatable — "
        "structure is written once, in en.yaml",
        f"data/text/fr.yaml:{at(path, 'figures')}: 'mission.lead.figures': not translatable — "
        "data is written once, in en.yaml"]


def test_translation_keys_are_the_sources(tmp_path):
    path, problems = translate(tmp_path, """
        misson: {heading: Mission}
        mission:
          statment: {text: L'OIM …}
          commitments:
            items: [Aider …, Faire progresser …]
        services:
          areas:
            items:
              visas: {title: Visas, summary: Des visas., paragraphs: [Aide.]}
              work: {title: Travail, resume:}
        """)
    assert shown(problems, tmp_path) == [
        f"data/text/fr.yaml:{at(path, 'misson')}: unknown section 'misson' — did you mean "
        "'mission'?",
        f"data/text/fr.yaml:{at(path, 'statment')}: unknown key 'statment' — did you mean "
        "'statement'?",
        f"data/text/fr.yaml:{at(path, 'Faire')}: 'mission.commitments.items.1' should be a "
        "mapping, as in en.yaml",
        f"data/text/fr.yaml:{at(path, 'summary')}: 'services.areas.items.visas.summary': "
        "en.yaml has no text here — translate only what en.yaml says; add it there first",
        f"data/text/fr.yaml:{at(path, 'resume')}: unknown key 'resume' — en.yaml has no such "
        "key: remove it"]


def test_a_complete_translation_passes(tmp_path):
    _, problems = translate(tmp_path, """
        document: {title: En bref}
        overview:
          heading: Informations générales
          body: {paragraphs: [Fondée en 1951.]}
        mission:
          statement: {text: L'OIM …}
          commitments:
            lead:
            items: [Aider …, {text: Faire progresser …, footnote: Depuis 1951.}]
        services:
          areas: {items: {work: {title: Travail, summary: Emplois., paragraphs: [Aide.]}}}
        """)
    assert problems == []


def test_a_project_kind_is_used_and_in_the_json_schema(tmp_path):
    write(tmp_path, "blocks/banner/schema.yaml", """
        description: A banner across the page.
        fields:
          text: text
          link: {type: url, required: false}
        """)
    text = SOURCE.rstrip(" ") + ("    promo:\n      heading: Donate\n"
                                 "      ask: {type: banner, text: Give.}\n")
    _, sections, problems, registry = check(tmp_path, text)
    assert problems == [] and sections.sections["promo"].blocks["ask"].kind == "banner"
    schema = source_schema(registry)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = yaml.safe_load((tmp_path / "data/text/en.yaml").read_text(encoding="utf-8"))
    data.pop("document")
    assert list(validator.iter_errors(data)) == []
    data["promo"]["ask"]["txt"] = "Give."
    data["services"]["areas"]["type"] = "card"
    errors = sorted(e.message for e in validator.iter_errors(data))
    assert len(errors) == 2 and "'card' is not one of" in errors[0] and "'txt'" in errors[1]
