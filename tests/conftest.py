"""Shared fixtures: real builds of the default project, copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from inbrief.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("inbrief.yaml", "data", "templates", "styles")


def run(*args: str, cwd: Path | None = None):
    """Invoke the CLI in-process; returns Click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


CLASSIC = Path(__file__).resolve().parent / "fixtures" / "classic"
"""The default project as it was in the classic fixed model, before `inbrief migrate`."""


def copy_classic(dest: Path) -> Path:
    shutil.copytree(CLASSIC, dest)
    return dest


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The whole default matrix (every language, layout and audience) built once.

    Invariant tests check every target of it; other tests read single files from it.
    """
    out = tmp_path_factory.mktemp("built")
    result = run("--project", str(REPO), "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def variants(tmp_path_factory) -> dict[str, Path]:
    """English and Arabic (both directions), every layout and audience, on Letter and in print."""
    outs = {}
    for name, option in (("letter", ["--paper", "letter"]), ("print", ["--print"])):
        out = tmp_path_factory.mktemp(name)
        result = run("--project", str(REPO), "build", "--out", str(out), "--lang", "en",
                     "--lang", "ar", *option)
        assert result.exit_code == 0, result.output
        outs[name] = out
    return outs


@pytest.fixture(scope="session")
def brief_pdf(built) -> Path:
    return built / "en" / "iom-in-brief-brief-general.pdf"


@pytest.fixture(scope="session")
def factsheet_pdf(built) -> Path:
    return built / "en" / "iom-in-brief-factsheet-general.pdf"


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the default project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def example_builds(tmp_path_factory) -> dict[str, Path]:
    """Every project under examples/, built over its whole matrix once."""
    outs = {}
    for config in sorted((REPO / "examples").glob("*/inbrief.yaml")):
        out = tmp_path_factory.mktemp(config.parent.name)
        result = run("--project", str(config.parent), "build", "--out", str(out))
        assert result.exit_code == 0, result.output
        outs[config.parent.name] = out
    return outs
