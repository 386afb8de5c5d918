"""What every page promises, checked on every target: the whole default matrix, and English
and Arabic on Letter paper and in print. A defect seen in one leaflet usually sits in all,
so nothing here samples.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO
from pdfcheck import outside_safe_area, overprinted_lines

LANGS = ("ar", "en", "es", "fr", "uk")
LAYOUTS = ("booklet", "brief", "factsheet", "leaflet")
AUDIENCES = ("general", "government", "migrants", "partners")


def reading_copies(out: Path) -> list[Path]:
    """The PDFs a target produces for reading; imposed sheets are checked through their pages."""
    return [p for p in sorted(out.rglob("*.pdf")) if not p.name.endswith("-imposed.pdf")]


def sweep(outs: list[Path], check) -> dict[str, list[str]]:
    failures = {}
    for out in outs:
        for pdf in reading_copies(out):
            found = check(pdf)
            if found:
                failures[str(pdf.relative_to(out.parent))] = found
    return failures


def report(failures: dict[str, list[str]]) -> str:
    lines = []
    for target, found in failures.items():
        lines.append(f"{target}: {len(found)} finding(s)")
        lines += [f"    {f}" for f in found[:4]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def every_output(built, variants) -> list[Path]:
    return [built, variants["letter"], variants["print"]]


def test_the_matrix_is_whole(built, variants):
    """The sweep below sees every target: 80 default, 32 on Letter, 32 in print."""
    assert len(reading_copies(built)) == len(LANGS) * len(LAYOUTS) * len(AUDIENCES)
    for name in ("letter", "print"):
        assert len(reading_copies(variants[name])) == 2 * len(LAYOUTS) * len(AUDIENCES)


def test_every_glyph_inside_the_trim_with_a_3mm_safe_area(every_output):
    failures = sweep(every_output, outside_safe_area)
    assert not failures, "text outside the safe area:\n" + report(failures)


def test_no_text_drawn_over_other_text(every_output):
    failures = sweep(every_output, overprinted_lines)
    assert not failures, "overprinted text:\n" + report(failures)


def test_no_target_warns(every_output):
    """A warning from the default project is a defect: an ignored CSS rule, a fallback text."""
    warned = {}
    for out in every_output:
        for t in json.loads((out / "manifest.json").read_text())["targets"]:
            if t["warnings"]:
                warned[f"{out.name}/{t['path']}"] = t["warnings"]
    assert not warned, json.dumps(warned, indent=1, ensure_ascii=False)


def test_the_checks_can_fail(tmp_path):
    """The sweep is only worth its time if it sees a defect: a line pushed off the sheet and
    two paragraphs set on the same spot are both reported with their page and text."""
    import weasyprint
    from inbrief.config.loader import load_project
    from inbrief.pdf.fonts import font_face_css, resolve_faces

    faces = resolve_faces(load_project(REPO).config.fonts, "en")
    html = f"""<style>{font_face_css(faces)} @page {{ size: A5; margin: 10mm }}
    p {{ margin: 0; font: 12pt "{faces[0].family}" }}</style>
    <p style="position: relative; left: -12mm">Off the edge of the sheet</p>
    <p>First paragraph here</p><p style="margin-top: -14pt">Second paragraph here</p>"""
    pdf = tmp_path / "bad.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    outside = outside_safe_area(pdf)
    assert outside and outside[0].startswith("page 1: 'O")
    overlaps = overprinted_lines(pdf)
    assert overlaps and "First paragraph" in overlaps[0] and "Second paragraph" in overlaps[0]
