"""The published JSON Schemas: valid, in step with the models, and with the shipped files.

The default project is written in sections: its schemas (docs/schema/) are composed from its
block kinds and its source file (``blocks.schema_json.project_schemas``). A classic project's
come from the fixed models (``content.schema.schemas``), checked on tests/fixtures/classic.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from inbrief.blocks import load_registry, validate_sections
from inbrief.blocks.facts import Facts
from inbrief.blocks.schema_json import project_documents, project_schemas
from inbrief.config.model import Config
from inbrief.content.facts import Facts as ClassicFacts
from inbrief.content.schema import dumps, schemas, write_schemas
from inbrief.content.texts import Texts
from inbrief.content.yamlsrc import load as load_yaml

ROOT = Path(__file__).resolve().parents[1]
CLASSIC = Path(__file__).resolve().parent / "fixtures" / "classic"
SCHEMA_DIR = ROOT / "docs" / "schema"
REGENERATE = "regenerate with: inbrief schema --out docs/schema (in the repository)"
NAMES = ["inbrief", "facts", "texts", "translation", "audience", "audience-texts"]
PROJECT_NAMES = ["inbrief", "facts", "text", "translation", "audience", "audience-texts"]


def _sections_text(path: Path) -> None:
    """The models agree: the source file of sections validates against the kinds."""
    src, problems = load_yaml(path, ROOT)
    registry, more = load_registry(ROOT)
    _sections, found = validate_sections(src, registry)
    assert problems + more + found == []


SHIPPED = [  # (schemas, name, file, what the models say of it)
    ("project", "inbrief", ROOT / "inbrief.yaml", Config.model_validate),
    ("project", "facts", ROOT / "data/facts.yaml", Facts.model_validate),
    ("project", "text", ROOT / "data/text/en.yaml", _sections_text),
    ("classic", "inbrief", CLASSIC / "inbrief.yaml", Config.model_validate),
    ("classic", "facts", CLASSIC / "data/facts.yaml", ClassicFacts.model_validate),
    ("classic", "texts", CLASSIC / "data/text/en.yaml", Texts.model_validate),
]


def _load(rel: str):
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def _project_schemas() -> dict[str, dict]:
    return project_schemas(ROOT, "en")


def _validator(name: str, model: str = "project") -> Draft202012Validator:
    made = _project_schemas() if model == "project" else schemas()
    return Draft202012Validator(made[name])


def _errors(name: str, data, model: str = "project") -> list[str]:
    return [e.message for e in _validator(name, model).iter_errors(data)]


@pytest.mark.parametrize("model", ["classic", "project"])
def test_every_document_with_dialect_id_and_title(model):
    out = schemas() if model == "classic" else _project_schemas()
    assert list(out) == (NAMES if model == "classic" else PROJECT_NAMES)
    for name, schema in out.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(f"/{name}.schema.json")
        assert schema["title"]
        Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", NAMES)
def test_every_object_forbids_unknown_keys(name):
    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node or "patternProperties" in node:
                assert node.get("additionalProperties") is False, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    schema = schemas()[name]
    assert schema["additionalProperties"] is False
    walk(schema, "#")


@pytest.mark.parametrize("model,name,path,check", SHIPPED,
                         ids=[f"{s[0]}:{s[2].relative_to(ROOT).as_posix()}" for s in SHIPPED])
def test_shipped_files_pass(model, name, path, check):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(name, data, model) == []
    check(path if check is _sections_text else data)  # and the models agree


def test_unknown_keys_in_facts_are_rejected():
    facts = _load("data/facts.yaml")

    top = copy.deepcopy(facts)
    top["editon"] = 2026
    assert any("'editon'" in m for m in _errors("facts", top))

    nested = copy.deepcopy(facts)
    nested["contact"]["mobile"] = "+41 22 000 00 00"
    errors = list(_validator("facts").iter_errors(nested))
    assert errors, "an unknown key under contact must be rejected"
    assert any(list(e.absolute_path) == ["contact"] and "'mobile'" in e.message
               for e in errors)

    for bad in (top, nested):  # the schema says no where the models say no
        with pytest.raises(ValueError):
            Facts.model_validate(bad)


def test_id_keyed_maps_reject_keys_that_are_not_ids():
    facts = _load("data/facts.yaml")
    facts["key_figures"]["Member States"] = facts["key_figures"]["member_states"]
    assert any("'Member States'" in m for m in _errors("facts", facts))
    with pytest.raises(ValueError):
        Facts.model_validate(facts)


def test_focus_points_are_text_or_mapping():
    """The strategic focus (classic: strategic_focus.points) is a list block: focus.points."""
    texts = _load("data/text/en.yaml")
    points = texts["focus"]["points"]["items"]
    assert any(isinstance(p, str) for p in points) and any(isinstance(p, dict) for p in points)
    block = _project_schemas()["text"]["$defs"]["Block_list"]
    items = block["properties"]["items"]["items"]
    assert {"type": "string", "minLength": 1, "maxLength": 5000} in items["anyOf"]
    assert {"$ref": "#/$defs/Block_list__items"} in items["anyOf"]

    for bad in (42, {"footnote": "no text"}, {"text": "x", "note": "unknown key"}, ""):
        broken = copy.deepcopy(texts)
        broken["focus"]["points"]["items"] = [bad]
        assert _errors("text", broken), bad
        if bad != {"footnote": "no text"}:  # a translation may leave the text to the source
            assert _errors("translation", {"focus": {"points": {"items": [bad]}}}), bad


def test_committed_schemas_are_current():
    for name, schema in _project_schemas().items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing — {REGENERATE}"
        committed = path.read_text(encoding="utf-8")
        assert committed == dumps(schema), (
            f"{path.relative_to(ROOT)} is out of date with the project — {REGENERATE}")
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted(
        f"{name}.schema.json" for name in PROJECT_NAMES), f"a schema left over — {REGENERATE}"


def test_write_schemas_is_deterministic(tmp_path):
    first = write_schemas(tmp_path / "a")
    second = write_schemas(tmp_path / "b")
    assert [p.name for p in first] == [f"{name}.schema.json" for name in NAMES]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
        assert a.read_bytes().endswith(b"}\n")


def test_vscode_settings_map_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {f"./docs/schema/{name}.schema.json": glob
                       for name, glob, _ in project_documents("en")}
    assert mapping["./docs/schema/text.schema.json"] == "data/text/en.yaml"
    for schema_path in mapping:
        assert (ROOT / schema_path).is_file()
