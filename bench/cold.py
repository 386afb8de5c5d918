"""Cold processes, as users run them: each figure against the raw engine on the same HTML.

A writer runs `inbrief build --lang en --layout factsheet` after each edit, pre-commit runs
`inbrief check`, CI runs cold processes; what inbrief adds around WeasyPrint must be noise
there too, not only warm and in-process. Each pair of commands is alternated in one run
(A, B, A, B…) and compared by medians, so the machine's drift hits both sides alike.

    .venv/bin/python bench/cold.py          # or as part of bench/bench.py (make bench)
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import copy_project, inbrief, row  # noqa: E402


def _env(cache: Path) -> dict:
    return {**os.environ, "CI": "true", "INBRIEF_CACHE_DIR": str(cache)}


def _timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    return wall


def alternate(a: list[str], b: list[str] | None, env: dict, rounds: int) -> tuple[float, float]:
    """Medians of ``rounds`` runs of each, interleaved; b may be None (a alone)."""
    ta, tb = [], []
    for _ in range(rounds):
        ta.append(_timed(a, env))
        if b:
            tb.append(_timed(b, env))
    return statistics.median(ta), (statistics.median(tb) if tb else 0.0)


def final_files(project: Path, seed: Path, dest: Path, langs=("en",)) -> dict:
    """Each target's final HTML and stylesheets, as files the `weasyprint` CLI can read:
    the very document inbrief's engine lays out (copyfit step, notes pages, fill panel)."""
    from bench import final_documents

    out = {}
    for (lang, layout, audience), (html, sheets) in final_documents(project, seed,
                                                                     langs).items():
        folder = dest / f"{lang}-{layout}-{audience}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "doc.html").write_text(html, encoding="utf-8")
        css = []
        for i, (_path, text) in enumerate(sheets):
            (folder / f"{i}.css").write_text(text, encoding="utf-8")
            css.append(str(folder / f"{i}.css"))
        out[f"{lang}/{layout}/{audience}"] = {"html": str(folder / "doc.html"), "css": css}
    return out


def weasyprint_cli(doc: dict, out: Path) -> list[str]:
    cmd = [sys.executable, "-m", "weasyprint", "--pdf-variant", "pdf/ua-1", "--pdf-tags",
           "-u", str(Path(doc["html"]).parent)]
    for css in doc["css"]:
        cmd += ["-s", css]
    return cmd + [doc["html"], str(out)]


def single_targets(project: Path, seed: Path, tmp: Path, docs: dict, env: dict) -> None:
    for layout, limit in (("factsheet", 1.10), ("brief", 1.10)):
        out = tmp / f"cold-{layout}"
        shutil.copytree(seed, out)
        ours = [sys.executable, "-m", "inbrief", "--project", str(project), "build", "--lang",
                "en", "--layout", layout, "--audience", "general", "--force", "--jobs", "1",
                "-q", "--out", str(out)]
        raw = weasyprint_cli(docs[f"en/{layout}/general"], tmp / f"raw-{layout}.pdf")
        mine, theirs = alternate(ours, raw, env, 9)  # 5 rounds moved the ratio by ±0.1
        ratio = mine / theirs
        row(f"cold build of one target, en {layout}: inbrief / `weasyprint` CLI, same HTML",
            f"{ratio:.2f}× ({mine:.2f} s / {theirs:.2f} s)", f"≤ {limit:.2f}×", ratio <= limit)


