"""Block kinds: the schema dialect, its compiled models, text paths, and the kinds' lookup."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from inbrief.blocks.compile import compile_schema, field_at, text_paths, values_of
from inbrief.blocks.dialect import TYPES, parse_schema
from inbrief.blocks.registry import BUILTIN, FILES, load_registry

BUILTIN_KINDS = ("callout", "cards", "chart", "contact", "cover", "figure", "key_figures", "list",
                 "partners", "quote", "sources", "table", "text", "timeline")


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def at(path: Path, needle: str, nth: int = 1) -> str:
    """``line:col`` of the nth occurrence of ``needle`` in the file, as a message prints it."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        col = line.find(needle)
        while col >= 0:
            nth -= 1
            if not nth:
                return f"{n}:{col + 1}"
            col = line.find(needle, col + 1)
    raise AssertionError(f"{needle!r} not in {path}")


def shown(problems, root: Path) -> list[str]:
    out = []
    for p in sorted(problems):
        where = Path(p.path).relative_to(root).as_posix()
        where += f":{p.line}:{p.col}" if p.line is not None else ""
        out.append(f"{where}: {p.message}" + (f" — {p.hint}" if p.hint else ""))
    return out


def schema_of(tmp_path: Path, text: str):
    path = write(tmp_path, "blocks/k/schema.yaml", text)
    schema, problems = parse_schema(path)
    return path, schema, problems


# --- built-in kinds ---------------------------------------------------------------------

def test_every_builtin_kind_parses_and_compiles():
    folders = sorted(p.name for p in BUILTIN.iterdir() if p.is_dir())
    assert tuple(folders) == BUILTIN_KINDS
    for name in folders:
        path = BUILTIN / name / "schema.yaml"
        assert path.read_text(encoding="utf-8").startswith(f"# {name}: "), path
        schema, problems = parse_schema(path)
        assert problems == [], (name, problems)
        model, problems = compile_schema(name, schema)
        assert problems == [] and model is not None, (name, problems)
        assert schema.description.endswith(".")


def test_builtin_kinds_accept_the_design_examples():
    registry, problems = load_registry(Path("/nonexistent-project"))
    assert problems == [] and sorted(registry.kinds) == list(BUILTIN_KINDS)
    ok = {"text": {"paragraphs": ["Established in 1951, …"]},
          "callout": {"text": "IOM is committed to …"},
          "list": {"lead": "IOM acts … to:", "items": ["Assist …", {"text": "A", "footnote": "F"}]},
          "figure": {"image": "images/camp.JPG", "alt": "A camp", "credit": "© IOM"},
          "table": {"caption": "C", "columns": ["a", "b"], "rows": [["1", "2"]]},
          "timeline": {"events": "history", "texts": {"founded": "IOM is founded"}},
          "cover": {"photo": {"image": "assets/cover.png", "alt": "A camp", "credit": "© A"}}}
    for kind, data in ok.items():
        registry.kinds[kind].model.model_validate(data)
    figure = registry.kinds["figure"].model
    with pytest.raises(ValueError, match="required"):
        figure.model_validate({"image": "a.png", "credit": "c"})  # alt text is required


# --- the dialect ------------------------------------------------------------------------

def test_unknown_field_type_is_located_with_the_known_types(tmp_path):
    path, schema, problems = schema_of(tmp_path, """
        description: Cards.
        fields:
          title: {type: txt}
          body: rich txt
        """)
    known = ", ".join(TYPES)
    assert list(schema.fields) == []
    assert shown(problems, tmp_path) == [
        f"blocks/k/schema.yaml:{at(path, 'txt}')}: unknown field type 'txt' — did you mean "
        f"'text'? known types: {known}",
        f"blocks/k/schema.yaml:{at(path, 'rich txt')}: unknown field type 'rich txt' — did you "
        f"mean 'rich text'? known types: {known}"]


