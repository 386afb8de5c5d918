"""The published JSON Schemas: valid, in step with the models, and with the shipped files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from inbrief.config.model import Config
from inbrief.content.facts import Facts
from inbrief.content.schema import dumps, globs, schemas, write_schemas
from inbrief.content.texts import Texts

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "docs" / "schema"
REGENERATE = "regenerate with: python -m inbrief.content.schema docs/schema"
NAMES = ["inbrief", "facts", "texts", "translation", "audience", "audience-texts"]

SHIPPED = [
    ("inbrief", "inbrief.yaml", Config),
    ("facts", "data/facts.yaml", Facts),
    ("texts", "data/text/en.yaml", Texts),
]


def _load(rel: str):
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schemas()[name])


def _errors(name: str, data) -> list[str]:
    return [e.message for e in _validator(name).iter_errors(data)]


def test_every_document_with_dialect_id_and_title():
    out = schemas()
    assert list(out) == NAMES
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


@pytest.mark.parametrize("name,rel,model", SHIPPED, ids=[s[1] for s in SHIPPED])
def test_shipped_files_pass(name, rel, model):
    data = _load(rel)
    assert _errors(name, data) == []
    model.model_validate(data)  # and the models agree


def test_unknown_keys_in_facts_are_rejected():
    facts = _load("data/facts.yaml")

    top = copy.deepcopy(facts)
    top["editon"] = 2026
    assert any("'editon'" in m for m in _errors("facts", top))

    nested = copy.deepcopy(facts)
    nested["organization"]["contact"]["mobile"] = "+41 22 000 00 00"
    errors = list(_validator("facts").iter_errors(nested))
    assert errors, "an unknown key under organization.contact must be rejected"
    assert any(list(e.absolute_path) == ["organization", "contact"] and "'mobile'" in e.message
               for e in errors)

    for bad in (top, nested):  # the schema says no where the models say no
        with pytest.raises(ValueError):
            Facts.model_validate(bad)


def test_id_keyed_maps_reject_keys_that_are_not_ids():
    facts = _load("data/facts.yaml")
    facts["key_figures"]["Member States"] = facts["key_figures"]["member_states"]
    assert _errors("facts", facts)
    with pytest.raises(ValueError):
        Facts.model_validate(facts)


def test_strategic_focus_points_are_text_or_mapping():
    texts = _load("data/text/en.yaml")
    points = texts["strategic_focus"]["points"]
    assert any(isinstance(p, str) for p in points) and any(isinstance(p, dict) for p in points)
    items = schemas()["texts"]["$defs"]["StrategicFocus"]["properties"]["points"]["items"]
    assert {"type": "string", "minLength": 1, "maxLength": 5000} in items["anyOf"]
    assert {"$ref": "#/$defs/Point"} in items["anyOf"]

    for bad in (42, {"footnote": "no text"}, {"text": "x", "note": "unknown key"}, ""):
        broken = copy.deepcopy(texts)
        broken["strategic_focus"]["points"] = [bad]
        assert _errors("texts", broken), bad


def test_committed_schemas_are_current():
    for name, schema in schemas().items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing — {REGENERATE}"
        committed = path.read_text(encoding="utf-8")
        assert committed == dumps(schema), (
            f"{path.relative_to(ROOT)} is out of date with the models — {REGENERATE}")


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
                       for name, glob in globs("en").items()}
    assert mapping["./docs/schema/texts.schema.json"] == "data/text/en.yaml"
    for schema_path in mapping:
        assert (ROOT / schema_path).is_file()
