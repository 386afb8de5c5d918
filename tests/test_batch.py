"""Batch behaviour: one broken target never stops the others, Ctrl-C leaves no debris,
and an unchanged project is recognised without templating anything."""

from __future__ import annotations

import hashlib
import json
import re
import os
import signal
import subprocess
import sys
import time

from pypdf import PdfReader

from conftest import copy_project, run

FACTSHEETS = ("--lang", "en", "--layout", "factsheet")


def _pdfs(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))


def test_a_broken_audience_override_fails_only_its_targets(project, tmp_path):
    override = project / "templates/audiences/migrants/partials/section.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text("<section>\n{% if %}\n</section>\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("--project", str(project), "build", *FACTSHEETS, "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "FAILED  en/factsheet/migrants: not built, its templates have errors" in result.stderr
    assert re.search(r"templates/audiences/migrants/partials/section\.html\.j2:2: "
                     r"template syntax error", result.stderr), result.stderr
    assert "Traceback" not in result.output
    assert _pdfs(out) == [f"en/iom-in-brief-factsheet-{a}.pdf"
                          for a in ("general", "government", "partners")]
    assert "3 built, 0 cached, 1 failed" in result.output


def test_a_target_over_the_timeout_fails_alone(project, tmp_path):
    # An override so long that laying it out would take minutes.
    override = project / "templates/audiences/migrants/partials/section.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text("<section>{% for i in range(40000) %}<p>Migration is a reality "
                        "of our world, {{ i }}.</p>{% endfor %}</section>\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = run("--project", str(project), "build", *FACTSHEETS, "--jobs", "2",
                 "--timeout", "4", "--out", str(out))
    assert time.monotonic() - started < 60
    assert result.exit_code == 1, result.output
    assert "en/factsheet/migrants: took longer than --timeout 4 s" in result.stderr
    assert len(_pdfs(out)) == 3
    assert not list(out.rglob("*.tmp"))


def test_sigint_leaves_whole_pdfs_and_a_true_manifest(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "--project", str(project), "build", "--force",
         "--jobs", "2", "--lang", "en", "--lang", "fr", "--layout", "factsheet",
         "--layout", "leaflet", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "CI": "true"})
    lines = []
    try:
        for line in proc.stdout:  # one line per finished target when not on a terminal
            lines.append(line)
            if sum(line.startswith("built") for line in lines) >= 3:
                break
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, "".join(lines) + rest
    assert "Traceback" not in rest
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {t["path"]: t for t in manifest["targets"]}
    on_disk = {p for p in _pdfs(out) if not p.endswith("-imposed.pdf")}
    assert set(listed) == on_disk and 3 <= len(on_disk) < 16
    for path, entry in listed.items():
        data = (out / path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(PdfReader(out / path).pages) == entry["pages"]


def test_an_unchanged_project_is_cached_without_templating(project, tmp_path, monkeypatch):
    out = tmp_path / "out"
    both = ("--project", str(project), "build", "--layout", "factsheet", "--lang", "en",
            "--lang", "fr", "--audience", "general", "--out", str(out))
    assert run(*both).exit_code == 0
    import inbrief.batch.build as build_module

    def forbidden(*_a, **_k):
        raise AssertionError("templates were rendered for an unchanged project")

    monkeypatch.setattr(build_module, "render_block_document", forbidden)
    again = run(*both)
    assert again.exit_code == 0, again.output
    assert "0 built, 2 cached" in again.output
    monkeypatch.undo()

    # A changed byte anywhere in the inputs takes the precise path: only what changed rebuilds.
    fr = project / "data/text/fr.yaml"
    text = fr.read_text(encoding="utf-8")
    assert "migrations" in text
    fr.write_text(text.replace("migrations", "Migrations", 1), encoding="utf-8")
    third = run(*both)
    assert third.exit_code == 0, third.output
    assert "1 built, 1 cached" in third.output


def test_three_shards_merge_into_the_full_manifest(built, tmp_path):
    """Shards built apart and merged describe the same files, byte for byte, as the session's
    whole build; a shard whose file no longer matches its manifest is refused."""
    from conftest import REPO

    select = ("--lang", "ar", "--lang", "en", "--lang", "es", "--lang", "fr", "--lang", "uk",
              "--layout", "factsheet", "--audience", "general")  # 1, 3 and 1 in the shards
    shards = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard-{k}"
        result = run("--project", str(REPO), "build", *select, "--shard", f"{k}/3",
                     "--out", str(out))
        assert result.exit_code == 0, result.output
        shards.append(out)
    assert all(json.loads((s / "manifest.json").read_text())["targets"] for s in shards)
    merged = tmp_path / "merged"
    assert run("merge", *map(str, shards), "--out", str(merged)).exit_code == 0

    def described(folder, only=None):
        targets = json.loads((folder / "manifest.json").read_text())["targets"]
        return sorted((t["path"], t["sha256"], t["pages"], t["bytes"]) for t in targets
                      if only is None or t["path"] in only)

    mine = described(merged)
    assert len(mine) == 5
    assert mine == described(built, {path for path, *_ in mine})
    for path, digest, *_ in mine:
        assert hashlib.sha256((merged / path).read_bytes()).hexdigest() == digest

    holder = next(s for s in shards if (s / mine[0][0]).exists())
    (holder / mine[0][0]).write_bytes(b"broken")
    broken = run("merge", *map(str, shards), "--out", str(tmp_path / "again"))
    assert broken.exit_code == 2 and "does not match its manifest entry" in broken.stderr
