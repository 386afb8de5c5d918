"""inbrief benchmark: one table, every figure measured in one run on this machine.

    make bench                      # or: .venv/bin/python bench/bench.py [--quick]

Machines are noisy, so targets are checked here, not in timed unit tests, and
the figures that matter are ratios measured side by side. The reference table
lives in docs/performance.md with the machine it ran on.

What it measures:
- warm render of the English brief, factsheet, leaflet and booklet (median of 5,
  layout and PDF writing apart), and the same HTML and CSS through raw WeasyPrint;
- the English matrix built by inbrief against raw WeasyPrint rendering the very
  same final HTML (our overhead: config, validation, templating, copyfit, caching);
- a cold `inbrief build` of one target (a new process, imports included);
- the full matrix with --jobs 1 and --jobs 2 (--force, output seeded by a first
  build, as in CI with the output folder cached), a no-op rebuild and a one-edit
  rebuild; peak memory of the main process and of the largest worker; PDF sizes;
- cold processes as users run them (bench/cold.py): one target and the English matrix against
  the `weasyprint` CLI and a cold WeasyPrint script on the same final HTML, `check`, `list`,
  `--help`, and watch's save → new PDF.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARTS = ("inbrief.yaml", "data", "templates", "styles", "blocks", "assets")
ROWS: list[tuple[str, str, str, str]] = []


def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    status = "" if ok is None else ("ok" if ok else "MISSED")
    ROWS.append((name, value, target, status))
    print(f"  {name}: {value} {target} {status}", file=sys.stderr, flush=True)


def inbrief(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "inbrief", *args], capture_output=True,
                          text=True, env={**os.environ, "CI": "true"})
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"inbrief {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return wall, done.stdout + done.stderr


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        src = REPO / part
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    return dest


def peak_worker_mb(output: str) -> tuple[int, int]:
    m = re.search(r"peak memory: main process (\d+) MB, largest worker (\d+) MB", output)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def hashes(out: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*.pdf"))}


def matrix(project: Path, tmp: Path, quick: bool) -> Path:
    seed = tmp / "seed"
    wall, _ = inbrief("--project", str(project), "build", "--jobs", "2", "--out", str(seed))
    row("full matrix, --jobs 2, empty output (no hints)", f"{wall:.1f} s")
    serial = None
    if not quick:
        shutil.copytree(seed, tmp / "serial")
        serial, out = inbrief("--project", str(project), "build", "--force", "--jobs", "1", "-v",
                              "--out", str(tmp / "serial"))
        row("full matrix, --jobs 1 --force", f"{serial:.1f} s")
        row("peak RSS, --jobs 1 (renders in the main process)",
            f"{peak_worker_mb(out)[0]} MB", "≤ 400 MB", peak_worker_mb(out)[0] <= 400)
    shutil.copytree(seed, tmp / "parallel")
    parallel, out = inbrief("--project", str(project), "build", "--force", "--jobs", "2", "-v",
                            "--out", str(tmp / "parallel"))
    row("full matrix, --jobs 2 --force", f"{parallel:.1f} s", "≤ 45 s", parallel <= 45)
    if serial:
        row("speed-up --jobs 2 over --jobs 1", f"{serial / parallel:.2f}×", "≥ 1.6×",
            serial / parallel >= 1.6)
        same = hashes(tmp / "serial") == hashes(tmp / "parallel")
        row("--jobs 1 and --jobs 2 give identical bytes",
            f"{'yes' if same else 'NO'} ({len(hashes(tmp / 'parallel'))} files)", "yes", same)
    main_mb, worker_mb = peak_worker_mb(out)
    row("peak RSS of the largest worker, --jobs 2", f"{worker_mb} MB", "≤ 400 MB",
        worker_mb <= 400)
    row("peak RSS of the main process, --jobs 2", f"{main_mb} MB")
    noop, out = inbrief("--project", str(project), "build", "--out", str(tmp / "parallel"))
    cached = re.search(r"(\d+) built, (\d+) cached", out)
    row("no-op rebuild (all cached)", f"{noop:.2f} s ({cached.group(0)})", "≤ 1.5 s", noop <= 1.5)
    fr = project / "data/text/fr.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("migrations", "Migrations", 1),
                  encoding="utf-8")
    edit, out = inbrief("--project", str(project), "build", "--out", str(tmp / "parallel"))
    built = re.search(r"(\d+) built, (\d+) cached", out)
    row("one edit to French text, rebuild", f"{edit:.1f} s ({built.group(0)})")
    return seed


def cold_one(project: Path, tmp: Path) -> None:
    walls = [inbrief("--project", str(project), "build", "--lang", "en", "--layout", "brief",
                     "--audience", "general", "--force", "--jobs", "1",
                     "--out", str(tmp / f"cold{i}"))[0] for i in range(3)]
    row("cold `inbrief build` of the English brief (new process)",
        f"{statistics.median(walls):.2f} s")


def final_documents(project_dir: Path, seed: Path, langs=("en",)) -> dict:
    """(lang, layout, audience) → the final HTML and stylesheets inbrief's engine lays out
    for that target, with the copyfit step, notes pages and fill panel its build chose."""
    from inbrief.batch.build import Options, prepare
    from inbrief.batch.copyfit import NONE, Step
    from inbrief.config.loader import load_project
    from inbrief.render.blocks_doc import render_block_document

    project = load_project(project_dir)
    entries = {(e["lang"], e["layout"], e["audience"]): e
               for e in json.loads((seed / "manifest.json").read_text())["targets"]}
    prepared = prepare(project, Options(langs=tuple(langs)))
    finals = {}
    for t in prepared.targets:
        e = entries[(t.lang, t.layout, t.audience)]
        r = prepared.rendered[t]
        if e.get("filler_pages") or e.get("fill_mm"):
            r = render_block_document(project, prepared.contents[(t.lang, t.audience)],
                                      t.layout, t.audience, prepared.faces[t.lang],
                                      filler_pages=e.get("filler_pages") or 0,
                                      fill_mm=e.get("fill_mm") or 0)
        step = Step(**e["copyfit"]) if e.get("copyfit") else NONE
        finals[(t.lang, t.layout, t.audience)] = (
            r.html, r.stylesheets + ([(None, step.css())] if step != NONE else []))
    return finals


def warm(project_dir: Path, seed: Path) -> None:
    """In this process: our engine, then raw WeasyPrint on the same final HTML and CSS."""
    from inbrief.batch.build import Options, _allowed_roots, prepare
    from inbrief.config.loader import load_project
    from inbrief.pdf import engine

    project = load_project(project_dir)
    prepared = prepare(project, Options(langs=("en",)))
    roots = _allowed_roots(project, prepared.faces)
    weasyprint, FontConfiguration = engine._weasyprint()
    documents = final_documents(project_dir, seed)

    def final(t):
        return documents[(t.lang, t.layout, t.audience)]

    def ours(html, sheets):
        t0 = time.perf_counter()
        laid = engine.layout(html, sheets, base_url=project.root, roots=roots)
        t1 = time.perf_counter()
        engine.write(laid)
        return t1 - t0, time.perf_counter() - t1

    def raw(html, sheets):
        t0 = time.perf_counter()
        fc = FontConfiguration()
        css = [weasyprint.CSS(string=text, font_config=fc) for _p, text in sheets]
        doc = weasyprint.HTML(string=html, base_url=str(project.root)).render(
            stylesheets=css, font_config=fc, pdf_tags=True)
        t1 = time.perf_counter()
        doc.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
        return t1 - t0, time.perf_counter() - t1

    targets = {t.layout: t for t in prepared.targets if t.audience == "general"}
    limits = {"brief": 0.45, "factsheet": 0.25}
    for layout in ("brief", "factsheet", "leaflet", "booklet"):
        html, sheets = final(targets[layout])
        ours(html, sheets), raw(html, sheets)  # warm-up
        mine = [ours(html, sheets) for _ in range(5)]
        theirs = [raw(html, sheets) for _ in range(5)]
        lay, wri = (statistics.median(m[i] for m in mine) for i in (0, 1))
        total = statistics.median(a + b for a, b in mine)
        raw_total = statistics.median(a + b for a, b in theirs)
        limit = limits.get(layout)
        row(f"warm render, English {layout} (layout + write)",
            f"{total:.2f} s ({lay:.2f} + {wri:.2f}); raw WeasyPrint {raw_total:.2f} s",
            f"≤ {limit} s" if limit else "", total <= limit if limit else None)

    # The English matrix: inbrief's whole build against raw WeasyPrint on its final HTML.
    from inbrief.batch.build import build

    finals = {t: final(t) for t in prepared.targets}
    ratios = []
    for _ in range(2):
        out = Path(tempfile.mkdtemp(prefix="inbrief-bench-en-"))
        shutil.copytree(seed, out, dirs_exist_ok=True)
        t0 = time.perf_counter()
        report = build(project, Options(langs=("en",), force=True, jobs=1, out=out))
        mine = time.perf_counter() - t0
        assert not report.failed
        t0 = time.perf_counter()
        for html, sheets in finals.values():
            raw(html, sheets)
        theirs = time.perf_counter() - t0
        ratios.append((mine / theirs, mine, theirs))
        shutil.rmtree(out)
    ratio, mine, theirs = sorted(ratios)[0]
    row(f"English matrix ({len(finals)} PDFs): inbrief / raw WeasyPrint, same HTML",
        f"{ratio:.2f}× ({mine:.1f} s / {theirs:.1f} s)", "≤ 1.05×", ratio <= 1.05)


def sizes(seed: Path) -> None:
    entries = {(e["lang"], e["layout"], e["audience"]): e
               for e in json.loads((seed / "manifest.json").read_text())["targets"]}
    for layout, limit in (("brief", 80), ("factsheet", 50), ("leaflet", None), ("booklet", None)):
        e = entries[("en", layout, "general")]
        kb = e["bytes"] / 1024
        row(f"PDF size, English {layout} ({e['pages']} pages, fonts embedded)", f"{kb:.0f} KB",
            f"≤ {limit} KB" if limit else "", kb <= limit if limit else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the serial full matrix")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="inbrief-bench-"))
    try:
        project = copy_project(tmp / "project")
        print("measuring (a few minutes)…", file=sys.stderr)
        seed = matrix(project, tmp, args.quick)
        cold_one(project, tmp)
        sizes(seed)
        warm(project, seed)
        sys.modules.setdefault("bench", sys.modules[__name__])  # cold.py adds to these ROWS
        import cold

        cold.run(project, seed, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    from importlib.metadata import version

    head = (f"inbrief {version('inbrief')}, WeasyPrint {version('weasyprint')}, Python "
            f"{platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}")
    width = max(len(r[0]) for r in ROWS)
    vwidth = max(len(r[1]) for r in ROWS)
    lines = [head, "", f"{'measure':<{width}}  {'value':<{vwidth}}  {'target':<10}  status",
             "-" * (width + vwidth + 22)]
    lines += [f"{n:<{width}}  {v:<{vwidth}}  {t:<10}  {s}" for n, v, t, s in ROWS]
    print("\n".join(lines))
    if args.markdown:
        md = [head, "", "| measure | value | target | status |", "|---|---|---|---|"]
        md += [f"| {n} | {v} | {t} | {s} |" for n, v, t, s in ROWS]
        args.markdown.write_text("\n".join(md) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
