"""Bad input: exit 2, every problem at once as file:line:col, no traceback, nothing lost."""

from __future__ import annotations

import re

from pathlib import Path

import inbrief
from conftest import REPO, run

BUILTIN_DESIGN = Path(inbrief.__file__).parent / "design"
BUILTIN_KINDS = Path(inbrief.__file__).parent / "blocks" / "kinds"


def _break(project, path, old, new):
    f = project / path
    text = f.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(project, path, needle):
    for n, line in enumerate((project / path).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_wrong_type_and_unknown_keys_reported_together(project):
    ok = run("--project", str(project), "build", "--audience", "general", "--lang", "en", "--layout", "brief",
             "--layout", "factsheet")
    assert ok.exit_code == 0, ok.output
    pdfs = {p: p.read_bytes() for p in (project / "output").rglob("*.pdf")}
    assert len(pdfs) == 2

    _break(project, "data/facts.yaml", "edition: 2026", "edition: twenty")
    _break(project, "data/facts.yaml", "  email: hq@iom.int", "  email: hq@iom.int\n  emial: x")
    # The acronym is a text of the cover block now, in en.yaml.
    _break(project, "data/text/en.yaml", "    acronym: IOM\n", "    acronym: IOM\n    acronyme: OIM\n")
    result = run("--project", str(project), "build", "--audience", "general", "--force")

    assert result.exit_code == 2
    err = result.stderr
    assert "Traceback" not in result.output
    edition = _line_of(project, "data/facts.yaml", "edition: twenty")
    emial = _line_of(project, "data/facts.yaml", "emial")
    acronyme = _line_of(project, "data/text/en.yaml", "acronyme")
    assert re.search(rf"data/facts\.yaml:{edition}:10: 'edition': .*integer.* — ", err), err
    assert f"data/facts.yaml:{emial}:3: unknown key 'emial' — did you mean 'email'?" in err
    assert f"data/text/en.yaml:{acronyme}:5: unknown key 'acronyme' — did you mean 'acronym'?" in err
    assert "3 problems found" in err
    # Nothing already built is lost.
    assert pdfs == {p: p.read_bytes() for p in (project / "output").rglob("*.pdf")}


def test_yaml_syntax_error_is_located_and_other_files_still_checked(project):
    _break(project, "data/text/en.yaml", "  heading: Mission\n", "  heading: [Mission\n")
    _break(project, "data/facts.yaml", "edition: 2026", "edition: 1066")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(r"data/text/en\.yaml:\d+:\d+: YAML syntax error: ", result.stderr)
    assert re.search(r"data/facts\.yaml:\d+:10: 'edition': input should be greater than or equal "
                     r"to 1800", result.stderr)
    assert "Traceback" not in result.output


def test_missing_key_and_bad_reference(project):
    # A subtitle is optional on sections; the author is not.
    _break(project, "data/text/en.yaml", "  author: International Organization for Migration\n", "")
    _break(project, "data/facts.yaml", "source: our-values-2019\n", "source: our-value-2019\n")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(r"data/text/en\.yaml:\d+:\d+: required key 'author' is missing under "
                     r"'document' — add it", result.stderr)
    assert re.search(r"data/facts\.yaml:\d+:\d+: unknown source 'our-value-2019' — known sources: "
                     r"in-brief-2014", result.stderr), result.stderr


def test_label_placeholders_are_checked(project):
    _break(project, "data/text/en.yaml", "page_of: Page {page} of {pages}", "page_of: Page {page}")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert "'labels.page_of' must contain {pages}" in result.stderr


def test_duplicate_key(project):
    _break(project, "data/facts.yaml", "edition: 2026", "edition: 2026\nedition: 2027")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(r"data/facts\.yaml:\d+:1: duplicate key 'edition'", result.stderr)


def test_not_utf8_and_empty_files(project):
    (project / "data/facts.yaml").write_bytes(b"edition: 2026\norganization: \xff\xfe\n")
    (project / "data/text/en.yaml").write_text("", encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert "data/facts.yaml:2: file is not valid UTF-8 text — save it as UTF-8" in result.stderr
    assert "data/text/en.yaml: file is empty" in result.stderr


def test_alias_bomb_fails_fast(project):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    (project / "data/facts.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert "more than 100000 values" in result.stderr


def test_template_error_names_template_and_line(project):
    # The project overrides the list kind's partial (the mission's commitments are a list).
    partial = project / "blocks/list/block.html.j2"
    partial.parent.mkdir(parents=True)
    lines = (BUILTIN_KINDS / "list/block.html.j2").read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith('<div class="block block-list')) + 1
    lines.insert(at, "  <p>{{ block.vision_statement }}</p>")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--project", str(project), "build", "--audience", "general")
    assert result.exit_code == 2
    assert re.search(rf"blocks/list/block\.html\.j2:{at + 1}: undefined variable: .*"
                     r"vision_statement", result.stderr), result.stderr
    assert "Traceback" not in result.output


def test_template_syntax_error(project):
    # The project overrides the built-in design's section partial.
    partial = project / "templates/partials/section.html.j2"
    partial.parent.mkdir(parents=True)
    partial.write_text("<section>\n{% if %}\n</section>\n", encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(r"templates/partials/section\.html\.j2:2: template syntax error", result.stderr)


def test_unknown_language_is_a_usage_error(project):
    result = run("--project", str(project), "build", "--audience", "general", "--lang", "xx")
    assert result.exit_code == 2
    assert "unknown language 'xx' given to --lang — known: en, fr, es, ar, uk" in result.stderr


def test_page_budget_failure_keeps_previous_pdf(project):
    assert run("--project", str(project), "build", "--audience", "general", "--layout", "factsheet", "--lang", "en").exit_code == 0
    pdf = next((project / "output").rglob("*factsheet*.pdf"))
    before = pdf.read_bytes()
    # The project overrides the built-in design's factsheet stylesheet.
    css = project / "styles/layouts/factsheet.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text((BUILTIN_DESIGN / "styles/layouts/factsheet.css").read_text(encoding="utf-8")
                   + "\nhtml { font-size: 16pt; }\n", encoding="utf-8")
    result = run("--project", str(project), "build", "--audience", "general", "--layout", "factsheet", "--lang", "en")
    assert result.exit_code == 1
    assert re.search(r"en/factsheet/general: layout 'factsheet' overflows: \d pages even with the "
                     r"tightest copyfitting \(type 90 %\), it allows exactly 1", result.stderr)
    assert pdf.read_bytes() == before


def test_no_project_here(tmp_path):
    result = run("build", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no inbrief.yaml here or in any parent folder" in result.stderr


def test_the_fast_yaml_parser_gives_the_same_nodes_and_locations():
    """Content is composed with libyaml when it is there (content.yamlsrc._FAST): on every YAML
    file the project ships, its nodes, values and marks are the pure-Python parser's."""
    import yaml

    from inbrief.content import yamlsrc

    def shape(node):
        mark = (node.start_mark.line, node.start_mark.column)
        if isinstance(node, yaml.MappingNode):
            return (node.tag, mark, [(shape(k), shape(v)) for k, v in node.value])
        if isinstance(node, yaml.SequenceNode):
            return (node.tag, mark, [shape(v) for v in node.value])
        return (node.tag, mark, node.value, node.style or None)  # libyaml: '' for plain

    files = [p for folder in ("data", "examples", "src", "migrate")
             for p in sorted((REPO / folder).rglob("*.yaml"))]
    assert len(files) > 40 and yamlsrc._FAST is not yaml.SafeLoader
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, slow = yamlsrc._compose(text, yamlsrc._FAST), yamlsrc._compose(text, yaml.SafeLoader)
        assert shape(fast) == shape(slow), path
