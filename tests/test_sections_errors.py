"""The error contract of a project of sections, file by file: every problem at once, each at
file:line:col in the file that holds it (never in another language's), and an unknown key an
error whatever its value (``foo:``, ``foo: {}``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import run


@pytest.fixture
def blank(tmp_path) -> Path:
    """The blank starter (en, fr; section 'about' of blocks 'intro' and 'points'), with a
    project kind 'milestone' and a second audience 'short'."""
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    write(project, "blocks/milestone/schema.yaml", """\
        description: A target and how far it has come.
        fields:
          target: text
          progress: {type: number, required: false}
        """)
    write(project, "blocks/milestone/block.html.j2", "<p>{{ block.target }}</p>\n")
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "audiences: [general]", "audiences: [general, short]"), encoding="utf-8")
    write(project, "data/audiences/short.yaml", "description: Readers in a hurry.\n")
    return project


def write(project: Path, rel: str, text: str) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def append(project: Path, rel: str, text: str) -> Path:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8") + textwrap.dedent(text), encoding="utf-8")
    return path


def at(path: Path, needle: str, nth: int = 1, col: bool = True) -> str:
    """``file:line:col`` of the ``nth`` occurrence of ``needle``, as messages print it
    (``file:line:`` without ``col``: a key's empty value is located past its colon)."""
    seen = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                rel = path.as_posix().split("/brief/", 1)[1]
                return f"{rel}:{n}:{line.index(needle) + 1}" if col else f"{rel}:{n}:"
    raise AssertionError(f"{needle!r} not in {path}")


def check(project: Path) -> list[str]:
    result = run("check", cwd=project)  # paths printed from the project's folder
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    return [line for line in result.output.splitlines() if ": " in line]


LONG = "y" * 5001


def test_a_text_too_long_in_a_translation_or_an_audience_file_is_located_there(blank):
    """Block and heading texts laid over the source are checked where they were written."""
    fr = write(blank, "data/text/fr.yaml", f"about:\n  points:\n    lead: {LONG}\n")
    aud_en = write(blank, "data/text/audiences/short/en.yaml",
                   f"about:\n  intro:\n    paragraphs: [{LONG}]\n"
                   f"extra:\n  heading: {LONG}\n  note: {{type: callout, text: Hello.}}\n")
    aud_fr = write(blank, "data/text/audiences/short/fr.yaml",
                   f"about:\n  points:\n    items: [{LONG}, b, c]\n")
    lines = check(blank)
    too_long = "string should have at most 5000 characters"
    for where, key in ((at(fr, "y" * 10), "about.points.lead"),
                       (at(aud_en, "y" * 10), "about.intro.paragraphs.0"),
                       (at(aud_en, "y" * 10, 2), "extra.heading"),
                       (at(aud_fr, "y" * 10), "about.points.items.0.text")):  # {text, footnote}
        assert any(line.startswith(f"{where}: '{key}': {too_long}") for line in lines), \
            (where, key, lines)
    assert not [line for line in lines if line.startswith("data/text/en.yaml")], lines


def test_a_kinds_schema_refuses_unknown_keys_whatever_their_value(blank):
    schema = write(blank, "blocks/milestone/schema.yaml", """\
        description: A target and how far it has come.
        foo:
        bar: {}
        fields:
          target: {type: text, requird: }
          progress: {type: number, extra: {}}
          parts:
            fields: {a: text, b: }
            oops:
        """)
    empty = write(blank, "blocks/banner/schema.yaml", "description: A banner.\nfields:\n")
    lines = check(blank)
    for needle, message in (("foo:", "unknown key 'foo' — a schema has only 'description' and "
                                     "'fields'"),
                            ("bar:", "unknown key 'bar'"),
                            ("requird", "unknown option 'requird' — did you mean 'required'?"),
                            ("extra", "unknown option 'extra' — options of number"),
                            ("b: }", "'fields.parts.fields.b' should be a type name or a mapping"),
                            ("oops", "unknown option 'oops' — options of a nested record")):
        where = at(schema, needle, col=needle != "b: }")
        assert any(line.startswith(where) and f": {message}" in line for line in lines), \
            (needle, lines)
    assert f"{at(empty, 'fields')}: 'fields' is empty — list the kind's fields, or write " \
           "'fields: {}' for a kind without any" in lines, lines


def test_a_kinds_labels_yaml_is_checked_where_it_is_written(blank):
    broken = write(blank, "blocks/milestone/labels.yaml", "en: {due: Due\n")
    lines = check(blank)
    assert [line for line in lines if "labels.yaml" in line] == [
        "blocks/milestone/labels.yaml:2:1: YAML syntax error: expected ',' or '}', but got "
        "'<stream end>' — check indentation, colons and quotes around this point"], lines
    labels = write(blank, "blocks/milestone/labels.yaml", """\
        en: {due: Due, count: 3}
        fr: {dua: Échéance}
        Français: {due: Échéance}
        es:
        """)
    lines = check(blank)
    for needle, message in (("3}", "'en.count' should be text"),
                            ("dua", "unknown label 'dua' — did you mean 'due'?"),
                            ("Français", "'Français' is not a language code"),
                            ("es:", "'es' should be a mapping of label names to words")):
        assert any(line.startswith(f"{at(labels, needle)}: {message}") for line in lines), \
            (needle, lines)
    write(blank, "blocks/milestone/labels.yaml", "fr: {due: Échéance}\n")
    assert any(line.startswith("blocks/milestone/labels.yaml:1:1: labels.yaml of block kind "
                               "'milestone' has no 'en' words") for line in check(blank))
    assert broken == labels


def test_a_kinds_labels_missing_in_a_language_fall_back_with_a_warning(blank):
    labels = write(blank, "blocks/milestone/labels.yaml", "en: {due: Due}\n")
    append(blank, "data/text/en.yaml", "goals:\n  goal: {type: milestone, target: Clean water}\n")
    result = run("build", "--strict", "--lang", "fr", "--layout", "brief", cwd=blank)
    assert result.exit_code == 2, result.output
    assert f"{at(labels, 'due')}: fr: block kind 'milestone' has no fr words for label 'due', " \
           "using the en words — add 'due' under 'fr:' in its labels.yaml" in result.output, \
        result.output
    write(blank, "blocks/milestone/labels.yaml", "en: {due: Due}\nfr: {due: Échéance}\n")
    result = run("build", "--strict", "--lang", "fr", "--layout", "brief", cwd=blank)
    assert "block kind 'milestone'" not in result.output, result.output


def test_the_source_files_unknown_keys_are_errors_whatever_their_value(blank):
    write(blank, "data/facts.yaml", "sources: {s: {title: A report, year: 2025}}\n"
                                    "key_figures:\n  people: {observations: "
                                    "[{value: 12, as_of: 2025, source: s}]}\n")
    en = append(blank, "data/text/en.yaml", """\
        labels: {foo: , key_figures: Numbers, bar: {}}
        figures: {people: People, peple: People}
        empty: {}
        goals:
          nothing:
          goal: {type: milestone, target: Clean water, extra: , more: {}}
        """)
    lines = check(blank)
    for needle, message in (
            ("foo:", "unknown label 'foo' — labels: key_figures, as_of"),
            ("bar:", "unknown label 'bar'"),
            ("peple", "'figures.peple': no key figure 'peple' in facts.yaml — did you mean "
                      "'people'?"),
            ("empty", "section 'empty' is empty — give it a heading and blocks, or remove it"),
            ("nothing", "block 'goals.nothing' should be a mapping with 'type:'"),
            ("extra", "unknown key 'extra' — allowed keys here: target, progress"),
            ("more", "unknown key 'more'")):
        assert any(line.startswith(f"{at(en, needle)}: {message}") for line in lines), \
            (needle, lines)
    assert len(lines) == 7, lines  # each once, in one run


def test_a_translations_own_words_hold_only_the_sources_texts(blank):
    """document, organization, labels and figures of a translation are checked like its
    sections: unknown keys whatever their value, texts the source lacks, shapes, labels'
    placeholders; each located in the translation."""
    append(blank, "data/text/en.yaml", "labels: {page_of: 'Page {page} of {pages}'}\n")
    fr = write(blank, "data/text/fr.yaml", """\
        document: {title: Mon document, titel: Titre, keywords: [a]}
        organization: {nme: Mon organisation}
        labels: {foo: , as_of: "en {year}", page_of: "Page {page}"}
        figures: {people: Personnes}
        about:
          heading: À propos
        """)
    lines = check(blank)
    for needle, message in (
            ("titel", "unknown key 'titel' — did you mean 'title'?"),
            ("keywords", "'document.keywords': en.yaml has no text here — translate only what "
                         "en.yaml says; add it there first"),
            ("nme", "unknown key 'nme' — did you mean 'name'?"),
            ("foo", "unknown key 'foo' — en.yaml has no such key: remove it"),
            ("as_of", "'labels.as_of': en.yaml has no text here"),
            ('"Page {page}"', "'labels.page_of' must contain {pages}"),
            ("people", "unknown key 'people' — en.yaml has no such key: remove it")):
        assert any(line.startswith(f"{at(fr, needle)}: {message}") for line in lines), \
            (needle, lines)
    assert not [line for line in lines if line.startswith("data/text/en.yaml")], lines


def test_an_audiences_slots_and_sections_are_checked_with_every_other_problem(blank):
    spec = write(blank, "data/audiences/short.yaml", """\
        description: Readers in a hurry.
        foo:
        sections: [about, abuot]
        slots:
          brief: {bdy: [about], cover: }
          factshet: {}
          booklet: {none: [about], flap: [abot]}
          leaflet: {body: [about]}
        """)
    en = append(blank, "data/text/en.yaml", "more:\n  extra: {type: text, paragraph: [x]}\n")
    lines = check(blank)
    for path, needle, message in (
            (spec, "foo", "unknown key 'foo' — allowed keys here: description, sections, slots"),
            (spec, "abuot", "audience 'short': unknown section 'abuot' — did you mean 'about'?"),
            (spec, "bdy", "audience 'short': layout 'brief' has no slot 'bdy' — did you mean "
                          "'body'? 'body' takes every section no other slot holds"),
            (spec, "cover: }", "'slots.brief.cover': input should be a valid list"),
            (spec, "factshet", "audience 'short': unknown layout 'factshet' — did you mean "
                               "'factsheet'?"),
            (spec, "flap", "audience 'short': layout 'booklet' has no slot 'flap' — its template "
                           "shows: back, cover, figures, fill, none"),
            (spec, "abot", "audience 'short': unknown section 'abot' — did you mean 'about'?"),
            (spec, "body", "audience 'short': 'leaflet': the slot 'body' cannot be mapped"),
            (en, "paragraph: [x]", "unknown key 'paragraph' — did you mean 'paragraphs'?")):
        where = at(path, needle, col=needle != "cover: }")
        assert any(line.startswith(where) and f": {message}" in line for line in lines), \
            (needle, lines)


def test_the_configs_slots_are_checked_against_the_layouts_templates(blank):
    config = blank / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    pages: {min: 1, max: 2}\n",
        "    pages: {min: 1, max: 2}\n    slots: {cover: [covr], flap: [about]}\n", 1).replace(
        "    pages: {min: 2, max: 2}\n",
        "    pages: {min: 2, max: 2}\n    slots: {flap: [about]}\n", 1), encoding="utf-8")
    lines = check(blank)
    assert lines[:2] == [
        f"{at(config, 'covr')}: unknown section 'covr' — known sections: about",
        f"{at(config, 'flap')}: layout 'brief' has no slot 'flap' — its template shows: back, "
        "cover, figures, none"], lines  # the leaflet's flap is a slot of its template
    assert len(lines) == 2, lines


