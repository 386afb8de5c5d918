"""Both ways of subsetting fonts give the same bytes build after build.

WeasyPrint subsets embedded fonts with HarfBuzz (libharfbuzz-subset) or, without it,
with fontTools, which used to stamp every subset with the time it was saved. Each test
builds the same targets twice, in two processes started seconds apart and with different
hash seeds, as two CI runs would: a one-page factsheet and an imposed booklet, in English and
in Arabic (each script's faces, Arabic's with its joining forms).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

from inbrief.pdf import subsetting
from inbrief.pdf.engine import _weasyprint


SELECT = ("--lang", "en", "--lang", "ar", "--layout", "factsheet", "--layout", "booklet",
          "--audience", "general")


def _build(out: Path, subsetter: str, seed: str) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k != subsetting.ENV}
    env["PYTHONHASHSEED"] = seed
    if subsetter == "fonttools":
        env[subsetting.ENV] = "fonttools"
    done = subprocess.run(
        [sys.executable, "-m", "inbrief", "--project", str(REPO), "build", *SELECT,
         "--force", "--jobs", "2", "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    # Make sure the path under test is the one that ran: the worker records the way it took,
    # and the fallback is not a warning (it would fail --strict on such machines).
    targets = json.loads((out / "manifest.json").read_text())["targets"]
    assert len(targets) == 4
    assert {t["font_subsetting"] for t in targets} == {subsetter}
    assert not [w for t in targets for w in t["warnings"] + t["render_warnings"]]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def _same(first: dict[str, bytes], second: dict[str, bytes], subsetter: str) -> None:
    assert first.keys() == second.keys() and len(first) == 6  # with 2 imposed booklets
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"differ between two {subsetter} builds: {', '.join(differ)}"


def test_fonttools_subsetting_gives_identical_bytes(tmp_path):
    first = _build(tmp_path / "one", "fonttools", "1")
    _same(first, _build(tmp_path / "two", "fonttools", "2"), "fontTools")


def test_harfbuzz_subsetting_gives_identical_bytes(built, tmp_path):
    """The session's build (its own worker processes) against a build in a new process."""
    _weasyprint()
    if not subsetting.native():
        pytest.skip("no libharfbuzz-subset (HarfBuzz 4.1+) on this machine")
    second = _build(tmp_path / "two", "harfbuzz", "2")
    first = {name: (built / name).read_bytes() for name in second}
    _same(first, second, "HarfBuzz")


def test_dropping_layout_tables_first_gives_the_same_subset():
    """The faster fontTools subsetter must write exactly what fontTools' own would."""
    import fontpkg
    from fontTools import subset
    from fontTools.ttLib import TTFont

    _weasyprint()
    import weasyprint.pdf.fonts as pdf_fonts

    faster = pdf_fonts.subset.Subsetter
    assert faster is not subset.Subsetter
    face = next(f for f in fontpkg.family("Fira Sans").files
                if f.weight == 400 and f.style == "normal" and not f.variable)
    data = Path(face.path).read_bytes()

    def subset_with(cls) -> bytes:
        options = subset.Options(retain_gids=True, passthrough_tables=True,
                                 ignore_missing_glyphs=True, hinting=False,
                                 desubroutinize=True, notdef_outline=True)
        options.drop_tables += ["GSUB", "GPOS", "SVG"]  # as WeasyPrint 70 asks
        subsetter = cls(options)
        subsetter.populate(gids=range(3, 600, 7))
        font = TTFont(io.BytesIO(data), recalcTimestamp=False)
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()

    assert subset_with(faster) == subset_with(subset.Subsetter)
