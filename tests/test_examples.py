"""The projects under examples/ build over their whole matrix, and every page of them keeps
the same promises as the default project's: inside the sheet, no text over text, no
warning, PDF/UA-1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import page
from conftest import REPO, run
from pdfcheck import outside_safe_area, overprinted_lines
from pypdf import PdfReader

sys.path.insert(0, str(REPO / "tests" / "baseline"))
from words import words as baseline_words  # noqa: E402

EXAMPLES = sorted(p.parent for p in (REPO / "examples").glob("*/inbrief.yaml"))


def _pdfs(out: Path) -> list[Path]:
    return [p for p in sorted(out.rglob("*.pdf")) if not p.name.endswith("-imposed.pdf")]


def test_there_are_examples_of_other_genres():
    assert {e.name for e in EXAMPLES} >= {"vision-at-a-glance", "project-factsheet"}


def test_every_target_is_built_without_warnings(example_builds):
    for name, out in example_builds.items():
        manifest = json.loads((out / "manifest.json").read_text())
        listed = json.loads(run("--project", str(REPO / "examples" / name), "list",
                                "--json").output)
        assert len(manifest["targets"]) == len(listed["targets"]) >= 1, name
        warned = {t["path"]: t["warnings"] for t in manifest["targets"] if t["warnings"]}
        assert not warned, (name, warned)


def test_every_page_inside_its_sheet_and_no_text_over_text(example_builds):
    failures = {}
    for name, out in example_builds.items():
        for pdf in _pdfs(out):
            found = outside_safe_area(pdf) + overprinted_lines(pdf)
            if found:
                failures[f"{name}/{pdf.relative_to(out)}"] = found[:4]
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


def test_every_example_pdf_passes_pdf_ua_1(example_builds):
    failing = {}
    for name, out in example_builds.items():
        for pdf in _pdfs(out):
            report = page.validate_pdf(str(pdf), profile="ua1")
            if not report.is_compliant:
                failing[f"{name}/{pdf.name}"] = [f.rule_id for f in report.failures]
    assert not failing, failing


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def test_the_project_kind_renders_with_its_own_labels(example_builds):
    text = _text(example_builds["project-factsheet"] / "en" / "sample-project-brief.pdf")
    assert "Information centres open (sample) 60 %" in text
    assert "Due September 2026" in text


def _alt_texts(pdf: Path) -> list[str]:
    """Every /Alt of the structure tree: what a screen reader says for a figure."""
    found, stack = [], [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack += list(node)
        elif isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                stack.append(node["/K"])
    return found


def _sun_pixels(pdf: Path) -> int:
    """Pixels of the drawn cover picture's sun (#f4d58d) on the first page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    image = doc[0].render(scale=1).to_pil().convert("RGB")
    doc.close()
    r, g, b = (band.point(lambda v, c=c: 255 if abs(v - c) < 12 else 0)
               for band, c in zip(image.split(), (0xF4, 0xD5, 0x8D)))
    from PIL import ImageChops

    return ImageChops.multiply(ImageChops.multiply(r, g), b).histogram()[255]


def test_the_cover_photo_and_logo_are_in_every_layout(example_builds):
    out = example_builds["project-factsheet"]
    for layout in ("brief", "factsheet", "leaflet", "booklet"):
        pdf = out / "en" / f"sample-project-{layout}.pdf"
        assert _sun_pixels(pdf) > 200, f"{layout}: the cover picture is not on the first page"
        assert "Illustration: drawn for this example" in _text(pdf), layout
        alts = _alt_texts(pdf)
        assert "An illustration of hills under a morning sky with a path across them." in alts
        assert "Sample Organization" in alts, (layout, alts)  # the logo's alternative text


def test_the_vision_example_is_one_page_in_both_languages(example_builds):
    out = example_builds["vision-at-a-glance"]
    for lang, phrase in (("en", "specific regional and political contexts"),
                         ("fr", "contextes régionaux et politiques propres")):
        pdf = out / lang / "vision-at-a-glance.pdf"
        assert len(PdfReader(pdf).pages) == 1
        assert " ".join(phrase.lower().split()) in " ".join(baseline_words(pdf)), lang


def test_a_project_kind_texts_and_only_they_go_to_translators(tmp_path):
    """The project's own kind: its text fields are PO entries, its number and date are not;
    an English edit makes the entry fuzzy; the schema for editors knows the kind."""
    import shutil

    import polib

    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "project-factsheet", project)
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [en]",
                                                                 "languages: [en, fr]"),
                      encoding="utf-8")
    po_file = tmp_path / "fr.po"
    result = run("--project", str(project), "i18n", "export", "--lang", "fr", "--out", str(po_file))
    assert result.exit_code == 0, result.output
    entries = {e.msgctxt: e for e in polib.pofile(str(po_file))}
    assert entries["progress.targets.items.centres.target"].msgid == \
        "Information centres open (sample)"
    assert not [k for k in entries if k.endswith((".progress", ".due"))]
    assert not [k for k in entries if k.endswith(".type")]
    fr = project / "data" / "text" / "fr.yaml"
    fr.write_text("progress:\n  targets:\n    items:\n      centres:\n"
                  "        target: Centres d’information ouverts (exemple)\n", encoding="utf-8")
    assert run("--project", str(project), "translations", "confirm", "--lang", "fr").exit_code == 0
    en = project / "data" / "text" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "Information centres open (sample)", "Information centres opened (sample)"),
        encoding="utf-8")
    result = run("--project", str(project), "i18n", "export", "--lang", "fr", "--out", str(po_file))
    assert result.exit_code == 0, result.output
    entry = {e.msgctxt: e for e in polib.pofile(str(po_file))}["progress.targets.items.centres.target"]
    assert entry.fuzzy and entry.msgstr == "Centres d’information ouverts (exemple)"
    schema = run("--project", str(project), "schema", "text")
    assert schema.exit_code == 0 and '"milestones"' in schema.output, schema.output[:300]
