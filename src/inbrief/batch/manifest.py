"""``OUT/manifest.json``: what a build produced, the contract CI scripts read."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..pdf.atomic import write_text

MANIFEST = "manifest.json"
SCHEMA_VERSION = 1


_HASHES: dict[tuple, str] = {}


def sha256_file(path: Path) -> str | None:
    """The file's sha256, or None if it is missing.

    A build checks each file when deciding it is cached and again when writing the
    manifest; the hash is kept by the file's stamp, so the second check is free and
    a file changed in between is still read again.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    stamp = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
    if stamp not in _HASHES:
        if len(_HASHES) > 10_000:  # a long `inbrief watch` session
            _HASHES.clear()
        try:
            _HASHES[stamp] = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            return None
    return _HASHES[stamp]


def read(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("targets"), list):
            return data
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        pass
    return {"targets": []}


def entry_key(entry: dict) -> tuple:
    variant = entry.get("variant")
    return (entry.get("lang"), entry.get("layout"), entry.get("audience"),
            entry.get("format", "pdf"), f"-{variant}" if variant else "")


def write(out: Path, entries: dict[tuple, dict], meta: dict) -> None:
    """Keep only entries whose file is on disk and intact, so the manifest never lies."""
    kept = []
    for key in sorted(entries):
        e = entries[key]
        imposed = e.get("imposed")
        if imposed and sha256_file(out / imposed["path"]) != imposed.get("sha256"):
            e = {**e, "imposed": None}
        if sha256_file(out / e["path"]) == e.get("sha256"):
            kept.append(e)
    doc = {"schema": SCHEMA_VERSION, **meta, "targets": kept}
    write_text(out / MANIFEST, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
