"""``inbrief watch``: build, then rebuild what each saved change affects.

Polling file stamps keeps this dependency-free and reliable on network drives
and in containers; a project has hundreds of files, not millions. Unchanged
targets are skipped by their fingerprints, so a change to French text rebuilds
French targets only.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from ..config.loader import load_project
from ..errors import UserError
from ..project.defaults import builtin_root
from .build import Options, Report, build
from .files import project_files

# A save is seen within a tenth of a second (a poll stats a few hundred files: about 2 ms),
# and given a tenth more to finish: editors write a YAML file in well under a millisecond.
POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.1


def snapshot(roots: list[Path]) -> dict[Path, tuple[int, int]]:
    """Stamps of the files a build reads (the same list the build's input digest hashes)."""
    stamps: dict[Path, tuple[int, int]] = {}
    for root in roots:
        for f in project_files(root):
            try:
                st = f.stat()
            except FileNotFoundError:
                continue
            stamps[f] = (st.st_mtime_ns, st.st_size)
    return stamps


def changed(before: dict, after: dict) -> list[Path]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def watch(project_dir: Path, opts: Options, *, on_report: Callable[[Report, list[Path]], None],
          on_error: Callable[[UserError], None], on_waiting: Callable[[], None],
          stop: Callable[[], bool] = lambda: False) -> None:
    roots = sorted({Path(project_dir).resolve(), builtin_root()})
    stamps = snapshot(roots)
    pending: list[Path] = []
    first = True
    while not stop():
        if first or pending:
            try:
                project = load_project(project_dir)  # the config itself may have changed
                report = build(project, opts)
                on_report(report, pending)
            except UserError as exc:
                on_error(exc)
            first, pending = False, []
            on_waiting()
        time.sleep(POLL_SECONDS)
        now = snapshot(roots)
        diff = changed(stamps, now)
        if diff:
            # Let an editor finish writing (save = truncate + write, or write + rename).
            time.sleep(SETTLE_SECONDS)
            now = snapshot(roots)
            pending = changed(stamps, now)
            stamps = now
