"""Shared fixtures: real builds of the default project, copies of it to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from inbrief.cli.main import cli
from inbrief.pdf.engine import _weasyprint


REPO = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("inbrief.yaml", "data", "templates", "styles")


def run(*args: str, cwd: Path | None = None):
    """Invoke the CLI in-process; returns Click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def _warm_engine() -> None:
    """The engine loaded, and the default brief and factsheet laid out, once per test process
    before any build: every rendering worker a test's build forks then starts with the engine,
    its fonts and the parsed styles (batch.pool forks after it is loaded), as `watch` renders
    warm, instead of loading them again (0.5-1 s per build). Cold processes, as users run
    them, are tested apart: test_cli_start, test_warm_worker, test_font_subsetting, test_wheel.
    """
    import tempfile

    from inbrief.batch.build import Options, build
    from inbrief.config.loader import load_project

    try:
        _weasyprint()
        with tempfile.TemporaryDirectory() as out:
            build(load_project(REPO), Options(langs=("en",), layouts=("brief", "factsheet"),
                                              audiences=("general",), force=True, jobs=1,
                                              out=Path(out)))
    except Exception as exc:  # the tests that need the engine say why; the others still run
        import warnings

        warnings.warn(f"the engine could not be warmed up: {type(exc).__name__}: {exc}")


_warm_engine()


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


def shared(tmp_path_factory, name: str) -> tuple[Path, FileLock]:
    """A folder every test worker shares (pytest-xdist runs the suite in several processes):
    the first worker to ask builds into it under the lock, the others wait and reuse it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    return root / name, FileLock(str(root / f"{name}.lock"))


def built_once(tmp_path_factory, name: str, make) -> Path:
    out, lock = shared(tmp_path_factory, name)
    with lock:
        if not (out / ".complete").exists():
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            make(out)
            (out / ".complete").touch()
    return out


def _build(project: Path, *args: str):
    def make(out: Path) -> None:
        result = run("--project", str(project), "build", "--out", str(out), *args)
        assert result.exit_code == 0, result.output
    return make


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The whole default matrix (every language, layout and audience) built once.

    Invariant tests check every target of it; other tests read single files from it.
    """
    return built_once(tmp_path_factory, "built", _build(REPO))


@pytest.fixture(scope="session")
def variants(tmp_path_factory) -> dict[str, Path]:
    """English and Arabic (both directions), every layout and audience, on Letter and in print."""
    return {name: built_once(tmp_path_factory, name,
                             _build(REPO, "--lang", "en", "--lang", "ar", *option))
            for name, option in (("letter", ["--paper", "letter"]), ("print", ["--print"]))}


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
    return {config.parent.name: built_once(tmp_path_factory, f"example-{config.parent.name}",
                                           _build(config.parent))
            for config in sorted((REPO / "examples").glob("*/inbrief.yaml"))}
