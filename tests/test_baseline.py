"""The default project, moved to sections by `inbrief migrate`, against the baseline frozen
from its classic build (tests/baseline/freeze.py): the move may move text, but loses no phrase,
gains no page and needs no stronger copyfit step, on every target of the matrix. (The classic
project it was moved from is kept as tests/fixtures/classic, the input of test_migrate.)

Exceptions, made since: a booklet that copyfits its content back to fewer pages instead of
padding it with notes pages (produce._fill) needs a stronger step and has fewer pages; a
looser step (copyfit.LOOSER, a booklet filling its last inside page) and rows that may break
(copyfit.ROWS_BREAK) tighten nothing, so they count as no step. Words corrected since (issue #16), replaced in the baseline before
comparing (SINCE): the city of the address in each language, the cover's acronym in French,
and the year mark of a Ukrainian month and year.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "baseline"))
from words import lost, words  # noqa: E402

from inbrief.batch import copyfit  # noqa: E402

BASELINE = json.loads(gzip.decompress((REPO / "tests/baseline/iom.json.gz").read_bytes()))
ORDER = [copyfit.NONE.as_dict(), *(s.as_dict() for s in copyfit.STEPS)]
SINCE = {  # language: (words of the baseline, the words now printed in their place)
    "fr": [("geneva", "genève"),
           ("iom organisation internationale", "oim organisation internationale")],
    "es": [("geneva", "ginebra")],
    "ar": [("geneva", "جنيف")],
    "uk": [("geneva", "женева"), ("грудень 1951", "грудень 1951 р")],
}


def _since(lang: str, words: list[str]) -> list[str]:
    text = f" {' '.join(words)} "
    for old, new in SINCE.get(lang, []):
        text = text.replace(f" {old} ", f" {new} ")
    return text.split()


def _strength(fit: dict | None) -> int:
    """How far a manifest's copyfit tightens the type: its index among the steps, 0 for none."""
    fit = {k: v for k, v in (fit or {}).items() if k != "rows_break"}
    return ORDER.index(fit) if fit in ORDER[1:] else 0


def _targets(built: Path) -> dict[str, dict]:
    manifest = json.loads((built / "manifest.json").read_text())
    return {f"{t['lang']}/{t['layout']}/{t['audience']}": t for t in manifest["targets"]}


def test_every_baseline_target_is_still_built(built):
    assert set(_targets(built)) == set(BASELINE)


def test_no_page_gained_and_no_stronger_copyfit(built):
    worse = []
    for key, t in sorted(_targets(built).items()):
        was = BASELINE[key]
        if t["pages"] > was["pages"]:
            worse.append(f"{key}: {was['pages']} → {t['pages']} pages")
        before, now = _strength(was["copyfit"]), _strength(t["copyfit"])
        if now > before and not t["pages"] < was["pages"]:
            worse.append(f"{key}: copyfit step {before} → {now}")
    assert not worse, "\n".join(worse)


def test_no_phrase_lost(built):
    losses = {}
    for key, t in sorted(_targets(built).items()):
        gone = lost(_since(t["lang"], BASELINE[key]["words"].split()),
                    words(built / t["path"], t.get("filler_pages") or 0))
        if gone:
            losses[key] = gone[:3]
    assert not losses, json.dumps(losses, indent=1, ensure_ascii=False)


def test_a_heading_that_moved_is_not_lost_but_one_that_went_is():
    before = "the four areas key figures member states over time history the".split()
    moved = "the four areas history the key figures member states over time".split()
    assert not any("states over time" in run for run in lost(before, moved))
    gone = "the four areas key figures history the".split()
    assert any("over time" in run for run in lost(before, gone))


def test_a_lost_sentence_is_seen():
    before = "the organization was established in 1951 and began its operations in 1952 as a committee".split()
    moved = before[8:] + ["page", "2"] + before[:8]
    assert lost(before, moved) == []
    dropped = before[:6] + before[11:]
    assert lost(before, dropped) and "operations" in lost(before, dropped)[0]
