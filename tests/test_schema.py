"""The published JSON Schemas: valid, in step with the models, and with the shipped files.

The default project is written in sections: its schemas (docs/schema/) are composed from its
block kinds and its source file (``blocks.schema_json.project_schemas``).
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
from inbrief.content.schema import dumps
from inbrief.content.yamlsrc import load as load_yaml

from conftest import run

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "docs" / "schema"
REGENERATE = "regenerate with: inbrief schema --out docs/schema (in the repository)"
PROJECT_NAMES = ["inbrief", "facts", "text", "translation", "audience", "audience-texts",
                 "glossary"]


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
]


def _load(rel: str):
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def _project_schemas() -> dict[str, dict]:
    return project_schemas(ROOT, "en")


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(_project_schemas()[name])


def _errors(name: str, data) -> list[str]:
    return [e.message for e in _validator(name).iter_errors(data)]


def test_every_document_with_dialect_id_and_title():
    out = _project_schemas()
    assert list(out) == PROJECT_NAMES
    for name, schema in out.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(f"/{name}.schema.json")
        assert schema["title"]
        Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", PROJECT_NAMES)
def test_every_object_forbids_unknown_keys(name):
    """A key no schema names is refused, or typed by one (a section id a writer chooses is
    checked as a section: ``additionalProperties`` is the section's schema), never let through."""
    def closed(node) -> bool:
        more = node.get("additionalProperties")
        if more is False or (isinstance(more, dict) and "$ref" in more):
            return True
        # A block: its type (an enum of the kinds) picks the kind's closed schema.
        branches = node.get("allOf", [])
        return "enum" in node["properties"].get("type", {}) and bool(branches) and all(
            "$ref" in b.get("then", {}) for b in branches)

    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node or "patternProperties" in node:
                assert closed(node), where
            for key, value in node.items():
                if key != "if":  # a condition (which kind), not the shape of a value
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    schema = _project_schemas()[name]
    assert closed(schema)
    walk(schema, "#")


@pytest.mark.parametrize("model,name,path,check", SHIPPED,
                         ids=[f"{s[0]}:{s[2].relative_to(ROOT).as_posix()}" for s in SHIPPED])
def test_shipped_files_pass(model, name, path, check):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(name, data) == []
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
    # In a kind's id-keyed items too (cards), which the kinds' models refuse the same way.
    texts = _load("data/text/en.yaml")
    items = texts["areas"]["areas"]["items"]
    items["Forced Migration"] = items["forced"]
    assert any("'Forced Migration'" in m for m in _errors("text", texts))


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


def test_written_schemas_are_deterministic(tmp_path):
    written = {}
    for name in ("a", "b"):
        result = run("--project", str(ROOT), "schema", "--out", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        written[name] = sorted((tmp_path / name).iterdir())
    assert [p.name for p in written["a"]] == sorted(f"{n}.schema.json" for n in PROJECT_NAMES)
    for a, b in zip(written["a"], written["b"]):
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