def english_matrix(project: Path, seed: Path, tmp: Path, docs: dict, env: dict) -> None:
    english = {k: v for k, v in docs.items() if k.startswith("en/")}
    script = tmp / "raw_matrix.py"
    script.write_text(
        "import json, sys\nimport weasyprint\nfrom weasyprint.text.fonts import FontConfiguration\n"
        f"docs = json.loads({json.dumps(json.dumps(english))})\n"
        "for i, doc in enumerate(docs.values()):\n"
        "    fc = FontConfiguration()\n"
        "    css = [weasyprint.CSS(filename=c, font_config=fc) for c in doc['css']]\n"
        "    weasyprint.HTML(filename=doc['html']).write_pdf(\n"
        f"        {str(tmp)!r} + f'/raw-matrix-{{i}}.pdf', stylesheets=css, font_config=fc,\n"
        "        pdf_variant='pdf/ua-1', pdf_tags=True)\n", encoding="utf-8")
    out = tmp / "cold-matrix"
    shutil.copytree(seed, out)
    ours = [sys.executable, "-m", "inbrief", "--project", str(project), "build", "--lang", "en",
            "--force", "--jobs", "1", "-q", "--out", str(out)]
    mine, theirs = alternate(ours, [sys.executable, str(script)], env, 3)
    ratio = mine / theirs
    row(f"cold English matrix ({len(english)} PDFs, --jobs 1): inbrief / one cold WeasyPrint "
        "script, same HTML", f"{ratio:.2f}× ({mine:.1f} s / {theirs:.1f} s)", "≤ 1.05×",
        ratio <= 1.05)


def commands(project: Path, env: dict) -> None:
    base = [sys.executable, "-m", "inbrief", "--project", str(project)]
    _timed(base + ["check"], env)  # the clean answer a pre-commit run finds
    for name, args, limit, rounds in (
            ("`inbrief check`, nothing changed since the last check (pre-commit)", ["check"],
             0.5, 5),
            ("`inbrief check --no-cache` (validates and templates all 80 targets)",
             ["check", "--no-cache"], None, 3),
            ("`inbrief list`", ["list"], 0.25, 5),
            ("`inbrief --help`", ["--help"], 0.25, 5)):
        wall, _ = alternate(base + args, None, env, rounds)
        row(name, f"{wall:.2f} s", f"≤ {limit} s" if limit else "",
            wall <= limit if limit else None)


def watch(project: Path, tmp: Path, env: dict) -> None:
    """Save → new PDF, the writer's loop: the watcher is already running and warm."""
    text = project / "data" / "text" / "en.yaml"
    original = text.read_text(encoding="utf-8")
    for layout, limit in (("factsheet", 0.6), ("brief", 1.5)):
        out = tmp / f"watch-{layout}"
        pdf = out / "en" / f"iom-in-brief-{layout}-general.pdf"
        proc = subprocess.Popen([sys.executable, "-m", "inbrief", "--project", str(project),
                                 "watch", "--lang", "en", "--layout", layout, "--audience",
                                 "general", "--out", str(out)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait(lambda: pdf.is_file(), 120)
            time.sleep(1.0)
            walls = []
            for i in range(6):
                before = pdf.stat().st_mtime_ns
                word = "Established" if i % 2 else "Founded"
                text.write_text(original.replace("Established in 1951", f"{word} in 1951", 1),
                                encoding="utf-8")
                started = time.perf_counter()
                _wait(lambda: pdf.stat().st_mtime_ns != before, 60)
                walls.append(time.perf_counter() - started)
                time.sleep(0.6)
            wall = statistics.median(walls[1:])
        finally:
            proc.terminate()
            proc.wait(10)
            text.write_text(original, encoding="utf-8")
        row(f"watch: save → new PDF, en {layout} (median of 5 saves)", f"{wall:.2f} s",
            f"≤ {limit} s", wall <= limit)


def _wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            sys.exit("watch: timed out waiting for the PDF")
        time.sleep(0.01)


def run(project: Path, seed: Path, tmp: Path) -> None:
    cache = tmp / "user-cache"
    env = _env(cache)
    inbrief("--project", str(project), "check")  # warms the user cache as a previous run would
    docs = final_files(project, seed, tmp / "final")
    single_targets(project, seed, tmp, docs, env)
    english_matrix(project, seed, tmp, docs, env)
    commands(project, env)
    watch(project, tmp, env)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="inbrief-cold-"))
    try:
        project = copy_project(tmp / "project")
        seed = tmp / "seed"
        inbrief("--project", str(project), "build", "--lang", "en", "--out", str(seed))
        run(project, seed, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    import bench

    for name, value, target, status in bench.ROWS:
        print(f"{name:<90}  {value:<28}  {target:<8}  {status}")


if __name__ == "__main__":
    main()
