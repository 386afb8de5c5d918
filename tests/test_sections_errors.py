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


def at(path: Path, needle: str, nth: int = 1) -> str:
    """``file:line:col`` of the ``nth`` occurrence of ``needle``, as messages print it."""
    seen = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                rel = path.as_posix().split("/brief/", 1)[1]
                return f"{rel}:{n}:{line.index(needle) + 1}"
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
