"""The package works installed from a wheel, not only from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(dist), str(REPO)], check=True)
    return next(dist.glob("inbrief-*.whl"))


def test_wheel_ships_the_default_project(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("inbrief/_project/inbrief.yaml", "inbrief/_project/data/facts.yaml",
                 "inbrief/_project/data/text/en.yaml",
                 "inbrief/_project/data/audiences/government.yaml",
                 "inbrief/_project/styles/project.css", "inbrief/_project/migrate/classic.yaml",
                 "inbrief/cli/main.py",
                 "inbrief/blocks/kinds/cards/schema.yaml",
                 "inbrief/blocks/kinds/cards/block.html.j2", "inbrief/design/labels.yaml",
                 "inbrief/design/templates/layouts/brief.html.j2",
                 "inbrief/design/styles/base.css", "inbrief/starters/blank/data/text/en.yaml"):
        assert name in names
    assert not any(n.startswith("inbrief/_project/output") for n in names)
    # A project of sections: the default project's look is the package's design, not a copy.
    assert not any(n.startswith("inbrief/_project/templates/") for n in names)


def test_installed_wheel_inits_and_builds(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = Path(subprocess.check_output(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    with zipfile.ZipFile(wheel) as zf:  # what pip does for a pure-Python wheel
        zf.extractall(purelib)
    # Dependencies come from the test environment, added after the wheel on sys.path;
    # .pth files there (the editable checkout) are deliberately not processed.
    (purelib / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.check_output([str(py), "-c", "import inbrief; print(inbrief.__file__)"],
                                    text=True, env=env, cwd=tmp_path).strip()
    assert where.startswith(str(purelib)), where
    cmd = [str(py), "-m", "inbrief"]
    subprocess.run(cmd + ["init", "site"], check=True, cwd=tmp_path, env=env)
    site = tmp_path / "site"
    # Two languages (both directions), every layout: the whole matrix is the repo's own build.
    done = subprocess.run(cmd + ["build", "--audience", "general", "--lang", "en", "--lang", "ar"],
                          cwd=site, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout
    assert len(PdfReader(site / "output/en/iom-in-brief-factsheet-general.pdf").pages) == 1
    assert 2 <= len(PdfReader(site / "output/en/iom-in-brief-brief-general.pdf").pages) <= 4
    # The blank starter, from the package's design and kinds alone.
    subprocess.run(cmd + ["init", "mine", "--template", "blank"], check=True, cwd=tmp_path,
                   env=env)
    done = subprocess.run(cmd + ["build", "--layout", "factsheet"], cwd=tmp_path / "mine",
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout
    assert len(PdfReader(tmp_path / "mine/output/fr/factsheet-general.pdf").pages) == 1
