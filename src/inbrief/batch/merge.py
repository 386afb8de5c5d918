"""``inbrief merge``: join the outputs of CI shards into one folder and one manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import Problem, UserError
from . import manifest


def merge(sources: list[Path], out: Path) -> int:
    """Copy every intact file listed by each shard's manifest; returns the number of targets."""
    out.mkdir(parents=True, exist_ok=True)
    entries: dict[tuple, dict] = {}
    problems: list[Problem] = []
    meta: dict = {}
    for src in sources:
        path = src / manifest.MANIFEST
        if not path.is_file():
            problems.append(Problem(str(path), None, None, "no manifest here",
                                    "pass the --out folders of `inbrief build --shard K/N` runs"))
            continue
        data = manifest.read(src)
        meta = {k: v for k, v in data.items() if k != "targets"}
        for entry in data["targets"]:
            key = manifest.entry_key(entry)
            files = [entry["path"]] + ([entry["imposed"]["path"]] if entry.get("imposed") else [])
            sums = [entry["sha256"]] + ([entry["imposed"]["sha256"]] if entry.get("imposed") else [])
            bad = [f for f, s in zip(files, sums) if manifest.sha256_file(src / f) != s]
            if bad:
                problems.append(Problem(str(src / bad[0]), None, None,
                                        "missing or does not match its manifest entry",
                                        "rebuild that shard"))
                continue
            if key in entries and entries[key]["sha256"] != entry["sha256"]:
                problems.append(Problem(str(path), None, None,
                                        f"{'/'.join(map(str, key[:3]))} is in two shards with "
                                        f"different bytes", "build the shards from one commit"))
                continue
            for f in files:
                dest = out / f
                dest.parent.mkdir(parents=True, exist_ok=True)
                if src.resolve() != out.resolve():
                    shutil.copyfile(src / f, dest)
            entries[key] = entry
    if problems:
        raise UserError(problems)
    manifest.write(out, entries, meta)
    return len(entries)
