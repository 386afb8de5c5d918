"""Freeze the default project's output as the baseline a content-model change is checked
against: every target's words, page count and copyfit step (tests/test_baseline.py).

    .venv/bin/python tests/baseline/freeze.py              # builds the matrix, writes iom.json.gz
    .venv/bin/python tests/baseline/freeze.py --words OUT  # words only, from a build in OUT

``--words`` is for a deliberate change of wording (a translation corrected, a sentence
restored): the words are read again from that build, while every target's page count and
copyfit step stay those frozen before, so the change is still held to the old page budget.
"""

from __future__ import annotations

import argparse
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


def _frozen(out: Path, keep: dict | None) -> dict:
    manifest = json.loads((out / "manifest.json").read_text())
    targets = {}
    for t in sorted(manifest["targets"], key=lambda t: t["path"]):
        key = f"{t['lang']}/{t['layout']}/{t['audience']}"
        said = " ".join(words(out / t["path"], t.get("filler_pages") or 0))
        if keep is not None:
            targets[key] = {**keep[key], "words": said}
        else:
            targets[key] = {"pages": t["pages"], "copyfit": t["copyfit"], "words": said}
    if keep is not None and set(targets) != set(keep):
        sys.exit(f"{out}: the build's targets are not the baseline's; build the whole matrix")
    return targets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", metavar="OUT", type=Path,
                        help="refresh only the words, from the whole matrix built in OUT")
    args = parser.parse_args()
    if args.words:
        keep = json.loads(gzip.decompress((HERE / BASELINE).read_bytes()))
        targets = _frozen(args.words, keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            subprocess.run([sys.executable, "-m", "inbrief", "--project", str(REPO), "build",
                            "--out", str(out), "--quiet"], check=True)
            targets = _frozen(out, None)
    data = json.dumps(targets, ensure_ascii=False, indent=1, sort_keys=True).encode()
    # mtime=0: the same baseline gives the same bytes.
    (HERE / BASELINE).write_bytes(gzip.compress(data, mtime=0))
    print(f"{len(targets)} targets → {HERE / BASELINE}")


if __name__ == "__main__":
    main()
