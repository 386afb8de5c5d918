"""The corpus of broken and hostile inputs (tests/corpus/*.yaml).

Each case edits a private copy of the default project whose factsheet was
built before, runs a command, and must end with its exit code (1 or 2) and a
message naming the file (and line where one exists), without a traceback,
within 30 s, leaving the previous PDF and manifest byte-identical.
To add a case, drop a YAML file in tests/corpus/ (see the existing ones).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

import inbrief
from conftest import copy_project, run

CORPUS = Path(__file__).with_name("corpus")
PACKAGE = Path(inbrief.__file__).parent
CASES = sorted(CORPUS.glob("*.yaml"))
SELECT = ["--lang", "en", "--layout", "factsheet", "--audience", "general"]


def _billion_laughs() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _deep_nesting() -> str:
    return "edition: 2026\n" + "".join("  " * i + f"k{i}:\n" for i in range(200)) + \
        "  " * 200 + "end\n"


GENERATORS = {
    "billion_laughs": lambda old: _billion_laughs(),
    "deep_nesting": lambda old: _deep_nesting(),
    "huge": lambda old: old + "# " + "x" * 3_000_000 + "\n",
    "long_subtitle": lambda old: old.replace(
        "  subtitle: Managing Migration for the Benefit of All",
        "  subtitle: " + "Managing migration for the benefit of all. " * 140, 1),
    "long_mission": lambda old: old.replace(
        "    - IOM is committed to the principle", "    - " + "IOM works with its partners. " * 160
        + "IOM is committed to the principle", 1),
}


def _apply(project: Path, tmp: Path, edit: dict) -> None:
    path = project / edit["file"]
    if "replace" in edit:
        old, new = edit["replace"]
        text = path.read_text(encoding="utf-8")
        assert old in text, f"corpus case is stale: {old!r} not in {edit['file']}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    elif "write" in edit:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit["write"], encoding="utf-8")
    elif "builtin" in edit:  # the project overrides a built-in template or kind's file
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE / edit["builtin"], path)
    elif "write_hex" in edit:
        path.write_bytes(bytes.fromhex(edit["write_hex"]))
    elif "append" in edit:
        path.write_text(path.read_text(encoding="utf-8") + edit["append"], encoding="utf-8")
    elif "generate" in edit:
        path.write_text(GENERATORS[edit["generate"]](path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    elif edit.get("delete"):
        path.unlink()
    elif "symlink_outside" in edit:
        outside = tmp / "outside.yaml"
        outside.write_text(edit["symlink_outside"], encoding="utf-8")
        path.unlink()
        path.symlink_to(outside)
    else:
        raise AssertionError(f"unknown corpus edit {edit}")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """The factsheet built once from the intact project; each case starts from a copy."""
    root = tmp_path_factory.mktemp("corpus-baseline")
    project = copy_project(root / "project")
    out = root / "out"
    result = run("--project", str(project), "build", *SELECT, "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_corpus_case(case: Path, baseline: Path, tmp_path: Path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    before = _snapshot(out)
    for edit in spec.get("edit", []):
        _apply(project, tmp_path, edit)
    started = time.monotonic()
    result = run("--project", str(project), "build", *spec.get("select", SELECT),
                 "--out", str(out))
    elapsed = time.monotonic() - started
    output = result.output
    assert result.exit_code == spec["exit"], f"{spec['about']}\n{output}"
    assert re.search(spec["expect"], result.stderr), f"{spec['about']}\n{result.stderr}"
    assert "Traceback" not in output and "internal error" not in output, output
    assert elapsed < 30, f"took {elapsed:.1f} s"
    assert _snapshot(out) == before, "the previous PDF or manifest changed"
    assert not Path("/tmp/inbrief-pwned").exists()