def test_a_link_shown_as_text_is_a_warning_in_the_file_that_holds_it(blank):
    en = append(blank, "data/text/en.yaml", "more:\n  note:\n    type: text\n"
                "    paragraphs: ['See [this](javascript:alert).', 'And [that](https://x.org).']\n")
    fr = append(blank, "data/text/fr.yaml", "more:\n  note:\n"
                "    paragraphs: ['Voir [ceci](file:///etc/passwd).', 'Et [cela](https://x.org).']\n")
    short = write(blank, "data/text/audiences/short/en.yaml",
                  "more:\n  note:\n    paragraphs: ['Read [it](ftp://x.org/a).', 'And.']\n")
    result = run("build", "--strict", "--layout", "brief", cwd=blank)
    assert result.exit_code == 2, result.output
    read = at(short, "'Read")
    assert f"{read}: en: 'more.note.paragraphs.0' links to 'ftp://x.org/a'" in result.output, \
        result.output
    shown_as_text = "which is shown as text: only http(s) and mailto links are made"
    see, voir = at(en, "'See"), at(fr, "'Voir")
    assert f"{see}: en: 'more.note.paragraphs.0' links to 'javascript:alert', " \
           f"{shown_as_text}" in result.output, result.output
    assert f"{voir}: fr: 'more.note.paragraphs.0' links to 'file:///etc/passwd', " \
           f"{shown_as_text}" in result.output, result.output
    assert "https://x.org" not in result.output


