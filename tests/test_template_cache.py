"""Compiled templates are kept between processes, and an edit is never served stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import inbrief
from conftest import copy_project

LAYOUT = Path(inbrief.__file__).parent / "design" / "templates" / "layouts" / "factsheet.html.j2"
HTML = ["build", "--format", "html", "--lang", "en", "--layout", "factsheet",
        "--audience", "general", "--force", "-q"]


def _build(project: Path, out: Path, cache: Path) -> str:
    env = {**os.environ, "INBRIEF_CACHE_DIR": str(cache), "CI": "true"}
    done = subprocess.run([sys.executable, "-m", "inbrief", "--project", str(project), *HTML,
                           "--out", str(out)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return (out / "en" / "iom-in-brief-factsheet-general.html").read_text(encoding="utf-8")


def test_a_second_process_reuses_the_compiled_templates_and_sees_an_edit(tmp_path):
    project, cache = copy_project(tmp_path / "p"), tmp_path / "cache"
    first = _build(project, tmp_path / "o1", cache)
    kept = {p: p.stat().st_mtime_ns for p in cache.rglob("*.cache")}
    assert len(kept) >= 3, "the layout, its base and partials should be kept compiled"
    assert _build(project, tmp_path / "o2", cache) == first
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.cache")} == kept, \
        "an unchanged template was compiled again"

    # An override dropped into the project, then edited: each version is what renders.
    override = project / "templates" / "layouts" / LAYOUT.name
    override.parent.mkdir(parents=True, exist_ok=True)
    text = LAYOUT.read_text(encoding="utf-8")
    assert "{% block body %}" in text
    for word in ("first-version", "second-version"):
        override.write_text(text.replace("{% block body %}",
                                         "{% block body %}<p>" + word + "</p>", 1),
                            encoding="utf-8")
        html = _build(project, tmp_path / word, cache)
        assert f"<p>{word}</p>" in html
        assert ("first-version" in html) == (word == "first-version")


def test_an_unwritable_or_disabled_cache_never_fails_a_build(tmp_path):
    project = copy_project(tmp_path / "p")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    expected = _build(project, tmp_path / "o0", Path("off"))
    assert _build(project, tmp_path / "o1", blocker / "cache") == expected
