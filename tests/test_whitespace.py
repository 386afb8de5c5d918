"""Pages that fill: no page but a document's last leaves a large blank band, on every target.

The measure is bench/whitespace.py's (the largest run of ink-free pixel rows between the top
margin and the running footer), so the figure a test prints is the one a person reproduces
with ``python bench/whitespace.py OUT``.
"""

import importlib.util
import json

from conftest import REPO

_spec = importlib.util.spec_from_file_location("whitespace", REPO / "bench" / "whitespace.py")
whitespace = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(whitespace)


def test_no_page_but_the_last_leaves_a_large_blank_band(built):
    found, pages = whitespace.scan(built, limit=15.0)
    assert pages > 150  # every language, layout and audience: the whole matrix was looked at
    worst = "\n".join(f"  {share:.1f} % blank (limit {limit:.0f} %): {path} page {page}"
                      for share, path, page, limit in found[:10])
    assert not found, f"{len(found)} of {pages} pages leave too much blank:\n{worst}"


def test_a_booklet_has_at_most_one_notes_page(built):
    targets = json.loads((built / "manifest.json").read_text())["targets"]
    booklets = [t for t in targets if t["layout"] == "booklet"]
    assert len(booklets) == 20
    padded = {t["path"]: t["filler_pages"] for t in booklets if t["filler_pages"] > 1}
    assert not padded, f"more than one notes page: {padded}"


def test_the_measure_sees_a_blank_band(tmp_path):
    """A page inked in its top half only is over the limit, and a page inked all over is
    not: the test above can fail."""
    from PIL import Image, ImageDraw

    pages = []
    for inked_to in (0.5, 0.9, 0.9):
        page = Image.new("L", (595, 842), 255)
        draw = ImageDraw.Draw(page)
        for y in range(60, int(842 * inked_to), 14):
            draw.line((50, y, 545, y), fill=0, width=3)
        pages.append(page)
    (tmp_path / "en").mkdir()
    pages[0].save(tmp_path / "en" / "x.pdf", save_all=True, append_images=pages[1:])
    (tmp_path / "manifest.json").write_text(json.dumps(
        {"targets": [{"path": "en/x.pdf", "layout": "brief"}]}))
    found, looked_at = whitespace.scan(tmp_path)
    assert looked_at == 2  # the last page does not count
    assert [(page, round(share)) for share, _, page, _ in found] == [(1, 43)]  # 50 % → 92 % (no footer: its default top)
