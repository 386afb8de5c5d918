"""A project's block kinds (blocks/<kind>/…) are inputs of a build: an edit to a kind's partial,
schema, stylesheet or words rebuilds the targets that show it, and `inbrief watch` sees it."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest
from conftest import run
from pypdf import PdfReader

from inbrief.batch.build import Options
from inbrief.batch.watch import watch

KIND = {
    "schema.yaml": """\
        description: A target and how far it has come.
        fields:
          target: text
          note: {type: text, default: On track}
        """,
    "block.html.j2": '<p class="goal">{{ block.target }}: {{ block.note }} ({{ labels.due }})</p>\n',
    "style.css": ".goal { color: #123456; }\n",
    "labels.yaml": "en: {due: due soon}\nfr: {due: bientôt}\n",
}
EDITS = [  # (file, old, new, a phrase the PDF then shows, or None for a look-only change)
    ("block.html.j2", "({{ labels.due }})", "— {{ labels.due }}", "On track — due soon"),
    ("schema.yaml", "default: On track", "default: Behind", "Behind — due soon"),
    ("labels.yaml", "due soon", "due in June", "Behind — due in June"),
    ("style.css", "#123456", "#654321", None),
]


@pytest.fixture
def project(tmp_path) -> Path:
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    kind = project / "blocks" / "milestone"
    kind.mkdir(parents=True)
    for name, text in KIND.items():
        (kind / name).write_text(textwrap.dedent(text), encoding="utf-8")
    en = project / "data" / "text" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8")
                  + "goals:\n  water:\n    type: milestone\n    target: Clean water\n",
                  encoding="utf-8")
    return project


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "blocks" / "milestone" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def test_an_edit_to_a_kinds_file_rebuilds_what_shows_it(project, tmp_path):
    out = tmp_path / "out"

    def build() -> dict:
        result = run("--project", str(project), "build", "--lang", "en", "--layout", "brief",
                     "--out", str(out))
        assert result.exit_code == 0, result.output
        (target,) = json.loads((out / "manifest.json").read_text())["targets"]
        return target

    assert not build()["cached"]
    assert build()["cached"]  # nothing changed: nothing rebuilt
    for name, old, new, phrase in EDITS:
        before = (out / "en" / "brief-general.pdf").read_bytes()
        _edit(project, name, old, new)
        assert not build()["cached"], f"an edit to blocks/milestone/{name} was not rebuilt"
        after = (out / "en" / "brief-general.pdf").read_bytes()
        assert after != before, name
        if phrase:
            assert phrase in _text(out / "en" / "brief-general.pdf"), name
        assert build()["cached"], name


def test_watch_rebuilds_on_an_edit_to_a_kinds_file(project, tmp_path):
    out = tmp_path / "out"
    pdf = out / "en" / "brief-general.pdf"
    reports, errors, edits = [], [], list(EDITS)

    def on_waiting() -> None:  # called once each build is done: make the next edit
        if edits:
            name, old, new, _phrase = edits[0]
            _edit(project, name, old, new)

    def on_report(report, changed) -> None:
        reports.append(([p.relative_to(project).as_posix() for p in changed],
                        [r.status for r in report.results],
                        _text(pdf) if pdf.exists() else ""))
        if changed:
            edits.pop(0)

    deadline = time.monotonic() + 60  # an edit never seen must fail the test, not hang it
    watch(project, Options(langs=("en",), layouts=("brief",), out=out),
          on_report=on_report, on_error=errors.append, on_waiting=on_waiting,
          stop=lambda: not edits or time.monotonic() > deadline)
    assert not edits, f"watch did not see the edit to blocks/milestone/{edits[0][0]}"
    assert not errors, errors
    assert reports[0][:2] == ([], ["built"])
    for (name, _old, _new, phrase), (changed, statuses, text) in zip(EDITS, reports[1:]):
        assert changed == [f"blocks/milestone/{name}"], reports
        assert statuses == ["built"], (name, statuses)
        assert phrase is None or phrase in text, (name, text)


def test_an_edited_picture_rebuilds_the_targets_that_show_it(tmp_path):
    """The HTML names a project's picture by its file, not its bytes: the fingerprint reads them."""
    import shutil

    from conftest import REPO

    project = tmp_path / "factsheet"
    shutil.copytree(REPO / "examples" / "project-factsheet", project,
                    ignore=shutil.ignore_patterns("output"))
    args = ("--project", str(project), "build", "--lang", "en", "--layout", "factsheet")
    assert run(*args).exit_code == 0
    assert "1 cached" in run(*args).output
    cover = project / "assets" / "cover.svg"
    cover.write_text(cover.read_text(encoding="utf-8").replace(
        "</svg>", '<circle cx="5" cy="5" r="3" fill="#ff0000"/></svg>'), encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 0 and "1 built, 0 cached" in result.output, result.output
