"""check and list answer at once while no input changed, and never hide a change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project


def _inbrief(project: Path, cache: Path, *args: str, importtime: bool = False):
    env = {**os.environ, "INBRIEF_CACHE_DIR": str(cache), "CI": "true"}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-m", "inbrief", "--project", str(project),
                           *args], env=env, capture_output=True, text=True)


def _imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines()
            if line.startswith("import time:")}


def test_a_clean_check_is_recalled_without_loading_the_models(tmp_path):
    project, cache = copy_project(tmp_path / "p"), tmp_path / "cache"
    first = _inbrief(project, cache, "check")
    assert first.returncode == 0, first.stderr
    again = _inbrief(project, cache, "check", importtime=True)
    assert again.returncode == 0 and again.stdout == first.stdout
    modules = _imported(again.stderr)
    assert "inbrief.batch.recall" in modules
    assert not {"pydantic", "jinja2", "weasyprint"} & modules, sorted(
        {"pydantic", "jinja2", "weasyprint"} & modules)
    # --no-cache validates again (and loads what that needs).
    fresh = _inbrief(project, cache, "check", "--no-cache", importtime=True)
    assert fresh.returncode == 0 and "pydantic" in _imported(fresh.stderr)


def test_an_edit_after_a_clean_check_is_checked(tmp_path):
    project, cache = copy_project(tmp_path / "p"), tmp_path / "cache"
    assert _inbrief(project, cache, "check").returncode == 0
    facts = project / "data" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\nnot_a_fact_key: 1\n", encoding="utf-8")
    broken = _inbrief(project, cache, "check")
    assert broken.returncode == 2, broken.stdout + broken.stderr
    assert "facts.yaml" in broken.stderr and "Traceback" not in broken.stderr
    # A failing answer is never kept: the same broken project fails again.
    assert _inbrief(project, cache, "check").returncode == 2


def test_list_is_recalled_and_follows_the_configuration(tmp_path):
    project, cache = copy_project(tmp_path / "p"), tmp_path / "cache"
    first = _inbrief(project, cache, "list")
    assert first.returncode == 0 and len(first.stdout.splitlines()) == 80
    again = _inbrief(project, cache, "list", importtime=True)
    assert again.stdout == first.stdout and "pydantic" not in _imported(again.stderr)
    assert _inbrief(project, cache, "list", "--json").stdout.lstrip().startswith("{")
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "languages: [en, fr, es, ar, uk]", "languages: [en, fr, es, ar]", 1), encoding="utf-8")
    fewer = _inbrief(project, cache, "list")
    assert fewer.returncode == 0 and len(fewer.stdout.splitlines()) == 64
