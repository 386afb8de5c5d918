"""inbrief watch: rebuild on save, survive a bad edit, stop cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from pypdf import PdfReader

from conftest import copy_project


def _pdf_text(path) -> str:
    try:
        return " ".join(p.extract_text() for p in PdfReader(path).pages)
    except Exception:  # the file is being replaced or does not exist yet
        return ""


def _wait(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_watch_rebuilds_on_save_and_keeps_watching(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "X"
    pdf = out / "en/iom-in-brief-factsheet-general.pdf"
    proc = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "--project", str(project), "watch", "--lang", "en",
         "--layout", "factsheet", "--audience", "general", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())
    try:
        assert _wait(pdf.exists, 60), "first build did not finish"
        en = project / "data/text/en.yaml"
        original = en.read_text(encoding="utf-8")

        # A bad edit: reported, nothing lost, still watching.
        before = pdf.read_bytes()
        en.write_text(original.replace("mission:\n", "mision:\n", 1), encoding="utf-8")
        time.sleep(3)
        assert pdf.read_bytes() == before

        started = time.monotonic()
        # The mission's statement (the factsheet shows it; the cover's lead is the leaflet's).
        en.write_text(original.replace("- IOM is committed to the principle",
                                       "- IOM is firmly committed to the principle", 1),
                      encoding="utf-8")
        assert _wait(lambda: "firmly committed" in _pdf_text(pdf), 20)
        elapsed = time.monotonic() - started
        assert elapsed < 10, f"rebuild took {elapsed:.1f} s"
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output
    # Renamed, 'mission' is no longer there for the overview to sit beside.
    assert "'overview.beside': unknown section 'mission'" in output, output
    assert "still watching" in output
    assert "changed: " in output and "rebuilt en/iom-in-brief-factsheet-general.pdf" in output
    assert "Traceback" not in output and "stopped watching" in output
