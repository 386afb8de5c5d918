"""The pictures in the README and docs/ show what the code builds today (``make pictures``)."""

from __future__ import annotations

import importlib.util
import re

import pytest
from conftest import REPO, run
from PIL import Image, ImageChops

spec = importlib.util.spec_from_file_location("pictures", REPO / "docs" / "pictures.py")
pictures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pictures)

IMAGE_REF = re.compile(r"""(?:src="|\]\()((?:docs/)?images/[^")\s]+\.png)""")


def referenced_images() -> set[str]:
    found = set()
    for md in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        for ref in IMAGE_REF.findall(md.read_text(encoding="utf-8")):
            found.add(ref.removeprefix("docs/"))
    return found


def test_every_picture_in_the_docs_is_made_by_make_pictures():
    made = {name for name, *_ in pictures.all_pictures()}
    refs = referenced_images()
    assert len(refs) >= 20
    assert refs <= made, f"pictures not made by docs/pictures.py: {sorted(refs - made)}"
    on_disk = {str(p.relative_to(REPO / "docs")) for p in (REPO / "docs/images").rglob("*.png")}
    assert on_disk == made, (f"stale files: {sorted(on_disk - made)}; "
                             f"missing, run make pictures: {sorted(made - on_disk)}")


def differing_share(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels that differ visibly (antialiasing across PDFium versions does not)."""
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).convert("L")
    visible = sum(diff.histogram()[48:])
    return visible / (a.width * a.height)


@pytest.mark.parametrize("name,build,pdf,pages,height", pictures.all_pictures(),
                         ids=[p[0] for p in pictures.all_pictures()])
def test_picture_matches_the_current_build(request, name, build, pdf, pages, height):
    out = {"screen": lambda: request.getfixturevalue("built"),
           "print": lambda: request.getfixturevalue("variants")["print"],
           "gallery": lambda: request.getfixturevalue("example_builds")["kinds-gallery"]}[build]()
    fresh = pictures.draw(out / pdf, pages, height)
    shipped = Image.open(REPO / "docs" / name)
    assert shipped.size == fresh.size, f"docs/{name} is out of date: run make pictures"
    share = differing_share(shipped, fresh)
    assert share < 0.002, (f"docs/{name}: {share:.1%} of its pixels differ from what the code "
                           "builds now — run make pictures and look at the result")


def test_contact_sheets_command(built, tmp_path):
    dest = tmp_path / "sheets"
    result = run("--project", str(REPO), "contact-sheets", "--out", str(built), "--dest",
                 str(dest), "--lang", "ar", "--layout", "brief", "--audience", "general")
    assert result.exit_code == 0, result.output
    png = dest / "ar" / "iom-in-brief-brief-general.png"
    assert png.is_file() and "1 contact sheet" in result.output
    image = Image.open(png)
    assert image.width > 4 * image.height / 2  # four A4 pages side by side in one row


def test_contact_sheets_without_a_build(tmp_path):
    result = run("--project", str(REPO), "contact-sheets", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "no manifest.json — build first" in result.output


def test_every_yaml_of_the_kinds_page_is_the_gallery_s():
    """docs/kinds.md shows each kind's section as examples/kinds-gallery writes it, so the
    YAML beside each picture is what made the picture."""
    import yaml

    gallery = yaml.safe_load((REPO / "examples/kinds-gallery/data/text/en.yaml")
                             .read_text(encoding="utf-8"))
    page = (REPO / "docs" / "kinds.md").read_text(encoding="utf-8")
    snippets = re.findall(r"```yaml\n(.*?)```", page, re.S)
    assert len(snippets) == len(pictures.KINDS) + 1  # and the cover
    for snippet in snippets:
        section = yaml.safe_load(snippet)
        (sid, value), = section.items()
        assert gallery[sid] == value, sid
