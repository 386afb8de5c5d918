"""A rendering job is plain data: a worker started before the project is loaded renders it
with the engine alone, without the models or Jinja (batch.job, batch.warm)."""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys

from pypdf import PdfReader

from inbrief.batch import build as build_mod
from inbrief.batch.options import Options
from inbrief.config.loader import load_project

WORKER = """
import pickle, sys
from inbrief.batch import warm
warm.warm()
job = pickle.loads(open(sys.argv[1], "rb").read())
result, entry = warm.make(job)
assert result.status == "built", result.error
heavy = sorted(m for m in ("pydantic", "jinja2", "babel", "yaml") if m in sys.modules)
print(",".join(heavy) or "-", result.pages, entry["sha256"])
"""


def _jobs(project_dir, tmp_path, monkeypatch, **selection) -> list:
    caught = []

    def capture(jobs, *args, **kwargs):
        caught.extend(jobs)
        return iter(())

    monkeypatch.setattr(build_mod, "_run", capture)
    opts = Options(out=tmp_path / "out", force=True, **selection)
    build_mod.build(load_project(project_dir), opts)
    return caught


def _render_in_fresh_process(job, tmp_path) -> list[str]:
    blob = tmp_path / "job.pickle"
    blob.write_bytes(pickle.dumps(job))
    done = subprocess.run([sys.executable, "-c", WORKER, str(blob)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_job_renders_without_the_models_or_jinja(project, tmp_path, monkeypatch):
    [job] = _jobs(project, tmp_path, monkeypatch, langs=("en",), layouts=("factsheet",),
                  audiences=("general",))
    heavy, pages, _sha = _render_in_fresh_process(job, tmp_path)
    assert heavy == "-"
    pdf = PdfReader(job.out / job.rel)
    assert len(pdf.pages) == int(pages) >= 1
    assert "IOM" in pdf.pages[0].extract_text()


def test_a_job_that_must_render_again_loads_the_models_then(project, tmp_path, monkeypatch):
    """A booklet without last build's hint searches its notes pages and fill panel, which
    templates the document again: the project travels with the job, unpickled on demand."""
    [job] = _jobs(project, tmp_path, monkeypatch, langs=("en",), layouts=("booklet",),
                  audiences=("general",))
    assert not job.hint.exact and not job.renders
    heavy, pages, sha = _render_in_fresh_process(job, tmp_path)
    assert {"jinja2", "pydantic"} <= set(heavy.split(","))
    assert int(pages) % 4 == 0
    # In process, from the same job, the same bytes.
    _result, entry = build_mod.make(job)
    assert entry["sha256"] == sha


def test_last_builds_notes_pages_and_fill_are_templated_before_the_job_leaves(
        project, tmp_path, monkeypatch):
    """With last build's hint for these very inputs, the one document to lay out (here the
    booklet with its fill panel) is templated by the build, so the worker needs no models."""
    selection = dict(langs=("en",), layouts=("booklet",), audiences=("general",))
    first = build_mod.build(load_project(project), Options(out=tmp_path / "out", **selection))
    [done] = first.results
    before = (tmp_path / "out" / done.path).read_bytes()
    [job] = _jobs(project, tmp_path, monkeypatch, **selection)
    assert job.hint.exact and job.hint.fill and list(job.renders) == [(0, job.hint.fill)]
    heavy, _pages, sha = _render_in_fresh_process(job, tmp_path)
    assert heavy == "-"
    assert sha == hashlib.sha256(before).hexdigest()