def test_a_contact_block_without_contact_facts_is_located_at_the_block(blank):
    en = append(blank, "data/text/en.yaml",
                "reach:\n  heading: Write to us\n  how:\n    type: contact\n    cta: Write.\n")
    lines = check(blank)
    assert lines == [f"{at(en, 'type: contact')}: block 'reach.how' shows the contact details, "
                     "but data/facts.yaml has no 'contact:' — add 'contact:' to data/facts.yaml "
                     "(see docs/kinds.md#contact)"], lines
    result = run("build", "--lang", "en", "--layout", "brief", cwd=blank)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "block.html.j2" not in result.output, result.output  # not a template error


def test_a_section_called_audiences_is_refused_where_it_is_written(blank):
    """Translation exports key an audience's texts 'audiences.<name>.…': a section of that id
    would clash with them."""
    section = "audiences:\n  heading: Who reads this\n  note: {type: text, paragraphs: [All.]}\n"
    en = append(blank, "data/text/en.yaml", section)
    refused = ("section id 'audiences' is reserved — rename the section: translation exports "
               "(PO, XLIFF) key an audience's texts 'audiences.<name>.…'")
    assert check(blank) == [f"{at(en, 'audiences:')}: {refused}"]
    result = run("i18n", "export", "--lang", "fr", cwd=blank)
    assert result.exit_code == 2, result.output
    assert f"{at(en, 'audiences:')}: {refused}" in result.output, result.output
    en.write_text(en.read_text(encoding="utf-8").replace(section, ""), encoding="utf-8")
    short = write(blank, "data/text/audiences/short/en.yaml", section)
    assert check(blank) == [f"{at(short, 'audiences:')}: {refused}"]


def test_an_audiences_own_section_left_out_of_its_sections_is_a_warning_there(blank):
    write(blank, "data/audiences/short.yaml", "sections: [about]\n")
    short = write(blank, "data/text/audiences/short/en.yaml",
                  "extra:\n  heading: Only for them\n  note: {type: text, paragraphs: [Hi.]}\n")
    result = run("build", "--lang", "en", "--lang", "fr", "--layout", "brief", cwd=blank)
    assert result.exit_code == 0, result.output
    warned = (f"warning: {at(short, 'extra')}: audience 'short': section 'extra' of its own "
              "text file is not in its 'sections:', so it is not shown — add 'extra' to "
              "'sections:' in data/audiences/short.yaml, or remove the section")
    assert result.output.count(warned) == 1, result.output  # once, not once per language
    assert run("build", "--strict", "--lang", "en", "--layout", "brief", cwd=blank).exit_code == 2
    write(blank, "data/audiences/short.yaml", "sections: [extra, about]\n")
    result = run("build", "--lang", "en", "--layout", "brief", cwd=blank)
    assert result.exit_code == 0 and "'extra'" not in result.output, result.output
