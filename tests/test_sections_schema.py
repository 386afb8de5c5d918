"""`inbrief schema` in a project of sections: the schemas of its own files, the source text's
composed from its kinds (the built-in ones and the project's), listed with those kinds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from conftest import REPO, run
from jsonschema import Draft202012Validator

EXAMPLE = REPO / "examples" / "project-factsheet"


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("output"))
    return project


def _validator(project: Path, name: str) -> Draft202012Validator:
    result = run("--project", str(project), "schema", name)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator, data) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


def test_the_listing_names_the_projects_own_kinds(tmp_path):
    project = _copy(tmp_path)
    result = run("--project", str(project), "schema")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:6]] == [
        "inbrief", "facts", "text", "translation", "audience", "audience-texts"]
    assert "data/text/en.yaml" in lines[2]
    kinds = result.stderr.splitlines()[0]  # stdout stays one schema a line, for scripts
    assert kinds.startswith("block kinds: callout, cards,")
    assert "milestones (blocks/milestones)" in kinds and "timeline" in kinds
    assert not [line for line in lines if line.startswith("texts ")], lines


def test_the_text_schema_knows_the_projects_kind_and_its_words(tmp_path):
    project = _copy(tmp_path)
    text = _validator(project, "text")
    en = yaml.safe_load((project / "data" / "text" / "en.yaml").read_text(encoding="utf-8"))
    assert _errors(text, en) == []
    section, block = next((sid, bid) for sid, s in en.items() if isinstance(s, dict)
                          for bid, b in s.items() if isinstance(b, dict)
                          and b.get("type") == "milestones")
    item = next(iter(en[section][block]["items"].values()))
    item["progres"] = 3  # a misspelt field of the project's kind
    assert any("'progres'" in m for m in _errors(text, en)), _errors(text, en)
    del item["progres"]
    en["labels"] = {"due": "Deadline"}  # the kind's own label (labels.yaml) may be changed
    assert _errors(text, en) == []
    en["labels"] = {"dew": "Deadline"}
    assert any("'dew'" in m for m in _errors(text, en))


def test_facts_and_audiences_have_the_sections_models(tmp_path):
    project = _copy(tmp_path)
    facts = _validator(project, "facts")
    data = yaml.safe_load((project / "data" / "facts.yaml").read_text(encoding="utf-8"))
    assert _errors(facts, data) == []
    audience = _validator(project, "audience")
    assert _errors(audience, {"description": "x", "sections": ["cover"],
                              "slots": {"factsheet": {"none": ["cover"]}}}) == []
    assert _errors(audience, {"sections": ["cover"], "lead_figures": []})  # a classic key


def test_schema_out_writes_what_init_writes(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    out = project / "schema-again"
    result = run("--project", str(project), "schema", "--out", str(out))
    assert result.exit_code == 0, result.output
    setting = json.loads(result.stdout)["yaml.schemas"]
    assert setting == {f"./schema-again/{n}.schema.json": glob for n, glob in (
        ("inbrief", "inbrief.yaml"), ("facts", "data/facts.yaml"),
        ("text", "data/text/en.yaml"), ("translation", "data/text/*.yaml"),
        ("audience", "data/audiences/*.yaml"),
        ("audience-texts", "data/text/audiences/*/*.yaml"), ("glossary", "data/glossary.yaml"))}
    init_setting = json.loads((project / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    assert init_setting == {k.replace("schema-again", "schema"): v for k, v in setting.items()}
    for path in setting:
        name = Path(path).name
        assert (out / name).read_bytes() == (project / "schema" / name).read_bytes(), name
    config = yaml.safe_load((project / "inbrief.yaml").read_text(encoding="utf-8"))
    assert _errors(Draft202012Validator(json.loads((out / "inbrief.schema.json").read_text())),
                   config) == []


def test_a_classic_name_is_refused_with_the_sections_names(tmp_path):
    result = run("--project", str(_copy(tmp_path)), "schema", "texts")
    assert result.exit_code == 2
    assert ("'texts' is not a schema — use one of: inbrief, facts, text, translation, "
            "audience, audience-texts, glossary") in result.stderr
