"""`inbrief explain` in a project of sections: every layer of a text or a label, each with its
file:line:col, in the order the build applies them; the final one is where the build reads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import run

from inbrief.blocks.load import load_block_content
from inbrief.blocks.reserved import BUILTIN_LABELS

LANGUAGES = ("en", "fr", "es", "ar", "uk")
KINDS = Path(__file__).resolve().parents[1] / "src" / "inbrief" / "blocks" / "kinds"
DESIGN = BUILTIN_LABELS.parent


@pytest.fixture
def blank(tmp_path) -> Path:
    """The blank starter in five languages, with a kind of its own that has words, and an
    audience 'short'."""
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8")
                      .replace("languages: [en, fr]", "languages: [en, fr, es, ar, uk]")
                      .replace("audiences: [general]", "audiences: [general, short]"),
                      encoding="utf-8")
    kind = project / "blocks" / "milestone"
    kind.mkdir(parents=True)
    (kind / "schema.yaml").write_text("description: A target.\nfields:\n  target: text\n",
                                      encoding="utf-8")
    (kind / "block.html.j2").write_text("<p>{{ labels.due }} {{ block.target }}</p>\n",
                                        encoding="utf-8")
    (kind / "labels.yaml").write_text("en: {due: Due}\nfr: {due: Échéance}\n", encoding="utf-8")
    (project / "data" / "audiences").mkdir()
    (project / "data" / "audiences" / "short.yaml").write_text("description: In a hurry.\n",
                                                               encoding="utf-8")
    return project


def position(path: Path, *keys: str) -> str:
    """``line:col`` of the value at ``keys`` of a YAML file (its first scalar)."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    for key in keys:
        node = next(v for k, v in node.value if k.value == key)
    return f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def explain(project: Path, *args: str) -> list[str]:
    result = run("explain", *args, cwd=project)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def layers(lines: list[str]) -> list[tuple[str, str]]:
    """(file:line:col, layer) of each line, final first."""
    return [(m.group(1), m.group(2)) for m in
            (re.search(r"(?:from|overrides) (\S+) \(([^)]*)\)", line) for line in lines) if m]


def where(path: Path, *keys: str) -> str:
    shown = path.resolve()
    return f"{shown}:{position(path, *keys)}"


def resolved(lines, project: Path) -> list[tuple[str, str]]:
    return [(str((project / w.rsplit(":", 2)[0]).resolve()) + ":" + ":".join(w.rsplit(":", 2)[1:]),
             kind) for w, kind in layers(lines)]


def test_the_built_in_words_of_the_kinds_ship_in_five_languages():
    """Every label a built-in partial or layout prints is worded in all five languages."""
    builtin = yaml.safe_load(BUILTIN_LABELS.read_text(encoding="utf-8"))
    used = set()
    for template in [*KINDS.rglob("*.j2"), *(DESIGN / "templates").rglob("*.j2")]:
        used |= set(re.findall(r"labels\.([a-z_]+)", template.read_text(encoding="utf-8")))
    assert {"key_figures", "sources", "phone"} <= used
    for lang in LANGUAGES:
        assert set(builtin[lang]) == set(builtin["en"]), lang
        assert used <= set(builtin[lang]), (lang, used - set(builtin[lang]))
        assert all(text.strip() for text in builtin[lang].values()), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_built_in_label_shows_its_built_in_layer_in_every_language(blank, lang):
    lines = explain(blank, "labels.as_of", "--lang", lang)
    builtin = yaml.safe_load(BUILTIN_LABELS.read_text(encoding="utf-8"))
    assert lines[0] == f'labels.as_of = "{builtin[lang]["as_of"]}"'
    expected = [(where(BUILTIN_LABELS, lang, "as_of"), f"built-in labels, {lang}")]
    if lang != "en":
        expected.append((where(BUILTIN_LABELS, "en", "as_of"), "built-in labels, en"))
    assert resolved(lines, blank) == expected, lines
    assert not [line for line in lines if "fallback" in line], lines


def test_a_label_of_a_kind_then_the_projects_then_the_audiences(blank):
    kind = blank / "blocks" / "milestone" / "labels.yaml"
    lines = explain(blank, "labels.due", "--lang", "fr")
    assert lines[0] == 'labels.due = "Échéance"'
    assert resolved(lines, blank) == [
        (where(kind, "fr", "due"), "block kind 'milestone' labels, fr"),
        (where(kind, "en", "due"), "block kind 'milestone' labels, en")], lines
    lines = explain(blank, "labels.due", "--lang", "es")  # no Spanish words: the English ones
    assert lines[0] == 'labels.due = "Due"' and len(layers(lines)) == 1, lines

    en = blank / "data" / "text" / "en.yaml"
    fr = blank / "data" / "text" / "fr.yaml"
    en.write_text(en.read_text(encoding="utf-8") + "labels: {due: Deadline}\n", encoding="utf-8")
    lines = explain(blank, "labels.due", "--lang", "fr")
    assert lines[0] == 'labels.due = "Deadline"', lines  # the build prints the source's words
    assert lines[2] == "  fallback: no fr translation, the en text is used", lines
    fr.write_text(fr.read_text(encoding="utf-8") + "labels: {due: Date limite}\n",
                  encoding="utf-8")
    audience = blank / "data" / "text" / "audiences" / "short" / "fr.yaml"
    audience.parent.mkdir(parents=True)
    audience.write_text("labels:\n  due: À rendre le\n", encoding="utf-8")
    lines = explain(blank, "labels.due", "--lang", "fr", "--audience", "short")
    assert lines[0] == 'labels.due = "À rendre le"'
    assert resolved(lines, blank) == [
        (where(audience, "labels", "due"), "audience short, language fr"),
        (where(fr, "labels", "due"), "language fr"),
        (where(en, "labels", "due"), "base"),
        (where(kind, "fr", "due"), "block kind 'milestone' labels, fr"),
        (where(kind, "en", "due"), "block kind 'milestone' labels, en")], lines
    assert not [line for line in lines if "fallback" in line], lines
    content = load_block_content(blank, blank / "data", "fr", "en", "short")
    assert content.words.labels["due"] == "À rendre le"


def test_a_block_text_ends_where_the_build_reads_it(blank):
    """An audience rewords a text in English; the French translation still wins in French,
    as the build shows: explain's final layer is the loader's origin of the text."""
    en = blank / "data" / "text" / "en.yaml"
    fr = blank / "data" / "text" / "fr.yaml"
    audience = blank / "data" / "text" / "audiences" / "short" / "en.yaml"
    audience.parent.mkdir(parents=True)
    audience.write_text("about:\n  points:\n    items: [One., Two., Three.]\n", encoding="utf-8")
    for lang, final in (("en", (audience, "audience short")), ("fr", (fr, "language fr"))):
        lines = explain(blank, "about.points.items.1", "--lang", lang, "--audience", "short")
        got = resolved(lines, blank)
        keys = ("about", "points", "items")
        assert got[0][1] == final[1], lines
        node = yaml.compose(final[0].read_text(encoding="utf-8"))
        for key in keys:
            node = next(v for k, v in node.value if k.value == key)
        item = node.value[1].start_mark
        assert got[0][0] == f"{final[0].resolve()}:{item.line + 1}:{item.column + 1}", lines
        content = load_block_content(blank, blank / "data", lang, "en", "short")
        path, line, col = content.origins["about.points.items.1"]
        assert got[0][0] == f"{Path(path).resolve()}:{line}:{col}", (lines, content.origins)
    assert [kind for _, kind in got] == ["language fr", "audience short", "base"]
    assert en.exists()
