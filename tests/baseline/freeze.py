"""Freeze the default project's output as the baseline a content-model change is checked
against: every target's words, page count and copyfit step (tests/test_baseline.py).

    .venv/bin/python tests/baseline/freeze.py      # builds the matrix, writes iom.json.gz
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from words import words  # noqa: E402

BASELINE = "iom.json.gz"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([sys.executable, "-m", "inbrief", "--project", str(REPO), "build",
                        "--out", str(out), "--quiet"], check=True)
        manifest = json.loads((out / "manifest.json").read_text())
        targets = {}
        for t in sorted(manifest["targets"], key=lambda t: t["path"]):
            targets[f"{t['lang']}/{t['layout']}/{t['audience']}"] = {
                "pages": t["pages"], "copyfit": t["copyfit"], "words": " ".join(words(out / t["path"], t.get("filler_pages") or 0))}
    data = json.dumps(targets, ensure_ascii=False, indent=1, sort_keys=True).encode()
    # mtime=0: the same baseline gives the same bytes.
    (HERE / BASELINE).write_bytes(gzip.compress(data, mtime=0))
    print(f"{len(targets)} targets → {HERE / BASELINE}")


if __name__ == "__main__":
    main()
