"""Two projects side by side, measured as users run them: cold processes, alternated rounds.

    .venv/bin/python bench/ab.py A_DIR B_DIR [--rounds 5] [--code-a SRC] [--code-b SRC]

Used to compare a project before and after a change of its content model (for the default
project: tests/fixtures/classic against the repository root). ``--code-a``/``--code-b`` run a
side with another checkout's code (its ``src`` folder first on PYTHONPATH): the classic
project needs the code of before the change, for example a worktree of the commit that still
read it (``git worktree add /tmp/before f8c584a``, then ``--code-a /tmp/before/src``). Each round runs every
measure on A then on B, so drift of the machine falls on both; the table gives medians and
the ratio B/A.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EMPTY = "full matrix from an empty folder (80 PDFs, --jobs 2: no hints, as in a fresh CI clone)"
"""Built each time into a new folder; the other rows reuse their side's output folder."""
MEASURES = {
    "cold single target (en factsheet, --force --jobs 1)":
        ["--lang", "en", "--layout", "factsheet", "--audience", "general", "--force", "--jobs", "1"],
    "cold single target (en brief, --force --jobs 1)":
        ["--lang", "en", "--layout", "brief", "--audience", "general", "--force", "--jobs", "1"],
    "English matrix (16 PDFs, --force --jobs 1)": ["--lang", "en", "--force", "--jobs", "1"],
    "full matrix (80 PDFs, --force --jobs 2)": ["--force", "--jobs", "2"],
    "no-op full build": ["--jobs", "2"],
    EMPTY: ["--jobs", "2"],
}
# In one process, as watch and preview render: the English brief built again and again, each
# time into a fresh folder (no hints from a last build, as after an edit), the engine warm.
WARM = "warm render, en brief (one process, fresh folder each time, median of 5)"
_WARM_SCRIPT = """
import statistics, sys, tempfile, time
from pathlib import Path
from inbrief.batch.build import Options, build
from inbrief.config.loader import load_project
project = load_project(Path(sys.argv[1]))
def once():
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        report = build(project, Options(langs=("en",), layouts=("brief",), audiences=("general",),
                                        force=True, jobs=1, out=Path(out)))
        assert not report.failed
        return time.perf_counter() - t
once()
print(statistics.median(once() for _ in range(5)))
"""


def warm(project: Path, code: Path | None) -> float:
    env = {**os.environ, "CI": "true"}
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())
    done = subprocess.run([sys.executable, "-c", _WARM_SCRIPT, str(project)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"warm render failed:\n{done.stdout}{done.stderr}")
    return float(done.stdout.split()[-1])


def run(project: Path, out: Path, args: list[str], code: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB, the largest of the process tree's children)."""
    cmd = [sys.executable, "-m", "inbrief", "--project", str(project), "build", "--out",
           str(out), *args]
    env = {**os.environ, "CI": "true"}
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True,
                          env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    rss = int(re.findall(r"^(\d+)$", done.stderr, re.M)[-1]) // 1024
    return wall, rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--code-a", type=Path, help="src folder of the code that builds A")
    ap.add_argument("--code-b", type=Path, help="src folder of the code that builds B")
    ap.add_argument("--only", default="", help="measure only the rows whose name has this text")
    opts = ap.parse_args()
    measures = {m: a for m, a in {**MEASURES, WARM: None}.items() if opts.only in m}
    # As installed packages are: compiled to bytecode once (pip does it for a wheel), not on
    # every start, whatever PYTHONDONTWRITEBYTECODE says.
    import inbrief

    for src in {opts.code_a, opts.code_b, Path(inbrief.__file__).parent.parent} - {None}:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
    code = {"A": opts.code_a, "B": opts.code_b}
    with tempfile.TemporaryDirectory() as tmp:
        projects = {}
        for name, src in (("A", opts.a), ("B", opts.b)):
            projects[name] = Path(tmp) / name
            shutil.copytree(src, projects[name], ignore=shutil.ignore_patterns("output"))
            run(projects[name], Path(tmp) / f"out-{name}", ["--jobs", "2"], code[name])  # seed
        times = {(m, n): [] for m in measures for n in projects}
        rss = {n: 0 for n in projects}
        for r in range(opts.rounds):
            for measure, args in measures.items():
                for name, project in projects.items():
                    if args is None:
                        times[(measure, name)].append(warm(project, code[name]))
                        continue
                    out = Path(tmp) / f"out-{name}"
                    if measure == EMPTY:
                        out = Path(tmp) / f"empty-{name}-{r}"
                    wall, peak = run(project, out, args, code[name])
                    times[(measure, name)].append(wall)
                    rss[name] = max(rss[name], peak)
            print(f"round {r + 1}/{opts.rounds} done", file=sys.stderr, flush=True)
    for name, src in (("A", opts.a), ("B", opts.b)):
        print(f"{name} = {src}" + (f" (code: {code[name]})" if code[name] else ""))
    print(f"medians of {opts.rounds}, alternated\n")
    print(f"| measure | A | B | B/A |\n|---|---|---|---|")
    for measure in measures:
        a, b = (statistics.median(times[(measure, n)]) for n in ("A", "B"))
        print(f"| {measure} | {a:.2f} s | {b:.2f} s | {b / a:.2f} |")
    if rss["A"] and rss["B"]:  # not measured when --only leaves out every build
        print(f"| peak RSS of a build process | {rss['A']} MB | {rss['B']} MB | "
              f"{rss['B'] / rss['A']:.2f} |")


if __name__ == "__main__":
    main()