def test_every_mistake_of_a_schema_is_reported_at_once(tmp_path):
    path = write(tmp_path, "blocks/k/schema.yaml", """
        description: Many mistakes.
        fields:
          title: {type: text, requird: false}
          items: {type: list, max_length: 3}
          cards: {type: map, fields: {title: text}, of: text}
          mode: {type: choice}
          size: {type: number, default: big}
          type: text
        extra: 1
        """)
    registry, problems = load_registry(tmp_path)
    assert "k" in registry.broken and "k" not in registry.kinds
    assert shown(problems, tmp_path) == [
        f"blocks/k/schema.yaml:{at(path, 'requird')}: unknown option 'requird' — did you mean "
        "'required'?",
        f"blocks/k/schema.yaml:{at(path, '{type: list')}: 'fields.items' needs 'of:' — say what "
        "its items are, e.g. {type: list, of: text}",
        f"blocks/k/schema.yaml:{at(path, 'max_length')}: option 'max_length' does not apply to "
        "list — 'max_length' counts the characters of a text",
        f"blocks/k/schema.yaml:{at(path, 'fields: {')}: 'fields' cannot go with 'type: map' — "
        "a list's or map's items go under 'of:': {type: map, of: {fields: …}}",
        f"blocks/k/schema.yaml:{at(path, '{type: choice')}: 'fields.mode' needs 'values:' — "
        "list the allowed values, e.g. values: [left, right]",
        f"blocks/k/schema.yaml:{at(path, 'big')}: 'fields.size': the default does not fit the "
        "field: input should be a valid number, unable to parse string as a number — correct "
        "the default, or remove it",
        f"blocks/k/schema.yaml:{at(path, 'type: text', 2)}: field name 'type' is reserved — "
        "choose another name: 'type' names a block's kind, and the names of a model's methods "
        "cannot be fields",
        f"blocks/k/schema.yaml:{at(path, 'extra')}: unknown key 'extra' — a schema has only "
        "'description' and 'fields'"]


def test_a_default_must_fit_its_field_and_makes_it_optional(tmp_path):
    path, schema, problems = schema_of(tmp_path, """
        description: Aligned.
        fields:
          align: {type: choice, values: [left, right], default: centre}
          size: {type: number, default: 2, required: true}
        """)
    assert shown(problems, tmp_path) == [
        f"blocks/k/schema.yaml:{at(path, 'required')}: a field with a default cannot be "
        "required — remove 'required: true' or the default"]
    model, problems = compile_schema("k", schema)
    assert model is None
    assert shown(problems, tmp_path) == [
        f"blocks/k/schema.yaml:{at(path, 'centre')}: 'fields.align': the default does not fit "
        "the field: input should be 'left' or 'right' — correct the default, or remove it"]


def test_compiled_models_check_urls_images_numbers_and_choices(tmp_path):
    _, schema, problems = schema_of(tmp_path, """
        description: Everything.
        fields:
          link: url
          logo: image
          count: number
          align: {type: choice, values: [left, right], default: left}
          notes: {type: list, of: text, required: false, max: 2}
        """)
    model, _ = compile_schema("k", schema)
    ok = model.model_validate({"link": "mailto:a@b.org", "logo": "img/a.svg", "count": 3.0})
    assert (ok.count, ok.align, ok.notes) == (3, "left", [])
    for bad in ({"link": "ftp://x"}, {"logo": "/etc/a.png"}, {"logo": "../a.png"},
                {"logo": "a.gif"}, {"count": True}, {"align": "centre"}, {"notes": ["a", "b", "c"]}):
        data = {"link": "https://x.org", "logo": "a.png", "count": 1, **bad}
        with pytest.raises(ValueError):
            model.model_validate(data)


# --- text paths -------------------------------------------------------------------------

NESTED = """
    description: Nested.
    fields:
      heading: {type: text, required: false}
      figures: {type: list, of: figure}
      items:
        type: map
        of:
          fields:
            title: text
            link: {type: url, required: false}
            paragraphs: {type: list, of: rich text}
      points:
        type: list
        of: {fields: {text: rich text, footnote: {type: text, required: false}}}
      rows: {type: list, of: {type: list, of: text}}
    """


