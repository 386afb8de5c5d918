"""The executable starts the rendering worker before Click when the command line asks for
PDFs, and ends without tearing its modules down, keeping every exit code (cli/start.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from inbrief.cli.start import wants_pdfs


@pytest.mark.parametrize("args, pdfs", [
    ("build", True),
    ("build --lang en --layout factsheet", True),
    ("--project here build -q", True),
    ("-p here --debug build", True),
    ("--project=here build", True),
    ("build --format html", False),
    ("build --format=html", False),
    ("build --help", False),
    ("build -h", False),
    ("check", False),
    ("--project build check", False),
    ("watch --lang en", False),
    ("", False),
    ("--help", False),
])
def test_which_command_lines_start_the_worker_early(args, pdfs):
    assert wants_pdfs(args.split()) is pdfs


def test_the_guess_knows_every_global_option():
    """A global option it does not know would make it guess 'no build' for every build."""
    from inbrief.cli import start
    from inbrief.cli.main import cli

    options = {o for p in cli.params for o in p.opts if p.name not in ("version", "help")}
    taking_values = {o for p in cli.params if not p.is_flag for o in p.opts}
    assert options == start._GLOBAL_FLAGS | start._GLOBAL_VALUES
    assert taking_values == start._GLOBAL_VALUES


def _inbrief(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "inbrief", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env={**os.environ, "CI": "true"})


def test_a_build_ends_with_its_pdf_its_summary_and_code_0(project, tmp_path):
    out = tmp_path / "out"
    done = _inbrief("--project", str(project), "build", "--lang", "en", "--layout",
                    "factsheet", "--audience", "general", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "1 built, 0 cached, 0 failed" in done.stdout  # flushed before the fast exit
    assert (out / "manifest.json").exists() and list(out.rglob("*.pdf"))


def test_usage_errors_and_user_errors_keep_their_exit_codes(project, tmp_path):
    bogus = _inbrief("--project", str(project), "build", "--no-such-option")
    assert bogus.returncode == 2 and "No such option" in bogus.stderr
    (project / "inbrief.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    broken = _inbrief("--project", str(project), "build", "--out", str(tmp_path / "out"))
    assert broken.returncode == 2, broken.stderr
    assert "inbrief.yaml" in broken.stderr and "Traceback" not in broken.stderr
    assert not (tmp_path / "out").exists()