def test_text_paths_over_nested_maps_and_lists(tmp_path):
    _, schema, _ = schema_of(tmp_path, NESTED)
    model, _ = compile_schema("k", schema)
    raw = {"figures": ["staff"],
           "items": {"visa": {"title": "Visas", "link": "https://x.org", "paragraphs": ["a", "b"]},
                     "work": {"title": "Work", "paragraphs": ["c"]}},
           "points": ["one", {"text": "two", "footnote": "note"}],
           "rows": [["r1", "r2"], ["r3"]]}
    expected = [("items", "visa", "title"), ("items", "visa", "paragraphs", 0),
                ("items", "visa", "paragraphs", 1), ("items", "work", "title"),
                ("items", "work", "paragraphs", 0), ("points", 0), ("points", 1, "text"),
                ("points", 1, "footnote"), ("rows", 0, 0), ("rows", 0, 1), ("rows", 1, 0)]
    assert list(text_paths(schema, raw)) == expected
    # A validated model spells the shorthand item out.
    assert list(text_paths(schema, model.model_validate(raw)))[5] == ("points", 0, "text")
    assert list(values_of(schema, raw, {"figure", "url"})) == [
        (("figures", 0), "staff"), (("items", "visa", "link"), "https://x.org")]
    assert field_at(schema, ("items", "work", "paragraphs", 3)).type == "rich text"
    assert field_at(schema, ("rows", 1, 0)).type == "text"
    assert field_at(schema, ("items", "work", "nope")) is None


# --- the registry -----------------------------------------------------------------------

def test_a_lone_partial_overrides_only_that_partial(tmp_path):
    partial = write(tmp_path, "blocks/cards/block.html.j2", "{{ block.intro }}\n")
    registry, problems = load_registry(tmp_path)
    assert problems == []
    cards = registry.kinds["cards"]
    assert cards.partial == partial
    assert cards.schema_path == BUILTIN / "cards" / "schema.yaml" and cards.builtin
    assert cards.css is None and cards.short is None


def test_an_audience_folder_overrides_the_project_per_file(tmp_path):
    write(tmp_path, "blocks/quote/style.css", "p {}\n")
    aud = write(tmp_path, "blocks/audiences/donors/quote/style.css", "q {}\n")
    own = write(tmp_path, "blocks/audiences/donors/quote/schema.yaml",
                "description: Said.\nfields:\n  text: text\n")
    registry, problems = load_registry(tmp_path, "donors")
    assert problems == []
    assert registry.kinds["quote"].css == aud and registry.kinds["quote"].schema_path == own
    general, _ = load_registry(tmp_path)
    assert general.kinds["quote"].css == tmp_path / "blocks/quote/style.css"
    assert general.kinds["quote"].builtin


def test_a_new_kind_without_schema_is_an_error(tmp_path):
    write(tmp_path, "blocks/card/block.html.j2", "x\n")
    registry, problems = load_registry(tmp_path)
    assert shown(problems, tmp_path) == [
        "blocks/card: block kind 'card' has no schema.yaml, and no built-in kind has that "
        "name — did you mean 'cards'? a new kind needs schema.yaml; to override a built-in "
        "kind's files, name the folder after it"]
    assert "card" not in registry.kinds and "card" in registry.broken


def test_a_misspelt_file_in_a_kind_folder_is_an_error(tmp_path):
    write(tmp_path, "blocks/cards/block.html", "x\n")
    _, problems = load_registry(tmp_path)
    assert shown(problems, tmp_path) == [
        "blocks/cards/block.html: unknown file 'block.html' in block kind 'cards' — did you "
        "mean 'block.html.j2'?"]
    assert FILES["partial"] == "block.html.j2"


def test_a_new_kind_is_compiled_and_an_edit_is_seen(tmp_path):
    path = write(tmp_path, "blocks/banner/schema.yaml", "description: A banner.\nfields:\n"
                                                        "  text: text\n")
    registry, problems = load_registry(tmp_path)
    assert problems == [] and not registry.kinds["banner"].builtin
    path.write_text("description: A banner.\nfields:\n  text: txt\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different stamp even within the clock's resolution
    registry, problems = load_registry(tmp_path)
    assert [p.message for p in problems] == ["unknown field type 'txt'"]
    assert "banner" in registry.broken and "banner" not in registry.kinds
